"""The loop closes by itself: complaints and detractors plan one follow-up each, once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from camdesk.models import FollowUp, FollowUpKind
from camdesk.services.core.changelog import ChangeWriter
from camdesk.services.core.changes import Kind
from camdesk.services.core.users import ensure_user
from camdesk.services.feedback import loop
from camdesk.services.feedback.rules import FeedbackRules, store_rules
from camdesk.services.feedback.surveys import ResponseData, SurveyData, add_response, save_survey
from camdesk.services.feedback.workflow import FeedbackData, Ref, add_feedback, move
from camdesk.services.followups.tasks import Ref as TaskRef
from camdesk.services.followups.tasks import cancel
from tests.factories import make_customer


def _plans(db, customer_id):
    with db.read() as session:
        return session.execute(
            select(FollowUp.origin_key, FollowUp.kind, FollowUp.assignee_id, FollowUp.due_on,
                   FollowUp.due_at_time, FollowUp.purpose, FollowUp.id, FollowUp.version)
            .where(FollowUp.customer_id == customer_id).order_by(FollowUp.created_at)
        ).all()  # fmt: skip


def test_a_complaint_plans_a_follow_up_for_the_owner_due_within_a_day(db, actor):
    owner = ensure_user(db, "wangfang", "王芳").id
    customer = make_customer(db, actor, name="何欣怡", owner_id=owner)
    before = datetime.now(UTC)
    added = add_feedback(db, FeedbackData(customer.id, "complaint", "快递把包装压坏了"), actor)
    [(key, kind, assignee, day, at, purpose, ident, _)] = _plans(db, customer.id)
    assert (key, kind, assignee, ident) == (
        f"complaint:FB-{added.value.number}",
        FollowUpKind.RETURN,
        owner,
        added.value.follow_up_id,
    )
    due = datetime.combine(day, at).astimezone()
    assert (
        before + timedelta(hours=23, minutes=59) <= due <= datetime.now(UTC) + timedelta(hours=24)
    )
    assert purpose == f"FB-{added.value.number}: 快递把包装压坏了"
    assert added.changes.touches(Kind.FOLLOWUPS)  # the calendar refreshes
    # A suggestion plans nothing.
    add_feedback(db, FeedbackData(customer.id, "suggestion", "希望有夜间配送"), actor)
    assert len(_plans(db, customer.id)) == 1


def test_the_teams_hours_set_when_the_follow_up_is_due(db, actor):
    with db.write() as session:
        store_rules(session, FeedbackRules(follow_up_hours=4), actor)
    customer = make_customer(db, actor, name="林晓峰")
    add_feedback(db, FeedbackData(customer.id, "complaint", "态度差"), actor)
    [(_, _, _, day, at, *_)] = _plans(db, customer.id)
    due = datetime.combine(day, at).astimezone()
    assert due <= datetime.now(UTC) + timedelta(hours=4)


def test_a_detractor_is_followed_up_once_and_a_promoter_not_at_all(db, actor):
    customer = make_customer(db, actor, name="曾晓燕")
    survey = save_survey(db, SurveyData("回访", asks_csat=True, asks_nps=True), actor).value
    add_response(db, ResponseData(customer.id, survey, nps=10, csat=5), actor)
    add_response(db, ResponseData(customer.id, survey, nps=7, csat=3), actor)  # passive
    assert _plans(db, customer.id) == []
    low = add_response(db, ResponseData(customer.id, survey, nps=3, comment="送货太慢"), actor)
    [(key, _, _, _, _, purpose, ident, version)] = _plans(db, customer.id)
    assert (key, purpose, ident) == (f"detractor:{low.value.id}", "NPS 3: 送货太慢",
                                     low.value.follow_up_id)  # fmt: skip
    add_response(db, ResponseData(customer.id, survey, csat=1), actor)  # CSAT 1-2 detracts too
    assert len(_plans(db, customer.id)) == 2
    # Cancelled by the owner: planning again for the same answer makes nothing new.
    cancel(db, [TaskRef(ident, version)], actor)
    with db.write() as session:
        log = ChangeWriter(session, actor, low.changes.action)
        again = loop.after_answer(session, log, FeedbackRules(), customer_id=customer.id,
                                  response_id=low.value.id, nps=3, csat=None, comment=None,
                                  at=datetime.now(UTC))  # fmt: skip
    assert again is None and len(_plans(db, customer.id)) == 2


def test_resolving_a_complaint_plans_one_satisfaction_check_days_later(db, actor):
    customer = make_customer(db, actor, name="王芳")
    added = add_feedback(db, FeedbackData(customer.id, "complaint", "尺码不对"), actor).value
    number = added.number
    at = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    version = move(db, Ref(added.id, 1), "in_progress", actor).value
    version = move(db, Ref(added.id, version), "resolved", actor, resolution="已换货", at=at).value
    checks = [row for row in _plans(db, customer.id) if row[0] == f"check:FB-{number}"]
    assert [(row[3], row[4]) for row in checks] == [(at.astimezone().date() + timedelta(days=3),
                                                     None)]  # fmt: skip
    # Reopened and resolved again: still one check.
    version = move(db, Ref(added.id, version), "in_progress", actor).value
    move(db, Ref(added.id, version), "resolved", actor, resolution="再次换货")
    assert len([row for row in _plans(db, customer.id) if row[0].startswith("check:")]) == 1
    # A team that wants no check sets 0 days; the user may also leave it out for one item.
    with db.write() as session:
        store_rules(session, FeedbackRules(check_after_days=0), actor)
    other = add_feedback(db, FeedbackData(customer.id, "complaint", "少发一件"), actor).value
    version = move(db, Ref(other.id, 1), "in_progress", actor).value
    move(db, Ref(other.id, version), "resolved", actor, resolution="补发")
    assert not [row for row in _plans(db, customer.id) if row[0] == f"check:FB-{other.number}"]
