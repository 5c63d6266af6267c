"""One spreadsheet row as the values of a customer, order or interaction.

:func:`convert` reads the mapped cells of a row through :mod:`cleaning` and
returns the field values it found (empty cells are left out, so an update
keeps what the file does not say) and a problem for each cell that cannot mean
its field.  The customer rules themselves (:func:`customers.check_customer`)
run afterwards, in the importer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.services.core.validation import INVALID_DATE, INVALID_NUMBER, REQUIRED
from camdesk.services.data import cleaning
from camdesk.services.data.imports.fields import ColumnMap, ImportKind
from camdesk.services.data.sheets import Cell

LOST_DIGITS = QT_TRANSLATE_NOOP(
    "errors",
    "“{value}” lost its last digits (scientific notation): format the column as text in the spreadsheet and export it again.",
)
INVALID_MONEY = QT_TRANSLATE_NOOP(
    "errors", "“{value}” is not an amount in yuan (at most two decimals)."
)
INVALID_GENDER = QT_TRANSLATE_NOOP(
    "errors", "“{value}” is not a gender: write 男, 女, male or female."
)
INVALID_KIND = QT_TRANSLATE_NOOP(
    "errors", "“{value}” is not a customer type: write 个人 or 企业 (person or company)."
)
INVALID_CONTACT = QT_TRANSLATE_NOOP(
    "errors", "“{value}” is not a way of contact: call, SMS, WeChat, email, visit or meeting."
)
INVALID_WHOLE = QT_TRANSLATE_NOOP("errors", "“{value}” is not a whole number.")
INVALID_MOMENT = QT_TRANSLATE_NOOP(
    "errors", "“{value}” is not a date and time (use YYYY-MM-DD HH:MM)."
)
INVALID_SCORE = QT_TRANSLATE_NOOP(
    "errors",
    "“{value}” is not a score: write a whole number, or for satisfaction 非常满意 to 非常不满意.",
)
# fmt: off

_CONTACT_WORDS = {
    "电话": "call", "通话": "call", "致电": "call", "call": "call", "phone": "call",
    "短信": "sms", "sms": "sms", "text": "sms", "微信": "wechat", "wechat": "wechat",
    "邮件": "email", "电子邮件": "email", "email": "email", "e-mail": "email",
    "拜访": "visit", "上门": "visit", "面访": "visit", "visit": "visit",
    "会议": "meeting", "见面": "meeting", "meeting": "meeting",
}
# fmt: on


def contact_kind(cell: Cell) -> str | None:
    value = cleaning.text(cell)
    if value is None:
        return None
    found = _CONTACT_WORDS.get(value.lower())
    if found is None:
        raise ValueError(value)
    return found


@dataclass(frozen=True)
class CellProblem:
    """A cell that cannot mean its field: the field's key and an English message."""

    field: str
    message: str
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)


Converter = Callable[[Cell], Any]

_TEXT = cleaning.text
CONVERTERS: dict[str, tuple[Converter, str]] = {
    "kind": (cleaning.kind, INVALID_KIND),
    "notes": (cleaning.long_text, INVALID_NUMBER),  # never refuses a cell
    "preferences": (cleaning.long_text, INVALID_NUMBER),
    "gender": (cleaning.gender, INVALID_GENDER),
    "birthday": (cleaning.day, INVALID_DATE),
    "lunar_birthday": (cleaning.lunar_day, INVALID_NUMBER),  # never refuses a cell
    "mobile": (cleaning.phone, LOST_DIGITS),
    "phone": (cleaning.phone, LOST_DIGITS),
    "province": (_TEXT, INVALID_NUMBER),  # never refuses a cell; the customer rules
    "city": (_TEXT, INVALID_NUMBER),  # give places their short names
    "tags": (cleaning.tags, INVALID_NUMBER),
    "ordered_on": (cleaning.day, INVALID_DATE),
    "amount": (cleaning.fen, INVALID_MONEY),
    "cost": (cleaning.fen, INVALID_MONEY),
    "quantity": (cleaning.whole, INVALID_WHOLE),
    "interaction_kind": (contact_kind, INVALID_CONTACT),
    "occurred_at": (cleaning.moment, INVALID_MOMENT),
    "answered_at": (cleaning.moment, INVALID_MOMENT),
    "nps": (cleaning.score, INVALID_SCORE),
    "csat": (cleaning.score, INVALID_SCORE),
    "comment": (cleaning.long_text, INVALID_NUMBER),  # never refuses a cell
}
REQUIRED_FIELDS = {
    ImportKind.ORDERS: ("ordered_on", "amount"),
    ImportKind.INTERACTIONS: ("occurred_at", "interaction_kind"),
    ImportKind.RESPONSES: ("answered_at",),
}


def convert(
    headers: Sequence[str],
    row: Sequence[Cell],
    mapping: ColumnMap,
    kind: ImportKind,
    custom_kinds: Mapping[str, str] | None = None,
) -> tuple[dict[str, Any], list[CellProblem]]:
    """The values of one row (by field key) and the problems of its cells.

    ``custom_kinds`` gives each custom field's kind ("text", "number", "date", "choice").
    A table of many rows reads them through one :func:`row_reader` instead.
    """
    return row_reader(headers, mapping, kind, custom_kinds)(row)


RowReader = Callable[[Sequence[Cell]], tuple[dict[str, Any], list[CellProblem]]]


def row_reader(
    headers: Sequence[str],
    mapping: ColumnMap,
    kind: ImportKind,
    custom_kinds: Mapping[str, str] | None = None,
) -> RowReader:
    """What :func:`convert` does, for every row of one table: which column holds which
    field, and its converter, are worked out once (100,000 rows, a million cells)."""
    plan = [
        (position, key, *_converter(key, custom_kinds or {}))
        for position, header in enumerate(headers)
        if (key := mapping.get(header)) is not None
    ]
    required = REQUIRED_FIELDS.get(kind, ())
    names = any(key in ("first_name", "last_name") for _, key, _, _ in plan)

    def read(row: Sequence[Cell]) -> tuple[dict[str, Any], list[CellProblem]]:
        values: dict[str, Any] = {}
        problems: list[CellProblem] = []
        width = len(row)
        for position, key, converter, message in plan:
            cell = row[position] if position < width else None
            if cell is None:
                continue
            try:
                value = converter(cell)
            except ValueError:
                problems.append(CellProblem(key, message, {"value": cleaning.text(cell) or ""}))
                continue
            if key == "tags" and value and "tags" in values:  # several columns of tags
                values[key] = tuple(dict.fromkeys((*values[key], *value)))
            elif value is not None and value != ():
                values[key] = value
        if names:
            _join_names(values)
        for key in required:
            if key not in values and not any(p.field == key for p in problems):
                problems.append(CellProblem(key, REQUIRED))
        return values, problems

    return read


def _converter(key: str, custom_kinds: Mapping[str, str]) -> tuple[Converter, str]:
    if key.startswith("custom:"):
        kind = custom_kinds.get(key[7:], "text")
        if kind == "date":
            return cleaning.day, INVALID_DATE
        if kind == "number":
            return cleaning.number, INVALID_NUMBER
        return _TEXT, INVALID_NUMBER
    return CONVERTERS.get(key, (_TEXT, INVALID_NUMBER))


def _join_names(values: dict[str, Any]) -> None:
    """First and last name columns (Zoho) make one name: 张 + 三 -> 张三, Wei Li."""
    first, last = values.pop("first_name", None), values.pop("last_name", None)
    if "name" in values or not (first or last):
        return
    parts = [str(p) for p in (first, last) if p]
    if any("\u4e00" <= ch <= "\u9fff" for ch in "".join(parts)):
        values["name"] = "".join(str(p) for p in (last, first) if p)
    else:
        values["name"] = " ".join(parts)
