"""Duplicates: scan the whole database for likely duplicates, review, merge, undo.

The scan runs in the background (a million customers take under a minute);
each group shows its score and why its customers look alike.  Merging opens a
side-by-side dialog where each field's value is chosen; the merge is one
change that the Undo button takes apart again.  The services that touch the
database are imported where they are used (see :mod:`camdesk.views.customers.page`).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from camdesk.errors import Cancelled
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.services.core.changes import Changes
from camdesk.services.core.context import Actor
from camdesk.services.core.validation import display_phone
from camdesk.views.background import TaskState, run_read, run_write
from camdesk.views.errors import show_error
from camdesk.views.events import AppEvents
from camdesk.views.undo import undo_in_background

if TYPE_CHECKING:
    from camdesk.db import Database
    from camdesk.services.customers.files import CustomerRecord
    from camdesk.services.data.dedupe import DuplicateGroup

REASONS = {
    "code": QT_TRANSLATE_NOOP("Duplicates", "same customer code"),
    "mobile": QT_TRANSLATE_NOOP("Duplicates", "same mobile"),
    "email": QT_TRANSLATE_NOOP("Duplicates", "same email"),
    "phone": QT_TRANSLATE_NOOP("Duplicates", "same phone"),
    "name+company": QT_TRANSLATE_NOOP("Duplicates", "alike names, same company"),
    "name+city": QT_TRANSLATE_NOOP("Duplicates", "alike names, same city"),
    "sound+mobile": QT_TRANSLATE_NOOP(
        "Duplicates", "names that sound alike, mobiles one digit apart"
    ),
    "sound+birthday": QT_TRANSLATE_NOOP("Duplicates", "names that sound alike, same birthday"),
}
# Facts shown for each candidate of a merge, to choose the one to keep.
FACTS = (
    ("owner", QT_TRANSLATE_NOOP("Duplicates", "Owner")),
    ("orders", QT_TRANSLATE_NOOP("Duplicates", "Orders")),
    ("last_contact", QT_TRANSLATE_NOOP("Duplicates", "Last contact")),
    ("created", QT_TRANSLATE_NOOP("Duplicates", "Created")),
)
# Fields chosen in the merge dialog: (attribute, label).
MERGED_FIELDS = (
    ("name", QT_TRANSLATE_NOOP("Duplicates", "Name")),
    ("code", QT_TRANSLATE_NOOP("Duplicates", "Code")),
    ("mobile", QT_TRANSLATE_NOOP("Duplicates", "Mobile")),
    ("phone", QT_TRANSLATE_NOOP("Duplicates", "Phone")),
    ("email", QT_TRANSLATE_NOOP("Duplicates", "Email")),
    ("birthday", QT_TRANSLATE_NOOP("Duplicates", "Birthday")),
    ("province", QT_TRANSLATE_NOOP("Duplicates", "Province")),
    ("city", QT_TRANSLATE_NOOP("Duplicates", "City")),
    ("address", QT_TRANSLATE_NOOP("Duplicates", "Address")),
    ("company_name", QT_TRANSLATE_NOOP("Duplicates", "Company")),
    ("source", QT_TRANSLATE_NOOP("Duplicates", "Source")),
    ("preferences", QT_TRANSLATE_NOOP("Duplicates", "Preferences")),  # notes: all kept (the log)
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Duplicates", text)


class DuplicatesPage(QWidget):
    """The duplicate groups of the database, and merging them."""

    def __init__(self, *, db: Database | None, actor: Actor | None, events: AppEvents,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._db, self._actor, self._events = db, actor, events
        self.groups: list[DuplicateGroup] = []
        self._state: TaskState | None = None
        self._undo: uuid.UUID | None = None
        self.scan_button = QPushButton(self)
        self.scan_button.setObjectName("scanDuplicates")
        self.scan_button.clicked.connect(self.scan)
        self.merge_button = QPushButton(self)
        self.merge_button.setObjectName("mergeGroup")
        self.merge_button.clicked.connect(self.merge_selected)
        self.undo_button = QPushButton(self)
        self.undo_button.clicked.connect(self.undo_merge)
        self.undo_button.hide()
        self.status = QLabel(self)
        self.status.setObjectName("duplicatesStatus")
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("duplicateGroups")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 70)
        self.table.setColumnWidth(1, 260)
        self.table.doubleClicked.connect(lambda _index: self.merge_selected())
        bar = QHBoxLayout()
        for widget in (self.scan_button, self.merge_button, self.undo_button):
            bar.addWidget(widget)
        bar.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._retranslate()
        self.scan_button.setEnabled(db is not None)

    def attach(self, db: Database, actor: Actor) -> None:
        self._db, self._actor = db, actor
        self.scan_button.setEnabled(True)

    def _retranslate(self) -> None:
        self.scan_button.setText(QCoreApplication.translate("Duplicates", "Find duplicates"))
        self.merge_button.setText(QCoreApplication.translate("Duplicates", "Merge…"))
        self.undo_button.setText(QCoreApplication.translate("Duplicates", "Undo the merge"))
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("Duplicates", "Score"),
                QCoreApplication.translate("Duplicates", "Why"),
                QCoreApplication.translate("Duplicates", "Customers"),
            ]
        )
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def scan(self) -> None:
        """Look for duplicates in the background; the list fills when done."""
        db = self._db
        if db is None:
            return
        if self._state is not None:
            self._state.cancel()
        self.scan_button.setEnabled(False)
        self.status.setText(QCoreApplication.translate("Duplicates", "Looking for duplicates…"))

        def work(state: TaskState) -> list[DuplicateGroup]:
            from camdesk.services.data.dedupe import find_duplicates

            return find_duplicates(db, progress=state.progress, cancelled=state.cancelled)

        def done(groups: list[DuplicateGroup]) -> None:
            self.groups = groups
            self.scan_button.setEnabled(True)
            self._fill()

        def failed(exc: BaseException) -> None:
            self.scan_button.setEnabled(True)
            if not isinstance(exc, Cancelled):
                show_error(self, exc)

        self._state = run_read(work, self, done, failed)

    def _fill(self) -> None:
        self.table.setRowCount(len(self.groups))
        for row, group in enumerate(self.groups):
            why = ", ".join(_tr(REASONS.get(r, r)) for r in group.reasons)
            for column, text in enumerate((str(group.score), why, "  ·  ".join(group.names))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self._state is not None:
            self.status.setText(QCoreApplication.translate("Duplicates", "%1 groups of likely duplicates.")
                                .replace("%1", f"{len(self.groups):,}"))  # fmt: skip
        from camdesk.views.access import writable

        self.merge_button.setEnabled(bool(self.groups) and writable(self._db))

    def merge_selected(self) -> MergeDialog | None:
        """Open the merge dialog for the selected group."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or self._db is None or self._actor is None:
            return None
        group = self.groups[rows[0].row()]
        dialog = MergeDialog(db=self._db, ids=list(group.ids), parent=self)
        dialog.accepted.connect(lambda: self._merge(dialog, group))
        dialog.open()
        return dialog

    def _merge(self, dialog: MergeDialog, group: DuplicateGroup) -> None:
        db, actor = self._db, self._actor
        keep, others, data = dialog.choice()
        if db is None or actor is None:
            return

        def work(_state: TaskState) -> Changes:
            from camdesk.services.customers.merge import merge_customers

            return merge_customers(db, keep, others, data, actor)

        def done(changes: Changes) -> None:
            self._undo = changes.action
            if group in self.groups:
                self.groups.remove(group)
            self._fill()
            self.status.setText(
                QCoreApplication.translate("Duplicates", "Merged %1 customers into one.").replace(
                    "%1", str(len(others) + 1)
                )
            )
            self.undo_button.show()

        run_write(work, self, done)

    def undo_merge(self) -> None:
        db, actor, txn = self._db, self._actor, self._undo
        if db is None or actor is None or txn is None:
            return

        def done() -> None:
            self._undo = None
            self.undo_button.hide()
            self.status.setText(QCoreApplication.translate("Duplicates", "The merge was undone."))

        undo_in_background(self, db, actor, txn, done)


class MergeDialog(QDialog):
    """The customers of a group side by side: which to keep, and each field's value."""

    def __init__(
        self, *, db: Database, ids: list[uuid.UUID], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(QCoreApplication.translate("Duplicates", "Merge customers"))
        self.ids = ids
        self.records: list[CustomerRecord] = []
        self.keep_group = QButtonGroup(self)
        self.choices: dict[str, QButtonGroup] = {}
        self.grid = QGridLayout()
        inner = QWidget(self)
        inner.setLayout(self.grid)
        scroll = QScrollArea(self)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        note = QLabel(QCoreApplication.translate("Duplicates", "Choose the customer to keep and, for each field, the value it keeps. Contacts, orders, interactions, tags and history of all of them move to it."), self)  # fmt: skip
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)  # fmt: skip
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("Duplicates", "Merge")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 560)

        def load(_state: TaskState) -> tuple[list[CustomerRecord], list[int]]:
            from camdesk.services.customers.files import get_customer
            from camdesk.services.customers.orders import purchase_summary

            return ([get_customer(db, i) for i in ids],
                    [purchase_summary(db, i).orders for i in ids])  # fmt: skip

        run_read(load, self, lambda found: self._show(*found))

    def _show(self, records: list[CustomerRecord], orders: list[int] | None = None) -> None:
        self.records = records
        self.grid.addWidget(QLabel(QCoreApplication.translate("Duplicates", "Keep"), self), 0, 0)
        for column, record in enumerate(records, start=1):
            keep = QRadioButton(record.name, self)
            keep.setChecked(column == 1)
            self.keep_group.addButton(keep, column - 1)
            self.grid.addWidget(keep, 0, column)
        self.facts = self._show_facts(records, orders or [0] * len(records))
        for row, (name, label) in enumerate(MERGED_FIELDS, start=len(FACTS) + 1):
            self.grid.addWidget(QLabel(_tr(label), self), row, 0)
            group = QButtonGroup(self)
            values = [getattr(r, name) for r in records]
            first = next((i for i, v in enumerate(values) if v not in (None, "")), 0)
            for column, value in enumerate(values, start=1):
                shown = display_phone(value) if name in ("mobile", "phone") else value
                button = QRadioButton("" if shown is None else str(shown), self)
                button.setChecked(column - 1 == first)
                group.addButton(button, column - 1)
                self.grid.addWidget(button, row, column, Qt.AlignmentFlag.AlignTop)
            self.choices[name] = group
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def _show_facts(self, records: list[CustomerRecord], orders: list[int]) -> list[list[str]]:
        """What tells the candidates apart when choosing the one to keep (rows 1-4)."""
        locale = QLocale()

        def moment(value: Any) -> str:
            return f"{value.astimezone():%Y-%m-%d}" if value is not None else "—"

        shown = []
        for row, (key, label) in enumerate(FACTS, start=1):
            self.grid.addWidget(QLabel(_tr(label), self), row, 0)
            texts = [
                {"owner": r.owner_name or "—", "orders": locale.toString(n),
                 "last_contact": moment(r.last_contact_at), "created": moment(r.created_at)}[key]
                for r, n in zip(records, orders, strict=True)
            ]  # fmt: skip
            for column, text in enumerate(texts, start=1):
                fact = QLabel(text, self)
                fact.setObjectName(f"mergeFact_{key}")
                self.grid.addWidget(fact, row, column)
            shown.append(texts)
        return shown

    def choice(self) -> tuple[uuid.UUID, list[uuid.UUID], Any]:
        """(customer kept, the others, the values it keeps) as chosen."""
        from camdesk.services.customers.files import as_edited

        keep = self.records[max(self.keep_group.checkedId(), 0)]
        chosen = {name: getattr(self.records[max(group.checkedId(), 0)], name)
                  for name, group in self.choices.items()}  # fmt: skip
        tags = tuple(dict.fromkeys(t for r in self.records for t in r.tags))
        custom: dict[str, Any] = {}
        for record in reversed(self.records):
            custom.update({k: v for k, v in record.custom.items() if v is not None})
        custom.update({k: v for k, v in keep.custom.items() if v is not None})
        data = as_edited(keep, **chosen, tags=tags, custom=custom)
        return keep.id, [r.id for r in self.records if r.id != keep.id], data
