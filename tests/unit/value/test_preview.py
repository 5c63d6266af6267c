"""Changing the value rules: the preview says exactly what applying them does."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from sqlalchemy import select

from camdesk.db import Database
from camdesk.errors import Cancelled
from camdesk.models import CustomerValue, ValueChange
from camdesk.services.core.context import Actor
from camdesk.services.value.lifecycle import StageRules
from camdesk.services.value.preview import RulesError, apply_rules, preview
from camdesk.services.value.recompute import recompute
from camdesk.services.value.settings import ValueRules, load_rules
from camdesk.services.value.tiers import Condition, TierRules
from tests.value_seed import AS_OF, seed


def stored(db: Database) -> dict[object, tuple[str, str]]:
    with db.read() as session:
        return {i: (t, s) for i, t, s in session.execute(
            select(CustomerValue.customer_id, CustomerValue.tier, CustomerValue.stage))}  # fmt: skip


def test_preview_matches_the_applied_result(db: Database, actor: Actor) -> None:
    seed(db, actor)
    recompute(db, actor, as_of=AS_OF)
    before = stored(db)
    rules = ValueRules(
        stage=StageRules(new_days=30, silent_days=120, churn_days=300, loyal_purchases=3),
        tiers=replace(TierRules(), mid=(Condition("abc", "=", "B"), Condition("rfm", ">=", 7))),
        abc_a=0.7,
        abc_b=0.2,
    )
    seen = preview(db, rules, as_of=AS_OF)
    assert stored(db) == before  # a preview writes nothing
    assert seen.total > 0 and seen.customers == 17
    apply_rules(db, rules, actor, as_of=AS_OF)
    after = stored(db)
    moves: Counter[tuple[str, str | None, str]] = Counter()
    for ident, (tier, stage) in after.items():
        if before[ident][0] != tier:
            moves[("tier", before[ident][0], tier)] += 1
        if before[ident][1] != stage:
            moves[("stage", before[ident][1], stage)] += 1
    expected = Counter({("tier", *k): v for k, v in seen.tiers.items()})
    expected.update({("stage", *k): v for k, v in seen.stages.items()})
    assert moves == expected
    assert {(m.id, m.measure, m.new) for m in seen.moved} == {
        (i, measure, after[i][0 if measure == "tier" else 1])
        for i in after for measure in ("tier", "stage")
        if before[i][0 if measure == "tier" else 1] != after[i][0 if measure == "tier" else 1]
    }  # fmt: skip
    with db.read() as session:
        assert load_rules(session) == rules
        logged = session.execute(select(ValueChange).where(ValueChange.old.is_not(None))).all()
    assert len(logged) == seen.total
    assert preview(db, rules, as_of=AS_OF).total == 0  # applied: nothing left to move


def test_rules_that_cannot_work_are_refused_and_a_cancel_changes_nothing(
    db: Database, actor: Actor
) -> None:
    seed(db, actor)
    recompute(db, actor, as_of=AS_OF)
    before = stored(db)
    with pytest.raises(RulesError, match="silent 200, churned 150"):
        apply_rules(db, ValueRules(stage=StageRules(silent_days=200, churn_days=150)), actor)
    with pytest.raises(RulesError, match="A 90% and B 20%"):
        preview(db, ValueRules(abc_a=0.9, abc_b=0.2))
    with pytest.raises(Cancelled):
        apply_rules(db, ValueRules(abc_a=0.5), actor, as_of=AS_OF, cancelled=lambda: True)
    assert stored(db) == before
    with db.read() as session:
        assert load_rules(session) == ValueRules()
