"""Recompute every customer's value measures, tier and lifecycle stage.

One pass, as of a date (default today):

1. Aggregates from SQL, per customer: days with an order, first and last order,
   revenue, margin, the spend of repeat days (all but the first order day), the
   last contact.  Orders after the date are not counted.
2. The model (:class:`~camdesk.services.value.settings.ValueModel`) is fitted on
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
from datetime import date
from typing import Any

import numpy as np
from sqlalchemy import select

from camdesk.db import Database
from camdesk.errors import CamdeskError
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.models import (
    ChangeLog,
    Contact,
    Interaction,
    Order,
)
from camdesk.services.core.bulk import gc_paused
from camdesk.services.core.changes import NOTHING, Changes, Kind, Written
from camdesk.services.core.context import Actor
from camdesk.services.core.progress import step as report_step
from camdesk.services.value import clv, lifecycle, pareto, rfm, tiers
from camdesk.services.value.facts import (
    Facts,
    read_facts,
)
from camdesk.services.value.settings import (
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
from camdesk.services.value.store import store_all, store_some

Progress = Callable[[int, int], None]


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

    @property
    def changes(self) -> Changes:
        """Everyone's measures (and, with new rules, the rules) may have changed."""
        return Changes.of(Kind.VALUES, None)


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
    :func:`camdesk.services.value.preview.apply_rules`).  ``refit``: fit the CLV
    models again even if the last fit is recent.
    """
    day = _day(as_of)
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
    with db.write(bulk=True) as session, gc_paused():
        summary.changed = store_all(session, rows, day, rules.stage.churn_days)
        store(session, "model", model_to_json(model), actor)
        if new_rules is not None:
            store(session, "rules", rules_to_json(new_rules), actor)
        step(4)
    summary.tiers, summary.stages = rows.counts("tier"), rows.counts("stage")
    summary.segments = rows.counts("segment")
    return summary


INCREMENTAL_MOST = 20_000  # more customers touched than this: leave it to a full recompute


class FutureDay(CamdeskError):
    """A recompute was asked for a day that has not come yet."""

    message = QT_TRANSLATE_NOOP(
        "errors",
        "Values can be worked out as of today or an earlier day, not as of {day}: nobody's orders of that day are known yet.",
    )


def _day(as_of: date | None) -> date:
    today = date.today()
    if as_of is not None and as_of > today:
        raise FutureDay(day=as_of.isoformat())
    return as_of or today


def recompute_customers(db: Database, ids: Sequence[uuid.UUID], actor: Actor | None = None, *,
                        as_of: date | None = None) -> Written[int | None]:  # fmt: skip
    """Recompute only these customers (after their orders, contacts or file changed).

    They are scored against the model of the last full recompute (its RFM cut
    points, ABC thresholds and CLV parameters), so the rest of the population is
    left as it is.  Customers deleted since lose their row.  Its value is how many
    rows changed, or None when there is no model yet or too many customers were
    touched (a full recompute is then the way).
    """
    day = _day(as_of)
    wanted = list(dict.fromkeys(ids))
    if not wanted or len(wanted) > INCREMENTAL_MOST:
        return Written(None, NOTHING)
    with db.read() as session:
        model = load_model(session)
        if model is None:
            return Written(None, NOTHING)
        rules = load_rules(session)
        facts = read_facts(session, day, only=wanted)
    rows = score(facts, rules, model, day)
    with db.write() as session:
        changed = store_some(session, rows, wanted, day, rules.stage.churn_days)
    return Written(changed, Changes.of(Kind.VALUES, wanted) if changed else NOTHING)


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
    """Every customer's measures as numpy arrays, turned into the stored values (see
    :data:`value_store.STORED`) a slice of customers at a time, as they are stored:
    a million customers' values as Python objects took a gigabyte."""

    facts: Facts
    day: date
    arrays: dict[str, np.ndarray]

    def __len__(self) -> int:
        return len(self.facts.ids)

    @property
    def ids(self) -> list[uuid.UUID]:
        return self.facts.ids

    def columns(self, start: int = 0, stop: int | None = None) -> dict[str, list[Any]]:
        """The stored values of customers start..stop, a list per column."""
        return _rows(self.facts, self.day, self.arrays, slice(start, stop))

    def rows(self) -> Iterator[dict[str, Any]]:
        """The values customer by customer (a few: an incremental recompute)."""
        columns = self.columns()
        keys = list(columns)
        for values in zip(*columns.values(), strict=True):
            yield dict(zip(keys, values, strict=True))

    def counts(self, measure: str) -> Counter[str]:
        """Customers per tier, stage or segment."""
        names = {"tier": [c.value for c in tiers.TIER_CODES],
                 "stage": [c.value for c in lifecycle.STAGE_CODES],
                 "segment": [c.value for c in rfm.SEGMENT_CODES]}[measure]  # fmt: skip
        codes = self.arrays[measure]  # -1: none (a segment for those who never bought)
        found = np.bincount(codes[codes >= 0].astype(np.int64), minlength=len(names))
        return Counter({name: int(n) for name, n in zip(names, found.tolist(), strict=True) if n})


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
    return Scored(facts, day, {
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


def _rows(facts: Facts, day: date, v: dict[str, np.ndarray], part: slice) -> dict[str, list[Any]]:
    """Stored values of the customers in ``part`` from the per-customer arrays ``v``
    (named as in :func:`score`), built a column at a time (element-wise numpy access
    would take seconds)."""
    buyers = v["buyers"][part]
    ids = facts.ids[part]

    def of(name: str) -> np.ndarray:
        return v[name][part]

    return {
        "customer_id": ids, "as_of": [day] * len(ids),
        "first_order": _days(facts.first[part]), "last_order": _days(facts.last[part]),
        "last_contact": _days(facts.contact[part]),
        "purchase_days": facts.purchase_days[part].tolist(),
        "revenue": _whole(facts.revenue[part]), "margin": _whole(facts.margin[part]),
        "repeat_spend": _whole(facts.repeat_spend[part], buyers),
        "r": _whole(of("r").astype(np.float64), buyers),
        "f": _whole(of("f").astype(np.float64), buyers),
        "m": _whole(of("m").astype(np.float64), buyers),
        "segment": _names(of("segment"), [s.value for s in rfm.SEGMENT_CODES], buyers),
        "abc": _names(of("abc"), list(pareto.CLASSES), buyers),
        "p_alive": _real(of("p_alive")), "expected_purchases": _real(of("purchases")),
        "expected_spend": _whole(of("spend")), "clv": _whole(of("value")),
        "tier": _names(of("tier"), [c.value for c in tiers.TIER_CODES]),
        "stage": _names(of("stage"), [c.value for c in lifecycle.STAGE_CODES]),
    }  # fmt: skip


__all__ = [
    "Scored",
    "Summary",
    "fit_model",
    "recompute",
    "recompute_customers",
    "score",
    "touched_by",
]
