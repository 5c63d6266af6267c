"""Where the customers stand now, beside the months: how many are in each value tier (and
their revenue), and the revenue Pareto curve, for everyone or a segment.

The tier counts are one grouped SQL query; the curve sorts the paying customers' revenue
in numpy (one column read, vectorised; the value screen draws the same curve). numpy is
loaded when the figures are first read, not with the window.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from camdesk.models import CustomerValue
from camdesk.services.core.raw import raw_rows
from camdesk.services.trends.monthly import Within
from camdesk.services.value.labels import TIER_CODES
from camdesk.services.value.order import of_live_customers


@dataclass(frozen=True)
class Standing:
    """Customers and revenue (fen) by tier code; the Pareto curve (shares 0-1)."""

    tiers: dict[str, int] = field(default_factory=dict)
    revenue: dict[str, int] = field(default_factory=dict)
    pareto_x: list[float] = field(default_factory=list)
    pareto_y: list[float] = field(default_factory=list)

    def revenue_share_of_best(self, customers: float) -> float | None:
        """The share of revenue the best ``customers`` share (0-1) of paying customers bring."""
        import numpy as np  # not with the window: the list works without numpy

        if not self.pareto_x:
            return None
        return float(np.interp(customers, self.pareto_x, self.pareto_y))


def standing(session: Session, within: Within | None = None) -> Standing:
    cv = CustomerValue
    where = [of_live_customers(), *([] if within is None else [within(cv.customer_id)])]
    rows = list(session.execute(select(cv.tier, func.count(), func.coalesce(func.sum(cv.revenue), 0))
                                .where(*where).group_by(cv.tier)))  # fmt: skip
    order = {code.value: index for index, code in enumerate(TIER_CODES)}  # high, mid, low
    rows.sort(key=lambda row: order.get(row[0], len(order)))
    # Revenue in order, each amount once with how many spent it: read off an index, and
    # a fifth of the rows of a million customers.
    groups = raw_rows(session, select(cv.revenue, func.count()).where(*where, cv.revenue > 0)
                      .group_by(cv.revenue).order_by(cv.revenue.desc()))  # fmt: skip
    x, y = pareto_of_groups(groups)
    return Standing({t: int(n) for t, n, _r in rows}, {t: int(r) for t, _n, r in rows}, x, y)


def pareto_of_groups(groups: list[tuple[int, int]]) -> tuple[list[float], list[float]]:
    """The Pareto curve (as :func:`value.report.pareto_curve` draws it, the same points)
    from (revenue, customers) pairs, highest revenue first."""
    import numpy as np  # not with the window: the list works without numpy

    from camdesk.services.value.report import CURVE_POINTS

    if not groups:
        return [], []
    values = np.fromiter((g[0] for g in groups), dtype=np.float64, count=len(groups))
    counts = np.fromiter((g[1] for g in groups), dtype=np.float64, count=len(groups))
    customers = np.concatenate([[0.0], np.cumsum(counts)])
    revenue = np.concatenate([[0.0], np.cumsum(values * counts)])
    total, paying = revenue[-1], int(customers[-1])
    if total <= 0:
        return [], []
    # The n-th best customer's cumulative revenue: exact, since revenue is even within a group.
    picked = np.unique(np.linspace(0, paying - 1, min(CURVE_POINTS, paying)).round()) + 1
    share = np.interp(picked, customers, revenue) / total
    return [0.0, *(picked / paying).tolist()], [0.0, *share.tolist()]
