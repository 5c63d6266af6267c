"""Opening databases: SQLite files (local or on a network share) and PostgreSQL by URL.

Everywhere camdesk names a database it accepts either a file path or a
SQLAlchemy URL.  :func:`open_database` checks what it is about to open (a
camdesk database, an empty new file, something else), upgrades an older schema
after writing a backup copy next to it, refuses a newer one, and returns a
:class:`Database` whose ``read()``/``write()`` give one session per user action.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import Pool

from camdesk import dbfaults, errors
from camdesk.dbfaults import BUSY_TIMEOUT_MS
from camdesk.dbfile import (
    APPLICATION,
    FileFacts,
    Mode,
    check_file,
    check_sqlite_file,
    is_network_path,
    probe_sqlite,
)
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.migrations import HEAD

log = logging.getLogger(__name__)

# A bulk write this soon after a whole-file check of this process does not check again
# (a million customers: 6 s). Damage found since is still refused by SQLite as it is met.
RECHECK_AFTER_S = 600.0

RECOVERED = QT_TRANSLATE_NOOP(
    "errors",
    "A save to {path} had been interrupted (by a crash or a power cut); camdesk has put the database back as it was before that save.",
)


def to_url(target: str | os.PathLike[str]) -> URL:
    """Turn a file path or a SQLAlchemy URL into a URL."""
    raw = os.fspath(target)
    if "://" in raw:
        try:
            return make_url(raw)
        except ArgumentError as exc:
            raise errors.DatabaseUnreachable(url=raw, reason=str(exc)) from None
    return URL.create("sqlite+pysqlite", database=str(Path(raw).expanduser().resolve()))


@dataclass
class Database:
    """An open camdesk database.

    Attributes:
        url: where it is.
        engine: the SQLAlchemy engine.
        mode: local file, shared file or server.
        read_only: why the database can only be read (a message, context "errors"), or None.
        notice: something the user should hear about the opening (a message), or None.
    """

    url: URL
    engine: Engine
    mode: Mode
    read_only: str | None = None
    notice: str | None = None
    checked: bool = False  # every page of the file was checked as it opened

    def __post_init__(self) -> None:
        self._wrote = False
        self._checked_at = time.monotonic() if self.checked else None
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(
            self.engine.execution_options(camdesk_write=True), expire_on_commit=False
        )

    @property
    def damaged(self) -> bool:
        """The file was found damaged (and is read-only for that)."""
        return self.read_only == dbfaults.DAMAGED_READ_ONLY

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def display_name(self) -> str:
        """The file path, or the URL without its password."""
        if self.dialect == "sqlite":
            return self.url.database or ":memory:"
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; rolled back at the end."""
        with _translate_errors(self), self._reader() as session:
            yield session

    @contextmanager
    def write(self, *, lock: str | None = None, bulk: bool = False) -> Iterator[Session]:
        """One unit of work: committed if the block succeeds, rolled back otherwise.

        On SQLite it starts with BEGIN IMMEDIATE, so a second writer waits (up to
        the busy timeout) before it reads, instead of failing at commit.

        Units of work that name the same ``lock`` run one at a time on every backend,
        reads included (an import matches rows and writes them under one lock, so two
        imports of one file cannot both find a customer missing and both create it).
        SQLite has one writer anyway; PostgreSQL takes a transaction advisory lock.

        A ``bulk`` write (an import, a merge, a recompute) first checks the file
        (:meth:`verify`), so damage is found before such a write could spread it,
        unless this process checked it in the last :data:`RECHECK_AFTER_S` seconds
        (the window checks a large file as it opens, while the user picks what to import).

        Raises:
            DatabaseReadOnly: the database can only be read (nothing is attempted).
            DatabaseDamaged: a bulk write found the file damaged (nothing is attempted).
        """
        if self.read_only is not None:
            raise errors.DatabaseReadOnly(self.read_only, path=self.display_name)
        if bulk and not self._checked_lately():
            self.verify()
        self._wrote = True
        with _translate_errors(self), self._writer.begin() as session:
            if lock is not None and self.dialect == "postgresql":
                session.execute(
                    text("SELECT pg_advisory_xact_lock(hashtext(:name))"),
                    {"name": f"camdesk:{lock}"},
                )
            yield session

    def close(self) -> None:
        if self.dialect == "sqlite" and self._wrote:
            # SQLite's advice: let it refresh planner statistics on close, so searches
            # keep driving from the matches instead of walking a whole index. Only after
            # writing: closing a database that was only read leaves its file as it was.
            try:
                with self.engine.connect() as conn:
                    # Sampled statistics: milliseconds, not a full ANALYZE of a million rows.
                    # Not worth waiting for: another process writing now will do it later.
                    conn.exec_driver_sql("PRAGMA busy_timeout=200")
                    conn.exec_driver_sql("PRAGMA analysis_limit=400")
                    conn.exec_driver_sql("PRAGMA optimize")
            except Exception as exc:  # busy, read-only, full: the statistics can wait
                log.info("PRAGMA optimize skipped on close: %s", getattr(exc, "orig", exc))
        self.engine.dispose()
        if self.dialect == "sqlite" and self.url.database:
            dbfaults.release(Path(self.url.database))

    def verify(self) -> None:
        """Check a SQLite file's pages before a bulk write (an import, a merge, a recompute):
        damage found now is not spread. A damaged file is read-only from then on.

        Raises:
            DatabaseDamaged: the check found damage; nothing was written.
        """
        if self.dialect != "sqlite" or not self.url.database:
            return
        damage = check_file(Path(self.url.database))
        self.checked, self._checked_at = True, time.monotonic()
        if damage is not None:
            log.info("%s is damaged: %s", self.display_name, damage.replace("\n", " "))
            self.read_only = dbfaults.DAMAGED_READ_ONLY
            raise errors.DatabaseDamaged(path=self.display_name)

    def _checked_lately(self) -> bool:
        return self._checked_at is not None and (
            time.monotonic() - self._checked_at < RECHECK_AFTER_S)  # fmt: skip

    def analyze(self) -> None:
        """Refresh the planner's statistics (after bulk loads)."""
        with self.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")


@contextmanager
def _translate_errors(db: Database) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as exc:  # from the driver's own cursor (bulk writes, raw reads)
        explained = dbfaults.explain(exc, Path(db.display_name))
        if explained is not None:
            raise explained from exc
        raise
    except DBAPIError as exc:
        if db.dialect == "sqlite" and isinstance(exc.orig, sqlite3.Error):
            explained = dbfaults.explain(exc.orig, Path(db.display_name))
            if explained is not None:
                raise explained from exc
            raise
        message = str(exc.orig).lower()
        if "locked" in message or "busy" in message:
            raise errors.DatabaseLocked() from exc
        if isinstance(exc, OperationalError):
            raise errors.DatabaseUnreachable(url=db.display_name, reason=str(exc.orig)) from exc
        raise


# JSON columns (the change log) keep Chinese as it is, not as \u escapes: half the bytes.
_JSON = functools.partial(json.dumps, ensure_ascii=False)


def _sqlite_engine(url: URL, mode: Mode, *, read_only: bool = False,
                   immutable: bool = False) -> Engine:  # fmt: skip
    """An engine for a SQLite file. Its connections never change the file's journal mode
    (a property of the file: see :func:`open_database`); a read-only one opens the file
    with ``mode=ro`` (and ``immutable`` where no shared-memory file can be made)."""
    path = Path(url.database or "")
    uri = path.resolve().as_uri() + ("?mode=ro" + ("&immutable=1" if immutable else "")
                                     if read_only else "")  # fmt: skip

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                               check_same_thread=False)  # fmt: skip

    engine = create_engine(url, creator=connect, json_serializer=_JSON)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's begin event issue BEGIN itself (pysqlite's own is too late).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=" + ("FULL" if mode is Mode.SHARED else "NORMAL"))
        cursor.execute("PRAGMA cache_size=-16384")  # 16 MiB per connection: see ARCHITECTURE
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        write = conn.get_execution_options().get("camdesk_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


_BUSY_CODES = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _new_file_journal(db: Database, mode: Mode) -> None:
    """The journal of a file this process just made: WAL on a local disk. Processes that
    opened it at the same moment may still hold it; they let go within moments."""
    try:
        set_journal(db, mode, wait=2.0)
    except errors.DatabaseBusy:
        log.info("%s keeps its rollback journal: other processes held it", db.display_name)


def set_journal(db: Database, mode: Mode, *, wait: float = 0.0) -> None:
    """Give a SQLite file the journal of ``mode``: WAL on a local disk, a rollback journal
    (DELETE) for a file shared over the network.

    SQLite changes the journal only while no other connection has the file open, so each
    try first closes this process's idle connections; one that a reader still uses is
    closed when it comes back. Tries again for ``wait`` seconds, then raises
    :class:`errors.DatabaseBusy`."""
    journal = "DELETE" if mode is Mode.SHARED else "WAL"
    deadline = time.monotonic() + wait
    retired: list[Pool] = []  # a disposed pool keeps what comes back to it: close that too
    while True:
        retired.append(db.engine.pool)
        db.engine.dispose()
        for pool in retired:
            pool.dispose()
        if _try_journal(db, journal):
            db.mode = mode
            return
        if time.monotonic() >= deadline:
            raise errors.DatabaseBusy(path=db.display_name, seconds=max(1, round(wait)))
        time.sleep(0.05)


def _try_journal(db: Database, journal: str) -> bool:
    raw = db.engine.raw_connection()  # outside a transaction, as SQLite requires
    try:
        driver: Any = raw.driver_connection
        driver.execute("PRAGMA busy_timeout=0")  # the caller's loop does the waiting
        try:
            found = driver.execute(f"PRAGMA journal_mode={journal}").fetchone()
        except sqlite3.OperationalError as exc:
            if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in _BUSY_CODES:
                return False
            raise
        finally:
            driver.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        raw.close()
    return str(found[0]).upper() == journal  # with another connection open SQLite keeps its mode


def create_db_engine(url: URL, mode: Mode | None = None, *, read_only: bool = False,
                     immutable: bool = False) -> tuple[Engine, Mode]:  # fmt: skip
    """An engine with camdesk's settings for ``url``; the mode is detected if not given."""
    if url.get_backend_name() == "sqlite":
        path = Path(url.database or "")
        if mode is None:
            mode = Mode.SHARED if url.database and is_network_path(path.parent) else Mode.LOCAL
        return _sqlite_engine(url, mode, read_only=read_only, immutable=immutable), mode
    if url.get_backend_name() == "postgresql":
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        return create_engine(url, pool_pre_ping=True, json_serializer=_JSON), Mode.SERVER
    raise errors.DatabaseUnreachable(
        url=url.render_as_string(hide_password=True),
        reason="only SQLite files and PostgreSQL are supported",
    )


def open_database(
    target: str | os.PathLike[str] | URL, *, create: bool = True, mode: Mode | None = None
) -> Database:
    """Open (and if needed create or upgrade) a camdesk database.

    Opening never changes a file: its journal mode is the file's own (WAL for a local
    file, a rollback journal for one shared over the network: set when the file is made,
    by :func:`set_journal`, or by ``camdesk share``), with one exception: a WAL file found
    on a network file system, or opened with ``mode=Mode.SHARED``, is switched to the
    rollback journal, since WAL cannot work there.
    A file that can only be read opens read-only (``Database.read_only`` says why).

    Raises:
        NotCamdeskDatabase: the file or schema belongs to something else.
        DatabaseDamaged, DatabaseBusy, DatabaseInterrupted, DatabaseReadOnly, DiskFull:
            the file is ours but cannot be opened as it is (see :mod:`dbfaults`).
        NewerSchemaError: it was written by a newer camdesk.
        DatabaseUnreachable: a server that cannot be reached.
    """
    url = target if isinstance(target, URL) else to_url(target)
    name = url.render_as_string(hide_password=True)
    facts, read_only, network = FileFacts(empty=True), None, False
    if url.get_backend_name() == "sqlite" and url.database:
        name = url.database
        path = Path(name)
        if not check_sqlite_file(path, create=create):
            # Look before touching: the connection settings would otherwise be first.
            facts = probe_sqlite(path)
            read_only = dbfaults.read_only_reason(path)
            if facts.damage is not None:
                log.info("%s is damaged: %s", name, facts.damage.replace("\n", " "))
                read_only = dbfaults.DAMAGED_READ_ONLY
        network = is_network_path(path.parent) or mode is Mode.SHARED  # found, or asked
        if not facts.empty:
            mode = Mode.LOCAL if facts.journal == "wal" else Mode.SHARED
        elif mode is None:
            mode = Mode.SHARED if network else Mode.LOCAL
    engine, actual_mode = create_db_engine(url, mode, read_only=read_only is not None,
                                           immutable=facts.immutable)  # fmt: skip
    db = Database(url=url, engine=engine, mode=actual_mode, read_only=read_only,
                  checked=facts.empty or facts.damage is not None or facts.checked)  # fmt: skip
    if db.dialect == "sqlite":
        dbfaults.hold(Path(name))
    try:
        if network and not facts.empty and actual_mode is Mode.LOCAL and read_only is None:
            log.info("%s is shared (a network file system, or asked): rollback journal", name)
            set_journal(db, Mode.SHARED)
        revision = _schema_revision(db, name)
        if revision != HEAD:
            if read_only is not None:  # neither a schema nor an upgrade can be written
                raise errors.DatabaseReadOnly(read_only, path=name)
            from camdesk import migrate  # Alembic is only loaded when the schema must change

            if revision is None:
                if not create:  # `camdesk info` on an empty server schema: not ours yet
                    raise errors.NotCamdeskDatabase(path=name)
                if migrate.create_schema(db.engine) and db.dialect == "sqlite":
                    _new_file_journal(db, actual_mode)
                revision = _schema_revision(db, name)
            if revision != HEAD:
                migrate.upgrade_if_needed(db.engine, name)
        if facts.interrupted:
            db.notice = RECOVERED
    except DBAPIError as exc:
        db.close()
        if url.get_backend_name() == "sqlite":
            if isinstance(exc.orig, sqlite3.Error):
                raise (dbfaults.explain(exc.orig, Path(name))
                       or errors.DatabaseUnreadable(path=name, reason=str(exc.orig))) from exc  # fmt: skip
            raise errors.NotCamdeskDatabase(path=name) from exc
        raise errors.DatabaseUnreachable(url=name, reason=str(exc.orig).strip()) from exc
    except BaseException:
        db.close()
        raise
    return db


def _schema_revision(db: Database, name: str) -> str | None:
    """None for a new, empty database; our schema revision; raises for anything else."""
    with db.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        if not tables:
            return None
        if "app_meta" in tables:
            app = conn.execute(
                text("SELECT value FROM app_meta WHERE key = 'application'")
            ).scalar()
            if app == APPLICATION:
                return str(conn.execute(text("SELECT version_num FROM alembic_version")).scalar())
    raise errors.NotCamdeskDatabase(path=name)
