#!/usr/bin/env python3
"""Value analytics benchmark: a full recompute beside plain pandas, the CLV fit beside lifetimes.

    .venv/bin/python benchmarks/analytics.py [--customers N] [--orders N] [--dir DIR]

Builds (once, in DIR, default ~/.cache/camdesk-bench) a demo database of N
customers and N orders, then measures in this run:

- ``recompute_s``: camdesk's full recompute (every live order aggregated again,
  RFM, ABC, P(alive) and CLV, tiers, stages, storing what changed), run on a copy:
  first on an empty value table (every row written, the CLV models fitted), then
  as of the next day (recency moves for everyone); the figure is the second, the
  steady state, which keeps the first run's CLV fit as every recompute within a
  week does (see value_settings.REFIT_DAYS);
- ``refit_recompute_s``: a third run as of the day after, fitting the CLV models
  again (``refit=True``: what a weekly recompute costs);
- ``pandas_s``: reading the same orders with pandas and computing the same RFM
  (days with an order, recency, revenue, quintile scores) with a groupby (the reference);
- ``clv_fit_s``: camdesk's BG/NBD + Gamma-Gamma fit on those customers;
- ``reference_fit_s``: lifetimes' BetaGeoFitter + GammaGammaFitter on the same data.
Prints the figures, then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path


def ensure_db(folder: Path, customers: int, orders: int) -> Path:
    path = folder / f"analytics-{customers}-{orders}.db"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    print(f"building {path} (once) ...", flush=True)
    partial = path.with_suffix(".building")
    partial.unlink(missing_ok=True)
    subprocess.run([sys.executable, "-m", "camdesk", "demo", "--db", str(partial), "--customers",
                    str(customers), "--orders", str(orders), "--seed", "5"],
                   check=True, capture_output=True)  # fmt: skip
    partial.rename(path)
    return path


def timed_recompute(path: Path, as_of: date) -> tuple[float, float, float, int, int]:
    from camdesk.db import open_database
    from camdesk.services.value.recompute import recompute

    db = open_database(path, create=False)
    started = time.perf_counter()
    first = recompute(db, as_of=as_of)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    second = recompute(db, as_of=as_of + timedelta(days=1))
    steady = time.perf_counter() - started
    started = time.perf_counter()
    recompute(db, as_of=as_of + timedelta(days=2), refit=True)
    refit = time.perf_counter() - started
    db.close()
    return cold, steady, refit, first.customers, second.orders


def pandas_rfm(path: Path, as_of: date) -> float:
    import pandas as pd

    started = time.perf_counter()
    conn = sqlite3.connect(path)
    orders = pd.read_sql_query(
        "SELECT customer_id, ordered_on, amount FROM orders WHERE deleted_at IS NULL "
        "AND ordered_on <= ?", conn, params=(as_of.isoformat(),), parse_dates=["ordered_on"])  # fmt: skip
    conn.close()
    grouped = orders.groupby("customer_id").agg(
        days=("ordered_on", "nunique"), last=("ordered_on", "max"), revenue=("amount", "sum")
    )
    grouped["recency"] = (pd.Timestamp(as_of) - grouped["last"]).dt.days
    for column in ("recency", "days", "revenue"):
        ranked = grouped[column].rank(method="min", ascending=column == "recency")
        grouped[column + "_score"] = 1 + ((ranked - 1) * 5 // len(grouped)).astype(int)
    assert len(grouped)
    return time.perf_counter() - started


def fits(path: Path, as_of: date) -> tuple[float, float]:
    import numpy as np
    import pandas as pd
    from lifetimes import BetaGeoFitter, GammaGammaFitter

    from camdesk.db import open_database
    from camdesk.services.value.clv import fit_bgnbd, fit_gamma_gamma
    from camdesk.services.value.facts import read_facts
    from camdesk.services.value.recompute import _clv_inputs

    db = open_database(path, create=False)
    with db.read() as session:
        facts = read_facts(session, as_of)
    db.close()
    _, x, t_x, t, m = _clv_inputs(facts, as_of)
    started = time.perf_counter()
    fit_bgnbd(x, t_x, t)
    fit_gamma_gamma(x, m)
    ours = time.perf_counter() - started
    repeat = (x > 0) & (m > 0)
    started = time.perf_counter()
    BetaGeoFitter().fit(x, t_x, t)
    GammaGammaFitter().fit(pd.Series(x[repeat]), pd.Series(np.asarray(m)[repeat]))
    return ours, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--dir", type=Path, default=Path.home() / ".cache" / "camdesk-bench")
    args = parser.parse_args()
    source = ensure_db(args.dir, args.customers, args.orders)
    work = args.dir / "analytics-work.db"
    shutil.copyfile(source, work)
    as_of = date.today() - timedelta(days=2)  # then the next two days, none yet to come
    cold, steady, refit, customers, orders = timed_recompute(work, as_of)
    work.unlink()
    reference = min(pandas_rfm(source, as_of) for _ in range(2))
    ours, theirs = fits(source, as_of)
    print(f"customers / orders:   {customers:,} / {orders:,}")
    print(f"full recompute:       {steady:.2f} s   (first run, every row written: {cold:.2f} s; "
          f"with a CLV refit: {refit:.2f} s)")  # fmt: skip
    print(f"pandas RFM groupby:   {reference:.2f} s   (recompute is {steady / reference:.1f}x)")
    print(f"CLV fit (BG/NBD+GG):  {ours:.2f} s   (lifetimes on the same data: {theirs:.2f} s; "
          f"ours takes {ours / theirs:.1f}x as long)")  # fmt: skip
    print(json.dumps({
        "benchmark": "analytics", "customers": customers, "orders": orders,
        "recompute_s": round(steady, 2), "first_recompute_s": round(cold, 2),
        "refit_recompute_s": round(refit, 2),
        "pandas_s": round(reference, 2), "clv_fit_s": round(ours, 2),
        "reference_fit_s": round(theirs, 2),
    }))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
