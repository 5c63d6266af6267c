#!/usr/bin/env python3
"""Trends dashboard benchmark on the 1,000,000-customer demo database.

    .venv/bin/python benchmarks/dashboard.py [--customers N] [--feedback F] [--responses R]

Builds (once, in DIR, default ~/.cache/camdesk-bench) a demo database of N customers and
N orders with its value measures (the stage history the churn charts read) and the demo's
own feedback and answers, then adds more up to F feedback items (default 300,000) and R
survey responses (default 500,000) spread over the last three years, and a churn reason
for a tenth of the churned. Then, for the last twelve
months, times each chart's figures as the screen reads them (``*_ms``: the service, SQL
aggregates through SQLAlchemy, plus what turns them into months) beside the bare SQL
aggregate of the same figures run with sqlite3 in the same run (``*_ref_ms``):

- ``churn``: active at each month's start, new and churned customers;
- ``scores``: NPS and CSAT per month with their counts;
- ``feedback``: items received, resolved, median hours to resolve, breaches per month;
- ``categories``: items and median hours per category; ``reasons``: churn reasons;
- ``standing``: customers and revenue per value tier, and the revenue Pareto curve.

The goal is at most 1,500 ms per chart (500 ms hoped for). Timings are medians over
repeats. Prints the figures, then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import bench_db  # benchmarks/bench_db.py, beside this script

REPEATS = 5
CHUNK = 50_000


def median_ms(run: Callable[[], Any], repeats: int = REPEATS) -> float:
    return bench_db.median_ms(run, repeats)


def ensure_db(folder: Path, customers: int, feedback: int, responses: int) -> Path:
    path = folder / f"dashboard-{customers}-{feedback}-{responses}.db"
    return bench_db.built_once(path, customers,
                               after_analyze=lambda p: _after_sales(p, feedback, responses))  # fmt: skip


def _after_sales(path: Path, feedback: int, responses: int) -> None:
    """Feedback, responses and churn reasons in bulk (the shapes the app writes)."""
    from sqlalchemy import select

    from camdesk.db import open_database
    from camdesk.models import (
        ChurnReason,
        CustomerValue,
        Feedback,
        FeedbackKind,
        FeedbackStatus,
        Severity,
        Survey,
        SurveyResponse,
        new_id,
    )
    from camdesk.services.core.bulk import insert_columns
    from camdesk.services.feedback import scores

    rng = random.Random(11)
    now = datetime.now(UTC)
    raw = sqlite3.connect(path)  # the demo made some already: add up to the counts asked
    had_feedback, had_responses, top = raw.execute(
        "SELECT (SELECT count(*) FROM feedback), (SELECT count(*) FROM survey_response), "
        "(SELECT coalesce(max(number), 0) FROM feedback)").fetchone()  # fmt: skip
    raw.close()
    feedback, responses = max(0, feedback - had_feedback), max(0, responses - had_responses)
    span = 3 * 365 * 24  # hours of history
    db = open_database(path, create=False)
    with db.write(bulk=True) as session:
        ids = session.scalars(select(CustomerValue.customer_id)).all()
        churned = session.scalars(select(CustomerValue.customer_id)
                                  .where(CustomerValue.stage == "churned")).all()  # fmt: skip
        survey = Survey(id=new_id(), name="售后回访", asks_csat=True, asks_nps=True,
                        questions="[]", active=True)  # fmt: skip
        session.add(survey)
        session.flush()
        conn = session.connection()
        categories = ("quality", "delivery", "price", "service", "other")
        for start in range(0, feedback, CHUNK):
            n = min(CHUNK, feedback - start)
            received = [now - timedelta(hours=rng.randint(1, span)) for _ in range(n)]
            hours = [rng.expovariate(1 / 30) if rng.random() < 0.93 else None for _ in range(n)]
            resolved = [at + timedelta(hours=h) if h is not None and at + timedelta(hours=h) < now
                        else None for at, h in zip(received, hours, strict=True)]  # fmt: skip
            insert_columns(conn, Feedback, {
                "id": [new_id() for _ in range(n)],
                "number": list(range(top + start + 1, top + start + n + 1)),
                "customer_id": [rng.choice(ids) for _ in range(n)],
                "kind": [rng.choices(list(FeedbackKind), (6, 2, 1, 3))[0] for _ in range(n)],
                "category": [rng.choices(categories, (5, 8, 3, 2, 1))[0] for _ in range(n)],
                "severity": [rng.choices(list(Severity), (1, 3, 10, 2))[0] for _ in range(n)],
                "description": ["…"] * n,
                "status": [FeedbackStatus.CLOSED if r else FeedbackStatus.IN_PROGRESS
                           for r in resolved],
                "received_at": received, "due_at": [at + timedelta(hours=72) for at in received],
                "resolved_at": resolved, "reopened": [0] * n,
                "created_at": received, "updated_at": [now] * n, "version": [1] * n,
            })  # fmt: skip
        touched: set[Any] = set()
        for start in range(0, responses, CHUNK):
            n = min(CHUNK, responses - start)
            nps = rng.choices(range(11), (1, 1, 1, 1, 2, 2, 3, 6, 9, 14, 12), k=n)
            who = [rng.choice(ids) for _ in range(n)]
            touched.update(who)
            insert_columns(conn, SurveyResponse, {
                "id": [new_id() for _ in range(n)], "survey_id": [survey.id] * n,
                "customer_id": who,
                "answered_at": [now - timedelta(hours=rng.randint(1, span)) for _ in range(n)],
                "nps": nps, "csat": [max(1, min(5, round(v / 2.2) + rng.randint(-1, 1)))
                                     for v in nps],
                "source": ["import"] * n, "created_at": [now] * n, "updated_at": [now] * n,
                "version": [1] * n,
            })  # fmt: skip
        scores.refresh(session, touched)
        reasons = ("price", "quality", "service", "competitor", "moved", "no_need", "other")
        leaving = rng.sample(churned, len(churned) // 10)
        insert_columns(conn, ChurnReason, {
            "id": [new_id() for _ in leaving], "customer_id": leaving,
            "reason": [rng.choices(reasons, (6, 3, 2, 5, 1, 2, 1))[0] for _ in leaving],
            "on": [(now - timedelta(days=rng.randint(1, 1000))).date() for _ in leaving],
            "source": ["stage"] * len(leaving), "created_at": [now] * len(leaving),
            "updated_at": [now] * len(leaving), "version": [1] * len(leaving),
        })  # fmt: skip
    db.analyze()
    db.close()


REF = {
    "churn": [
        "SELECT strftime('%Y-%m', first_order), count(*) FROM customer_value "
        "WHERE first_order IS NOT NULL GROUP BY 1",
        "SELECT strftime('%Y-%m', \"on\"), sum(new = 'churned'), sum(old = 'churned') "
        "FROM value_change WHERE measure = 'stage' AND (new = 'churned' OR old = 'churned') "
        "GROUP BY 1",
    ],
    "scores": [
        "SELECT strftime('%Y-%m', answered_at), count(nps), sum(nps >= 9), sum(nps <= 6), "
        "count(csat), avg(csat) FROM survey_response WHERE deleted_at IS NULL "
        "AND answered_at >= :lo AND answered_at < :hi GROUP BY 1",
    ],
    "feedback": [
        "SELECT strftime('%Y-%m', received_at), count(*) FROM feedback WHERE deleted_at IS NULL "
        "AND received_at >= :lo AND received_at < :hi GROUP BY 1",
        "SELECT g, count(*), avg(CASE WHEN rn IN ((n + 1) / 2, (n + 2) / 2) THEN v END) FROM ("
        " SELECT g, v, row_number() OVER (PARTITION BY g ORDER BY v) rn,"
        " count(*) OVER (PARTITION BY g) n FROM (SELECT strftime('%Y-%m', resolved_at) g,"
        " (julianday(resolved_at) - julianday(received_at)) * 24 v FROM feedback"
        " WHERE deleted_at IS NULL AND resolved_at >= :lo AND resolved_at < :hi)) GROUP BY g",
        "SELECT strftime('%Y-%m', due_at), count(*) FROM feedback WHERE deleted_at IS NULL "
        "AND due_at >= :lo AND due_at < :hi AND (resolved_at > due_at OR (resolved_at IS NULL "
        "AND due_at < :now AND status IN ('new', 'assigned', 'in_progress'))) GROUP BY 1",
    ],
    "categories": [
        "SELECT category, count(*) FROM feedback WHERE deleted_at IS NULL "
        "AND received_at >= :lo AND received_at < :hi GROUP BY 1",
        "SELECT g, avg(v) FROM (SELECT g, v, row_number() OVER (PARTITION BY g ORDER BY v) rn,"
        " count(*) OVER (PARTITION BY g) n FROM (SELECT coalesce(category, '') g,"
        " (julianday(resolved_at) - julianday(received_at)) * 24 v FROM feedback"
        " WHERE deleted_at IS NULL AND received_at >= :lo AND received_at < :hi"
        " AND resolved_at IS NOT NULL)) WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY g",
    ],
    "reasons": [
        "SELECT reason, count(*) FROM churn_reason WHERE deleted_at IS NULL "
        'AND "on" >= :day_lo AND "on" <= :day_hi GROUP BY 1',
    ],
    "standing": [  # tiers, and the revenue the Pareto curve is drawn from (sorted here)
        "SELECT tier, count(*), sum(revenue) FROM customer_value GROUP BY tier",
        "SELECT revenue FROM customer_value WHERE revenue > 0 ORDER BY revenue DESC",
    ],
}


def figures(path: Path) -> dict[str, Any]:
    from camdesk.db import open_database
    from camdesk.services.trends.report import build_trends, last_months

    start, end = last_months(date.today())
    lo = datetime.combine(start, datetime.min.time()).astimezone().astimezone(UTC)
    hi = datetime.now(UTC) + timedelta(days=31)
    stamp = "%Y-%m-%d %H:%M:%S.%f"
    params = {"lo": lo.strftime(stamp), "hi": hi.strftime(stamp),
              "now": datetime.now(UTC).strftime(stamp), "day_lo": start.isoformat(),
              "day_hi": end.isoformat()}  # fmt: skip
    db = open_database(path, create=False)
    raw = sqlite3.connect(path)
    found: dict[str, Any] = {}
    for part, statements in REF.items():
        found[f"{part}_ms"] = median_ms(lambda part=part: build_trends(db, start, end,
                                                                       parts=(part,)))  # fmt: skip
        found[f"{part}_ref_ms"] = median_ms(
            lambda statements=statements: [raw.execute(s, params).fetchall() for s in statements]
        )
    found["all_ms"] = median_ms(lambda: build_trends(db, start, end), repeats=3)
    counts = raw.execute("SELECT (SELECT count(*) FROM feedback), "
                         "(SELECT count(*) FROM survey_response)").fetchone()  # fmt: skip
    found["feedback_items"], found["responses"] = counts
    db.close()
    return found


def _note(shown: dict[str, float], part: str) -> None:
    shown.setdefault(part, time.perf_counter())


def on_screen(path: Path) -> dict[str, Any]:
    """The Trends screen itself (offscreen): from asking for the figures to each chart
    drawn (``shown_<part>_ms``, the chart in view first, two read at a time) and to all."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from camdesk.db import open_database
    from camdesk.services.core.users import local_actor
    from camdesk.views.events import AppEvents
    from camdesk.views.trends.page import TrendsPage

    app = QApplication.instance() or QApplication([])
    db = open_database(path, create=False)
    page = TrendsPage(db=db, actor=local_actor(db), events=AppEvents())
    page.resize(1200, 800)
    found: dict[str, Any] = {}

    def wait_loaded() -> None:
        loop = QEventLoop()
        page.loaded.connect(loop.quit)
        QTimer.singleShot(120_000, loop.quit)
        loop.exec()
        page.loaded.disconnect(loop.quit)

    page.show()  # the first reading, which also loads the charts' libraries
    wait_loaded()
    runs: list[dict[str, float]] = []
    for _ in range(REPEATS):
        started, shown = time.perf_counter(), {}
        page.part_shown.connect(partial(_note, shown))
        page.reload()
        wait_loaded()
        page.part_shown.disconnect()
        runs.append(
            {part: (at - started) * 1000 for part, at in shown.items()}
            | {"all": (time.perf_counter() - started) * 1000}
        )
    for key in runs[0]:
        found[f"shown_{key}_ms"] = statistics.median(r[key] for r in runs)
    page.close()
    app.processEvents()
    db.close()
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--feedback", type=int, default=300_000)
    parser.add_argument("--responses", type=int, default=500_000)
    parser.add_argument("--dir", type=Path, default=Path.home() / ".cache" / "camdesk-bench")
    args = parser.parse_args()
    path = ensure_db(args.dir, args.customers, args.feedback, args.responses)
    found: dict[str, Any] = {"customers": args.customers} | figures(path) | on_screen(path)
    for key, value in found.items():
        print(f"{key:>18}: {value:,.1f}" if isinstance(value, float) else f"{key:>18}: {value:,}")
    ratios = {k.removesuffix("_ms") + "_ratio": found[k] / max(found[f"{k[:-3]}_ref_ms"], 0.001)
              for k in found if k.endswith("_ms") and f"{k[:-3]}_ref_ms" in found}  # fmt: skip
    for key, value in ratios.items():
        print(f"{key:>18}: {value:.2f}x")
    slowest = max(found[f"{part}_ms"] for part in REF)
    print(f"{'slowest chart':>18}: {slowest:,.0f} ms (goal at most 1,500 ms)")
    print(
        f"{'first chart shown':>18}: {found['shown_churn_ms']:,.0f} ms, "
        f"all shown {found['shown_all_ms']:,.0f} ms"
    )
    print(json.dumps({"benchmark": "dashboard", **{k: round(v, 1) if isinstance(v, float) else v
                                                    for k, v in found.items()},
                      **{k: round(v, 2) for k, v in ratios.items()},
                      "slowest_ms": round(slowest, 1)}))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
