"""The contact log: logged from the customer file and from the list (Ctrl+L), newest first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Qt

from camdesk.services.customers.files import get_customer
from camdesk.services.customers.interactions import list_interactions, log_interaction
from camdesk.views.customers.timeline_tab import LogDialog
from tests.factories import make_customer


def test_logging_a_contact_from_the_customer_file(qtbot, controller):
    db, actor = controller.db, controller.actor
    ident = make_customer(db, actor, name="吴芳").id
    log_interaction(db, ident, actor, kind="call", subject="新品介绍",
                    occurred_at=datetime.now(UTC) - timedelta(days=3))  # fmt: skip
    dialog = controller.window.customers.open_editor(ident)
    qtbot.waitUntil(dialog.isEnabled, timeout=10000)
    tab = dialog.timeline
    assert tab.table.rowCount() == 1 and tab.table.item(0, 3).text() == "新品介绍"
    assert dialog.tabs.tabText(dialog.tabs.indexOf(tab)) == "Contact log (1)"

    qtbot.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.findChild(LogDialog) is not None, timeout=5000)
    ask = dialog.findChild(LogDialog)
    assert dialog.tabs.currentWidget() is tab
    save = ask.buttons.button(ask.buttons.StandardButton.Save)
    assert not save.isEnabled()  # nothing said yet
    ask.channel.setCurrentIndex(ask.channel.findData("wechat"))
    ask.direction.setCurrentIndex(ask.direction.findData("in"))
    ask.summary.insert("询问会员价")
    ask.outcome.insertPlainText("已发报价单")
    ask.next_step.insert("下周回访")
    ask.buttons.accepted.emit()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2, timeout=10000)
    newest = list_interactions(db, ident)[0]
    assert (newest.kind, newest.direction, newest.subject, newest.outcome, newest.next_step) == (
        "wechat", "in", "询问会员价", "已发报价单", "下周回访")  # fmt: skip
    assert tab.table.item(0, 1).text() == "WeChat" and tab.table.item(0, 2).text() == "Incoming"
    assert dialog.tabs.tabText(dialog.tabs.indexOf(tab)) == "Contact log (2)"
    assert get_customer(db, ident).last_contact_at == newest.occurred_at

    note = tab.open_dialog(note=True)
    assert note.direction.isHidden()  # a note has no direction
    note.outcome.insertPlainText("客户不喜欢早上来电")
    note.buttons.accepted.emit()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 3, timeout=10000)
    assert get_customer(db, ident).last_contact_at == newest.occurred_at  # a note is no contact


def test_a_contact_in_the_future_is_refused_in_the_dialog(qtbot, controller):
    db, actor = controller.db, controller.actor
    ident = make_customer(db, actor, name="郑重").id
    dialog = controller.window.customers.open_editor(ident)
    qtbot.waitUntil(dialog.isEnabled, timeout=10000)
    ask = dialog.timeline.open_dialog()
    ask.when.setMaximumDateTime(QDateTime.currentDateTime().addDays(10))
    ask.when.setDateTime(QDateTime.currentDateTime().addDays(2))
    ask.summary.insert("约拜访")
    ask.buttons.accepted.emit()
    qtbot.waitUntil(ask.error.isVisible, timeout=10000)
    assert "future" in ask.error.text() and list_interactions(db, ident) == []
    ask.reject()


def test_ctrl_l_in_the_list_logs_a_contact_with_the_current_customer(qtbot, controller):
    db, actor = controller.db, controller.actor
    ident = make_customer(db, actor, name="冯晓").id
    page = controller.window.customers
    page.model.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(0, 0))
    ask = page.log_contact()
    assert ask is not None and "冯晓" in ask.windowTitle()
    ask.summary.insert("电话回访")
    with qtbot.waitSignal(controller.window._events.changed, timeout=10000):
        ask.buttons.accepted.emit()
    assert [e.subject for e in list_interactions(db, ident)] == ["电话回访"]
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, [c.key for c in page.model.columns].index("contact_days"))) == 0, timeout=10000)  # fmt: skip
