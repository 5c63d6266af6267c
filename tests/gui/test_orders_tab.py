"""Orders by hand on the customer file: add, edit, delete and undo; points and margin follow."""

from __future__ import annotations

from datetime import date

from camdesk.services.customers.orders import add_order, list_orders
from camdesk.services.customers.points import balance
from tests.factories import make_customer


def _open(qtbot, controller, ident):
    dialog = controller.window.customers.open_editor(ident)
    qtbot.waitUntil(dialog.isEnabled, timeout=10000)
    return dialog, dialog.purchases


def test_adding_editing_deleting_and_undoing_an_order_by_hand(qtbot, controller):
    db, actor = controller.db, controller.actor
    ident = make_customer(db, actor, name="卫东").id
    _dialog, tab = _open(qtbot, controller, ident)
    assert tab.summary.text() == "No purchases yet." and tab.buttons["add"].isEnabled()
    ask = tab.open_dialog(None)
    ask.product.insert("龙井茶 250g")
    ask.category.insert("茶叶")
    ask.amount.setValue(180)
    ask.quantity.setValue(2)
    ask.order_no.insert("SO-20251101")
    ask.buttons.accepted.emit()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=10000)
    (order,) = list_orders(db, ident)
    assert (order.product, order.amount, order.quantity, order.cost, order.order_no) == (
        "龙井茶 250g", 18000, 2, None, "SO-20251101")  # fmt: skip
    assert balance(db, ident) == 180
    assert tab.table.item(0, 7).text() == "unknown"  # no cost: no margin
    assert "margin unknown" in tab.summary.text()

    tab.table.selectRow(0)
    ask = tab.edit_selected()
    assert ask.product.text() == "龙井茶 250g"
    ask.cost.setText("abc")
    ask.buttons.accepted.emit()
    assert ask.error.isVisible() and "not an amount" in ask.error.text()
    ask.cost.setText("¥100.50")
    ask.amount.setValue(150)
    ask.buttons.accepted.emit()
    qtbot.waitUntil(lambda: tab.orders and tab.orders[0].cost == 10050, timeout=10000)
    assert tab.table.item(0, 7).text() == "¥49.50" and "margin ¥49.50" in tab.summary.text()
    assert balance(db, ident) == 150  # the points followed the amount

    tab.table.selectRow(0)
    tab.buttons["delete"].click()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 0, timeout=10000)
    assert balance(db, ident) == 0 and not tab.buttons["undo"].isHidden()
    tab.buttons["undo"].click()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=10000)
    assert balance(db, ident) == 150 and tab.buttons["undo"].isHidden()


def test_a_partly_costed_history_says_whose_margin_it_is(qtbot, controller):
    db, actor = controller.db, controller.actor
    ident = make_customer(db, actor, name="成本").id
    add_order(db, ident, actor, ordered_on=date(2025, 1, 5), amount=10000, cost=6000)
    add_order(db, ident, actor, ordered_on=date(2025, 2, 5), amount=5000)
    _dialog, tab = _open(qtbot, controller, ident)
    assert "margin ¥40.00 (of the 1 order with a cost)" in tab.summary.text()
