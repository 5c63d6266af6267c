"""A camdesk SQLite file on disk, looked at without SQLAlchemy.

What the app needs before its first window: whether a path is a camdesk
database, whether it is current, whether it lies on a network share.  Kept free
of SQLAlchemy (and of Qt) so that start-up can answer these in milliseconds and
paint the customer list before the ORM is loaded; :mod:`camdesk.db` builds on it.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from enum import StrEnum
from pathlib import Path

from camdesk import errors
from camdesk.migrations import HEAD

APPLICATION = "camdesk"
# SQLite's header field for the owning application ("CAMD"), so file tools know the format.
SQLITE_APPLICATION_ID = 0x43414D44


class Mode(StrEnum):
    """How the database is used, which decides its settings."""

    LOCAL = "local"  # own SQLite file on a local disk: WAL
    SHARED = "shared"  # SQLite file on a network share: rollback journal, FULL sync
    SERVER = "server"  # PostgreSQL


def is_network_path(path: Path) -> bool:
    """Whether ``path`` lies on a network file system (SMB/CIFS, NFS, ...).

    SQLite's WAL mode needs shared memory that network file systems don't
    provide, so such files are opened in shared mode.
    """
    raw = str(path)
    if sys.platform == "win32":
        if raw.startswith(("\\\\", "//")):
            return True
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(raw))[0] + "\\"
        return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == 4)  # DRIVE_REMOTE
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return False
    best, fstype = "", ""
    resolved = os.path.realpath(raw)
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3:
            mount = parts[1].replace("\\040", " ")
            if (resolved == mount or resolved.startswith(mount.rstrip("/") + "/")) and len(
                mount
            ) > len(best):
                best, fstype = mount, parts[2]
    return fstype in {"cifs", "smbfs", "smb3", "nfs", "nfs4", "afpfs", "fuse.sshfs", "9p"}


def check_sqlite_file(path: Path, *, create: bool) -> bool:
    """Validate a SQLite target before touching it; True if it must be created."""
    if not path.exists() or path.stat().st_size == 0:
        if not create:
            raise errors.DatabaseError(
                errors.QT_TRANSLATE_NOOP("errors", "{path} does not exist."), path=str(path)
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        return True
    if path.is_dir():
        raise errors.NotCamdeskDatabase(path=str(path))
    # Asked of SQLite, not read with open(): closing our own descriptor on a file this
    # process has open in SQLite would drop SQLite's POSIX locks on it (see views.files).
    try:
        conn = connect_readonly(path)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc):
            raise errors.NotCamdeskDatabase(path=str(path)) from exc
    return False


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection to an existing file: looking never changes it."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def schema_revision(path: Path) -> str | None:
    """The schema revision of an existing SQLite file, read-only; None if it has none."""
    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        conn = connect_readonly(path)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None  # not ours or damaged: opening it reports that
    finally:
        conn.close()
    return str(row[0]) if row else None


def needs_upgrade(target: str) -> bool:
    """Whether an existing SQLite file has an older schema (read-only look, no side effects)."""
    if "://" in target:
        return False
    revision = schema_revision(Path(target).expanduser())
    return revision is not None and revision != HEAD


def probe_sqlite(path: Path) -> None:
    """Check, read-only, that an existing file is a camdesk database we can open."""
    try:
        conn = connect_readonly(path)
    except sqlite3.Error as exc:
        raise errors.NotCamdeskDatabase(path=str(path)) from exc
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            # An empty file another program has marked as its own is not ours to fill.
            marks = [conn.execute(f"PRAGMA {p}").fetchone()[0]
                     for p in ("user_version", "application_id")]  # fmt: skip
            if any(marks):
                raise errors.NotCamdeskDatabase(path=str(path))
            return
        if "app_meta" not in tables:
            raise errors.NotCamdeskDatabase(path=str(path))
        app = conn.execute("SELECT value FROM app_meta WHERE key = 'application'").fetchone()
        if not app or app[0] != APPLICATION:
            raise errors.NotCamdeskDatabase(path=str(path))
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row and row[0] != HEAD:
            from camdesk import migrate  # Alembic only when not up to date

            if row[0] not in migrate.known_revisions():
                raise errors.NewerSchemaError(path=str(path), revision=row[0])
    except sqlite3.Error as exc:
        raise errors.NotCamdeskDatabase(path=str(path)) from exc
    finally:
        conn.close()


def current_local_file(target: str) -> Path | None:
    """``target`` as a path if it is an existing camdesk file, current, on a local disk.

    Such a file can be read directly while the rest of the app loads; anything
    else (a server, a new, older, foreign or shared file) returns None and is
    opened the ordinary way, which reports what is wrong with it.
    """
    if not target or "://" in target:
        return None
    path = Path(target).expanduser().resolve()
    try:
        if not path.is_file() or check_sqlite_file(path, create=False):
            return None
        probe_sqlite(path)
    except (OSError, errors.CamdeskError):
        return None
    if schema_revision(path) != HEAD or is_network_path(path.parent):
        return None
    return path
