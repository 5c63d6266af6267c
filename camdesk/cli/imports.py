"""The import history from the command line: ``camdesk imports list`` and ``imports undo``."""

from __future__ import annotations

import argparse
import json
import sys
import uuid

from camdesk.cli.common import Add, ProgressBar, UsageError, command_group, open_db


def add_commands(add: Add) -> None:
    action = command_group(add, "imports", _missing_action,
                           "the import history; undo a whole import")  # fmt: skip
    listed = action("list", cmd_list, "the latest imports, newest first")
    listed.add_argument("--limit", type=int, default=50)
    listed.add_argument("--json", action="store_true", help="one JSON object per line")
    undo = action("undo", cmd_undo, "revert an import where nobody changed it since")
    undo.add_argument("id", help="the import's id (from imports list; its first 8 characters do)")
    undo.add_argument("--progress", action="store_true", help="show progress when not a tty")


def _missing_action(_args: argparse.Namespace) -> int:
    raise UsageError("say what to do: imports list or undo")


def cmd_list(args: argparse.Namespace) -> int:
    from camdesk.services.data.imports.history import list_imports

    db = open_db(args)
    try:
        runs = list_imports(db, args.limit)
    finally:
        db.close()
    for run in runs:
        if args.json:
            print(json.dumps({"id": str(run.id), "at": run.at.isoformat(), "user": run.user,
                              "file": run.source, "kind": run.kind, "rows": run.rows,
                              "created": run.created, "updated": run.updated,
                              "skipped": run.skipped, "problems": run.problems,
                              "undone_at": run.undone_at.isoformat() if run.undone_at else None},
                             ensure_ascii=False))  # fmt: skip
            continue
        undone = f"  undone {run.undone_at.astimezone():%Y-%m-%d %H:%M}" if run.undone_at else ""
        print(f"{str(run.id)[:8]}  {run.at.astimezone():%Y-%m-%d %H:%M}  {run.kind:<12} "
              f"{run.rows:>8,} rows  {run.created:>7,} new  {run.updated:>7,} updated  "
              f"{run.problems:>5,} with problems  {run.user or '-'}  {run.source}{undone}")  # fmt: skip
    if not runs and not args.json:
        print("no imports yet", file=sys.stderr)
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    from camdesk.services.core.users import local_actor
    from camdesk.services.data.imports.history import list_imports, undo_import

    db = open_db(args)
    bar = ProgressBar("undo", enabled=sys.stderr.isatty() or args.progress)
    try:
        wanted = args.id.strip().lower()
        found = [r.id for r in list_imports(db, 100_000) if str(r.id).startswith(wanted)]
        if len(found) != 1:
            raise UsageError(f"no import {args.id!r}" if not found
                             else f"{args.id!r} names {len(found)} imports; give more of it")  # fmt: skip
        done = undo_import(db, uuid.UUID(str(found[0])), local_actor(db), progress=bar)
    finally:
        bar.finish()
        db.close()
    for item in done.kept[:100]:
        what = f"{item.field}" if item.field else "the file"
        who = f"{item.customer} ({item.code})" if item.code else item.customer or "?"
        print(f"kept: {who}: {what}: {item.reason}", file=sys.stderr)
    if len(done.kept) > 100:
        print(f"... and {len(done.kept) - 100} more kept", file=sys.stderr)
    print(f"import undone; {len(done.kept):,} changes kept as they are", flush=True)
    return 0
