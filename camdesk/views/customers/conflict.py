"""When two people saved the same customer: both versions side by side, the user decides."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from camdesk.services.core.changelog import to_json
from camdesk.services.core.validation import display_phone
from camdesk.services.customers.files import CustomerData, CustomerRecord
from camdesk.views.customers.labels import field_label, show_value


def _comparable(name: str, value: Any) -> Any:
    if name in ("mobile", "phone"):
        return display_phone(value) if value and str(value).startswith("+") else (value or None)
    if name == "contacts":
        return [(c.name, c.title, c.mobile, c.email) for c in value] or None
    if name == "tags":
        return sorted(value) or None
    if name == "custom":
        found = {k: to_json(v) for k, v in dict(value).items() if v not in (None, "")}
        return {k: str(v) for k, v in found.items()} or None
    return to_json(value) if value not in ("", ()) else None


def differences(mine: CustomerData, theirs: CustomerRecord) -> list[tuple[str, Any, Any]]:
    """(field, mine, theirs) for every field where the two versions disagree."""
    found = []
    for field in fields(CustomerData):
        ours = _comparable(field.name, getattr(mine, field.name))
        other = _comparable(field.name, getattr(theirs, field.name))
        if ours != other:
            found.append((field.name, ours, other))
    return found


class ConflictDialog(QDialog):
    """Shows my unsaved version beside the one someone else saved meanwhile.

    Attributes:
        table: field / my version / their version, one row per difference.
    """

    KEEP_MINE, TAKE_THEIRS, KEEP_EDITING = 1, 2, 0

    def __init__(self, *, message: str, mine: CustomerData, theirs: CustomerRecord,
                 owners: dict[str, str], parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Someone else changed this customer"))
        self._choice = self.KEEP_EDITING
        text = QLabel(message, self)
        text.setWordWrap(True)
        rows = differences(mine, theirs)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        by = theirs.updated_by_name or "?"
        self.table.setHorizontalHeaderLabels([
            self.tr("Field"), self.tr("Your version"), self.tr("Saved by %1").replace("%1", by)
        ])  # fmt: skip
        for row, (name, ours, other) in enumerate(rows):
            label = field_label(name) if name != "custom" else self.tr("Custom fields")
            for column, value in enumerate(
                (label, show_value(name, ours, owners), show_value(name, other, owners))
            ):
                self.table.setItem(row, column, QTableWidgetItem(value))
        buttons = QDialogButtonBox(self)
        self.keep_mine = QPushButton(self.tr("Save my version"))
        self.take_theirs = QPushButton(self.tr("Use their version"))
        self.keep_editing = QPushButton(self.tr("Keep editing"))
        buttons.addButton(self.keep_mine, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_theirs, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.keep_editing, QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_mine.clicked.connect(lambda: self._choose(self.KEEP_MINE))
        self.take_theirs.clicked.connect(lambda: self._choose(self.TAKE_THEIRS))
        self.keep_editing.clicked.connect(lambda: self._choose(self.KEEP_EDITING))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def _choose(self, choice: int) -> None:
        self._choice = choice
        self.accept() if choice else self.reject()

    def exec_choice(self) -> int:
        self.exec()
        return self._choice
