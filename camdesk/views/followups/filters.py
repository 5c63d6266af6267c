"""The calendar's bar: month or week, back and on, today, and whose, which types and tiers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from camdesk.services.core.context import Actor
from camdesk.services.followups.agenda import ANYONE, Scope
from camdesk.services.value.labels import TIER_CODES
from camdesk.views.followups.names import KIND_NAMES, kind_name
from camdesk.views.value_names import value_name

if TYPE_CHECKING:
    from camdesk.db import Database

NOBODY = "nobody"  # the combo's data for "unassigned" (None means "not chosen")


class CalendarFilters(QWidget):
    """Signals: changed() the scope changed; mode_changed(int) weeks shown (6 or 1);
    step(int) a period back (-1) or on (1); today_requested()."""

    changed = Signal()
    mode_changed = Signal(int)
    step = Signal(int)
    today_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._me: Actor | None = None
        self.back, self.on, self.today = QPushButton("◀", self), QPushButton("▶", self), QPushButton(self)  # fmt: skip
        self.back.setObjectName("previousPeriod")
        self.on.setObjectName("nextPeriod")
        self.today.setObjectName("today")
        self.back.clicked.connect(lambda: self.step.emit(-1))
        self.on.clicked.connect(lambda: self.step.emit(1))
        self.today.clicked.connect(self.today_requested.emit)
        self.mode = QComboBox(self)
        self.mode.setObjectName("calendarMode")
        self.mode.currentIndexChanged.connect(lambda i: self.mode_changed.emit(6 if i == 0 else 1))
        self.user, self.kind, self.tier = QComboBox(self), QComboBox(self), QComboBox(self)
        self.user.setObjectName("userFilter")
        self.kind.setObjectName("kindFilter")
        self.tier.setObjectName("tierFilter")
        for combo in (self.user, self.kind, self.tier):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.back, self.today, self.on, self.mode, self.user, self.kind, self.tier):
            row.addWidget(widget)
        row.addStretch(1)
        self.retranslate()

    def attach(self, db: Database, actor: Actor) -> None:
        from camdesk.services.core.users import list_users

        self._me = actor
        self.user.blockSignals(True)
        self.user.clear()
        self.user.addItem("", actor.user_id)  # "My follow-ups" (named in retranslate)
        self.user.addItem("", ANYONE)
        self.user.addItem("", NOBODY)
        for user in list_users(db):
            if user.id != actor.user_id:
                self.user.addItem(user.display_name, user.id)
        self.user.blockSignals(False)
        self.retranslate()

    @property
    def scope(self) -> Scope:
        who = self.user.currentData()
        assignee = None if who == NOBODY else (who if who is not None else ANYONE)
        kind, tier = self.kind.currentData(), self.tier.currentData()
        return Scope(assignee=assignee,
                     kinds=frozenset({kind}) if kind else frozenset(),
                     tiers=frozenset({tier}) if tier else frozenset())  # fmt: skip

    def retranslate(self) -> None:
        self.today.setText(self.tr("Today"))
        self.back.setToolTip(self.tr("Back (Page Up)"))
        self.on.setToolTip(self.tr("On (Page Down)"))
        self.back.setShortcut("PgUp")
        self.on.setShortcut("PgDown")
        self._fill(self.mode, [(self.tr("Month"), 6), (self.tr("Week"), 1)])
        if self.user.count() >= 3:
            self.user.setItemText(0, self.tr("My follow-ups"))
            self.user.setItemText(1, self.tr("Everyone's"))
            self.user.setItemText(2, self.tr("Unassigned"))
        self._fill(self.kind, [(self.tr("Every type"), None)]
                   + [(kind_name(k), k) for k in KIND_NAMES])  # fmt: skip
        self._fill(self.tier, [(self.tr("Every tier"), None)]
                   + [(value_name("tier", t.value), t.value) for t in TIER_CODES])  # fmt: skip

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
        """(Re)name a combo's items, keeping the choice."""
        if combo.count() == len(items):
            for index, (text, _data) in enumerate(items):
                combo.setItemText(index, text)
            return
        combo.blockSignals(True)
        for text, data in items:
            combo.addItem(text, data)
        combo.blockSignals(False)
