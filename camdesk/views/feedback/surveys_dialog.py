"""The team's satisfaction surveys (满意度调查): what each asks (CSAT 1-5, NPS 0-10, questions
of its own) and whether it is still offered when answers are recorded."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from camdesk.services.core.changes import Written
from camdesk.services.core.context import Actor
from camdesk.services.feedback.surveys import SurveyData, SurveyInfo
from camdesk.views.background import run_write
from camdesk.views.form_parts import error_line, refused

if TYPE_CHECKING:
    from camdesk.db import Database


class SurveysDialog(QDialog):
    """Define surveys: choose one to change it, or start a new one; each is saved on its own.

    Attributes:
        surveys: the surveys as stored (after every save).
    """

    def __init__(self, *, db: Database, actor: Actor, surveys: list[SurveyInfo],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("surveysDialog")
        self._db, self._actor = db, actor
        self.surveys = surveys
        self.setWindowTitle(self.tr("Satisfaction surveys"))
        self.list = QListWidget(self)
        self.list.setObjectName("surveyList")
        self.list.currentRowChanged.connect(self._chosen)
        self.new_button = QPushButton(self.tr("New survey"), self)
        self.new_button.setObjectName("newSurvey")
        self.new_button.clicked.connect(self.start_new)
        self.name = QLineEdit(self)
        self.name.setObjectName("surveyName")
        self.csat = QCheckBox(self.tr("Asks for satisfaction (CSAT, 1 to 5)"), self)
        self.nps = QCheckBox(self.tr("Asks whether they would recommend us (NPS, 0 to 10)"), self)
        self.questions = QPlainTextEdit(self)
        self.questions.setObjectName("surveyQuestions")
        self.questions.setPlaceholderText(self.tr("Questions of its own, one per line (optional)"))
        self.questions.setTabChangesFocus(True)
        self.active = QCheckBox(self.tr("Offered when answers are recorded"), self)
        self.save_button = QPushButton(self.tr("Save survey"), self)
        self.save_button.setObjectName("saveSurvey")
        self.save_button.clicked.connect(self.save)
        self.error = error_line(self)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.csat)
        form.addRow("", self.nps)
        form.addRow(self.tr("Questions"), self.questions)
        form.addRow("", self.active)
        right = QVBoxLayout()
        right.addLayout(form, 1)
        right.addWidget(self.error)
        right.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self.resize(680, 420)
        self._fill(None)

    def _fill(self, chosen: object) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for survey in self.surveys:
            text = survey.name if survey.active else self.tr("%1 (not offered)").replace(
                "%1", survey.name)  # fmt: skip
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, survey.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((i for i, s in enumerate(self.surveys) if s.id == chosen), -1)
        if row < 0 and self.surveys:
            row = 0
        if row >= 0:
            self.list.setCurrentRow(row)
            self._chosen(row)
        else:
            self.start_new()

    def current(self) -> SurveyInfo | None:
        """The survey being changed (None: a new one)."""
        row = self.list.currentRow()
        return self.surveys[row] if 0 <= row < len(self.surveys) else None

    def _chosen(self, row: int) -> None:
        if not 0 <= row < len(self.surveys):
            return
        survey = self.surveys[row]
        self._show(survey)

    def _show(self, survey: SurveyData) -> None:
        self.name.setText(survey.name)
        self.csat.setChecked(survey.asks_csat)
        self.nps.setChecked(survey.asks_nps)
        self.questions.setPlainText("\n".join(survey.questions))
        self.active.setChecked(survey.active)
        self.error.hide()

    def start_new(self) -> None:
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.list.blockSignals(False)
        self._show(SurveyData("", asks_csat=True, asks_nps=True))
        self.name.setFocus()

    def save(self) -> None:
        """Save the survey shown (in the background), new or changed."""
        from camdesk.services.feedback.surveys import list_surveys, save_survey

        lines = (line.strip() for line in self.questions.toPlainText().splitlines())
        data = SurveyData(self.name.text(), asks_csat=self.csat.isChecked(),
                          asks_nps=self.nps.isChecked(), questions=tuple(q for q in lines if q),
                          active=self.active.isChecked())  # fmt: skip
        db, actor, survey = self._db, self._actor, self.current()

        def work(_state: object) -> Written[tuple[uuid.UUID, list[SurveyInfo]]]:
            written = save_survey(db, data, actor, survey)
            return Written((written.value, list_surveys(db)), written.changes)

        def saved(result: Written[tuple[uuid.UUID, list[SurveyInfo]]]) -> None:
            ident, self.surveys = result.value
            self.buttons_enabled(True)
            self._fill(ident)

        self.buttons_enabled(False)
        self.error.hide()
        run_write(work, self, saved, self._refused)

    def buttons_enabled(self, on: bool) -> None:
        self.save_button.setEnabled(on)
        self.new_button.setEnabled(on)

    def _refused(self, exc: BaseException) -> None:
        box = QDialogButtonBox(self)  # refused() re-enables what it is given
        refused(self, self.error, box, exc)
        box.deleteLater()
        self.buttons_enabled(True)
