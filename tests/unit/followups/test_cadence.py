"""Planning from value: each tier's interval, wake-ups and win-backs, idempotent runs."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from camdesk.errors import Cancelled
from camdesk.models import ChangeLog, CustomerValue, FollowUp, ValueChange, utcnow
from camdesk.services.customers.files import delete_customers
from camdesk.services.customers.interactions import log_interaction
from camdesk.services.followups import tasks
from camdesk.services.followups.cadence import plan_follow_ups
from camdesk.services.followups.tasks import Plan, Ref
from tests.factories import make_customer

TODAY = date(2026, 11, 20)


def _valued(db, customer, tier, stage="active", turned=None):
    with db.write() as session:
        session.add(CustomerValue(customer_id=customer.id, as_of=TODAY, tier=tier, stage=stage,
                                  computed_at=utcnow()))  # fmt: skip
        if turned:
            session.add(ValueChange(customer_id=customer.id, on=turned, measure="stage",
                                    old="active", new=stage, recorded_at=utcnow()))  # fmt: skip


def _contacted(db, actor, customer, day):
    log_interaction(db, customer.id, actor, kind="call", subject="回访",
                    occurred_at=datetime(day.year, day.month, day.day, 4, tzinfo=UTC))  # fmt: skip


def _planned(db, customer):
    with db.read() as session:
        return session.execute(select(FollowUp.kind, FollowUp.due_on, FollowUp.origin_key)
                               .where(FollowUp.customer_id == customer.id,
                                      FollowUp.status == "planned")).all()  # fmt: skip


def test_each_tier_has_its_interval_from_the_last_contact(db, actor):
    high, mid, low = (make_customer(db, actor) for _ in range(3))
    for customer, tier in ((high, "high"), (mid, "mid"), (low, "low")):
        _valued(db, customer, tier)
        _contacted(db, actor, customer, date(2026, 11, 1))
    summary = plan_follow_ups(db, actor, today=TODAY).value
    assert summary.kinds == {"return": 3}
    assert [_planned(db, c)[0][1] for c in (high, mid, low)] == [
        date(2026, 12, 1), date(2027, 1, 30), date(2027, 4, 30)]  # fmt: skip
    (kind, _, key), = _planned(db, high)  # fmt: skip
    assert (kind.value, key) == ("return", "cadence:2026-12-01")


def test_a_long_unvisited_customer_is_due_today_not_in_the_past(db, actor):
    customer = make_customer(db, actor)  # no measures yet: low value, created today
    _contacted(db, actor, customer, date(2025, 1, 5))
    plan_follow_ups(db, actor, today=TODAY + timedelta(days=400))
    assert _planned(db, customer)[0][1] == TODAY + timedelta(days=400)


def test_planning_twice_plans_nothing_new(db, actor):
    customers = [make_customer(db, actor) for _ in range(4)]
    first = plan_follow_ups(db, actor, today=TODAY)
    assert first.value.planned == 4 and first.changes
    with db.read() as session:  # each logged as the ORM logs it: the audit trail and sync
        logged = session.scalars(select(ChangeLog)
                                 .where(ChangeLog.table_name == "follow_up")).all()  # fmt: skip
        made = set(session.scalars(select(FollowUp.id)))
        rows = session.scalars(select(FollowUp)).all()
    assert {e.row_id for e in logged} == made and len(logged) == 4
    assert {(e.op, e.old, e.new, e.user_id, e.txn_id) for e in logged} == {
        ("insert", None, None, actor.user_id, first.changes.action)}  # fmt: skip
    assert len({e.hlc for e in logged}) == 4 and all(e.at.tzinfo for e in logged)
    assert {(r.assignee_id, r.updated_by, r.version, r.created_at.tzinfo is not None)
            for r in rows} == {(actor.user_id, actor.user_id, 1, True)}  # fmt: skip
    again = plan_follow_ups(db, actor, today=TODAY)
    assert (again.value.planned, bool(again.changes)) == (0, False)
    assert all(len(_planned(db, c)) == 1 for c in customers)


def test_a_customer_with_a_planned_follow_up_is_left_alone(db, actor):
    customer = make_customer(db, actor)
    tasks.add_follow_up(db, Plan(customer.id, date(2027, 3, 1)), actor)
    assert plan_follow_ups(db, actor, today=TODAY).value.planned == 0
    assert [d for _, d, _ in _planned(db, customer)] == [date(2027, 3, 1)]


def test_a_skipped_visit_moves_the_next_a_whole_interval_on(db, actor):
    customer = make_customer(db, actor)
    _valued(db, customer, "high")
    plan_follow_ups(db, actor, today=TODAY)
    with db.read() as session:
        row = session.scalars(select(FollowUp)).one()
    tasks.skip(db, Ref(row.id, row.version), actor, "出差")
    plan_follow_ups(db, actor, today=TODAY)
    assert [d for _, d, _ in _planned(db, customer)] == [row.due_on + timedelta(days=30)]


def test_silent_and_churned_customers_get_a_wake_up_and_a_win_back_once(db, actor):
    silent, churned, active = (make_customer(db, actor) for _ in range(3))
    _valued(db, silent, "mid", "silent", date(2026, 10, 2))
    _valued(db, churned, "high", "churned", date(2026, 6, 1))
    _valued(db, active, "high", "active")
    summary = plan_follow_ups(db, actor, today=TODAY).value
    assert summary.kinds == {"wake": 1, "winback": 1, "return": 1}
    (kind, due, key), = _planned(db, silent)  # fmt: skip
    assert (kind.value, due, key) == ("wake", TODAY, "stage:2026-10-02:silent")
    assert _planned(db, churned)[0][0].value == "winback"
    with db.read() as session:
        wake = session.scalars(select(FollowUp).where(FollowUp.customer_id == silent.id)).one()
    tasks.complete(db, Ref(wake.id, wake.version), actor, outcome="下周来店",
                   at=datetime(2026, 11, 20, 2, tzinfo=UTC))  # fmt: skip
    plan_follow_ups(db, actor, today=TODAY)  # the turn had its task: a return visit next
    assert [(k.value, d) for k, d, _ in _planned(db, silent)] == [("return", date(2027, 2, 18))]


def test_stage_tasks_can_be_left_out(db, actor):
    customer = make_customer(db, actor)
    _valued(db, customer, "low", "churned", date(2026, 6, 1))
    assert plan_follow_ups(db, actor, today=TODAY, stages=False).value.kinds == {"return": 1}


def test_only_the_chosen_tiers_and_live_customers_are_planned(db, actor):
    high, low, unmeasured, gone = (make_customer(db, actor) for _ in range(4))
    _valued(db, high, "high")
    _valued(db, low, "low")
    delete_customers(db, [gone.id], actor)
    assert plan_follow_ups(db, actor, today=TODAY, tiers={"high"}).value.customers == 1
    assert (len(_planned(db, high)), len(_planned(db, low))) == (1, 0)
    assert plan_follow_ups(db, actor, today=TODAY, tiers={"low"}).value.customers == 2
    assert (len(_planned(db, unmeasured)), len(_planned(db, gone))) == (1, 0)


def test_a_dry_run_counts_and_writes_nothing(db, actor):
    for _ in range(3):
        make_customer(db, actor)
    dry = plan_follow_ups(db, actor, today=TODAY, dry_run=True)
    assert (dry.value.planned, bool(dry.changes)) == (3, False)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(FollowUp)) == 0


def test_cancelling_leaves_the_database_as_it_was(db, actor, monkeypatch):
    monkeypatch.setattr("camdesk.services.followups.cadence.BATCH", 2)
    for _ in range(5):
        make_customer(db, actor)
    seen = []
    with pytest.raises(Cancelled):
        plan_follow_ups(db, actor, today=TODAY, progress=lambda d, t: seen.append((d, t)),
                        cancelled=lambda: len(seen) >= 2)  # fmt: skip
    assert seen == [(0, 5), (2, 5)]
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(FollowUp)) == 0
    assert plan_follow_ups(db, actor, today=TODAY).value.planned == 5  # pages: all planned


def test_a_page_of_customers_who_all_have_one_planned_does_not_end_the_run(db, actor, monkeypatch):
    monkeypatch.setattr("camdesk.services.followups.cadence.BATCH", 2)
    customers = [make_customer(db, actor) for _ in range(5)]
    for customer in customers[:2]:  # the whole first page
        tasks.add_follow_up(db, Plan(customer.id, date(2027, 1, 5)), actor)
    steps = []
    summary = plan_follow_ups(db, actor, today=TODAY, progress=lambda d, t: steps.append(d)).value
    assert summary.planned == 3 and all(len(_planned(db, c)) == 1 for c in customers)
    assert steps[0] == 0 and steps[-1] == 5 and steps == sorted(steps)
