"""Points on the customer file: balance, ledger, redeem and adjust as a user does it."""

from __future__ import annotations

from datetime import date

from camdesk.services.core.users import local_actor
from camdesk.services.customers.orders import add_order
from camdesk.services.customers.points import balance
from camdesk.views.customers.points_tab import PointsDialog
from tests.factories import make_customer


def test_redeem_and_adjust_from_the_customer_file(qtbot, controller):
    db = controller.window.db
    actor = local_actor(db)
    ident = make_customer(db, actor, name="积分").id
    add_order(db, ident, actor, ordered_on=date(2025, 5, 1), amount=30000)  # ¥300: 300 points
    dialog = controller.window.customers.open_editor(ident)
    qtbot.waitUntil(dialog.isEnabled, timeout=10000)
    tab = dialog.points_tab
    assert "300" in tab.balance.text() and tab.table.rowCount() == 1
    assert dialog.tabs.tabText(dialog.tabs.indexOf(tab)) == "Points (300)"

    ask = tab.open_dialog("redeem")
    assert isinstance(ask, PointsDialog) and ask.points.maximum() == 300
    ask.points.setValue(120)
    ask.reason.insert("保温杯")  # as an input method commits Chinese text
    ask.buttons.accepted.emit()
    qtbot.waitUntil(lambda: tab.current == 180, timeout=10000)
    assert balance(db, ident) == 180 and tab.table.item(0, 4).text() == "保温杯"
    assert dialog.tabs.tabText(dialog.tabs.indexOf(tab)) == "Points (180)"

    ask = tab.open_dialog("adjust")
    ask.points.setValue(-500)
    ask.reason.insert("更正")
    ask.buttons.accepted.emit()
    qtbot.waitUntil(ask.error.isVisible, timeout=10000)
    assert "has 180 points; 500 cannot" in ask.error.text() and ask.isVisible()
    assert balance(db, ident) == 180
    ask.reject()
