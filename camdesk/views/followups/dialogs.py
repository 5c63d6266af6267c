"""Small dialogs of the calendar: completing a follow-up, picking a new day, a new owner."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from camdesk.services.core.users import UserInfo
from camdesk.services.followups.agenda import AgendaRow
from camdesk.views.channels import CHANNEL_NAMES, channel_name
from camdesk.views.followups.names import kind_name


class CompleteDialog(QDialog):
    """Asks how the contact went: channel, direction, outcome (required), next step."""

    def __init__(self, row: AgendaRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("completeFollowUp")
        self.setMinimumWidth(440)
        self.setWindowTitle(self.tr("Follow-up done: %1").replace("%1", row.customer))
        self.channel = QComboBox(self)
        self.channel.setObjectName("channel")
        for code in CHANNEL_NAMES:
            if code != "note":
                self.channel.addItem(channel_name(code), code)
        self.direction = QComboBox(self)
        self.direction.addItem(self.tr("Outgoing (we contacted them)"), "out")
        self.direction.addItem(self.tr("Incoming (they contacted us)"), "in")
        self.summary = QLineEdit(row.purpose or "", self)
        self.summary.setObjectName("summary")
        self.summary.setMaxLength(200)
        self.outcome = QPlainTextEdit(self)
        self.outcome.setObjectName("outcome")
        self.outcome.setPlaceholderText(self.tr("What came of it: interested, ordered, call again in a month…"))  # fmt: skip
        self.outcome.setTabChangesFocus(True)
        self.next_step = QLineEdit(self)
        self.next_step.setObjectName("nextStep")
        self.next_step.setMaxLength(200)
        about = QLabel(f"{kind_name(row.kind)} · {row.due_on.isoformat()}"
                       + (f" · {self.tr('repeats')}" if row.rule else ""), self)  # fmt: skip
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.outcome.textChanged.connect(self._check)
        form = QFormLayout(self)
        form.addRow(about)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Direction"), self.direction)
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Next step"), self.next_step)
        form.addRow(self.buttons)
        self._check()

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.outcome.toPlainText().strip()))
        ok.setToolTip("" if ok.isEnabled() else self.tr("Say what came of the contact."))


class DayDialog(QDialog):
    """Picks the day to move follow-ups to."""

    def __init__(self, count: int, start: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rescheduleFollowUps")
        self.setWindowTitle(self.tr("Reschedule"))
        self.day = QDateEdit(QDate(start.year, start.month, start.day), self)
        self.day.setObjectName("newDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Move %1 follow-ups to:").replace("%1", f"{count:,}"), self))
        form.addRow(self.tr("Day"), self.day)
        form.addRow(buttons)

    @property
    def chosen(self) -> date:
        picked = self.day.date()
        return date(picked.year(), picked.month(), picked.day())


class UserDialog(QDialog):
    """Picks who follow-ups go to (or nobody)."""

    def __init__(self, count: int, users: list[UserInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reassignFollowUps")
        self.setWindowTitle(self.tr("Reassign"))
        self.user = QComboBox(self)
        self.user.setObjectName("assignee")
        for user in users:
            self.user.addItem(user.display_name, user.id)
        self.user.addItem(self.tr("Nobody (unassigned)"), None)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Give %1 follow-ups to:").replace("%1", f"{count:,}"), self))
        form.addRow(self.tr("User"), self.user)
        form.addRow(buttons)

    @property
    def chosen(self) -> uuid.UUID | None:
        found = self.user.currentData()
        return found if isinstance(found, uuid.UUID) else None
