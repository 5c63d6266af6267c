"""Feedback worked through its steps: due by severity, each step kept, wrong steps refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from camdesk.errors import FeedbackChanged, FeedbackStepRefused, ValidationError
from camdesk.models import Feedback, FeedbackStep
from camdesk.services.core.users import ensure_user
from camdesk.services.feedback import workflow
from camdesk.services.feedback.rules import FeedbackRules, load_rules, store_rules
from camdesk.services.feedback.workflow import FeedbackData, Ref, add_feedback, move
from tests.factories import make_customer

RECEIVED = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def _item(db, ident):
    with db.read() as session:
        row = session.get(Feedback, ident)
        steps = session.execute(
            select(FeedbackStep.from_status, FeedbackStep.to_status, FeedbackStep.note)
            .where(FeedbackStep.feedback_id == ident).order_by(FeedbackStep.at, FeedbackStep.id)
        ).all()  # fmt: skip
    return row, [(f.value if f else None, t.value, n) for f, t, n in steps]


def _complaint(db, actor, **given):
    customer = make_customer(db, actor, name="何欣怡")
    data = FeedbackData(customer.id, "complaint", "快递把包装压坏了", severity="high",
                        channel="wechat", category="delivery", received_at=RECEIVED, **given)  # fmt: skip
    return add_feedback(db, data, actor)


def test_new_feedback_is_numbered_and_due_by_its_severity(db, actor):
    first = _complaint(db, actor)
    assert first.value.due_at == RECEIVED + timedelta(hours=24)  # high: 24 hours
    assert first.changes.touches(workflow.Kind.FEEDBACK)
    customer = make_customer(db, actor, name="林晓峰")
    second = add_feedback(db, FeedbackData(customer.id, "question", "发票怎么开？",
                                           severity="urgent", received_at=RECEIVED), actor)  # fmt: skip
    assert (first.value.number, second.value.number) == (1, 2)
    assert second.value.due_at == RECEIVED + timedelta(hours=4)
    row, steps = _item(db, first.value.id)
    assert (row.status.value, steps) == ("new", [(None, "new", None)])


def test_the_teams_service_levels_set_the_due_time(db, actor):
    with db.write() as session:
        rules = load_rules(session)
        store_rules(session, FeedbackRules(sla_hours={**rules.sla_hours,
                                                      workflow.Severity.HIGH: 8}), actor)  # fmt: skip
    assert _complaint(db, actor).value.due_at == RECEIVED + timedelta(hours=8)


def test_a_complaint_goes_from_new_to_closed_and_every_step_is_kept(db, actor):
    wang = ensure_user(db, "wangfang", "王芳")
    added = _complaint(db, actor).value
    version = 1
    for to, given in [("assigned", {"assignee_id": wang.id}), ("in_progress", {}),
                      ("resolved", {"resolution": "补发新品并道歉"}),
                      ("informed", {"note": "电话告知，客户满意"}), ("closed", {})]:  # fmt: skip
        version = move(db, Ref(added.id, version), to, actor, **given).value
    row, steps = _item(db, added.id)
    assert row.status.value == "closed" and row.assignee_id == wang.id
    assert row.resolution == "补发新品并道歉" and row.resolved_at and row.closed_at
    assert [(f, t) for f, t, _ in steps] == [
        (None, "new"), ("new", "assigned"), ("assigned", "in_progress"),
        ("in_progress", "resolved"), ("resolved", "informed"), ("informed", "closed")]  # fmt: skip
    assert steps[4][2] == "电话告知，客户满意"


def test_reopening_counts_and_clears_the_resolution_time(db, actor):
    added = _complaint(db, actor).value
    version = 1
    for to, given in [("in_progress", {}), ("resolved", {"resolution": "已退款"})]:
        version = move(db, Ref(added.id, version), to, actor, **given).value
    version = move(db, Ref(added.id, version), "in_progress", actor, note="客户说还没收到").value
    row, _steps = _item(db, added.id)
    assert (row.status.value, row.reopened, row.resolved_at) == ("in_progress", 1, None)
    assert row.resolution == "已退款"  # what was tried stays readable
    move(db, Ref(added.id, version), "resolved", actor)  # the earlier resolution still stands


def test_a_step_the_item_cannot_take_is_refused_and_nothing_is_written(db, actor):
    added = _complaint(db, actor).value
    with pytest.raises(FeedbackStepRefused) as refused:
        move(db, Ref(added.id, 1), "closed", actor)
    text = refused.value.text()
    assert "FB-1 is “new”" in text and "“closed”" in text and "assigned, in progress" in text
    with pytest.raises(ValidationError) as missing:
        move(db, Ref(added.id, 1), "assigned", actor)  # nobody to assign it to
    assert [p.field for p in missing.value.problems] == ["assignee"]
    version = move(db, Ref(added.id, 1), "in_progress", actor).value
    with pytest.raises(ValidationError) as missing:
        move(db, Ref(added.id, version), "resolved", actor)  # resolved how?
    assert [p.field for p in missing.value.problems] == ["resolution"]
    row, steps = _item(db, added.id)
    assert (row.status.value, row.version, len(steps)) == ("in_progress", version, 2)


def test_a_colleagues_step_since_is_a_conflict_not_an_overwrite(db, actor):
    added = _complaint(db, actor).value
    move(db, Ref(added.id, 1), "in_progress", actor)
    with pytest.raises(FeedbackChanged) as caught:
        move(db, Ref(added.id, 1), "in_progress", actor)  # the view still showed version 1
    assert "FB-1" in caught.value.text()


def test_what_cannot_be_feedback_is_refused_field_by_field(db, actor):
    customer = make_customer(db, actor, name="曾晓燕")
    with pytest.raises(ValidationError) as caught:
        add_feedback(db, FeedbackData(customer.id, "rant", "  ", severity="extreme",
                                      channel="pigeon", category="weather",
                                      received_at=datetime.now(UTC) + timedelta(days=2)), actor)  # fmt: skip
    assert sorted(p.field for p in caught.value.problems) == sorted(
        ["description", "kind", "severity", "received_at", "category", "channel"])  # fmt: skip
    with db.read() as session:
        assert session.scalars(select(Feedback)).all() == []


def test_open_feedback_past_its_due_time_is_overdue_until_resolved(db, actor):
    from camdesk.services.feedback.queries import list_feedback, steps_of

    customer = make_customer(db, actor, name="孙德胜")
    now = datetime.now(UTC)
    late = add_feedback(db, FeedbackData(customer.id, "complaint", "三天没人回复",
                                         severity="urgent",
                                         received_at=now - timedelta(hours=5)), actor).value  # fmt: skip
    add_feedback(db, FeedbackData(customer.id, "suggestion", "希望增加夜间配送",
                                  severity="low", received_at=now - timedelta(hours=5)), actor)  # fmt: skip
    assert [r.number for r in list_feedback(db, overdue=True)] == [late.number]
    assert [r.overdue for r in list_feedback(db, customer_id=customer.id)] == [False, True]
    version = move(db, Ref(late.id, 1), "in_progress", actor).value
    move(db, Ref(late.id, version), "resolved", actor, resolution="已回电致歉")
    assert list_feedback(db, overdue=True) == []  # resolved: its service level is met or missed
    assert [s.to_status for s in steps_of(db, late.id)] == ["new", "in_progress", "resolved"]
