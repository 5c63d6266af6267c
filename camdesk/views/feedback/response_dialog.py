"""Record a customer's survey answers by hand: which survey, their scores, their words, when,
and (after a complaint) which resolved item the answers are about."""

from __future__ import annotations

import uuid
from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from camdesk.services.customers.interactions import CHANNELS
from camdesk.services.feedback.queries import FeedbackRow
from camdesk.services.feedback.surveys import ResponseData, SurveyInfo
from camdesk.views.channels import channel_name
from camdesk.views.feedback.names import kind_name
from camdesk.views.form_parts import error_line, ok_buttons


class ResponseDialog(QDialog):
    """Answers of ``customer`` to one of ``surveys`` (those offered); ``resolved``: their
    resolved feedback, one of which the answers may be about."""

    def __init__(self, customer: str, surveys: list[SurveyInfo], resolved: list[FeedbackRow],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("surveyResponse")
        self.setMinimumWidth(460)
        self.setWindowTitle(self.tr("Survey answers: %1").replace("%1", customer))
        self._surveys = surveys
        self.survey = QComboBox(self)
        self.survey.setObjectName("responseSurvey")
        for survey in surveys:
            self.survey.addItem(survey.name, survey.id)
        self.nps = QComboBox(self)
        self.nps.setObjectName("responseNps")
        self.nps.addItem("—", None)
        for score in range(10, -1, -1):
            self.nps.addItem(str(score), score)
        self.csat = QComboBox(self)
        self.csat.setObjectName("responseCsat")
        self.csat.addItem("—", None)
        words = {5: self.tr("5 · very satisfied"), 4: self.tr("4 · satisfied"),
                 3: self.tr("3 · neutral"), 2: self.tr("2 · dissatisfied"),
                 1: self.tr("1 · very dissatisfied")}  # fmt: skip
        for score, text in words.items():
            self.csat.addItem(text, score)
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("responseComment")
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(self.comment.fontMetrics().height() * 3 + 12)
        self.when = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setMaximumDateTime(QDateTime.currentDateTime().addSecs(600))
        self.channel = QComboBox(self)
        self.channel.setObjectName("responseChannel")
        self.channel.addItem("—", None)
        for code in CHANNELS:
            if code != "note":
                self.channel.addItem(channel_name(code), code)
        self.about = QComboBox(self)
        self.about.setObjectName("responseAbout")
        self.about.addItem(self.tr("(no particular feedback)"), None)
        for row in resolved:
            first = row.description.splitlines()[0] if row.description else ""
            self.about.addItem(f"FB-{row.number} · {kind_name(row.kind)} · {first[:30]}", row.id)
        self.questions_box = QWidget(self)
        self._questions = QFormLayout(self.questions_box)
        self._questions.setContentsMargins(0, 0, 0, 0)
        self.answers: dict[str, QLineEdit] = {}
        self.form = QFormLayout()
        self.form.addRow(self.tr("Survey"), self.survey)
        self.form.addRow(self.tr("Would recommend (NPS)"), self.nps)
        self.form.addRow(self.tr("Satisfaction (CSAT)"), self.csat)
        self.form.addRow(self.questions_box)
        self.form.addRow(self.tr("Comment"), self.comment)
        self.form.addRow(self.tr("Answered"), self.when)
        self.form.addRow(self.tr("Channel"), self.channel)
        self.form.addRow(self.tr("About"), self.about)
        self.error = error_line(self)
        self.buttons = ok_buttons(self)
        layout = QVBoxLayout(self)
        if not surveys:
            none = QLabel(self.tr("No survey is offered yet: define one under Feedback > "
                                  "Surveys…"), self)  # fmt: skip
            none.setWordWrap(True)
            layout.addWidget(none)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.survey.currentIndexChanged.connect(lambda _i: self._asked())
        self._asked()

    def chosen(self) -> SurveyInfo | None:
        index = self.survey.currentIndex()
        return self._surveys[index] if 0 <= index < len(self._surveys) else None

    def _asked(self) -> None:
        """Offer what the chosen survey asks, and only that."""
        survey = self.chosen()
        self.nps.setEnabled(bool(survey and survey.asks_nps))
        self.csat.setEnabled(bool(survey and survey.asks_csat))
        for box in (self.nps, self.csat):
            if not box.isEnabled():
                box.setCurrentIndex(0)
        while self._questions.rowCount():
            self._questions.removeRow(0)
        self.answers = {}
        for question in survey.questions if survey else ():
            edit = QLineEdit(self.questions_box)
            self._questions.addRow(question, edit)
            self.answers[question] = edit
        self.questions_box.setVisible(bool(self.answers))
        self.buttons.setEnabled(survey is not None)

    def data(self, customer_id: uuid.UUID) -> ResponseData | None:
        """The answers as entered (None without a survey)."""
        survey = self.chosen()
        if survey is None:
            return None
        moment = self.when.dateTime().toPython()
        assert isinstance(moment, datetime)
        return ResponseData(customer_id, survey.id, csat=self.csat.currentData(),
                            nps=self.nps.currentData(), comment=self.comment.toPlainText(),
                            answers=tuple((q, e.text()) for q, e in self.answers.items()),
                            answered_at=moment.astimezone(), feedback_id=self.about.currentData(),
                            channel=self.channel.currentData())  # fmt: skip
