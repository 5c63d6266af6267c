"""The Feedback screen: the team's items listed, filtered, searched and sorted, and a
complaint worked from the list to resolved."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from camdesk.services.core.users import ensure_user
from camdesk.services.feedback.workflow import FeedbackData, add_feedback
from camdesk.views.combo import index_of
from camdesk.views.feedback.dialogs import StepDialog
from tests.factories import make_customer
from tests.gui.screens import open_screen


def _seed(db, actor):
    he = make_customer(db, actor, name="何欣怡")
    lin = make_customer(db, actor, name="林晓峰")
    now = datetime.now(UTC)
    for customer, kind, text, severity, hours in (
        (he, "complaint", "快递把包装压坏了", "high", 30),  # due 24 h after: overdue
        (lin, "question", "发票怎么开", "normal", 2),
        (he, "praise", "客服态度很好", "low", 1),
    ):
        data = FeedbackData(customer.id, kind, text, severity=severity,
                            received_at=now - timedelta(hours=hours))  # fmt: skip
        add_feedback(db, data, actor)
    return he


def _open(qtbot, controller):
    return open_screen(qtbot, controller, "feedback")


def _column(page, key):
    from camdesk.views.feedback.list_model import COLUMNS

    index = next(i for i, c in enumerate(COLUMNS) if c.key == key)
    return [page.model.index(r, index).data() for r in range(page.model.rowCount())]


def _choose(qtbot, page, combo, data):
    with qtbot.waitSignal(page.loaded, timeout=10000):
        combo.setCurrentIndex(index_of(combo, data))
        combo.activated.emit(combo.currentIndex())


def test_the_list_shows_filters_searches_and_sorts_the_teams_feedback(qtbot, controller,
                                                                       qtmodeltester):  # fmt: skip
    _seed(controller.db, controller.actor)
    page = _open(qtbot, controller)
    qtmodeltester.check(page.model)
    assert _column(page, "number") == ["FB-3", "FB-2", "FB-1"]  # newest first
    assert page.count.text() == "3 items"
    assert _column(page, "customer") == ["何欣怡", "林晓峰", "何欣怡"]
    due = page.model.index(2, 7)
    assert due.data(Qt.ItemDataRole.ForegroundRole) is not None  # FB-1 is overdue
    assert page.model.index(0, 7).data(Qt.ItemDataRole.ForegroundRole) is None
    _choose(qtbot, page, page.filters.state, "overdue")
    assert _column(page, "number") == ["FB-1"]
    _choose(qtbot, page, page.filters.state, "open")
    _choose(qtbot, page, page.filters.kind, "question")
    assert _column(page, "number") == ["FB-2"]
    _choose(qtbot, page, page.filters.kind, None)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.filters.search.setText("hxy")  # 何欣怡's initials
    assert sorted(_column(page, "number")) == ["FB-1", "FB-3"]
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.filters.search.setText("")
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # severity: high, normal, low
    assert _column(page, "severity") == ["High", "Normal", "Low"]


def test_a_complaint_is_resolved_from_the_list_and_its_steps_show(qtbot, controller):
    db, actor = controller.db, controller.actor
    ensure_user(db, "wangfang", "王芳")
    he = _seed(db, actor)
    page = _open(qtbot, controller)
    assert page.select_number(1)
    qtbot.waitUntil(lambda: "快递把包装压坏了" in page.detail.toPlainText(), timeout=10000)
    assert "FB-1" in page.title.text() and "何欣怡" in page.title.text()
    assert [n for n, b in page.steps.buttons.items() if b.isEnabled()] == ["assign", "start"]
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.steps.buttons["start"].click()
    qtbot.waitUntil(lambda: page.current() is not None and page.current().number == 1
                    and page.current().status == "in_progress", timeout=10000)  # fmt: skip
    page.steps.buttons["resolve"].click()
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, StepDialog) and w.isVisible())  # fmt: skip
    dialog.text.setPlainText("补发了新的")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    # Resolved items leave the open list; all items show it resolved with its steps.
    qtbot.waitUntil(lambda: _column(page, "number") == ["FB-3", "FB-2"], timeout=10000)
    _choose(qtbot, page, page.filters.state, "all")
    assert page.select_number(1)
    qtbot.waitUntil(lambda: "补发了新的" in page.detail.toPlainText(), timeout=10000)
    text = page.detail.toPlainText()
    assert "New → In progress" in text and "In progress → Resolved" in text
    with qtbot.waitSignal(page.edit_requested, timeout=5000) as opened:
        page.file_button.click()
    assert opened.args == [he.id]
