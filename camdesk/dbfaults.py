"""What is wrong with a SQLite file, named by its cause.

SQLite says why it refused (its extended result codes, which Python 3.11 exposes
as ``sqlite_errorcode``): a damaged file, one that can only be read, one another
program holds locked, one whose last save was interrupted (a hot rollback journal),
a full disk.  :func:`explain` turns each into the user error that says what to do,
so a camdesk database is never called "not a camdesk database".  Free of Qt and
SQLAlchemy, like :mod:`camdesk.dbfile`.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from camdesk import errors
from camdesk.i18n import QT_TRANSLATE_NOOP

BUSY_TIMEOUT_MS = 5000
SQLITE_MAGIC = b"SQLite format 3\x00"
APPLICATION_ID = b"CAMD"  # the header's application id (dbfile.SQLITE_APPLICATION_ID)

# SQLite result codes (https://sqlite.org/rescode.html).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26
READONLY_ROLLBACK = _READONLY | (3 << 8)  # a hot journal that needs write access to roll back
# A WAL file whose shared-memory file cannot be made (READONLY_CANTINIT, _DIRECTORY, or
# no room left on the disk for it).
NO_SHARED_MEMORY = (_READONLY | (5 << 8), _READONLY | (6 << 8), _FULL, _IOERR | (18 << 8),
                    _IOERR | (19 << 8), _IOERR | (3 << 8), _IOERR | (13 << 8), _CANTOPEN)  # fmt: skip

READ_ONLY_MOUNT = QT_TRANSLATE_NOOP(
    "errors",
    "{path} can only be read: it lies on a disk or share mounted read-only. Nothing was changed. To change it, copy it somewhere you can write to.",
)
READ_ONLY_FULL = QT_TRANSLATE_NOOP(
    "errors",
    "The disk holding {path} is full, so camdesk opened it read-only: you can look things up and export elsewhere, but not save. Free some space on that disk and open the database again.",
)
READ_ONLY_FILE = QT_TRANSLATE_NOOP(
    "errors",
    "{path} can only be read: the file is read-only for you. Nothing was changed. To change it, get write access to it, or copy it somewhere you can write to.",
)
READ_ONLY_FOLDER = QT_TRANSLATE_NOOP(
    "errors",
    "{path} can only be read: its folder is read-only for you (SQLite writes its journal beside the file). Nothing was changed. To change it, get write access to the folder, or copy the file somewhere you can write to.",
)

DAMAGED_READ_ONLY = QT_TRANSLATE_NOOP(
    "errors",
    "{path} is damaged, so camdesk opened it read-only: what can be read is shown, and nothing is written to it that could spread the damage. Save a recovered copy (every row that can be read, in a new file) and work on that, or open your latest backup.",
)
QUICK_CHECK_BYTES = 64 << 20  # files up to this size are checked as they open (~0.1 s)

_held: set[str] = set()  # files this process has open in SQLite


def hold(path: Path) -> None:
    """Note that SQLite holds ``path`` open in this process (see :func:`looks_like_sqlite`)."""
    _held.add(os.path.realpath(path))


def release(path: Path) -> None:
    _held.discard(os.path.realpath(path))


def looks_like_ours(path: Path) -> bool | None:
    """Whether the file's header is SQLite's with camdesk's application id ("CAMD");
    None if it must not be read here.

    Closing any descriptor of a file drops every POSIX lock this process holds on it,
    SQLite's included (SQLite's "How To Corrupt", 2.2), so a file SQLite has open in
    this process is never opened with open().
    """
    if os.path.realpath(path) in _held:
        return None
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError:
        return None
    return header[:16] == SQLITE_MAGIC and header[68:72] == APPLICATION_ID


def read_only_reason(path: Path) -> str | None:
    """Why ``path`` (an existing file) can only be read, as a message; None if it can be written.

    A file needs write access for itself and its folder (SQLite writes its journal, or
    its WAL and shared-memory files, beside it).
    """
    folder = path.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return READ_ONLY_MOUNT
    except (OSError, AttributeError):  # Windows has no statvfs
        pass
    if not os.access(path, os.W_OK):
        return READ_ONLY_FILE
    if not os.access(folder, os.W_OK):
        return READ_ONLY_FOLDER
    if _disk_full(path):
        return READ_ONLY_FULL
    return None


CHECK_CACHE_KIB = 8192


def quick_check(conn: sqlite3.Connection) -> str | None:
    """SQLite's quick check of every page (not of index contents): None if the file is
    sound, else the first problem found. About 6 s for a 4.8 GB file of a million
    customers, with any page cache from 2 MiB up (128 MiB was slower, 8.7 s, and kept
    140 MB in the window's process while it ran in the background)."""
    conn.execute(f"PRAGMA cache_size=-{CHECK_CACHE_KIB}")
    try:
        found = str(conn.execute("PRAGMA quick_check(1)").fetchone()[0])
    except sqlite3.DatabaseError as exc:  # damage can stop the check itself; other faults
        if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in (_CORRUPT, _NOTADB):  # are not damage
            return str(exc)
        raise
    return None if found == "ok" else found


def journal_of(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def explain(exc: sqlite3.Error, path: Path) -> errors.DatabaseError | None:
    """The user error for what SQLite said about ``path``; None if it names no cause we know."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    base = code & 0xFF
    name = str(path)
    if code == READONLY_ROLLBACK:
        return errors.DatabaseInterrupted(path=name, journal=journal_of(path).name)
    if base == _READONLY:
        return errors.DatabaseReadOnly(read_only_reason(path) or READ_ONLY_FILE, path=name)
    if base in (_BUSY, _LOCKED):
        return errors.DatabaseBusy(path=name, seconds=BUSY_TIMEOUT_MS // 1000)
    if base == _FULL or (base == _IOERR and _disk_full(path)):
        return errors.DiskFull(path=name)
    if base in (_CORRUPT, _NOTADB):  # ours, damaged; or some other file
        ours = looks_like_ours(path)
        return errors.NotCamdeskDatabase(path=name) if ours is False else (
            errors.DatabaseDamaged(path=name))  # fmt: skip
    if base == _CANTOPEN:
        reason = read_only_reason(path) if path.exists() else None
        if reason is not None:
            return errors.DatabaseReadOnly(reason, path=name)
        return errors.DatabaseUnreadable(path=name, reason=str(exc))
    if base == _IOERR:
        return errors.DatabaseUnreadable(path=name, reason=str(exc))
    return None


def _disk_full(path: Path) -> bool:
    """Too little room left for SQLite's journal, WAL or shared-memory file."""
    try:
        return shutil.disk_usage(path.parent).free < 256 << 10
    except OSError:
        return False
