"""The tag manager and bulk tagging as a user drives them; tag colours as chips in the list
and the file."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMessageBox

from camdesk.services.customers.tags import list_tags, tag_colors
from camdesk.services.lists.page import ListQuery, count_customers
from tests.factories import make_customer


def tagged(qtbot, controller):
    db, actor = controller.db, controller.actor
    make_customer(db, actor, name="张三", tags=("VIP", "老客户"))
    make_customer(db, actor, name="李四", tags=("老客户",))
    make_customer(db, actor, name="王五", tags=("vip客户",))
    page = controller.window.customers
    page.model.refresh()
    page._load_choices()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 and page.filters.choices is not None
                    and len(page.filters.choices.tags) == 3, timeout=10000)  # fmt: skip
    return db, page


def manager(qtbot, page):
    dialog = page.segments.tags.open_manager()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == len(dialog.tags) > 0, timeout=10000)
    return dialog


def choose_tag(dialog, name: str) -> None:
    dialog.table.selectRow(next(i for i, t in enumerate(dialog.tags) if t.name == name))


def test_colour_shows_as_a_chip_in_the_list_and_in_the_file(qtbot, controller, monkeypatch):
    db, page = tagged(qtbot, controller)
    dialog = manager(qtbot, page)
    assert [(t.name, t.customers) for t in dialog.tags] == [("VIP", 1), ("vip客户", 1),
                                                           ("老客户", 2)]  # fmt: skip
    choose_tag(dialog, "VIP")
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#e53935"))
    dialog.color_button.click()
    qtbot.waitUntil(lambda: tag_colors(db) == {"VIP": "#e53935"}, timeout=10000)
    qtbot.waitUntil(lambda: (page.filters.choices.colors or {}).get("VIP") == "#e53935",
                    timeout=10000)  # fmt: skip
    dialog.accept()

    controller.window.show()
    column = [c.key for c in page.model.columns].index("tags")
    page.view.setColumnWidth(column, 200)
    row = next(r for r in range(3) if page.model.data(page.model.index(r, 0)) == "张三")
    page.view.scrollTo(page.model.index(row, column))
    cell = page.view.visualRect(page.model.index(row, column))
    assert page.view.viewport().rect().contains(cell.topLeft())
    image = page.view.viewport().grab().toImage()
    inside = image.pixelColor(cell.left() + 6, cell.center().y())  # the first chip: VIP
    assert (inside.red(), inside.green(), inside.blue()) == (0xE5, 0x39, 0x35)

    customer = page.model.customer_id(row)
    editor = page.open_editor(customer)
    qtbot.waitUntil(editor.isEnabled, timeout=10000)
    chips = editor.details.tag_chips
    assert "#e53935" in chips.text() and "老客户" in chips.text()


def test_rename_merge_and_delete_from_the_manager_each_undone_from_the_list(
    qtbot, controller, monkeypatch
):
    db, page = tagged(qtbot, controller)
    dialog = manager(qtbot, page)
    choose_tag(dialog, "老客户")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("老顾客", True))
    dialog.rename_button.click()
    qtbot.waitUntil(lambda: "老顾客" in [t.name for t in dialog.tags], timeout=10000)
    assert count_customers(db, ListQuery(tag="老顾客")) == 2
    qtbot.waitUntil(page.info_bar.isVisible, timeout=5000)  # the list offers to undo it
    assert "老顾客" in page.info_text.text()

    choose_tag(dialog, "vip客户")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("VIP", True))
    dialog.merge_button.click()
    qtbot.waitUntil(lambda: [t.name for t in dialog.tags] == ["VIP", "老顾客"], timeout=10000)
    assert count_customers(db, ListQuery(tag="VIP")) == 2
    page.undo_last()  # the merge
    qtbot.waitUntil(lambda: count_customers(db, ListQuery(tag="vip客户")) == 1, timeout=10000)

    choose_tag(dialog, "老顾客")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.delete_button.click()
    qtbot.waitUntil(lambda: "老顾客" not in [t.name for t in dialog.tags], timeout=10000)
    assert count_customers(db, ListQuery(tag="老顾客")) == 0
    page.undo_last()
    qtbot.waitUntil(lambda: count_customers(db, ListQuery(tag="老顾客")) == 2, timeout=10000)


def test_a_rename_refused_is_said_in_the_manager(qtbot, controller, monkeypatch):
    db, page = tagged(qtbot, controller)
    dialog = manager(qtbot, page)
    choose_tag(dialog, "vip客户")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("VIP", True))
    dialog.rename_button.click()
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=10000)
    assert "merge" in dialog.error.text()
    assert sorted(t.name for t in list_tags(db)) == ["VIP", "vip客户", "老客户"]


def test_remove_a_tag_from_the_selected_customers_only(qtbot, controller, monkeypatch):
    db, page = tagged(qtbot, controller)

    def select_two() -> None:
        qtbot.waitUntil(lambda: page.model.rowCount() == 3 and page.model.row_at(2) is not None,
                        timeout=10000)  # fmt: skip
        rows = [r for r in range(3) if page.model.data(page.model.index(r, 0)) in ("张三", "李四")]
        selection = page.view.selectionModel()
        selection.clearSelection()
        for row in rows:
            selection.select(page.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip
        assert len(page.selected_ids()) == 2

    select_two()
    chosen = sorted(page.selected_ids())
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("老客户", True))
    with qtbot.waitSignal(page.model.modelReset, timeout=10000):  # the list is read again
        page.segments.tags.remove_selected.trigger()
    assert count_customers(db, ListQuery(tag="老客户")) == 0
    assert count_customers(db, ListQuery(tag="VIP")) == 1  # the rest of their tags stay
    assert sorted(page.selected_ids()) == chosen  # still selected for the next action
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("活动", True))
    page.segments.tags.add_selected.trigger()
    qtbot.waitUntil(lambda: count_customers(db, ListQuery(tag="活动")) == 2, timeout=10000)
