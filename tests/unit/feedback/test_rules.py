"""The team's feedback settings changed in the app: checked, never losing an entry, and a
change someone else made meanwhile refused rather than overwritten."""

from __future__ import annotations

from dataclasses import replace

import pytest

from camdesk.errors import FeedbackRulesChanged, ValidationError
from camdesk.models import Severity
from camdesk.services.feedback.rules import Choice, read_rules, read_seen, save_rules


def test_changed_settings_are_kept_and_new_entries_get_keys(db, actor):
    seen = read_seen(db)
    assert seen.stamp is None  # the defaults, never stored
    rules = seen.rules
    categories = (*rules.categories[:4], Choice("", "包装破损"))  # "other" left out
    changed = replace(rules, sla_hours={**rules.sla_hours, Severity.URGENT: 2},
                      categories=categories, follow_up_hours=12, check_after_days=0)  # fmt: skip
    saved = save_rules(db, changed, actor, seen).value
    stored = read_rules(db)
    assert stored == saved.rules
    assert stored.sla_hours[Severity.URGENT] == 2
    assert (stored.follow_up_hours, stored.check_after_days) == (12, 0)
    by_key = {c.key: c for c in stored.categories}
    assert by_key["custom_1"].label == "包装破损" and not by_key["custom_1"].retired
    assert by_key["other"].retired  # items that carry it still name it
    assert [c.key for c in stored.offered(stored.categories)] == [
        "quality", "delivery", "price", "service", "custom_1"]  # fmt: skip
    # Keys are the list's own: the reasons' first new entry is their custom_1.
    again = save_rules(db, replace(stored, churn_reasons=(*stored.churn_reasons,
                                                          Choice("", "搬迁"))), actor, saved)  # fmt: skip
    assert again.value.rules.churn_reasons[-1] == Choice("custom_1", "搬迁")


def test_wrong_settings_are_refused_with_every_problem(db, actor):
    seen = read_seen(db)
    rules = replace(seen.rules, sla_hours={**seen.rules.sla_hours, Severity.HIGH: 0},
                    categories=(Choice("a", "物流"), Choice("", " 物流 "), Choice("", "")),
                    churn_reasons=tuple(replace(c, retired=True) for c in seen.rules.churn_reasons),
                    follow_up_hours=1000)  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        save_rules(db, rules, actor, seen)
    fields = [p.field for p in refused.value.problems]
    assert fields == ["sla_hours.high", "follow_up_hours", "categories", "categories",
                      "churn_reasons"]  # fmt: skip
    assert read_seen(db).stamp is None  # nothing was written


def test_someone_elses_change_meanwhile_is_refused(db, actor):
    mine = read_seen(db)
    theirs = read_seen(db)
    save_rules(db, replace(theirs.rules, follow_up_hours=8), actor, theirs)
    with pytest.raises(FeedbackRulesChanged):
        save_rules(db, replace(mine.rules, follow_up_hours=48), actor, mine)
    assert read_rules(db).follow_up_hours == 8
    now = read_seen(db)
    assert save_rules(db, replace(now.rules, follow_up_hours=48), actor, now).value.stamp
