"""Read-only tabs of a customer file: the change history."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from camdesk.services.customers.history import ChangeEntry
from camdesk.views.customers.labels import OPERATIONS, field_label, show_value
from camdesk.views.customers.labels import tr as tr_field


def _table(parent: QWidget, columns: int) -> QTableWidget:
    table = QTableWidget(0, columns, parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


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
