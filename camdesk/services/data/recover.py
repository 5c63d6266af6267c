"""A recovered copy of a damaged camdesk file: every row that can still be read.

The damaged file is only read. Each table is read in rowid order a batch at a time;
where a batch runs into a damaged page, reading jumps ahead (1, 2, 4, ... rowids) to
the next row that can be read, and what was skipped is counted as lost. The rows go
into a new camdesk database (its own schema, made by :func:`db.open_database`), with
foreign keys checked at the end: a contact, order or tag link whose customer was lost
is dropped and counted too. Search keys are copied with the customers (their triggers
fill the full-text indexes) and made anew for customers whose keys were lost.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from camdesk import errors

# Parents first; the search table last (its triggers index each customer copied).
TABLES = (
    "app_user", "tag", "custom_field", "segment", "customer", "contact", "customer_tag",
    "custom_value", "orders", "interaction", "follow_up", "points_entry", "customer_value", "value_change",
    "value_setting", "left_out_value", "feedback", "feedback_step", "feedback_setting",
    "survey", "survey_response", "customer_score", "churn_reason",
    "change_log", "import_run", "customer_search",
)  # fmt: skip
BATCH = 500


@dataclass
class TableRecovery:
    """What became of one table: rows copied, rows lost (None: unknown, the file cannot
    even count them), rows dropped because what they belonged to was lost."""

    copied: int = 0
    lost: int | None = 0
    orphans: int = 0


@dataclass
class Recovery:
    tables: dict[str, TableRecovery] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return all(t.lost == 0 and t.orphans == 0 for t in self.tables.values())


def recover(source: Path, target: Path,
            progress: Callable[[int, int], None] | None = None) -> Recovery:  # fmt: skip
    """Copy every readable row of ``source`` into the new file ``target``.

    Raises:
        CannotWriteFile: ``target`` exists already (it is never overwritten).
        NotCamdeskDatabase: ``source`` has no camdesk tables that can be read.
    """
    from camdesk.db import open_database
    from camdesk.dbfile import connect_readonly

    if target.exists():
        raise errors.CannotWriteFile(path=str(target), reason="the file exists already")
    src = connect_readonly(source)
    try:
        try:
            present = {r[0] for r in src.execute("SELECT name FROM sqlite_master")}
        except sqlite3.DatabaseError:
            present = set()
        if "customer" not in present:
            raise errors.NotCamdeskDatabase(path=str(source))
        open_database(target).close()  # camdesk's schema, current
        dst = sqlite3.connect(target, isolation_level=None)
        try:
            dst.execute("PRAGMA foreign_keys=OFF")
            dst.execute("BEGIN")
            dst.execute("DELETE FROM app_user")  # the copy's users are the damaged file's
            result = Recovery()
            for number, table in enumerate(TABLES):
                if table in present:
                    result.tables[table] = _copy(src, dst, table)
                if progress is not None:
                    progress(number + 1, len(TABLES))
            _drop_orphans(dst, result)
            dst.execute("COMMIT")
        finally:
            dst.close()
    finally:
        src.close()
    _index_missing(target)
    return result


def _columns(dst: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in dst.execute(f'PRAGMA table_info("{table}")')]


def _copy(src: sqlite3.Connection, dst: sqlite3.Connection, table: str) -> TableRecovery:
    names = _columns(dst, table)
    try:
        have = {r[1] for r in src.execute(f'PRAGMA table_info("{table}")')}
    except sqlite3.DatabaseError:
        return TableRecovery(lost=None)
    names = [n for n in names if n in have]
    listed = ", ".join(f'"{n}"' for n in names)
    insert = f'INSERT OR IGNORE INTO "{table}" ({listed}) VALUES ({", ".join("?" * len(names))})'
    done = TableRecovery()
    for batch in _readable(src, f'SELECT rowid, {listed} FROM "{table}"', done):
        dst.executemany(insert, [row[1:] for row in batch])
        done.copied += len(batch)
    try:
        total = int(src.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
        done.lost = max(total - done.copied, 0) if done.lost is not None else None
    except sqlite3.DatabaseError:
        done.lost = None
    return done


def _readable(src: sqlite3.Connection, select: str, done: TableRecovery) -> Iterator[list[Any]]:
    # SQLite numbers rows from 1 and camdesk never sets a rowid.  Starting from the
    # lowest possible rowid instead, a damaged first page made the jump past it overshoot
    # every real rowid, and the whole table was given up for lost.
    last = 0
    while True:
        try:
            batch = src.execute(f"{select} WHERE rowid > ? ORDER BY rowid LIMIT {BATCH}",
                                (last,)).fetchall()  # fmt: skip
        except sqlite3.DatabaseError:
            batch = _one_at_a_time(src, select, last)
            if not batch:
                following = _next_readable(src, select, last)
                if following is None:
                    done.lost = None  # the rest cannot be reached: how many is unknown
                    return
                last = following - 1
                continue
        if not batch:
            return
        yield batch
        last = batch[-1][0]


def _one_at_a_time(src: sqlite3.Connection, select: str, last: int) -> list[Any]:
    found: list[Any] = []
    while len(found) < BATCH:
        try:
            row = src.execute(f"{select} WHERE rowid > ? ORDER BY rowid LIMIT 1",
                              (last,)).fetchone()  # fmt: skip
        except sqlite3.DatabaseError:
            break
        if row is None:
            break
        found.append(row)
        last = row[0]
    return found


def _next_readable(src: sqlite3.Connection, select: str, last: int) -> int | None:
    """The rowid of the next row after ``last`` that can be read, jumping past damage."""
    jump = 1
    while last + jump < 2**63 - 1:
        try:
            row = src.execute(f"{select} WHERE rowid > ? ORDER BY rowid LIMIT 1",
                              (last + jump,)).fetchone()  # fmt: skip
        except sqlite3.DatabaseError:
            jump *= 2
            continue
        return None if row is None else int(row[0])
    return None


# Rows that belong to another table's row: (table, column, parent).
_PARENTS = (
    ("contact", "customer_id", "customer"), ("customer_tag", "customer_id", "customer"),
    ("customer_tag", "tag_id", "tag"), ("custom_value", "customer_id", "customer"),
    ("custom_value", "field_id", "custom_field"), ("orders", "customer_id", "customer"),
    ("interaction", "customer_id", "customer"), ("points_entry", "customer_id", "customer"),
    ("left_out_value", "customer_id", "customer"), ("customer_search", "customer_id", "customer"),
    ("follow_up", "customer_id", "customer"), ("feedback", "customer_id", "customer"),
    ("feedback_step", "feedback_id", "feedback"), ("survey_response", "customer_id", "customer"),
    ("survey_response", "survey_id", "survey"), ("customer_score", "customer_id", "customer"),
    ("churn_reason", "customer_id", "customer"),
)  # fmt: skip
# References that may be empty: a lost target clears them and the row is kept.
_LINKS = (("survey_response", "feedback_id", "feedback"), ("feedback", "order_id", "orders"))


def _drop_orphans(dst: sqlite3.Connection, result: Recovery) -> None:
    for table, column, parent in _PARENTS:
        if table not in result.tables:
            continue
        gone = dst.execute(
            f'DELETE FROM "{table}" WHERE "{column}" IS NOT NULL AND "{column}" NOT IN '
            f'(SELECT id FROM "{parent}")'
        ).rowcount
        result.tables[table].orphans += max(gone, 0)
        result.tables[table].copied -= max(gone, 0)
    for table, column, target in _LINKS:
        if table in result.tables:
            dst.execute(f'UPDATE "{table}" SET "{column}" = NULL WHERE "{column}" IS NOT NULL '
                        f'AND "{column}" NOT IN (SELECT id FROM "{target}")')  # fmt: skip


def _index_missing(target: Path) -> None:
    """Search keys for customers whose own were lost with the damage."""
    from sqlalchemy import select

    from camdesk.db import open_database
    from camdesk.models import Customer, CustomerSearch
    from camdesk.services.customers.files import refresh_search_keys

    db = open_database(target, create=False)
    try:
        with db.write() as session:
            indexed = select(CustomerSearch.customer_id)
            for customer in session.execute(
                select(Customer).where(Customer.id.not_in(indexed))
            ).scalars():
                refresh_search_keys(session, customer)
    finally:
        db.close()
