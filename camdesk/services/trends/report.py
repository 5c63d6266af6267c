"""The trends report: every monthly figure of a date range (and segment), as the dashboard
plots them, ``camdesk report trends`` prints them and both write them to a workbook."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from camdesk.db import Database
from camdesk.services.data.workbooks import Sheet, write_sheets
from camdesk.services.lists.page import matching_ids
from camdesk.services.lists.segments import SegmentInfo, query_of
from camdesk.services.trends import monthly
from camdesk.services.trends.monthly import ChurnMonth, FeedbackMonth, ScoreMonth
from camdesk.services.trends.sql import months
from camdesk.services.trends.standing import Standing, standing

# The workbook's column names (English; a screen passes its own translations).
HEADERS = {
    "month": "Month", "active": "Active at start", "new": "New customers",
    "churned": "Churned", "churn_rate": "Churn rate (%)", "nps": "NPS",
    "nps_responses": "NPS responses", "csat": "Average CSAT", "csat_responses": "CSAT responses",
    "received": "Feedback received", "resolved": "Feedback resolved",
    "median_hours": "Median hours to resolve", "breaches": "Service level breaches",
    "category": "Category", "items": "Items", "reason": "Churn reason", "customers": "Customers",
    "months": "Months", "categories": "Categories", "reasons": "Churn reasons",
    "tiers": "Value tiers", "tier": "Value tier", "revenue": "Revenue (yuan)",
    "pareto": "Revenue Pareto", "customer_share": "Best customers (%)",
    "revenue_share": "Their revenue (%)",
}  # fmt: skip
MONTH_COLUMNS = ("month", "active", "new", "churned", "churn_rate", "nps", "nps_responses",
                 "csat", "csat_responses", "received", "resolved", "median_hours", "breaches")  # fmt: skip


@dataclass
class Trends:
    """The figures of the months from ``start``'s to ``end``'s."""

    start: date
    end: date
    segment: str | None = None
    churn: list[ChurnMonth] = field(default_factory=list)
    scores: list[ScoreMonth] = field(default_factory=list)
    feedback: list[FeedbackMonth] = field(default_factory=list)
    categories: list[tuple[str | None, int, float | None]] = field(default_factory=list)
    reasons: list[tuple[str, int]] = field(default_factory=list)
    standing: Standing = field(default_factory=Standing)

    def month_rows(self) -> list[dict[str, Any]]:
        """One row per month, every figure (rates in %, one decimal; None: no figure)."""
        rows = []
        for c, s, f in zip(self.churn, self.scores, self.feedback, strict=True):
            rows.append({
                "month": c.month.strftime("%Y-%m"), "active": c.active, "new": c.new,
                "churned": c.churned, "churn_rate": _round(c.rate and c.rate * 100, 2),
                "nps": _round(s.nps, 1), "nps_responses": s.nps_responses,
                "csat": _round(s.csat, 2), "csat_responses": s.csat_responses,
                "received": f.received, "resolved": f.resolved,
                "median_hours": _round(f.median_hours, 1), "breaches": f.breaches,
            })  # fmt: skip
        return rows

    def as_json(self) -> dict[str, Any]:
        return {
            "from": self.start.isoformat(), "to": self.end.isoformat(), "segment": self.segment,
            "months": self.month_rows(),
            "categories": [{"category": c, "items": n, "median_hours": _round(h, 1)}
                           for c, n, h in self.categories],
            "churn_reasons": [{"reason": r, "customers": n} for r, n in self.reasons],
            "tiers": [{"tier": t, "customers": n, "revenue": self.standing.revenue.get(t, 0) / 100}
                      for t, n in self.standing.tiers.items()],
            "pareto": [{"customer_share": _round(x * 100, 2), "revenue_share": _round(y * 100, 2)}
                       for x, y in zip(self.standing.pareto_x, self.standing.pareto_y,
                                       strict=True)],
        }  # fmt: skip


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


PARTS = ("churn", "scores", "feedback", "categories", "reasons", "standing")


def build_trends(db: Database, start: date, end: date, segment: SegmentInfo | None = None,
                 parts: tuple[str, ...] = PARTS) -> Trends:  # fmt: skip
    """The figures named in ``parts`` (all by default), each one aggregate in SQL."""
    if end < start:
        start, end = end, start
    within: monthly.Within | None = None
    if segment is not None:
        within = monthly.in_segment(matching_ids(query_of(segment), db.dialect))
    found = Trends(start, end, segment.name if segment else None)
    with db.read() as session:
        if "churn" in parts:
            found.churn = monthly.churn(session, start, end, within)
        if "scores" in parts:
            found.scores = monthly.scores(session, start, end, within)
        if "feedback" in parts:
            found.feedback = monthly.feedback(session, start, end, within)
        if "categories" in parts:
            found.categories = monthly.by_category(session, start, end, within)
        if "reasons" in parts:
            found.reasons = monthly.churn_reasons(session, start, end, within)
        if "standing" in parts:
            found.standing = standing(session, within)
    return found


def last_months(today: date, count: int = 12) -> tuple[date, date]:
    """The default range: the ``count`` months up to and including today's."""
    index = today.year * 12 + today.month - 1 - (count - 1)
    return date(index // 12, index % 12 + 1, 1), today


def write_trends(path: Path, trends: Trends, headers: Mapping[str, str] = HEADERS,
                 names: Mapping[str, str] | None = None) -> list[Path]:  # fmt: skip
    """Write the figures as a workbook: months, categories, churn reasons (or CSV files).
    ``names``: how categories and reasons are shown (their keys otherwise)."""
    names = names or {}
    rows = trends.month_rows()
    sheets = [
        Sheet(headers["months"], [headers[c] for c in MONTH_COLUMNS],
              [[row[c] for c in MONTH_COLUMNS] for row in rows]),
        Sheet(headers["categories"], [headers["category"], headers["items"], headers["median_hours"]],
              [[names.get(c or "", c or ""), n, _round(h, 1)] for c, n, h in trends.categories]),
        Sheet(headers["reasons"], [headers["reason"], headers["customers"]],
              [[names.get(r, r), n] for r, n in trends.reasons]),
        Sheet(headers["tiers"], [headers["tier"], headers["customers"], headers["revenue"]],
              [[names.get(t, t), n, trends.standing.revenue.get(t, 0) / 100]
               for t, n in trends.standing.tiers.items()]),
        Sheet(headers["pareto"], [headers["customer_share"], headers["revenue_share"]],
              [[_round(x * 100, 2), _round(y * 100, 2)]
               for x, y in zip(trends.standing.pareto_x, trends.standing.pareto_y, strict=True)]),
    ]  # fmt: skip
    return write_sheets(path, sheets)


__all__ = ["Trends", "build_trends", "last_months", "months", "write_trends"]
