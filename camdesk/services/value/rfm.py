"""RFM: recency, frequency and monetary value, scored 1-5 by quintile, and named segments.

For every customer with at least one order (as of a date):

* recency ``R``: days since the last order (fewer is better);
* frequency ``F``: days on which they ordered (several orders on one day count once);
* monetary ``M``: what they paid in all, in fen.

Scores: a customer scores ``1 + floor(5 * w / n)`` where ``n`` customers have
orders and ``w`` of them are strictly worse on that measure, so equal values
always share a score and the best fifth scores 5.  The same scores come from
four cut points per measure (a value scores ``1 +`` the number of cut points it
beats), which are kept so that a customer whose orders change can be scored
against the population of the last full recompute without redoing everyone.

Segments come from ``R`` and the rounded-up mean of ``F`` and ``M`` through the
grid in :data:`GRID`, the usual RFM segment map.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from camdesk.services.value.labels import (  # noqa: F401 - re-exported
    SEGMENT_CODES,
    SEGMENT_HINTS,
    SEGMENT_LABELS,
    Segment,
)

_S = Segment
# GRID[R - 1][FM - 1]: rows are the recency score, columns the F/M score.
GRID: tuple[tuple[Segment, ...], ...] = (
    (_S.LOST, _S.LOST, _S.HIBERNATING, _S.AT_RISK, _S.CANT_LOSE),  # R = 1
    (_S.HIBERNATING, _S.HIBERNATING, _S.AT_RISK, _S.AT_RISK, _S.CANT_LOSE),  # R = 2
    (_S.NEED_ATTENTION, _S.NEED_ATTENTION, _S.LOYAL, _S.LOYAL, _S.LOYAL),  # R = 3
    (_S.PROMISING, _S.POTENTIAL_LOYALIST, _S.LOYAL, _S.CHAMPIONS, _S.CHAMPIONS),  # R = 4
    (_S.NEW, _S.POTENTIAL_LOYALIST, _S.POTENTIAL_LOYALIST, _S.CHAMPIONS, _S.CHAMPIONS),  # R = 5
)


@dataclass(frozen=True)
class Cuts:
    """Four cut points per measure, oriented so that a bigger value is better.

    Recency cut points are stored negated (``-days``).
    """

    recency: tuple[float, ...]
    frequency: tuple[float, ...]
    monetary: tuple[float, ...]


def cut_points(better: ArrayLike) -> tuple[float, ...]:
    """The four values a score must beat to reach 2, 3, 4 and 5 (bigger is better)."""
    values = np.sort(np.asarray(better, dtype=np.float64))
    n = len(values)
    if n == 0:
        return (np.inf,) * 4
    # A value scores >= k when at least ceil((k - 1) n / 5) values are strictly worse.
    return tuple(float(values[-(-(k - 1) * n // 5) - 1]) for k in range(2, 6))


def score(better: ArrayLike, cuts: tuple[float, ...]) -> NDArray[np.int8]:
    """1-5 for each value: one plus the number of cut points it is strictly above."""
    values = np.asarray(better, dtype=np.float64)
    return (1 + (values[:, None] > np.asarray(cuts)[None, :]).sum(axis=1)).astype(np.int8)


def fit_cuts(recency_days: ArrayLike, frequency: ArrayLike, monetary: ArrayLike) -> Cuts:
    """Cut points from the whole population of customers with orders."""
    return Cuts(
        recency=cut_points(-np.asarray(recency_days, dtype=np.float64)),
        frequency=cut_points(frequency),
        monetary=cut_points(monetary),
    )


def scores(cuts: Cuts, recency_days: ArrayLike, frequency: ArrayLike,
           monetary: ArrayLike) -> tuple[NDArray[np.int8], ...]:  # fmt: skip
    """(R, F, M) score arrays."""
    return (
        score(-np.asarray(recency_days, dtype=np.float64), cuts.recency),
        score(frequency, cuts.frequency),
        score(monetary, cuts.monetary),
    )


def fm_score(f: ArrayLike, m: ArrayLike) -> NDArray[np.int8]:
    """The F/M column of the grid: the mean of F and M, rounded up."""
    total = np.asarray(f, dtype=np.int16) + np.asarray(m, dtype=np.int16)
    return ((total + 1) // 2).astype(np.int8)


def segments(r: ArrayLike, f: ArrayLike, m: ArrayLike) -> NDArray[np.int8]:
    """Segment codes (indexes into :data:`SEGMENT_CODES`) for score arrays."""
    table = np.array([[SEGMENT_CODES.index(s) for s in row] for row in GRID], dtype=np.int8)
    return table[np.asarray(r, dtype=np.int8) - 1, fm_score(f, m) - 1]


def segment_of(r: int, f: int, m: int) -> Segment:
    return GRID[r - 1][(f + m + 1) // 2 - 1]
