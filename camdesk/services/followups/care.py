"""Care tasks (关怀) for birthdays and festivals, a few days ahead, on a working day.

Birthdays: every person whose next birthday (the lunar one where it is set, else the
Gregorian one) falls within ``horizon_days`` gets a care follow-up ``days_ahead`` before
it.  Festivals: every customer of a segment (criteria; none: everyone) gets one before
the festival.  A due day that is a public holiday or a rest day moves on to the next
working day (an adjusted working Saturday counts as one), never past the occasion; days
in years the official calendar does not know yet are counted as provisional.  Each task
has its origin key ("birthday:2027-03-05", "festival:mid_autumn:2027"), so planning twice
plans nothing new, and a care task done or cancelled is not planned again.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import or_, select

from camdesk.db import Database
from camdesk.models import Customer, CustomerKind, FollowUp, FollowUpKind
from camdesk.services.core.bulk import gc_paused
from camdesk.services.core.changelog import ChangeWriter
from camdesk.services.core.changes import Changes, Kind, Written
from camdesk.services.core.context import Actor
from camdesk.services.core.lunar_days import parse_lunar
from camdesk.services.core.progress import IsCancelled, Progress, step
from camdesk.services.core.raw import raw_rows
from camdesk.services.followups.chinese_dates import (
    Festival,
    festival_day,
    next_gregorian,
    next_lunar,
    working_day,
)
from camdesk.services.followups.planned import insert_planned
from camdesk.services.lists.criteria import Criterion
from camdesk.services.lists.criteria_sql import condition

BATCH = 20_000


@dataclass(frozen=True)
class CarePlan:
    """What to plan: birthdays coming within ``horizon_days``, or one festival of a year
    for the customers meeting ``criteria``; ``purpose`` is shown on each task."""

    days_ahead: int = 3
    horizon_days: int = 30
    festival: Festival | None = None  # None: birthdays
    year: int | None = None  # the festival's year (default: its next one)
    criteria: tuple[Criterion, ...] = ()
    purpose: str | None = None


@dataclass
class CareSummary:
    planned: int = 0
    already: int = 0  # had this care task already (planned, done or cancelled)
    provisional: int = 0  # due days counted without the official calendar of their year
    occasion: date | None = None  # the festival's day


def due_for(occasion: date, days_ahead: int, today: date) -> tuple[date, bool]:
    """The care task's day for an occasion: ``days_ahead`` before it (today at the
    earliest), moved on to a working day but not past the occasion; and whether the
    official calendar knew the days looked at."""
    wanted = max(today, occasion - timedelta(days=max(0, days_ahead)))
    moved, known = working_day(wanted)
    return min(moved, occasion), known


def plan_care(db: Database, actor: Actor, plan: CarePlan, *, today: date | None = None,
              progress: Progress | None = None, cancelled: IsCancelled | None = None) -> Written[CareSummary]:  # fmt: skip
    """Plan care tasks as ``plan`` says; see the module's description."""
    today = today or date.today()
    if plan.festival is not None:
        return _festival(db, actor, plan, today, progress, cancelled)
    return _birthdays(db, actor, plan, today, progress, cancelled)


@cache
def _next_lunar(code: str, after: date) -> date:  # a few hundred lunar days in all
    return next_lunar(parse_lunar(code), after)


def _birthdays(db: Database, actor: Actor, plan: CarePlan, today: date, progress: Progress | None,
               cancelled: IsCancelled | None) -> Written[CareSummary]:  # fmt: skip
    summary, txn = CareSummary(), uuid.uuid4()
    last = today + timedelta(days=plan.horizon_days)
    statement = (select(Customer.id, Customer.owner_id, Customer.birthday, Customer.lunar_birthday)
                 .where(Customer.deleted_at.is_(None), Customer.kind == CustomerKind.PERSON,
                        or_(Customer.birthday.is_not(None), Customer.lunar_birthday.is_not(None)))
                 .order_by(Customer.id))  # fmt: skip
    with gc_paused(), db.write(bulk=True, lock="follow-up-plan") as session:
        rows, purposes = [], []
        for ident, owner, born, lunar in raw_rows(session, statement):
            try:
                occasion = (_next_lunar(lunar, today) if lunar
                            else next_gregorian(_day(born), today))  # fmt: skip
            except ValueError:  # a lunar birthday written by an older or foreign tool
                continue
            if occasion > last:
                continue
            due, known = due_for(occasion, plan.days_ahead, today)
            summary.provisional += not known
            rows.append((ident, owner, FollowUpKind.CARE, due, "care",
                         f"birthday:{occasion.isoformat()}"))  # fmt: skip
            purposes.append(plan.purpose)
        _write(session, actor, txn, rows, purposes, summary, progress, cancelled)
    return Written(summary, Changes.of(Kind.FOLLOWUPS, None, txn) if summary.planned else Changes())


def _festival(db: Database, actor: Actor, plan: CarePlan, today: date, progress: Progress | None,
              cancelled: IsCancelled | None) -> Written[CareSummary]:  # fmt: skip
    assert plan.festival is not None
    year = plan.year or today.year
    occasion = festival_day(plan.festival, year)
    if plan.year is None and occasion < today:
        year += 1
        occasion = festival_day(plan.festival, year)
    due, known = due_for(occasion, plan.days_ahead, today)
    summary, txn = CareSummary(occasion=occasion), uuid.uuid4()
    key = f"festival:{plan.festival.value}:{year}"
    statement = (select(Customer.id, Customer.owner_id)
                 .where(Customer.deleted_at.is_(None), *(condition(c, today) for c in plan.criteria))
                 .order_by(Customer.id))  # fmt: skip
    with gc_paused(), db.write(bulk=True, lock="follow-up-plan") as session:
        found = raw_rows(session, statement)
        rows = [(ident, owner, FollowUpKind.CARE, due, "holiday", key) for ident, owner in found]
        summary.provisional = 0 if known else len(rows)
        _write(session, actor, txn, rows, [plan.purpose] * len(rows), summary, progress,
               cancelled)  # fmt: skip
    return Written(summary, Changes.of(Kind.FOLLOWUPS, None, txn) if summary.planned else Changes())


def _write(session: Any, actor: Actor, txn: uuid.UUID, rows: list[tuple[Any, ...]],
           purposes: list[str | None], summary: CareSummary, progress: Progress | None,
           cancelled: IsCancelled | None) -> None:  # fmt: skip
    """Insert the care tasks not planned before (their origin key is new), a batch at a time."""
    keys = sorted({row[5] for row in rows})
    had = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        had |= {(str(c), k) for c, k in session.execute(
            select(FollowUp.customer_id, FollowUp.origin_key)
            .where(FollowUp.origin_key.in_(chunk), FollowUp.deleted_at.is_(None)))}  # fmt: skip
    fresh = [(row, purpose) for row, purpose in zip(rows, purposes, strict=True)
             if (str(_uuid(row[0])), row[5]) not in had]  # fmt: skip
    summary.already = len(rows) - len(fresh)
    writer = ChangeWriter(session, actor, txn)
    step(progress, cancelled, 0, len(fresh))
    for start in range(0, len(fresh), BATCH):
        part = fresh[start : start + BATCH]
        insert_planned(session.connection(), writer, [r for r, _ in part], [p for _, p in part])
        summary.planned += len(part)
        step(progress, cancelled, summary.planned, len(fresh))


def _uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
