"""The dialogs of feedback: record new feedback, and take a step that needs words (assign,
resolve, tell the customer, reopen)."""

from __future__ import annotations

import uuid
from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from camdesk.services.core.users import UserInfo
from camdesk.services.customers.interactions import CHANNELS
from camdesk.services.feedback.rules import FeedbackRules
from camdesk.views.channels import channel_name
from camdesk.views.combo import choose
from camdesk.views.feedback.names import (
    KIND_NAMES,
    SEVERITY_NAMES,
    choice_name,
    kind_name,
    severity_name,
)
from camdesk.views.form_parts import error_line, ok_buttons


def _text_box(parent: QWidget, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().height() * lines + 12)
    return box


def _users(parent: QWidget, users: list[UserInfo], empty: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(empty, None)
    for user in users:
        combo.addItem(user.display_name, user.id)
    return combo


class NewFeedbackDialog(QDialog):
    """New feedback from one customer: type, severity, category, channel, when, what they
    said, and who takes it on."""

    def __init__(self, customer: str, rules: FeedbackRules, users: list[UserInfo],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("newFeedback")
        self.setMinimumWidth(480)
        self.setWindowTitle(self.tr("New feedback: %1").replace("%1", customer))
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        for code in KIND_NAMES:
            self.kind.addItem(kind_name(code), code)
        self.severity = QComboBox(self)
        self.severity.setObjectName("severity")
        for code in SEVERITY_NAMES:
            hours = rules.sla_hours.get(code, 0)  # type: ignore[call-overload]
            self.severity.addItem(self.tr("%1 (resolve within %2 h)").replace(
                "%1", severity_name(code)).replace("%2", str(hours)), code)  # fmt: skip
        choose(self.severity, "normal")
        self.category = QComboBox(self)
        self.category.setObjectName("category")
        self.category.addItem("—", None)
        for choice in rules.offered(rules.categories):
            self.category.addItem(choice_name(choice), choice.key)
        self.channel = QComboBox(self)
        self.channel.setObjectName("channel")
        self.channel.addItem("—", None)
        for code in CHANNELS:
            if code != "note":
                self.channel.addItem(channel_name(code), code)
        self.when = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setMaximumDateTime(QDateTime.currentDateTime().addSecs(600))
        self.description = _text_box(self, 5)
        self.description.setObjectName("description")
        self.description.setPlaceholderText(self.tr("What the customer said, in their words"))
        self.assignee = _users(self, users, self.tr("(nobody yet)"))
        self.assignee.setObjectName("assignee")
        self.error = error_line(self)
        self.buttons = ok_buttons(self)
        self.description.textChanged.connect(self._check)
        form = QFormLayout()
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.tr("Severity"), self.severity)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Received"), self.when)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Assign to"), self.assignee)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        filled = bool(self.description.toPlainText().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(filled)

    @property
    def received_at(self) -> datetime:
        moment = self.when.dateTime().toPython()
        assert isinstance(moment, datetime)
        return moment.astimezone()


class StepDialog(QDialog):
    """A step that needs words: who takes it on, how it was resolved, how the customer
    was told, why it is reopened. ``asks``: "assignee", "resolution" or "note"."""

    def __init__(self, title: str, prompt: str, asks: str, users: list[UserInfo],
                 current: uuid.UUID | None = None, text: str = "",
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("feedbackStep")
        self.setMinimumWidth(420)
        self.setWindowTitle(title)
        self.asks = asks
        self.assignee = _users(self, users, "—")
        self.assignee.setObjectName("assignee")
        choose(self.assignee, current)
        self.text = _text_box(self, 4)
        self.text.setObjectName("stepText")
        self.text.setPlainText(text)
        self.error = error_line(self)
        self.buttons = ok_buttons(self, QDialogButtonBox.StandardButton.Ok)
        form = QFormLayout()
        if asks == "assignee":
            form.addRow(self.tr("Assign to"), self.assignee)
            form.addRow(self.tr("Note"), self.text)
            self.assignee.currentIndexChanged.connect(self._check)
        else:
            self.assignee.hide()  # not asked: no stray box over the form
            prompt_label = QLabel(prompt, self)
            prompt_label.setWordWrap(True)
            form.addRow(prompt_label)
            form.addRow(self.text)
            self.text.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        if self.asks == "assignee":
            ready = self.assignee.currentData() is not None
        else:
            ready = self.asks == "note" or bool(self.text.toPlainText().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)
