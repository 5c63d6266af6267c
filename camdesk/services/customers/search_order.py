"""Name-ordered row ids for the search table, so SQLite can page search results cheaply.

A search such as "zhangy" matches 12,000 of a million customers; showing the
first 100 by name used to mean looking up the sort key of all 12,000.  On SQLite
the ``customer_search`` id (the full-text indexes' rowid) therefore follows the
name order: its high bits are a *bucket*, a number that never decreases as the
sort key grows (the first :data:`PREFIX` characters, each mapped to one of
41 classes in code-point order, 0 past the end), its low :data:`BUCKET_BITS` bits a
free slot in that bucket.

Paging then needs the sort keys of few matches only.  If the (offset+limit)-th
smallest matching id lies in bucket B, every match in a higher bucket has a
greater sort key than at least offset+limit matches, so the page is among the
matches with ids below bucket B+1: sort just those.  (Descending: mirrored.)

PostgreSQL keeps its sequence ids and sorts all matches (its planner does that
well, and writers there may run concurrently).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, CompoundSelect, Select, func, literal_column, select, text

from camdesk.models import CustomerSearch

PREFIX = 8  # characters of the sort key that decide the bucket
BASE = 42  # 41 character classes and "past the end": 42**8 x 2**19 stays below 2**63
BUCKET_BITS = 19  # slots per bucket: half a million customers with one 8-letter prefix
_TOP = (1 << 63) - 1  # the largest id SQLite can hold
_SHIFT: ColumnElement[int] = literal_column(str(BUCKET_BITS))


def _char_class(char: str) -> tuple[int, bool]:
    """The class of a character and whether it is exact (the class holds only it).

    Classes never decrease with the code point, i.e. with SQLite's BINARY (UTF-8)
    order; space, digits and letters each have their own.
    """
    code = ord(char)
    if code < 0x20:
        return 1, False
    if code == 0x20:
        return 2, True
    if code < 0x30:
        return 3, False
    if code <= 0x39:
        return 4 + code - 0x30, True
    if code < 0x61:
        return 14, False
    if code <= 0x7A:
        return 15 + code - 0x61, True
    return 41, False  # after "z": other scripts


def bucket(sort_key: str) -> int:
    """The bucket of a sort key: a larger key never gets a smaller bucket.

    After a character whose class holds others too, the rest counts as past the
    end: two keys that differ only later may not be ordered by what follows it.
    """
    return _prefix_bucket(sort_key[:PREFIX])


@lru_cache(maxsize=65536)  # only the first PREFIX characters count, and they repeat (zhangxia)
def _prefix_bucket(sort_key: str) -> int:
    value, exact = 0, True
    for index in range(PREFIX):
        digit = 0
        if exact and index < len(sort_key):
            digit, exact = _char_class(sort_key[index])
        value = value * BASE + digit
    return value


class OrderedIds:
    """Hands out new ``customer_search`` ids in name order, within one write transaction.

    ``connection`` is a Session or Connection; slots are looked up once per bucket
    and then counted here (writers on SQLite are serialised by BEGIN IMMEDIATE).
    """

    def __init__(self, connection: Any) -> None:
        self._connection = connection
        self._next: dict[int, int] = {}
        self._complete = False  # _next knows every bucket in use

    def load_all(self) -> None:
        """Learn every bucket's next slot in one query (before taking many ids)."""
        number = CustomerSearch.id.op(">>")(_SHIFT)
        rows = self._connection.execute(
            select(number, func.max(CustomerSearch.id)).group_by(number)
        )
        self._next = {int(n): int(last) + 1 for n, last in rows}
        self._complete = True

    def take(self, sort_key: str) -> int:
        number = bucket(sort_key)
        low, high = number << BUCKET_BITS, (number + 1) << BUCKET_BITS
        candidate = self._next.get(number)
        if candidate is None and self._complete:
            candidate = low
        elif candidate is None:
            last = self._connection.execute(
                select(func.max(CustomerSearch.id)).where(CustomerSearch.id.between(low, high - 1))
            ).scalar()
            candidate = low if last is None else last + 1
        if candidate >= high:
            candidate = self._free_slot(low, high)
            self._next[number] = high  # full: look for a free slot every time
            return candidate
        self._next[number] = candidate + 1
        return candidate

    def _free_slot(self, low: int, high: int) -> int:
        found = self._connection.execute(
            text(
                "SELECT :low WHERE NOT EXISTS (SELECT 1 FROM customer_search WHERE id = :low) "
                "UNION ALL SELECT t.id + 1 FROM customer_search AS t "
                "WHERE t.id BETWEEN :low AND :high - 2 AND NOT EXISTS "
                "(SELECT 1 FROM customer_search AS u WHERE u.id = t.id + 1) LIMIT 1"
            ),
            {"low": low, "high": high},
        ).scalar()
        if found is None:
            raise RuntimeError("no free search slot for this name prefix")
        return int(found)


def page_ids(
    matches: Select[Any] | CompoundSelect[Any], offset: int, limit: int, descending: bool
) -> Select[Any]:
    """Customer ids of one page of the matches in name order (SQLite, name-ordered ids)."""
    found = matches.cte("matches")
    rowid = next(iter(found.c))
    if descending:
        edge = (rowid.op(">>")(_SHIFT)).op("<<")(_SHIFT)
        bound = select(edge).order_by(rowid.desc()).offset(offset + limit - 1).limit(1)
        near = select(rowid).where(rowid >= func.coalesce(bound.scalar_subquery(), -1))
    else:
        edge = ((rowid.op(">>")(_SHIFT)) + 1).op("<<")(_SHIFT)
        bound = select(edge).order_by(rowid).offset(offset + limit - 1).limit(1)
        near = select(rowid).where(rowid < func.coalesce(bound.scalar_subquery(), _TOP))
    keys = (CustomerSearch.sort_key, CustomerSearch.customer_id)
    return (
        select(CustomerSearch.customer_id)
        .with_hint(CustomerSearch, "INDEXED BY ix_customer_search_order", "sqlite")
        .where(CustomerSearch.id.in_(near))
        .order_by(*(k.desc() if descending else k.asc() for k in keys))
        .offset(offset)
        .limit(limit)
    )
