"""Lifecycle stage: where a customer is in their life with us, from orders and contacts.

Decided in this order (the first that applies), as of a date:

=========  ==================================================================
potential  no order yet
churned    no order for more than ``churn_days`` (default 365)
silent     no order for more than ``silent_days`` (default 180) and no contact
           (interaction) in that time either
new        first order at most ``new_days`` ago (default 90)
loyal      ordered on at least ``loyal_purchases`` days (default 5)
active     everyone else: bought within the silent window
=========  ==================================================================

A contact keeps a lapsed buyer out of "silent" (they still talk to us) but not
out of "churned": churn is about buying.  Thresholds are in
:class:`StageRules`; :func:`explain` says which rule applied with the values.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.services.value.labels import STAGE_CODES, STAGE_LABELS, Stage  # noqa: F401

STAGE_REASONS = {
    Stage.POTENTIAL: QT_TRANSLATE_NOOP("stage", "No order yet."),
    Stage.CHURNED: QT_TRANSLATE_NOOP(
        "stage",
        "Last order {days} days ago, more than the {limit} days after which a "
        "customer counts as churned.",
    ),
    Stage.SILENT: QT_TRANSLATE_NOOP(
        "stage",
        "Last order {days} days ago and no contact for {contact} days, more than "
        "the {limit} days after which a customer counts as silent.",
    ),
    Stage.NEW: QT_TRANSLATE_NOOP(
        "stage", "First order {first} days ago, within the {limit} days a customer counts as new."
    ),
    Stage.LOYAL: QT_TRANSLATE_NOOP(
        "stage",
        "Ordered on {purchases} days, at least the {limit} that make a customer "
        "loyal, and last ordered {days} days ago.",
    ),
    Stage.ACTIVE: QT_TRANSLATE_NOOP(
        "stage", "Last order {days} days ago, within the {limit} days of an active customer."
    ),
}


@dataclass(frozen=True)
class StageRules:
    new_days: int = 90
    silent_days: int = 180
    churn_days: int = 365
    loyal_purchases: int = 5


NEVER = 1_000_000  # "days since" for something that never happened


def stages(rules: StageRules, first_days: ArrayLike, last_days: ArrayLike,
           purchase_days: ArrayLike, contact_days: ArrayLike) -> NDArray[np.int8]:  # fmt: skip
    """Stage codes (indexes into :data:`STAGE_CODES`).

    Arguments are days since the first order, the last order and the last contact
    (:data:`NEVER` where there was none) and the number of days with an order.
    """
    first = np.asarray(first_days, dtype=np.int64)
    last = np.asarray(last_days, dtype=np.int64)
    count = np.asarray(purchase_days, dtype=np.int64)
    contact = np.asarray(contact_days, dtype=np.int64)
    code = STAGE_CODES.index
    return np.select(
        [
            count == 0,
            last > rules.churn_days,
            (last > rules.silent_days) & (contact > rules.silent_days),
            first <= rules.new_days,
            count >= rules.loyal_purchases,
        ],
        [code(Stage.POTENTIAL), code(Stage.CHURNED), code(Stage.SILENT), code(Stage.NEW),
         code(Stage.LOYAL)],
        default=code(Stage.ACTIVE),
    ).astype(np.int8)  # fmt: skip


def explain(stage: Stage, rules: StageRules, *, first_days: int | None, last_days: int | None,
            purchase_days: int, contact_days: int | None) -> tuple[str, dict[str, object]]:  # fmt: skip
    """The untranslated reason for ``stage`` and its parameters."""
    limit = {
        Stage.CHURNED: rules.churn_days, Stage.SILENT: rules.silent_days,
        Stage.NEW: rules.new_days, Stage.LOYAL: rules.loyal_purchases,
        Stage.ACTIVE: rules.silent_days, Stage.POTENTIAL: 0,
    }[stage]  # fmt: skip
    return STAGE_REASONS[stage], {
        "days": last_days, "first": first_days, "purchases": purchase_days,
        "contact": contact_days if contact_days is not None else "—", "limit": limit,
    }  # fmt: skip
