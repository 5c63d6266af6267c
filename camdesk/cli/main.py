"""Headless commands over the same services as the GUI.

Exit status: 0 on success, 2 on bad usage, 1 with a one-line message on
stderr for anything else that went wrong (never a traceback for a user error).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from camdesk import __version__, errors
from camdesk.cli.common import ProgressBar, UsageError, open_db

log = logging.getLogger(__name__)


def cmd_init(args: argparse.Namespace) -> int:
    db = open_db(args, create=True)
    print(f"camdesk database ready: {db.display_name}")
    db.close()
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    db = open_db(args)
    from camdesk.services.core import info as info_service

    facts = info_service.database_info(db)
    db.close()
    if args.json:
        print(json.dumps(facts.as_dict(), ensure_ascii=False))
        return 0
    print(f"database:  {facts.location}")
    print(f"backend:   {facts.backend} ({facts.mode} mode)")
    print(f"schema:    {facts.schema_revision}")
    for name, count in facts.counts.items():
        print(f"{name + ':':<14} {count:>10,}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from camdesk.services.core.users import local_actor
    from camdesk.services.demo.build import DemoSpec, generate

    if args.customers < 0 or args.orders < 0:
        raise UsageError("--customers and --orders must not be negative")
    db = open_db(args, create=True)
    started = time.perf_counter()
    bar = ProgressBar("demo", enabled=sys.stderr.isatty() or args.progress)
    result = generate(
        db, DemoSpec(args.customers, args.orders, seed=args.seed), local_actor(db), progress=bar
    )
    db.close()
    print(
        f"created {result.customers:,} customers ({result.companies:,} companies, "
        f"{result.contacts:,} contacts), {result.orders:,} orders, "
        f"{result.interactions:,} interactions, {result.follow_ups:,} follow-ups, "
        f"{result.feedback:,} feedback items, {result.responses:,} survey answers "
        f"in {time.perf_counter() - started:.1f}s"
    )
    return 0


def cmd_find(args: argparse.Namespace) -> int:
    from camdesk.services.lists.page import ListQuery, count_customers, fetch_page

    if args.limit < 0:
        raise UsageError("--limit must not be negative")
    db = open_db(args)
    query = ListQuery(search=" ".join(args.query))
    total = count_customers(db, query)
    rows = fetch_page(db, query, 0, args.limit)
    db.close()
    for row in rows:
        if args.json:
            record: dict[str, Any] = {
                "id": str(row.id), "code": row.code, "name": row.name, "kind": row.kind,
                "phones": list(row.phones), "phone": row.phone,
                "email": row.email, "company": row.company, "province": row.province,
                "city": row.city, "owner": row.owner, "tags": list(row.tags),
                "last_contact": row.last_contact.isoformat() if row.last_contact else None,
            }  # fmt: skip
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(f"{row.code or '-':<10} {row.name:<20} {row.phone:<16} {row.city or '':<8} "
                  f"{row.email or ''}")  # fmt: skip
    if not args.json:
        print(f"{total:,} match{'es' if total != 1 else ''}", file=sys.stderr)
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from camdesk.app import run

    return run(database=args.db, language=args.language)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # exit 2 with argparse's usage text
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="camdesk", description="camdesk customer-asset management")
    parser.add_argument("--version", action="version", version=f"camdesk {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    def add(name: str, func: Callable[[argparse.Namespace], int], help_text: str) -> Any:
        command = sub.add_parser(name, help=help_text, description=help_text)
        command.add_argument(
            "--db",
            help="database file path or SQLAlchemy URL "
            "(default: camdesk.db in the user data folder)",
        )
        command.add_argument("--shared", action="store_true",
                             help="treat a database file as shared over the network "
                                  "(rollback journal; it stays so)")  # fmt: skip
        command.set_defaults(func=func)
        return command

    add("init", cmd_init, "create (or upgrade) a database")
    info = add("info", cmd_info, "show counts, schema version and mode")
    info.add_argument("--json", action="store_true", help="one JSON object")
    demo = add("demo", cmd_demo, "fill a database with realistic demo data")
    demo.add_argument("--customers", type=int, default=1000)
    demo.add_argument("--orders", type=int, default=10000)
    demo.add_argument("--seed", type=int, default=7)
    demo.add_argument("--progress", action="store_true", help="show progress even when not a tty")
    find = add("find", cmd_find, "search customers as the list does")
    find.add_argument("--limit", type=int, default=20)
    find.add_argument("--json", action="store_true", help="one JSON object per line")
    find.add_argument("query", nargs="*", help="what to look for (empty: the list's order)")
    from camdesk.cli.data import add_commands

    add_commands(add)
    from camdesk.cli.imports import add_commands as add_import_commands

    add_import_commands(add)
    from camdesk.cli.value import add_commands as add_value_commands

    add_value_commands(add)
    from camdesk.cli.file import add_commands as add_file_commands
    from camdesk.cli.followups import add_commands as add_followup_commands

    add_followup_commands(add)
    from camdesk.cli.feedback import add_commands as add_feedback_commands

    add_feedback_commands(add)
    from camdesk.cli.report import add_commands as add_report_commands

    add_report_commands(add)

    add_file_commands(add)
    gui = add("gui", cmd_gui, "start the desktop application (the default)")
    gui.add_argument("--language", help="UI language, e.g. zh_CN or en (default: system)")
    return parser


def main(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv) or ["gui"])
    if args.command is None:
        args = parser.parse_args(["gui", *argv])
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        code = int(args.func(args))
        sys.stdout.flush()
        return code
    except BrokenPipeError:  # `camdesk find ... | head`: the reader had enough, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except UsageError as exc:
        parser.exit(2, f"camdesk: error: {exc}\n")
    except errors.CamdeskError as exc:
        print(f"camdesk: {exc.text()}", file=sys.stderr)
    except OSError as exc:
        print(f"camdesk: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
    except KeyboardInterrupt:
        print("camdesk: interrupted", file=sys.stderr)
    return 1
