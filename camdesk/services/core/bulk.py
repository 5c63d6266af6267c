"""Bulk inserts for imports and demo data: many rows, one statement, little overhead.

SQLAlchemy's Core ``insert()`` with a list of dicts spends about as long on its
per-parameter bookkeeping as SQLite spends storing the rows.  On SQLite the rows
are converted here with each column type's own bind processor (so values are
stored exactly as the ORM stores them) and handed to the driver's executemany;
other databases take the Core path.

A table with triggers (``customer_search`` keeps its FTS5 indexes in step by
triggers) is filled from a temporary stage by one ``INSERT ... SELECT`` ordered
by its primary key: each statement that fires a trigger opens a savepoint, and
FTS5 flushes its pending index at every savepoint and whenever a rowid is lower
than the one before, so row-by-row or unordered inserts would write one tiny
index segment per row (about 3x slower for 100,000 customers).
"""

from __future__ import annotations

import contextlib
import gc
import sqlite3
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Connection, Table, insert

from camdesk.models import new_id

SLICE = 50_000  # rows converted and handed to the driver at a time by insert_columns
REBUILD_FEWEST = 5_000  # rows added before indexes_rebuilt considers building indexes anew


@contextmanager
def gc_paused() -> Iterator[None]:
    """Without the cyclic garbage collector for a while.

    Reading or checking a hundred thousand rows creates millions of tuples, dicts and
    strings; each allocation burst sets the collector scanning every object again,
    which costs a value read more than half its time and an import an eighth.  Bulk
    work makes no reference cycles worth collecting early; the collector catches up
    afterwards.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def insert_rows(conn: Connection, model: Any, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (column name -> value; all rows with the same keys) into ``model``."""
    if not rows:
        return
    table = cast(Table, model.__table__)
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), list(rows))
        return
    names = list(rows[0])
    _execute(conn, table, names, _params(rows, names, _processors(conn, table, names)))


def insert_columns(conn: Connection, model: Any, columns: Mapping[str, Sequence[Any]], *,
                   replace: bool = False, stored: bool = False) -> None:  # fmt: skip
    """Insert rows given column by column (name -> the values of every row).

    No per-row dictionaries: for results computed a column at a time (numpy).
    ``replace`` (SQLite only): a row with the same primary key is replaced.
    ``stored`` (SQLite): the values are already as the driver stores them (see
    :func:`stored_form`), so no column is converted.
    """
    names = list(columns)
    if not names or not len(columns[names[0]]):
        return
    table = cast(Table, model.__table__)
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), [dict(zip(names, values, strict=True))
                                     for values in zip(*columns.values(), strict=True)])  # fmt: skip
        return
    if stored:
        _execute(conn, table, names, list(zip(*columns.values(), strict=True)), replace=replace)
        return
    processors = _processors(conn, table, names)
    for start in range(0, len(columns[names[0]]), SLICE):  # a slice at a time: less memory
        converted = [
            [process(v) for v in columns[name][start : start + SLICE]] if process is not None
            else columns[name][start : start + SLICE]
            for name, process in zip(names, processors, strict=True)
        ]  # fmt: skip
        _execute(conn, table, names, list(zip(*converted, strict=True)), replace=replace)


@contextmanager
def indexes_rebuilt(conn: Connection, models: Sequence[Any], adding: int) -> Iterator[None]:
    """Around a bulk load of ``adding`` rows into each of ``models``' tables: their
    non-unique indexes are dropped first and built again once the rows are in.

    Building an index sorts its entries once; keeping it up to date costs a descent
    of its tree for every row.  Worth it on SQLite when a table at least doubles
    (the first import into a new database); a table already bigger than the load
    keeps its indexes.  Unique indexes always stay (they check the rows).  The
    indexes come back in the same transaction (SQLite's schema changes are
    transactional): if the load fails, the rollback restores them with the rest.
    Their planner statistics, gone with them, are sampled again.
    """
    if conn.dialect.name != "sqlite" or adding < REBUILD_FEWEST:
        yield
        return
    dropped: list[tuple[str, str]] = []
    for model in models:
        name = cast(Table, model.__table__).name
        if (conn.exec_driver_sql(f"SELECT count(*) FROM {name}").scalar() or 0) > adding:
            continue
        for index, sql in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'", (name,)
        ).all():  # fmt: skip
            conn.exec_driver_sql(f'DROP INDEX "{index}"')
            dropped.append((index, sql))
    yield
    for _, sql in dropped:
        conn.exec_driver_sql(sql)
    if dropped:  # dropping an index dropped its statistics: sample them again (milliseconds)
        conn.exec_driver_sql("PRAGMA analysis_limit=400")
        for index, _ in dropped:
            conn.exec_driver_sql(f'ANALYZE "{index}"')
        conn.exec_driver_sql("PRAGMA analysis_limit=0")


def id_range(count: int) -> range:
    """``count`` consecutive time-ordered ids (UUIDv7) as integers, for bulk inserts.

    One fresh UUIDv7 with its last 24 random bits cleared is the first; the rest follow
    it, so a batch costs one id's randomness and its ids sort in the order made.
    """
    if count > 1 << 24:
        raise ValueError("at most 16,777,216 ids at a time")
    start = new_id().int & ~((1 << 24) - 1)
    return range(start, start + count)


def id_sequence() -> Callable[[], uuid.UUID]:
    """A source of new ids for one bulk load, each call the next of an :func:`id_range`:
    they sort in the order made, for a fifth of what a fresh UUIDv7 each costs."""

    def numbers() -> Iterator[int]:
        while True:  # a load of more than 16,777,216 rows goes on with a fresh range
            yield from id_range(1 << 24)

    made = numbers()
    return lambda: uuid.UUID(int=next(made))


def stored_form(conn: Connection) -> Callable[[int], Any]:
    """Turns an id integer into the form the driver stores for ``conn``: 32 hex digits on
    SQLite (as SQLAlchemy's Uuid type stores them), a ``uuid.UUID`` elsewhere."""
    if conn.dialect.name == "sqlite":
        return "{:032x}".format
    return lambda value: uuid.UUID(int=value)


def stored_value(conn: Connection, model: Any, name: str, value: Any) -> Any:
    """``value`` of column ``name`` as the driver stores it on ``conn`` (SQLite: converted
    by the column type; elsewhere as given), for :func:`insert_columns` with ``stored``."""
    if conn.dialect.name != "sqlite" or value is None:
        return value
    (process,) = _processors(conn, cast(Table, model.__table__), [name])
    return process(value) if process is not None else value


def _processors(conn: Connection, table: Table,
                names: list[str]) -> list[Callable[[Any], Any] | None]:  # fmt: skip
    """Each column's bind processor as the ORM uses it: the dialect's own type (SQLite's DATE,
    TIME and DATETIME write text of a fixed form; the generic types have none)."""
    dialect = conn.dialect
    return [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names]


def _execute(conn: Connection, table: Table, names: list[str],
             params: Sequence[tuple[Any, ...]], *, replace: bool = False) -> None:  # fmt: skip
    quoted = ", ".join(conn.dialect.identifier_preparer.quote(n) for n in names)
    marks = ", ".join("?" * len(names))
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    statement = f"{verb} INTO {table.name} ({quoted}) VALUES ({marks})"
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        if not _has_triggers(cursor, table.name):
            cursor.executemany(statement, params)
            return
        keys = [c.name for c in table.primary_key.columns if c.name in names]
        order = ", ".join(conn.dialect.identifier_preparer.quote(n) for n in keys) or "rowid"
        cursor.execute(f"CREATE TEMP TABLE camdesk_stage AS SELECT {quoted} FROM {table.name} "
                       "WHERE 0")  # fmt: skip
        try:
            cursor.executemany(f"INSERT INTO temp.camdesk_stage VALUES ({marks})", params)
            cursor.execute(f"INSERT INTO {table.name} ({quoted}) SELECT {quoted} "
                           f"FROM temp.camdesk_stage ORDER BY {order}")  # fmt: skip
        except BaseException:
            # The first failure is the one to report (a full disk fails the clean-up too);
            # the stage goes with the rolled-back transaction's connection anyway.
            with contextlib.suppress(sqlite3.Error):
                cursor.execute("DROP TABLE temp.camdesk_stage")
            raise
        cursor.execute("DROP TABLE temp.camdesk_stage")
    finally:
        cursor.close()


def _params(
    rows: Sequence[dict[str, Any]], names: list[str], processors: list[Callable[[Any], Any] | None]
) -> list[tuple[Any, ...]]:
    """Rows as driver parameters, converted a column at a time (see :func:`_converted`)."""
    take = itemgetter(*names)
    single = len(names) == 1  # itemgetter of one name gives the value, not a tuple
    plain = [(take(row),) for row in rows] if single else [take(row) for row in rows]
    if all(p is None for p in processors):
        return plain
    columns = [
        _converted(column, process) if process is not None else column
        for column, process in zip(zip(*plain, strict=True), processors, strict=True)
    ]
    return list(zip(*columns, strict=True))


def _converted(values: Sequence[Any], process: Callable[[Any], Any]) -> Sequence[Any]:
    """``process`` applied to every value; once when all are the same object (a bulk
    load's time stamp, actor or change id), which is common and costs little to see."""
    first = values[0]
    if all(v is first for v in values):
        return [process(first)] * len(values)
    return list(map(process, values))


def _has_triggers(cursor: Any, name: str) -> bool:
    found = cursor.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (name,)
    ).fetchone()
    return found is not None
