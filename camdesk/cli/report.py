"""Reports from the command line: ``camdesk report trends``."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from camdesk.cli.common import Add, UsageError, command_group, open_db

COLUMNS = (("month", "month", 7), ("active", "active", 9), ("new", "new", 7),
           ("churned", "churned", 8), ("churn %", "churn_rate", 8), ("NPS", "nps", 6),
           ("n", "nps_responses", 6), ("CSAT", "csat", 5), ("n", "csat_responses", 6),
           ("feedback", "received", 8), ("resolved", "resolved", 8),
           ("median h", "median_hours", 8), ("breaches", "breaches", 8))  # fmt: skip


def add_commands(add: Add) -> None:
    action = command_group(add, "report", _missing_action, "figures over time")
    trends = action("trends", cmd_trends,
                    "the dashboard's monthly figures: churn, new customers, NPS, CSAT, feedback")  # fmt: skip
    trends.add_argument("--from", dest="start", help="first month, YYYY-MM or YYYY-MM-DD "
                        "(default: eleven months before --to)")  # fmt: skip
    trends.add_argument("--to", dest="end", help="last month, YYYY-MM or YYYY-MM-DD (default: now)")
    trends.add_argument("--segment", help="only the customers of this saved segment (its name)")
    trends.add_argument("--xlsx", type=Path, help="also write the figures to this workbook")
    trends.add_argument("--json", action="store_true", help="one JSON object")


def _missing_action(_args: argparse.Namespace) -> int:
    raise UsageError("say which report: report trends")


def _month(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text if len(text) > 7 else f"{text}-01")
    except ValueError:
        raise UsageError(f"{option} must be a month like 2026-03, not {text!r}") from None


def cmd_trends(args: argparse.Namespace) -> int:
    from camdesk.services.lists.segments import list_segments
    from camdesk.services.trends.report import build_trends, last_months, write_trends

    end = _month(args.end, "--to") if args.end else date.today()
    start = _month(args.start, "--from") if args.start else last_months(end)[0]
    db = open_db(args)
    try:
        segment = None
        if args.segment:
            found = [s for s in list_segments(db) if s.name == args.segment]
            if not found:
                names = ", ".join(s.name for s in list_segments(db)) or "none saved yet"
                raise UsageError(f"no segment is called {args.segment!r} (segments: {names})")
            segment = found[0]
        trends = build_trends(db, start, end, segment)
    finally:
        db.close()
    if args.xlsx:
        for path in write_trends(args.xlsx, trends):
            print(f"wrote {path}")
    if args.json:
        print(json.dumps(trends.as_json(), ensure_ascii=False))
        return 0
    print(f"{trends.start:%Y-%m} to {trends.end:%Y-%m}"
          + (f", segment {trends.segment}" if trends.segment else ""))  # fmt: skip
    print("  ".join(f"{title:>{width}}" for title, _, width in COLUMNS))
    for row in trends.month_rows():
        print("  ".join(f"{_cell(row[key]):>{width}}" for _, key, width in COLUMNS))
    if trends.categories:
        print("feedback by category (items, median hours to resolve):")
        for category, items, hours in trends.categories:
            print(f"  {category or '-':<20} {items:>9,}  {_cell(hours and round(hours, 1))}")
    if trends.reasons:
        print("churn reasons:")
        for reason, customers in trends.reasons:
            print(f"  {reason:<20} {customers:>9,}")
    return 0


def _cell(value: object) -> str:
    if value is None:
        return "-"
    return f"{value:,}" if isinstance(value, int) else str(value)
