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
index segment per row (about 3x slower for 100,000 customers).  That statement runs
without Python's lock, so :func:`written_behind` runs it on a worker thread while the
caller builds other rows.
"""

from __future__ import annotations

import contextlib
import gc
import sqlite3
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from operator import itemgetter
from threading import Thread
from typing import Any, cast

from sqlalchemy import Connection, Table, insert

from camdesk.models import new_id

SLICE = 50_000  # rows converted and handed to the driver at a time by insert_columns
REBUILD_FEWEST = 5_000  # rows added before indexes_rebuilt considers building indexes anew
STAGE = "camdesk_stage"  # the temporary table a trigger table's rows wait in


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
    batch = prepared(conn, model, rows)
    if batch is not None:
        insert_prepared(conn, batch)


@dataclass(frozen=True, slots=True)
class Prepared:
    """Rows of one table as the driver takes them (see :func:`prepared`)."""

    table: Table
    names: list[str]
    params: Sequence[Any]  # tuples on SQLite, the rows' dictionaries elsewhere


def prepared(conn: Connection, model: Any, rows: Sequence[dict[str, Any]]) -> Prepared | None:
    """``rows`` converted for :func:`insert_prepared` (None if there are none).

    Pure Python: the connection is not used, so rows can be made ready while another
    thread has it (:func:`written_behind`).
    """
    if not rows:
        return None
    table = cast(Table, model.__table__)
    names = list(rows[0])
    if conn.dialect.name != "sqlite":
        return Prepared(table, names, list(rows))
    return Prepared(table, names, _params(rows, names, _processors(conn, table, names)))


def insert_prepared(conn: Connection, batch: Prepared) -> None:
    """Insert rows made ready by :func:`prepared`."""
    if conn.dialect.name != "sqlite":
        conn.execute(insert(batch.table), list(batch.params))
        return
    _execute(conn, batch.table, batch.names, batch.params)


class Behind:
    """Rows of one table with triggers (the search rows) written on a worker thread while
    the caller goes on in Python (see :func:`written_behind`)."""

    def __init__(self, conn: Connection, model: Any) -> None:
        self._conn, self._model, self._table = conn, model, cast(Table, model.__table__)
        self._thread: Thread | None = None
        self._error: BaseException | None = None
        self._cursor: Any = None

    def start(self, rows: Sequence[dict[str, Any]]) -> None:
        """Write ``rows`` behind: once the rows started before are in (raising what made
        them fail), they are staged on this thread and the worker moves them into the table.
        Elsewhere than SQLite they are inserted at once."""
        self.wait()
        if self._conn.dialect.name != "sqlite" or not rows:
            insert_rows(self._conn, self._model, rows)
            return
        if self._cursor is None:
            self._cursor = _cursor(self._conn)
        else:
            _drop_stage(self._cursor)
        names = list(rows[0])
        params = _params(rows, names, _processors(self._conn, self._table, names))
        _stage(self._conn, self._cursor, self._table, names, params)
        statement, cursor = _from_stage(self._conn, self._table, names), self._cursor

        def run() -> None:
            try:
                cursor.execute(statement)
            except BaseException as error:  # handed to wait(), on the caller's thread
                self._error = error

        self._thread = Thread(target=run, name="camdesk-bulk", daemon=True)
        self._thread.start()

    def busy(self) -> bool:
        """Whether rows are still being written: until then the connection is not to be
        used (SQLite holds it for the statement; a session is not for two threads)."""
        return self._thread is not None and self._thread.is_alive()

    def wait(self) -> None:
        """Until the rows started are written; raises what made writing them fail."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def _close(self, *, failed: bool) -> None:
        if failed and self.busy():
            self._conn.connection.driver_connection.interrupt()  # type: ignore[union-attr]
        try:
            self.wait()
        except BaseException:
            failed = True
            raise
        finally:
            if self._cursor is not None:
                _drop_stage(self._cursor, after_failure=failed)
                self._cursor.close()


@contextmanager
def written_behind(conn: Connection, model: Any) -> Iterator[Behind]:
    """Rows of ``model``'s table (one with triggers) written on a worker thread, a part at a
    time with :meth:`Behind.start`, while the body goes on in Python.

    SQLite runs each part's ordered ``INSERT ... SELECT`` from the stage without Python's
    lock, so its seconds of full-text indexing overlap the body's building of other rows.
    While :meth:`Behind.busy` the body must not use the connection: it makes rows ready
    with :func:`prepared` and inserts them after :meth:`Behind.wait`. On leaving, the
    rows are in, or the first failure is raised: the worker's, or the body's (which
    interrupts the worker; the caller rolls the transaction back).
    """
    behind = Behind(conn, model)
    try:
        yield behind
    except BaseException:
        with contextlib.suppress(BaseException):  # the body's failure is the one to report
            behind._close(failed=True)
        raise
    behind._close(failed=False)


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
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    cursor = _cursor(conn)
    try:
        if not _has_triggers(cursor, table.name):
            cursor.executemany(f"{verb} INTO {table.name} ({_quoted(conn, names)}) "
                               f"VALUES ({', '.join('?' * len(names))})", params)  # fmt: skip
            return
        _stage(conn, cursor, table, names, params)
        try:
            cursor.execute(_from_stage(conn, table, names))
        except BaseException:
            _drop_stage(cursor, after_failure=True)
            raise
        _drop_stage(cursor)
    finally:
        cursor.close()


def _cursor(conn: Connection) -> Any:
    return conn.connection.driver_connection.cursor()  # type: ignore[union-attr]


def _quoted(conn: Connection, names: Sequence[str]) -> str:
    return ", ".join(conn.dialect.identifier_preparer.quote(n) for n in names)


def _stage(conn: Connection, cursor: Any, table: Table, names: list[str],
           params: Sequence[tuple[Any, ...]]) -> None:  # fmt: skip
    """The rows in a temporary stage shaped like ``table``, for :func:`_from_stage`."""
    cursor.execute(f"CREATE TEMP TABLE {STAGE} AS SELECT {_quoted(conn, names)} "
                   f"FROM {table.name} WHERE 0")  # fmt: skip
    try:
        cursor.executemany(f"INSERT INTO temp.{STAGE} VALUES ({', '.join('?' * len(names))})",
                           params)  # fmt: skip
    except BaseException:
        _drop_stage(cursor, after_failure=True)
        raise


def _from_stage(conn: Connection, table: Table, names: list[str]) -> str:
    """The statement that moves the stage into ``table`` in primary-key order (one savepoint
    and one flush of its full-text index for all the rows)."""
    keys = [c.name for c in table.primary_key.columns if c.name in names]
    quoted = _quoted(conn, names)
    return (f"INSERT INTO {table.name} ({quoted}) SELECT {quoted} FROM temp.{STAGE} "
            f"ORDER BY {_quoted(conn, keys) or 'rowid'}")  # fmt: skip


def _drop_stage(cursor: Any, *, after_failure: bool = False) -> None:
    if not after_failure:
        cursor.execute(f"DROP TABLE temp.{STAGE}")
        return
    # The first failure is the one to report (a full disk fails the clean-up too);
    # the stage goes with the rolled-back transaction's connection anyway.
    with contextlib.suppress(sqlite3.Error):
        cursor.execute(f"DROP TABLE temp.{STAGE}")


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
