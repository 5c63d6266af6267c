"""The database file from the command line: ``camdesk check`` and ``camdesk share``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from camdesk.cli.common import UsageError, open_db


def add_commands(add: Callable[..., Any]) -> None:
    add("check", cmd_check, "check a database file: sound, damaged, read-only, shared")
    share = add("share", cmd_share, "keep a database file in shared mode (rollback journal), "
                "for use from several PCs over the network")  # fmt: skip
    share.add_argument("--off", action="store_true", help="back to local mode (WAL)")
    recover = add("recover", cmd_recover, "copy every readable row of a damaged database "
                  "into a new file, and say what was lost")  # fmt: skip
    recover.add_argument("--to", type=Path, required=True, help="the new file (must not exist)")


def cmd_check(args: argparse.Namespace) -> int:
    """Every page checked (SQLite's quick check), whatever the file's size; exit 1 if the
    file cannot be used as it is."""
    from camdesk import dbfaults, errors
    from camdesk.dbfile import check_file, check_sqlite_file, probe_sqlite
    from camdesk.services.core.context import default_database_path

    target = str(args.db or default_database_path())
    if "://" in target:
        open_db(args).close()  # a server: reachable and ours is what can be checked here
        print(f"{target}: a camdesk database on a server")
        return 0
    path = Path(target).expanduser().resolve()
    if check_sqlite_file(path, create=False):
        raise errors.NotCamdeskDatabase(path=str(path))
    facts = probe_sqlite(path)  # raises what is wrong: not ours, busy, interrupted, ...
    damage = check_file(path)
    reason = dbfaults.read_only_reason(path)
    print(f"database:  {path}")
    print("journal:   " + ("WAL (local mode)" if facts.journal == "wal"
                           else f"{facts.journal} (shared mode)"))  # fmt: skip
    print("access:    " + ("read-write" if reason is None
                           else "read-only: " + reason.format(path=path)))  # fmt: skip
    if facts.interrupted:
        print("state:     a save was interrupted; opening the file puts it back as it was")
    if damage is not None:
        print("state:     damaged: " + " ".join(damage.split()))
        return 1
    print("state:     sound (every page checked)")
    return 0


def cmd_share(args: argparse.Namespace) -> int:
    from camdesk.db import set_journal
    from camdesk.dbfile import Mode

    db = open_db(args)
    try:
        if db.dialect != "sqlite":
            raise UsageError("only a database file can be shared this way")
        if db.read_only is not None:
            from camdesk import errors

            raise errors.DatabaseReadOnly(db.read_only, path=db.display_name)
        set_journal(db, Mode.LOCAL if args.off else Mode.SHARED, wait=2.0)
    finally:
        db.close()
    print(f"{db.display_name}: " + ("local mode (WAL): use it from this PC only" if args.off
          else "shared mode (rollback journal): it stays so whoever opens it"))  # fmt: skip
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    """Exit 0 when everything was copied, 1 when something was lost (listed)."""
    from camdesk.services.core.context import default_database_path
    from camdesk.services.data.recover import recover

    source = Path(args.db or default_database_path()).expanduser().resolve()
    result = recover(source, args.to.expanduser().resolve())
    for table, done in result.tables.items():
        lost = "unknown" if done.lost is None else f"{done.lost:,}"
        orphans = f", {done.orphans:,} dropped with what they belonged to" if done.orphans else ""
        print(f"{table:<16} {done.copied:>10,} copied, {lost} lost{orphans}")
    print(f"recovered copy written to {args.to}" + ("" if result.complete else
          " (some rows could not be read: see above)"))  # fmt: skip
    return 0 if result.complete else 1
