"""The value screen (价值分析): tiers, stages, RFM segments, Pareto, CLV, churn.

It shows the measures stored by the last recompute and can recompute them in a
worker (progress and cancel; a cancelled recompute changes nothing).  A click on
a bar or a table row lists those customers on the customer screen; a double click
on the churn-risk list opens that customer's file.

pyqtgraph and numpy load when the screen is first shown, not at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from camdesk.errors import Cancelled
from camdesk.services.core.changes import Kind
from camdesk.services.core.context import Actor
from camdesk.services.lists.criteria import Criterion
from camdesk.views.access import writable
from camdesk.views.background import TaskState, run_read, run_write
from camdesk.views.errors import show_error
from camdesk.views.events import AppEvents, Freshness

if TYPE_CHECKING:
    from camdesk.db import Database
    from camdesk.services.value.report import ValueReport
    from camdesk.views.value.charts import BarChart, ParetoChart
    from camdesk.views.value.panels import RiskPanel


class ValuePage(QWidget):
    """Customer value at a glance, and the way into each group of customers.

    Signals:
        show_customers(object): list the customers meeting these criteria (a tuple).
        edit_requested(object): open this customer's file (its id).

    Attributes:
        report: the figures shown (None until first read).
    """

    show_customers = Signal(object)
    edit_requested = Signal(object)

    def __init__(self, *, db: Database | None, actor: Actor | None, events: AppEvents,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("valuePage")
        self._db, self._actor, self._events = db, actor, events
        self.report: ValueReport | None = None
        self._stale = True
        self._built = False
        self._job: TaskState | None = None
        self.status = QLabel(self)
        self.status.setObjectName("valueStatus")
        self.status.setWordWrap(True)
        self.recompute_button = QPushButton(self)
        self.recompute_button.setObjectName("recomputeValue")
        self.recompute_button.clicked.connect(self.recompute)
        self.rules_button = QPushButton(self)
        self.rules_button.setObjectName("valueRules")
        self.rules_button.clicked.connect(self.open_rules)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(200)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self._cancel)
        self.progress.hide()
        self.cancel_button.hide()
        self.tabs = QTabWidget(self)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        top.addWidget(self.rules_button)
        top.addWidget(self.recompute_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.freshness = Freshness(self, events, Kind.VALUES | Kind.FILES, lambda _c: self.reload())
        self._retranslate()

    def attach(self, db: Database, actor: Actor) -> None:
        self._db, self._actor = db, actor
        for button in (self.recompute_button, self.rules_button):  # they write
            button.setEnabled(writable(db))
        self._stale = True
        if self.isVisible():
            self.reload()
        self._retranslate()

    # -- building (on first show) --------------------------------------------------

    def _build(self) -> None:
        from camdesk.views.value.charts import BarChart, ParetoChart
        from camdesk.views.value.panels import CountsPanel, RiskPanel

        self._built = True
        self.tiers = CountsPanel("tiers")
        self.stages = CountsPanel("stages")
        self.segments = CountsPanel("segments", horizontal=True)
        self.tiers.chosen.connect(lambda code: self._show("tier", code))
        self.stages.chosen.connect(lambda code: self._show("stage", code))
        self.segments.chosen.connect(lambda code: self._show("segment", code))
        both = QSplitter(self)
        both.addWidget(self.tiers)
        both.addWidget(self.stages)
        self.pareto_about = QLabel()
        self.pareto_about.setWordWrap(True)
        self.pareto: ParetoChart = ParetoChart()
        self.pareto.class_clicked.connect(lambda abc: self._show("abc", abc))
        self.clv_about = QLabel()
        self.clv_about.setWordWrap(True)
        self.clv_chart: BarChart = BarChart()
        self.clv_chart.setObjectName("clvChart")
        self.clv_chart.bar_clicked.connect(self._show_band)
        self.risk: RiskPanel = RiskPanel()
        self.risk.open_requested.connect(self.edit_requested)
        self.churn_about = QLabel()
        self.churn_about.setWordWrap(True)
        self.churn_chart: BarChart = BarChart()
        self.churn_chart.setObjectName("churnChart")
        self.churn_chart.bar_clicked.connect(lambda _n: self._show("stage", "churned"))
        for widget in (both, self.segments, _column(self.pareto_about, self.pareto),
                       _column(self.clv_about, self.clv_chart), self.risk,
                       _column(self.churn_about, self.churn_chart)):  # fmt: skip
            self.tabs.addTab(widget, "")

    def showEvent(self, event: QShowEvent) -> None:
        if not self._built:
            self._build()
            self._retranslate()
        if self._stale:
            self.reload()
        super().showEvent(event)

    def _retranslate(self) -> None:
        self.recompute_button.setText(self.tr("Recompute now"))
        self.recompute_button.setToolTip(self.tr(
            "Recompute every customer's value measures, tier and stage from their orders "
            "and contacts. Changes of tier and stage are recorded."))  # fmt: skip
        self.cancel_button.setText(self.tr("Cancel"))
        self.rules_button.setText(self.tr("Rules…"))
        self.rules_button.setToolTip(self.tr(
            "Change the thresholds of the stages, the ABC shares and the tier rules, "
            "with a preview of who would move."))  # fmt: skip
        if self._built:
            titles = (self.tr("Tiers and stages"), self.tr("RFM segments"),
                      self.tr("Revenue (Pareto)"), self.tr("Predicted value"),
                      self.tr("Churn risk"), self.tr("Churn per month"))  # fmt: skip
            for index, title in enumerate(titles):
                self.tabs.setTabText(index, title)
        self._show_report()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- reading and recomputing ---------------------------------------------------

    def reload(self) -> None:
        """Read the figures again (in the background)."""
        db = self._db
        if db is None:
            return
        self._stale = False

        def work(_state: TaskState) -> ValueReport:
            from camdesk.services.value.report import build_report

            return build_report(db)

        run_read(work, self, self._loaded)

    def _loaded(self, report: ValueReport) -> None:
        self.report = report
        self._show_report()

    def recompute(self) -> None:
        """Recompute every customer's measures in the background, with progress."""
        db, actor = self._db, self._actor
        if db is None or self._job is not None:
            return

        def work(state: TaskState) -> object:
            from camdesk.services.value.recompute import recompute

            return recompute(db, actor, progress=state.progress, cancelled=state.cancelled)

        def finished() -> None:
            self._job = None
            self.progress.hide()
            self.cancel_button.hide()
            self.recompute_button.setEnabled(writable(self._db))

        def done(_summary: object) -> None:  # its changes were announced
            finished()

        def failed(exc: BaseException) -> None:
            finished()
            if not isinstance(exc, Cancelled):
                show_error(self, exc)

        def moved(step: int, total: int) -> None:
            self.progress.setRange(0, total)
            self.progress.setValue(step)

        self.recompute_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self._job = run_write(work, self, done, failed, progress=moved)

    def open_rules(self) -> QWidget | None:
        """Open the value rules (window-modal); returns the dialog."""
        if self._db is None or self._actor is None or self.report is None:
            return None
        from camdesk.views.value.rules_dialog import RulesDialog

        dialog = RulesDialog(db=self._db, actor=self._actor, rules=self.report.rules, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    # -- click-through -------------------------------------------------------------

    def _show(self, field: str, code: str) -> None:
        self.show_customers.emit((Criterion(field, "=", code),))

    def _show_band(self, index: int) -> None:
        if self.report is None or not 0 <= index < len(self.report.clv_bands):
            return
        start, end, _count = self.report.clv_bands[index]
        criteria = [Criterion("clv", ">=", start * 100)]
        if end is not None:
            criteria.append(Criterion("clv", "<=", end * 100 - 1))
        self.show_customers.emit(tuple(criteria))

    # -- showing -------------------------------------------------------------------

    def every(self, days: int) -> str:
        """A follow-up cadence in words."""
        return self.tr("every %n day(s)", "", days)

    def _show_report(self) -> None:
        report = self.report
        locale = QLocale()
        if report is None:
            self.status.setText(self.tr("Reading the value figures…") if self._db else "")
            return
        if report.as_of is None:
            self.status.setText(self.tr(
                "Value measures have not been computed for this database yet. Press "
                "Recompute now: it takes a few seconds for 100,000 customers."))  # fmt: skip
        else:
            text = self.tr("Measures as of %1 for %2 customers.").replace(
                "%1", report.as_of.isoformat()).replace("%2", locale.toString(report.customers))  # fmt: skip
            if report.unvalued:
                text += " " + self.tr("%n customer(s) added since are not valued yet.", "",
                                      report.unvalued)  # fmt: skip
            self.status.setText(text)
        if not self._built:
            return
        from camdesk.views.value.fill import fill_page

        fill_page(self, report)


def _column(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    box = QVBoxLayout(holder)
    for n, widget in enumerate(widgets):
        box.addWidget(widget, 1 if n == len(widgets) - 1 else 0)
    return holder
