"""Daily work from the command line: ``camdesk followups plan|add|due|done|export-ics`` and
``camdesk log``."""

from __future__ import annotations

import argparse
import json
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from camdesk.cli.common import Add, UsageError, command_group, open_db

KINDS = ("return", "care", "wake", "winback", "other")
CHANNELS = ("call", "sms", "wechat", "email", "visit", "meeting", "chat", "note")
KIND_NAMES = {"return": "回访", "care": "关怀", "wake": "唤醒", "winback": "挽回", "other": "其他"}


def add_commands(add: Add) -> None:
    action = command_group(
        add, "followups", _missing_action, "plan, list, complete and export follow-ups"
    )

    plan = action("plan", cmd_plan, "plan the next follow-up of every customer with none planned")
    plan.add_argument("--dry-run", action="store_true", help="count; write nothing")
    plan.add_argument("--no-stages", action="store_true",
                      help="no wake-up or win-back tasks for silent or churned customers")  # fmt: skip
    plan.add_argument("--json", action="store_true", help="one JSON object")
    new = action("add", cmd_add, "plan a follow-up for one customer")
    new.add_argument("--customer", required=True, help="the customer's code")
    new.add_argument("--due", required=True, help="the day, YYYY-MM-DD")
    new.add_argument("--time", help="the time of day, HH:MM (default: none)")
    new.add_argument("--type", choices=KINDS, default="return")
    new.add_argument("--purpose", help="what it is for")
    new.add_argument("--every", help="repeat: 2w, 30d, 3m, 1y, or an iCalendar RRULE")
    new.add_argument("--user", help="assign to this user (login or name; default: the owner)")
    due = action("due", cmd_due, "list planned follow-ups due by a day (overdue included)")
    due.add_argument("--user", help="whose (login or name; default: everyone's)")
    due.add_argument(
        "--days", type=int, default=0, help="due within this many days (default 0: today)"
    )
    due.add_argument("--json", action="store_true", help="one JSON object per line")
    done = action("done", cmd_done, "mark a follow-up done: logs the contact, plans the next")
    done.add_argument("id", help="the follow-up's id (from `followups due`)")
    done.add_argument("--outcome", required=True, help="what came of the contact")
    done.add_argument("--channel", choices=CHANNELS[:-1], default="call")
    ics = action("export-ics", cmd_export_ics, "write planned follow-ups to an iCalendar file")
    ics.add_argument("file", type=Path, help="the .ics file to write")
    ics.add_argument("--user", help="whose (login or name; default: everyone's)")
    log = add("log", cmd_log, "log a contact (or a note) with a customer")
    log.add_argument("--customer", required=True, help="the customer's code")
    log.add_argument("--channel", choices=CHANNELS, default="call")
    log.add_argument("--summary", required=True, help="what it was about")
    log.add_argument("--outcome", help="what came of it")
    log.add_argument("--next-step", help="what happens next")
    log.add_argument("--direction", choices=["out", "in"], default="out")
    log.add_argument("--at", help="when, YYYY-MM-DD HH:MM (default: now)")


def _missing_action(_args: argparse.Namespace) -> int:
    raise UsageError("say what to do: followups plan, add, due, done or export-ics")


def _day(text: str, flag: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{flag} must be a date like 2026-03-05, not {text!r}") from None


def _customer(db: Any, code: str) -> uuid.UUID:
    from camdesk.services.customers.files import customer_coded

    found = customer_coded(db, code)
    if found is None:
        raise UsageError(f"no customer has the code {code!r}")
    return found


def _user(db: Any, name: str | None) -> uuid.UUID | None:
    from camdesk.services.core.users import find_user

    if name is None:
        return None
    found = find_user(db, name)
    if found is None:
        raise UsageError(f"no user is called {name!r}")
    return found


def cmd_plan(args: argparse.Namespace) -> int:
    from camdesk.services.core.users import local_actor
    from camdesk.services.followups.cadence import plan_follow_ups

    db = open_db(args)
    try:
        summary = plan_follow_ups(db, local_actor(db), stages=not args.no_stages,
                                  dry_run=args.dry_run).value  # fmt: skip
    finally:
        db.close()
    counts = {k: summary.kinds.get(k, 0) for k in ("return", "wake", "winback")}
    if args.json:
        print(json.dumps({"planned": summary.planned, "dry_run": summary.dry_run, **counts}))
    else:
        verb = "would plan" if summary.dry_run else "planned"
        print(f"{verb} {summary.planned:,} follow-ups: {counts['return']:,} return visits, "
              f"{counts['wake']:,} wake-ups, {counts['winback']:,} win-backs")  # fmt: skip
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from camdesk.services.core.users import local_actor
    from camdesk.services.followups import tasks
    from camdesk.services.followups.recurrence import from_shorthand

    due = _day(args.due, "--due")
    at = None
    if args.time:
        try:
            at = datetime.strptime(args.time, "%H:%M").time()
        except ValueError:
            raise UsageError(f"--time must be like 09:30, not {args.time!r}") from None
    db = open_db(args)
    try:
        rule = from_shorthand(args.every, due) if args.every else None
        assignee = _user(db, args.user) if args.user else tasks.OWNER
        plan = tasks.Plan(_customer(db, args.customer), due, args.type, at, args.purpose,
                          assignee, rule)  # fmt: skip
        ident = tasks.add_follow_up(db, plan, local_actor(db)).value
    finally:
        db.close()
    print(ident)
    return 0


def cmd_due(args: argparse.Namespace) -> int:
    from camdesk.services.followups import agenda

    until = date.today() + timedelta(days=max(0, args.days))
    db = open_db(args)
    try:
        who = _user(db, args.user) if args.user else agenda.ANYONE
        rows = agenda.due(db, agenda.Scope(assignee=who), until=until)
    finally:
        db.close()
    for r in rows:
        if args.json:
            print(json.dumps({"id": str(r.id), "due_on": r.due_on.isoformat(),
                              "time": r.due_at_time.strftime("%H:%M") if r.due_at_time else None,
                              "type": r.kind, "customer": r.customer, "code": r.code,
                              "mobile": r.mobile, "purpose": r.purpose, "assignee": r.assignee,
                              "overdue": r.overdue}, ensure_ascii=False))  # fmt: skip
        else:
            when = r.due_on.isoformat() + (f" {r.due_at_time:%H:%M}" if r.due_at_time else "")
            late = "  OVERDUE" if r.overdue else ""
            print(f"{r.id}  {when:<16}  {KIND_NAMES.get(r.kind, r.kind)}  {r.customer}"
                  f"  {r.mobile or ''}  {r.purpose or ''}  {r.assignee or ''}{late}")  # fmt: skip
    return 0


def cmd_done(args: argparse.Namespace) -> int:
    from camdesk.services.core.users import local_actor
    from camdesk.services.followups import tasks

    try:
        ident = uuid.UUID(args.id)
    except ValueError:
        raise UsageError(f"{args.id!r} is not a follow-up id") from None
    db = open_db(args)
    try:
        version = tasks.current_version(db, ident)
        result = tasks.complete(db, tasks.Ref(ident, version), local_actor(db),
                                outcome=args.outcome, channel=args.channel).value  # fmt: skip
    finally:
        db.close()
    following = f"; next on {result.next_due.isoformat()}" if result.next_due else ""
    print(f"done{following}")
    return 0


def cmd_export_ics(args: argparse.Namespace) -> int:
    from camdesk.services.followups.ics import export_ics

    db = open_db(args)
    try:
        result = export_ics(db, args.file, assignee=_user(db, args.user), kind_names=KIND_NAMES)
    finally:
        db.close()
    print(f"wrote {result.events:,} follow-ups to {result.path}")
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    from camdesk.services.core.users import local_actor
    from camdesk.services.customers.interactions import log_interaction

    at = datetime.now(UTC)
    if args.at:
        try:
            at = datetime.strptime(args.at, "%Y-%m-%d %H:%M").astimezone()
        except ValueError:
            raise UsageError(f"--at must be like 2026-03-05 14:30, not {args.at!r}") from None
    note = args.channel == "note"
    db = open_db(args)
    try:
        log_interaction(db, _customer(db, args.customer), local_actor(db), kind=args.channel,
                        occurred_at=at, subject=args.summary, outcome=args.outcome,
                        next_step=args.next_step,
                        direction=None if note else args.direction)  # fmt: skip
    finally:
        db.close()
    print("logged")
    return 0
