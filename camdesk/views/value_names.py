"""Translated names of value tiers, lifecycle stages and RFM segments, and money."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from camdesk.services.value.labels import (
    SEGMENT_LABELS,
    STAGE_LABELS,
    TIER_LABELS,
    Segment,
    Stage,
    Tier,
)

_NAMES: dict[str, tuple[str, dict[Any, str], type[Any]]] = {
    "tier": ("tier", TIER_LABELS, Tier),
    "stage": ("stage", STAGE_LABELS, Stage),
    "segment": ("rfm", SEGMENT_LABELS, Segment),
}


def value_name(field: str, code: str | None) -> str:
    """The name shown for a tier, stage or segment code ("" for none)."""
    if not code:
        return ""
    context, labels, kind = _NAMES[field]
    try:
        return QCoreApplication.translate(context, labels[kind(code)])
    except ValueError:  # a code from a newer version of camdesk
        return code


def yuan(fen: int | float | None) -> str:
    """Money for display: ¥ and whole yuan with thousands separators."""
    return "" if fen is None else f"¥{fen / 100:,.0f}"
