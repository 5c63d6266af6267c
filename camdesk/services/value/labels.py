"""Value tiers, lifecycle stages and RFM segments: their codes and their names.

Kept apart from the numpy modules that compute them (:mod:`rfm`, :mod:`tiers`,
:mod:`lifecycle`) so that a screen can name them, and a list can filter by them,
without loading numpy at start-up.
"""

from __future__ import annotations

import enum

from camdesk.i18n import QT_TRANSLATE_NOOP


class Tier(enum.StrEnum):
    HIGH = "high"
    MID = "mid"
    LOW = "low"


TIER_CODES = tuple(Tier)
TIER_LABELS = {
    Tier.HIGH: QT_TRANSLATE_NOOP("tier", "High value"),
    Tier.MID: QT_TRANSLATE_NOOP("tier", "Mid value"),
    Tier.LOW: QT_TRANSLATE_NOOP("tier", "Low value"),
}


class Stage(enum.StrEnum):
    POTENTIAL = "potential"
    NEW = "new"
    ACTIVE = "active"
    LOYAL = "loyal"
    SILENT = "silent"
    CHURNED = "churned"


STAGE_CODES = tuple(Stage)
STAGE_LABELS = {
    Stage.POTENTIAL: QT_TRANSLATE_NOOP("stage", "Potential"),
    Stage.NEW: QT_TRANSLATE_NOOP("stage", "New"),
    Stage.ACTIVE: QT_TRANSLATE_NOOP("stage", "Active"),
    Stage.LOYAL: QT_TRANSLATE_NOOP("stage", "Loyal"),
    Stage.SILENT: QT_TRANSLATE_NOOP("stage", "Silent"),
    Stage.CHURNED: QT_TRANSLATE_NOOP("stage", "Churned"),
}


class Segment(enum.StrEnum):
    CHAMPIONS = "champions"
    LOYAL = "loyal"
    POTENTIAL_LOYALIST = "potential_loyalist"
    NEW = "new"
    PROMISING = "promising"
    NEED_ATTENTION = "need_attention"
    AT_RISK = "at_risk"
    CANT_LOSE = "cant_lose"
    HIBERNATING = "hibernating"
    LOST = "lost"


SEGMENT_LABELS = {
    Segment.CHAMPIONS: QT_TRANSLATE_NOOP("rfm", "Champions"),
    Segment.LOYAL: QT_TRANSLATE_NOOP("rfm", "Loyal"),
    Segment.POTENTIAL_LOYALIST: QT_TRANSLATE_NOOP("rfm", "Potential loyalist"),
    Segment.NEW: QT_TRANSLATE_NOOP("rfm", "New"),
    Segment.PROMISING: QT_TRANSLATE_NOOP("rfm", "Promising"),
    Segment.NEED_ATTENTION: QT_TRANSLATE_NOOP("rfm", "Need attention"),
    Segment.AT_RISK: QT_TRANSLATE_NOOP("rfm", "At risk"),
    Segment.CANT_LOSE: QT_TRANSLATE_NOOP("rfm", "Can't lose them"),
    Segment.HIBERNATING: QT_TRANSLATE_NOOP("rfm", "Hibernating"),
    Segment.LOST: QT_TRANSLATE_NOOP("rfm", "Lost"),
}
SEGMENT_HINTS = {
    Segment.CHAMPIONS: QT_TRANSLATE_NOOP("rfm", "Bought recently, buy often and spend the most."),
    Segment.LOYAL: QT_TRANSLATE_NOOP("rfm", "Buy regularly and spend well."),
    Segment.POTENTIAL_LOYALIST: QT_TRANSLATE_NOOP(
        "rfm", "Recent customers with average frequency and spend."
    ),
    Segment.NEW: QT_TRANSLATE_NOOP("rfm", "Bought very recently, once or little."),
    Segment.PROMISING: QT_TRANSLATE_NOOP("rfm", "Recent, but have not bought much yet."),
    Segment.NEED_ATTENTION: QT_TRANSLATE_NOOP(
        "rfm", "Middling recency, frequency and spend: about to slip."
    ),
    Segment.AT_RISK: QT_TRANSLATE_NOOP(
        "rfm", "Bought often and spent well, but not for a long time."
    ),
    Segment.CANT_LOSE: QT_TRANSLATE_NOOP(
        "rfm", "Among the biggest spenders, but have not bought for a long time."
    ),
    Segment.HIBERNATING: QT_TRANSLATE_NOOP("rfm", "Last bought long ago, little and rarely."),
    Segment.LOST: QT_TRANSLATE_NOOP("rfm", "Lowest recency, frequency and spend."),
}
SEGMENT_CODES = tuple(Segment)  # index in this tuple <-> segment, for numpy arrays
