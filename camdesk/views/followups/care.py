"""Care on the calendar: plan birthday and festival care tasks, and write a care message
from a template to copy into WeChat or SMS (sending it is logged as a contact)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from camdesk.services.core.changes import Written
from camdesk.services.core.context import Actor
from camdesk.services.followups.chinese_dates import FESTIVAL_NAMES, Festival, festival_day
from camdesk.services.followups.templates import DEFAULT_TEMPLATES, Recipient, render
from camdesk.views.background import TaskState, run_read, run_write, write_with_progress
from camdesk.views.channels import channel_name
from camdesk.views.followups.names import day_text

if TYPE_CHECKING:
    from camdesk.db import Database
    from camdesk.services.followups.care import CareSummary
    from camdesk.services.lists.segments import SegmentInfo


def festival_name(festival: Festival) -> str:
    return QCoreApplication.translate("festival", FESTIVAL_NAMES[festival])


def upcoming(today: date) -> list[tuple[Festival, date]]:
    """Each festival's next day from ``today``, soonest first."""
    found = []
    for festival in Festival:
        day = festival_day(festival, today.year)
        found.append((festival, day if day >= today else festival_day(festival, today.year + 1)))
    return sorted(found, key=lambda pair: pair[1])


class CareDialog(QDialog):
    """Birthdays coming up, or a festival for a segment; how many days ahead; the purpose."""

    def __init__(self, segments: list[SegmentInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planCare")
        self.setWindowTitle(self.tr("Plan care"))
        self.birthdays = QRadioButton(self.tr("Birthdays in the next"), self)
        self.birthdays.setChecked(True)
        self.horizon = QSpinBox(self)
        self.horizon.setRange(1, 366)
        self.horizon.setValue(30)
        self.horizon.setSuffix(self.tr(" days"))
        self.festival_choice = QRadioButton(self.tr("Festival"), self)
        self.festival = QComboBox(self)
        self.festival.setObjectName("festival")
        for festival, day in upcoming(date.today()):
            self.festival.addItem(f"{festival_name(festival)} ({day_text(day)})", festival.value)
        self.segment = QComboBox(self)
        self.segment.setObjectName("segment")
        self.segment.addItem(self.tr("Every customer"), None)
        for segment in segments:
            self.segment.addItem(segment.name, segment)
        self.ahead = QSpinBox(self)
        self.ahead.setObjectName("daysAhead")
        self.ahead.setRange(0, 60)
        self.ahead.setValue(3)
        self.ahead.setSuffix(self.tr(" days before"))
        self.purpose = QLineEdit(self)
        self.purpose.setObjectName("purpose")
        self.purpose.setMaxLength(200)
        note = QLabel(self.tr("Due days that fall on a public holiday or a rest day move to the next working day (adjusted working days count), never past the occasion."), self)  # fmt: skip
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.birthdays, self.horizon)
        form.addRow(self.festival_choice, self.festival)
        form.addRow(self.tr("For"), self.segment)
        form.addRow(self.tr("Plan it"), self.ahead)
        form.addRow(self.tr("Purpose"), self.purpose)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        for widget in (self.birthdays, self.festival_choice):
            widget.toggled.connect(self._update)
        self.festival.currentIndexChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        birthdays = self.birthdays.isChecked()
        self.festival.setEnabled(not birthdays)
        self.segment.setEnabled(not birthdays)
        self.horizon.setEnabled(birthdays)
        if birthdays:
            self.purpose.setText(self.tr("Birthday care"))
        else:
            chosen = Festival(self.festival.currentData())
            self.purpose.setText(self.tr("%1 greetings").replace("%1", festival_name(chosen)))

    def plan(self) -> Any:
        from camdesk.services.followups.care import CarePlan
        from camdesk.services.lists.segments import as_criteria, query_of

        purpose = self.purpose.text().strip() or None
        if self.birthdays.isChecked():
            return CarePlan(self.ahead.value(), self.horizon.value(), purpose=purpose)
        segment = self.segment.currentData()
        criteria = as_criteria(query_of(segment)) if segment is not None else ()
        return CarePlan(self.ahead.value(), festival=Festival(self.festival.currentData()),
                        criteria=criteria, purpose=purpose)  # fmt: skip


def plan_care_in_background(parent: QWidget, db: Database, actor: Actor, status: QLabel) -> CareDialog | None:  # fmt: skip
    """Ask what care to plan, then plan it with progress and cancel."""
    from camdesk.services.lists.segments import list_segments

    dialog = CareDialog(list_segments(db), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    plan = dialog.plan()

    def work(state: TaskState) -> Written[CareSummary]:
        from camdesk.services.followups.care import plan_care

        return plan_care(db, actor, plan, progress=state.progress, cancelled=state.cancelled)

    def done(result: Written[CareSummary]) -> None:
        found = result.value
        text = QCoreApplication.translate("CareDialog", "Planned %1 care tasks (%2 had theirs already).").replace(
            "%1", f"{found.planned:,}").replace("%2", f"{found.already:,}")  # fmt: skip
        if found.provisional:
            text += " " + QCoreApplication.translate("CareDialog", "%1 of them fall in a year whose official holidays are not published yet: only weekends were moved; check them when the State Council publishes the calendar.").replace("%1", f"{found.provisional:,}")  # fmt: skip
        status.setText(text)

    write_with_progress(parent, QCoreApplication.translate("CareDialog", "Planning care…"),
                        QCoreApplication.translate("CareDialog", "Cancel"), work, done)  # fmt: skip
    return dialog


class MessageDialog(QDialog):
    """A care message from a template, edited freely, copied to send by WeChat or SMS."""

    def __init__(self, who: Recipient, holiday: str, kind: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("careMessage")
        self.setMinimumWidth(460)
        self.setWindowTitle(self.tr("Care message: %1").replace("%1", who.name))
        self._who = who
        self.template = QComboBox(self)
        self.template.setObjectName("template")
        names = {"birthday": self.tr("Birthday"), "festival": self.tr("Festival"),
                 "return": self.tr("Return visit"), "wake": self.tr("Wake-up")}  # fmt: skip
        for key, name in names.items():
            self.template.addItem(name, key)
        self.holiday = QLineEdit(holiday, self)
        self.holiday.setObjectName("holiday")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("templateText")
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("message")
        self.preview.setReadOnly(True)
        self.channel = QComboBox(self)
        self.channel.setObjectName("channel")
        for code in ("wechat", "sms", "email"):
            self.channel.addItem(channel_name(code), code)
        hint = QLabel(self.tr("Placeholders: {name}, {honorific} (王先生 / 王女士), {company}, {holiday}"), self)  # fmt: skip
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.copy_button = self.buttons.addButton(self.tr("Copy and log as sent"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)  # fmt: skip
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Template"), self.template)
        form.addRow(self.tr("Occasion"), self.holiday)
        form.addRow(self.tr("Text"), self.text)
        form.addRow(hint)
        form.addRow(self.tr("Message"), self.preview)
        form.addRow(self.tr("Send by"), self.channel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.template.currentIndexChanged.connect(self._pick)
        self.text.textChanged.connect(self._render)
        self.holiday.textChanged.connect(self._render)
        start = {"care": "birthday" if not holiday else "festival", "wake": "wake",
                 "winback": "wake"}.get(kind, "return")  # fmt: skip
        self.template.setCurrentIndex(list(names).index(start))
        self._pick()

    def _pick(self) -> None:
        self.text.setPlainText(DEFAULT_TEMPLATES[self.template.currentData()])

    def _render(self) -> None:
        self.preview.setPlainText(render(self.text.toPlainText(), self._who,
                                         holiday=self.holiday.text()))  # fmt: skip

    @property
    def message(self) -> str:
        return self.preview.toPlainText()


def send_care_message(parent: QWidget, db: Database, actor: Actor, customer_id: uuid.UUID,
                      kind: str, purpose: str | None, status: QLabel) -> None:  # fmt: skip
    """Read the customer, ask for the message, copy it and log it as a contact."""

    def read(_state: TaskState) -> Any:
        from camdesk.services.customers.files import get_customer

        return get_customer(db, customer_id)

    def ask(record: Any) -> None:
        who = Recipient(record.name, record.gender, record.company_name,
                        person=record.kind == "person")  # fmt: skip
        dialog = MessageDialog(who, "", kind, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        text, channel = dialog.message, dialog.channel.currentData()
        QGuiApplication.clipboard().setText(text)

        def log(_state: TaskState) -> Any:
            from camdesk.services.customers.interactions import log_interaction

            return log_interaction(db, customer_id, actor, kind=channel,
                                   occurred_at=datetime.now(UTC),
                                   subject=purpose or dialog.template.currentText(), notes=text)  # fmt: skip

        run_write(log, parent, lambda _r: status.setText(
            QCoreApplication.translate("MessageDialog", "Copied the message and logged it as sent; paste it into the chat.")))  # fmt: skip

    run_read(read, parent, ask)
