"""Data quality: customers with missing or invalid key fields, each opened to fix in place."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from camdesk.errors import Cancelled
from camdesk.services.core.changes import Changes, Kind, Written
from camdesk.services.core.context import Actor
from camdesk.views.access import writable
from camdesk.views.background import TaskState, run_read, run_write
from camdesk.views.errors import show_error
from camdesk.views.events import AppEvents, Freshness
from camdesk.views.undo import undo_in_background

if TYPE_CHECKING:
    from camdesk.db import Database
    from camdesk.services.data.quality import Finding, LeftOut, QualityIssue, Tidied


class QualityPage(QWidget):
    """The customers whose files need attention.

    Signals:
        edit_requested(object): open this customer's file (its id) to fix it.
    """

    edit_requested = Signal(object)

    def __init__(self, *, db: Database | None, events: AppEvents, actor: Actor | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._db, self._actor, self._events = db, actor, events
        self._undo: uuid.UUID | None = None
        self.issues: list[QualityIssue] = []
        self._checked = False
        self.check_button = QPushButton(self)
        self.check_button.setObjectName("checkQuality")
        self.check_button.clicked.connect(self.check)
        self.check_button.setEnabled(db is not None)
        self.tidy_button = QPushButton(self)
        self.tidy_button.setObjectName("tidyValues")
        self.tidy_button.clicked.connect(self.tidy)
        self.tidy_button.setEnabled(writable(db))
        self.undo_button = QPushButton(self)
        self.undo_button.clicked.connect(self.undo_tidy)
        self.undo_button.hide()
        self.dismiss_button = QPushButton(self)
        self.dismiss_button.setObjectName("dismissLeftOut")
        self.dismiss_button.clicked.connect(self.dismiss_left_out)
        self.dismiss_button.setEnabled(False)
        self.status = QLabel(self)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("qualityIssues")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.table.itemSelectionChanged.connect(self._on_selected)
        bar = QHBoxLayout()
        bar.addWidget(self.check_button)
        bar.addWidget(self.tidy_button)
        bar.addWidget(self.undo_button)
        bar.addWidget(self.dismiss_button)
        bar.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        # the list stays true once it is shown: checked again when seen after a change
        self.freshness = Freshness(self, events, Kind.FILES, self._on_changed)
        self._retranslate()

    def attach(self, db: Database, actor: Actor) -> None:
        self._db, self._actor = db, actor
        self.check_button.setEnabled(True)
        self.tidy_button.setEnabled(writable(db))

    def _retranslate(self) -> None:
        self.check_button.setText(self.tr("Check data quality"))
        self.tidy_button.setText(self.tr("Standardise stored values"))
        self.tidy_button.setToolTip(self.tr("Phones to one form, emails in lower case, provinces and cities by their short names; names and other text stay as they were typed. Can be undone."))  # fmt: skip
        self.undo_button.setText(self.tr("Undo"))
        self.dismiss_button.setText(self.tr("Keep as it is"))
        self.dismiss_button.setToolTip(self.tr("Stop listing what imports left out of the selected file."))  # fmt: skip
        self.table.setHorizontalHeaderLabels([self.tr("Customer"), self.tr("Needs attention")])
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def check(self) -> None:
        db = self._db
        if db is None:
            return
        self.check_button.setEnabled(False)
        self.status.setText(self.tr("Checking every customer file…"))

        def work(state: TaskState) -> list[QualityIssue]:
            from camdesk.services.data.quality import quality_issues

            return quality_issues(db, progress=state.progress, cancelled=state.cancelled)

        def done(issues: list[QualityIssue]) -> None:
            self.issues, self._checked = issues, True
            self.check_button.setEnabled(True)
            self._fill()

        def failed(exc: BaseException) -> None:
            self.check_button.setEnabled(True)
            if not isinstance(exc, Cancelled):
                show_error(self, exc)

        run_read(work, self, done, failed)

    def _fill(self) -> None:
        self.table.setRowCount(len(self.issues))
        for row, issue in enumerate(self.issues):
            problems = [finding_text(p) for p in issue.problems]
            problems += [self._left_out_text(kept) for kept in issue.left_out]
            self.table.setItem(row, 0, QTableWidgetItem(issue.name))
            item = QTableWidgetItem("  ·  ".join(problems))
            item.setToolTip("\n".join(problems))  # the whole of each, one a line
            self.table.setItem(row, 1, item)
        if self._checked:
            self.status.setText(self.tr("%1 customer files need attention. Double-click one to fix it.")
                                .replace("%1", f"{len(self.issues):,}"))  # fmt: skip

    def _left_out_text(self, kept: LeftOut) -> str:
        from camdesk.views.customers.labels import field_label

        name = "owner_id" if kept.field == "owner" else kept.field
        label = field_label(name, {name[7:]: kept.label} if kept.label else None)
        reason = QCoreApplication.translate("errors", kept.message)
        reason = reason.format(**kept.params) if kept.params else reason
        return self.tr("%1 left out by an import: %2").replace("%1", label).replace("%2", reason)

    def _on_selected(self) -> None:
        row = self.table.currentRow()
        self.dismiss_button.setEnabled(
            0 <= row < len(self.issues) and bool(self.issues[row].left_out)
        )

    def dismiss_left_out(self) -> None:
        """Stop listing what imports left out of the selected customer's file."""
        db, row = self._db, self.table.currentRow()
        if db is None or not 0 <= row < len(self.issues):
            return
        customer_id = self.issues[row].customer_id
        self.dismiss_button.setEnabled(False)

        def work(_state: TaskState) -> Written[int]:
            from camdesk.services.data.quality import dismiss_left_out

            return dismiss_left_out(db, customer_id)

        run_write(work, self)  # the list is checked again on the announcement

    def tidy(self) -> None:
        """Standardise stored values in the background; offer to undo."""
        db, actor = self._db, self._actor
        if db is None or actor is None:
            return
        self.tidy_button.setEnabled(False)
        self.status.setText(self.tr("Standardising…"))

        def work(state: TaskState) -> Tidied:
            from camdesk.services.data.quality import standardize

            return standardize(db, actor, progress=state.progress, cancelled=state.cancelled)

        def done(result: Tidied) -> None:
            self.tidy_button.setEnabled(writable(self._db))
            self.status.setText(self.tr("%1 customer files standardised.")
                                .replace("%1", f"{result.customers:,}"))  # fmt: skip
            if result.change_id is not None:
                self._undo = result.change_id
                self.undo_button.show()

        def failed(exc: BaseException) -> None:
            self.tidy_button.setEnabled(writable(self._db))
            if not isinstance(exc, Cancelled):
                show_error(self, exc)

        run_write(work, self, done, failed)

    def undo_tidy(self) -> None:
        db, actor, txn = self._db, self._actor, self._undo
        if db is None or actor is None or txn is None:
            return

        def done() -> None:
            self._undo = None
            self.undo_button.hide()
            self.status.setText(self.tr("Undone."))

        undo_in_background(self, db, actor, txn, done)

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.issues):
            self.edit_requested.emit(self.issues[row].customer_id)

    def _on_changed(self, _changes: Changes) -> None:
        if self._checked:
            self.check()


def finding_text(finding: Finding) -> str:
    """A finding in the UI language, its reason too: "mobile 138 0000 00001: 12 digits..."."""
    params = dict(finding.params)
    if "reason" in params:
        params["reason"] = QCoreApplication.translate("Quality", params["reason"]).format(**params)
    text = QCoreApplication.translate("Quality", finding.message)
    return text.format(**params) if params else text
