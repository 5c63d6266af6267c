"""What the command line's commands share: opening the database, a progress bar, usage errors."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from camdesk.services.core.context import default_database_path

if TYPE_CHECKING:  # the commands load the database layer; `camdesk gui` starts without it
    from camdesk.db import Database

Add = Callable[[str, Callable[[argparse.Namespace], int], str], Any]


class UsageError(Exception):
    """Bad usage: exit 2."""


def open_db(args: argparse.Namespace, *, create: bool = False, quiet: bool = False) -> Database:
    from camdesk.db import open_database
    from camdesk.dbfile import Mode

    mode = Mode.SHARED if getattr(args, "shared", False) else None
    db = open_database(args.db or default_database_path(), create=create, mode=mode)
    for message in (db.notice, db.read_only):  # what the user must know, before the output
        if message is not None and not quiet:
            print(f"camdesk: {message.format(path=db.display_name)}", file=sys.stderr)
    return db


class ProgressBar:
    """A one-line progress bar on stderr (only when it is a terminal, or forced)."""

    def __init__(self, label: str, *, enabled: bool) -> None:
        self.label, self.enabled = label, enabled
        self.started = time.perf_counter()
        self.last = 0.0
        self.open_line = False

    def finish(self) -> None:
        """End the bar's line (a job may stop before its last step)."""
        if self.open_line:
            sys.stderr.write("\n")
            sys.stderr.flush()
            self.open_line = False

    def __call__(self, done: int, total: int) -> None:
        now = time.perf_counter()
        if not self.enabled or (now - self.last < 0.2 and done < total):
            return
        self.last = now
        share = done / total if total else 1.0
        bar = "#" * int(share * 30)
        sys.stderr.write(
            f"\r{self.label} [{bar:<30}] {share:6.1%}  {done:,}/{total:,}  {now - self.started:5.1f}s"
        )
        self.open_line = True
        if done >= total:
            self.finish()
        sys.stderr.flush()


Action = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]


def command_group(add: Add, name: str, missing: Callable[[argparse.Namespace], int],
                  text: str) -> Action:  # fmt: skip
    """A command with actions (``camdesk followups plan``): returns the function that adds
    one action, each taking ``--db``."""
    group = add(name, missing, text)
    actions = group.add_subparsers(dest="action", parser_class=type(group))

    def action(action_name: str, func: Callable[[argparse.Namespace], int],
               help_text: str) -> argparse.ArgumentParser:  # fmt: skip
        command = actions.add_parser(action_name, help=help_text, description=help_text)
        command.add_argument("--db", default=argparse.SUPPRESS,
                             help="database file path or SQLAlchemy URL")  # fmt: skip
        command.set_defaults(func=func)
        return command

    return action
