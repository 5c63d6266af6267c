"""ABC (Pareto) classes: customers ranked by revenue, classed by cumulative share.

Customers with orders are ranked by revenue, highest first.  A customer is in
class A when the customers ranked above them bring less than the A share of all
revenue (default 80%), B when less than A + B (default 95%), otherwise C.  So
the A class is the smallest group that reaches 80%.  Customers with equal
revenue always share a class (the class of the first of them), which makes the
class a revenue threshold: :class:`Thresholds` keeps the smallest revenue in A
and in B, so one customer can be classed later without ranking everyone again.
Customers without orders have no class.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

CLASSES = ("A", "B", "C")


@dataclass(frozen=True)
class Thresholds:
    """The smallest revenue (fen) that is still class A, and still class B."""

    a_min: float
    b_min: float


def thresholds(revenue: ArrayLike, a_share: float = 0.80, b_share: float = 0.15) -> Thresholds:
    """Revenue thresholds for the A and B classes of this population."""
    values = np.sort(np.asarray(revenue, dtype=np.float64))[::-1]
    total = float(values.sum())
    if len(values) == 0 or total <= 0:
        return Thresholds(np.inf, np.inf)
    above = np.concatenate(([0.0], np.cumsum(values)[:-1])) / total  # share ranked above
    first_of_ties = np.concatenate(([True], values[1:] != values[:-1]))
    # a tie group takes the class its first member gets
    group_above = np.maximum.accumulate(np.where(first_of_ties, np.arange(len(values)), 0))
    share = above[group_above]
    in_a = values[share < a_share]
    in_b = values[share < a_share + b_share]
    return Thresholds(
        a_min=float(in_a.min()) if len(in_a) else np.inf,
        b_min=float(in_b.min()) if len(in_b) else np.inf,
    )


def classes(revenue: ArrayLike, limits: Thresholds) -> NDArray[np.int8]:
    """0, 1, 2 for A, B, C."""
    values = np.asarray(revenue, dtype=np.float64)
    return np.where(values >= limits.a_min, 0, np.where(values >= limits.b_min, 1, 2)).astype(
        np.int8
    )


def cumulative_share(revenue: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The Pareto curve: share of customers (x) against share of revenue (y), best first."""
    values = np.sort(np.asarray(revenue, dtype=np.float64))[::-1]
    total = values.sum()
    if len(values) == 0 or total <= 0:
        return np.zeros(0), np.zeros(0)
    x = np.arange(1, len(values) + 1) / len(values)
    return x, np.cumsum(values) / total
