"""The calendar screen: who to contact when, and the day's work done from one place.

Left, the month (or week) with each day's follow-ups counted by type and state; right,
the selected day's agenda and the overdue list.  A follow-up is done (the outcome is
asked and logged), skipped, moved (a dialog, Ctrl+arrow keys, or dragged onto a day),
given to someone else or cancelled; several at once where it makes sense.  Every read
and write runs in the background; the screen reloads when follow-ups change anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from camdesk.services.core.changes import Changes, Kind
from camdesk.services.core.context import Actor
from camdesk.services.followups.agenda import AgendaRow, DayCount, Scope
from camdesk.services.followups.tasks import Ref
from camdesk.views.access import writable
from camdesk.views.background import TaskState, run_read, run_write
from camdesk.views.events import AppEvents, Freshness
from camdesk.views.followups.agenda_model import AgendaModel
from camdesk.views.followups.filters import CalendarFilters
from camdesk.views.followups.month import DAY_ROLE, MonthModel, MonthView
from camdesk.views.followups.names import KIND_NAMES, day_text, kind_name, legend_html
from camdesk.views.icons import SP, icon
from camdesk.views.settings import Settings

if TYPE_CHECKING:
    from camdesk.db import Database


@dataclass(frozen=True)
class Loaded:
    counts: list[DayCount]
    agenda: list[AgendaRow]
    overdue: list[AgendaRow]
    badge: int


class CalendarPage(QWidget):
    """Follow-ups by day.

    Signals:
        edit_requested(object): open this customer's file (its id).
        badge_changed(int): follow-ups of the user due today or earlier.
        loaded(): the screen shows what the database holds (after every reload).
    """

    edit_requested = Signal(object)
    badge_changed = Signal(int)
    loaded = Signal()

    def __init__(self, *, db: Database | None, actor: Actor | None, events: AppEvents,
                 settings: Settings | None = None, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._db, self._actor, self._settings = db, actor, settings
        self.day = date.today()
        self.badge = 0
        self._generation = 0
        self.month_model = MonthModel(self)
        self.month = MonthView(self)
        self.month.setModel(self.month_model)
        self.month.dropped.connect(self.move_to)
        self.month.selectionModel().currentChanged.connect(self._on_day_picked)
        self.title = QLabel(self)
        self.title.setObjectName("calendarTitle")
        self.filters = CalendarFilters(self)
        self.filters.changed.connect(self.reload)
        self.filters.mode_changed.connect(self._on_mode)
        self.filters.step.connect(self.step_period)
        self.filters.today_requested.connect(lambda: self.go_to(date.today()))
        self.agenda_model, self.overdue_model = AgendaModel(self), AgendaModel(self, show_day=True)
        self.agenda, self.overdue = self._table("agenda", self.agenda_model), self._table(
            "overdueList", self.overdue_model)  # fmt: skip
        self.day_label = QLabel(self)
        self.tabs = QTabWidget(self)
        day_tab = QWidget(self)
        column = QVBoxLayout(day_tab)
        column.addWidget(self.day_label)
        column.addWidget(self.agenda, 1)
        self.tabs.addTab(day_tab, "")
        self.tabs.addTab(self.overdue, "")
        self.tabs.currentChanged.connect(lambda _i: self._on_selection())
        self.buttons = {name: QPushButton(self) for name in
                        ("done", "skip", "reschedule", "reassign", "cancel", "message", "open")}  # fmt: skip
        marks = {"done": ("check", SP.SP_DialogApplyButton), "skip": ("skip-forward", SP.SP_MediaSkipForward),
                 "reschedule": ("calendar-clock", SP.SP_BrowserReload), "reassign": ("user-round-cog", SP.SP_DirHomeIcon),
                 "cancel": ("x", SP.SP_DialogCancelButton), "message": ("message-circle", SP.SP_MessageBoxInformation),
                 "open": ("external-link", SP.SP_DialogOpenButton)}  # fmt: skip
        for name, button in self.buttons.items():
            button.setObjectName(f"{name}FollowUp")
            button.setIcon(icon(*marks[name]))
        self.buttons["done"].clicked.connect(self.complete_selected)
        self.buttons["skip"].clicked.connect(self.skip_selected)
        self.buttons["reschedule"].clicked.connect(self.reschedule_selected)
        self.buttons["reassign"].clicked.connect(self.reassign_selected)
        self.buttons["cancel"].clicked.connect(self.cancel_selected)
        self.buttons["open"].clicked.connect(self.open_selected)
        self.buttons["message"].clicked.connect(self.message_selected)
        self.care_button = QPushButton(self)
        self.care_button.setObjectName("planCare")
        self.care_button.clicked.connect(self.plan_care)
        self.care_button.setIcon(icon("gift", SP.SP_DialogYesButton))
        self.plan_button = QPushButton(self)
        self.plan_button.setObjectName("planFollowUps")
        self.plan_button.clicked.connect(self.plan)
        self.plan_button.setIcon(icon("calendar-plus", SP.SP_FileDialogNewFolder))
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportCalendar")
        self.export_button.clicked.connect(lambda: self.export_ics())
        self.export_button.setIcon(icon("download", SP.SP_DialogSaveButton))
        self.status = QLabel(self)
        self.legend = QLabel(self)
        self.legend.setObjectName("calendarLegend")
        self.legend.setWordWrap(True)
        self._shortcuts()
        self._layout()
        self.freshness = Freshness(self, events, Kind.FOLLOWUPS | Kind.FILES | Kind.USERS,
                                   self._on_changed)  # fmt: skip
        self._retranslate()
        self.month_model.show(self.day, 6)
        if db is not None and actor is not None:
            self.attach(db, actor)

    def _table(self, name: str, model: AgendaModel) -> QTableView:
        table = QTableView(self)
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setDragEnabled(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        for column in range(model.columnCount()):  # names and purposes take what is left
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column in (1, 3)
                                        else QHeaderView.ResizeMode.ResizeToContents)  # fmt: skip
        table.doubleClicked.connect(lambda _index: self.open_selected())
        table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection())
        return table

    def _shortcuts(self) -> None:
        self.move_actions: list[QAction] = []
        for keys, days in (("Ctrl+Right", 1), ("Ctrl+Left", -1), ("Ctrl+Shift+Right", 7),
                           ("Ctrl+Shift+Left", -7)):  # fmt: skip
            for table in (self.agenda, self.overdue):
                action = QAction(table)
                action.setShortcut(QKeySequence(keys))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                action.triggered.connect(lambda _c=False, d=days: self.shift_selected(d))
                table.addAction(action)
                self.move_actions.append(action)
        for keys, slot in (("Ctrl+D", self.complete_selected), ("Return", self.open_selected)):
            for table in (self.agenda, self.overdue):
                action = QAction(table)
                action.setShortcut(QKeySequence(keys))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                action.triggered.connect(slot)
                table.addAction(action)

    def _layout(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.export_button)
        head.addWidget(self.care_button)
        head.addWidget(self.plan_button)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tabs, 1)
        for names in (("done", "skip", "reschedule", "reassign"), ("cancel", "message", "open")):
            row = QHBoxLayout()  # two rows: the screen fits a 1200-pixel window in both languages
            for name in names:
                row.addWidget(self.buttons[name])
            row.addStretch(1)
            column.addLayout(row)
        left = QWidget(self)
        days = QVBoxLayout(left)
        days.setContentsMargins(0, 0, 0, 0)
        days.addWidget(self.month, 1)
        days.addWidget(self.legend)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 4)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

    def attach(self, db: Database, actor: Actor) -> None:
        self._db, self._actor = db, actor
        self.filters.attach(db, actor)
        self.plan_button.setEnabled(writable(db))
        self.care_button.setEnabled(writable(db))
        self.reload()

    # ------------------------------------------------------------------ reading

    @property
    def scope(self) -> Scope:
        return self.filters.scope

    def reload(self, _changes: Any = None) -> None:
        db, actor = self._db, self._actor
        if db is None or actor is None:
            return
        self._generation += 1
        generation, scope, day = self._generation, self.scope, self.day
        first, last = self.month_model.first, self.month_model.last
        mine = Scope(assignee=actor.user_id)

        def work(_state: TaskState) -> Loaded:
            from camdesk.services.followups import agenda

            return Loaded(agenda.month_counts(db, first, last, scope),
                          agenda.day_agenda(db, day, scope), agenda.overdue(db, scope),
                          agenda.badge_count(db, mine))  # fmt: skip

        def done(found: Loaded) -> None:
            if generation != self._generation:
                return  # a newer reload superseded this one
            self.month_model.set_counts(found.counts)
            self.agenda_model.set_rows(found.agenda)
            self.overdue_model.set_rows(found.overdue)
            if found.badge != self.badge or generation == 1:  # the first count is news too
                self.badge = found.badge
                self.badge_changed.emit(found.badge)
            self._show_labels()
            self._on_selection()
            self.loaded.emit()

        run_read(work, self, done)

    def _on_changed(self, _changes: Changes) -> None:
        self.reload()

    # ------------------------------------------------------------------ navigation

    def go_to(self, day: date) -> None:
        """Show ``day``'s month (or week) with ``day`` selected, and its agenda."""
        self.day = day
        weeks = self.month_model.weeks
        if not self.month_model.index_of(day).isValid() or weeks == 1:
            self.month_model.show(day, weeks)
        self.month.selectionModel().setCurrentIndex(
            self.month_model.index_of(day), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.tabs.setCurrentIndex(0)
        self.reload()

    def step_period(self, steps: int) -> None:
        """A month (or a week) back or on."""
        if self.month_model.weeks == 1:
            self.go_to(self.day + timedelta(days=7 * steps))
            return
        month = self.day.month - 1 + steps
        year = self.day.year + month // 12
        self.go_to(date(year, month % 12 + 1, 1))

    def _on_mode(self, weeks: int) -> None:
        self.month_model.show(self.day, weeks)
        self.go_to(self.day)

    def _on_day_picked(self, current: Any, _previous: Any) -> None:
        day = current.data(DAY_ROLE) if current.isValid() else None
        if day is not None and day != self.day:
            self.day = day
            self.tabs.setCurrentIndex(0)
            self.reload()

    # ------------------------------------------------------------------ acting

    def selected_rows(self) -> list[AgendaRow]:
        table = self.agenda if self.tabs.currentIndex() == 0 else self.overdue
        model = table.model()
        assert isinstance(model, AgendaModel)
        picked = sorted({i.row() for i in table.selectionModel().selectedRows()})
        return [model.rows[r] for r in picked if r < len(model.rows)]

    def _planned(self) -> list[AgendaRow]:
        return [r for r in self.selected_rows() if r.status == "planned"]

    def _on_selection(self) -> None:
        rows = self.selected_rows()
        planned = [r for r in rows if r.status == "planned"]
        can = writable(self._db)
        self.buttons["done"].setEnabled(can and len(planned) == 1)
        self.buttons["skip"].setEnabled(can and len(planned) == 1)
        for name in ("reschedule", "reassign", "cancel"):
            self.buttons[name].setEnabled(can and bool(planned))
        self.buttons["open"].setEnabled(len(rows) == 1)
        self.buttons["message"].setEnabled(can and len(rows) == 1)

    def _write(self, work: Any, done: Any = None) -> None:
        run_write(work, self, done)

    def complete_selected(self) -> None:
        from camdesk.views.followups.dialogs import CompleteDialog

        db, actor, rows = self._db, self._actor, self._planned()
        if db is None or actor is None or len(rows) != 1 or not writable(db):
            return
        row = rows[0]
        dialog = CompleteDialog(row, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        outcome, summary = dialog.outcome.toPlainText().strip(), dialog.summary.text()
        channel, direction = dialog.channel.currentData(), dialog.direction.currentData()
        next_step = dialog.next_step.text()

        def work(_state: TaskState) -> Any:
            from camdesk.services.followups import tasks

            return tasks.complete(db, Ref(row.id, row.version), actor, outcome=outcome,
                                  channel=channel, direction=direction,
                                  summary=summary, next_step=next_step)  # fmt: skip

        def done(result: Any) -> None:
            due = result.value.next_due
            self.status.setText(self.tr("Done. Next follow-up planned on %1.").replace("%1", due.isoformat())
                                if due else self.tr("Done."))  # fmt: skip

        self._write(work, done)

    def skip_selected(self) -> None:
        db, actor, rows = self._db, self._actor, self._planned()
        if db is None or actor is None or len(rows) != 1:
            return
        ref = Ref(rows[0].id, rows[0].version)

        def work(_state: TaskState) -> Any:
            from camdesk.services.followups import tasks

            return tasks.skip(db, ref, actor)

        self._write(work, lambda _r: self.status.setText(self.tr("Skipped.")))

    def move_to(self, refs: list[Ref], day: date) -> None:
        """Reschedule follow-ups (as the user saw them) to ``day``."""
        db, actor = self._db, self._actor
        if db is None or actor is None or not refs or not writable(db):
            return

        def work(_state: TaskState) -> Changes:
            from camdesk.services.followups import tasks

            return tasks.reschedule(db, refs, actor, day)

        self._write(work, lambda _r: self.status.setText(
            self.tr("Moved %1 follow-ups to %2.").replace("%1", f"{len(refs):,}")
            .replace("%2", day_text(day, QLocale.FormatType.ShortFormat))))  # fmt: skip

    def shift_selected(self, days: int) -> None:
        """Move the selected follow-ups ``days`` on (or back) from their own days."""
        rows = self._planned()
        by_day: dict[date, list[Ref]] = {}
        for r in rows:
            by_day.setdefault(r.due_on + timedelta(days=days), []).append(Ref(r.id, r.version))
        for day, refs in by_day.items():
            self.move_to(refs, day)

    def reschedule_selected(self) -> None:
        from camdesk.views.followups.dialogs import DayDialog

        rows = self._planned()
        if not rows:
            return
        dialog = DayDialog(len(rows), max(self.day, date.today()), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.move_to([Ref(r.id, r.version) for r in rows], dialog.chosen)

    def reassign_selected(self) -> None:
        from camdesk.services.core.users import list_users
        from camdesk.views.followups.dialogs import UserDialog

        db, actor, rows = self._db, self._actor, self._planned()
        if db is None or actor is None or not rows:
            return
        dialog = UserDialog(len(rows), list_users(db), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        refs, who = [Ref(r.id, r.version) for r in rows], dialog.chosen

        def work(_state: TaskState) -> Changes:
            from camdesk.services.followups import tasks

            return tasks.reassign(db, refs, actor, who)

        self._write(work)

    def cancel_selected(self) -> None:
        db, actor, rows = self._db, self._actor, self._planned()
        if db is None or actor is None or not rows:
            return
        refs = [Ref(r.id, r.version) for r in rows]

        def work(_state: TaskState) -> Changes:
            from camdesk.services.followups import tasks

            return tasks.cancel(db, refs, actor)

        self._write(work)

    def open_selected(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self.edit_requested.emit(rows[0].customer_id)

    def export_ics(self, path: Path | None = None) -> None:
        """Write the planned follow-ups the user filter shows (one user's, or everyone's) to
        an iCalendar file for Outlook, Thunderbird or Google Calendar."""
        from camdesk.services.followups.agenda import ANYONE
        from camdesk.views.files import ask_save_file

        db = self._db
        if db is None:
            return
        if path is None:
            path = ask_save_file(self, self.tr("Export follow-ups to a calendar"), "camdesk.ics",
                                 self.tr("iCalendar files (*.ics)"), settings=self._settings,
                                 kind="export", suffix="ics")  # fmt: skip
            if path is None:
                return
        who = self.scope.assignee
        assignee = None if who == ANYONE else who
        names = {code: kind_name(code) for code in KIND_NAMES}
        target = path

        def work(state: TaskState) -> Any:
            from camdesk.services.followups.ics import export_ics

            return export_ics(db, target, assignee=assignee, kind_names=names,
                              progress=state.progress, cancelled=state.cancelled)  # fmt: skip

        run_read(work, self, lambda result: self.status.setText(
            self.tr("Wrote %n follow-up(s) to %1; open it with Outlook, Thunderbird or Google Calendar.",
                    "", result.events).replace("%1", str(result.path))))  # fmt: skip

    def plan_care(self) -> None:
        from camdesk.views.followups.care import plan_care_in_background

        if self._db is not None and self._actor is not None and writable(self._db):
            plan_care_in_background(self, self._db, self._actor, self.status)

    def message_selected(self) -> None:
        """A care message for the selected follow-up's customer, copied and logged."""
        from camdesk.views.followups.care import send_care_message

        rows = self.selected_rows()
        if self._db is None or self._actor is None or len(rows) != 1:
            return
        row = rows[0]
        send_care_message(self, self._db, self._actor, row.customer_id, row.kind, row.purpose,
                          self.status)  # fmt: skip

    def plan(self) -> None:
        from camdesk.views.followups.planning import plan_in_background

        if self._db is not None and self._actor is not None:
            plan_in_background(self, self._db, self._actor, self.status)

    # ------------------------------------------------------------------ text

    def _show_labels(self) -> None:
        if self.month_model.weeks == 1:
            self.title.setText(self.tr("Week of %1").replace(
                "%1", day_text(self.month_model.first)))  # fmt: skip
        else:
            self.title.setText(day_text(self.month_model.anchor, self.tr("MMMM yyyy")))
        self.day_label.setText(self.tr("%1: %2 follow-ups").replace(
            "%1", day_text(self.day))
            .replace("%2", f"{len(self.agenda_model.rows):,}"))  # fmt: skip
        self.tabs.setTabText(0, self.tr("Day"))
        self.tabs.setTabText(1, self.tr("Overdue (%1)").replace(
            "%1", f"{len(self.overdue_model.rows):,}"))  # fmt: skip

    def _retranslate(self) -> None:
        texts = {"done": self.tr("Done…"), "skip": self.tr("Skip"),
                 "reschedule": self.tr("Reschedule…"), "reassign": self.tr("Reassign…"),
                 "cancel": self.tr("Cancel follow-up"), "open": self.tr("Open customer"),
                 "message": self.tr("Care message…")}  # fmt: skip
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.buttons["done"].setToolTip(
            self.tr("Record the outcome and plan the next one (Ctrl+D)")
        )
        self.buttons["reschedule"].setToolTip(self.tr("Or drag onto a day; Ctrl+Left and Ctrl+Right move by a day, with Shift by a week"))  # fmt: skip
        self.legend.setText(legend_html())
        self.plan_button.setText(self.tr("Plan follow-ups…"))
        self.export_button.setText(self.tr("Export to calendar…"))
        self.care_button.setText(self.tr("Plan care…"))
        self.care_button.setToolTip(
            self.tr(
                "Care tasks for birthdays (lunar ones too) and festivals, a few days ahead on a working day"
            )
        )
        self.export_button.setToolTip(
            self.tr("The planned follow-ups shown (the user filter) as an .ics file")
        )
        self.plan_button.setToolTip(self.tr("Plan the next return visit for every customer who has none, from each value tier's interval"))  # fmt: skip
        self.agenda_model.retranslate()
        self.overdue_model.retranslate()
        self.month_model.retranslate()
        self.filters.retranslate()
        self._show_labels()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
