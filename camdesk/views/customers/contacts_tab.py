"""The contacts of a company's file: the people to talk to there, edited as a table."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from camdesk.errors import FieldProblem
from camdesk.services.core import validation as checks
from camdesk.services.customers.files import ContactData
from camdesk.views.customers.labels import field_label
from camdesk.views.errors import ERROR_STYLE
from camdesk.views.i18n import problem_text

CONTACT_COLUMNS = ("name", "title", "mobile", "phone", "email")


class ContactsTab(QWidget):
    """A company's contacts: one row each, added and removed with the buttons below.

    Signals:
        edited(): a cell, a row added or removed.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(CONTACT_COLUMNS), self)
        self.table.setObjectName("contactsTable")
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(self.edited)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(lambda: self.append(None))
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self._remove)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.addWidget(self.table)
        box.addWidget(self.error)
        box.addLayout(buttons)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([field_label(c) for c in CONTACT_COLUMNS])
        self.add_button.setText(self.tr("Add contact"))
        self.remove_button.setText(self.tr("Remove contact"))

    def show_contacts(self, contacts: tuple[ContactData, ...]) -> None:
        self.table.setRowCount(0)
        for contact in contacts:
            self.append(contact)

    def append(self, contact: ContactData | None) -> None:
        """Add a row showing ``contact`` (None: an empty row to type into)."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, name in enumerate(CONTACT_COLUMNS):
            value = getattr(contact, name) if contact else None
            if name in ("mobile", "phone"):
                value = checks.display_phone(value)
            item = QTableWidgetItem(value or "")
            if column == 0 and contact is not None:
                item.setData(Qt.ItemDataRole.UserRole, contact.id)
            self.table.setItem(row, column, item)
        self.edited.emit()

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.edited.emit()

    def collect(self) -> tuple[ContactData, ...]:
        """The contacts as typed (rows left wholly empty are not contacts)."""
        contacts = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c) for c in range(len(CONTACT_COLUMNS))]
            values = {n: (c.text().strip() or None) if c else None
                      for n, c in zip(CONTACT_COLUMNS, cells, strict=True)}  # fmt: skip
            first = cells[0]
            contact_id = first.data(Qt.ItemDataRole.UserRole) if first else None
            if any(values.values()) or contact_id:
                contacts.append(ContactData(
                    id=contact_id, name=values["name"] or "", title=values["title"],
                    mobile=values["mobile"], phone=values["phone"], email=values["email"],
                ))  # fmt: skip
        return tuple(contacts)

    def show_problems(self, problems: list[FieldProblem]) -> None:
        """Name each refused contact value ("Contact 2: Mobile — …"); none: clear."""
        self.error.setText("\n".join(
            self.tr("Contact %1: %2").replace("%1", p.field[9:p.field.index("]")])
            .replace("%2", f"{field_label(p.field.split('.')[-1])} — {problem_text(p)}")
            for p in problems
        ))  # fmt: skip
