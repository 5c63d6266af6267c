"""Recompute every customer's value measures, tier and lifecycle stage.

One pass, as of a date (default today):

1. Aggregates from SQL, per customer: days with an order, first and last order,
   revenue, margin, the spend of repeat days (all but the first order day), the
   last contact.  Orders after the date are not counted.
2. The model (:class:`~camdesk.services.value_settings.ValueModel`) is fitted on
   the whole population: RFM cut points (:mod:`rfm`), ABC thresholds
   (:mod:`pareto`), BG/NBD and Gamma-Gamma (:mod:`clv`, time in weeks).
3. Every customer is scored with numpy: R/F/M and segment, ABC class, P(alive),
   expected purchases and spend over the horizon, predicted value (CLV), tier
   (:mod:`tiers`) and stage (:mod:`lifecycle`).
4. Rows that differ from what is stored are rewritten; each tier or stage change
   is recorded in ``value_change`` with the date.  A second run with the same
   data and date changes nothing (idempotent).

Everything is written in one transaction; a cancel leaves the database as it was.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy import and_, delete, func, select
from sqlalchemy.orm import Session

from camdesk.db import Database
from camdesk.models import Customer, CustomerValue, Interaction, Order, ValueChange, new_id, utcnow
from camdesk.services import clv, lifecycle, pareto, rfm, tiers
from camdesk.services.bulk import insert_rows
from camdesk.services.context import Actor
from camdesk.services.progress import step as report_step
from camdesk.services.value_settings import (
    WEEK,
    ValueModel,
    ValueRules,
    load_rules,
    model_to_json,
    rules_to_json,
    store,
)

Progress = Callable[[int, int], None]
STORED = ("as_of", "first_order", "last_order", "last_contact", "purchase_days", "recency_days",
          "revenue", "margin", "repeat_spend", "r", "f", "m", "segment", "abc", "p_alive",
          "expected_purchases", "expected_spend", "clv", "tier", "stage")  # fmt: skip


@dataclass
class Summary:
    """What a recompute found: counts per tier, stage and segment, and the model."""

    as_of: date
    customers: int = 0
    orders: int = 0
    changed: int = 0
    tiers: Counter[str] = field(default_factory=Counter)
    stages: Counter[str] = field(default_factory=Counter)
    segments: Counter[str] = field(default_factory=Counter)
    model: ValueModel | None = None


@dataclass
class _Facts:
    """Per-customer aggregates, aligned arrays (dates as day numbers)."""

    ids: list[uuid.UUID]
    purchase_days: np.ndarray
    first: np.ndarray  # day ordinal, or -1
    last: np.ndarray
    revenue: np.ndarray
    margin: np.ndarray  # NaN where no cost is known
    repeat_spend: np.ndarray
    contact: np.ndarray  # day ordinal, or -1
    orders: int


def recompute(
    db: Database,
    actor: Actor | None = None,
    *,
    as_of: date | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    rules: ValueRules | None = None,
) -> Summary:
    """Recompute and store every customer's measures as of ``as_of`` (default today).

    With ``rules``, they become the team's rules in the same transaction (see
    :func:`camdesk.services.value_preview.apply_rules`).
    """
    day = as_of or date.today()
    new_rules = rules

    def step(done: int) -> None:
        report_step(progress, cancelled, done, 4)

    step(0)
    with db.read() as session:
        rules = new_rules or load_rules(session)
        facts = read_facts(session, day)
    step(1)
    model = fit_model(facts, rules, day)
    step(2)
    rows = score(facts, rules, model, day)
    step(3)
    summary = Summary(as_of=day, customers=len(facts.ids), orders=facts.orders, model=model)
    with db.write() as session:
        summary.changed = _store(session, rows, day, rules.stage.churn_days)
        store(session, "model", model_to_json(model), actor)
        if new_rules is not None:
            store(session, "rules", rules_to_json(new_rules), actor)
        step(4)
    for row in rows:
        summary.tiers[row["tier"]] += 1
        summary.stages[row["stage"]] += 1
        if row["segment"]:
            summary.segments[row["segment"]] += 1
    return summary


# --------------------------------------------------------------------------- facts


def read_facts(session: Session, day: date) -> _Facts:
    live = Order.deleted_at.is_(None) & (Order.ordered_on <= day)
    first_day = (
        select(Order.customer_id.label("cid"), func.min(Order.ordered_on).label("first"))
        .where(live)
        .group_by(Order.customer_id)
        .subquery()
    )
    per_customer = (
        select(
            Order.customer_id,
            func.count(func.distinct(Order.ordered_on)),
            func.min(Order.ordered_on),
            func.max(Order.ordered_on),
            func.sum(Order.amount),
            func.sum(Order.amount - Order.cost),
            func.count(Order.cost),
            func.count(),
        )
        .where(live)
        .group_by(Order.customer_id)
    )
    first_spend = (
        select(Order.customer_id, func.sum(Order.amount))
        .join(
            first_day,
            and_(first_day.c.cid == Order.customer_id, first_day.c.first == Order.ordered_on),
        )
        .where(live)
        .group_by(Order.customer_id)
    )
    limit = datetime.combine(day + timedelta(days=1), datetime.min.time()).astimezone()
    contacts = (
        select(Interaction.customer_id, func.max(Interaction.occurred_at))
        .where(Interaction.deleted_at.is_(None), Interaction.occurred_at < limit)
        .group_by(Interaction.customer_id)
    )
    ids = list(session.scalars(select(Customer.id).where(Customer.deleted_at.is_(None))))
    index = {ident: n for n, ident in enumerate(ids)}
    size = len(ids)
    facts = _Facts(
        ids=ids, purchase_days=np.zeros(size, np.int64), first=np.full(size, -1, np.int64),
        last=np.full(size, -1, np.int64), revenue=np.zeros(size), margin=np.full(size, np.nan),
        repeat_spend=np.zeros(size), contact=np.full(size, -1, np.int64), orders=0,
    )  # fmt: skip
    for cid, days, first, last, revenue, margin, costed, count in session.execute(per_customer):
        n = index.get(cid)
        facts.orders += count
        if n is None:
            continue
        facts.purchase_days[n] = days
        facts.first[n], facts.last[n] = _ordinal(first), _ordinal(last)
        facts.revenue[n] = int(revenue or 0)  # PostgreSQL sums bigints as numeric
        if costed:
            facts.margin[n] = int(margin or 0)
        facts.repeat_spend[n] = int(revenue or 0)
    for cid, spent in session.execute(first_spend):
        n = index.get(cid)
        if n is not None:
            facts.repeat_spend[n] -= int(spent or 0)
    for cid, last_contact in session.execute(contacts):
        n = index.get(cid)
        if n is not None and last_contact is not None:
            facts.contact[n] = _ordinal(last_contact)
    return facts


def _ordinal(value: Any) -> int:
    if isinstance(value, str):  # SQLite returns dates of aggregates as text
        value = date.fromisoformat(value[:10])
    if isinstance(value, datetime):  # a contact: its local day
        value = value.astimezone().date()
    return int(value.toordinal())


# --------------------------------------------------------------------------- model


def _clv_inputs(facts: _Facts, day: date) -> tuple[np.ndarray, ...]:
    """BG/NBD x, t_x, T (weeks) and Gamma-Gamma mean repeat spend (yuan) of buyers."""
    buyers = facts.purchase_days > 0
    x = (facts.purchase_days[buyers] - 1).astype(np.float64)
    t_x = (facts.last[buyers] - facts.first[buyers]) / WEEK
    t = (day.toordinal() - facts.first[buyers]) / WEEK
    with np.errstate(invalid="ignore", divide="ignore"):
        m = np.where(x > 0, facts.repeat_spend[buyers] / 100.0 / np.maximum(x, 1), 0.0)
    return buyers, x, t_x, t, m


def fit_model(facts: _Facts, rules: ValueRules, day: date) -> ValueModel:
    """Cut points, thresholds and CLV fits for this population as of ``day``."""
    buyers, x, t_x, t, m = _clv_inputs(facts, day)
    recency = day.toordinal() - facts.last[buyers]
    cuts = rfm.fit_cuts(recency, facts.purchase_days[buyers], facts.revenue[buyers])
    abc = pareto.thresholds(facts.revenue[buyers], rules.abc_a, rules.abc_b)
    try:
        bgnbd = clv.fit_bgnbd(x, t_x, t)  # always from the same start: same data, same fit
    except (clv.FitError, FloatingPointError):
        bgnbd = None
    try:
        spend = clv.fit_gamma_gamma(x, m)
    except (clv.FitError, FloatingPointError):
        spend = None
    return ValueModel(as_of=day, cuts=cuts, abc=abc, bgnbd=bgnbd, gamma_gamma=spend)


# --------------------------------------------------------------------------- scoring


def score(facts: _Facts, rules: ValueRules, model: ValueModel, day: date) -> list[dict[str, Any]]:
    """Every customer's stored values under ``model`` and ``rules``."""
    size = len(facts.ids)
    today = day.toordinal()
    buyers, x, t_x, t, m = _clv_inputs(facts, day)
    recency = np.where(buyers, today - facts.last, lifecycle.NEVER)
    r = np.zeros(size, np.int8)
    f = np.zeros(size, np.int8)
    mm = np.zeros(size, np.int8)
    r[buyers], f[buyers], mm[buyers] = rfm.scores(
        model.cuts, recency[buyers], facts.purchase_days[buyers], facts.revenue[buyers]
    )
    segment = np.full(size, -1, np.int8)
    segment[buyers] = rfm.segments(r[buyers], f[buyers], mm[buyers])
    abc = np.full(size, -1, np.int8)
    abc[buyers] = pareto.classes(facts.revenue[buyers], model.abc)
    p_alive = np.full(size, np.nan)
    purchases = np.full(size, np.nan)
    spend = np.full(size, np.nan)
    if model.bgnbd is not None:
        horizon = rules.horizon_days / WEEK
        p_alive[buyers] = model.bgnbd.p_alive(x, t_x, t)
        purchases[buyers] = model.bgnbd.expected_purchases(horizon, x, t_x, t)
    if model.gamma_gamma is not None:
        spend[buyers] = model.gamma_gamma.expected_spend(x, m) * 100.0
    value = purchases * spend
    measures = {
        "abc": np.where(abc >= 0, abc, np.nan).astype(np.float64),
        "rfm": np.where(buyers, r + f + mm, np.nan).astype(np.float64),
        "r": np.where(buyers, r, np.nan), "f": np.where(buyers, f, np.nan),
        "m": np.where(buyers, mm, np.nan), "clv": value / 100.0,
        "revenue": facts.revenue / 100.0, "purchases": facts.purchase_days.astype(np.float64),
        "p_alive": p_alive,
    }  # fmt: skip
    tier = tiers.tiers(rules.tiers, measures)
    stage = lifecycle.stages(
        rules.stage,
        np.where(buyers, today - facts.first, lifecycle.NEVER),
        recency,
        facts.purchase_days,
        np.where(facts.contact >= 0, today - facts.contact, lifecycle.NEVER),
    )
    return _rows(facts, day, {
        "buyers": buyers, "recency": recency, "r": r, "f": f, "m": mm, "segment": segment,
        "abc": abc, "p_alive": p_alive, "purchases": purchases, "spend": spend, "value": value,
        "tier": tier, "stage": stage,
    })  # fmt: skip


def _rows(facts: _Facts, day: date, v: dict[str, np.ndarray]) -> list[dict[str, Any]]:
    """Stored rows from the per-customer arrays ``v`` (named as in :func:`score`)."""

    def day_of(n: int) -> date | None:
        return date.fromordinal(n) if n >= 0 else None

    def whole(value: float) -> int | None:
        return None if np.isnan(value) else round(float(value))

    def real(value: float) -> float | None:
        return None if np.isnan(value) else round(float(value), 6)

    rows = []
    for n, ident in enumerate(facts.ids):
        buyer = bool(v["buyers"][n])
        rows.append({
            "customer_id": ident, "as_of": day, "first_order": day_of(int(facts.first[n])),
            "last_order": day_of(int(facts.last[n])), "last_contact": day_of(int(facts.contact[n])),
            "purchase_days": int(facts.purchase_days[n]),
            "recency_days": int(v["recency"][n]) if buyer else None,
            "revenue": int(facts.revenue[n]), "margin": whole(facts.margin[n]),
            "repeat_spend": int(facts.repeat_spend[n]) if buyer else None,
            "r": int(v["r"][n]) if buyer else None, "f": int(v["f"][n]) if buyer else None,
            "m": int(v["m"][n]) if buyer else None,
            "segment": rfm.SEGMENT_CODES[v["segment"][n]].value if buyer else None,
            "abc": pareto.CLASSES[v["abc"][n]] if buyer else None,
            "p_alive": real(v["p_alive"][n]), "expected_purchases": real(v["purchases"][n]),
            "expected_spend": whole(v["spend"][n]), "clv": whole(v["value"][n]),
            "tier": tiers.TIER_CODES[v["tier"][n]].value,
            "stage": lifecycle.STAGE_CODES[v["stage"][n]].value,
        })  # fmt: skip
    return rows


# --------------------------------------------------------------------------- storing


def _store(session: Session, rows: list[dict[str, Any]], day: date, churn_days: int) -> int:
    """Rewrite rows that changed and log tier/stage changes; how many rows changed.

    A change is dated ``day``, except churn: a customer churned the day after the
    last order grew ``churn_days`` old, whenever a recompute noticed it (so the
    first recompute of an old database charts its past churn by month too).
    """
    stored = {
        found[0]: found[1:]
        for found in session.execute(
            select(CustomerValue.customer_id, *(getattr(CustomerValue, c) for c in STORED))
        )
    }
    now = utcnow()
    changed, moves = [], []
    for row in rows:
        old = stored.pop(row["customer_id"], None)
        fresh = tuple(row[c] for c in STORED)
        if old is not None and _same(old, fresh):
            continue
        changed.append(row | {"computed_at": now})
        for measure in ("tier", "stage"):
            before = old[STORED.index(measure)] if old is not None else None
            if before != row[measure]:
                on = day
                if row[measure] == "churned" and row["last_order"] is not None:
                    on = min(day, row["last_order"] + timedelta(days=churn_days + 1))
                moves.append({"id": new_id(), "customer_id": row["customer_id"], "on": on,
                              "measure": measure, "old": before, "new": row[measure],
                              "recorded_at": now})  # fmt: skip
    gone = list(stored)  # customers deleted since the last run
    keys = [r["customer_id"] for r in changed] + gone
    conn = session.connection()
    for start in range(0, len(keys), 500):
        conn.execute(delete(CustomerValue).where(
            CustomerValue.customer_id.in_(keys[start : start + 500])))  # fmt: skip
    insert_rows(conn, CustomerValue, changed)
    insert_rows(conn, ValueChange, moves)
    return len(changed)


def _same(old: tuple[Any, ...], fresh: tuple[Any, ...]) -> bool:
    for a, b in zip(old, fresh, strict=True):
        if isinstance(a, float) and isinstance(b, float):
            if abs(a - b) > 1e-6 * max(1.0, abs(a)):
                return False
        elif a != b:
            return False
    return True


__all__ = ["Summary", "fit_model", "recompute", "score"]
