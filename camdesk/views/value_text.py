"""Value rules and reasons in words: "ABC class = A or RFM total (R + F + M) ≥ 13"."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from camdesk.services.value.lifecycle import Stage, StageRules
from camdesk.services.value.tiers import MEASURES, Condition, Tier, TierRules

SIGNS = {">=": "≥", "<=": "≤", "=": "="}


def measure_name(measure: str) -> str:
    return QCoreApplication.translate("tier", MEASURES[measure])


def condition_text(condition: Condition) -> str:
    """e.g. "RFM total (R + F + M) ≥ 13"."""
    value = condition.value
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    return f"{measure_name(condition.measure)} {SIGNS[condition.op]} {shown}"


def tier_rule(rules: TierRules, tier: Tier) -> str:
    """When a customer is in ``tier``, in words."""
    conditions = {Tier.HIGH: rules.high, Tier.MID: rules.mid}.get(tier)
    if not conditions:
        return QCoreApplication.translate("ValueText", "Everyone else")
    separator = QCoreApplication.translate("ValueText", " or ")
    return separator.join(condition_text(c) for c in conditions)


def stage_rule(stage: Stage, rules: StageRules) -> str:
    """When a customer is at ``stage``, in words (the rules apply in stage order)."""
    texts = {
        Stage.POTENTIAL: QCoreApplication.translate("ValueText", "No order yet."),
        Stage.CHURNED: QCoreApplication.translate(
            "ValueText", "No order for more than %1 days.").replace("%1", str(rules.churn_days)),
        Stage.SILENT: QCoreApplication.translate(
            "ValueText", "No order and no contact for more than %1 days.").replace(
            "%1", str(rules.silent_days)),
        Stage.NEW: QCoreApplication.translate(
            "ValueText", "First order at most %1 days ago.").replace("%1", str(rules.new_days)),
        Stage.LOYAL: QCoreApplication.translate(
            "ValueText", "Ordered on at least %1 different days.").replace(
            "%1", str(rules.loyal_purchases)),
        Stage.ACTIVE: QCoreApplication.translate(
            "ValueText", "Everyone else (ordered within %1 days, or still in contact).").replace(
            "%1", str(rules.silent_days)),
    }  # fmt: skip
    return texts[stage]


def reason_text(context: str, reason: str, params: Mapping[str, object]) -> str:
    """A translated reason from :func:`tiers.explain` or :func:`lifecycle.explain`."""
    values = dict(params)
    if "measure" in values:
        values["measure"] = measure_name(str(values["measure"]))
    if "op" in values:
        values["op"] = SIGNS.get(str(values["op"]), values["op"])
    return QCoreApplication.translate(context, reason).format(**values)
