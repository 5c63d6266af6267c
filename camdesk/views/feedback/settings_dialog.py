"""The team's feedback settings: service levels by severity, when the loop plans its
follow-ups, and the lists of categories and churn reasons."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from camdesk.errors import ValidationError
from camdesk.services.core.context import Actor
from camdesk.services.feedback.rules import SEVERITIES, SeenRules
from camdesk.views.background import run_write
from camdesk.views.feedback.choice_list import ChoiceList
from camdesk.views.feedback.names import severity_name
from camdesk.views.form_parts import error_line, ok_buttons, refused
from camdesk.views.i18n import problem_text

if TYPE_CHECKING:
    from camdesk.db import Database


def _spin(parent: QWidget, name: str, low: int, high: int, value: int) -> QSpinBox:
    box = QSpinBox(parent)
    box.setObjectName(name)
    box.setRange(low, high)
    box.setValue(value)
    return box


class FeedbackSettingsDialog(QDialog):
    """Change the settings shown (``seen``); saving stores them for the whole team.

    Attributes:
        saved: the settings as stored, once saved (None before).
    """

    def __init__(self, *, db: Database, actor: Actor, seen: SeenRules,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("feedbackSettings")
        self._db, self._actor, self._seen = db, actor, seen
        self.saved: SeenRules | None = None
        rules = seen.rules
        self.setWindowTitle(self.tr("Feedback settings"))
        levels = QWidget(self)
        form = QFormLayout(levels)
        about = QLabel(self.tr("Hours to resolve new feedback, by its severity: an item "
                               "not resolved by then is overdue."), levels)  # fmt: skip
        about.setWordWrap(True)
        form.addRow(about)
        self.hours = {s: _spin(levels, f"sla_{s.value}", 1, 8760, rules.sla_hours[s])
                      for s in SEVERITIES}  # fmt: skip
        for severity, box in self.hours.items():
            box.setSuffix(self.tr(" h"))
            form.addRow(severity_name(severity.value), box)
        self.follow_up = _spin(levels, "followUpHours", 1, 720, rules.follow_up_hours)
        self.follow_up.setSuffix(self.tr(" h"))
        self.follow_up.setToolTip(self.tr("A complaint, or an NPS of 0-6 or a CSAT of 1-2, "
                                          "plans a follow-up for the customer's owner due "
                                          "within this time."))  # fmt: skip
        form.addRow(self.tr("Follow up complaints and unhappy answers within"), self.follow_up)
        self.check_days = _spin(levels, "checkAfterDays", 0, 90, rules.check_after_days)
        self.check_days.setSuffix(self.tr(" days"))
        self.check_days.setSpecialValueText(self.tr("never"))
        form.addRow(self.tr("Ask about satisfaction after a complaint is resolved"),
                    self.check_days)  # fmt: skip
        self.categories = ChoiceList("categoryList", self)
        self.categories.show_choices(rules.categories)
        self.reasons = ChoiceList("churnReasonList", self)
        self.reasons.show_choices(rules.churn_reasons)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(levels, self.tr("Service levels"))
        self.tabs.addTab(self.categories, self.tr("Categories"))
        self.tabs.addTab(self.reasons, self.tr("Churn reasons"))
        self.error = error_line(self)
        self.buttons = ok_buttons(self)
        self.buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, 460)

    def save(self) -> None:
        """Store the settings as entered (in the background); the dialog closes once they are."""
        from camdesk.services.feedback.rules import save_rules

        rules = replace(self._seen.rules,
                        sla_hours={s: box.value() for s, box in self.hours.items()},
                        follow_up_hours=self.follow_up.value(),
                        check_after_days=self.check_days.value(),
                        categories=self.categories.choices(),
                        churn_reasons=self.reasons.choices())  # fmt: skip
        db, actor, seen = self._db, self._actor, self._seen

        def stored(written: object) -> None:
            self.saved = getattr(written, "value", None)
            self.accept()

        self.buttons.setEnabled(False)
        self.error.hide()
        run_write(lambda _s: save_rules(db, rules, actor, seen), self, stored, self._refused)

    def _refused(self, exc: BaseException) -> None:
        """Say what is wrong, naming the list or setting it is about."""
        refused(self, self.error, self.buttons, exc)
        if isinstance(exc, ValidationError):
            names = {"categories": self.tr("Categories"), "churn_reasons": self.tr("Churn reasons")}
            self.error.setText("\n".join(
                f"{names.get(p.field, self.tr('Service levels'))}: {problem_text(p)}"
                for p in exc.problems))  # fmt: skip
