#!/usr/bin/env python3
"""Customer-list benchmark on a 1,000,000-customer demo database.

    .venv/bin/python benchmarks/customers.py [--customers N] [--dir DIR]

Builds the demo database once (kept in DIR, default ~/.cache/camdesk-bench, outside the
repository) and measures, each beside a reference taken in the same run:

- cold start: a fresh process until the first page of the customer list is painted, beside a
  bare PySide6 window with a QTableView (``bare_qt_start_s``); and until the database is
  open and the list counted (``ready_s``: the first page is read before the ORM loads);
- jump to row 900,000 (once the list has settled) and sort by name, in the real main window;
- sorting by predicted value (CLV) and jumping to the middle and the end of that order
  (``clv_ms``, the slowest; run ``camdesk analyze`` on the file first to give it values);
- search (count and first page) p95 per query kind, beside a plain sqlite3 LIKE scan over the
  same columns (``like_scan_p95_ms``);
- peak memory of the process with the list open.

With ``--searchable N`` it measures a copy of the file (built once) where a searchable
choice field, 会员卡 (钻石会员, 金卡会员, 银卡会员, 普通会员), is held by N customers and
their search keys hold it; the search then also measures ``custom`` queries (the
values' first two characters, and their pinyin).

Prints the figures, then one JSON line.  Timings are medians over repeats; the machine is
shared, so compare ratios rather than absolute values.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEATS = 5


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


# ------------------------------------------------------------------ children (own processes)


def child_bare(start: float) -> None:
    """A bare PySide6 window with a QTableView of 100 rows, until first paint."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication([])
    model = QStandardItemModel(100, 8)
    for row in range(100):
        for column in range(8):
            model.setItem(row, column, QStandardItem(f"{row}:{column}"))
    view = QTableView()
    view.setModel(model)
    view.resize(1200, 700)

    class Painted(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(json.dumps({"start_s": time.time() - start}), flush=True)
                app.quit()
            return False

    watcher = Painted()
    view.viewport().installEventFilter(watcher)
    view.show()
    app.exec()


def child_app(start: float, db_path: str, measure: bool) -> None:
    """The real app until the list's first page is painted; then jumps and sorts."""
    # isort: off
    from camdesk.app import Controller, create_application  # first, as the real start does
    from camdesk.views import i18n
    from camdesk.views.settings import Settings

    from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, Qt
    from PySide6.QtWidgets import QAbstractItemView

    # isort: on

    app = create_application()
    settings = Settings(
        QSettings(str(Path(db_path).with_suffix(".ini")), QSettings.Format.IniFormat)
    )
    i18n.install("zh_CN")
    controller = Controller(settings=settings)
    controller.open(db_path, create=False)
    window = controller.window
    assert window is not None
    window.resize(1280, 760)
    view = window.customers.view
    model = window.customers.model
    last_paint = [0.0]
    first = {}

    class Painted(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                last_paint[0] = time.perf_counter()
                if model.rowCount() > 0 and "start" not in first and model.is_loaded(0):
                    first["start"] = time.time() - start
            return False

    watcher = Painted()
    view.viewport().installEventFilter(watcher)

    def spin_until(condition, timeout: float = 30.0) -> None:
        deadline = time.perf_counter() + timeout
        while not condition():
            if time.perf_counter() > deadline:
                raise TimeoutError
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

    spin_until(lambda: "start" in first)
    spin_until(lambda: model._loaded)  # the database is open and the count is in
    result: dict[str, float] = {
        "start_s": first["start"], "ready_s": time.time() - start, "rows": model.rowCount()
    }  # fmt: skip
    if measure:
        # Jumps are measured once the list has settled: it learns where every page starts
        # in the background within a second of opening (see CustomerTableModel).
        spin_until(lambda: model._anchors is not None)
        jumps = []
        for target in [900_000, 450_123, 899_000, 123_456, 700_001][:REPEATS]:
            target = min(target, model.rowCount() - 1)
            t0 = time.perf_counter()
            view.scrollTo(model.index(target, 0), QAbstractItemView.ScrollHint.PositionAtTop)
            spin_until(lambda t=target, s=t0: model.is_loaded(t) and last_paint[0] > s)
            jumps.append((last_paint[0] - t0) * 1000)
            view.scrollToTop()
            spin_until(lambda: model.is_loaded(0))
        sorts = []
        for order in [Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder] * 3:
            t0 = time.perf_counter()
            before = model.query
            view.sortByColumn(0, order)
            spin_until(lambda b=before, s=t0: model.query is not b and last_paint[0] > s)
            sorts.append((last_paint[0] - t0) * 1000)
        # By predicted value (pages read from the value index; the file needs values,
        # e.g. from `camdesk analyze`): the sort, then jumps down the sorted list.
        clv = next(n for n, c in enumerate(model.columns) if c.key == "clv")
        by_value = []
        for order in [Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder] * 2:
            t0 = time.perf_counter()
            before = model.query
            view.sortByColumn(clv, order)
            spin_until(lambda b=before, s=t0: model.query is not b and last_paint[0] > s)
            by_value.append((last_paint[0] - t0) * 1000)
            spin_until(lambda: model.counted)
            for target in (model.rowCount() // 2, model.rowCount() - 5):
                t0 = time.perf_counter()
                view.scrollTo(model.index(target, 0), QAbstractItemView.ScrollHint.PositionAtTop)
                spin_until(lambda t=target, s=t0: model.is_loaded(t) and last_paint[0] > s)
                by_value.append((last_paint[0] - t0) * 1000)
        before = model.query
        view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # as the next run expects to start
        spin_until(lambda b=before: model.query is not b and model.is_loaded(0))
        result.update(
            jump_ms=statistics.median(jumps),
            sort_ms=statistics.median(sorts),
            clv_ms=max(by_value),
            peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        )
    print(json.dumps(result), flush=True)
    window.close()
    controller.shutdown()


def run_child(*args: str) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.time()
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args, repr(started)],
        capture_output=True, text=True, env=env, check=True, timeout=600,
    ).stdout  # fmt: skip
    return json.loads(out.strip().splitlines()[-1])


# ------------------------------------------------------------------ search


def sample_queries(path: Path, count: int = 40) -> dict[str, list[str]]:
    from pypinyin import Style, lazy_pinyin

    from camdesk.services.customers.search import SURNAME_READINGS

    rng = random.Random(11)
    conn = sqlite3.connect(path)
    top = conn.execute("SELECT max(rowid) FROM customer").fetchone()[0]
    picked = sorted(rng.sample(range(1, top + 1), min(3000, top)))  # the same sample every run
    rows = conn.execute(
        "SELECT name, mobile, email FROM customer WHERE kind = 'person' AND deleted_at IS NULL "
        f"AND rowid IN ({', '.join(map(str, picked))}) ORDER BY rowid"
    ).fetchall()
    conn.close()
    chinese = [n for n, _, _ in rows if re.fullmatch(r"[\u4e00-\u9fff]{2,3}", n)]

    def syllables(name: str) -> list[str]:
        found = lazy_pinyin(name, style=Style.NORMAL)
        found[0] = SURNAME_READINGS.get(name[0], found[0])
        return found

    names2 = [n[:2] if len(n) == 2 else n[1:] if rng.random() < 0.3 else n[:2] for n in chinese]
    three = [n for n in chinese if len(n) == 3]
    return {
        "name2": rng.sample(names2, count),
        "initials": ["".join(s[0] for s in syllables(n)) for n in rng.sample(three, count)],
        "pinyin": ["".join(syllables(n)) for n in rng.sample(chinese, count)],
        "phone4": [m[3 + (i := rng.randrange(4)) + 3 : 3 + i + 7] for _, m, _ in rows if m][:count],
        "email": [e.split("@")[0][:6] for _, _, e in rows if e][:count],
    }


def measure_search(path: Path, queries: dict[str, list[str]]) -> tuple[dict[str, float], float]:
    from camdesk.db import open_database
    from camdesk.services.lists.page import ListQuery, count_customers, fetch_page

    db = open_database(path, create=False)
    found: dict[str, float] = {}
    for kind, texts in queries.items():
        times = []
        for text in texts:
            query = ListQuery(search=text)
            t0 = time.perf_counter()
            count_customers(db, query)
            fetch_page(db, query, 0, 100)
            times.append((time.perf_counter() - t0) * 1000)
        found[kind] = p95(times)
    db.close()

    conn = sqlite3.connect(path)
    like = []
    where = "(name LIKE ?1 OR mobile LIKE ?1 OR phone LIKE ?1 OR email LIKE ?1 OR company_name LIKE ?1 OR code LIKE ?1) AND deleted_at IS NULL"
    for texts in queries.values():
        for text in texts[:10]:
            pattern = f"%{text}%"
            t0 = time.perf_counter()
            conn.execute(f"SELECT count(*) FROM customer WHERE {where}", (pattern,)).fetchone()
            conn.execute(
                f"SELECT id, name FROM customer WHERE {where} ORDER BY sort_key LIMIT 100",
                (pattern,),
            ).fetchall()
            like.append((time.perf_counter() - t0) * 1000)
    conn.close()
    return found, p95(like)


CARDS = ("钻石会员", "金卡会员", "银卡会员", "普通会员")


def ensure_field_copy(path: Path, holders: int) -> Path:
    """A copy of ``path`` where ``holders`` customers hold the searchable field 会员卡,
    made as the app makes it: the field defined in the app, the values stored, then the
    holders' search keys refreshed by :func:`reindex_field` (built once)."""
    import shutil

    from camdesk.db import open_database
    from camdesk.services.core.users import local_actor
    from camdesk.services.customers.field_settings import FieldDraft, add_field, reindex_field

    copy = path.with_name(f"{path.stem}-field-{holders}.db")
    if copy.exists():
        return copy
    print(f"building {copy} (once) ...", flush=True)
    partial = copy.with_suffix(".building")
    shutil.copyfile(path, partial)
    db = open_database(partial, create=False)
    field = add_field(db, local_actor(db), FieldDraft("会员卡", "choice", CARDS, searchable=True,
                                                      show_in_list=True)).value.field  # fmt: skip
    db.close()
    conn = sqlite3.connect(partial)
    top = conn.execute("SELECT max(rowid) FROM customer").fetchone()[0]
    rng = random.Random(5)
    picked = rng.sample(range(1, top + 1), holders)
    conn.executemany(
        "INSERT INTO custom_value (customer_id, field_id, value_text) "
        "SELECT id, ?, ? FROM customer WHERE rowid = ? AND deleted_at IS NULL",
        ((field.id.hex, rng.choice(CARDS), rowid) for rowid in picked),
    )  # fmt: skip
    conn.commit()
    conn.close()
    db = open_database(partial, create=False)
    started = time.perf_counter()
    reindex_field(db, field.id)
    print(f"search keys of {holders:,} holders refreshed in {time.perf_counter() - started:.1f} s")
    db.close()
    partial.rename(copy)
    return copy


# ------------------------------------------------------------------ main


def ensure_database(folder: Path, customers: int) -> Path:
    path = folder / f"customers-{customers}.db"
    if path.exists():
        with sqlite3.connect(path) as conn:
            if not conn.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
            ).fetchone():
                conn.execute("ANALYZE")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        return path
    folder.mkdir(parents=True, exist_ok=True)
    print(f"building {path} (once) ...", flush=True)
    partial = path.with_suffix(".building")
    partial.unlink(missing_ok=True)
    subprocess.run(
        [sys.executable, "-m", "camdesk", "demo", "--db", str(partial), "--customers",
         str(customers), "--orders", str(customers), "--seed", "1", "--progress"],
        check=True,
    )  # fmt: skip
    with sqlite3.connect(partial) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    partial.rename(path)
    return path


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, *rest = sys.argv[2:]
        if kind == "bare":
            child_bare(float(rest[0]))
        else:
            child_app(float(rest[-1]), rest[0], kind == "measure")
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--dir", type=Path, default=Path.home() / ".cache" / "camdesk-bench")
    parser.add_argument("--searchable", type=int, default=0,
                        help="measure a copy where N customers hold a searchable field")  # fmt: skip
    args = parser.parse_args()
    os.environ.setdefault("CAMDESK_DATA_DIR", str(args.dir / "data"))
    path = ensure_database(args.dir, args.customers)
    if args.searchable:
        path = ensure_field_copy(path, args.searchable)
    # "Cold start" means a new process, not a disk that has never seen the file: read it
    # once so the operating system's cache holds it (this VM reclaims idle cache eagerly).
    with path.open("rb") as fh:
        while fh.read(1 << 24):
            pass

    bare = statistics.median(run_child("bare")["start_s"] for _ in range(REPEATS))
    starts = [run_child("start", str(path)) for _ in range(REPEATS)]
    cold = statistics.median(s["start_s"] for s in starts)
    ready = statistics.median(s["ready_s"] for s in starts)
    measured = run_child("measure", str(path))
    queries = sample_queries(path)
    if args.searchable:
        queries["custom"] = [c[:2] for c in CARDS] * 5 + ["zuanshi", "jinka", "yinka", "putong"]
    search, like = measure_search(path, queries)

    print(f"customers:            {measured['rows']:,.0f}")
    print(
        f"cold start to list:   {cold:.2f} s   (bare PySide6 table: {bare:.2f} s, {cold / bare:.1f}x)"
    )
    print(f"ready to work:        {ready:.2f} s   (database open, {measured['rows']:,.0f} counted)")
    print(f"jump to row 900,000:  {measured['jump_ms']:.1f} ms")
    print(f"sort by name:         {measured['sort_ms']:.1f} ms")
    print(f"by predicted value:   {measured['clv_ms']:.1f} ms   (slowest of sorting it and "
          "jumping to its middle and end)")  # fmt: skip
    for kind, value in search.items():
        print(f"search p95 {kind:<9} {value:7.1f} ms   ({like / value:.0f}x faster than LIKE scan)")
    print(f"LIKE scan p95:        {like:.1f} ms")
    print(f"peak memory:          {measured['peak_rss_mb']:.0f} MB")
    print(json.dumps({
        "benchmark": "customers", "customers": int(measured["rows"]),
        "cold_start_s": round(cold, 3), "bare_qt_start_s": round(bare, 3), "ready_s": round(ready, 3),
        "jump_ms": round(measured["jump_ms"], 1), "sort_ms": round(measured["sort_ms"], 1),
        "clv_ms": round(measured["clv_ms"], 1),
        "search_p95_ms": {k: round(v, 2) for k, v in search.items()},
        "like_scan_p95_ms": round(like, 1), "peak_rss_mb": round(measured["peak_rss_mb"], 1),
        "searchable_holders": args.searchable,
    }))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
