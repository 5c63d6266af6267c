"""Surveys and their responses: what may be answered, and the latest scores the list shows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from camdesk.errors import SurveyChanged, ValidationError
from camdesk.services.feedback import scores
from camdesk.services.feedback.surveys import (
    ResponseData,
    SurveyData,
    add_response,
    delete_response,
    list_surveys,
    responses_of,
    save_survey,
)
from camdesk.services.feedback.workflow import FeedbackData, Ref, add_feedback, move
from tests.factories import make_customer

DAY = datetime(2026, 10, 5, 10, 0, tzinfo=UTC)


def _survey(db, actor, **given):
    data = SurveyData(**({"name": "售后回访", "asks_csat": True, "asks_nps": True,
                          "questions": ("哪里可以做得更好？",)} | given))  # fmt: skip
    return save_survey(db, data, actor).value


def _problems(error):
    return [(p.field, p.message) for p in error.value.problems]


def test_a_survey_is_defined_changed_and_listed(db, actor):
    ident = _survey(db, actor)
    [survey] = list_surveys(db)
    assert (survey.id, survey.name, survey.asks_nps, survey.questions) == (
        ident,
        "售后回访",
        True,
        ("哪里可以做得更好？",),
    )
    save_survey(db, SurveyData("售后回访（新）", asks_nps=False), actor, survey)
    [changed] = list_surveys(db)
    assert (changed.name, changed.asks_nps, changed.questions) == ("售后回访（新）", False, ())
    with pytest.raises(SurveyChanged):  # edited from the version read before the change
        save_survey(db, SurveyData("旧的"), actor, survey)
    with pytest.raises(ValidationError) as error:
        save_survey(db, SurveyData("空的", asks_csat=False, asks_nps=False), actor)
    assert _problems(error)[0][0] == "questions"
    with pytest.raises(ValidationError):  # two surveys of one name
        save_survey(db, SurveyData("售后回访（新）"), actor)


def test_scores_out_of_range_or_not_asked_are_refused_with_every_reason(db, actor):
    customer = make_customer(db, actor, name="何欣怡")
    csat_only = _survey(db, actor, name="满意度", asks_nps=False)
    with pytest.raises(ValidationError) as error:
        add_response(db, ResponseData(customer.id, csat_only, csat=6, nps=9), actor)
    assert {field for field, _ in _problems(error)} == {"csat", "nps"}
    with pytest.raises(ValidationError):  # nothing answered at all
        add_response(db, ResponseData(customer.id, csat_only), actor)
    with pytest.raises(ValidationError):  # an answer to a question it does not ask
        add_response(db, ResponseData(customer.id, csat_only, csat=4,
                                      answers=(("别的问题", "答"),)), actor)  # fmt: skip
    assert responses_of(db, customer.id) == []


def test_the_latest_score_of_each_kind_is_kept_and_follows_a_deletion(db, actor):
    customer = make_customer(db, actor, name="林晓峰")
    survey = _survey(db, actor)
    add_response(db, ResponseData(customer.id, survey, nps=9, csat=5, answered_at=DAY), actor)
    later = add_response(db, ResponseData(customer.id, survey, nps=4,
                                          answered_at=DAY + timedelta(days=30)), actor)  # fmt: skip
    # An older answer recorded afterwards does not count as the latest.
    add_response(db, ResponseData(customer.id, survey, nps=10, csat=3,
                                  answered_at=DAY - timedelta(days=30)), actor)  # fmt: skip
    got = scores.scores_of(db, customer.id)
    assert (got.nps, got.nps_at, got.csat, got.csat_at) == (4, DAY + timedelta(days=30), 5, DAY)
    [newest, *_] = responses_of(db, customer.id)
    assert newest.id == later.value.id
    delete_response(db, newest.id, newest.version, actor)
    assert scores.scores_of(db, customer.id).nps == 9
    assert len(responses_of(db, customer.id)) == 2


def test_a_response_rates_only_the_customers_resolved_feedback(db, actor):
    customer = make_customer(db, actor, name="曾晓燕")
    other = make_customer(db, actor, name="王芳")
    survey = _survey(db, actor)
    item = add_feedback(db, FeedbackData(customer.id, "question", "发票怎么开？"), actor).value
    with pytest.raises(ValidationError):  # not resolved yet
        add_response(db, ResponseData(customer.id, survey, csat=4, feedback_id=item.id), actor)
    version = move(db, Ref(item.id, 1), "in_progress", actor).value
    move(db, Ref(item.id, version), "resolved", actor, resolution="已寄送电子发票")
    with pytest.raises(ValidationError):  # someone else's feedback
        add_response(db, ResponseData(other.id, survey, csat=4, feedback_id=item.id), actor)
    add_response(db, ResponseData(customer.id, survey, csat=4, feedback_id=item.id), actor)
    assert responses_of(db, customer.id)[0].feedback_number == item.number
