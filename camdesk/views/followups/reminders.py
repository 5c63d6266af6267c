"""Reminders while the app runs: the user's follow-ups coming due, as a desktop notification
(the system tray, where there is one) or a banner in the window; snooze; open the customer.

Every minute one indexed query (:func:`camdesk.services.followups.agenda.coming_due`)
asks for the user's timed follow-ups of today within the next quarter hour; each is
announced once (or again when its snooze ends).
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
    QWidget,
)

from camdesk.services.core.context import Actor
from camdesk.views.background import TaskState, run_read
from camdesk.views.followups.names import kind_name
from camdesk.views.icons import SP, icon

if TYPE_CHECKING:
    from camdesk.db import Database
    from camdesk.services.followups.agenda import AgendaRow

SNOOZE = timedelta(minutes=10)


def reminder_text(row: AgendaRow) -> str:
    clock = row.due_at_time.strftime("%H:%M") if row.due_at_time else ""
    parts = [clock, kind_name(row.kind), row.customer, row.mobile or "", row.purpose or ""]
    return "  ".join(p for p in parts if p)


class ReminderBanner(QFrame):
    """The in-app reminder: what is due, Open, Snooze, Dismiss."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setStyleSheet("#reminderBanner { background: #E8F1FB; border-bottom: 1px solid"
                           " #9DB9DD; } QLabel { color: #123A66; }")  # fmt: skip
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.open_button, self.snooze_button, self.dismiss_button = (
            QPushButton(self), QPushButton(self), QPushButton(self))  # fmt: skip
        self.open_button.setObjectName("openReminder")
        self.snooze_button.setObjectName("snoozeReminder")
        self.dismiss_button.setObjectName("dismissReminder")
        self.open_button.setIcon(icon("external-link", SP.SP_DialogOpenButton))
        self.snooze_button.setIcon(icon("alarm-clock", SP.SP_BrowserReload))
        self.dismiss_button.setIcon(icon("x", SP.SP_DialogCloseButton))
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.label, 1)
        for button in (self.open_button, self.snooze_button, self.dismiss_button):
            row.addWidget(button)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Open customer"))
        self.snooze_button.setText(self.tr("Snooze 10 minutes"))
        self.dismiss_button.setText(self.tr("Dismiss"))


class Reminders(QObject):
    """Checks every ``interval_ms`` and tells the user.

    Signals:
        open_requested(object): open this customer's file (the reminder was clicked).
        shown(object): a reminder was shown (its AgendaRow).
    """

    open_requested = Signal(object)
    shown = Signal(object)
    interval_ms = 60_000

    def __init__(self, banner: ReminderBanner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.banner = banner
        self._db: Database | None = None
        self._actor: Actor | None = None
        self._told: set[uuid.UUID] = set()
        self._snoozed: dict[uuid.UUID, datetime] = {}
        self.current: AgendaRow | None = None
        self.tray: QSystemTrayIcon | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: self.check())
        banner.open_button.clicked.connect(self._open)
        banner.snooze_button.clicked.connect(self.snooze)
        banner.dismiss_button.clicked.connect(self._dismiss)

    def attach(self, db: Database, actor: Actor) -> None:
        self._db, self._actor = db, actor
        self._told.clear()
        if QSystemTrayIcon.isSystemTrayAvailable() and self.tray is None:
            icon = self.banner.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.messageClicked.connect(self._open)
            self.tray.show()
        self.timer.start(self.interval_ms)
        self.check()

    def check(self, now: datetime | None = None) -> None:
        """Ask for what is coming due (in the background) and announce what is new."""
        db, actor = self._db, self._actor
        if db is None or actor is None:
            return
        moment = now or datetime.now().astimezone()

        def work(_state: TaskState) -> list[AgendaRow]:
            from camdesk.services.followups.agenda import coming_due

            return coming_due(db, actor.user_id, moment)

        run_read(work, self, lambda rows: self._announce(rows, moment), _quietly)

    def _announce(self, rows: list[AgendaRow], now: datetime) -> None:
        for row in rows:
            until = self._snoozed.get(row.id)
            if row.id in self._told and (until is None or until > now):
                continue
            self._snoozed.pop(row.id, None)
            self._told.add(row.id)
            self._show(row)
            return  # one at a time: the next check shows the next

    def _show(self, row: AgendaRow) -> None:
        self.current = row
        text = reminder_text(row)
        if self.tray is not None:
            self.tray.showMessage(self.tr("Follow-up due"), text, QSystemTrayIcon.MessageIcon.Information)  # fmt: skip
        self.banner.label.setText(self.tr("Follow-up due: %1").replace("%1", text))
        self.banner.show()
        self.shown.emit(row)

    def snooze(self, now: datetime | None = None) -> None:
        """Remind of the current follow-up again in ten minutes."""
        if self.current is not None:
            self._snoozed[self.current.id] = (now or datetime.now().astimezone()) + SNOOZE
        self._dismiss()

    def _dismiss(self) -> None:
        self.banner.hide()
        self.current = None

    def _open(self) -> None:
        if self.current is not None:
            self.open_requested.emit(self.current.customer_id)
        self._dismiss()


def _quietly(exc: BaseException) -> None:
    """A reminder check that failed (a locked or closed database) tries again next minute."""
    import logging

    logging.getLogger(__name__).warning("reminder check failed: %s", exc)
