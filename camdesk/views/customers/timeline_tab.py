"""The contact log of a customer file (联系记录): every contact and note, newest first, and the
dialog that logs one (Ctrl+L from the list and from the file)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from camdesk.services.core.changes import Written
from camdesk.services.core.context import Actor
from camdesk.services.customers.interactions import CHANNELS, InteractionRow
from camdesk.views.background import run_read, run_write
from camdesk.views.channels import channel_name, direction_name
from camdesk.views.combo import choose
from camdesk.views.form_parts import error_line, ok_buttons, refused, summary_over_table
from camdesk.views.icons import SP, icon
from camdesk.views.value.panels import fill_table, read_only_table

if TYPE_CHECKING:
    from camdesk.db import Database


class LogDialog(QDialog):
    """One contact (or a dated note): channel, direction, when, summary, outcome, next step."""

    def __init__(self, customer: str, parent: QWidget | None = None, *, note: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("logContact")
        self.setMinimumWidth(460)
        self.setWindowTitle((self.tr("Add a note: %1") if note else self.tr("Log a contact: %1"))
                            .replace("%1", customer))  # fmt: skip
        self.channel = QComboBox(self)
        self.channel.setObjectName("channel")
        for code in CHANNELS:
            self.channel.addItem(channel_name(code), code)
        choose(self.channel, "note" if note else "call")
        self.channel.currentIndexChanged.connect(self._on_channel)
        self.direction = QComboBox(self)
        self.direction.setObjectName("direction")
        for code in ("out", "in"):
            self.direction.addItem(direction_name(code), code)
        self.when = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.when.setObjectName("when")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setMaximumDateTime(QDateTime.currentDateTime().addSecs(600))
        self.summary = QLineEdit(self)
        self.summary.setObjectName("summary")
        self.summary.setMaxLength(200)
        self.summary.setPlaceholderText(self.tr("What it was about, e.g. 回访满意度"))
        self.outcome = QPlainTextEdit(self)
        self.outcome.setObjectName("outcome")
        self.outcome.setTabChangesFocus(True)
        self.outcome.setFixedHeight(self.fontMetrics().height() * 4)
        self.next_step = QLineEdit(self)
        self.next_step.setObjectName("nextStep")
        self.next_step.setMaxLength(200)
        self.error = error_line(self)
        self.buttons = ok_buttons(self)
        self.summary.textChanged.connect(self._check)
        self.outcome.textChanged.connect(self._check)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Channel"), self.channel)
        self.form.addRow(self.tr("Direction"), self.direction)
        self.form.addRow(self.tr("When"), self.when)
        self.form.addRow(self.tr("Summary"), self.summary)
        self.form.addRow(self.tr("Outcome"), self.outcome)
        self.form.addRow(self.tr("Next step"), self.next_step)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._on_channel()

    def _on_channel(self) -> None:
        note = self.channel.currentData() == "note"
        self.form.setRowVisible(self.direction, not note)
        self.form.setRowVisible(self.next_step, not note)
        self.outcome.setPlaceholderText(self.tr("The note") if note else self.tr("What came of it"))
        self._check()

    def _check(self) -> None:
        filled = bool(self.summary.text().strip() or self.outcome.toPlainText().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(filled)

    @property
    def occurred_at(self) -> datetime:
        moment = self.when.dateTime().toPython()
        assert isinstance(moment, datetime)
        return moment.astimezone()

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class TimelineTab(QWidget):
    """A customer's contacts and notes, newest first, with "Log a contact" and "Add a note".

    Signals:
        logged(): a contact or note was saved (the file's last contact may have moved).
    """

    logged = Signal()

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._actor = db, actor
        self._customer: uuid.UUID | None = None
        self._name = ""
        self.rows: list[InteractionRow] = []
        self.summary = QLabel(self)
        self.table = read_only_table(self, "timelineTable")
        self.table.setWordWrap(True)
        self.log_button, self.note_button = QPushButton(self), QPushButton(self)
        self.log_button.setObjectName("logContact")
        self.log_button.setIcon(icon("phone", SP.SP_DialogYesButton))
        self.note_button.setIcon(icon("notebook-pen", SP.SP_FileIcon))
        self.note_button.setObjectName("addNote")
        self.log_button.clicked.connect(lambda: self.open_dialog())
        self.note_button.clicked.connect(lambda: self.open_dialog(note=True))
        summary_over_table(self, self.summary, (self.log_button, self.note_button), self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.log_button.setText(self.tr("Log a contact…"))
        self.log_button.setToolTip(self.tr("Ctrl+L"))
        self.note_button.setText(self.tr("Add a note…"))
        self.show_rows(self._customer, self._name, self.rows)

    def show_rows(self, customer_id: uuid.UUID | None, name: str, rows: list[InteractionRow]) -> None:  # fmt: skip
        self._customer, self._name, self.rows = customer_id, name, rows
        self.log_button.setEnabled(customer_id is not None)
        self.note_button.setEnabled(customer_id is not None)
        contacts = [r for r in rows if r.kind != "note"]
        self.summary.setText(self.tr("Contacts: %1 · notes: %2 · last contact: %3")
                             .replace("%1", f"{len(contacts):,}")
                             .replace("%2", f"{len(rows) - len(contacts):,}")
                             .replace("%3", contacts[0].occurred_at.astimezone().strftime("%Y-%m-%d")
                                      if contacts else self.tr("never")))  # fmt: skip
        table_rows = [(r.occurred_at.astimezone().strftime("%Y-%m-%d %H:%M"), channel_name(r.kind),
                       direction_name(r.direction), r.subject or "",
                       "\n".join(t for t in (r.outcome, r.notes) if t), r.next_step or "",
                       r.user or "") for r in rows]  # fmt: skip
        headers = [self.tr("When"), self.tr("Channel"), self.tr("Direction"), self.tr("Summary"),
                   self.tr("Outcome"), self.tr("Next step"), self.tr("By")]  # fmt: skip
        fill_table(self.table, headers, table_rows)

    def load(self, customer_id: uuid.UUID, name: str) -> None:
        db = self._db

        def work(_state: object) -> list[InteractionRow]:
            from camdesk.services.customers.interactions import list_interactions

            return list_interactions(db, customer_id)

        run_read(work, self, lambda rows: self.show_rows(customer_id, name, rows))

    def open_dialog(self, *, note: bool = False) -> LogDialog | None:
        """Ask for the contact (window-modal); returns the dialog."""
        if self._customer is None:
            return None
        dialog = LogDialog(self._name, self, note=note)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.buttons.accepted.connect(lambda: log_from(dialog, self._db, self._actor,
                                                         self._customer, self._on_logged))  # fmt: skip
        dialog.open()
        return dialog

    def _on_logged(self, rows: list[InteractionRow]) -> None:
        self.show_rows(self._customer, self._name, rows)
        self.logged.emit()


def log_from(dialog: LogDialog, db: Database, actor: Actor, customer: uuid.UUID | None,
             done: object = None) -> None:  # fmt: skip
    """Save what ``dialog`` holds for ``customer`` in the background; close it once saved
    (``done`` gets the customer's timeline after it), or show why not in it."""
    if customer is None:
        return
    kind, at = dialog.channel.currentData(), dialog.occurred_at
    note = kind == "note"
    direction = None if note else dialog.direction.currentData()
    subject, text = dialog.summary.text(), dialog.outcome.toPlainText()
    next_step = None if note else dialog.next_step.text()

    def work(_state: object) -> Written[list[InteractionRow]]:
        from camdesk.services.customers.interactions import list_interactions, log_interaction

        written = log_interaction(db, customer, actor, kind=kind, occurred_at=at, subject=subject,
                                  notes=text if note else None, direction=direction,
                                  outcome=None if note else text, next_step=next_step)  # fmt: skip
        return Written(list_interactions(db, customer), written.changes)

    def saved(result: Written[list[InteractionRow]]) -> None:
        dialog.accept()
        if callable(done):
            done(result.value)

    def failed(exc: BaseException) -> None:
        refused(dialog, dialog.error, dialog.buttons, exc)

    dialog.buttons.setEnabled(False)
    run_write(work, dialog, saved, failed)
