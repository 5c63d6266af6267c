"""Criteria in words, for the filter bar and saved segments: "Value tier: High value"."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QLocale

from camdesk.services.lists.criteria import CUSTOM_PREFIX, FIELDS, Criterion
from camdesk.views.i18n import Counted
from camdesk.views.value_names import yuan


def field_name(key: str, custom: Mapping[str, str] | None = None) -> str:
    """A criteria field's translated name (a custom field's own label)."""
    if key.startswith(CUSTOM_PREFIX):
        bare = key.removeprefix(CUSTOM_PREFIX)
        return (custom or {}).get(bare, bare)
    return QCoreApplication.translate("criteria", FIELDS[key].label)


def choice_name(key: str, code: str, names: Mapping[str, str] | None = None) -> str:
    """A choice's translated name; ``names`` names looked-up choices (owners by id)."""
    field = FIELDS.get(key)
    if field is not None:
        for choice, (context, label) in field.choices:
            if choice == code:
                return QCoreApplication.translate(context, label)
    return (names or {}).get(code, code)


def amount_text(key: str, value: int) -> str:
    kind = FIELDS[key].kind if key in FIELDS else "text"
    if kind == "money":
        return yuan(value)
    if kind == "days":
        return Counted().days(value)
    if kind == "years":
        return Counted().years(value)
    return QLocale().toString(value)


def describe(criterion: Criterion, names: Mapping[str, str] | None = None,
             custom: Mapping[str, str] | None = None) -> str:  # fmt: skip
    """One criterion in words, e.g. "Predicted value (CLV) ≥ ¥5,000"."""
    what = field_name(criterion.field, custom)
    if criterion.field.startswith(CUSTOM_PREFIX) and criterion.op not in ("=", "in"):
        return _compared(what, criterion)
    if criterion.op in (">=", "<="):
        sign = "≥" if criterion.op == ">=" else "≤"
        return f"{what} {sign} {amount_text(criterion.field, criterion.number)}"
    shown = [choice_name(criterion.field, v, names) for v in criterion.values]
    separator = QCoreApplication.translate("criteria", " or ")
    return (QCoreApplication.translate("criteria", "%1: %2")
            .replace("%1", what).replace("%2", separator.join(shown)))  # fmt: skip


def _compared(what: str, criterion: Criterion) -> str:
    """A custom field compared: "预算 < 800", "签约日期: 2024-01-01 to 2024-12-31"."""
    if criterion.op == "empty":
        return QCoreApplication.translate("criteria", "%1 is empty").replace("%1", what)
    if criterion.op == "between":
        low, high = criterion.values
        return (QCoreApplication.translate("criteria", "%1: %2 to %3")
                .replace("%1", what).replace("%2", low).replace("%3", high))  # fmt: skip
    sign = {">=": "≥", "<=": "≤"}.get(criterion.op, criterion.op)
    return f"{what} {sign} {criterion.values[0]}"
