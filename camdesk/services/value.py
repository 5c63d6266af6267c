"""Recompute every customer's value measures, tier and lifecycle stage.

One pass, as of a date (default today):

1. Aggregates from SQL, per customer: days with an order, first and last order,
   revenue, margin, the spend of repeat days (all but the first order day), the
   last contact.  Orders after the date are not counted.
2. The model (:class:`~camdesk.services.value_settings.ValueModel`) is fitted on
   the whole population: RFM cut points (:mod:`rfm`), ABC thresholds
   (:mod:`pareto`), BG/NBD and Gamma-Gamma (:mod:`clv`, time in weeks).  The CLV
   parameters are kept for up to a week while the number of paying customers
   stays within 5% (they describe the population and move slowly); ``refit``
   fits them again regardless.
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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from camdesk.db import Database
from camdesk.models import (
    ChangeLog,
    Contact,
    CustomerValue,
    Interaction,
    Order,
    ValueChange,
    new_id,
    utcnow,
)
from camdesk.services import clv, lifecycle, pareto, rfm, tiers
from camdesk.services.bulk import gc_paused, insert_columns, insert_rows
from camdesk.services.context import Actor
from camdesk.services.progress import step as report_step
from camdesk.services.value_facts import (
    Facts,
    raw_batches,
    read_facts,
)
from camdesk.services.value_settings import (
    REFIT_CHANGE,
    REFIT_DAYS,
    WEEK,
    ValueModel,
    ValueRules,
    load_model,
    load_rules,
    model_to_json,
    rules_to_json,
    store,
)

Progress = Callable[[int, int], None]
STORED = ("as_of", "first_order", "last_order", "last_contact", "purchase_days", "revenue",
          "margin", "repeat_spend", "r", "f", "m", "segment", "abc", "tier", "stage", "p_alive",
          "expected_purchases", "expected_spend", "clv")  # fmt: skip
COMPARED = STORED[1:]  # a row is rewritten when one of these changes (not just its date)
EXACT = COMPARED.index("p_alive")  # the columns before this one compare exactly
DATES = {"first_order", "last_order", "last_contact"}
# Predictions move a little every day: rewritten when they move by more than
# (absolute, relative): half a percentage point of P(alive), 1% of a purchase or of
# the predicted value, ¥1 of spend.
CLOSE = {"p_alive": (0.005, 0.0), "expected_purchases": (0.01, 0.01),
         "expected_spend": (100, 0.01), "clv": (100, 0.01)}  # fmt: skip
_TOLERANCE = {COMPARED.index(name): close for name, close in CLOSE.items()}


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


def recompute(
    db: Database,
    actor: Actor | None = None,
    *,
    as_of: date | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    rules: ValueRules | None = None,
    refit: bool = False,
) -> Summary:
    """Recompute and store every customer's measures as of ``as_of`` (default today).

    With ``rules``, they become the team's rules in the same transaction (see
    :func:`camdesk.services.value_preview.apply_rules`).  ``refit``: fit the CLV
    models again even if the last fit is recent.
    """
    day = as_of or date.today()
    new_rules = rules

    def step(done: int) -> None:
        report_step(progress, cancelled, done, 4)

    step(0)
    with db.read() as session:
        rules = new_rules or load_rules(session)
        previous = load_model(session)
        facts = read_facts(session, day)
    step(1)
    model = fit_model(facts, rules, day, previous, refit=refit)
    step(2)
    with gc_paused():
        rows = score(facts, rules, model, day)
    step(3)
    summary = Summary(as_of=day, customers=len(facts.ids), orders=facts.orders, model=model)
    with db.write() as session, gc_paused():
        summary.changed = _store(session, rows, day, rules.stage.churn_days)
        store(session, "model", model_to_json(model), actor)
        if new_rules is not None:
            store(session, "rules", rules_to_json(new_rules), actor)
        step(4)
    summary.tiers.update(rows.columns["tier"])
    summary.stages.update(rows.columns["stage"])
    summary.segments.update(s for s in rows.columns["segment"] if s)
    return summary


INCREMENTAL_MOST = 20_000  # more customers touched than this: leave it to a full recompute


def recompute_customers(db: Database, ids: Sequence[uuid.UUID], actor: Actor | None = None, *,
                        as_of: date | None = None) -> int | None:  # fmt: skip
    """Recompute only these customers (after their orders, contacts or file changed).

    They are scored against the model of the last full recompute (its RFM cut
    points, ABC thresholds and CLV parameters), so the rest of the population is
    left as it is.  Customers deleted since lose their row.  Returns how many
    rows changed, or None when there is no model yet or too many customers were
    touched (a full recompute is then the way).
    """
    day = as_of or date.today()
    wanted = list(dict.fromkeys(ids))
    if not wanted or len(wanted) > INCREMENTAL_MOST:
        return None
    with db.read() as session:
        model = load_model(session)
        if model is None:
            return None
        rules = load_rules(session)
        facts = read_facts(session, day, only=wanted)
    rows = score(facts, rules, model, day)
    with db.write() as session:
        return _store_some(session, rows, wanted, day, rules.stage.churn_days)


def touched_by(db: Database, txn: uuid.UUID) -> list[uuid.UUID]:
    """The customers whose files, orders, contacts or interactions the action ``txn`` wrote."""
    parents: dict[str, Any] = {"orders": Order, "interaction": Interaction, "contact": Contact}
    with db.read() as session:
        entries = session.execute(
            select(ChangeLog.table_name, ChangeLog.row_id).where(ChangeLog.txn_id == txn)
        ).all()
        found = [row for table, row in entries if table == "customer"]
        for table, model in parents.items():
            rows = [row for name, row in entries if name == table]
            for start in range(0, len(rows), 500):
                found += session.scalars(select(model.customer_id).where(
                    model.id.in_(rows[start : start + 500])))  # fmt: skip
    return list(dict.fromkeys(found))


def _store_some(session: Session, rows: Scored, ids: list[uuid.UUID], day: date,
                churn_days: int) -> int:  # fmt: skip
    now = utcnow()
    before: dict[uuid.UUID, tuple[Any, ...]] = {}
    for start in range(0, len(ids), 500):
        for found in session.execute(
            select(CustomerValue.customer_id, *(getattr(CustomerValue, c) for c in STORED)).where(
                CustomerValue.customer_id.in_(ids[start : start + 500])
            )
        ):
            before[found[0]] = tuple(found[1:])
    changed, moves = [], []
    tier_at, stage_at = STORED.index("tier"), STORED.index("stage")
    for row in rows.rows():
        old = before.pop(row["customer_id"], None)
        if old is not None and _same(old[1:], tuple(row[c] for c in STORED)[1:]):
            continue  # the same measures (only the date they were found differs)
        row["computed_at"] = now
        changed.append(row)
        was = (old[tier_at], old[stage_at]) if old is not None else (None, None)
        moves += _moves(row, was, day, churn_days, now)
    conn = session.connection()
    keys = [r["customer_id"] for r in changed] + list(before)  # before: deleted customers
    for start in range(0, len(keys), 500):
        conn.execute(delete(CustomerValue).where(
            CustomerValue.customer_id.in_(keys[start : start + 500])))  # fmt: skip
    insert_rows(conn, CustomerValue, changed)
    _insert_moves(conn, moves)
    return len(changed) + len(before)


# --------------------------------------------------------------------------- model


def _clv_inputs(facts: Facts, day: date) -> tuple[np.ndarray, ...]:
    """BG/NBD x, t_x, T (weeks) and Gamma-Gamma mean repeat spend (yuan) of buyers."""
    buyers = facts.purchase_days > 0
    x = (facts.purchase_days[buyers] - 1).astype(np.float64)
    t_x = (facts.last[buyers] - facts.first[buyers]) / WEEK
    t = (day.toordinal() - facts.first[buyers]) / WEEK
    with np.errstate(invalid="ignore", divide="ignore"):
        m = np.where(x > 0, facts.repeat_spend[buyers] / 100.0 / np.maximum(x, 1), 0.0)
    return buyers, x, t_x, t, m


def _fresh(previous: ValueModel | None, day: date, buyers: int) -> bool:
    """Whether the previous CLV fit still describes this population (see REFIT_DAYS)."""
    if previous is None or previous.bgnbd is None or previous.fitted_on is None:
        return False
    age = (day - previous.fitted_on).days
    grown = abs(buyers - previous.fitted_buyers) / max(previous.fitted_buyers, 1)
    return 0 <= age < REFIT_DAYS and grown <= REFIT_CHANGE


def fit_model(facts: Facts, rules: ValueRules, day: date, previous: ValueModel | None = None,
              *, refit: bool = False) -> ValueModel:  # fmt: skip
    """Cut points, thresholds and CLV fits for this population as of ``day``.

    RFM cut points and ABC thresholds are always worked out again; the CLV
    parameters of ``previous`` are kept while they are fresh (unless ``refit``).
    """
    buyers, x, t_x, t, m = _clv_inputs(facts, day)
    recency = day.toordinal() - facts.last[buyers]
    cuts = rfm.fit_cuts(recency, facts.purchase_days[buyers], facts.revenue[buyers])
    abc = pareto.thresholds(facts.revenue[buyers], rules.abc_a, rules.abc_b)
    paying = int(buyers.sum())
    if not refit and previous is not None and _fresh(previous, day, paying):
        return replace(previous, as_of=day, cuts=cuts, abc=abc)
    try:
        bgnbd = clv.fit_bgnbd(x, t_x, t)  # always from the same start: same data, same fit
    except (clv.FitError, FloatingPointError):
        bgnbd = None
    try:
        spend = clv.fit_gamma_gamma(x, m)
    except (clv.FitError, FloatingPointError):
        spend = None
    return ValueModel(as_of=day, cuts=cuts, abc=abc, bgnbd=bgnbd, gamma_gamma=spend,
                      fitted_on=day, fitted_buyers=paying)  # fmt: skip


# --------------------------------------------------------------------------- scoring


@dataclass
class Scored:
    """Every customer's stored values, a list per column (see :data:`STORED`)."""

    columns: dict[str, list[Any]]

    def __len__(self) -> int:
        return len(self.columns["customer_id"])

    def rows(self) -> Iterator[dict[str, Any]]:
        """The values customer by customer (for comparing with what is stored)."""
        keys = list(self.columns)
        for values in zip(*self.columns.values(), strict=True):
            yield dict(zip(keys, values, strict=True))


def score(facts: Facts, rules: ValueRules, model: ValueModel, day: date) -> Scored:
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


def _days(ordinals: np.ndarray) -> list[date | None]:
    """Dates of day ordinals (-1: None); each distinct day is made once."""
    values = ordinals.tolist()
    made = {n: date.fromordinal(n) for n in set(values) if n >= 0}
    return [made.get(n) for n in values]


def _whole(values: np.ndarray, keep: np.ndarray | None = None) -> list[int | None]:
    """Rounded integers, None for NaN (and where ``keep`` is false)."""
    missing = np.isnan(values) if keep is None else (np.isnan(values) | ~keep)
    numbers = np.rint(np.where(missing, 0, values)).astype(np.int64).tolist()
    return [None if gone else n for n, gone in zip(numbers, missing.tolist(), strict=True)]


def _real(values: np.ndarray) -> list[float | None]:
    return [None if x != x else x for x in np.round(values, 6).tolist()]  # NaN != NaN


def _names(codes: np.ndarray, names: list[str], keep: np.ndarray | None = None) -> list[str | None]:
    found = [names[c] if c >= 0 else None for c in codes.tolist()]
    if keep is None:
        return found
    return [name if k else None for name, k in zip(found, keep.tolist(), strict=True)]


def _rows(facts: Facts, day: date, v: dict[str, np.ndarray]) -> Scored:
    """Stored values from the per-customer arrays ``v`` (named as in :func:`score`),
    built a column at a time (element-wise numpy access would take seconds)."""
    buyers = v["buyers"]
    size = len(facts.ids)
    columns: dict[str, list[Any]] = {
        "customer_id": facts.ids, "as_of": [day] * size,
        "first_order": _days(facts.first), "last_order": _days(facts.last),
        "last_contact": _days(facts.contact),
        "purchase_days": facts.purchase_days.tolist(),
        "revenue": _whole(facts.revenue), "margin": _whole(facts.margin),
        "repeat_spend": _whole(facts.repeat_spend, buyers),
        "r": _whole(v["r"].astype(np.float64), buyers),
        "f": _whole(v["f"].astype(np.float64), buyers),
        "m": _whole(v["m"].astype(np.float64), buyers),
        "segment": _names(v["segment"], [s.value for s in rfm.SEGMENT_CODES], buyers),
        "abc": _names(v["abc"], list(pareto.CLASSES), buyers),
        "p_alive": _real(v["p_alive"]), "expected_purchases": _real(v["purchases"]),
        "expected_spend": _whole(v["spend"]), "clv": _whole(v["value"]),
        "tier": _names(v["tier"], [c.value for c in tiers.TIER_CODES]),
        "stage": _names(v["stage"], [c.value for c in lifecycle.STAGE_CODES]),
    }  # fmt: skip
    return Scored(columns)


# --------------------------------------------------------------------------- storing


def _store(session: Session, rows: Scored, day: date, churn_days: int) -> int:
    """Rewrite rows that changed and log tier/stage changes; how many rows changed.

    A row changes when any measure does, predictions by more than :data:`CLOSE`
    allows (P(alive) and predicted value drift a little every day; rewriting every
    customer daily for that would make a recompute several times slower).  The
    comparison runs on the values as the driver stores them, without converting
    a hundred thousand rows back into Python types.

    A change is dated ``day``, except churn: a customer churned the day after the
    last order grew ``churn_days`` old, whenever a recompute noticed it (so the
    first recompute of an old database charts its past churn by month too).
    """
    now = utcnow()
    text = session.get_bind().dialect.name == "sqlite"  # raw values: text ids and dates
    columns = rows.columns
    ids = columns["customer_id"]
    keys = [i.hex for i in ids] if text else ids
    where = {key: n for n, key in enumerate(keys)}
    fresh = list(zip(*(_as_stored(columns[c], text) if c in DATES else columns[c]
                       for c in COMPARED), strict=True))  # fmt: skip
    tier_at, stage_at = COMPARED.index("tier"), COMPARED.index("stage")
    same = bytearray(len(ids))  # 1: the stored row holds the same measures
    was: list[tuple[Any, Any]] = [(None, None)] * len(ids)  # stored tier and stage
    gone = []  # customers deleted since
    statement = select(CustomerValue.customer_id, *(getattr(CustomerValue, c) for c in COMPARED))
    for batch in raw_batches(session, statement):  # streamed: a million rows need not be held
        for found in batch:
            n = where.get(found[0])
            if n is None:
                gone.append(uuid.UUID(hex=found[0]) if text else found[0])
                continue
            old = found[1:]
            was[n] = (old[tier_at], old[stage_at])
            if old == fresh[n] or _same(old, fresh[n]):
                same[n] = 1
    # In key order: the table and its indexes are then written page after page.
    changed = sorted((n for n, kept in enumerate(same) if not kept), key=keys.__getitem__)
    moves: list[tuple[Any, ...]] = []
    for n in changed:
        if was[n] != (columns["tier"][n], columns["stage"][n]):
            row = {"customer_id": ids[n], "tier": columns["tier"][n],
                   "stage": columns["stage"][n], "last_order": columns["last_order"][n]}  # fmt: skip
            moves += _moves(row, was[n], day, churn_days, now)
    conn = session.connection()
    replace = text  # SQLite replaces a row with the same key in the insert itself
    if len(changed) > len(ids) // 2:  # most rows: empty the table, write them all again
        conn.execute(delete(CustomerValue))
        picked, count, replace = columns, len(ids), False  # no copy of a million values
    else:
        doomed = gone if replace else [ids[n] for n in changed] + gone
        for start in range(0, len(doomed), 500):
            conn.execute(delete(CustomerValue).where(
                CustomerValue.customer_id.in_(doomed[start : start + 500])))  # fmt: skip
        picked = {name: [values[n] for n in changed] for name, values in columns.items()}
        count = len(changed)
    insert_columns(conn, CustomerValue, picked | {"computed_at": [now] * count},
                   replace=replace)  # fmt: skip
    _insert_moves(conn, moves)  # a first run logs two per customer: tuples, in slices
    return count


def _as_stored(days: list[date | None], text: bool) -> list[Any]:
    """Dates as the driver returns them (SQLite: ISO text)."""
    if not text:
        return days
    made = {d: d.isoformat() for d in set(days) if d is not None}
    return [made.get(d) if d is not None else None for d in days]


MOVE_COLUMNS = ("id", "customer_id", "on", "measure", "old", "new", "recorded_at")


def _insert_moves(conn: Any, moves: list[tuple[Any, ...]]) -> None:
    """Insert value_change rows (tuples in :data:`MOVE_COLUMNS` order), a slice at a time."""
    for start in range(0, len(moves), 50_000):
        values = list(zip(*moves[start : start + 50_000], strict=True))
        insert_columns(conn, ValueChange, dict(zip(MOVE_COLUMNS, values, strict=True)))


def _moves(row: dict[str, Any], before: tuple[str | None, str | None], day: date,
           churn_days: int, now: datetime) -> list[tuple[Any, ...]]:  # fmt: skip
    """The value_change rows for a customer whose tier and stage were ``before``."""
    found = []
    for measure, old in zip(("tier", "stage"), before, strict=True):
        if old != row[measure]:
            on = day
            if row[measure] == "churned" and row["last_order"] is not None:
                on = min(day, row["last_order"] + timedelta(days=churn_days + 1))
            found.append((new_id(), row["customer_id"], on, measure, old, row[measure], now))
    return found


def _same(old: Sequence[Any], fresh: Sequence[Any]) -> bool:
    """Whether two rows of :data:`COMPARED` values hold the same measures."""
    if old[:EXACT] != fresh[:EXACT]:
        return False
    for n in range(EXACT, len(COMPARED)):
        a, b = old[n], fresh[n]
        if a == b:
            continue
        if a is None or b is None:
            return False
        absolute, relative = _TOLERANCE[n]
        if abs(a - b) > max(absolute, relative * abs(a)):
            return False
    return True


__all__ = [
    "Scored",
    "Summary",
    "fit_model",
    "recompute",
    "recompute_customers",
    "score",
    "touched_by",
]
