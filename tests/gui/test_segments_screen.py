"""Saved segments on the customer screen: save the filters, list a segment, act on everyone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from camdesk.services.core.users import local_actor
from camdesk.services.lists.page import ListQuery, count_customers
from camdesk.services.lists.segments import list_segments
from tests.factories import make_customer


def seeded(qtbot, controller):
    db = controller.window.db
    actor = local_actor(db)
    for name, city, gender in (("甲", "杭州", "female"), ("乙", "杭州", "male"),
                               ("丙", "杭州", "female"), ("丁", "南京", "female")):  # fmt: skip
        make_customer(db, actor, name=name, city=city, gender=gender)
    page = controller.window.customers
    page.model.refresh()
    page._load_choices()
    # The choices were loaded once as the (then empty) list opened: wait for these cities.
    qtbot.waitUntil(lambda: page.filters.city_filter.findData("杭州") >= 0
                    and page.model.rowCount() == 4, timeout=10000)  # fmt: skip
    return db, page


def tick(row, code: str) -> None:
    for n in range(row.choices.count()):
        item = row.choices.item(n)
        if item.data(Qt.ItemDataRole.UserRole) == code:
            item.setCheckState(Qt.CheckState.Checked)


def test_save_the_filters_as_a_segment_and_list_it_again(qtbot, controller):
    db, page = seeded(qtbot, controller)
    city = page.filters.city_filter
    city.setCurrentIndex(city.findData("杭州"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10000)
    dialog = page.segments.save_current()
    assert [r.criterion().field for r in dialog.rows] == ["city"]  # from the filters shown
    row = dialog.add_row()
    row.field.setCurrentIndex(row.field.findData("gender"))
    tick(row, "female")
    qtbot.waitUntil(lambda: dialog.matched == 2, timeout=10000)
    assert "2" in dialog.matches.text()
    dialog.name.insert("杭州女性")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: page.segments.box.currentText() == "杭州女性", timeout=10000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    assert [s.name for s in list_segments(db)] == ["杭州女性"]
    names = {page.model.data(page.model.index(r, 0)) for r in range(2)}
    assert names == {"甲", "丙"}

    page.segments.box.setCurrentIndex(0)
    page.segments.box.activated.emit(0)
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=10000)
    page.segments.choose(list_segments(db)[0].id)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)


def test_tag_everyone_listed_then_undo(qtbot, controller, monkeypatch):
    db, page = seeded(qtbot, controller)
    city = page.filters.city_filter
    city.setCurrentIndex(city.findData("杭州"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10000)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("春季活动", True))
    page.segments.tags.add_all.trigger()
    qtbot.waitUntil(lambda: count_customers(db, ListQuery(tag="春季活动")) == 3, timeout=10000)
    qtbot.waitUntil(page.info_bar.isVisible, timeout=5000)
    page.undo_last()
    qtbot.waitUntil(lambda: count_customers(db, ListQuery(tag="春季活动")) == 0, timeout=10000)


def test_the_owner_filter_offers_the_customers_nobody_owns(qtbot, controller):
    from camdesk.services.core.users import ensure_user
    from camdesk.services.lists.rows import NO_OWNER
    from camdesk.services.lists.segments import assign_owner
    from camdesk.views.combo import index_of

    db, page = seeded(qtbot, controller)
    lily = ensure_user(db, "lily", "莉莉")
    first = page.model.customer_id(0)
    assign_owner(db, [first], lily.id, local_actor(db))
    owner = page.filters.owner_filter
    assert owner.itemText(1) == "Unassigned"
    owner.setCurrentIndex(index_of(owner, NO_OWNER))
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10000)
    dialog = page.segments.save_current()  # the filter becomes a segment's condition
    assert [r.criterion().field for r in dialog.rows] == ["owner"]
    dialog.reject()
