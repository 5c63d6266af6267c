"""The customer files screen as a user drives it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from camdesk import app as app_module
from camdesk.app import Controller
from camdesk.services.customers.files import as_edited, get_customer, update_customer
from camdesk.services.lists.page import ListQuery, count_customers
from camdesk.views.customers.conflict import ConflictDialog
from camdesk.views.customers.editor import CustomerFile
from tests.factories import make_customer


@pytest.fixture
def answer_yes(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)


def page_of(ctl):
    return ctl.window.customers


def wait_rows(qtbot, page, count):
    qtbot.waitUntil(lambda: page.model.rowCount() == count, timeout=10000)


def test_first_start_creates_the_database_and_offers_demo_data(
    qtbot, settings, tmp_path, monkeypatch, answer_yes
):
    monkeypatch.setattr(app_module, "DEMO_SIZE", (40, 200))
    ctl = Controller(settings=settings)
    path = tmp_path / "first.db"
    assert ctl.open(str(path))
    qtbot.addWidget(ctl.window)
    assert path.exists()
    page = page_of(ctl)
    wait_rows(qtbot, page, 40)
    qtbot.waitUntil(lambda: "40" in ctl.window.count_label.text(), timeout=10000)
    assert "Local file" in ctl.window.db_label.text()
    # The demo arrives valued: tiers and stages are computed right after it.
    from camdesk.services.value.report import build_report

    qtbot.waitUntil(lambda: sum(build_report(ctl.window.db).tiers.values()) == 40, timeout=20000)
    ctl.window.close()
    ctl.shutdown()


def open_new_customer(qtbot, page) -> CustomerFile:
    page.new_action.trigger()
    dialog = page.findChild(CustomerFile)
    qtbot.waitUntil(dialog.isEnabled, timeout=10000)
    return dialog


def test_create_a_customer_through_the_dialog(qtbot, controller):
    page = page_of(controller)
    dialog = open_new_customer(qtbot, page)
    dialog.inputs["name"].insert("欧阳娜娜")  # as an input method commits Chinese text
    qtbot.keyClicks(dialog.inputs["mobile"], "139 0000 1111")
    qtbot.keyClicks(dialog.tags, "VIP")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    wait_rows(qtbot, page, 1)
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 0)) == "欧阳娜娜", timeout=5000)
    assert page.model.data(page.model.index(0, 2)) == "139 0000 1111"
    assert page.info_bar.isVisible() and page.undo_action.isEnabled()


def test_validation_error_is_shown_on_the_field(qtbot, controller):
    page = page_of(controller)
    dialog = open_new_customer(qtbot, page)
    dialog.inputs["name"].insert("张三")
    qtbot.keyClicks(dialog.inputs["mobile"], "12345")
    qtbot.keyClicks(dialog.inputs["email"], "zhang@")
    dialog.save()
    error: QLabel = dialog.errors["mobile"]
    qtbot.waitUntil(error.isVisible, timeout=5000)
    assert "12345" in error.text()
    assert dialog.errors["email"].isVisible()
    assert "nothing was saved" in dialog.status.text()
    assert dialog.isVisible()
    assert count_customers(controller.db) == 0


def test_search_as_you_type_with_match_count(qtbot, controller):
    actor = controller.actor
    for name, mobile in [
        ("曾小贤", "13811112222"),
        ("胡一菲", "13933334444"),
        ("曾可妮", "13555556666"),
    ]:
        make_customer(controller.db, actor, name=name, mobile=mobile)
    page = page_of(controller)
    page.model.refresh()
    wait_rows(qtbot, page, 3)
    qtbot.keyClicks(page.search, "zeng")
    wait_rows(qtbot, page, 2)
    assert page.count_label.text() == "Matches: 2"
    page.search.clear()
    qtbot.keyClicks(page.search, "3333")
    wait_rows(qtbot, page, 1)
    assert page.model.data(page.model.index(0, 0)) == "胡一菲"


def test_sorting_by_clicking_a_header(qtbot, controller):
    for name, city in [("甲", "上海"), ("乙", "北京"), ("丙", "广州")]:
        make_customer(controller.db, controller.actor, name=name, city=city)
    page = page_of(controller)
    page.model.refresh()
    wait_rows(qtbot, page, 3)
    city = [c.key for c in page.model.columns].index("city")
    header = page.view.horizontalHeader()
    header.sectionClicked.emit(city)
    page.view.sortByColumn(city, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(
        lambda: (
            [page.model.data(page.model.index(r, city)) for r in range(3)]
            == ["上海", "北京", "广州"]
        ),
        timeout=5000,
    )


def test_edit_then_history_shows_the_change(qtbot, controller):
    record = make_customer(controller.db, controller.actor, name="李雷", city="北京")
    page = page_of(controller)
    page.model.refresh()
    wait_rows(qtbot, page, 1)
    dialog = page.open_editor(record.id)
    qtbot.waitUntil(dialog.isEnabled, timeout=10000)
    dialog.city.setCurrentText("上海")
    dialog.save()
    qtbot.waitUntil(lambda: get_customer(controller.db, record.id).city == "上海", timeout=5000)
    city = [c.key for c in page.model.columns].index("city")
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, city)) == "上海", timeout=5000)
    again = page.open_editor(record.id)
    qtbot.waitUntil(again.isEnabled, timeout=10000)
    table = again.history.table
    cells = [table.item(r, c).text() for r in range(table.rowCount()) for c in range(5)]
    assert "City" in cells and "北京" in cells and "上海" in cells


def test_delete_and_undo(qtbot, controller, answer_yes):
    for name in ("王五", "赵六"):
        make_customer(controller.db, controller.actor, name=name)
    page = page_of(controller)
    page.model.refresh()
    wait_rows(qtbot, page, 2)
    page.view.selectRow(0)
    page.delete_action.trigger()
    wait_rows(qtbot, page, 1)
    assert page.info_bar.isVisible()
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    wait_rows(qtbot, page, 2)
    assert count_customers(controller.db) == 2


def test_conflicting_save_shows_both_versions(qtbot, controller, monkeypatch):
    record = make_customer(controller.db, controller.actor, name="韩梅梅", city="北京")
    page = page_of(controller)
    dialog = page.open_editor(record.id)
    qtbot.waitUntil(dialog.isEnabled, timeout=10000)
    update_customer(controller.db, record.id, as_edited(record, city="广州"),
                    expected_version=record.version, actor=controller.actor)  # fmt: skip
    seen = {}

    def choose(self):
        table = self.table
        seen["rows"] = [
            [table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())
        ]
        return ConflictDialog.TAKE_THEIRS

    monkeypatch.setattr(ConflictDialog, "exec_choice", choose)
    dialog.city.setCurrentText("深圳")
    dialog.save()
    qtbot.waitUntil(lambda: "rows" in seen, timeout=5000)
    assert ["City", "深圳", "广州"] in seen["rows"]
    qtbot.waitUntil(lambda: dialog.city.currentText() == "广州", timeout=5000)
    assert get_customer(controller.db, record.id).city == "广州"


def test_switching_language(qtbot, controller):
    window = controller.window
    assert window.nav.item(0).text() == "Customer files"
    controller.set_language("zh_CN")
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "客户档案", timeout=5000)
    assert page_of(controller).model.headerData(0, Qt.Orientation.Horizontal) == "姓名"
    assert page_of(controller).search.placeholderText() != ""
    controller.set_language("en")
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Customer files", timeout=5000)


def test_find_shortcut_focuses_search(qtbot, controller):
    page = page_of(controller)
    controller.window.show()
    qtbot.waitExposed(controller.window)
    page.view.setFocus()  # the list has the focus: the shortcut must move it to the search
    qtbot.waitUntil(lambda: controller.window.focusWidget() is page.view, timeout=5000)
    page.find_action.trigger()
    assert controller.window.focusWidget() is page.search


def test_query_of_the_list_matches_the_service(qtbot, controller):
    make_customer(controller.db, controller.actor, name="孙悟空", city="花果山")
    page = page_of(controller)
    page.model.refresh()
    wait_rows(qtbot, page, 1)
    assert page.current_query().search == ""
    assert count_customers(controller.db, ListQuery()) == page.model.rowCount()


def test_the_file_shows_its_owner_and_an_unchanged_save_changes_nothing(qtbot, controller):
    from camdesk.services.core.users import ensure_user
    from camdesk.services.customers.history import customer_history

    owner = ensure_user(controller.db, "chenlei", "陈磊")
    record = make_customer(controller.db, controller.actor, name="周杰", owner_id=owner.id)
    before = get_customer(controller.db, record.id)
    history = customer_history(controller.db, record.id)
    dialog = page_of(controller).open_editor(record.id)
    qtbot.waitUntil(dialog.isEnabled, timeout=10000)
    assert dialog.owner.currentText() == "陈磊"
    assert not dialog.is_dirty()
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save()
    after = get_customer(controller.db, record.id)
    assert after.owner_id == owner.id
    assert after.version == before.version
    assert customer_history(controller.db, record.id) == history


def test_views_never_ask_qt_to_compare_item_data():
    """findData compares in C++ and misses equal UUIDs; views use views.combo instead."""
    from pathlib import Path

    import camdesk.views

    root = Path(camdesk.views.__file__).parent
    users = [
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if p.name != "combo.py" and ".findData(" in p.read_text(encoding="utf-8")
    ]
    assert users == []


def test_the_form_keeps_text_as_typed(qtbot, controller):
    page = page_of(controller)
    dialog = open_new_customer(qtbot, page)
    dialog.inputs["name"].setText("林晓峰")
    assert "notes" not in dialog.inputs  # notes are dated entries of the contact log
    dialog.inputs["preferences"].setPlainText("喜欢：绿茶\n  不要：咖啡")
    dialog.tags.setText("VIP、老客户；重点")
    dialog.province.setCurrentText("浙江省")
    with qtbot.waitSignal(dialog.saved, timeout=10000) as saved:
        dialog.save()
    record = get_customer(controller.db, saved.args[0].id)
    assert record.preferences == "喜欢：绿茶\n  不要：咖啡"
    assert record.tags == ("VIP", "老客户", "重点")
    assert record.province == "浙江"
    # Saved, the file stays open with its contact log, where notes are added.
    qtbot.waitUntil(lambda: dialog.isEnabled() and dialog.timeline.note_button.isEnabled(),
                    timeout=10000)  # fmt: skip
    assert dialog.tabs.isTabVisible(dialog.tabs.indexOf(dialog.timeline))


@pytest.mark.parametrize("typed", ["1988-03-15", "19880315", "1988/3/15", "1988年3月15日"])
def test_a_birthday_can_be_typed(qtbot, controller, typed):
    from datetime import date

    dialog = open_new_customer(qtbot, page_of(controller))
    dialog.inputs["name"].setText("周杰")
    dialog.birthday.edit.setFocus()
    if typed.isascii():
        qtbot.keyClicks(dialog.birthday.edit, typed)
    else:  # QTest types only ASCII; an input method delivers the text at once
        dialog.birthday.edit.insert(typed)
    with qtbot.waitSignal(dialog.saved, timeout=10000) as saved:
        dialog.save()
    assert get_customer(controller.db, saved.args[0].id).birthday == date(1988, 3, 15)


def test_a_birthday_can_be_cleared_and_nonsense_is_refused(qtbot, controller):
    from datetime import date

    record = make_customer(controller.db, controller.actor, name="周杰", birthday=date(1988, 3, 15))
    dialog = page_of(controller).open_editor(record.id)
    qtbot.waitUntil(dialog.isEnabled, timeout=10000)
    assert dialog.birthday.edit.text() == "1988-03-15"
    dialog.birthday.edit.setText("1988-13-45")
    dialog.save()
    assert dialog.errors["birthday"].isVisibleTo(dialog) and "1988-13-45" in dialog.errors[
        "birthday"].text()  # fmt: skip
    assert dialog.isVisible() and get_customer(controller.db, record.id).birthday == date(
        1988, 3, 15
    )
    dialog.birthday.edit.clear()
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save()
    assert get_customer(controller.db, record.id).birthday is None


def test_the_birthday_calendar_opens_near_a_plausible_year(qtbot, controller):
    from datetime import date

    dialog = open_new_customer(qtbot, page_of(controller))
    dialog.show()
    dialog.birthday.open_calendar()
    calendar = dialog.birthday.calendar
    qtbot.waitUntil(calendar.isVisible, timeout=5000)
    assert date.today().year - 40 <= calendar.yearShown() <= date.today().year - 30
    calendar.clicked.emit(calendar.selectedDate().addDays(3))
    assert dialog.birthday.value() is not None
    qtbot.waitUntil(lambda: not calendar.isVisible(), timeout=5000)


def test_the_window_title_names_the_area_shown(qtbot, controller):
    window = controller.window
    assert window.windowTitle() == "camdesk — Customer files"
    row = window.stack.indexOf(window.duplicates)
    window.nav.setCurrentRow(row)
    assert window.windowTitle() == "camdesk — Duplicates"
    controller.set_language("zh_CN")
    qtbot.waitUntil(lambda: window.windowTitle() == "camdesk — 查重合并"
                    or window.windowTitle() == f"camdesk — {window.nav.item(row).text()}",
                    timeout=5000)  # fmt: skip
    assert window.nav.item(row).text() in window.windowTitle()
    controller.set_language("en")


def test_the_filter_bar_wraps_beside_an_open_file_instead_of_clipping(qtbot, controller):
    record = make_customer(controller.db, controller.actor, name="李雷", city="北京")
    window = controller.window
    window.show()
    window.resize(1200, 760)  # the size a first start opens at
    page = page_of(controller)
    page.model.refresh()
    wait_rows(qtbot, page, 1)
    dialog = page.open_editor(record.id)
    qtbot.waitUntil(dialog.isEnabled, timeout=10000)
    bar = page.filters
    qtbot.waitUntil(lambda: bar.width() < 700, timeout=5000)  # the list has about half the room
    kinds = (QComboBox, QPushButton, QSpinBox, QLineEdit)
    shown = [w for w in bar.findChildren(QWidget) if isinstance(w, kinds) and w.isVisibleTo(bar)]
    assert len(shown) >= 10
    for widget in shown:
        box = widget.rect().translated(widget.mapTo(bar, widget.rect().topLeft()))
        assert bar.rect().contains(box), widget.objectName() or type(widget).__name__
        assert widget.width() >= widget.minimumSizeHint().width() - 1  # nothing squeezed
    assert bar.height() > bar.search.height() * 3  # it took more rows instead
