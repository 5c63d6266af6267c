"""Lunar birthdays, the festivals and working days around 调休 (no database)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from lunar_python import Solar

from camdesk.services.followups.chinese_dates import (
    Festival,
    LunarDay,
    festival_day,
    festivals,
    is_working_day,
    lunar_of,
    next_gregorian,
    next_lunar,
    solar_of,
    working_day,
)


def test_a_lunar_birthday_across_the_lunar_and_gregorian_year_boundary():
    # 腊月廿八 (12/28) of lunar 2025 falls in January 2026, after the Gregorian new year.
    late = LunarDay(12, 28)
    assert solar_of(2025, late) == date(2026, 2, 15)
    assert next_lunar(late, date(2026, 1, 1)) == date(2026, 2, 15)
    assert next_lunar(late, date(2026, 2, 16)) == date(2027, 2, 4)
    # 正月初三 in the Gregorian year's first weeks: the 2026 one, not the 2025 one.
    assert next_lunar(LunarDay(1, 3), date(2025, 12, 31)) == date(2026, 2, 19)
    assert lunar_of(date(2026, 2, 17)) == LunarDay(1, 1)  # 春节 2026


def test_lunar_days_read_from_the_year_tables_agree_with_lunar_python_day_by_day():
    # Birthdays of a century, asked in random order (how the demo and care dates ask).
    rng = random.Random(5)
    days = [date(1920, 1, 1) + timedelta(days=rng.randrange(365 * 110)) for _ in range(1500)]
    days += [date(2033, 12, 20) + timedelta(days=n) for n in range(60)]  # a leap 11th month
    for day in days:
        lunar = Solar.fromYmd(day.year, day.month, day.day).getLunar()
        expected = LunarDay(abs(lunar.getMonth()), lunar.getDay(), lunar.getMonth() < 0)
        assert lunar_of(day) == expected, day


def test_a_leap_month_birthday_and_years_without_that_leap_month():
    born = date(2025, 8, 8)  # 闰六月十五 of 2025
    assert lunar_of(born) == LunarDay(6, 15, leap=True)
    assert solar_of(2025, LunarDay(6, 15, leap=True)) == born
    assert solar_of(2025, LunarDay(6, 15)) == date(2025, 7, 9)  # the ordinary sixth month
    assert solar_of(2026, LunarDay(6, 15, leap=True)) == solar_of(2026, LunarDay(6, 15))
    assert next_lunar(LunarDay(6, 15, leap=True), date(2025, 7, 20)) == born


def test_a_thirtieth_in_a_short_month_falls_on_its_last_day():
    day = solar_of(2024, LunarDay(12, 30))  # 2024's twelfth month has 29 days
    assert lunar_of(day) == LunarDay(12, 29)
    with pytest.raises(ValueError):
        LunarDay(13, 1)


def test_gregorian_birthdays_on_29_february():
    assert next_gregorian(date(1992, 2, 29), date(2026, 1, 1)) == date(2026, 2, 28)
    assert next_gregorian(date(1992, 2, 29), date(2027, 3, 1)) == date(2028, 2, 29)
    assert next_gregorian(date(1980, 12, 31), date(2026, 12, 31)) == date(2026, 12, 31)


def test_festivals_of_a_year():
    assert festival_day(Festival.SPRING, 2026) == date(2026, 2, 17)
    assert festival_day(Festival.MID_AUTUMN, 2025) == date(2025, 10, 6)
    assert festival_day(Festival.DRAGON_BOAT, 2025) == date(2025, 5, 31)
    assert festival_day(Festival.QINGMING, 2025) == date(2025, 4, 4)
    assert festival_day(Festival.QINGMING, 2024) == date(2024, 4, 4)
    assert festival_day(Festival.DOUBLE_NINTH, 2025) == date(2025, 10, 29)
    days = [d for _, d in festivals(2025)]
    assert days == sorted(days) and len(days) == len(Festival)


def test_due_dates_on_a_public_holiday_move_to_the_next_working_day():
    assert working_day(date(2025, 10, 1)) == (date(2025, 10, 9), True)  # 国庆 + 中秋 2025
    assert is_working_day(date(2025, 9, 28)) == (True, True)  # a 调休 Sunday is worked
    assert is_working_day(date(2025, 10, 11)) == (True, True)  # and a 调休 Saturday
    assert working_day(date(2025, 10, 11)) == (date(2025, 10, 11), True)
    assert working_day(date(2025, 12, 3)) == (date(2025, 12, 3), True)  # an ordinary Wednesday


def test_a_year_the_official_calendar_does_not_know_yet_is_flagged():
    late = date(2099, 10, 3)  # a Saturday
    assert working_day(late) == (date(2099, 10, 5), False)  # weekends only, provisional
