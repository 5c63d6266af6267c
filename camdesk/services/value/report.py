"""What the value screen shows, read from the stored measures in one job.

Counts per tier, stage and RFM segment; the Pareto curve of cumulative revenue
share (at most :data:`CURVE_POINTS` points, however many customers); the CLV
distribution over fixed money bands; the churn-risk list (high-value customers
who are probably not coming back); churn per month from ``value_change``.
Only live customers count.  Nothing is recomputed here: see
:func:`camdesk.services.value.recompute`.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from camdesk.db import Database
from camdesk.models import Customer, CustomerValue, User, ValueChange
from camdesk.services.core.bulk import gc_paused
from camdesk.services.core.raw import raw_rows
from camdesk.services.value.order import of_live_customers
from camdesk.services.value.settings import ValueModel, ValueRules, load_model, load_rules

CURVE_POINTS = 201
# CLV bands in yuan: [edge, next edge); the last band is open-ended.
CLV_EDGES = (0, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000)
RISK_P_ALIVE = 0.5  # below this a high-value customer is on the churn-risk list
RISK_ROWS = 200
CHURN_MONTHS = 24


@dataclass(frozen=True)
class RiskRow:
    """A high-value customer unlikely to buy again."""

    id: uuid.UUID
    name: str
    owner: str | None
    revenue: int
    clv: int | None
    p_alive: float
    last_order: date | None


@dataclass
class ValueReport:
    """Everything on the value screen.

    Attributes:
        as_of: the date of the stored measures (None: never computed).
        pareto_x, pareto_y: cumulative share of customers (best first) and of revenue, 0-1.
        abc_shares: share of paying customers in class A and in classes A+B (as stored).
        clv_bands: (from yuan, to yuan or None, customers) for customers with a prediction.
        churn_months: (first day of month, customers who churned then), oldest first.
    """

    as_of: date | None = None
    customers: int = 0
    unvalued: int = 0
    tiers: Counter[str] = field(default_factory=Counter)
    stages: Counter[str] = field(default_factory=Counter)
    segments: Counter[str] = field(default_factory=Counter)
    tier_revenue: Counter[str] = field(default_factory=Counter)
    paying: int = 0
    revenue: int = 0
    pareto_x: list[float] = field(default_factory=list)
    pareto_y: list[float] = field(default_factory=list)
    abc_shares: tuple[float, float] = (0.0, 0.0)
    clv_bands: list[tuple[int, int | None, int]] = field(default_factory=list)
    risk: list[RiskRow] = field(default_factory=list)
    churn_months: list[tuple[date, int]] = field(default_factory=list)
    rules: ValueRules = field(default_factory=ValueRules)
    model: ValueModel | None = None


def build_report(db: Database, today: date | None = None) -> ValueReport:
    """Read the value screen's figures (one scan of the stored measures, a few small queries)."""
    today = today or date.today()
    report = ValueReport()
    live = Customer.deleted_at.is_(None)
    with db.read() as session:
        report.rules = load_rules(session)
        report.model = load_model(session)
        report.customers = int(session.scalar(select(func.count()).where(live)) or 0)
        report.as_of = session.scalar(select(func.max(CustomerValue.as_of)))
        with gc_paused():  # one pass over the stored measures, counted here
            rows = raw_rows(session, select(
                CustomerValue.tier, CustomerValue.stage, CustomerValue.segment,
                CustomerValue.abc, CustomerValue.revenue, CustomerValue.clv,
            ).where(of_live_customers()))  # fmt: skip
        tiers, stages, segments, classes_, revenues, clvs = (
            zip(*rows, strict=True) if rows else ((),) * 6
        )
        report.tiers.update(tiers)
        report.stages.update(stages)
        report.segments.update(s for s in segments if s)
        classes: Counter[str] = Counter(c for c in classes_ if c)
        for tier, spent in zip(tiers, revenues, strict=True):
            report.tier_revenue[tier] += int(spent)
        report.unvalued = report.customers - len(rows)
        revenue = np.array(revenues, dtype=np.float64)
        revenue = revenue[revenue > 0]
        clv = np.array([c for c in clvs if c is not None], dtype=np.float64)
        report.risk = _risk(session, live)
        report.churn_months = _churn_months(session, today)
    _pareto(report, revenue)
    if report.paying:  # where the stored classes end, so a click lists what the chart shows
        report.abc_shares = (classes["A"] / report.paying,
                             (classes["A"] + classes["B"]) / report.paying)  # fmt: skip
    report.clv_bands = _bands(clv)
    return report


def _pareto(report: ValueReport, revenue: np.ndarray) -> None:
    report.paying = len(revenue)
    report.revenue = int(revenue.sum())
    report.pareto_x, report.pareto_y = pareto_curve(revenue)


def pareto_curve(revenue: np.ndarray) -> tuple[list[float], list[float]]:
    """The cumulative share of customers (best first) and of their revenue, 0-1, at most
    :data:`CURVE_POINTS` points however many customers; empty without revenue."""
    if not len(revenue) or revenue.sum() <= 0:
        return [], []
    ordered = np.sort(revenue)[::-1]
    share = np.cumsum(ordered) / ordered.sum()
    positions = np.unique(np.linspace(0, len(ordered) - 1, min(CURVE_POINTS, len(ordered))).round())
    picked = positions.astype(np.int64)
    return [0.0, *((picked + 1) / len(ordered)).tolist()], [0.0, *share[picked].tolist()]


def _bands(clv: np.ndarray) -> list[tuple[int, int | None, int]]:
    edges = np.asarray(CLV_EDGES, dtype=np.float64) * 100
    band = np.maximum(np.searchsorted(edges, clv, side="right") - 1, 0)
    counts = np.bincount(band, minlength=len(edges))
    bands = []
    for n, start in enumerate(CLV_EDGES):
        end = CLV_EDGES[n + 1] if n + 1 < len(CLV_EDGES) else None
        bands.append((start, end, int(counts[n])))
    while len(bands) > 1 and bands[-1][2] == 0:  # no empty bands past the richest customer
        bands.pop()
    return bands


def _risk(session: Session, live: ColumnElement[bool]) -> list[RiskRow]:
    statement = (
        select(Customer.id, Customer.name, User.display_name, CustomerValue.revenue,
               CustomerValue.clv, CustomerValue.p_alive, CustomerValue.last_order)
        .join(CustomerValue, CustomerValue.customer_id == Customer.id)
        .outerjoin(User, User.id == Customer.owner_id)
        .where(live, CustomerValue.tier == "high", CustomerValue.p_alive < RISK_P_ALIVE)
        .order_by(CustomerValue.revenue.desc(), Customer.id)
        .limit(RISK_ROWS)
    )  # fmt: skip
    return [RiskRow(*row) for row in session.execute(statement)]  # type: ignore[arg-type]


def _churn_months(session: Session, today: date) -> list[tuple[date, int]]:
    first = _month_start(today, CHURN_MONTHS - 1)
    days = session.execute(
        select(ValueChange.on, func.count())
        .where(ValueChange.measure == "stage", ValueChange.new == "churned",
               ValueChange.on >= first)
        .group_by(ValueChange.on)
    ).all()  # fmt: skip
    per_month: Counter[date] = Counter()
    for day, count in days:
        per_month[day.replace(day=1)] += int(count)
    return [(month, per_month[month]) for month in
            (_month_start(today, back) for back in range(CHURN_MONTHS - 1, -1, -1))]  # fmt: skip


def _month_start(today: date, months_back: int) -> date:
    index = today.year * 12 + today.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)
