"""The Feedback screen (反馈): every complaint, suggestion, praise and question of the team.

Left, the list (open ones first by default; searched, filtered and sorted in SQL, read
page by page); right, the item chosen: what was said, how it was resolved, its steps,
and the workflow's buttons. The list reads again when feedback changes anywhere.
"""

from __future__ import annotations

import html
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from camdesk.errors import CamdeskError
from camdesk.services.core.changes import Kind
from camdesk.services.core.context import Actor
from camdesk.services.core.users import UserInfo
from camdesk.services.feedback.queries import FeedbackRow, StepRow
from camdesk.services.feedback.rules import FeedbackRules, SeenRules
from camdesk.services.feedback.surveys import SurveyInfo
from camdesk.views.access import writable
from camdesk.views.background import run_read
from camdesk.views.errors import show_error
from camdesk.views.events import AppEvents, Freshness
from camdesk.views.feedback.list_filters import FeedbackFilters
from camdesk.views.feedback.list_model import FeedbackListModel
from camdesk.views.feedback.names import category_name, kind_name, status_name
from camdesk.views.feedback.steps import StepBar
from camdesk.views.form_parts import named_button, say_refusal

if TYPE_CHECKING:
    from camdesk.db import Database

KINDS = Kind.FEEDBACK | Kind.FILES | Kind.USERS


@dataclass(frozen=True)
class Team:
    rules: FeedbackRules
    users: list[UserInfo]


def _team(db: Database) -> Team:
    from camdesk.services.core.users import list_users
    from camdesk.services.feedback.rules import read_rules

    return Team(read_rules(db), list_users(db))


class FeedbackPage(QWidget):
    """The feedback list with the chosen item beside it.

    Signals:
        edit_requested(object): open this customer's file (its id).
        loaded(): the list shows what the database holds (after every new read).
    """

    edit_requested = Signal(object)
    loaded = Signal()

    def __init__(self, *, db: Database | None, actor: Actor | None, events: AppEvents,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("feedbackPage")
        self._db, self._actor = db, actor
        self.team = Team(FeedbackRules(), [])
        self._chosen: uuid.UUID | None = None
        self._stale = True
        self._sized = False
        self.filters = FeedbackFilters(self)
        self.filters.changed.connect(self._query)
        self.count = QLabel(self)
        self.count.setObjectName("feedbackCount")
        self.model = FeedbackListModel(parent=self)
        self.model.count_changed.connect(self._counted)
        self.model.query_failed.connect(self._failed)
        self.table = QTableView(self)
        self.table.setObjectName("feedbackList")
        self.table.setModel(self.model)
        # After the view's own handling of a reset (which clears its current row).
        self.model.modelReset.connect(self._reselect)
        self.model.dataChanged.connect(lambda *_a: self._show_current())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_current())
        self.table.doubleClicked.connect(lambda _i: self.open_file())
        self.title = QLabel(self)
        self.title.setObjectName("feedbackTitle")
        self.title.setWordWrap(True)
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("feedbackDetail")
        self.steps = StepBar(db, actor, self)
        self.steps.moved.connect(self._moved)
        self.steps.refused.connect(self._refused)
        self.error = QLabel(self)
        self.error.setObjectName("feedbackError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828")
        self.error.hide()
        self.file_button = named_button(self, "feedbackOpenFile", lambda: self.open_file())
        side = QWidget(self)
        right = QVBoxLayout(side)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.title)
        right.addWidget(self.detail, 1)
        right.addWidget(self.error)
        right.addWidget(self.steps)
        right.addWidget(self.file_button)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.settings_button = named_button(
            self, "feedbackSettingsButton", lambda: self.open_settings()
        )
        self.surveys_button = named_button(self, "surveysButton", lambda: self.open_surveys())
        for button in (self.settings_button, self.surveys_button):
            button.setEnabled(False)  # until a database that can be written is attached
        bar = QHBoxLayout()
        bar.addWidget(self.filters, 1)
        bar.addWidget(self.count)
        bar.addWidget(self.settings_button)
        bar.addWidget(self.surveys_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.freshness = Freshness(self, events, KINDS, lambda _c: self.reload())
        if db is not None and actor is not None:
            self.attach(db, actor)
        self.retranslate()
        self._show_current()

    # -- reading -------------------------------------------------------------------

    def attach(self, db: Database, actor: Actor) -> None:
        from camdesk.services.feedback.listing import count_feedback, feedback_page

        self._db, self._actor = db, actor
        self.model.use(lambda query: count_feedback(db, query),
                       lambda query, offset, limit: feedback_page(db, query, offset, limit))  # fmt: skip
        self.steps.attach(db, actor)
        for button in (self.settings_button, self.surveys_button):
            button.setEnabled(writable(db))
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        """Read the team's lists and users, then the items (in the background)."""
        if self._db is None:
            return
        self._stale = False
        db = self._db
        run_read(lambda _s: _team(db), self, self._team_arrived, self._failed)

    def _team_arrived(self, team: Team) -> None:
        self.team = team
        self.model.categories = team.rules.categories
        self.filters.set_choices(self._actor, team.rules, team.users)
        self._query()

    def _query(self) -> None:
        if self._db is not None:
            self.model.set_query(self.filters.query(self.model.query))

    def _counted(self, total: int) -> None:
        if not self._sized and total:
            self._sized = True  # once: the user's widths are kept from then on
            self.table.resizeColumnsToContents()
            self.table.setColumnWidth(2, min(self.table.columnWidth(2), 160))  # customer
        self.count.setText(self.tr("%n item(s)", "", total))
        self.error.hide()
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, CamdeskError):
            self._refused(exc)
        else:
            show_error(self, exc)

    # -- the item chosen -------------------------------------------------------------

    def current(self) -> FeedbackRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select_number(self, number: int) -> bool:
        """Choose the item numbered ``number`` among the rows read; True if it is there.
        (Only pages already read are looked through: 300,000 rows are not fetched for it.)"""
        row = self.model.row_of(number, by="number")
        if row is not None:
            self.table.selectRow(row)
        return row is not None

    def _reselect(self) -> None:
        row = self.model.row_of(self._chosen) if self._chosen is not None else None
        if row is not None:
            self.table.selectRow(row)
        self._show_current()

    def _show_current(self) -> None:
        row = self.current()
        self.steps.show_item(row, self.team.users)
        self.file_button.setEnabled(row is not None)
        if row is None:
            self.title.setText(self.tr("Choose an item to see what was said and its steps."))
            self.detail.clear()
            return
        self.title.setText(f"<b>FB-{row.number}</b> · {html.escape(kind_name(row.kind))} · "
                           f"{html.escape(row.customer)} · {html.escape(status_name(row.status))}")  # fmt: skip
        if row.id == self._chosen and self.detail.toPlainText():
            return  # its steps are shown
        self._chosen = row.id
        db, ident = self._db, row.id
        if db is None:
            return
        from camdesk.services.feedback.queries import steps_of

        run_read(lambda _s: steps_of(db, ident), self, lambda steps: self._detail(row, steps))

    def _detail(self, row: FeedbackRow, steps: list[StepRow]) -> None:
        if row.id != self._chosen:
            return
        parts = [f"<p>{html.escape(row.description).replace(chr(10), '<br>')}</p>"]
        category = category_name(row.category, self.team.rules.categories)
        said, resolution = self.tr("Category: %1"), self.tr("Resolution")
        titled = self.tr("Steps")
        if category:
            parts.append(f"<p>{html.escape(said.replace('%1', category))}</p>")
        if row.resolution:
            parts.append(f"<p><b>{html.escape(resolution)}</b><br>"
                         f"{html.escape(row.resolution).replace(chr(10), '<br>')}</p>")  # fmt: skip
        lines = []
        for step in steps:
            who = step.user or self.tr("someone")
            moved = status_name(step.to_status)
            if step.from_status is not None:
                moved = f"{status_name(step.from_status)} → {moved}"
            text = (
                f"{step.at.astimezone():%Y-%m-%d %H:%M} · {html.escape(who)}: {html.escape(moved)}"
            )
            if step.note:
                text += f" — {html.escape(step.note)}"
            lines.append(f"<li>{text}</li>")
        parts.append(f"<p><b>{html.escape(titled)}</b></p><ul>{''.join(lines)}</ul>")
        self.detail.setHtml("".join(parts))

    def open_file(self) -> None:
        row = self.current()
        if row is not None:
            self.edit_requested.emit(row.customer_id)

    def _moved(self, ident: uuid.UUID) -> None:
        """A step was written: the list reads again as every screen does on a change
        (announced before this), and the item's steps are read again when it is back."""
        self._chosen = ident
        self.detail.clear()
        self.error.hide()

    def _refused(self, exc: BaseException) -> None:
        if say_refusal(self, self.error, exc):
            self.detail.clear()
            self.model.refresh()  # as it is now

    # -- the team's settings and surveys -------------------------------------------

    def open_settings(self) -> None:
        """The feedback settings as stored now, in a dialog (window-modal)."""
        from camdesk.services.feedback.rules import read_seen
        from camdesk.views.feedback.settings_dialog import FeedbackSettingsDialog

        db, actor = self._db, self._actor
        if db is None or actor is None:
            return

        def shown(seen: SeenRules) -> None:
            dialog = FeedbackSettingsDialog(db=db, actor=actor, seen=seen, parent=self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.settings_dialog = dialog
            dialog.open()

        run_read(lambda _s: read_seen(db), self, shown, self._failed)

    def open_surveys(self) -> None:
        """The team's surveys, in a dialog (window-modal)."""
        from camdesk.services.feedback.surveys import list_surveys
        from camdesk.views.feedback.surveys_dialog import SurveysDialog

        db, actor = self._db, self._actor
        if db is None or actor is None:
            return

        def shown(surveys: list[SurveyInfo]) -> None:
            dialog = SurveysDialog(db=db, actor=actor, surveys=surveys, parent=self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.surveys_dialog = dialog
            dialog.open()

        run_read(lambda _s: list_surveys(db), self, shown, self._failed)

    # -- language ------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.filters.retranslate()
        self.steps.retranslate()
        self.model.retranslate()
        self.file_button.setText(self.tr("Open customer file"))
        self.settings_button.setText(self.tr("Settings…"))
        self.settings_button.setToolTip(self.tr("Service levels, categories and churn reasons"))
        self.surveys_button.setText(self.tr("Surveys…"))
        self.surveys_button.setToolTip(self.tr("What the satisfaction surveys ask"))
        self.count.setText(self.tr("%n item(s)", "", self.model.rowCount(QModelIndex())))
        self.detail.clear()
        self._show_current()
