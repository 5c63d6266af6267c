"""Value tiers (high / mid / low): configurable rules over the value measures.

A tier's rule is a list of conditions of which any one suffices; high is tried
first, then mid, and a customer that meets neither is low (so is a customer
with no orders, unless a rule says otherwise).  Defaults:

* high: ABC class A, or an RFM total (R + F + M) of at least 13;
* mid: ABC class B, or an RFM total of at least 9;
* low: everyone else.

Each tier carries its service policy: how often to follow up (days) and what
the customer is offered.  :func:`explain` names the condition that applied and
the customer's value for it.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.services.value.labels import TIER_CODES, TIER_LABELS, Tier  # noqa: F401

MEASURES = {
    "abc": QT_TRANSLATE_NOOP("tier", "ABC class"),
    "rfm": QT_TRANSLATE_NOOP("tier", "RFM total (R + F + M)"),
    "r": QT_TRANSLATE_NOOP("tier", "Recency score R"),
    "f": QT_TRANSLATE_NOOP("tier", "Frequency score F"),
    "m": QT_TRANSLATE_NOOP("tier", "Monetary score M"),
    "clv": QT_TRANSLATE_NOOP("tier", "Predicted value, next 12 months (¥)"),
    "revenue": QT_TRANSLATE_NOOP("tier", "Revenue to date (¥)"),
    "purchases": QT_TRANSLATE_NOOP("tier", "Days with an order"),
    "p_alive": QT_TRANSLATE_NOOP("tier", "Probability still active"),
}
DEFAULT_PERKS = {  # shown translated while unchanged
    Tier.HIGH: QT_TRANSLATE_NOOP(
        "tier", "Dedicated account manager; birthday and holiday gifts; priority service"
    ),
    Tier.MID: QT_TRANSLATE_NOOP("tier", "Holiday greetings; member offers"),
    Tier.LOW: QT_TRANSLATE_NOOP("tier", "Newsletters and promotions"),
}
OPS = {">=": operator.ge, "<=": operator.le, "=": operator.eq}
ABC_CODES = {"A": 0, "B": 1, "C": 2}
LOW_REASON = QT_TRANSLATE_NOOP("tier", "None of the rules for high or mid value applied.")
RULE_REASON = QT_TRANSLATE_NOOP("tier", "{measure} {op} {limit}: this customer has {value}.")
RULES_CHANGED = QT_TRANSLATE_NOOP(
    "tier", "The tier rules changed after the last recompute; recompute to apply them."
)


@dataclass(frozen=True)
class Condition:
    measure: str
    op: str
    value: float | str

    def __post_init__(self) -> None:
        if self.measure not in MEASURES or self.op not in OPS:
            raise ValueError(f"unknown tier condition {self.measure} {self.op}")
        if self.measure == "abc" and self.value not in ABC_CODES:
            raise ValueError(f"ABC class must be A, B or C, not {self.value}")


@dataclass(frozen=True)
class Policy:
    cadence_days: int
    perks: str


@dataclass(frozen=True)
class TierRules:
    high: tuple[Condition, ...] = (Condition("abc", "=", "A"), Condition("rfm", ">=", 13))
    mid: tuple[Condition, ...] = (Condition("abc", "=", "B"), Condition("rfm", ">=", 9))
    policies: Mapping[Tier, Policy] = field(
        default_factory=lambda: {
            Tier.HIGH: Policy(30, DEFAULT_PERKS[Tier.HIGH]),
            Tier.MID: Policy(90, DEFAULT_PERKS[Tier.MID]),
            Tier.LOW: Policy(180, DEFAULT_PERKS[Tier.LOW]),
        }
    )


def _compare(condition: Condition, values: NDArray[np.float64]) -> NDArray[np.bool_]:
    limit = ABC_CODES[str(condition.value)] if condition.measure == "abc" else condition.value
    with np.errstate(invalid="ignore"):
        return np.asarray(OPS[condition.op](values, float(limit)), dtype=np.bool_)


def tiers(rules: TierRules, measures: Mapping[str, NDArray[np.float64]]) -> NDArray[np.int8]:
    """Tier codes (indexes into :data:`TIER_CODES`) from measure arrays (NaN: not known).

    ``measures["abc"]`` holds 0/1/2 for A/B/C (NaN for none).
    """
    size = len(next(iter(measures.values())))
    high = np.zeros(size, dtype=np.bool_)
    for condition in rules.high:
        high |= _compare(condition, measures[condition.measure])
    mid = np.zeros(size, dtype=np.bool_)
    for condition in rules.mid:
        mid |= _compare(condition, measures[condition.measure])
    return np.where(high, 0, np.where(mid, 1, 2)).astype(np.int8)


def explain(rules: TierRules, measures: Mapping[str, float | None]) -> tuple[Tier, str, dict[str, object]]:  # fmt: skip
    """(tier, untranslated reason, its parameters) for one customer's measures."""
    for tier, conditions in ((Tier.HIGH, rules.high), (Tier.MID, rules.mid)):
        for condition in conditions:
            value = measures.get(condition.measure)
            if value is None or (isinstance(value, float) and math.isnan(value)):
                continue
            limit = (ABC_CODES[str(condition.value)] if condition.measure == "abc"
                     else float(condition.value))  # fmt: skip
            if OPS[condition.op](float(value), limit):
                shown = "ABC"[int(value)] if condition.measure == "abc" else _number(value)
                return tier, RULE_REASON, {
                    "measure": condition.measure, "op": condition.op,
                    "limit": condition.value, "value": shown,
                }  # fmt: skip
    return Tier.LOW, LOW_REASON, {}


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:g}"
