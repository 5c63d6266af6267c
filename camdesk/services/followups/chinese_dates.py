"""Chinese care dates: lunar birthdays, the festivals, and the official working days.

Lunar dates are converted by lunar-python (the 农历 tables and the solar terms, so
Qingming falls on its solar term); the State Council's holidays and adjusted working
days (调休) come from chinese-calendar.  That library knows the years the State Council
has published; for a later year :func:`working_day` falls back to "Saturday and Sunday
are rest days" and says so, so a caller can flag the date as provisional.
"""

from __future__ import annotations

import enum
import functools
from datetime import date, timedelta

import chinese_calendar
from lunar_python import Lunar, LunarMonth, LunarYear, Solar

from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.services.core.lunar_days import LunarDay


def lunar_of(day: date) -> LunarDay:
    """The lunar day a Gregorian day falls on.

    Read off the lunar year's months, each year's computed once: lunar-python keeps
    only the last year it computed, and recomputes a year's solar terms for every other
    (birthdays and care dates ask about many years in turn; a 20,000-customer demo spent
    44% of its time there)."""
    for year in (day.year, day.year - 1):
        for first, month, days in _months(year):
            if 0 <= (day - first).days < days:
                return LunarDay(abs(month), (day - first).days + 1, month < 0)
    lunar = Solar.fromYmd(day.year, day.month, day.day).getLunar()  # outside the tables
    return LunarDay(abs(lunar.getMonth()), lunar.getDay(), lunar.getMonth() < 0)


@functools.lru_cache(maxsize=512)
def _months(lunar_year: int) -> tuple[tuple[date, int, int], ...]:
    """The months lunar-python computes with ``lunar_year``: first day, month (negative:
    the leap month), number of days."""
    found = []
    for month in LunarYear.fromYear(lunar_year).getMonths():
        first = Solar.fromJulianDay(month.getFirstJulianDay())
        found.append((date(first.getYear(), first.getMonth(), first.getDay()),
                      month.getMonth(), month.getDayCount()))  # fmt: skip
    return tuple(found)


@functools.lru_cache(maxsize=1 << 14)
def solar_of(lunar_year: int, when: LunarDay) -> date:
    """The Gregorian day of ``when`` in lunar year ``lunar_year``.

    A leap-month day in a year without that leap month falls in the ordinary month; a
    30th in a month of 29 days falls on the 29th (its last day).
    """
    month = when.month
    if when.leap and LunarYear.fromYear(lunar_year).getLeapMonth() == when.month:
        month = -when.month
    days = LunarMonth.fromYm(lunar_year, month).getDayCount()
    solar = Lunar.fromYmd(lunar_year, month, min(when.day, days)).getSolar()
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


def next_lunar(when: LunarDay, on_or_after: date) -> date:
    """The first Gregorian day on or after ``on_or_after`` that is ``when``."""
    start = Solar.fromYmd(on_or_after.year, on_or_after.month, on_or_after.day).getLunar().getYear()
    for year in (start - 1, start, start + 1):  # the lunar year straddles two Gregorian ones
        found = solar_of(year, when)
        if found >= on_or_after:
            return found
    return solar_of(start + 2, when)


def next_gregorian(birthday: date, on_or_after: date) -> date:
    """The next anniversary of ``birthday`` on or after ``on_or_after`` (29 February: the
    28th in common years)."""
    for year in (on_or_after.year, on_or_after.year + 1):
        try:
            found = birthday.replace(year=year)
        except ValueError:
            found = date(year, 2, 28)
        if found >= on_or_after:
            return found
    raise AssertionError("unreachable")


class Festival(enum.StrEnum):
    NEW_YEAR = "new_year"
    SPRING = "spring"
    LANTERN = "lantern"
    WOMEN = "women"
    QINGMING = "qingming"
    LABOUR = "labour"
    DRAGON_BOAT = "dragon_boat"
    QIXI = "qixi"
    MID_AUTUMN = "mid_autumn"
    NATIONAL = "national"
    DOUBLE_NINTH = "double_ninth"


FESTIVAL_NAMES = {
    Festival.NEW_YEAR: QT_TRANSLATE_NOOP("festival", "New Year's Day"),
    Festival.SPRING: QT_TRANSLATE_NOOP("festival", "Spring Festival"),
    Festival.LANTERN: QT_TRANSLATE_NOOP("festival", "Lantern Festival"),
    Festival.WOMEN: QT_TRANSLATE_NOOP("festival", "Women's Day"),
    Festival.QINGMING: QT_TRANSLATE_NOOP("festival", "Qingming Festival"),
    Festival.LABOUR: QT_TRANSLATE_NOOP("festival", "Labour Day"),
    Festival.DRAGON_BOAT: QT_TRANSLATE_NOOP("festival", "Dragon Boat Festival"),
    Festival.QIXI: QT_TRANSLATE_NOOP("festival", "Qixi Festival"),
    Festival.MID_AUTUMN: QT_TRANSLATE_NOOP("festival", "Mid-Autumn Festival"),
    Festival.NATIONAL: QT_TRANSLATE_NOOP("festival", "National Day"),
    Festival.DOUBLE_NINTH: QT_TRANSLATE_NOOP("festival", "Double Ninth Festival"),
}
_LUNAR = {Festival.SPRING: LunarDay(1, 1), Festival.LANTERN: LunarDay(1, 15),
          Festival.DRAGON_BOAT: LunarDay(5, 5), Festival.QIXI: LunarDay(7, 7),
          Festival.MID_AUTUMN: LunarDay(8, 15), Festival.DOUBLE_NINTH: LunarDay(9, 9)}  # fmt: skip
_SOLAR = {Festival.NEW_YEAR: (1, 1), Festival.WOMEN: (3, 8), Festival.LABOUR: (5, 1),
          Festival.NATIONAL: (10, 1)}  # fmt: skip


def festival_day(festival: Festival, year: int) -> date:
    """The Gregorian day of ``festival`` in Gregorian year ``year``."""
    if festival in _SOLAR:
        month, day = _SOLAR[festival]
        return date(year, month, day)
    if festival is Festival.QINGMING:  # the solar term 清明, 4 or 5 April
        solar = Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()["清明"]
        return date(solar.getYear(), solar.getMonth(), solar.getDay())
    return solar_of(year, _LUNAR[festival])  # lunar festivals fall in that Gregorian year


def festivals(year: int) -> list[tuple[Festival, date]]:
    """Every festival of a Gregorian year, by date."""
    return sorted(((f, festival_day(f, year)) for f in Festival), key=lambda pair: pair[1])


def is_working_day(day: date) -> tuple[bool, bool]:
    """(whether ``day`` is a working day, whether the official calendar knows its year)."""
    try:
        return bool(chinese_calendar.is_workday(day)), True
    except NotImplementedError:  # a year the State Council has not published yet
        return day.weekday() < 5, False


def working_day(day: date) -> tuple[date, bool]:
    """``day`` or the next working day after it (a holiday or a rest day moves on; an
    adjusted working Saturday is a working day), and whether the official calendar
    knew every day looked at (False: weekends only, provisional)."""
    known_all = True
    for _ in range(30):  # the longest holiday is about nine days
        working, known = is_working_day(day)
        known_all &= known
        if working:
            return day, known_all
        day += timedelta(days=1)
    return day, known_all
