"""Data > Imports: the import history, and undoing a whole import.

Undo reverts what nobody changed since, behind a progress dialog with Stop (a stop
changes nothing); what it kept (a file edited since, a field changed since) is listed
below the history with the reason.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.services.core.changes import Written
from camdesk.services.core.context import Actor
from camdesk.services.data.imports.history import FIELD_KEPT, ImportInfo, UndoneImport
from camdesk.views.background import TaskState, run_read, write_with_progress
from camdesk.views.customers.labels import field_label
from camdesk.views.form_parts import named_button, pick_table

if TYPE_CHECKING:
    from camdesk.db import Database

KINDS = {
    "customers": QT_TRANSLATE_NOOP("ImportsDialog", "Customers"),
    "contacts": QT_TRANSLATE_NOOP("ImportsDialog", "Contacts"),
    "orders": QT_TRANSLATE_NOOP("ImportsDialog", "Orders"),
    "interactions": QT_TRANSLATE_NOOP("ImportsDialog", "Contact log"),
    "responses": QT_TRANSLATE_NOOP("ImportsDialog", "Survey answers"),
}


class ImportsDialog(QDialog):
    """The latest imports, newest first; Undo on the chosen one."""

    def __init__(self, *, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importsDialog")
        self._db, self._actor = db, actor
        self.runs: list[ImportInfo] = []
        self.undone: UndoneImport | None = None
        self.table = pick_table(self, "importTable", 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._enable)
        self.undo_button = named_button(self, "undoImport", self.undo)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("undoResult")
        self.outcome.setWordWrap(True)
        self.kept = QListWidget(self)
        self.kept.setObjectName("undoKept")
        self.kept.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.outcome)
        layout.addWidget(self.kept, 1)
        layout.addWidget(close)
        self.retranslate()
        self.resize(900, 480)
        self.load()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Imports"))
        self.table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("File"), self.tr("What"), self.tr("Rows"), self.tr("New"),
            self.tr("Updated"), self.tr("With problems"), self.tr("By"),
        ])  # fmt: skip
        self.undo_button.setText(self.tr("Undo this import…"))

    def load(self, chosen: uuid.UUID | None = None) -> None:
        from camdesk.services.data.imports.history import list_imports

        db = self._db
        self._enable(False)
        run_read(lambda _state: list_imports(db), self, lambda runs: self._show(runs, chosen))

    def _show(self, runs: list[ImportInfo], chosen: uuid.UUID | None) -> None:
        self.runs = runs
        self.table.setRowCount(len(runs))
        locale = QLocale()
        for row, run in enumerate(runs):
            when = f"{run.at.astimezone():%Y-%m-%d %H:%M}"
            if run.undone_at is not None:
                when = self.tr("%1 (undone)").replace("%1", when)
            cells = [when, run.source or "—", kind_name(run.kind), locale.toString(run.rows),
                     locale.toString(run.created), locale.toString(run.updated),
                     locale.toString(run.problems), run.user or "—"]  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 3 and column < 7:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        at = next((i for i, r in enumerate(runs) if r.id == chosen), 0 if runs else -1)
        if at >= 0:
            self.table.selectRow(at)
        self._enable()

    def current(self) -> ImportInfo | None:
        row = self.table.currentRow()
        return self.runs[row] if 0 <= row < len(self.runs) else None

    def _enable(self, on: bool = True) -> None:
        run = self.current()
        self.undo_button.setEnabled(on and run is not None and run.undone_at is None)

    def undo(self) -> None:
        """Undo the chosen import, once the user confirms it."""
        from camdesk.services.data.imports.history import undo_import

        run, db, actor = self.current(), self._db, self._actor
        if run is None:
            return
        asked = QMessageBox.question(self, self.tr("Undo import"), self.tr(
            "Undo the import of %1? Customers it created go back to the deleted ones, and the "
            "fields it changed get their old values, except where someone changed them since."
        ).replace("%1", run.source or kind_name(run.kind)))  # fmt: skip
        if asked != QMessageBox.StandardButton.Yes:
            return

        def work(state: TaskState) -> Written[UndoneImport]:
            done = undo_import(db, run.id, actor, progress=state.progress,
                               cancelled=state.cancelled)  # fmt: skip
            return Written(done, done.changes)

        self._enable(False)
        self.undoing = write_with_progress(
            self, self.tr("Undoing the import…"), self.tr("Stop"), work,
            lambda written: self._undone(run, written.value), lambda: self._enable())  # fmt: skip

    def _undone(self, run: ImportInfo, done: UndoneImport) -> None:
        self.undone = done
        if done.kept:
            self.outcome.setText(self.tr(
                "The import is undone, except %n change(s) made since, kept as they are:", "",
                len(done.kept)))  # fmt: skip
        else:
            self.outcome.setText(self.tr("The import is undone entirely."))
        self.kept.clear()
        for item in done.kept[:500]:
            who = f"{item.customer} ({item.code})" if item.code else item.customer or "—"
            reason = QCoreApplication.translate("imports", item.reason)
            if item.reason == FIELD_KEPT:  # a field the import made, not a customer
                self.kept.addItem(f"{field_label(item.field or '', done.labels)}: {reason}")
            else:
                self.kept.addItem(f"{who}: {field_label(item.field, done.labels)}: {reason}"
                                  if item.field else f"{who}: {reason}")  # fmt: skip
        self.kept.setVisible(bool(done.kept))
        self.load(run.id)


def kind_name(kind: str) -> str:
    return QCoreApplication.translate("ImportsDialog", KINDS[kind]) if kind in KINDS else kind
