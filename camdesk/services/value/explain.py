"""One customer's value measures, the reasons for their tier and stage, and their history.

The reasons are worked out again from the stored measures and the team's current
rules, with :func:`camdesk.services.value.tiers.explain` and
:func:`camdesk.services.value.lifecycle.explain`, so they name the rule that applied
and the customer's own values for it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from camdesk.db import Database
from camdesk.models import CustomerValue, ValueChange
from camdesk.services.value import lifecycle, tiers
from camdesk.services.value.settings import load_model, load_rules
from camdesk.services.value.tiers import ABC_CODES, Policy


@dataclass(frozen=True)
class Move:
    """A recorded change of tier or stage."""

    on: date
    measure: str  # "tier" or "stage"
    old: str | None
    new: str


@dataclass(frozen=True)
class Measures:
    """The stored measures (see :class:`camdesk.models.CustomerValue`; money in fen)."""

    as_of: date
    first_order: date | None
    last_order: date | None
    last_contact: date | None
    purchase_days: int
    revenue: int
    margin: int | None
    r: int | None
    f: int | None
    m: int | None
    segment: str | None
    abc: str | None
    p_alive: float | None
    expected_purchases: float | None
    expected_spend: int | None
    clv: int | None
    tier: str
    stage: str


@dataclass
class ValueFile:
    """What the customer file's Value tab shows.

    Attributes:
        tier_reason, stage_reason: untranslated reasons (contexts "tier" and "stage")
            with their parameters, for ``str.format`` after translation.
        policy: the service policy of the customer's tier.
    """

    measures: Measures
    tier_reason: str
    tier_params: dict[str, object]
    stage_reason: str
    stage_params: dict[str, object]
    policy: Policy
    horizon_days: int
    as_of: date  # the day the reasons speak of: the last recompute that looked at them
    moves: list[Move] = field(default_factory=list)


def _days(since: date | None, as_of: date) -> int | None:
    return None if since is None else (as_of - since).days


def value_file(db: Database, customer_id: uuid.UUID) -> ValueFile | None:
    """The customer's value as of the last recompute (None if never computed)."""
    with db.read() as session:
        found = session.get(CustomerValue, customer_id)
        if found is None:
            return None
        v = Measures(**{name: getattr(found, name) for name in Measures.__dataclass_fields__})
        rules = load_rules(session)
        model = load_model(session)
        moves = [
            Move(on, measure, old, new)
            for on, measure, old, new in session.execute(
                select(ValueChange.on, ValueChange.measure, ValueChange.old, ValueChange.new)
                .where(ValueChange.customer_id == customer_id)
                .order_by(ValueChange.on.desc(), ValueChange.recorded_at.desc())
            )
        ]
    # A row is rewritten only when its measures change: a later recompute that found
    # them the same still speaks for today.
    as_of = max(v.as_of, model.as_of) if model is not None else v.as_of
    buyer = v.purchase_days > 0
    measures: dict[str, float | None] = {
        "abc": float(ABC_CODES[v.abc]) if v.abc else None,
        "rfm": float(v.r + v.f + v.m) if buyer and v.r and v.f and v.m else None,
        "r": v.r, "f": v.f, "m": v.m,
        "clv": v.clv / 100 if v.clv is not None else None,
        "revenue": v.revenue / 100, "purchases": float(v.purchase_days), "p_alive": v.p_alive,
    }  # fmt: skip
    tier, tier_reason, tier_params = tiers.explain(rules.tiers, measures)
    stage_reason, stage_params = lifecycle.explain(
        lifecycle.Stage(v.stage), rules.stage,
        first_days=_days(v.first_order, as_of), last_days=_days(v.last_order, as_of),
        purchase_days=v.purchase_days, contact_days=_days(v.last_contact, as_of),
    )  # fmt: skip
    if tier.value != v.tier:  # the rules changed since the last recompute
        tier_reason = tiers.RULES_CHANGED
        tier_params = {"tier": v.tier}
    return ValueFile(v, tier_reason, tier_params, stage_reason, stage_params,
                     rules.tiers.policies[tiers.Tier(v.tier)], rules.horizon_days, as_of,
                     moves)  # fmt: skip
