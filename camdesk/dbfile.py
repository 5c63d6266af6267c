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
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from camdesk import dbfaults, errors
from camdesk.migrations import HEAD, REVISIONS

APPLICATION = "camdesk"
# SQLite's header field for the owning application ("CAMD"), so file tools know the format.
SQLITE_APPLICATION_ID = 0x43414D44


class Mode(StrEnum):
    """How the database is used, which decides its settings."""

    LOCAL = "local"  # own SQLite file on a local disk: WAL
    SHARED = "shared"  # SQLite file on a network share: rollback journal, FULL sync
    SERVER = "server"  # PostgreSQL


# File systems on a local disk (or in memory): WAL works there. Any other type, and every
# network or FUSE file system not listed, is treated as shared (SQLite Over a Network).
LOCAL_FILE_SYSTEMS = frozenset({
    "ext2", "ext3", "ext4", "xfs", "btrfs", "zfs", "f2fs", "jfs", "reiserfs", "bcachefs",
    "nilfs2", "tmpfs", "ramfs", "devtmpfs", "overlay", "aufs", "squashfs", "erofs", "iso9660",
    "udf", "vfat", "msdos", "exfat", "ntfs", "ntfs3", "fuseblk", "hfs", "hfsplus", "apfs",
    "ecryptfs", "fuse.ecryptfs", "fuse.encfs", "fuse.gocryptfs", "zonefs",
})  # fmt: skip
# Known network file systems (also shared when unknown; listed to say so in tests and docs).
NETWORK_FILE_SYSTEMS = frozenset({
    "cifs", "smbfs", "smb3", "nfs", "nfs4", "afpfs", "fuse.sshfs", "9p", "fuse.gvfsd-fuse",
    "fuse.smbnetfs", "davfs", "fuse.davfs2", "ceph", "fuse.ceph", "glusterfs",
    "fuse.glusterfs", "afs", "lustre", "fuse.rclone", "vboxsf", "virtiofs", "vmhgfs",
    "fuse.vmhgfs-fuse", "webdav", "ncpfs", "coda", "gfs2", "ocfs2", "beegfs", "gpfs",
})  # fmt: skip


def is_shared_file_system(fstype: str) -> bool:
    """Whether a file system of this type must be treated as shared (no WAL)."""
    return fstype in NETWORK_FILE_SYSTEMS or fstype not in LOCAL_FILE_SYSTEMS


def file_system_type(path: Path) -> str | None:
    """The type of the file system ``path`` lies on (Linux: /proc/mounts; macOS: statfs);
    None where it cannot be told."""
    resolved = os.path.realpath(path)
    if sys.platform == "darwin":
        return _darwin_fstype(resolved)
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    best, fstype = "", None
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3:
            mount = parts[1].replace("\\040", " ")
            inside = resolved == mount or resolved.startswith(mount.rstrip("/") + "/")
            if inside and len(mount) > len(best):
                best, fstype = mount, parts[2]
    return fstype


def _darwin_fstype(path: str) -> str | None:
    """macOS's statfs f_fstypename (smbfs, afpfs, nfs, webdav for network volumes)."""
    import ctypes
    import ctypes.util

    class StatFs(ctypes.Structure):  # struct statfs (64-bit inodes), sys/mount.h
        _fields_ = [("f_bsize", ctypes.c_uint32), ("f_iosize", ctypes.c_int32),
                    ("f_blocks", ctypes.c_uint64), ("f_bfree", ctypes.c_uint64),
                    ("f_bavail", ctypes.c_uint64), ("f_files", ctypes.c_uint64),
                    ("f_ffree", ctypes.c_uint64), ("f_fsid", ctypes.c_int32 * 2),
                    ("f_owner", ctypes.c_uint32), ("f_type", ctypes.c_uint32),
                    ("f_flags", ctypes.c_uint32), ("f_fssubtype", ctypes.c_uint32),
                    ("f_fstypename", ctypes.c_char * 16), ("f_mntonname", ctypes.c_char * 1024),
                    ("f_mntfromname", ctypes.c_char * 1024), ("f_reserved", ctypes.c_uint32 * 8)]  # fmt: skip

    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    statfs = libc["statfs$INODE64"] if hasattr(libc, "statfs$INODE64") else libc.statfs
    found = StatFs()
    if statfs(path.encode(), ctypes.byref(found)) != 0:
        return None
    return found.f_fstypename.decode(errors="replace")


def is_network_path(path: Path) -> bool:
    """Whether ``path`` lies on a network (or unknown) file system: SMB/CIFS, NFS, ...

    SQLite's WAL mode needs shared memory that network file systems don't provide, so
    such files are opened in shared mode.
    """
    raw = str(path)
    if sys.platform == "win32":
        if raw.startswith(("\\\\", "//")):
            return True
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(raw))[0] + "\\"
        return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == 4)  # DRIVE_REMOTE
    fstype = file_system_type(path)
    if fstype is None:
        return False  # nothing known (no /proc): as before, a local disk
    return is_shared_file_system(fstype)


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
    return False


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection to an existing file: looking never changes it."""
    return _readonly(path)[0]


def _readonly(path: Path) -> tuple[sqlite3.Connection, bool]:
    """A read-only connection, and whether it is immutable: a WAL file in a folder (or on
    a disk) that cannot be written has no shared-memory file to read through, so it is
    opened as immutable (no one can write there either)."""
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.Error as exc:
        if getattr(exc, "sqlite_errorcode", 0) not in dbfaults.NO_SHARED_MEMORY:
            return conn, False  # the caller's first query reports it
        conn.close()
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True), True
    return conn, False


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


@dataclass(frozen=True)
class FileFacts:
    """What a read-only look at an existing file found.

    Attributes:
        empty: no tables yet (a new file: camdesk gives it its schema).
        journal: SQLite's journal mode of the file ("wal", or "delete" for a shared file).
        interrupted: a save was interrupted (a hot journal); a read-write open rolls it back.
        damage: what SQLite's quick check found wrong (files up to
            :data:`dbfaults.QUICK_CHECK_BYTES`; larger ones are checked later), or None.
    """

    empty: bool = False
    journal: str = "wal"
    interrupted: bool = False
    damage: str | None = None
    immutable: bool = False  # a WAL file that can only be read without a shared-memory file
    checked: bool = False  # the quick check ran (and found ``damage`` or nothing)


def probe_sqlite(path: Path) -> FileFacts:
    """Check, read-only, that an existing file is a camdesk database we can open.

    Raises the error that names what is wrong (:func:`dbfaults.explain`): not ours,
    damaged, read-only where it must be written, busy, interrupted, newer.
    """
    try:
        conn, immutable = _readonly(path)
    except sqlite3.Error as exc:
        raise _explained(exc, path) from exc
    try:
        try:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        except sqlite3.Error as exc:
            hot = getattr(exc, "sqlite_errorcode", 0) == dbfaults.READONLY_ROLLBACK
            if hot and dbfaults.read_only_reason(path) is None:  # a read-write open finishes it
                return FileFacts(interrupted=True, journal="delete")
            raise
        journal = (
            "wal" if immutable else str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()
        )
        if not tables:
            # An empty file another program has marked as its own is not ours to fill.
            marks = [conn.execute(f"PRAGMA {p}").fetchone()[0]
                     for p in ("user_version", "application_id")]  # fmt: skip
            if any(marks):
                raise errors.NotCamdeskDatabase(path=str(path))
            return FileFacts(empty=True, journal=journal)
        if "app_meta" not in tables:
            raise errors.NotCamdeskDatabase(path=str(path))
        app = conn.execute("SELECT value FROM app_meta WHERE key = 'application'").fetchone()
        if not app or app[0] != APPLICATION:
            raise errors.NotCamdeskDatabase(path=str(path))
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row and row[0] not in REVISIONS:
            raise errors.NewerSchemaError(path=str(path), revision=row[0])
        damage, checked = None, path.stat().st_size <= dbfaults.QUICK_CHECK_BYTES
        if checked:
            damage = dbfaults.quick_check(conn)
        return FileFacts(journal=journal, damage=damage, immutable=immutable, checked=checked)
    except sqlite3.Error as exc:
        raise _explained(exc, path) from exc
    finally:
        conn.close()


def check_file(path: Path) -> str | None:
    """:func:`dbfaults.quick_check` of a whole file, through a read-only connection of its own
    (an immutable one where the file's folder cannot be written)."""
    conn = connect_readonly(path)
    try:
        return dbfaults.quick_check(conn)
    finally:
        conn.close()


def _explained(exc: sqlite3.Error, path: Path) -> errors.CamdeskError:
    return dbfaults.explain(exc, path) or errors.DatabaseUnreadable(path=str(path), reason=str(exc))


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


def backup_sqlite(source: Path, suffix: str) -> Path:
    """Copy a SQLite database next to itself with SQLite's online backup API (consistent
    while others use it: SQLite's "How To Corrupt" 1.2)."""
    from datetime import UTC, datetime

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = source.with_name(f"{source.stem}.{suffix}-{stamp}{source.suffix or '.db'}")
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target
