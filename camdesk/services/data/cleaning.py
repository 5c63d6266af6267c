"""Turning spreadsheet cells into the values a customer file holds.

Spreadsheets say the same thing in many ways: a phone as the number 13812345678
(shown 1.38E+10), with spaces, dashes or +86; dates as Excel serial numbers, as
dates, or as text (2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305);
full-width digits and letters; money with ¥, 元 and thousands separators.  Each
function here takes one cell and returns the value, or raises ValueError when
the cell cannot mean one (the importer turns that into a message per row and
column).  Phones and emails are checked later by the customer rules themselves.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from camdesk.services.data.sheets import Cell

_SPACES = re.compile(r"\s+")
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?e\+?\d+$", re.IGNORECASE)
EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01 (after Excel's leap-year bug)


def text(cell: Cell) -> str | None:
    """A text cell as typed (see validation.clean_text): only its ends trimmed."""
    from camdesk.services.core.validation import clean_text

    if cell is None:
        return None
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return clean_text(str(cell))


def folded(cell: Cell) -> str | None:
    """A cell to read a value from (a date, number, phone, choice): half-width, single
    spaces, none between Chinese characters. Never stored as the cell's text."""
    value = text(cell)
    if value is None:
        return None
    value = unicodedata.normalize("NFKC", value)
    if " " in value or not value.isprintable():  # else no white space at all (most cells)
        value = _CJK_GAP.sub("", _SPACES.sub(" ", value)).strip()
    return value or None


def long_text(cell: Cell) -> str | None:
    """Free text (notes): half-width, line breaks kept, each line tidied."""
    from camdesk.services.core.validation import clean_text

    if cell is None:
        return None
    return clean_text(str(cell), multiline=True)


def lunar_day(cell: Cell) -> str | None:
    """A lunar birthday cell: text as typed (checked by the customer rules), or the month
    and day of a date cell, which is what a spreadsheet makes of "8-15" typed into it."""
    if isinstance(cell, datetime | date):
        return f"{cell.month:02d}-{cell.day:02d}"
    return folded(cell)


def phone(cell: Cell) -> str | None:
    """The phone number as typed, digits restored from number cells.

    Raises:
        ValueError: the cell shows a number in scientific notation: digits are lost.
    """
    if isinstance(cell, float):
        if not cell.is_integer():
            raise ValueError(str(cell))
        return str(int(cell))
    if isinstance(cell, int):
        return str(cell)
    value = folded(cell)
    if value and _SCIENTIFIC.match(value):
        raise ValueError(value)  # "1.38123E+10": the spreadsheet kept only 6 digits
    return value


def day(cell: Cell) -> date | None:
    """A date from a date cell, an Excel serial number or text in the usual forms.

    Raises:
        ValueError: not a date, or ambiguous (3/5/2024: March or May?).
    """
    if cell is None:
        return None
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        if not 1 <= cell < 2958466:  # Excel's range: 1900-01-01 .. 9999-12-31
            raise ValueError(str(cell))
        return EXCEL_EPOCH + timedelta(days=int(cell))
    if isinstance(cell, time | timedelta):
        raise ValueError(str(cell))
    value = folded(cell) or ""
    for pattern in (_YMD, _COMPACT):
        found = pattern.match(value)
        if found:
            year, month, dom = (int(g) for g in found.groups())
            return date(year, month, dom)  # ValueError for 2024-02-30
    found = _DMY.match(value)
    if found:
        first, second, year = (int(g) for g in found.groups())
        if first > 12 >= second:
            return date(year, second, first)
        if second > 12 >= first:
            return date(year, first, second)
        raise ValueError(value)  # both could be the month
    if re.fullmatch(r"\d+(\.\d+)?", value):  # a serial number kept as text
        return day(float(value))
    raise ValueError(value)


def moment(cell: Cell) -> datetime | None:
    """A date and time (local, naive); a date alone is midnight."""
    if isinstance(cell, datetime):
        return cell
    if isinstance(cell, str):
        value = folded(cell) or ""
        for form in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M"):
            try:
                return datetime.strptime(value, form)
            except ValueError:
                continue
    if isinstance(cell, float) and not cell.is_integer():
        start = datetime.combine(EXCEL_EPOCH, time())
        return start + timedelta(days=cell)
    found = day(cell)
    return datetime.combine(found, time()) if found else None


def number(cell: Cell) -> Decimal | None:
    """A number from a number cell or text like "¥1,234.50", "1234元", "１２"."""
    if cell is None:
        return None
    if isinstance(cell, bool):
        raise ValueError(str(cell))
    if isinstance(cell, int | float):
        return Decimal(str(cell))
    value = (folded(cell) or "").replace(",", "").replace("，", "")
    value = re.sub(r"^(?:¥|￥|rmb|cny)\s*|\s*(?:元|rmb|cny)$", "", value, flags=re.IGNORECASE)
    try:
        return Decimal(value) if value else None
    except InvalidOperation as exc:
        raise ValueError(str(cell)) from exc


def fen(cell: Cell) -> int | None:
    """Money in fen (yuan x 100); more than two decimals is refused."""
    found = number(cell)
    if found is None:
        return None
    scaled = found * 100
    if scaled != scaled.to_integral_value():
        raise ValueError(str(cell))
    return int(scaled)


def whole(cell: Cell) -> int | None:
    found = number(cell)
    if found is None:
        return None
    if found != found.to_integral_value():
        raise ValueError(str(cell))
    return int(found)


_GENDERS = {"男": "male", "女": "female", "先生": "male", "女士": "female", "小姐": "female",
            "m": "male", "f": "female", "male": "male", "female": "female", "其他": "other",
            "other": "other"}  # fmt: skip
_KINDS = {"个人": "person", "企业": "company", "公司": "company", "单位": "company",
          "机构": "company", "个人客户": "person", "企业客户": "company", "公司客户": "company",
          "单位客户": "company", "机构客户": "company", "自然人": "person", "法人": "company",
          "person": "person", "individual": "person", "consumer": "person", "b2c": "person",
          "company": "company", "organization": "company", "organisation": "company",
          "business": "company", "account": "company", "b2b": "company"}  # fmt: skip


def gender(cell: Cell) -> str | None:
    value = folded(cell)
    if value is None:
        return None
    found = _GENDERS.get(value.lower())
    if found is None:
        raise ValueError(value)
    return found


def kind(cell: Cell) -> str | None:
    value = folded(cell)
    if value is None:
        return None
    found = _KINDS.get(value.lower())
    if found is None:
        raise ValueError(value)
    return found


def tags(cell: Cell) -> tuple[str, ...]:
    """Tags from one cell, split as the form splits them (validation.split_tags)."""
    from camdesk.services.core.validation import split_tags

    return split_tags(text(cell))


_WORDS = {
    "非常满意": 5, "很满意": 5, "满意": 4, "比较满意": 4, "一般": 3, "还行": 3, "不满意": 2,
    "不太满意": 2, "非常不满意": 1, "很不满意": 1, "very satisfied": 5, "satisfied": 4,
    "neutral": 3, "dissatisfied": 2, "unsatisfied": 2, "very dissatisfied": 1,
}  # fmt: skip
_SCORE = re.compile(r"^\s*(\d{1,2})\s*(?:分|星|points?|stars?|/\s*(?:5|10))?\s*$", re.IGNORECASE)


def score(cell: Cell) -> int | None:
    """A survey score: 9, "9分", "4星", "4/5", or a satisfaction word (非常满意 is 5 ...
    非常不满意 1, as questionnaire tools export CSAT)."""
    value = text(cell)
    if value is None:
        return None
    word = _WORDS.get(value.lower())
    if word is not None:
        return word
    found = _SCORE.match(value)
    if found is None:
        return whole(cell)  # raises ValueError for what is not a number
    return int(found.group(1))
