"""What the calendar shows: counts per day, a day's agenda, the overdue list, reminders.

Overdue is derived, never stored: a planned follow-up is overdue once its day has
passed, or on its day once its time has.  Reads go through the indexes of
:class:`~camdesk.models.FollowUp` (counts from the covering ``ix_follow_up_due``,
lists and reminders from the planned-only ``ix_follow_up_planned``); follow-ups of
deleted customers are deleted with them, so counts need not look at customers.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from camdesk.db import Database
from camdesk.models import Customer, CustomerValue, FollowUp, FollowUpKind, FollowUpStatus, User
from camdesk.services.followups.states import KINDS, OVERDUE  # noqa: F401 (re-exported)

PLANNED = FollowUpStatus.PLANNED
ANYONE = uuid.UUID(int=1)  # scope: every user's follow-ups
NOBODY = None  # scope: the unassigned ones


@dataclass(frozen=True)
class Scope:
    """Which follow-ups a view shows: whose, of which types, for customers of which tiers."""

    assignee: uuid.UUID | None = ANYONE
    kinds: frozenset[str] = field(default_factory=frozenset)  # type codes; empty: every type
    tiers: frozenset[str] = field(default_factory=frozenset)  # empty: every tier


EVERYONE = Scope()


@dataclass(frozen=True)
class DayCount:
    day: date
    kind: str
    state: str  # a FollowUpStatus value, or OVERDUE
    count: int


@dataclass(frozen=True)
class AgendaRow:
    """One follow-up as a list shows it."""

    id: uuid.UUID
    version: int
    customer_id: uuid.UUID
    customer: str
    code: str | None
    mobile: str | None
    kind: str
    status: str
    due_on: date
    due_at_time: time | None
    purpose: str | None
    rule: str | None
    assignee_id: uuid.UUID | None
    assignee: str | None
    tier: str | None
    overdue: bool
    outcome: str | None = None


def state_of(status: str, due_on: date, due_at_time: time | None, now: datetime) -> str:
    """The state shown: the status, or OVERDUE for a planned one whose time has passed
    (``now`` is local time)."""
    if status != PLANNED:
        return status
    today = now.date()
    late = due_on < today or (due_on == today and due_at_time is not None
                              and due_at_time < now.time())  # fmt: skip
    return OVERDUE if late else status


def month_counts(db: Database, first: date, last: date, scope: Scope = EVERYONE,
                 today: date | None = None) -> list[DayCount]:  # fmt: skip
    """Follow-ups per day, type and state from ``first`` to ``last`` (days before
    ``today`` count their planned ones as overdue)."""
    today = today or date.today()
    statement = (
        select(FollowUp.due_on, FollowUp.kind, FollowUp.status, func.count())
        .where(FollowUp.due_on.between(first, last), FollowUp.deleted_at.is_(None))
        .group_by(FollowUp.due_on, FollowUp.kind, FollowUp.status)
    )
    with db.read() as session:
        rows = session.execute(_scoped(statement, scope)).all()
    counts: dict[tuple[date, str, str], int] = {}
    for day, kind, status, count in rows:
        state = OVERDUE if status is PLANNED and day < today else status.value
        key = (day, kind.value, state)
        counts[key] = counts.get(key, 0) + count
    return [DayCount(d, k, s, n) for (d, k, s), n in sorted(counts.items())]


def day_agenda(db: Database, day: date, scope: Scope = EVERYONE,
               now: datetime | None = None) -> list[AgendaRow]:  # fmt: skip
    """Every follow-up of ``day``, timed ones first by time, then by customer name."""
    statement = _listed().where(FollowUp.due_on == day).order_by(
        FollowUp.due_at_time.is_(None), FollowUp.due_at_time, Customer.sort_key, FollowUp.id)  # fmt: skip
    return _rows(db, _scoped(statement, scope), now)


def overdue(db: Database, scope: Scope = EVERYONE, now: datetime | None = None,
            limit: int = 1000) -> list[AgendaRow]:  # fmt: skip
    """Planned follow-ups whose day has passed (and today's whose time has), oldest first."""
    now = now or datetime.now().astimezone()
    statement = (_listed().where(FollowUp.status == PLANNED, FollowUp.due_on <= now.date())
                 .order_by(FollowUp.due_on, FollowUp.due_at_time, Customer.sort_key)
                 .limit(limit * 2))  # fmt: skip
    rows = [r for r in _rows(db, _scoped(statement, scope), now) if r.overdue]
    return rows[:limit]


def due(db: Database, scope: Scope = EVERYONE, *, until: date,
        now: datetime | None = None, limit: int = 5000) -> list[AgendaRow]:  # fmt: skip
    """Planned follow-ups due by ``until`` (overdue ones included), by day and time."""
    statement = (_listed().where(FollowUp.status == PLANNED, FollowUp.due_on <= until)
                 .order_by(FollowUp.due_on, FollowUp.due_at_time, Customer.sort_key)
                 .limit(limit))  # fmt: skip
    return _rows(db, _scoped(statement, scope), now)


def coming_due(db: Database, assignee: uuid.UUID | None, now: datetime | None = None, *,
               lead: timedelta = timedelta(minutes=15), limit: int = 50) -> list[AgendaRow]:  # fmt: skip
    """The reminder check: ``assignee``'s planned follow-ups of today whose time is
    within ``lead`` from ``now`` or already past (``now`` local), by time."""
    now = now or datetime.now().astimezone()
    until = min(now + lead, datetime.combine(now.date(), time.max, now.tzinfo))
    statement = (_listed().where(FollowUp.status == PLANNED, FollowUp.due_on == now.date(),
                                 FollowUp.due_at_time.is_not(None),
                                 FollowUp.due_at_time <= until.time())
                 .order_by(FollowUp.due_at_time, FollowUp.id).limit(limit))  # fmt: skip
    return _rows(db, _scoped(statement, Scope(assignee=assignee)), now)


def badge_count(db: Database, scope: Scope = EVERYONE, today: date | None = None) -> int:
    """Planned follow-ups due today or earlier: the number on the calendar's entry."""
    statement = select(func.count()).select_from(FollowUp).where(
        FollowUp.status == PLANNED, FollowUp.deleted_at.is_(None),
        FollowUp.due_on <= (today or date.today()))  # fmt: skip
    with db.read() as session:
        return int(session.scalar(_scoped(statement, scope)) or 0)


def for_customer(db: Database, customer_id: uuid.UUID, now: datetime | None = None,
                 limit: int = 500) -> list[AgendaRow]:  # fmt: skip
    """A customer's follow-ups: planned ones first by day, then the rest newest first."""
    statement = (_listed().where(FollowUp.customer_id == customer_id)
                 .order_by(FollowUp.status != PLANNED,
                           func.coalesce(FollowUp.done_at, None).desc(), FollowUp.due_on)
                 .limit(limit))  # fmt: skip
    return _rows(db, statement, now)


_ASSIGNEE = aliased(User)
# Columns, not ORM objects: a day's agenda of a thousand rows in milliseconds.
_COLUMNS = (FollowUp.id, FollowUp.version, FollowUp.customer_id, FollowUp.kind, FollowUp.status,
            FollowUp.due_on, FollowUp.due_at_time, FollowUp.purpose, FollowUp.rule,
            FollowUp.assignee_id, FollowUp.outcome)  # fmt: skip


def _listed() -> Any:
    return (
        select(*_COLUMNS, Customer.name, Customer.code, Customer.mobile, _ASSIGNEE.display_name,
               CustomerValue.tier)
        .join(Customer, Customer.id == FollowUp.customer_id)
        .outerjoin(_ASSIGNEE, _ASSIGNEE.id == FollowUp.assignee_id)
        .outerjoin(CustomerValue, CustomerValue.customer_id == FollowUp.customer_id)
        .where(FollowUp.deleted_at.is_(None), Customer.deleted_at.is_(None))
    )  # fmt: skip


def _scoped(statement: Any, scope: Scope) -> Any:
    if scope.assignee != ANYONE:
        statement = statement.where(FollowUp.assignee_id.is_(None) if scope.assignee is None
                                    else FollowUp.assignee_id == scope.assignee)  # fmt: skip
    if scope.kinds:
        statement = statement.where(
            FollowUp.kind.in_([FollowUpKind(k) for k in sorted(scope.kinds)])
        )
    if scope.tiers:
        tier = select(CustomerValue.customer_id).where(CustomerValue.tier.in_(sorted(scope.tiers)))
        statement = statement.where(FollowUp.customer_id.in_(tier))
    return statement


def _rows(db: Database, statement: Any, now: datetime | None) -> list[AgendaRow]:
    now = now or datetime.now().astimezone()
    with db.read() as session:
        found: Sequence[Any] = session.execute(statement).all()
    return [
        AgendaRow(ident, version, customer, name, code, mobile, kind.value, status.value, day,
                  at, purpose, rule, assignee_id, assignee, tier,
                  state_of(status, day, at, now) == OVERDUE, outcome)
        for (ident, version, customer, kind, status, day, at, purpose, rule, assignee_id,
             outcome, name, code, mobile, assignee, tier) in found
    ]  # fmt: skip
