"""The Purchases tab of a customer file: orders with totals, entered, edited and deleted by
hand (a deletion can be undone); points and value measures follow."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from camdesk.services.core.changes import Changes, Written
from camdesk.services.core.context import Actor
from camdesk.services.customers.orders import OrderData, OrderRow, PurchaseSummary
from camdesk.views.access import writable
from camdesk.views.background import run_write
from camdesk.views.form_parts import error_line, ok_buttons, refused, summary_over_table
from camdesk.views.icons import SP, icon
from camdesk.views.undo import undo_in_background
from camdesk.views.value.panels import fill_table, read_only_table

if TYPE_CHECKING:
    from camdesk.db import Database

Loaded = tuple[list[OrderRow], PurchaseSummary]


def money(fen: int | None) -> str:
    return "" if fen is None else f"¥{fen / 100:,.2f}"


def fen_of(text: str) -> int | None:
    """Yuan typed by a user (¥ and thousands separators allowed) in fen; None when empty.

    Raises:
        ValueError: not an amount of money.
    """
    cleaned = text.strip().replace("¥", "").replace(",", "").replace("，", "")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite() or value < 0:
        raise ValueError(text)
    return int((value * 100).to_integral_value())


class OrderDialog(QDialog):
    """An order by hand: date, order number, product, category, quantity, amount, cost, channel."""

    def __init__(self, order: OrderRow | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderDialog")
        self.setMinimumWidth(380)
        self.setWindowTitle(self.tr("Edit order") if order else self.tr("New order"))
        today = date.today()
        day = order.ordered_on if order else today
        self.ordered_on = QDateEdit(QDate(day.year, day.month, day.day), self)
        self.ordered_on.setObjectName("orderedOn")
        self.ordered_on.setCalendarPopup(True)
        self.ordered_on.setDisplayFormat("yyyy-MM-dd")
        self.ordered_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.order_no, self.product = QLineEdit(self), QLineEdit(self)
        self.category, self.channel = QLineEdit(self), QLineEdit(self)
        for edit, name, most in ((self.order_no, "orderNo", 40), (self.product, "product", 200),
                                 (self.category, "category", 60), (self.channel, "channel", 40)):  # fmt: skip
            edit.setObjectName(name)
            edit.setMaxLength(most)
        self.quantity = QSpinBox(self)
        self.quantity.setObjectName("quantity")
        self.quantity.setRange(0, 1_000_000)
        self.amount = QDoubleSpinBox(self)
        self.amount.setObjectName("amount")
        self.amount.setRange(0, 1_000_000_000)
        self.amount.setDecimals(2)
        self.amount.setPrefix("¥")
        self.amount.setGroupSeparatorShown(True)
        self.cost = QLineEdit(self)
        self.cost.setObjectName("cost")
        self.cost.setPlaceholderText(self.tr("Unknown (then so is the margin)"))
        self.error = error_line(self)
        self.buttons = ok_buttons(self)
        form = QFormLayout()
        for label, widget in ((self.tr("Date"), self.ordered_on), (self.tr("Order no."), self.order_no),
                              (self.tr("Product"), self.product), (self.tr("Category"), self.category),
                              (self.tr("Quantity"), self.quantity), (self.tr("Amount"), self.amount),
                              (self.tr("Cost"), self.cost), (self.tr("Channel"), self.channel)):  # fmt: skip
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if order is not None:
            self.order_no.setText(order.order_no or "")
            self.product.setText(order.product or "")
            self.category.setText(order.category or "")
            self.channel.setText(order.channel or "")
            self.quantity.setValue(order.quantity)
            self.amount.setValue(order.amount / 100)
            self.cost.setText("" if order.cost is None else f"{order.cost / 100:.2f}")
        else:
            self.quantity.setValue(1)

    def data(self) -> OrderData | None:
        """What the user entered, or None (and the reason shown) when the cost is no amount."""
        try:
            cost = fen_of(self.cost.text())
        except ValueError:
            self.show_problem(self.tr("Cost: “%1” is not an amount of money.").replace("%1", self.cost.text()))  # fmt: skip
            return None
        picked = self.ordered_on.date()
        return OrderData(date(picked.year(), picked.month(), picked.day()),
                         round(self.amount.value() * 100), self.product.text(),
                         self.category.text(), self.quantity.value(), cost, self.channel.text(),
                         self.order_no.text())  # fmt: skip

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class PurchasesTab(QWidget):
    """A customer's orders with totals, and Add, Edit, Delete (and Undo of a deletion).

    Signals:
        orders_changed(): an order was added, changed, deleted or brought back.
    """

    orders_changed = Signal()

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._actor = db, actor
        self._customer: uuid.UUID | None = None
        self.orders: list[OrderRow] = []
        self._summary: PurchaseSummary | None = None
        self._undo: uuid.UUID | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("purchaseSummary")
        self.table = read_only_table(self, "ordersTable")
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._enable)
        self.buttons = {name: QPushButton(self) for name in ("add", "edit", "delete", "undo")}
        marks = {"add": ("shopping-cart", SP.SP_FileDialogNewFolder), "edit": ("square-pen", SP.SP_FileDialogDetailedView),
                 "delete": ("trash-2", SP.SP_TrashIcon), "undo": ("undo-2", SP.SP_ArrowBack)}  # fmt: skip
        for name, button in self.buttons.items():
            button.setObjectName(f"{name}Order")
            button.setIcon(icon(*marks[name]))
        self.buttons["add"].clicked.connect(lambda: self.open_dialog(None))
        self.buttons["edit"].clicked.connect(self.edit_selected)
        self.buttons["delete"].clicked.connect(self.delete_selected)
        self.buttons["undo"].clicked.connect(self.undo_delete)
        self.buttons["undo"].hide()
        summary_over_table(self, self.summary, list(self.buttons.values()), self.table)
        self.retranslate()

    def retranslate(self) -> None:
        texts = {"add": self.tr("Add order…"), "edit": self.tr("Edit…"),
                 "delete": self.tr("Delete"), "undo": self.tr("Undo delete")}  # fmt: skip
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.show_orders(self._customer, self.orders, self._summary)

    def show_orders(self, customer_id: uuid.UUID | None, orders: list[OrderRow],
                    summary: PurchaseSummary | None) -> None:  # fmt: skip
        self._customer, self.orders, self._summary = customer_id, orders, summary
        self.summary.setText(self._summary_text(summary))
        rows = [(str(o.ordered_on), o.order_no or "", o.product or "", o.category or "",
                 str(o.quantity), money(o.amount), money(o.cost),
                 money(o.amount - o.cost) if o.cost is not None else self.tr("unknown"),
                 o.channel or "") for o in orders]  # fmt: skip
        headers = [self.tr("Date"), self.tr("Order no."), self.tr("Product"), self.tr("Category"),
                   self.tr("Quantity"), self.tr("Amount"), self.tr("Cost"), self.tr("Margin"),
                   self.tr("Channel")]  # fmt: skip
        fill_table(self.table, headers, rows, numeric=(4, 5, 6, 7))
        self._enable()

    def _summary_text(self, summary: PurchaseSummary | None) -> str:
        if summary is None or summary.orders == 0:
            return self.tr("No purchases yet.")
        if summary.margin is None:
            margin = self.tr("margin unknown (no order has a cost)")
        elif summary.costed < summary.orders:
            margin = (self.tr("margin %1 (of the %n order(s) with a cost)", "", summary.costed)
                      .replace("%1", money(summary.margin)))  # fmt: skip
        else:
            margin = self.tr("margin %1").replace("%1", money(summary.margin))
        return (self.tr("%n order(s), total %1, %2, first %3, last %4", "", summary.orders)
                .replace("%1", money(summary.amount)).replace("%2", margin)
                .replace("%3", str(summary.first)).replace("%4", str(summary.last)))  # fmt: skip

    def _enable(self) -> None:
        can = writable(self._db) and self._customer is not None
        picked = self._picked() is not None
        self.buttons["add"].setEnabled(can)
        self.buttons["edit"].setEnabled(can and picked)
        self.buttons["delete"].setEnabled(can and picked)

    def _picked(self) -> OrderRow | None:
        row = self.table.currentRow()
        selected = self.table.selectionModel().hasSelection()
        return self.orders[row] if selected and 0 <= row < len(self.orders) else None

    def open_dialog(self, order: OrderRow | None) -> OrderDialog | None:
        """Ask for a new order (None) or changes to ``order`` (window-modal)."""
        if self._customer is None or not writable(self._db):
            return None
        dialog = OrderDialog(order, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.buttons.accepted.connect(lambda: self._submit(dialog, order))
        dialog.open()
        return dialog

    def edit_selected(self) -> OrderDialog | None:
        order = self._picked()
        return self.open_dialog(order) if order is not None else None

    def _submit(self, dialog: OrderDialog, order: OrderRow | None) -> None:
        db, actor, customer = self._db, self._actor, self._customer
        data = dialog.data()
        if customer is None or data is None:
            return

        def work(_state: object) -> Written[Loaded]:
            from camdesk.services.customers import orders as service

            if order is None:
                changes = service.record_order(db, customer, data, actor).changes
            else:
                changes = service.update_order(db, order.id, order.version, data, actor)
            return Written(_read(db, customer), changes)

        def failed(exc: BaseException) -> None:
            refused(dialog, dialog.error, dialog.buttons, exc)

        def saved(result: Written[Loaded]) -> None:
            dialog.accept()
            self._shown(result)

        dialog.buttons.setEnabled(False)
        run_write(work, self, saved, failed)

    def delete_selected(self) -> None:
        db, actor, customer, order = self._db, self._actor, self._customer, self._picked()
        if customer is None or order is None:
            return

        def work(_state: object) -> Written[Loaded]:
            from camdesk.services.customers import orders as service

            changes = service.delete_order(db, order.id, order.version, actor)
            return Written(_read(db, customer), changes)

        def done(result: Written[Loaded]) -> None:
            self._undo = result.changes.action
            self.buttons["undo"].show()
            self._shown(result)

        run_write(work, self, done)

    def undo_delete(self) -> None:
        db, actor, customer, txn = self._db, self._actor, self._customer, self._undo
        if customer is None or txn is None:
            return

        def done() -> None:
            self._undo = None
            self.buttons["undo"].hide()
            self.reload()

        undo_in_background(self, db, actor, txn, done)

    def reload(self) -> None:
        db, customer = self._db, self._customer
        if customer is None:
            return
        from camdesk.views.background import run_read

        run_read(lambda _s: _read(db, customer), self,
                 lambda loaded: self._shown(Written(loaded, Changes())))  # fmt: skip

    def _shown(self, result: Written[Loaded]) -> None:
        orders, summary = result.value
        self.show_orders(self._customer, orders, summary)
        self.orders_changed.emit()


def _read(db: Database, customer: uuid.UUID) -> Loaded:
    from camdesk.services.customers.orders import list_orders, purchase_summary

    return list_orders(db, customer), purchase_summary(db, customer)
