"""Conditions a customer list can be narrowed by, as plain values (no SQL here).

A :class:`Criterion` is one condition such as "tier = high" or "CLV >= 5,000 yuan";
a list query holds any number of them and a customer must meet them all.  A saved
segment is a named tuple of criteria, so segments, the value screen's
click-through and the filter bar speak the same language.  The SQL for each field
is in :mod:`camdesk.services.lists.page`.

Money is in fen; days and years are whole numbers.  Criteria round-trip through
JSON (:func:`to_json`, :func:`from_json`) for saved segments.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.services.value.labels import (
    SEGMENT_CODES,
    SEGMENT_LABELS,
    STAGE_CODES,
    STAGE_LABELS,
    TIER_CODES,
    TIER_LABELS,
)

Value = str | int | tuple[str, ...]

OPS = ("=", "in", ">=", "<=")


@dataclass(frozen=True)
class Field:
    """A field criteria can test.

    Attributes:
        kind: "choice" (fixed choices), "lookup" (choices read from the database:
            tags, owners, cities, provinces), "money" (fen), "count" (a whole number),
            "days", "years", "text".
        choices: for "choice" fields, (code, (translation context, untranslated label)).
    """

    key: str
    label: str
    kind: str
    choices: tuple[tuple[str, tuple[str, str]], ...] = ()

    @property
    def ops(self) -> tuple[str, ...]:
        if self.kind in ("choice", "lookup"):
            return ("=", "in")
        if self.kind == "text":
            return ("=",)
        return (">=", "<=")


def _choices(codes: tuple[Any, ...], labels: dict[Any, str], context: str) -> tuple[Any, ...]:
    return tuple((str(code), (context, labels[code])) for code in codes)


GENDER_LABELS = {
    "female": QT_TRANSLATE_NOOP("criteria", "Female"),
    "male": QT_TRANSLATE_NOOP("criteria", "Male"),
    "other": QT_TRANSLATE_NOOP("criteria", "Other"),
}
KIND_LABELS = {
    "person": QT_TRANSLATE_NOOP("criteria", "Person"),
    "company": QT_TRANSLATE_NOOP("criteria", "Company"),
}
ABC_LABELS = {"A": "A", "B": "B", "C": "C"}

FIELDS: dict[str, Field] = {
    f.key: f
    for f in (
        Field("tier", QT_TRANSLATE_NOOP("criteria", "Value tier"), "choice",
              _choices(TIER_CODES, TIER_LABELS, "tier")),
        Field("stage", QT_TRANSLATE_NOOP("criteria", "Lifecycle stage"), "choice",
              _choices(STAGE_CODES, STAGE_LABELS, "stage")),
        Field("segment", QT_TRANSLATE_NOOP("criteria", "RFM segment"), "choice",
              _choices(SEGMENT_CODES, SEGMENT_LABELS, "rfm")),
        Field("abc", QT_TRANSLATE_NOOP("criteria", "ABC class"), "choice",
              _choices(("A", "B", "C"), ABC_LABELS, "criteria")),
        Field("clv", QT_TRANSLATE_NOOP("criteria", "Predicted value (CLV)"), "money"),
        Field("revenue", QT_TRANSLATE_NOOP("criteria", "Total spend"), "money"),
        Field("purchases", QT_TRANSLATE_NOOP("criteria", "Days with an order"), "count"),
        Field("recency", QT_TRANSLATE_NOOP("criteria", "Days since last order"), "days"),
        Field("contact_days", QT_TRANSLATE_NOOP("criteria", "Days since last contact"), "days"),
        Field("nps", QT_TRANSLATE_NOOP("criteria", "Latest NPS (0-10)"), "count"),
        Field("csat", QT_TRANSLATE_NOOP("criteria", "Latest CSAT (1-5)"), "count"),
        Field("age", QT_TRANSLATE_NOOP("criteria", "Age"), "years"),
        Field("gender", QT_TRANSLATE_NOOP("criteria", "Gender"), "choice",
              _choices(("female", "male", "other"), GENDER_LABELS, "criteria")),
        Field("kind", QT_TRANSLATE_NOOP("criteria", "Type"), "choice",
              _choices(("person", "company"), KIND_LABELS, "criteria")),
        Field("province", QT_TRANSLATE_NOOP("criteria", "Province"), "lookup"),
        Field("city", QT_TRANSLATE_NOOP("criteria", "City"), "lookup"),
        Field("tag", QT_TRANSLATE_NOOP("criteria", "Tag"), "lookup"),
        Field("owner", QT_TRANSLATE_NOOP("criteria", "Owner"), "lookup"),
    )
}  # fmt: skip
CUSTOM_PREFIX = "custom:"  # "custom:<key>" compares a custom field's value
# A custom field's value: =, in (one of), >=, <=, <, > (numbers and dates), between
# (two values, both included) and empty (no value; the value given is ignored).
CUSTOM_OPS = ("=", "in", ">=", "<=", "<", ">", "between", "empty")


@dataclass(frozen=True)
class Criterion:
    """``field op value``: e.g. ("tier", "=", "high"), ("clv", ">=", 500000),
    ("segment", "in", ("champions", "loyal")), ("custom:level", "=", "gold")."""

    field: str
    op: str
    value: Value

    def __post_init__(self) -> None:
        known = self.field in FIELDS or self.field.startswith(CUSTOM_PREFIX)
        if not known:
            raise ValueError(f"unknown field {self.field!r}")
        custom = self.field not in FIELDS
        ops = CUSTOM_OPS if custom else FIELDS[self.field].ops
        if self.op not in ops:
            raise ValueError(f"{self.field} cannot be compared with {self.op!r}")
        if self.op == "in" and not isinstance(self.value, tuple):
            raise ValueError("'in' needs a list of values")
        if self.op == "between" and not (isinstance(self.value, tuple) and len(self.value) == 2):
            raise ValueError("'between' needs two values")
        if self.op in (">=", "<=") and not custom and not isinstance(self.value, int):
            raise ValueError(f"{self.field} {self.op} needs a whole number")

    @property
    def number(self) -> int:
        """The value of a ">=" or "<=" criterion."""
        if not isinstance(self.value, int):
            raise TypeError(f"{self.field} {self.op} holds no number")
        return self.value

    @property
    def values(self) -> tuple[str, ...]:
        """The value(s) of an "=" or "in" criterion, as text."""
        return self.value if isinstance(self.value, tuple) else (str(self.value),)


def to_json(criteria: tuple[Criterion, ...]) -> str:
    return json.dumps(
        [[c.field, c.op, list(c.value) if isinstance(c.value, tuple) else c.value]
         for c in criteria],
        ensure_ascii=False,
    )  # fmt: skip


def from_json(text: str) -> tuple[Criterion, ...]:
    """Criteria from :func:`to_json`; raises ValueError for anything else."""
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(str(exc)) from exc
    if not isinstance(items, list):
        raise ValueError("criteria must be a list")
    found = []
    for item in items:
        if not (isinstance(item, list) and len(item) == 3):
            raise ValueError(f"not a criterion: {item!r}")
        name, op, value = item
        if isinstance(value, list):
            value = tuple(str(v) for v in value)
        elif not isinstance(value, str | int) or isinstance(value, bool):
            raise ValueError(f"not a criterion value: {value!r}")
        found.append(Criterion(str(name), str(op), value))
    return tuple(found)
