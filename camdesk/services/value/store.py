"""Storing scored measures: only the rows that changed, and every tier or stage change.

A row is rewritten when any measure changed, predictions only when they moved by
more than :data:`CLOSE` allows (P(alive) and predicted value drift a little every
day; rewriting every customer daily for that made a recompute several times
slower).  The comparison runs on the values as the driver stores them, without
converting stored rows back into Python types.

A full recompute goes through the customers in key order, a slice at a time: the
stored rows of a slice are one range of the primary key, and only a slice's values
are ever turned into Python objects, so a million customers need no more memory
than fifty thousand (1.4 GB before).  Rows of customers deleted since fall in the
ranges too and are removed.

A change is dated the recompute's day, except churn: a customer churned the day
after the last order grew ``churn_days`` old, whenever a recompute noticed it (so the
first recompute of an old database charts its past churn by month too).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import Connection, delete, select
from sqlalchemy.orm import Session

from camdesk.models import CustomerValue, ValueChange, new_id, utcnow
from camdesk.services.core.bulk import indexes_rebuilt, insert_columns, insert_rows
from camdesk.services.core.raw import raw_rows


class Scored(Protocol):
    """Scored customers as :class:`recompute.Scored` gives them (stored a slice at a time)."""

    @property
    def ids(self) -> list[uuid.UUID]: ...

    def __len__(self) -> int: ...

    def columns(self, start: int = 0, stop: int | None = None) -> dict[str, list[Any]]: ...

    def rows(self) -> Iterator[dict[str, Any]]: ...


STORED = ("as_of", "first_order", "last_order", "last_contact", "purchase_days", "revenue",
          "margin", "repeat_spend", "r", "f", "m", "segment", "abc", "tier", "stage", "p_alive",
          "expected_purchases", "expected_spend", "clv")  # fmt: skip
COMPARED = STORED[1:]  # a row is rewritten when one of these changes (not just its date)
EXACT = COMPARED.index("p_alive")  # the columns before this one compare exactly
DATES = {"first_order", "last_order", "last_contact"}
# Predictions move a little every day: rewritten when they move by more than
# (absolute, relative): half a percentage point of P(alive), 1% of a purchase or of
# the predicted value, ¥1 of spend.
CLOSE = {"p_alive": (0.005, 0.0), "expected_purchases": (0.01, 0.01),
         "expected_spend": (100, 0.01), "clv": (100, 0.01)}  # fmt: skip
_TOLERANCE = {COMPARED.index(name): close for name, close in CLOSE.items()}
SLICE = 50_000  # customers compared and written at a time
MOVE_COLUMNS = ("id", "customer_id", "on", "measure", "old", "new", "recorded_at")


def store_all(session: Session, scored: Scored, day: date, churn_days: int) -> int:
    """Store every customer's row where it changed (``scored`` in key order: see
    :func:`value_facts.read_facts`); remove the rows of customers deleted since.
    Returns how many rows were written or removed."""
    conn = session.connection()
    first_run = session.execute(select(CustomerValue.customer_id).limit(1)).first() is None
    total = len(scored)
    with indexes_rebuilt(conn, (CustomerValue, ValueChange), total if first_run else 0):
        count, lower = 0, None
        for start in range(0, max(total, 1), SLICE):  # once at least: rows of the deleted
            stop = min(start + SLICE, total)
            upper = scored.ids[stop - 1] if stop < total else None  # the last: no bound
            count += _store_slice(session, scored, start, stop, (lower, upper), day, churn_days)
            lower = upper
    return count


def _store_slice(session: Session, scored: Scored, start: int, stop: int,
                 bounds: tuple[uuid.UUID | None, uuid.UUID | None], day: date,
                 churn_days: int) -> int:  # fmt: skip
    """Compare and write the customers start..stop, whose keys lie in ``bounds``
    (lower exclusive, upper inclusive, None: open)."""
    now = utcnow()
    text = session.get_bind().dialect.name == "sqlite"  # raw values: text ids and dates
    columns = scored.columns(start, stop)
    ids = columns["customer_id"]
    where = {key: n for n, key in enumerate([i.hex for i in ids] if text else ids)}
    fresh = list(zip(*(_as_stored(columns[c], text) if c in DATES else columns[c]
                       for c in COMPARED), strict=True))  # fmt: skip
    tier_at, stage_at = COMPARED.index("tier"), COMPARED.index("stage")
    same = bytearray(len(ids))  # 1: the stored row holds the same measures
    was: list[tuple[Any, Any]] = [(None, None)] * len(ids)  # stored tier and stage
    gone = []  # customers deleted since
    statement = select(CustomerValue.customer_id, *(getattr(CustomerValue, c) for c in COMPARED))
    lower, upper = bounds
    if lower is not None:
        statement = statement.where(CustomerValue.customer_id > lower)
    if upper is not None:
        statement = statement.where(CustomerValue.customer_id <= upper)
    for found in raw_rows(session, statement):
        n = where.get(found[0])
        if n is None:
            gone.append(uuid.UUID(hex=found[0]) if text else found[0])
            continue
        old = found[1:]
        was[n] = (old[tier_at], old[stage_at])
        if old == fresh[n] or _same(old, fresh[n]):
            same[n] = 1
    changed = [n for n, kept in enumerate(same) if not kept]  # in key order: page by page
    moves: list[tuple[Any, ...]] = []
    for n in changed:
        if was[n] != (columns["tier"][n], columns["stage"][n]):
            row = {"customer_id": ids[n], "tier": columns["tier"][n],
                   "stage": columns["stage"][n], "last_order": columns["last_order"][n]}  # fmt: skip
            moves += _moves(row, was[n], day, churn_days, now)
    conn = session.connection()
    doomed = gone if text else [ids[n] for n in changed] + gone  # SQLite replaces in place
    _delete(conn, doomed)
    picked = {name: [values[n] for n in changed] for name, values in columns.items()}
    insert_columns(conn, CustomerValue, picked | {"computed_at": [now] * len(changed)},
                   replace=text)  # fmt: skip
    insert_moves(conn, moves)
    return len(changed) + len(gone)


def store_some(session: Session, scored: Scored, ids: list[uuid.UUID], day: date,
               churn_days: int) -> int:  # fmt: skip
    """Store the rows of these customers (scored ones, or deleted since) where changed."""
    now = utcnow()
    before: dict[uuid.UUID, tuple[Any, ...]] = {}
    for start in range(0, len(ids), 500):
        for found in session.execute(
            select(CustomerValue.customer_id, *(getattr(CustomerValue, c) for c in STORED)).where(
                CustomerValue.customer_id.in_(ids[start : start + 500])
            )
        ):
            before[found[0]] = tuple(found[1:])
    changed, moves = [], []
    tier_at, stage_at = STORED.index("tier"), STORED.index("stage")
    for row in scored.rows():
        old = before.pop(row["customer_id"], None)
        if old is not None and _same(old[1:], tuple(row[c] for c in STORED)[1:]):
            continue  # the same measures (only the date they were found differs)
        row["computed_at"] = now
        changed.append(row)
        was = (old[tier_at], old[stage_at]) if old is not None else (None, None)
        moves += _moves(row, was, day, churn_days, now)
    conn = session.connection()
    _delete(conn, [r["customer_id"] for r in changed] + list(before))  # before: deleted
    insert_rows(conn, CustomerValue, changed)
    insert_moves(conn, moves)
    return len(changed) + len(before)


def _delete(conn: Connection, ids: Sequence[uuid.UUID]) -> None:
    for start in range(0, len(ids), 500):
        conn.execute(delete(CustomerValue).where(
            CustomerValue.customer_id.in_(ids[start : start + 500])))  # fmt: skip


def _as_stored(days: list[date | None], text: bool) -> list[Any]:
    """Dates as the driver returns them (SQLite: ISO text)."""
    if not text:
        return days
    made = {d: d.isoformat() for d in set(days) if d is not None}
    return [made.get(d) if d is not None else None for d in days]


def insert_moves(conn: Connection, moves: list[tuple[Any, ...]]) -> None:
    """Insert value_change rows (tuples in :data:`MOVE_COLUMNS` order), a slice at a time."""
    for start in range(0, len(moves), 50_000):
        values = list(zip(*moves[start : start + 50_000], strict=True))
        insert_columns(conn, ValueChange, dict(zip(MOVE_COLUMNS, values, strict=True)))


def _moves(row: dict[str, Any], before: tuple[str | None, str | None], day: date,
           churn_days: int, now: datetime) -> list[tuple[Any, ...]]:  # fmt: skip
    """The value_change rows for a customer whose tier and stage were ``before``."""
    found = []
    for measure, old in zip(("tier", "stage"), before, strict=True):
        if old != row[measure]:
            on = day
            if row[measure] == "churned" and row["last_order"] is not None:
                on = min(day, row["last_order"] + timedelta(days=churn_days + 1))
            found.append((new_id(), row["customer_id"], on, measure, old, row[measure], now))
    return found


def _same(old: Sequence[Any], fresh: Sequence[Any]) -> bool:
    """Whether two rows of :data:`COMPARED` values hold the same measures."""
    if old[:EXACT] != fresh[:EXACT]:
        return False
    for n in range(EXACT, len(COMPARED)):
        a, b = old[n], fresh[n]
        if a == b:
            continue
        if a is None or b is None:
            return False
        absolute, relative = _TOLERANCE[n]
        if abs(a - b) > max(absolute, relative * abs(a)):
            return False
    return True
