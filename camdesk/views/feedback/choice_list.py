"""An editable list of the team's choices (feedback categories, churn reasons): rename an
entry in place, add one, stop offering one. Entries are never removed: items carry their
keys, and a retired entry still names them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from camdesk.services.feedback.rules import Choice
from camdesk.views.feedback.names import choice_name


class ChoiceList(QWidget):
    """The entries of one list, each with its name and whether it is offered."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._given: list[Choice | None] = []  # per row: the entry it was (None: added here)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName(name)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.add_button = QPushButton(self)
        self.add_button.setObjectName(f"{name}Add")
        self.add_button.clicked.connect(lambda: self.add_entry())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Offered")])
        self.add_button.setText(self.tr("Add"))

    def show_choices(self, choices: tuple[Choice, ...]) -> None:
        self.table.setRowCount(0)
        self._given = []
        for choice in choices:
            self._append(choice_name(choice), not choice.retired, choice)

    def _append(self, text: str, offered: bool, given: Choice | None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(text))
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        check.setCheckState(Qt.CheckState.Checked if offered else Qt.CheckState.Unchecked)
        self.table.setItem(row, 1, check)
        self._given.append(given)
        return row

    def add_entry(self, text: str = "") -> int:
        """A new, offered entry; its name is edited at once (returns its row)."""
        row = self._append(text, True, None)
        self.table.setCurrentCell(row, 0)
        item = self.table.item(row, 0)
        if not text and item is not None:
            self.table.editItem(item)
        return row

    def choices(self) -> tuple[Choice, ...]:
        """The entries as edited: one whose shown name is unchanged keeps its stored
        label (camdesk's own stay translated for everyone); a renamed one stores the
        name as typed."""
        found = []
        for row, given in enumerate(self._given):
            name_item, check = self.table.item(row, 0), self.table.item(row, 1)
            text = name_item.text().strip() if name_item else ""
            offered = check is not None and check.checkState() == Qt.CheckState.Checked
            if given is not None and text == choice_name(given):
                text = given.label
            found.append(Choice(given.key if given else "", text, not offered))
        return tuple(found)
