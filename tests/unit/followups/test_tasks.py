"""Follow-ups: planned, done with a logged contact and the series' next, skipped, moved."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import func, select

from camdesk.errors import FollowUpChanged, FollowUpClosed, ValidationError
from camdesk.models import FollowUp, FollowUpKind, InteractionKind
from camdesk.services.core.changes import Kind
from camdesk.services.customers.files import delete_customers, get_customer
from camdesk.services.customers.interactions import list_interactions
from camdesk.services.customers.merge import merge_customers
from camdesk.services.customers.undo import undo
from camdesk.services.followups import agenda, tasks
from camdesk.services.followups.recurrence import Unit, every
from camdesk.services.followups.tasks import Plan, Ref
from tests.factories import make_customer


def _plan(db, actor, customer, due=date(2026, 12, 7), **more):
    return tasks.add_follow_up(db, Plan(customer.id, due, **more), actor).value


def _ref(db, ident):
    with db.read() as session:
        row = session.get(FollowUp, ident)
        return Ref(row.id, row.version)


def _live(db, customer_id):
    with db.read() as session:
        return session.scalars(select(FollowUp).where(
            FollowUp.customer_id == customer_id, FollowUp.deleted_at.is_(None))
            .order_by(FollowUp.due_on)).all()  # fmt: skip


def test_completing_logs_the_contact_and_moves_last_contact(db, actor):
    customer = make_customer(db, actor)
    ident = _plan(db, actor, customer, purpose="回访满意度")
    at = datetime(2026, 11, 7, 10, 0, tzinfo=UTC)
    done = tasks.complete(db, _ref(db, ident), actor, outcome="满意，下月再联系",
                          channel=InteractionKind.WECHAT, at=at)  # fmt: skip
    assert done.changes.touches(Kind.FOLLOWUPS | Kind.INTERACTIONS)
    (entry,) = list_interactions(db, customer.id)
    assert (entry.kind, entry.subject, entry.outcome, entry.direction) == (
        "wechat",
        "回访满意度",
        "满意，下月再联系",
        "out",
    )
    assert get_customer(db, customer.id).last_contact_at == at
    (row,) = _live(db, customer.id)
    assert (row.status.value, row.interaction_id, row.outcome) == ("done", entry.id,
                                                                   "满意，下月再联系")  # fmt: skip
    assert done.value.next_id is None


def test_completing_a_recurring_one_plans_exactly_one_next(db, actor):
    customer = make_customer(db, actor)
    start = date(2026, 1, 31)
    ident = _plan(db, actor, customer, start, rule=every(1, Unit.MONTHS, start),
                  due_at_time=time(9, 30))  # fmt: skip
    done = tasks.complete(db, _ref(db, ident), actor, outcome="ok",
                          at=datetime(2026, 1, 31, 3, tzinfo=UTC))  # fmt: skip
    assert done.value.next_due == date(2026, 2, 28)
    with pytest.raises(FollowUpClosed) as closed:  # done twice (another window, an old view)
        tasks.complete(db, _ref(db, ident), actor, outcome="again")
    assert closed.value.status == "done" and "already marked done" in closed.value.text()
    rows = _live(db, customer.id)
    assert [(r.due_on, r.status.value) for r in rows] == [
        (date(2026, 1, 31), "done"), (date(2026, 2, 28), "planned")]  # fmt: skip
    following = rows[1]
    assert (following.previous_id, following.due_at_time, following.origin) == (
        ident,
        time(9, 30),
        "series",
    )


def test_done_late_skips_the_days_missed_meanwhile(db, actor):
    customer = make_customer(db, actor)
    start = date(2026, 9, 7)  # weekly on Mondays, done eight weeks late
    ident = _plan(db, actor, customer, start, rule=every(1, Unit.WEEKS, start))
    done = tasks.complete(db, _ref(db, ident), actor, outcome="ok",
                          at=datetime(2026, 11, 4, 4, tzinfo=UTC))  # fmt: skip
    assert done.value.next_due == date(2026, 11, 9)


def test_the_last_of_a_counted_series_plans_nothing(db, actor):
    customer = make_customer(db, actor)
    start = date(2026, 11, 2)
    ident = _plan(db, actor, customer, start, rule="FREQ=WEEKLY;COUNT=2")
    first = tasks.complete(db, _ref(db, ident), actor, outcome="1",
                           at=datetime(2026, 11, 2, 4, tzinfo=UTC)).value  # fmt: skip
    second = tasks.complete(db, _ref(db, first.next_id), actor, outcome="2",
                            at=datetime(2026, 11, 9, 4, tzinfo=UTC)).value  # fmt: skip
    assert (first.next_due, second.next_id) == (date(2026, 11, 9), None)


def test_skipping_goes_on_with_the_series_and_cancelling_ends_it(db, actor):
    customer = make_customer(db, actor)
    start = date(2026, 12, 1)
    ident = _plan(db, actor, customer, start, rule=every(10, Unit.DAYS, start))
    assert tasks.skip(db, _ref(db, ident), actor, "客户出差").value == date(2026, 12, 11)
    assert not list_interactions(db, customer.id)
    (following,) = [r for r in _live(db, customer.id) if r.status.value == "planned"]
    tasks.cancel(db, [Ref(following.id, following.version)], actor)
    assert [r.status.value for r in _live(db, customer.id)] == ["skipped", "cancelled"]


def test_a_follow_up_changed_meanwhile_is_a_conflict_not_an_overwrite(db, actor):
    customer = make_customer(db, actor)
    ident = _plan(db, actor, customer)
    seen = _ref(db, ident)
    tasks.reschedule(db, [seen], actor, date(2026, 12, 9))  # someone else moved it
    with pytest.raises(FollowUpChanged) as conflict:
        tasks.complete(db, seen, actor, outcome="打过了")
    assert customer.name in conflict.value.text()
    assert _live(db, customer.id)[0].due_on == date(2026, 12, 9)
    assert not list_interactions(db, customer.id)


def test_bulk_moves_are_all_or_nothing(db, actor):
    one, two = make_customer(db, actor), make_customer(db, actor)
    first, second = _plan(db, actor, one), _plan(db, actor, two)
    stale = _ref(db, second)
    tasks.reassign(db, [stale], actor, None)
    with pytest.raises(FollowUpChanged):
        tasks.reschedule(db, [_ref(db, first), stale], actor, date(2027, 1, 4))
    assert _live(db, one.id)[0].due_on == date(2026, 12, 7)
    changes = tasks.reschedule(db, [_ref(db, first), _ref(db, second)], actor,
                               date(2027, 1, 4), time(14, 0))  # fmt: skip
    assert changes.customers == {one.id, two.id}
    assert [(r.due_on, r.due_at_time) for r in (*_live(db, one.id), *_live(db, two.id))] == [
        (date(2027, 1, 4), time(14, 0))
    ] * 2


def test_the_assignee_is_the_customers_owner_unless_chosen(db, actor):
    customer = make_customer(db, actor, owner_id=actor.user_id)
    mine = _plan(db, actor, customer)
    nobodys = _plan(db, actor, customer, assignee_id=None)
    with db.read() as session:
        assert session.get(FollowUp, mine).assignee_id == actor.user_id
        assert session.get(FollowUp, nobodys).assignee_id is None


def test_a_bad_rule_or_long_purpose_saves_nothing(db, actor):
    customer = make_customer(db, actor)
    with pytest.raises(ValidationError) as refused:
        tasks.add_follow_up(db, Plan(customer.id, date(2026, 12, 7), purpose="x" * 201,
                                     rule="every tuesday"), actor)  # fmt: skip
    assert [p.field for p in refused.value.problems] == ["purpose", "rule"]
    assert not _live(db, customer.id)


def test_deleting_a_customer_deletes_the_planned_ones_and_undo_brings_them_back(db, actor):
    customer = make_customer(db, actor)
    _plan(db, actor, customer, kind=FollowUpKind.CARE)
    changes = delete_customers(db, [customer.id], actor)
    assert changes.touches(Kind.FOLLOWUPS)
    assert agenda.month_counts(db, date(2026, 12, 1), date(2026, 12, 31)) == []
    undo(db, changes.action, actor)
    (count,) = agenda.month_counts(
        db, date(2026, 12, 1), date(2026, 12, 31), today=date(2026, 12, 1)
    )
    assert (count.day, count.kind, count.state, count.count) == (date(2026, 12, 7), "care",
                                                                 "planned", 1)  # fmt: skip


def test_a_merge_moves_the_follow_ups_to_the_customer_kept(db, actor):
    keep, other = make_customer(db, actor), make_customer(db, actor)
    _plan(db, actor, other)
    merge_customers(db, keep.id, [other.id], keep.as_data(), actor)
    assert len(_live(db, keep.id)) == 1
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(FollowUp).where(
            FollowUp.customer_id == other.id)) == 0  # fmt: skip
