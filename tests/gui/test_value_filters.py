"""Value tier, stage, segment and predicted value as columns and filters of the customer list."""

from __future__ import annotations

from sqlalchemy import func, select

from camdesk.models import CustomerValue
from camdesk.services.core.users import local_actor
from camdesk.services.lists.criteria import Criterion
from camdesk.services.value.recompute import recompute
from tests.value_seed import AS_OF, seed


def valued(controller):
    db = controller.window.db
    actor = local_actor(db)
    seed(db, actor)
    recompute(db, actor, as_of=AS_OF)
    page = controller.window.customers
    page.model.refresh()
    return db, page


def count_where(db, *conditions) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(CustomerValue).where(*conditions))


def test_filter_by_tier_and_stage_from_the_boxes(qtbot, controller):
    db, page = valued(controller)
    qtbot.waitUntil(lambda: page.model.rowCount() == 17, timeout=10000)
    tiers = page.filters.value_filters["tier"]
    tiers.setCurrentIndex(tiers.findData("high"))
    high = count_where(db, CustomerValue.tier == "high")
    qtbot.waitUntil(lambda: page.model.rowCount() == high, timeout=10000)
    assert "Matches" in page.count_label.text()
    column = [c.key for c in page.model.columns].index("tier")
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, column)) == "High value")
    stages = page.filters.value_filters["stage"]
    stages.setCurrentIndex(stages.findData("churned"))  # nobody is both
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10000)


def test_criteria_the_boxes_cannot_show_are_listed_and_cleared(qtbot, controller):
    db, page = valued(controller)
    qtbot.keyClicks(page.search, "Repeat")
    page.show_criteria((Criterion("abc", "=", "A"), Criterion("stage", "=", "active"),
                        Criterion("clv", ">=", 100)))  # fmt: skip
    assert page.search.text() == ""  # a click-through starts from the whole list
    assert page.filters.value_filters["stage"].currentData() == "active"
    assert page.filters.clv_min.value() == 1
    assert page.filters.extra_label.isVisible() or not page.isVisible()
    assert "ABC class: A" in page.filters.extra_label.text()
    wanted = count_where(db, CustomerValue.abc == "A", CustomerValue.stage == "active",
                         CustomerValue.clv >= 100)  # fmt: skip
    qtbot.waitUntil(lambda: page.model.rowCount() == wanted, timeout=10000)
    page.filters.extra_clear.click()
    assert page.filters.extra_label.text() == ""
    wider = count_where(db, CustomerValue.stage == "active", CustomerValue.clv >= 100)
    assert wanted < wider < 17
    qtbot.waitUntil(lambda: page.model.rowCount() == wider, timeout=10000)
