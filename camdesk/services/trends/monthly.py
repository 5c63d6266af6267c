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


def churn(
    session: Session, start: date, end: date, within: Within | None = None
) -> list[ChurnMonth]:
    """Each month: active at its start, new in it, churned in it. What came before the
    range is counted once (a count over an index range), the range's months grouped."""
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    first, after = start.replace(day=1), _month_after(end)
    cv = CustomerValue
    chosen = _chosen(within, cv.customer_id)
    bought = int(session.scalar(select(func.count()).where(cv.first_order < first, *chosen)) or 0)
    firsts = _by_month(session, month_of_day(cv.first_order, dialect), cv.first_order, first,
                       after, chosen)  # fmt: skip
    vc = ValueChange
    gone, flows = 0, []
    for side, sign in ((vc.new, 1), (vc.old, -1)):
        where = [vc.measure == "stage", side == "churned", *_chosen(within, vc.customer_id)]
        before = session.scalar(select(func.count()).where(*where, vc.on < first)) or 0
        gone += sign * int(before)
        flows.append(_by_month(session, month_of_day(vc.on, dialect), vc.on, first, after, where))
    into, out = flows
    found = []
    for month in months(start, end):
        key = month_key(month)
        found.append(ChurnMonth(month, max(bought - gone, 0), firsts.get(key, 0), into.get(key, 0)))
        bought += firsts.get(key, 0)
        gone += into.get(key, 0) - out.get(key, 0)
    return found


def _by_month(session: Session, month: Any, day: Any, first: date, after: date,
              where: list[Any]) -> dict[str, int]:  # fmt: skip
    """Rows per month of a date column within [first, after)."""
    rows = session.execute(select(month, func.count())
                           .where(day >= first, day < after, *where).group_by(month))  # fmt: skip
    return {key: int(n) for key, n in rows}


def _chosen(within: Within | None, column: Any) -> list[Any]:
    """The segment's condition on ``column`` (none for everyone)."""
    return [] if within is None else [within(column)]


def _month_after(day: date) -> date:
    index = day.year * 12 + day.month  # the month after day's
    return date(index // 12, index % 12 + 1, 1)


def _in_month(column: Any, month: Any) -> ColumnElement[bool]:
    return and_(column >= month.c.lo, column < month.c.hi)


def _between(column: Any, start: date, end: date) -> ColumnElement[bool]:
    """A stored time within the local months of ``start`` to ``end``."""
    return and_(column >= midnight(start.replace(day=1)), column < midnight(_month_after(end)))


def scores(session: Session, start: date, end: date,
           within: Within | None = None) -> list[ScoreMonth]:  # fmt: skip
    r = SurveyResponse
    month = local_months(start, end)
    rows = session.execute(
        select(month.c.g,
               func.count(r.nps), func.sum(case((r.nps >= 9, 1), else_=0)),
               func.sum(case((r.nps <= 6, 1), else_=0)),
               func.count(r.csat), func.avg(cast(r.csat, Float)))
        .join(month, _in_month(r.answered_at, month))
        .where(r.deleted_at.is_(None), or_(r.nps.is_not(None), r.csat.is_not(None)),
               *_chosen(within, r.customer_id))
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


def feedback(session: Session, start: date, end: date, within: Within | None = None,
             now: datetime | None = None) -> list[FeedbackMonth]:  # fmt: skip
    """Three passes, each over one covering index's months: received, resolved (with the
    median time to resolve) and due (breaches)."""
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    now = now or datetime.now(UTC)
    f = Feedback
    live = [f.deleted_at.is_(None), *_chosen(within, f.customer_id)]
    month = local_months(start, end)
    received: dict[str, int] = dict(session.execute(
        select(month.c.g, func.count()).select_from(f)
        .join(month, _in_month(f.received_at, month)).where(*live).group_by(month.c.g)
    ).all())  # fmt: skip
    durations = (
        select(month.c.g, hours_between(f.received_at, f.resolved_at, dialect).label("v"))
        .select_from(f).join(month, _in_month(f.resolved_at, month)).where(*live)
        .subquery()
    )  # fmt: skip
    resolved = {g: (int(n), m) for g, m, n in session.execute(medians(durations))}
    late = or_(f.resolved_at > f.due_at,
               and_(f.resolved_at.is_(None), f.due_at < now,
                    f.status.in_((FeedbackStatus.NEW, FeedbackStatus.ASSIGNED,
                                  FeedbackStatus.IN_PROGRESS))))  # fmt: skip
    breaches: dict[str, int] = dict(session.execute(
        select(month.c.g, func.count()).select_from(f)
        .join(month, _in_month(f.due_at, month)).where(*live, late).group_by(month.c.g)
    ).all())  # fmt: skip
    found = []
    for day in months(start, end):
        key = month_key(day)
        count, hours = resolved.get(key, (0, None))
        found.append(FeedbackMonth(day, int(received.get(key, 0)), count,
                                   float(hours) if hours is not None else None,
                                   int(breaches.get(key, 0))))  # fmt: skip
    return found


def by_category(session: Session, start: date, end: date,
                within: Within | None = None) -> list[tuple[str | None, int, float | None]]:  # fmt: skip
    """(category, items received in the range, median hours to resolve them), most first."""
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    f = Feedback
    where = (
        f.deleted_at.is_(None),
        *_chosen(within, f.customer_id),
        _between(f.received_at, start, end),
    )
    counts = session.execute(
        select(f.category, func.count()).where(*where).group_by(f.category)).all()  # fmt: skip
    durations = (
        select(func.coalesce(f.category, "").label("g"),
               hours_between(f.received_at, f.resolved_at, dialect).label("v"))
        .where(*where, f.resolved_at.is_not(None)).subquery()
    )  # fmt: skip
    middle: dict[str, float] = {g: m for g, m, _n in session.execute(medians(durations))}
    found = [(c, int(n), float(middle[c or ""]) if (c or "") in middle else None)
             for c, n in counts]  # fmt: skip
    return sorted(found, key=lambda row: (-row[1], row[0] or ""))


def churn_reasons(session: Session, start: date, end: date,
                  within: Within | None = None) -> list[tuple[str, int]]:  # fmt: skip
    """(reason, customers who left for it in the range), most first."""
    c = ChurnReason
    rows = session.execute(
        select(c.reason, func.count())
        .where(c.deleted_at.is_(None), c.on >= start.replace(day=1), c.on <= _month_end(end),
               *_chosen(within, c.customer_id))
        .group_by(c.reason)
    ).all()  # fmt: skip
    return sorted(((r, int(n)) for r, n in rows), key=lambda row: (-row[1], row[0]))


def _month_end(day: date) -> date:
    return date.fromordinal(_month_after(day).toordinal() - 1)


def in_segment(ids: Select[Any]) -> Within:
    """A segment's customers (the ids its list query selects)."""
    subquery = ids.scalar_subquery()
    return lambda column: column.in_(subquery)
