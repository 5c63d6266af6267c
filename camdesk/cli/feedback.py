"""Feedback from the command line: ``camdesk feedback add|list|move``."""

from __future__ import annotations

import argparse
import json

from camdesk.cli.common import Add, UsageError, command_group, open_db
from camdesk.cli.followups import _customer, _user

KINDS = ("complaint", "suggestion", "praise", "question")
SEVERITIES = ("urgent", "high", "normal", "low")
STATUSES = ("new", "assigned", "in_progress", "resolved", "informed", "closed")
KIND_NAMES = {"complaint": "投诉", "suggestion": "建议", "praise": "表扬", "question": "咨询"}


def add_commands(add: Add) -> None:
    action = command_group(
        add, "feedback", _missing_action, "record feedback and work it through to closed"
    )

    new = action("add", cmd_add, "record a complaint, suggestion, praise or question")
    new.add_argument("--customer", required=True, help="the customer's code")
    new.add_argument("--type", choices=KINDS, required=True)
    new.add_argument("--description", required=True, help="what the customer said")
    new.add_argument("--severity", choices=SEVERITIES, default="normal")
    new.add_argument("--category", help="a category key (quality, delivery, price, service, ...)")
    new.add_argument("--channel", help="how it came in: call, sms, wechat, email, visit, ...")
    new.add_argument("--user", help="assign it to this user (login or name)")
    listed = action("list", cmd_list, "list feedback, newest first")
    listed.add_argument("--customer", help="one customer's (their code)")
    listed.add_argument("--status", choices=STATUSES, action="append", help="of this status")
    listed.add_argument("--open", action="store_true", help="not resolved yet")
    listed.add_argument("--overdue", action="store_true", help="open and past its due time")
    listed.add_argument("--limit", type=int, default=200)
    listed.add_argument("--json", action="store_true", help="one JSON object per line")
    step = action("move", cmd_move, "take a workflow step: assign, start, resolve, inform, close")
    step.add_argument("number", help="the item, e.g. FB-12 (or 12)")
    step.add_argument("--to", choices=STATUSES, required=True, help="the status to move it to")
    step.add_argument("--resolution", help="how it was resolved (to resolve it)")
    step.add_argument("--note", help="a note kept with the step")
    step.add_argument("--user", help="assign it to this user (login or name)")


def _missing_action(_args: argparse.Namespace) -> int:
    raise UsageError("say what to do: feedback add, list or move")


def _number(text: str) -> int:
    digits = text.upper().removeprefix("FB-")
    if not digits.isdigit():
        raise UsageError(f"{text!r} is not a feedback number like FB-12")
    return int(digits)


def cmd_add(args: argparse.Namespace) -> int:
    from camdesk.services.core.users import local_actor
    from camdesk.services.feedback.workflow import FeedbackData, add_feedback

    db = open_db(args)
    try:
        data = FeedbackData(_customer(db, args.customer), args.type, args.description,
                            severity=args.severity, channel=args.channel,
                            category=args.category, assignee_id=_user(db, args.user))  # fmt: skip
        added = add_feedback(db, data, local_actor(db)).value
    finally:
        db.close()
    print(f"FB-{added.number}  due {added.due_at.astimezone():%Y-%m-%d %H:%M}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from camdesk.services.feedback.queries import list_feedback

    db = open_db(args)
    try:
        customer = _customer(db, args.customer) if args.customer else None
        rows = list_feedback(db, customer_id=customer, statuses=args.status, open_only=args.open,
                             overdue=args.overdue, limit=max(1, args.limit))  # fmt: skip
    finally:
        db.close()
    for r in rows:
        if args.json:
            print(json.dumps({"number": f"FB-{r.number}", "type": r.kind, "status": r.status,
                              "severity": r.severity, "category": r.category,
                              "customer": r.customer, "code": r.code,
                              "description": r.description, "assignee": r.assignee,
                              "received_at": r.received_at.isoformat(),
                              "due_at": r.due_at.isoformat(), "overdue": r.overdue,
                              "resolution": r.resolution}, ensure_ascii=False))  # fmt: skip
        else:
            late = "  OVERDUE" if r.overdue else ""
            print(f"FB-{r.number:<5} {r.received_at.astimezone():%Y-%m-%d %H:%M}  "
                  f"{KIND_NAMES.get(r.kind, r.kind)}  {r.status:<11}  {r.severity:<6}  "
                  f"{r.customer}  {r.description.splitlines()[0][:40]}  {r.assignee or ''}{late}")  # fmt: skip
    return 0


def cmd_move(args: argparse.Namespace) -> int:
    from camdesk.services.core.users import local_actor
    from camdesk.services.feedback.queries import item
    from camdesk.services.feedback.workflow import move

    number = _number(args.number)
    db = open_db(args)
    try:
        row = item(db, number)
        move(db, row.ref, args.to, local_actor(db), note=args.note, resolution=args.resolution,
             assignee_id=_user(db, args.user))  # fmt: skip
    finally:
        db.close()
    print(f"FB-{number}: {args.to}")
    return 0
