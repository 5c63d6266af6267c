"""Lunar days (农历 month and day) as people write them and as camdesk stores them.

Only text here (no calendar arithmetic): :mod:`camdesk.services.followups.chinese_dates`
turns lunar days into Gregorian ones.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LunarDay:
    """A day of the lunar calendar: month 1-12, day 1-30, in the leap month or not."""

    month: int
    day: int
    leap: bool = False

    def __post_init__(self) -> None:
        if not (1 <= self.month <= 12 and 1 <= self.day <= 30):
            raise ValueError(f"no lunar day {self.month}/{self.day}")


_MONTHS = ("正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊")
_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _chinese_number(text: str) -> int:
    """一 .. 三十 (and 初一, 十五, 廿三, 卅), as a number."""
    text = text.removeprefix("初")
    if text in ("十", "初十"):
        return 10
    if text in ("二十", "廿"):
        return 20
    if text in ("三十", "卅"):
        return 30
    for prefix, tens in (("二十", 20), ("廿", 20), ("三十", 30), ("十", 10)):
        if text.startswith(prefix) and text[len(prefix) :] in _DIGITS:
            return tens + _DIGITS[text[len(prefix) :]]
    if text in _DIGITS:
        return _DIGITS[text]
    raise ValueError(text)


def parse_lunar(text: str) -> LunarDay:
    """A lunar day as people write it: "08-15", "8/15", "L06-15" or "闰6-15", "八月十五",
    "闰六月十五", "腊月廿三", "正月初一", "农历八月十五", "阴历九月初九".

    Raises:
        ValueError: not a lunar month and day.
    """
    cleaned = text.strip().replace(" ", "").replace("　", "")
    for prefix in ("农历", "阴历", "旧历"):  # what the column or the cell may say first
        cleaned = cleaned.removeprefix(prefix)
    leap = cleaned[:1] in ("闰", "L", "l")
    cleaned = cleaned[1:] if leap else cleaned
    for separator in ("-", "/", ".", "月"):
        if separator in cleaned:
            month_text, day_text = cleaned.split(separator, 1)
            break
    else:
        raise ValueError(text)
    day_text = day_text.removesuffix("日")
    try:
        month = int(month_text) if month_text.isdigit() else (
            _MONTHS.index(month_text) + 1 if month_text in _MONTHS else _chinese_number(month_text))  # fmt: skip
        day = int(day_text) if day_text.isdigit() else _chinese_number(day_text)
        return LunarDay(month, day, leap)
    except (ValueError, IndexError):
        raise ValueError(text) from None


def lunar_code(when: LunarDay) -> str:
    """How a lunar birthday is stored: "08-15", a leap month "L06-15"."""
    return f"{'L' if when.leap else ''}{when.month:02d}-{when.day:02d}"


def lunar_text(when: LunarDay) -> str:
    """A lunar day as Chinese readers write it: 闰六月十五, 腊月初八."""
    tens = {0: "初", 1: "十", 2: "廿", 3: "三十"}
    names = "一二三四五六七八九"
    if when.day == 10:
        day = "初十"
    elif when.day == 20:
        day = "二十"
    elif when.day == 30:
        day = "三十"
    else:
        day = tens[when.day // 10] + names[when.day % 10 - 1]
    return f"{'闰' if when.leap else ''}{_MONTHS[when.month - 1]}月{day}"
