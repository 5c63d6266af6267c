"""Repeat rules: RFC 5545 through dateutil, with month ends kept where RFC would skip."""

from __future__ import annotations

from datetime import date

import pytest

from camdesk.errors import ValidationError
from camdesk.services.followups.recurrence import Unit, checked, every, next_after


def _series(rule: str, start: date, n: int) -> list[date | None]:
    days: list[date | None] = []
    day: date | None = start
    for _ in range(n):
        day = next_after(rule, start, day) if day else None
        days.append(day)
    return days


def test_monthly_from_the_31st_falls_on_each_months_last_day():
    start = date(2026, 1, 31)
    assert _series(every(1, Unit.MONTHS, start), start, 4) == [
        date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30), date(2026, 5, 31)]  # fmt: skip


def test_monthly_from_the_30th_keeps_the_30th_where_the_month_has_one():
    start = date(2027, 12, 30)
    assert _series(every(1, Unit.MONTHS, start), start, 3) == [
        date(2028, 1, 30), date(2028, 2, 29), date(2028, 3, 30)]  # fmt: skip


def test_every_three_months():
    start = date(2026, 11, 15)
    assert _series(every(3, Unit.MONTHS, start), start, 2) == [date(2027, 2, 15),
                                                               date(2027, 5, 15)]  # fmt: skip


def test_yearly_from_29_february_is_28_february_in_other_years():
    start = date(2024, 2, 29)
    assert _series(every(1, Unit.YEARS, start), start, 4) == [
        date(2025, 2, 28), date(2026, 2, 28), date(2027, 2, 28), date(2028, 2, 29)]  # fmt: skip


def test_weekly_on_given_weekdays():
    start = date(2026, 12, 1)  # a Tuesday
    rule = every(1, Unit.WEEKS, start, weekdays=[0, 3])  # Mondays and Thursdays
    assert rule == "FREQ=WEEKLY;BYDAY=MO,TH"
    assert _series(rule, start, 3) == [date(2026, 12, 3), date(2026, 12, 7), date(2026, 12, 10)]


def test_every_two_weeks_from_the_start_day():
    start = date(2026, 12, 1)
    assert _series(every(2, Unit.WEEKS, start), start, 2) == [date(2026, 12, 15),
                                                              date(2026, 12, 29)]  # fmt: skip


def test_an_rrule_with_count_ends_the_series():
    start = date(2026, 12, 7)  # a Monday: the first of three
    rule = checked("RRULE:freq=weekly;count=3", start)
    assert rule == "FREQ=WEEKLY;COUNT=3"
    assert _series(rule, start, 3) == [date(2026, 12, 14), date(2026, 12, 21), None]


def test_an_rrule_with_until_ends_the_series():
    start = date(2026, 12, 1)
    rule = checked("FREQ=MONTHLY;UNTIL=20270301", start)
    assert _series(rule, start, 4) == [date(2027, 1, 1), date(2027, 2, 1), date(2027, 3, 1), None]


@pytest.mark.parametrize("text", ["nonsense", "FREQ=FORTNIGHTLY", "FREQ=HOURLY",
                                  "FREQ=DAILY;BYHOUR=9", "FREQ=WEEKLY;BYDAY=XX"])  # fmt: skip
def test_rules_camdesk_cannot_keep_are_refused_on_the_rule_field(text):
    with pytest.raises(ValidationError) as refused:
        checked(text, date(2026, 12, 1))
    assert [p.field for p in refused.value.problems] == ["rule"]
    assert refused.value.problems[0].params.get("value", text) == text


def test_an_empty_rule_is_no_series():
    assert checked("  ", date(2026, 12, 1)) is None
    assert checked(None, date(2026, 12, 1)) is None
