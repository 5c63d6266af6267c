"""Value analysis from the command line: ``camdesk analyze``."""

from __future__ import annotations

import argparse
import json
import time
from datetime import date
from typing import Any

from camdesk.cli.common import Add, UsageError, open_db


def add_commands(add: Add) -> None:
    analyze = add("analyze", cmd_analyze,
                  "recompute value tiers, lifecycle stages, RFM and CLV; print a summary")  # fmt: skip
    analyze.add_argument("--as-of", help="compute as of this date, YYYY-MM-DD (default: today)")
    analyze.add_argument("--json", action="store_true", help="one JSON object")


def cmd_analyze(args: argparse.Namespace) -> int:
    from camdesk.services.core.users import local_actor
    from camdesk.services.value.recompute import recompute
    from camdesk.services.value.settings import as_dict

    try:
        as_of = date.fromisoformat(args.as_of) if args.as_of else None
    except ValueError:
        raise UsageError(f"--as-of must be a date like 2024-03-05, not {args.as_of!r}") from None
    db = open_db(args)
    started = time.perf_counter()
    try:
        summary = recompute(db, local_actor(db), as_of=as_of)
    finally:
        db.close()
    elapsed = time.perf_counter() - started
    model: dict[str, Any] = as_dict(summary.model) if summary.model else {}
    if args.json:
        print(json.dumps({
            "as_of": summary.as_of.isoformat(), "customers": summary.customers,
            "orders": summary.orders, "changed": summary.changed,
            "tiers": dict(summary.tiers), "stages": dict(summary.stages),
            "segments": dict(summary.segments), "bgnbd": model.get("bgnbd"),
            "gamma_gamma": model.get("gamma_gamma"), "seconds": round(elapsed, 2),
        }, ensure_ascii=False))  # fmt: skip
        return 0
    print(f"as of {summary.as_of}: {summary.customers:,} customers, {summary.orders:,} orders "
          f"({summary.changed:,} changed) in {elapsed:.1f}s")  # fmt: skip
    for title, counts in (("tiers", summary.tiers), ("stages", summary.stages),
                          ("segments", summary.segments)):  # fmt: skip
        print(f"{title}:")
        for name, count in counts.most_common():
            print(f"  {name:<20} {count:>9,}")
    if model.get("bgnbd"):
        fit = model["bgnbd"]
        print(f"BG/NBD (weeks): r={fit['r']:.4g} alpha={fit['alpha']:.4g} a={fit['a']:.4g} "
              f"b={fit['b']:.4g}")  # fmt: skip
    else:
        print("BG/NBD: not fitted (too few repeat buyers)")
    if model.get("gamma_gamma"):
        fit = model["gamma_gamma"]
        print(f"Gamma-Gamma (yuan): p={fit['p']:.4g} q={fit['q']:.4g} v={fit['v']:.4g}")
    return 0
