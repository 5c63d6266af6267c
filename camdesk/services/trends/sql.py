"""SQL pieces the monthly figures share: a row's month, hours between two times, a median.

Months are local: a stored UTC time falls in the month whose local midnights bound it, so an
answer given at 00:30 on 1 December in Beijing counts for December.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    String,
    cast,
    func,
    literal,
    literal_column,
    select,
    union_all,
)
from sqlalchemy.sql import Select, Subquery

from camdesk.models.base import UTCDateTime


def local_months(start: date, end: date) -> Subquery:
    """A small table of the months from ``start``'s to ``end``'s: g ('YYYY-MM'), lo and hi
    (the month's first local midnight and the next month's, as stored UTC times). Joining a
    stored time to it (lo <= t < hi) gives the local month, daylight saving included, and
    lets the database read each month's range from an index."""
    rows = []
    for first in months(start, end):
        index = first.year * 12 + first.month
        following = date(index // 12, index % 12 + 1, 1)
        rows.append(select(literal(month_key(first), String).label("g"),
                           literal(midnight(first), UTCDateTime()).label("lo"),
                           literal(midnight(following), UTCDateTime()).label("hi")))  # fmt: skip
    return union_all(*rows).subquery("month") if len(rows) > 1 else rows[0].subquery("month")


def midnight(day: date) -> datetime:
    """A day's first local moment, as a UTC time."""
    return datetime.combine(day, time()).astimezone().astimezone(UTC)


def month_of_day(column: Any, dialect: str) -> ColumnElement[str]:
    """'YYYY-MM' of a date column."""
    if dialect == "sqlite":
        return func.strftime("%Y-%m", column)
    return func.to_char(column, "YYYY-MM")


def hours_between(start: Any, end: Any, dialect: str) -> ColumnElement[Any]:
    if dialect == "sqlite":
        return (func.julianday(end) - func.julianday(start)) * 24.0
    return cast(func.extract("epoch", end - start), Float) / 3600.0


def medians(inner: Subquery) -> Select[Any]:
    """(group, median of value, count) from ``inner`` selecting (group, value) labelled
    g and v: the middle value of each group (the mean of the two middle ones for an even
    count), by window functions, which SQLite and PostgreSQL both have."""
    ranked = select(
        inner.c.g, inner.c.v,
        func.row_number().over(partition_by=inner.c.g, order_by=inner.c.v).label("rn"),
        # The same window as the row number (a whole-partition frame): one sort, not two.
        func.count().over(partition_by=inner.c.g, order_by=inner.c.v, rows=(None, None)).label("n"),
    ).subquery()  # fmt: skip
    two = literal_column("2", Integer)
    return (
        select(ranked.c.g, func.avg(ranked.c.v), func.max(ranked.c.n))
        .where(ranked.c.rn.in_([(ranked.c.n + 1) // two, (ranked.c.n + 2) // two]))
        .group_by(ranked.c.g)
    )


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def months(start: date, end: date) -> list[date]:
    """The first days of the months from ``start``'s to ``end``'s, both included."""
    found, index = [], start.year * 12 + start.month - 1
    while index <= end.year * 12 + end.month - 1:
        found.append(date(index // 12, index % 12 + 1, 1))
        index += 1
    return found
