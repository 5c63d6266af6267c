"""The calendar's reads: counts per day, a day's agenda, overdue derived, badge, scopes."""

from __future__ import annotations

from datetime import date, datetime, time

from camdesk.models import FollowUpKind
from camdesk.services.core.users import ensure_user
from camdesk.services.followups import agenda, tasks
from camdesk.services.followups.agenda import OVERDUE, Scope, state_of
from camdesk.services.followups.tasks import Plan, Ref
from tests.factories import make_customer

NOON = datetime(2026, 12, 2, 12, 0).astimezone()


def test_overdue_is_derived_from_the_day_and_time():
    assert state_of("planned", date(2026, 12, 1), None, NOON) == OVERDUE
    assert state_of("planned", date(2026, 12, 2), None, NOON) == "planned"  # today, no time
    assert state_of("planned", date(2026, 12, 2), time(11, 59), NOON) == OVERDUE
    assert state_of("planned", date(2026, 12, 2), time(12, 30), NOON) == "planned"
    assert state_of("done", date(2026, 11, 1), None, NOON) == "done"


def _add(db, actor, customer, due, **more):
    return tasks.add_follow_up(db, Plan(customer.id, due, **more), actor).value


def test_month_counts_per_day_type_and_state(db, actor):
    a, b = make_customer(db, actor), make_customer(db, actor)
    _add(db, actor, a, date(2026, 12, 1))
    _add(db, actor, b, date(2026, 12, 1))
    _add(db, actor, b, date(2026, 12, 1), kind=FollowUpKind.CARE)
    done = _add(db, actor, a, date(2026, 12, 2))
    tasks.complete(db, Ref(done, 1), actor, outcome="ok")
    _add(db, actor, a, date(2027, 1, 5))  # another month
    counts = agenda.month_counts(db, date(2026, 12, 1), date(2026, 12, 31), today=date(2026, 12, 2))
    assert [(c.day.day, c.kind, c.state, c.count) for c in counts] == [
        (1, "care", OVERDUE, 1), (1, "return", OVERDUE, 2), (2, "return", "done", 1)]  # fmt: skip


def test_the_agenda_lists_timed_ones_first_then_by_name(db, actor):
    zhao = make_customer(db, actor, name="赵敏")
    an = make_customer(db, actor, name="安琪")
    li = make_customer(db, actor, name="李雷")
    day = date(2026, 12, 3)
    _add(db, actor, zhao, day)
    _add(db, actor, an, day)
    _add(db, actor, li, day, due_at_time=time(15, 0), purpose="报价")
    rows = agenda.day_agenda(db, day, now=NOON)
    assert [r.customer for r in rows] == ["李雷", "安琪", "赵敏"]
    assert (rows[0].purpose, rows[0].due_at_time, rows[0].overdue) == ("报价", time(15, 0), False)


def test_overdue_list_badge_and_scope_by_user(db, actor):
    other = ensure_user(db, "wang", "王经理")
    mine, theirs = make_customer(db, actor), make_customer(db, actor)
    _add(db, actor, mine, date(2026, 11, 20), assignee_id=actor.user_id)
    _add(db, actor, mine, date(2026, 12, 2), due_at_time=time(9, 0), assignee_id=actor.user_id)
    _add(db, actor, mine, date(2026, 12, 2), assignee_id=actor.user_id)  # today, no time yet
    _add(db, actor, theirs, date(2026, 11, 25), assignee_id=other.id)
    _add(db, actor, theirs, date(2026, 12, 9), assignee_id=other.id)
    me = Scope(assignee=actor.user_id)
    assert [r.due_on.day for r in agenda.overdue(db, me, now=NOON)] == [20, 2]
    assert len(agenda.overdue(db, now=NOON)) == 3
    assert agenda.badge_count(db, me, today=date(2026, 12, 2)) == 3
    assert agenda.badge_count(db, Scope(assignee=other.id), today=date(2026, 12, 2)) == 1
    assert agenda.badge_count(db, Scope(assignee=None), today=date(2026, 12, 2)) == 0
    assert [r.due_on.day for r in agenda.due(db, Scope(assignee=other.id),
                                             until=date(2026, 12, 31))] == [25, 9]  # fmt: skip


def test_scope_by_type(db, actor):
    customer = make_customer(db, actor)
    _add(db, actor, customer, date(2026, 12, 3), kind=FollowUpKind.WAKE)
    _add(db, actor, customer, date(2026, 12, 3))
    wake = Scope(kinds=frozenset({FollowUpKind.WAKE}))
    assert [r.kind for r in agenda.day_agenda(db, date(2026, 12, 3), wake)] == ["wake"]


def test_the_reminder_check_finds_my_timed_ones_coming_due(db, actor):
    other = ensure_user(db, "wang", "王经理")
    customer = make_customer(db, actor, name="周到")
    today = NOON.date()
    for at, who in ((time(11, 0), actor.user_id), (time(12, 10), actor.user_id),
                    (time(12, 40), actor.user_id), (time(12, 5), other.id),
                    (None, actor.user_id)):  # fmt: skip
        _add(db, actor, customer, today, due_at_time=at, assignee_id=who)
    _add(db, actor, customer, date(2026, 12, 3), due_at_time=time(12, 5),
         assignee_id=actor.user_id)  # fmt: skip
    rows = agenda.coming_due(db, actor.user_id, NOON)  # within 15 minutes, or past
    assert [(r.due_at_time, r.overdue, r.customer) for r in rows] == [
        (time(11, 0), True, "周到"), (time(12, 10), False, "周到")]  # fmt: skip
    late = datetime(2026, 12, 2, 23, 55).astimezone()  # the lead stops at midnight
    assert len(agenda.coming_due(db, actor.user_id, late)) == 3
