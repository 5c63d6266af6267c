"""Why a customer left (流失原因): a reason from the team's list, a note, and whether to plan
a win-back follow-up (挽回)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from camdesk.services.feedback.rules import FeedbackRules
from camdesk.views.feedback.names import choice_name
from camdesk.views.form_parts import error_line, ok_buttons


class ChurnDialog(QDialog):
    """Record why ``customer`` left; ``churned_on``: the day the lifecycle found them
    churned (None: they are marked lost by hand today)."""

    def __init__(self, customer: str, churned_on: str | None, rules: FeedbackRules,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("churnReason")
        self.setMinimumWidth(420)
        self.setWindowTitle(self.tr("Why did %1 leave?").replace("%1", customer))
        about = QLabel(self)
        about.setWordWrap(True)
        about.setText(
            self.tr("Churned since %1 (no order for longer than the churn limit).").replace(
                "%1", churned_on) if churned_on else
            self.tr("Marks the customer as lost today. Their lifecycle stage still follows "
                    "their orders."))  # fmt: skip
        self.reason = QComboBox(self)
        self.reason.setObjectName("churnReasonChoice")
        for choice in rules.offered(rules.churn_reasons):
            self.reason.addItem(choice_name(choice), choice.key)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().height() * 3 + 12)
        self.winback = QCheckBox(self.tr("Plan a win-back follow-up (挽回) for their owner"), self)
        self.winback.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Note"), self.note)
        self.error = error_line(self)
        self.buttons = ok_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.winback)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
