#!/usr/bin/env python3
"""Follow-up calendar benchmark on the 1,000,000-customer demo database.

    .venv/bin/python benchmarks/followups.py [--customers N] [--dir DIR]

Builds (once, in DIR, default ~/.cache/camdesk-bench) a demo database of N customers
and N orders, whose demo data brings about two contacts per customer and a planned
follow-up for most of them; one customer gets 1,000 logged contacts; the value
measures are computed (tiers set each customer's cadence).  Then measures, each
beside the bare indexed SQL query run with sqlite3 in the same run (``*_ref_ms``):

- ``month_ms``: the calendar's month view (counts per day, type and state) of this
  month, for everyone, and ``my_month_ms`` for one user;
- ``agenda_ms``: the day agenda of one user on the busiest day of the month;
- ``reminder_ms``: the reminder check (one user's timed follow-ups coming due) and
  ``badge_ms``: the count on the calendar's entry (due today or earlier);
- ``timeline_ms``: the interaction tab of the customer with 1,000 entries;
- ``plan_s``: ``followups plan`` on a copy where nobody has one planned (every
  customer planned), beside ``plan_ref_s``: one bare INSERT ... SELECT computing the
  same due days in SQL; and ``replan_s``: planning again (nothing to plan).

Timings are medians over repeats.  Prints the figures, then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import bench_db  # benchmarks/bench_db.py, beside this script

REPEATS = 9
HEAVY = "BENCH-1000"  # the code of the customer with 1,000 contacts


def median_ms(run: Callable[[], Any], repeats: int = REPEATS) -> float:
    return bench_db.median_ms(run, repeats)


def ensure_db(folder: Path, customers: int) -> Path:
    return bench_db.built_once(folder / f"followups-{customers}.db", customers,
                               before_analyze=_heavy_customer)  # fmt: skip


def _heavy_customer(path: Path) -> None:
    from camdesk.db import open_database
    from camdesk.models import Interaction, InteractionKind, new_id
    from camdesk.services.core.bulk import insert_rows
    from camdesk.services.core.users import local_actor
    from camdesk.services.customers.files import CustomerData, create_customer

    db = open_database(path, create=False)
    actor = local_actor(db)
    customer = create_customer(db, CustomerData(name="常联系", code=HEAVY), actor).value
    now = datetime.now(UTC)
    rows = [{"id": new_id(), "customer_id": customer.id, "kind": InteractionKind.CALL,
             "occurred_at": now - timedelta(hours=6 * n), "subject": f"第{n}次联系",
             "user_id": actor.user_id, "created_at": now, "updated_at": now, "version": 1}
            for n in range(1000)]  # fmt: skip
    with db.write() as session:
        insert_rows(session.connection(), Interaction, rows)
    db.close()


def calendar_figures(path: Path) -> dict[str, float]:
    from sqlalchemy import select

    from camdesk.db import open_database
    from camdesk.models import Customer, User
    from camdesk.services.customers.interactions import list_interactions
    from camdesk.services.followups import agenda
    from camdesk.services.followups.agenda import Scope

    today = date.today()
    first = today.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    db = open_database(path, create=False)
    with db.read() as session:
        user = session.scalar(select(User.id).where(User.username == "sales.wang"))
        heavy = session.scalar(select(Customer.id).where(Customer.code == HEAVY))
    assert user is not None and heavy is not None
    mine = Scope(assignee=user)
    raw = sqlite3.connect(path)
    hexed = user.hex
    busiest = raw.execute(
        "SELECT due_on FROM follow_up WHERE due_on BETWEEN ? AND ? AND assignee_id = ? "
        "GROUP BY due_on ORDER BY count(*) DESC LIMIT 1",
        (first.isoformat(), last.isoformat(), hexed)).fetchone()[0]  # fmt: skip
    day = date.fromisoformat(busiest)
    now = datetime.combine(today, datetime.min.time().replace(hour=10)).astimezone()
    month_sql = ("SELECT due_on, kind, status, count(*) FROM follow_up WHERE due_on BETWEEN ? "
                 "AND ? AND deleted_at IS NULL {} GROUP BY due_on, kind, status")  # fmt: skip
    agenda_sql = (
        "SELECT f.*, c.name, c.code, c.mobile, u.display_name, v.tier FROM follow_up f "
        "JOIN customer c ON c.id = f.customer_id LEFT JOIN app_user u ON u.id = f.assignee_id "
        "LEFT JOIN customer_value v ON v.customer_id = f.customer_id WHERE f.due_on = ? "
        "AND f.assignee_id = ? AND f.deleted_at IS NULL "
        "ORDER BY f.due_at_time IS NULL, f.due_at_time, c.sort_key, f.id")  # fmt: skip
    span = (first.isoformat(), last.isoformat())
    figures = {
        "month_ms": median_ms(lambda: agenda.month_counts(db, first, last)),
        "month_ref_ms": median_ms(lambda: raw.execute(month_sql.format(""), span).fetchall()),
        "my_month_ms": median_ms(lambda: agenda.month_counts(db, first, last, mine)),
        "my_month_ref_ms": median_ms(
            lambda: raw.execute(month_sql.format("AND assignee_id = ?"), (*span, hexed)).fetchall()
        ),
        "agenda_ms": median_ms(lambda: agenda.day_agenda(db, day, mine)),
        "agenda_ref_ms": median_ms(
            lambda: raw.execute(agenda_sql, (day.isoformat(), hexed)).fetchall()
        ),
        "agenda_rows": len(agenda.day_agenda(db, day, mine)),
        "reminder_ms": median_ms(lambda: agenda.coming_due(db, user, now)),
        "reminder_ref_ms": median_ms(
            lambda: raw.execute(
                "SELECT id FROM follow_up WHERE status = 'planned' AND deleted_at IS NULL AND "
                "due_on = ? AND assignee_id = ? AND due_at_time IS NOT NULL AND due_at_time <= ? "
                "ORDER BY due_at_time LIMIT 50",
                (today.isoformat(), hexed, "10:15:00"),
            ).fetchall()
        ),
        "badge_ms": median_ms(lambda: agenda.badge_count(db, mine)),
        "badge_ref_ms": median_ms(
            lambda: raw.execute(
                "SELECT count(*) FROM follow_up WHERE status = 'planned' AND deleted_at IS NULL "
                "AND due_on <= ? AND assignee_id = ?",
                (today.isoformat(), hexed),
            ).fetchall()
        ),
        "timeline_ms": median_ms(lambda: list_interactions(db, heavy)),
        "timeline_ref_ms": median_ms(
            lambda: raw.execute(
                "SELECT i.*, u.display_name FROM interaction i LEFT JOIN app_user u ON "
                "u.id = i.user_id WHERE i.customer_id = ? AND i.deleted_at IS NULL "
                "ORDER BY i.occurred_at DESC, i.id DESC LIMIT 1000",
                (heavy.hex,),
            ).fetchall()
        ),
    }
    with db.read() as session:
        from sqlalchemy import func

        from camdesk.models import FollowUp, Interaction

        figures["follow_ups"] = session.scalar(select(func.count()).select_from(FollowUp)) or 0
        figures["interactions"] = session.scalar(select(func.count()).select_from(Interaction)) or 0
    raw.close()
    db.close()
    return figures


def plan_figures(path: Path, folder: Path) -> dict[str, float]:
    from camdesk.db import open_database
    from camdesk.services.core.users import local_actor
    from camdesk.services.followups.cadence import plan_follow_ups

    reference, ours = folder / "followups-plan-ref.db", folder / "followups-plan.db"
    shutil.copyfile(path, reference)
    raw = sqlite3.connect(reference)
    raw.execute("DELETE FROM follow_up WHERE status = 'planned'")
    raw.commit()
    raw.close()
    shutil.copyfile(reference, ours)
    raw = sqlite3.connect(reference)
    started = time.perf_counter()  # the floor: the same due days computed in one statement
    raw.execute(
        "INSERT INTO follow_up (id, customer_id, assignee_id, kind, status, due_on, origin, "
        "origin_key, created_at, updated_at, version) "
        "SELECT lower(hex(randomblob(16))), c.id, c.owner_id, 'return', 'planned', d.due, "
        "'cadence', 'cadence:' || d.due, datetime('now'), datetime('now'), 1 FROM customer c "
        "JOIN (SELECT c2.id AS cid, max(date('now'), date(coalesce(c2.last_contact_at, "
        "c2.created_at), '+' || CASE v.tier WHEN 'high' THEN 30 WHEN 'mid' THEN 90 ELSE 180 "
        "END || ' days')) AS due FROM customer c2 LEFT JOIN customer_value v "
        "ON v.customer_id = c2.id) d ON d.cid = c.id WHERE c.deleted_at IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM follow_up f WHERE f.customer_id = c.id "
        "AND f.status = 'planned' AND f.deleted_at IS NULL)")  # fmt: skip
    raw.commit()
    plan_ref_s = time.perf_counter() - started
    raw.close()
    db = open_database(ours, create=False)
    actor = local_actor(db)
    seen: list[int] = []
    started = time.perf_counter()
    summary = plan_follow_ups(db, actor, progress=lambda done, total: seen.append(done)).value
    plan_s = time.perf_counter() - started
    started = time.perf_counter()
    again = plan_follow_ups(db, actor).value
    replan_s = time.perf_counter() - started
    db.close()
    reference.unlink()
    ours.unlink()
    return {"plan_s": plan_s, "plan_ref_s": plan_ref_s, "planned": summary.planned,
            "replan_s": replan_s, "replanned": again.planned,
            "progress_steps": len(seen)}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--dir", type=Path, default=Path.home() / ".cache" / "camdesk-bench")
    parser.add_argument("--skip-plan", action="store_true", help="only the calendar reads")
    args = parser.parse_args()
    path = ensure_db(args.dir, args.customers)
    figures: dict[str, Any] = {"customers": args.customers}
    figures |= calendar_figures(path)
    if not args.skip_plan:
        figures |= plan_figures(path, args.dir)
    for key, value in figures.items():
        print(f"{key:>18}: {value:,.1f}" if isinstance(value, float) else f"{key:>18}: {value:,}")
    ratios = {k.removesuffix("_ms") + "_ratio": figures[k] / max(figures[k.replace("_ms", "_ref_ms")], 0.001)
              for k in figures if k.endswith("_ms") and not k.endswith("_ref_ms")}  # fmt: skip
    if "plan_s" in figures:
        ratios["plan_ratio"] = figures["plan_s"] / max(figures["plan_ref_s"], 0.001)
    for key, value in ratios.items():
        print(f"{key:>18}: {value:.2f}x")
    print(json.dumps({"benchmark": "followups", **figures,
                      **{k: round(v, 2) for k, v in ratios.items()}}))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
