"""RFM scores and segments, ABC classes, lifecycle stages and tier rules on hand-made data."""

from __future__ import annotations

import numpy as np
import pytest

from camdesk.services.value import lifecycle, pareto, rfm, tiers
from camdesk.services.value.lifecycle import Stage, StageRules
from camdesk.services.value.rfm import Segment
from camdesk.services.value.tiers import Condition, Tier, TierRules


def test_rfm_scores_by_quintile_with_ties_sharing_a_score() -> None:
    # ten customers: recency days, order days, revenue (fen)
    recency = [5, 10, 20, 30, 60, 90, 120, 200, 300, 400]
    frequency = [9, 1, 1, 1, 1, 1, 2, 3, 4, 5]
    monetary = [900, 800, 700, 600, 500, 400, 300, 200, 100, 100]
    cuts = rfm.fit_cuts(recency, frequency, monetary)
    r, f, m = rfm.scores(cuts, recency, frequency, monetary)
    assert r.tolist() == [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]  # fewer days is better
    # five customers with F = 1: none is strictly worse than them, so all score 1
    assert f.tolist() == [5, 1, 1, 1, 1, 1, 3, 4, 4, 5]
    assert m.tolist() == [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]
    # scoring a newcomer against the stored cut points agrees with re-ranking
    assert [s.tolist() for s in rfm.scores(cuts, [25], [2], [650])] == [[4], [3], [4]]


def test_rfm_segments_from_the_grid() -> None:
    assert rfm.segment_of(5, 5, 5) is Segment.CHAMPIONS
    assert rfm.segment_of(5, 1, 1) is Segment.NEW
    assert rfm.segment_of(1, 5, 5) is Segment.CANT_LOSE
    assert rfm.segment_of(1, 1, 2) is Segment.LOST
    assert rfm.segment_of(2, 4, 3) is Segment.AT_RISK  # F/M score rounds (4 + 3) / 2 up to 4
    assert rfm.segment_of(4, 1, 1) is Segment.PROMISING
    codes = rfm.segments([5, 1, 3], [5, 5, 2], [5, 5, 2])
    assert [rfm.SEGMENT_CODES[c] for c in codes] == [
        Segment.CHAMPIONS, Segment.CANT_LOSE, Segment.NEED_ATTENTION,
    ]  # fmt: skip
    assert set(rfm.SEGMENT_LABELS) == set(Segment)


def test_abc_classes_by_cumulative_revenue_share() -> None:
    revenue = [50, 30, 10, 5, 5]  # shares ranked above: 0, .5, .8, .9, .95
    limits = pareto.thresholds(revenue)
    assert pareto.classes(revenue, limits).tolist() == [0, 0, 1, 1, 1]  # the tie at 5 stays B


def test_abc_ties_share_the_class_of_the_first() -> None:
    revenue = [40, 40, 10, 10, 0]  # second 40 starts at 40% < 80%: A; both 10s follow the first
    limits = pareto.thresholds(revenue)
    assert pareto.classes(revenue, limits).tolist() == [0, 0, 1, 1, 2]
    custom = pareto.thresholds(revenue, a_share=0.30, b_share=0.30)
    assert pareto.classes(revenue, custom).tolist() == [0, 0, 2, 2, 2]  # the tie keeps both A
    x, y = pareto.cumulative_share(revenue)
    assert y[-1] == pytest.approx(1.0) and x[0] == pytest.approx(0.2)


def test_lifecycle_stage_rules_in_order() -> None:
    rules = StageRules(new_days=90, silent_days=180, churn_days=365, loyal_purchases=5)
    never = lifecycle.NEVER
    cases = [  # first order days ago, last order days ago, order days, last contact days ago
        ((never, never, 0, 3), Stage.POTENTIAL),
        ((800, 400, 6, 2), Stage.CHURNED),  # a recent contact does not undo churn
        ((500, 200, 6, never), Stage.SILENT),
        ((500, 200, 6, 20), Stage.LOYAL),  # a recent contact keeps them from silent
        ((30, 10, 1, never), Stage.NEW),
        ((400, 10, 5, never), Stage.LOYAL),
        ((400, 10, 4, never), Stage.ACTIVE),
    ]
    codes = lifecycle.stages(rules, *zip(*(c for c, _ in cases), strict=True))
    assert [lifecycle.STAGE_CODES[c] for c in codes] == [s for _, s in cases]


def test_a_customer_moves_through_the_stages_as_time_passes() -> None:
    rules = StageRules()
    # one order 10 days after their first; seen on day 20, 120, 250 and 400 after the first
    seen = []
    for day in (20, 120, 250, 400):
        code = lifecycle.stages(rules, [day], [day - 10], [2], [lifecycle.NEVER])[0]
        seen.append(lifecycle.STAGE_CODES[code])
    assert seen == [Stage.NEW, Stage.ACTIVE, Stage.SILENT, Stage.CHURNED]


def _measures(**values: list[float]) -> dict[str, np.ndarray]:
    size = len(next(iter(values.values())))
    base = {key: np.full(size, np.nan) for key in tiers.MEASURES}
    return base | {k: np.asarray(v, dtype=float) for k, v in values.items()}


def test_default_tier_rules() -> None:
    rules = TierRules()
    measures = _measures(abc=[0, 1, 2, 2, 2, np.nan], rfm=[3, 3, 13, 9, 8, np.nan])
    assert [tiers.TIER_CODES[c] for c in tiers.tiers(rules, measures)] == [
        Tier.HIGH, Tier.MID, Tier.HIGH, Tier.MID, Tier.LOW, Tier.LOW,
    ]  # fmt: skip


def test_custom_tier_rules_and_their_explanation() -> None:
    rules = TierRules(high=(Condition("clv", ">=", 5000),), mid=(Condition("purchases", ">=", 3),))
    measures = _measures(clv=[6000, 100, np.nan], purchases=[1, 3, 0])
    assert tiers.tiers(rules, measures).tolist() == [0, 1, 2]
    tier, reason, params = tiers.explain(rules, {"clv": 6000.0, "purchases": 1.0})
    assert tier is Tier.HIGH and params == {
        "measure": "clv", "op": ">=", "limit": 5000, "value": "6,000",
    }  # fmt: skip
    assert "{measure}" in reason
    assert tiers.explain(rules, {"clv": None, "purchases": 0.0})[0] is Tier.LOW
    assert tiers.explain(TierRules(), {"abc": 0.0, "rfm": 3.0})[2]["value"] == "A"
    with pytest.raises(ValueError):
        Condition("abc", "=", "D")


def test_rules_and_model_survive_their_json_form() -> None:
    from datetime import date

    from camdesk.services.value.clv import BgNbd, GammaGamma
    from camdesk.services.value.settings import (
        ValueModel,
        ValueRules,
        model_from_json,
        model_to_json,
        rules_from_json,
        rules_to_json,
    )  # fmt: skip

    rules = ValueRules(stage=StageRules(new_days=60), abc_a=0.7,
                       tiers=TierRules(high=(Condition("clv", ">=", 5000),)))  # fmt: skip
    assert rules_from_json(rules_to_json(rules)) == rules
    model = ValueModel(date(2024, 12, 31), rfm.fit_cuts([1, 2], [1, 3], [5, 9]),
                       pareto.Thresholds(100.0, float("inf")), BgNbd(0.2, 4.0, 0.8, 2.4),
                       GammaGamma(6.0, 3.7, 15.0))  # fmt: skip
    assert model_from_json(model_to_json(model)) == model
