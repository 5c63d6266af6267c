"""One palette for the app: each value tier and lifecycle stage has its colour in every
chart and list (the value screen's bars, the dashboard, the customer list's cells), and a
chart's n-th series has the n-th series colour.

Colours are chosen to be told apart with the common colour-vision deficiencies (the
Tableau 10 set) and to read as what they mean: churned is red, silent orange, new green.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

SERIES = ("#4e79a7", "#e15759", "#59a14f", "#f28e2b", "#76b7b2", "#edc948", "#b07aa1")
TIER_COLORS = {"high": "#4e79a7", "mid": "#76b7b2", "low": "#bab0ac"}
STAGE_COLORS = {"new": "#59a14f", "active": "#4e79a7", "loyal": "#b07aa1",
                "potential": "#edc948", "silent": "#f28e2b", "churned": "#e15759"}  # fmt: skip
OTHER = "#9c9c9c"


def value_color(measure: str, code: str | None) -> str | None:
    """The colour of a tier or stage code (None for other measures or no code)."""
    if not code:
        return None
    table = {"tier": TIER_COLORS, "stage": STAGE_COLORS}.get(measure)
    return None if table is None else table.get(code, OTHER)


def qcolor(measure: str, code: str | None) -> QColor | None:
    found = value_color(measure, code)
    return QColor(found) if found else None
