"""The Feedback tab of a customer file: their complaints, suggestions, praise and questions,
newest first, recorded and worked through to closed from here."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from camdesk.services.core.changes import Written
from camdesk.services.core.context import Actor
from camdesk.services.core.users import UserInfo
from camdesk.services.feedback.churn import ChurnState
from camdesk.services.feedback.queries import FeedbackRow
from camdesk.services.feedback.rules import FeedbackRules
from camdesk.services.feedback.scores import Scores
from camdesk.services.feedback.surveys import SurveyInfo
from camdesk.services.feedback.workflow import OPEN_CODES as FEEDBACK_OPEN
from camdesk.views.background import run_read, run_write
from camdesk.views.feedback.churn_dialog import ChurnDialog
from camdesk.views.feedback.dialogs import NewFeedbackDialog
from camdesk.views.feedback.names import category_name, kind_name, severity_name, status_name
from camdesk.views.feedback.response_dialog import ResponseDialog
from camdesk.views.feedback.steps import StepBar
from camdesk.views.form_parts import error_line, named_button, refused, say_refusal
from camdesk.views.value.panels import fill_table, read_only_table

if TYPE_CHECKING:
    from camdesk.db import Database

LATE = QColor("#c62828")
Saving = NewFeedbackDialog | ResponseDialog | ChurnDialog


@dataclass(frozen=True)
class Loaded:
    rows: list[FeedbackRow]
    rules: FeedbackRules
    users: list[UserInfo]
    scores: Scores = field(default_factory=Scores)
    churn: ChurnState = field(default_factory=lambda: ChurnState(None, None))
    surveys: list[SurveyInfo] = field(default_factory=list)  # those offered


def _read(db: Database, customer: uuid.UUID) -> Loaded:
    from camdesk.services.core.users import list_users
    from camdesk.services.feedback.churn import churn_state
    from camdesk.services.feedback.queries import list_feedback
    from camdesk.services.feedback.rules import read_rules
    from camdesk.services.feedback.scores import scores_of
    from camdesk.services.feedback.surveys import list_surveys

    return Loaded(list_feedback(db, customer_id=customer), read_rules(db), list_users(db),
                  scores_of(db, customer), churn_state(db, customer),
                  list_surveys(db, active_only=True))  # fmt: skip


class FeedbackTab(QWidget):
    """A customer's feedback with "New feedback" and the workflow's steps for the item
    selected (each button offered only where the item can take that step).

    Signals:
        counted(int): the items shown (the file names the tab with it).
    """

    counted = Signal(int)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._actor = db, actor
        self._customer: uuid.UUID | None = None
        self._name = ""
        self.loaded = Loaded([], FeedbackRules(), [])
        self._ready = False  # this customer's items, the team's lists and users are in
        self._open_when_ready = False
        self.summary = QLabel(self)
        self.standing = QLabel(self)  # latest scores, and why they left
        self.standing.setObjectName("feedbackStanding")
        self.standing.setWordWrap(True)
        self.churn_button = named_button(self, "churnReason", lambda: self.open_churn())
        self.response_button = named_button(self, "recordResponse", lambda: self.open_response())
        self.error = error_line(self)
        self.table = read_only_table(self, "feedbackTable")
        self.table.itemSelectionChanged.connect(self._enable)
        self.new_button = named_button(self, "newFeedback", lambda: self.open_new())
        self.steps = StepBar(db, actor, self)
        self.steps.moved.connect(self._moved)
        self.steps.refused.connect(self._refused)
        self.buttons = self.steps.buttons
        self._select_after_reading: uuid.UUID | None = None
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.new_button)
        standing = QHBoxLayout()
        standing.addWidget(self.standing, 1)
        standing.addWidget(self.response_button)
        standing.addWidget(self.churn_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(standing)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.steps)
        self.retranslate()

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("New feedback…"))
        self.new_button.setToolTip(self.tr("Ctrl+Shift+F"))
        self.steps.retranslate()
        self.response_button.setText(self.tr("Survey answers…"))
        self.response_button.setToolTip(self.tr("Record what the customer answered to a "
                                                "satisfaction survey"))  # fmt: skip
        self._show(self.loaded)

    def _standing(self, loaded: Loaded) -> str:
        scores, churn, parts = loaded.scores, loaded.churn, []
        if scores.nps is not None and scores.nps_at is not None:
            parts.append(self.tr("Latest NPS %1 (%2)").replace("%1", str(scores.nps))
                         .replace("%2", f"{scores.nps_at.astimezone():%Y-%m-%d}"))  # fmt: skip
        if scores.csat is not None and scores.csat_at is not None:
            parts.append(self.tr("latest CSAT %1 (%2)").replace("%1", str(scores.csat))
                         .replace("%2", f"{scores.csat_at.astimezone():%Y-%m-%d}"))  # fmt: skip
        if not parts:
            parts.append(self.tr("No survey answers yet"))
        if churn.needs_reason and churn.churned_on is not None:
            parts.append(self.tr("churned since %1: why is not recorded yet")
                         .replace("%1", churn.churned_on.isoformat()))  # fmt: skip
        elif churn.latest is not None:
            parts.append(self.tr("left on %1: %2").replace("%1", churn.latest.on.isoformat())
                         .replace("%2", category_name(churn.latest.reason,
                                                      loaded.rules.churn_reasons)))  # fmt: skip
        return " · ".join(parts)

    # -- showing -------------------------------------------------------------------

    def show_customer(self, customer_id: uuid.UUID, name: str) -> None:
        """Read and show the feedback of ``customer_id`` (in the background)."""
        if customer_id != self._customer:
            self._ready = False
        self._customer, self._name = customer_id, name
        db = self._db
        run_read(lambda _s: _read(db, customer_id), self, self._arrived)

    def _arrived(self, loaded: Loaded) -> None:
        self._show(loaded)
        if self._select_after_reading is not None:
            self._select(self._select_after_reading)
            self._select_after_reading = None
        self._ready = True
        if self._open_when_ready:
            self._open_when_ready = False
            self.open_new()

    def reload(self) -> None:
        if self._customer is not None:
            self.show_customer(self._customer, self._name)

    def _show(self, loaded: Loaded) -> None:
        self.loaded = loaded
        rows, now = loaded.rows, datetime.now(UTC)
        open_ = [r for r in rows if r.status in FEEDBACK_OPEN]
        self.summary.setText(self.tr("Open: %1 · overdue: %2 · in all: %3")
                             .replace("%1", f"{len(open_):,}")
                             .replace("%2", f"{sum(r.overdue for r in rows):,}")
                             .replace("%3", f"{len(rows):,}"))  # fmt: skip
        headers = [self.tr("No."), self.tr("Received"), self.tr("Type"), self.tr("Severity"),
                   self.tr("Category"), self.tr("Status"), self.tr("Due"), self.tr("Assignee"),
                   self.tr("Description")]  # fmt: skip
        cells = [(f"FB-{r.number}", f"{r.received_at.astimezone():%Y-%m-%d %H:%M}",
                  kind_name(r.kind), severity_name(r.severity),
                  category_name(r.category, loaded.rules.categories), status_name(r.status),
                  f"{r.due_at.astimezone():%Y-%m-%d %H:%M}" if r.status in FEEDBACK_OPEN else "",
                  r.assignee or "", r.description.splitlines()[0] if r.description else "")
                 for r in rows]  # fmt: skip
        fill_table(self.table, headers, cells)
        for index, row in enumerate(rows):
            item = self.table.item(index, 6)
            if row.overdue and row.due_at < now and item is not None:
                item.setForeground(QBrush(LATE))
                item.setToolTip(self.tr("Overdue: past its service level"))
        self.new_button.setEnabled(self._customer is not None)
        self.standing.setText(self._standing(loaded))
        self.churn_button.setText(self.tr("Why did they leave?…") if loaded.churn.needs_reason
                                  else self.tr("Mark as lost…"))  # fmt: skip
        self.churn_button.setEnabled(self._customer is not None)
        self.response_button.setEnabled(self._customer is not None)
        self.counted.emit(len(rows))
        self._enable()

    def selected(self) -> FeedbackRow | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        if len(rows) != 1:
            return None
        index = rows.pop()
        return self.loaded.rows[index] if index < len(self.loaded.rows) else None

    def _enable(self) -> None:
        self.steps.show_item(self.selected(), self.loaded.users)

    # -- writing -------------------------------------------------------------------

    def open_new(self) -> NewFeedbackDialog | None:
        """Ask for new feedback from this customer (window-modal); returns the dialog."""
        if self._customer is None:
            return None
        if not self._ready:  # the lists it offers are on their way: open once they are in
            self._open_when_ready = True
            return None
        dialog = NewFeedbackDialog(self._name, self.loaded.rules, self.loaded.users, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.buttons.accepted.connect(lambda: self._add(dialog))
        dialog.open()
        return dialog

    def _add(self, dialog: NewFeedbackDialog) -> None:
        from camdesk.services.feedback.workflow import FeedbackData, add_feedback

        assert self._customer is not None
        data = FeedbackData(self._customer, dialog.kind.currentData(),
                            dialog.description.toPlainText(),
                            severity=dialog.severity.currentData(),
                            channel=dialog.channel.currentData(),
                            category=dialog.category.currentData(),
                            assignee_id=dialog.assignee.currentData(),
                            received_at=dialog.received_at)  # fmt: skip
        db, actor = self._db, self._actor
        self._save(dialog, lambda: add_feedback(db, data, actor))

    def open_response(self) -> ResponseDialog | None:
        """Ask for the customer's survey answers (window-modal); returns the dialog."""
        from camdesk.services.feedback.workflow import DONE

        if self._customer is None or not self._ready:
            return None
        done = {s.value for s in DONE}
        resolved = [r for r in self.loaded.rows if r.status in done]
        dialog = ResponseDialog(self._name, self.loaded.surveys, resolved, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.buttons.accepted.connect(lambda: self._record_response(dialog))
        dialog.open()
        return dialog

    def _record_response(self, dialog: ResponseDialog) -> None:
        from camdesk.services.feedback.surveys import add_response

        assert self._customer is not None
        data = dialog.data(self._customer)
        if data is None:
            return
        db, actor = self._db, self._actor
        self._save(dialog, lambda: add_response(db, data, actor))

    def _save(self, dialog: Saving, write: Callable[[], Written[Any]]) -> None:
        """Run ``write`` for ``dialog`` in the background, then show the customer's
        feedback as it is now; a refusal is said in the dialog, which stays open."""
        db, customer = self._db, self._customer
        assert customer is not None

        def work(_state: object) -> Written[Loaded]:
            changes = write().changes  # first: the file is read as the write left it
            return Written(_read(db, customer), changes)

        def saved(result: Written[Loaded]) -> None:
            dialog.accept()
            self._show(result.value)

        dialog.buttons.setEnabled(False)
        run_write(work, dialog, saved,
                  lambda exc: refused(dialog, dialog.error, dialog.buttons, exc))  # fmt: skip

    def open_churn(self) -> ChurnDialog | None:
        """Ask why the customer left (window-modal); returns the dialog."""
        if self._customer is None or not self._ready:
            return None
        churn = self.loaded.churn
        since = churn.churned_on.isoformat() if churn.needs_reason and churn.churned_on else None
        dialog = ChurnDialog(self._name, since, self.loaded.rules, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.buttons.accepted.connect(lambda: self._record_churn(dialog))
        dialog.open()
        return dialog

    def _record_churn(self, dialog: ChurnDialog) -> None:
        from camdesk.services.feedback.churn import ChurnData, record_churn

        assert self._customer is not None
        data = ChurnData(self._customer, dialog.reason.currentData(),
                         dialog.note.toPlainText(), plan_winback=dialog.winback.isChecked(),
                         reason_name=dialog.reason.currentText())  # fmt: skip
        db, actor = self._db, self._actor
        self._save(dialog, lambda: record_churn(db, data, actor))

    def take_step(self, name: str) -> QDialog | None:
        """Take the step ``name`` for the selected item (see :class:`StepBar`)."""
        return self.steps.take_step(name)

    def _moved(self, ident: uuid.UUID) -> None:
        self.error.hide()
        self._select_after_reading = ident
        self.reload()

    def _refused(self, exc: BaseException) -> None:
        if say_refusal(self, self.error, exc):
            self.reload()  # as it is now

    def _select(self, ident: uuid.UUID) -> None:
        for index, row in enumerate(self.loaded.rows):
            if row.id == ident:
                self.table.selectRow(index)
