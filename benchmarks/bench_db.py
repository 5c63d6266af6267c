"""What the benchmarks share: a median timing, and a demo database built once and kept."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def median_ms(run: Callable[[], Any], repeats: int) -> float:
    """The median of ``repeats`` runs in milliseconds, after one run that warms the caches
    and the statement compiler."""
    run()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def built_once(path: Path, customers: int, *, before_analyze: Callable[[Path], None] | None = None,
               after_analyze: Callable[[Path], None] | None = None) -> Path:  # fmt: skip
    """``path``, built the first time as a demo of ``customers`` customers and as many orders
    (seed 7) with its value measures computed; a half-built file is never left as ``path``."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".building")
    partial.unlink(missing_ok=True)
    print(f"building {path} (once) ...", flush=True)
    camdesk = [sys.executable, "-m", "camdesk"]
    subprocess.run([*camdesk, "demo", "--db", str(partial), "--customers", str(customers),
                    "--orders", str(customers), "--seed", "7"], check=True)  # fmt: skip
    if before_analyze is not None:
        before_analyze(partial)
    subprocess.run([*camdesk, "analyze", "--db", str(partial)], check=True)
    if after_analyze is not None:
        after_analyze(partial)
    partial.rename(path)
    return path
