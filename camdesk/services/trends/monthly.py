"""The dashboard's monthly figures, each one SQL aggregate (grouped by month in the
database, never a Python loop over rows).

- Churn: customers churned in a month (the lifecycle's stage history, ``value_change``)
  over the customers active at its start: those who had bought before it and were not
  churned then (bought before = first order before the month; churned then = entered
  "churned" before it and not left it since). New customers: first order in the month.
- Satisfaction: NPS (% promoters 9-10 minus % detractors 0-6) and average CSAT, with
  their response counts; a month without responses has no score (None), not 0.
- Feedback: items received, median hours from received to resolved (for items resolved in
  the month), and service-level breaches (items due in the month resolved late or still
  open past due).

A segment narrows every figure to the customers it lists now.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Float, and_, case, cast, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from camdesk.models import (
    ChurnReason,
    CustomerValue,
    Feedback,
    FeedbackStatus,
    SurveyResponse,
    ValueChange,
)
from camdesk.services.trends.sql import (
    hours_between,
    local_months,
    medians,
    midnight,
    month_key,
    month_of_day,
    months,
)

Within = Callable[[Any], ColumnElement[bool]]  # customer id column -> in the segment


@dataclass(frozen=True)
class ChurnMonth:
    month: date
    active: int  # at the start of the month
    new: int
    churned: int

    @property
    def rate(self) -> float | None:
        """Churned in the month over active at its start (None: no one was active)."""
        return self.churned / self.active if self.active else None


@dataclass(frozen=True)
class ScoreMonth:
    month: date
    nps: float | None  # -100 to 100
    nps_responses: int
    csat: float | None  # average, 1 to 5
    csat_responses: int


@dataclass(frozen=True)
class FeedbackMonth:
    month: date
    received: int
    resolved: int
    median_hours: float | None  # to resolve, for the items resolved this month
    breaches: int  # due this month and resolved late, or still open past due


def everyone(column: Any) -> ColumnElement[bool]:
    return column.is_not(None)


def churn(session: Session, start: date, end: date, within: Within = everyone) -> list[ChurnMonth]:
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    first = month_of_day(CustomerValue.first_order, dialect)
    firsts: dict[str, int] = dict(session.execute(
        select(first, func.count()).where(CustomerValue.first_order.is_not(None),
                                          within(CustomerValue.customer_id))
        .group_by(first)
    ).all())  # fmt: skip
    on = month_of_day(ValueChange.on, dialect)
    flows = {
        month: (int(into or 0), int(out or 0))
        for month, into, out in session.execute(
            select(on, func.sum(case((ValueChange.new == "churned", 1), else_=0)),
                   func.sum(case((ValueChange.old == "churned", 1), else_=0)))
            .where(ValueChange.measure == "stage",
                   or_(ValueChange.new == "churned", ValueChange.old == "churned"),
                   within(ValueChange.customer_id))
            .group_by(on)
        ).all()
    }  # fmt: skip
    shown = months(start, end)
    found = []
    for month in shown:
        key = month_key(month)
        bought = sum(int(n) for m, n in firsts.items() if m < key)
        gone = sum(into - out for m, (into, out) in flows.items() if m < key)
        found.append(ChurnMonth(month, max(bought - gone, 0), int(firsts.get(key, 0)),
                                flows.get(key, (0, 0))[0]))  # fmt: skip
    return found


def _in_month(column: Any, month: Any) -> ColumnElement[bool]:
    return and_(column >= month.c.lo, column < month.c.hi)


def _between(column: Any, start: date, end: date) -> ColumnElement[bool]:
    """A stored time within the local months of ``start`` to ``end``."""
    index = end.year * 12 + end.month  # the month after end's
    return and_(column >= midnight(start.replace(day=1)),
                column < midnight(date(index // 12, index % 12 + 1, 1)))  # fmt: skip


def scores(session: Session, start: date, end: date, within: Within = everyone) -> list[ScoreMonth]:
    r = SurveyResponse
    month = local_months(start, end)
    rows = session.execute(
        select(month.c.g,
               func.count(r.nps), func.sum(case((r.nps >= 9, 1), else_=0)),
               func.sum(case((r.nps <= 6, 1), else_=0)),
               func.count(r.csat), func.avg(cast(r.csat, Float)))
        .join(month, _in_month(r.answered_at, month))
        .where(r.deleted_at.is_(None), or_(r.nps.is_not(None), r.csat.is_not(None)),
               within(r.customer_id))
        .group_by(month.c.g)
    ).all()  # fmt: skip
    by_month = {row[0]: row[1:] for row in rows}
    found = []
    for day in months(start, end):
        nps_n, promoters, detractors, csat_n, csat = by_month.get(
            month_key(day), (0, 0, 0, 0, None)
        )
        nps = 100.0 * (int(promoters) - int(detractors)) / nps_n if nps_n else None
        found.append(ScoreMonth(day, nps, int(nps_n), float(csat) if csat_n else None, int(csat_n)))
    return found


def feedback(session: Session, start: date, end: date, within: Within = everyone,
             now: datetime | None = None) -> list[FeedbackMonth]:  # fmt: skip
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    now = now or datetime.now(UTC)
    f = Feedback
    live = and_(f.deleted_at.is_(None), within(f.customer_id))
    month = local_months(start, end)
    received: dict[str, int] = dict(session.execute(
        select(month.c.g, func.count()).select_from(f)
        .join(month, _in_month(f.received_at, month)).where(live).group_by(month.c.g)
    ).all())  # fmt: skip
    durations = (
        select(month.c.g, hours_between(f.received_at, f.resolved_at, dialect).label("v"))
        .select_from(f).join(month, _in_month(f.resolved_at, month))
        .where(live, f.resolved_at.is_not(None))
        .subquery()
    )  # fmt: skip
    resolved: dict[str, int] = dict(session.execute(
        select(durations.c.g, func.count()).group_by(durations.c.g)).all())  # fmt: skip
    middle: dict[str, float] = dict(session.execute(medians(durations)).all())
    late = or_(f.resolved_at > f.due_at,
               and_(f.resolved_at.is_(None), f.due_at < now,
                    f.status.in_((FeedbackStatus.NEW, FeedbackStatus.ASSIGNED,
                                  FeedbackStatus.IN_PROGRESS))))  # fmt: skip
    breaches: dict[str, int] = dict(session.execute(
        select(month.c.g, func.count()).select_from(f)
        .join(month, _in_month(f.due_at, month)).where(live, late).group_by(month.c.g)
    ).all())  # fmt: skip
    found = []
    for day in months(start, end):
        key = month_key(day)
        hours = middle.get(key)
        found.append(FeedbackMonth(day, int(received.get(key, 0)), int(resolved.get(key, 0)),
                                   float(hours) if hours is not None else None,
                                   int(breaches.get(key, 0))))  # fmt: skip
    return found


def by_category(session: Session, start: date, end: date,
                within: Within = everyone) -> list[tuple[str | None, int, float | None]]:  # fmt: skip
    """(category, items received in the range, median hours to resolve them), most first."""
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    f = Feedback
    where = (f.deleted_at.is_(None), within(f.customer_id), _between(f.received_at, start, end))
    counts = session.execute(
        select(f.category, func.count()).where(*where).group_by(f.category)).all()  # fmt: skip
    durations = (
        select(func.coalesce(f.category, "").label("g"),
               hours_between(f.received_at, f.resolved_at, dialect).label("v"))
        .where(*where, f.resolved_at.is_not(None)).subquery()
    )  # fmt: skip
    middle: dict[str, float] = dict(session.execute(medians(durations)).all())
    found = [(c, int(n), float(middle[c or ""]) if (c or "") in middle else None)
             for c, n in counts]  # fmt: skip
    return sorted(found, key=lambda row: (-row[1], row[0] or ""))


def churn_reasons(session: Session, start: date, end: date,
                  within: Within = everyone) -> list[tuple[str, int]]:  # fmt: skip
    """(reason, customers who left for it in the range), most first."""
    c = ChurnReason
    rows = session.execute(
        select(c.reason, func.count())
        .where(c.deleted_at.is_(None), c.on >= start.replace(day=1), c.on <= _month_end(end),
               within(c.customer_id))
        .group_by(c.reason)
    ).all()  # fmt: skip
    return sorted(((r, int(n)) for r, n in rows), key=lambda row: (-row[1], row[0]))


def _month_end(day: date) -> date:
    index = day.year * 12 + day.month
    return date.fromordinal(date(index // 12, index % 12 + 1, 1).toordinal() - 1)


def in_segment(ids: Select[Any]) -> Within:
    """A segment's customers (the ids its list query selects)."""
    subquery = ids.scalar_subquery()
    return lambda column: column.in_(subquery)
