"""The customer file beside the list: a user on the phone searches and opens another
customer while one file is open, pops files out, and never loses what they typed."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from camdesk.services.core.changes import Changes, Kind
from camdesk.services.customers.files import as_edited, get_customer, update_customer
from camdesk.views.customers.file_pane import DIRTY_MARK, FileWindow
from camdesk.views.events import announce
from tests.factories import make_customer


def answer(monkeypatch, button: QMessageBox.StandardButton) -> list[str]:
    """Answer every question with ``button``; the texts asked are returned."""
    asked: list[str] = []

    def question(_parent, _title, text, *_a, **_k):
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


@pytest.fixture
def shop(qtbot, controller):
    db, actor = controller.db, controller.actor
    people = {name: make_customer(db, actor, name=name, city=city)
              for name, city in (("何欣怡", "杭州"), ("林晓峰", "上海"), ("曾晓燕", "广州"))}  # fmt: skip
    page = controller.window.customers
    page.model.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10000)
    return page, people


def open_from_list(qtbot, page, name: str):
    """Search ``name``, select its row and press Enter, as a user does."""
    page.search.clear()
    page.search.insert(name)  # as an input method commits Chinese text
    qtbot.waitUntil(lambda: page.model.rowCount() == 1
                    and page.model.data(page.model.index(0, 0)) == name, timeout=10000)  # fmt: skip
    page.view.selectRow(0)
    page.open_action.trigger()
    file = page.pane.current_file()
    qtbot.waitUntil(lambda: file.isEnabled() and file.inputs["name"].text() == name, timeout=10000)
    return file


def test_search_and_open_a_second_customer_while_one_file_is_open(qtbot, controller, shop):
    page, people = shop
    first = open_from_list(qtbot, page, "何欣怡")
    assert QApplication.activeModalWidget() is None  # nothing blocks the list or the calendar
    first.city.setCurrentText("宁波")  # on the phone: an edit not saved yet
    assert first.is_dirty()
    assert page.pane.tabText(page.pane.indexOf(first)).startswith(DIRTY_MARK)

    second = open_from_list(qtbot, page, "林晓峰")
    assert second is not first and page.pane.count() == 2  # the unsaved file was kept
    assert page.pane.currentWidget() is second
    assert first.city.currentText() == "宁波" and first.is_dirty()
    assert second.city.currentText() == "上海" and not second.is_dirty()

    window = controller.window  # another screen and back: the edits are still there
    window.nav.setCurrentRow(window.stack.indexOf(window.calendar))
    window.nav.setCurrentRow(window.stack.indexOf(page))
    page.pane.setCurrentWidget(first)
    assert first.city.currentText() == "宁波"
    with qtbot.waitSignal(first.saved, timeout=10000):
        first.save()
    assert get_customer(controller.db, people["何欣怡"].id).city == "宁波"
    qtbot.waitUntil(lambda: not page.pane.tabText(page.pane.indexOf(first))
                    .startswith(DIRTY_MARK), timeout=10000)  # fmt: skip


def test_a_file_without_edits_gives_way_to_the_next_one(qtbot, shop):
    page, _people = shop
    open_from_list(qtbot, page, "何欣怡")
    second = open_from_list(qtbot, page, "林晓峰")
    assert page.pane.count() == 1 and page.pane.current_file() is second
    assert page.open_editor(second.customer_id) is second  # opened twice: the same file


def test_files_pop_out_into_windows_of_their_own(qtbot, controller, shop, monkeypatch):
    page, people = shop
    first = open_from_list(qtbot, page, "何欣怡")
    first.inputs["address"].setText("西湖区文三路 1 号")
    window = page.pane.pop_out()
    assert isinstance(window, FileWindow) and window.isVisible()
    assert window.file is first and first.inputs["address"].text() == "西湖区文三路 1 号"
    assert window.windowTitle().startswith(DIRTY_MARK + "何欣怡")
    assert page.pane.count() == 0 and not page.pane.isVisible()

    other = page.open_window(people["曾晓燕"].id)
    qtbot.waitUntil(other.isEnabled, timeout=10000)
    assert len(page.pane.windows) == 2 and other.window() is not first.window()
    assert page.open_editor(people["何欣怡"].id) is first  # brought forward, not opened again

    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.close()  # unsaved edits: asked, and Cancel keeps the window
    assert asked and window.isVisible()


def test_closing_a_file_with_edits_asks_and_can_save(qtbot, controller, shop, monkeypatch):
    page, people = shop
    file = open_from_list(qtbot, page, "林晓峰")
    file.city.setCurrentText("苏州")
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not page.pane.close_tab(page.pane.indexOf(file))
    assert "林晓峰" in asked[0] and page.pane.count() == 1 and file.city.currentText() == "苏州"

    answer(monkeypatch, QMessageBox.StandardButton.Save)
    with qtbot.waitSignal(file.saved, timeout=10000):
        page.pane.close_tab(page.pane.indexOf(file))
    qtbot.waitUntil(lambda: page.pane.count() == 0, timeout=10000)
    assert get_customer(controller.db, people["林晓峰"].id).city == "苏州"

    file = open_from_list(qtbot, page, "曾晓燕")
    file.city.setCurrentText("深圳")
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    assert page.pane.close_tab(page.pane.indexOf(file))
    assert get_customer(controller.db, people["曾晓燕"].id).city == "广州"


def test_leaving_the_app_with_unsaved_edits_asks(qtbot, controller, shop, monkeypatch):
    page, _people = shop
    window = controller.window
    window.show()
    file = open_from_list(qtbot, page, "何欣怡")
    file.inputs["name"].setText("何欣怡（新）")
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.close()
    assert window.isVisible() and "1 customer file has unsaved changes" in asked[0]
    assert not window.may_leave()  # opening another database asks the same
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    window.close()
    assert not window.isVisible()


def test_an_open_file_follows_changes_made_elsewhere(qtbot, controller, shop):
    page, people = shop
    record = people["何欣怡"]
    clean = open_from_list(qtbot, page, "何欣怡")
    edited = page.open_window(people["林晓峰"].id)
    qtbot.waitUntil(edited.isEnabled, timeout=10000)
    edited.inputs["address"].setText("徐汇区")
    db, actor = controller.db, controller.actor
    for person, city in ((record, "温州"), (people["林晓峰"], "南京")):
        update_customer(db, person.id, as_edited(get_customer(db, person.id), city=city),
                        expected_version=person.version, actor=actor)  # fmt: skip
    announce(Changes.of(Kind.FILES, [record.id, people["林晓峰"].id]))
    qtbot.waitUntil(lambda: clean.city.currentText() == "温州", timeout=10000)
    assert edited.inputs["address"].text() == "徐汇区"  # unsaved edits are never replaced
    assert "changed elsewhere" in edited.status.text()


def test_a_file_opens_on_its_contact_log_then_on_the_tab_last_chosen(qtbot, shop):
    page, people = shop
    file = open_from_list(qtbot, page, "何欣怡")
    assert file.current_tab() == "timeline"  # the contact log at the file's centre
    assert not file.revert_button.isEnabled()  # nothing to discard yet
    file.inputs["address"].setText("文三路")
    assert file.revert_button.isEnabled()
    file.revert_button.click()
    assert file.inputs["address"].text() == "" and not file.is_dirty()
    file.show_tab("purchases")
    other = page.open_window(people["曾晓燕"].id)
    qtbot.waitUntil(other.isEnabled, timeout=10000)
    assert other.current_tab() == "purchases"


def test_deleting_the_customer_of_an_open_file_closes_it_quietly(qtbot, shop, monkeypatch):
    page, _people = shop
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    file = open_from_list(qtbot, page, "曾晓燕")
    qtbot.waitUntil(lambda: page.view.selectRow(0) or page.selected_ids() == [file.customer_id],
                    timeout=10000)  # the list may be read again meanwhile  # fmt: skip
    page.delete_action.trigger()  # no "not found" box: the autouse guard would fail here
    qtbot.waitUntil(lambda: page.pane.count() == 0, timeout=10000)
    assert page.info_bar.isVisible() and file not in page.pane.files()
