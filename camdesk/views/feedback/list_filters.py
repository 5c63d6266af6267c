"""The feedback list's bar: a search box and which items (open, overdue, all; a status,
type, severity, category, assignee)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from camdesk.services.core.context import Actor
from camdesk.services.core.users import UserInfo
from camdesk.services.feedback.listing import NOBODY, FeedbackQuery, State
from camdesk.services.feedback.rules import FeedbackRules
from camdesk.views.combo import index_of
from camdesk.views.feedback.names import (
    KIND_NAMES,
    SEVERITY_NAMES,
    STATUS_NAMES,
    choice_name,
    kind_name,
    severity_name,
    status_name,
)

NO_CATEGORY = ""  # the category combo's data for items without one


class FeedbackFilters(QWidget):
    """Signals: changed() the choice of items changed (typing waits for a pause)."""

    changed = Signal()
    typing_pause_ms = 300

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._me: Actor | None = None
        self._rules = FeedbackRules()
        self._users: list[UserInfo] = []
        self.search = QLineEdit(self)
        self.search.setObjectName("feedbackSearch")
        self.search.setClearButtonEnabled(True)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.timeout.connect(self.changed.emit)
        self.search.textChanged.connect(lambda _t: self._pause.start(self.typing_pause_ms))
        self.search.returnPressed.connect(self._now)
        self.state, self.status, self.kind = QComboBox(self), QComboBox(self), QComboBox(self)
        self.severity, self.category, self.assignee = QComboBox(self), QComboBox(self), QComboBox(self)  # fmt: skip
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search, 2)
        for name, combo in (("feedbackState", self.state), ("feedbackStatus", self.status),
                            ("feedbackKind", self.kind), ("feedbackSeverity", self.severity),
                            ("feedbackCategory", self.category),
                            ("feedbackAssignee", self.assignee)):  # fmt: skip
            combo.setObjectName(name)
            combo.activated.connect(lambda _i: self.changed.emit())
            row.addWidget(combo)
        self.retranslate()

    def _now(self) -> None:
        self._pause.stop()
        self.changed.emit()

    def set_choices(self, me: Actor | None, rules: FeedbackRules, users: list[UserInfo]) -> None:
        """The team's categories and users, as the database has them."""
        self._me, self._rules, self._users = me, rules, users
        self.retranslate()

    def query(self, base: FeedbackQuery) -> FeedbackQuery:
        """``base`` (its order) with the items chosen here."""
        return replace(base, search=self.search.text(), state=State(self.state.currentData()),
                       status=self.status.currentData(), kind=self.kind.currentData(),
                       severity=self.severity.currentData(),
                       category=self.category.currentData(),
                       assignee=self.assignee.currentData())  # fmt: skip

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search: FB number, customer, or words said"))
        _fill(self.state, [(State.OPEN.value, self.tr("Open")),
                           (State.OVERDUE.value, self.tr("Overdue")),
                           (State.ALL.value, self.tr("All items"))])  # fmt: skip
        _fill(self.status, [(None, self.tr("Any status"))]
              + [(code, status_name(code)) for code in STATUS_NAMES])  # fmt: skip
        _fill(self.kind, [(None, self.tr("Any type"))]
              + [(code, kind_name(code)) for code in KIND_NAMES])  # fmt: skip
        _fill(self.severity, [(None, self.tr("Any severity"))]
              + [(code, severity_name(code)) for code in SEVERITY_NAMES])  # fmt: skip
        _fill(self.category, [(None, self.tr("Any category"))]
              + [(c.key, choice_name(c)) for c in self._rules.categories]
              + [(NO_CATEGORY, self.tr("No category"))])  # fmt: skip
        people: list[tuple[object, str]] = [(None, self.tr("Anyone"))]
        if self._me is not None and self._me.user_id is not None:
            people.append((self._me.user_id, self.tr("Mine")))
        people.append((NOBODY, self.tr("Not taken on")))
        mine = self._me.user_id if self._me is not None else None
        people += [(u.id, u.display_name) for u in self._users if u.id != mine]
        _fill(self.assignee, people)


def _fill(combo: QComboBox, entries: Sequence[tuple[object, str]]) -> None:
    """Replace the entries, keeping the one chosen where it still exists."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for data, text in entries:
        combo.addItem(text, data)
    found = index_of(combo, chosen)
    combo.setCurrentIndex(max(found, 0))
    combo.blockSignals(False)
