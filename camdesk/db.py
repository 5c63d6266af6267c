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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from camdesk import errors
from camdesk.dbfile import (
    APPLICATION,
    Mode,
    check_sqlite_file,
    is_network_path,
    probe_sqlite,
)
from camdesk.migrations import HEAD

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


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
    """

    url: URL
    engine: Engine
    mode: Mode

    def __post_init__(self) -> None:
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(
            self.engine.execution_options(camdesk_write=True), expire_on_commit=False
        )

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
    def write(self, *, lock: str | None = None) -> Iterator[Session]:
        """One unit of work: committed if the block succeeds, rolled back otherwise.

        On SQLite it starts with BEGIN IMMEDIATE, so a second writer waits (up to
        the busy timeout) before it reads, instead of failing at commit.

        Units of work that name the same ``lock`` run one at a time on every backend,
        reads included (an import matches rows and writes them under one lock, so two
        imports of one file cannot both find a customer missing and both create it).
        SQLite has one writer anyway; PostgreSQL takes a transaction advisory lock.
        """
        with _translate_errors(self), self._writer.begin() as session:
            if lock is not None and self.dialect == "postgresql":
                session.execute(
                    text("SELECT pg_advisory_xact_lock(hashtext(:name))"),
                    {"name": f"camdesk:{lock}"},
                )
            yield session

    def close(self) -> None:
        if self.dialect == "sqlite":
            # SQLite's advice: let it refresh planner statistics on close, so searches
            # keep driving from the matches instead of walking a whole index.
            try:
                with self.engine.connect() as conn:
                    # Sampled statistics: milliseconds, not a full ANALYZE of a million rows.
                    # Not worth waiting for: another process writing now will do it later.
                    conn.exec_driver_sql("PRAGMA busy_timeout=200")
                    conn.exec_driver_sql("PRAGMA analysis_limit=400")
                    conn.exec_driver_sql("PRAGMA optimize")
            except OperationalError as exc:  # busy, read-only: the statistics can wait
                log.info("PRAGMA optimize skipped on close: %s", exc.orig)
        self.engine.dispose()

    def analyze(self) -> None:
        """Refresh the planner's statistics (after bulk loads)."""
        with self.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")


@contextmanager
def _translate_errors(db: Database) -> Iterator[None]:
    try:
        yield
    except OperationalError as exc:
        message = str(exc.orig).lower()
        if "locked" in message or "busy" in message:
            raise errors.DatabaseLocked() from exc
        if "not a database" in message or "malformed" in message:
            raise errors.NotCamdeskDatabase(path=db.display_name) from exc
        if db.dialect != "sqlite":
            raise errors.DatabaseUnreachable(url=db.display_name, reason=str(exc.orig)) from exc
        raise


# JSON columns (the change log) keep Chinese as it is, not as \u escapes: half the bytes.
_JSON = functools.partial(json.dumps, ensure_ascii=False)


def _sqlite_engine(url: URL, mode: Mode) -> Engine:
    engine = create_engine(
        url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, json_serializer=_JSON
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's begin event issue BEGIN itself (pysqlite's own is too late).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if mode is Mode.SHARED:
            cursor.execute("PRAGMA journal_mode=DELETE")
            cursor.execute("PRAGMA synchronous=FULL")
        else:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA cache_size=-65536")  # 64 MiB page cache
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        write = conn.get_execution_options().get("camdesk_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def create_db_engine(url: URL, mode: Mode | None = None) -> tuple[Engine, Mode]:
    """An engine with camdesk's settings for ``url``; the mode is detected if not given."""
    if url.get_backend_name() == "sqlite":
        path = Path(url.database or "")
        if mode is None:
            mode = Mode.SHARED if url.database and is_network_path(path.parent) else Mode.LOCAL
        return _sqlite_engine(url, mode), mode
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

    Raises:
        NotCamdeskDatabase: the file or schema belongs to something else.
        NewerSchemaError: it was written by a newer camdesk.
        DatabaseUnreachable: a server that cannot be reached.
    """
    url = target if isinstance(target, URL) else to_url(target)
    name = url.render_as_string(hide_password=True)
    if url.get_backend_name() == "sqlite" and url.database:
        name = url.database
        if not check_sqlite_file(Path(name), create=create):
            # Look before touching: the connection settings would rewrite the header.
            probe_sqlite(Path(name))
    engine, actual_mode = create_db_engine(url, mode)
    db = Database(url=url, engine=engine, mode=actual_mode)
    try:
        revision = _schema_revision(db, name)
        if revision != HEAD:
            from camdesk import migrate  # Alembic is only loaded when the schema must change

            if revision is None:
                if not create:  # `camdesk info` on an empty server schema: not ours yet
                    raise errors.NotCamdeskDatabase(path=name)
                migrate.create_schema(db)
            else:
                migrate.upgrade_if_needed(db, name)
    except OperationalError as exc:
        engine.dispose()
        if url.get_backend_name() == "sqlite":
            raise errors.NotCamdeskDatabase(path=name) from exc
        raise errors.DatabaseUnreachable(url=name, reason=str(exc.orig).strip()) from exc
    except BaseException:
        engine.dispose()
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


def backup_sqlite(db: Database, suffix: str) -> Path:
    """Copy a SQLite database next to itself with SQLite's online backup API."""
    source = Path(db.url.database or "")
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = source.with_name(f"{source.stem}.{suffix}-{stamp}{source.suffix or '.db'}")
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target
