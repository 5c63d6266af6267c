"""Read-only tabs of a customer file: purchase history and change history."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from camdesk.services.customers.history import ChangeEntry
from camdesk.services.customers.orders import OrderRow, PurchaseSummary
from camdesk.views.customers.labels import OPERATIONS, field_label, show_value
from camdesk.views.customers.labels import tr as tr_field


def money(fen: int | None) -> str:
    return "" if fen is None else f"¥{fen / 100:,.2f}"


def _table(parent: QWidget, columns: int) -> QTableWidget:
    table = QTableWidget(0, columns, parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class PurchasesTab(QWidget):
    """A customer's orders with totals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setObjectName("purchaseSummary")
        self.table = _table(self, 6)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self._data: tuple[list[OrderRow], PurchaseSummary | None] = ([], None)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("Date"), self.tr("Product"), self.tr("Category"), self.tr("Quantity"),
            self.tr("Amount"), self.tr("Channel"),
        ])  # fmt: skip
        self.show_orders(*self._data)

    def show_orders(self, orders: list[OrderRow], summary: PurchaseSummary | None) -> None:
        self._data = (orders, summary)
        if summary is None or summary.orders == 0:
            self.summary.setText(self.tr("No purchases yet."))
        else:
            self.summary.setText(
                self.tr("%n order(s), total %1, margin %2, first %3, last %4", "", summary.orders)
                .replace("%1", money(summary.amount))
                .replace("%2", money(summary.margin))
                .replace("%3", str(summary.first))
                .replace("%4", str(summary.last))
            )
        self.table.setRowCount(len(orders))
        for row, order in enumerate(orders):
            values = [str(order.ordered_on), order.product or "", order.category or "",
                      str(order.quantity), money(order.amount), order.channel or ""]  # fmt: skip
            for column, text in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()


class HistoryTab(QWidget):
    """Who changed what, when: the change log of the customer and its contacts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = _table(self, 5)
        self.table.setObjectName("historyTable")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self._data: tuple[list[ChangeEntry], dict[str, str], dict[str, str]] = ([], {}, {})
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("Who"), self.tr("Field"), self.tr("Old value"),
            self.tr("New value"),
        ])  # fmt: skip
        self.show_history(*self._data)

    def show_history(
        self, entries: list[ChangeEntry], owners: dict[str, str], custom: dict[str, str]
    ) -> None:
        self._data = (entries, owners, custom)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            if entry.field is None:
                what = tr_field(OPERATIONS.get(entry.op, entry.op))
                if entry.table == "contact":
                    what = f"{field_label('contacts')}: {what}"
            else:
                what = field_label(entry.field, custom)
                if entry.table == "contact":
                    what = f"{field_label('contacts')} · {what}"
            values = [
                entry.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                entry.user or QCoreApplication.translate("HistoryTab", "(unknown)"),
                what,
                show_value(entry.field, entry.old, owners) if entry.field else "",
                show_value(entry.field, entry.new, owners) if entry.field else "",
            ]
            for column, text in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
