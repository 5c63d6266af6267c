"""Recurrence of follow-ups: iCalendar RRULEs (RFC 5545), evaluated by python-dateutil.

A series is a rule and the day it starts.  "Every N days, weeks, months or years" is
written as the RRULE a calendar program would write, so one evaluator serves both
the simple choices and a rule pasted from elsewhere.  Months and years that lack the
start day keep the series on their last day (the 31st falls on 30 April and 28 or 29
February; 29 February falls on the 28th in other years): RFC 5545 would skip those
months, which no one planning a monthly call means.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date, datetime, time

from dateutil.rrule import rrule, rrulestr

from camdesk.errors import FieldProblem, ValidationError
from camdesk.i18n import QT_TRANSLATE_NOOP

INVALID_RULE = QT_TRANSLATE_NOOP(
    "errors",
    "“{value}” is not a repeat rule camdesk understands (an iCalendar RRULE such as FREQ=WEEKLY;BYDAY=MO).",
)
TOO_OFTEN = QT_TRANSLATE_NOOP(
    "errors", "A follow-up repeats at most once a day; “{value}” repeats more often."
)
BAD_INTERVAL = QT_TRANSLATE_NOOP("errors", "Repeat every 1 to 999 days, weeks, months or years.")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DATED = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}


class Unit(enum.StrEnum):
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"


def every(n: int, unit: Unit, start: date, weekdays: Sequence[int] = ()) -> str:
    """The RRULE for "every ``n`` ``unit``" from ``start`` (weekdays 0 = Monday, for weeks)."""
    if not 1 <= n <= 999:
        raise ValidationError([FieldProblem("rule", BAD_INTERVAL)])
    parts = [f"FREQ={_FREQ_NAMES[unit]}", f"INTERVAL={n}"] if n > 1 else [
        f"FREQ={_FREQ_NAMES[unit]}"]  # fmt: skip
    if unit is Unit.WEEKS and weekdays:
        parts.append("BYDAY=" + ",".join(WEEKDAYS[d] for d in sorted(set(weekdays))))
    elif unit is Unit.MONTHS and start.day > 28:
        parts.append(_last_day_at_most(start.day))
    elif unit is Unit.YEARS and start.day > 28:
        parts.append(f"BYMONTH={start.month};{_last_day_at_most(start.day)}")
    return ";".join(parts)


_SHORT = {"d": Unit.DAYS, "w": Unit.WEEKS, "m": Unit.MONTHS, "y": Unit.YEARS}


def from_shorthand(text: str, start: date) -> str:
    """ "2w", "30d", "3m", "1y" as their RRULE; anything else is taken as an RRULE itself
    (checked when the follow-up is planned)."""
    cleaned = text.strip().lower()
    if len(cleaned) >= 2 and cleaned[-1] in _SHORT and cleaned[:-1].isdigit():
        return every(int(cleaned[:-1]), _SHORT[cleaned[-1]], start)
    return text.strip()


_FREQ_NAMES = {Unit.DAYS: "DAILY", Unit.WEEKS: "WEEKLY", Unit.MONTHS: "MONTHLY",
               Unit.YEARS: "YEARLY"}  # fmt: skip


def _last_day_at_most(day: int) -> str:
    """The start day, or the month's last day where it is shorter (the RFC 5545 idiom)."""
    return "BYMONTHDAY={};BYSETPOS=-1".format(",".join(str(d) for d in range(28, day + 1)))


def checked(text: str | None, start: date) -> str | None:
    """``text`` as a stored rule (no "RRULE:" prefix, upper case), or None when empty.

    Raises:
        ValidationError: on "rule" when dateutil cannot read it or it repeats within a day.
    """
    if text is None or not text.strip():
        return None
    value = text.strip()
    if value.upper().startswith("RRULE:"):
        value = value[6:]
    value = value.upper()
    try:
        _series(value, start)
    except (ValueError, TypeError):
        raise ValidationError([FieldProblem("rule", INVALID_RULE, {"value": text})]) from None
    freq = dict(part.partition("=")[::2] for part in value.split(";")).get("FREQ")
    if freq not in _DATED or any(k in value for k in ("BYHOUR", "BYMINUTE", "BYSECOND")):
        raise ValidationError([FieldProblem("rule", TOO_OFTEN, {"value": text})])
    return value


def next_after(rule: str, start: date, after: date) -> date | None:
    """The first day of the series strictly after ``after``, or None once it has ended."""
    found = _series(rule, start).after(_midnight(after), inc=False)
    return found.date() if found is not None else None


def first_on_or_after(rule: str, start: date, day: date) -> date | None:
    """The first day of the series on or after ``day``."""
    found = _series(rule, start).after(_midnight(day), inc=True)
    return found.date() if found is not None else None


def _series(rule: str, start: date) -> rrule:
    parsed = rrulestr(rule, dtstart=_midnight(start), ignoretz=True)
    if not isinstance(parsed, rrule):  # an RRULE set (several rules, EXDATE) is not a series
        raise ValueError(rule)
    return parsed


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time())
