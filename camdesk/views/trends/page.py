"""The trends dashboard (趋势): churn, new customers, satisfaction and feedback by month.

A range of months and a segment choose what is shown; the figures are read in a worker
(every one an aggregate in SQL, see :mod:`camdesk.services.trends`) and read again when
the data they come from changes. Any chart can be saved as a PNG picture; the numbers of
every chart go to one workbook.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QLocale, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from camdesk.services.core.changes import Kind
from camdesk.services.core.context import Actor
from camdesk.services.feedback.rules import FeedbackRules, read_rules
from camdesk.services.lists.segments import SegmentInfo, list_segments
from camdesk.services.trends.report import (
    HEADERS,
    PARTS,
    Trends,
    build_trends,
    last_months,
    write_trends,
)
from camdesk.services.trends.sql import months
from camdesk.views.background import run_read
from camdesk.views.combo import index_of
from camdesk.views.errors import show_error
from camdesk.views.events import AppEvents, Freshness
from camdesk.views.feedback.names import category_name
from camdesk.views.palette import SERIES, value_color
from camdesk.views.value_names import value_name

if TYPE_CHECKING:
    from camdesk.db import Database
    from camdesk.views.trends.charts import CountChart, MonthChart
    from camdesk.views.value.charts import ParetoChart

KINDS = Kind.VALUES | Kind.FEEDBACK | Kind.FILES | Kind.SEGMENTS
Reading = tuple[list[SegmentInfo], Trends, FeedbackRules]  # one part's figures, as read
# The month charts each part of the report is drawn on.
# The part each tab draws (in tab order), and the parts by how long they take to read.
TAB_PARTS = ("churn", "churn", "scores", "feedback", "categories", "reasons", "standing",
             "standing")  # fmt: skip
QUICKEST_FIRST = ("reasons", "scores", "churn", "standing", "feedback", "categories")
CHARTS_OF = {"churn": ("churn", "flow"), "scores": ("scores",), "feedback": ("feedback",)}


def _read_part(work: Callable[[str], Reading], part: str, _state: object) -> Reading:
    return work(part)


class TrendsPage(QWidget):
    """The dashboard.

    Signals:
        loaded(): the figures of the latest choice of months and customers are on the charts.
        part_shown(str): one part's figures (see ``PARTS``) were drawn.

    Attributes:
        trends: the figures shown (None until first read).
        charts: the month charts, by key ("churn", "flow", "scores", "feedback").
    """

    loaded = Signal()
    part_shown = Signal(str)

    def __init__(self, *, db: Database | None, actor: Actor | None, events: AppEvents,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("trendsPage")
        self._db, self._actor = db, actor
        self.trends: Trends | None = None
        self._segments: list[SegmentInfo] = []
        self._rules = FeedbackRules()
        self._asked = 0  # readings asked for; only the latest is shown
        self._built = False
        self._stale = True
        self._waiting: set[str] = set()  # the parts of the latest reading still on their way
        self._next: Trends | None = None
        start, end = last_months(date.today())
        self.start_edit = self._month_edit("trendsFrom", start)
        self.end_edit = self._month_edit("trendsTo", end)
        self.segment = QComboBox(self)
        self.segment.setObjectName("trendsSegment")
        self.segment.activated.connect(lambda _n: self.reload())
        self.from_label, self.to_label, self.segment_label = (
            QLabel(self),
            QLabel(self),
            QLabel(self),
        )
        self.png_button = QPushButton(self)
        self.png_button.setObjectName("trendsPng")
        self.png_button.clicked.connect(lambda: self.export_png())
        self.xlsx_button = QPushButton(self)
        self.xlsx_button.setObjectName("trendsXlsx")
        self.xlsx_button.clicked.connect(lambda: self.export_xlsx())
        self.status = QLabel(self)
        self.status.setObjectName("trendsStatus")
        bar = QHBoxLayout()
        for widget in (self.from_label, self.start_edit, self.to_label, self.end_edit,
                       self.segment_label, self.segment):  # fmt: skip
            bar.addWidget(widget)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.png_button)
        bar.addWidget(self.xlsx_button)
        self.tabs = QTabWidget(self)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        self.freshness = Freshness(self, events, KINDS, lambda _c: self.reload())
        self._retranslate()

    def _month_edit(self, name: str, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, 1), self)
        edit.setObjectName(name)
        edit.setDisplayFormat("yyyy-MM")
        edit.setCalendarPopup(False)
        edit.dateChanged.connect(lambda _d: self.reload())
        return edit

    def attach(self, db: Database, actor: Actor) -> None:
        self._db, self._actor = db, actor
        self._stale = True
        if self.isVisible():
            self.reload()

    def _build(self) -> None:
        from camdesk.views.trends.charts import CountChart, MonthChart
        from camdesk.views.value.charts import ParetoChart

        self._built = True
        self.charts: dict[str, MonthChart] = {key: MonthChart(f"trend_{key}") for key in
                                              ("churn", "flow", "scores", "feedback")}  # fmt: skip
        self.categories: CountChart = CountChart("trend_categories")
        self.reasons: CountChart = CountChart("trend_reasons")
        self.tiers: CountChart = CountChart("trend_tiers")
        self.pareto: ParetoChart = ParetoChart()
        self.pareto.setObjectName("trend_pareto")
        widgets: list[QWidget] = [*self.charts.values(), self.categories, self.reasons,
                                  self.tiers, self.pareto]  # fmt: skip
        for widget in widgets:
            self.tabs.addTab(widget, "")

    def showEvent(self, event: QShowEvent) -> None:
        if not self._built:
            self._build()
            self._retranslate()
        if self._stale:
            self.reload()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.segment_label.setText(self.tr("Customers"))
        self.png_button.setText(self.tr("Save chart as picture…"))
        self.xlsx_button.setText(self.tr("Export numbers…"))
        self._fill_segments()
        if self._built:
            titles = (self.tr("Churn rate"), self.tr("New and churned"), self.tr("Satisfaction"),
                      self.tr("Feedback"), self.tr("By category"), self.tr("Churn reasons"),
                      self.tr("Value tiers"), self.tr("Revenue Pareto"))  # fmt: skip
            for index, title in enumerate(titles):
                self.tabs.setTabText(index, title)
            self._show()

    def _fill_segments(self) -> None:
        chosen = self.segment.currentData()
        self.segment.clear()
        self.segment.addItem(self.tr("All customers"), None)
        for info in self._segments:
            self.segment.addItem(info.name, str(info.id))
        self.segment.setCurrentIndex(max(0, index_of(self.segment, chosen)))

    # -- reading ---------------------------------------------------------------------

    def span(self) -> tuple[date, date]:
        start, end = self.start_edit.date(), self.end_edit.date()
        return (date(start.year(), start.month(), 1), date(end.year(), end.month(), 1))

    def reload(self) -> None:
        """Read the figures of the chosen months and customers again: each chart's in a
        job of its own (the database answers them side by side), drawn as it arrives."""
        db = self._db
        if db is None or not self._built:
            self._stale = True
            return
        self._stale = False
        self._asked += 1
        asked = self._asked
        start, end = self.span()
        wanted = self.segment.currentData()
        self.status.setText(self.tr("Reading the figures…"))
        self._waiting = set(PARTS)
        self._next = Trends(start, end)
        for button in (self.png_button, self.xlsx_button):
            button.setEnabled(False)

        def work(part: str) -> Reading:
            segments = list_segments(db)
            segment = next((s for s in segments if str(s.id) == wanted), None)
            return segments, build_trends(db, start, end, segment, parts=(part,)), read_rules(db)

        for part in self._reading_order():
            run_read(partial(_read_part, work, part), self,
                     partial(self._arrived, asked, part))  # fmt: skip

    def _reading_order(self) -> list[str]:
        """The chart shown first, then the quickest (two are read at a time)."""
        shown = TAB_PARTS[self.tabs.currentIndex()] if self.tabs.count() else PARTS[0]
        return [shown, *(p for p in QUICKEST_FIRST if p != shown)]

    def _arrived(self, asked: int, part: str, result: Reading) -> None:
        if asked != self._asked:  # the range or segment changed again meanwhile
            return
        self._segments, read, self._rules = result
        assert self._next is not None
        setattr(self._next, part, getattr(read, part))  # each part is a field of Trends
        self._next.segment = read.segment
        self.trends = self._next
        self._waiting.discard(part)
        if part == PARTS[0]:
            self._fill_segments()
        self._draw(part)
        self.part_shown.emit(part)
        if not self._waiting:
            self.status.setText("")
            for button in (self.png_button, self.xlsx_button):
                button.setEnabled(True)
            self.loaded.emit()

    # -- showing ---------------------------------------------------------------------

    def _show(self) -> None:
        """Draw every chart whose figures are in (again, after a language change)."""
        if self.trends is None or not self._built:
            return
        for part in PARTS:
            if part not in self._waiting:
                self._draw(part)

    def _draw(self, part: str) -> None:
        trends, locale = self.trends, QLocale()
        assert trends is not None
        whole = lambda v: locale.toString(round(v))  # noqa: E731
        labels = [locale.toString(QDate(m.year, m.month, 1), "yyyy-MM")
                  for m in months(trends.start, trends.end)]  # fmt: skip
        for key in CHARTS_OF.get(part, ()):
            self.charts[key].set_months(labels)
        if part == "churn":
            churn = self.charts["churn"]
            churn.add_bars(self.tr("Active at start"), [m.active for m in trends.churn], whole,
                           right=True)  # fmt: skip
            churn.add_line(self.tr("Churn rate (%)"),
                           [None if m.rate is None else round(m.rate * 100, 2) for m in trends.churn],
                           lambda v: locale.toString(v, "f", 2) + "%")  # fmt: skip
            flow = self.charts["flow"]
            flow.add_bars(self.tr("New customers"), [m.new for m in trends.churn], whole)
            flow.add_bars(self.tr("Churned"), [m.churned for m in trends.churn], whole)
        elif part == "scores":
            scores = self.charts["scores"]
            scores.add_line(self.tr("NPS"), [m.nps for m in trends.scores],
                            lambda v: locale.toString(v, "f", 1))  # fmt: skip
            scores.add_line(self.tr("Average CSAT (right, 1-5)"), [m.csat for m in trends.scores],
                            lambda v: locale.toString(v, "f", 2), right=True)  # fmt: skip
            scores.fix_scale(1, 5.2, right=True)
            scores.add_note(self.tr("NPS responses"), [m.nps_responses for m in trends.scores],
                            whole)  # fmt: skip
            scores.add_note(self.tr("CSAT responses"), [m.csat_responses for m in trends.scores],
                            whole)  # fmt: skip
        elif part == "feedback":
            feedback = self.charts["feedback"]
            feedback.add_bars(self.tr("Received"), [m.received for m in trends.feedback], whole)
            feedback.add_bars(self.tr("Service level breaches"),
                              [m.breaches for m in trends.feedback], whole)  # fmt: skip
            feedback.add_line(self.tr("Median hours to resolve (right)"),
                              [m.median_hours for m in trends.feedback],
                              lambda v: locale.toString(v, "f", 1), right=True)  # fmt: skip
        elif part == "categories":
            self.categories.set_counts(
                [self._category(c) for c, _n, _h in trends.categories],
                [n for _c, n, _h in trends.categories],
                [self._count_label(locale, n, h) for _c, n, h in trends.categories])  # fmt: skip
        elif part == "reasons":
            self.reasons.set_counts([self._reason(r) for r, _n in trends.reasons],
                                    [n for _r, n in trends.reasons],
                                    [locale.toString(n) for _r, n in trends.reasons])  # fmt: skip
        elif part == "standing":
            self._show_standing(locale)

    def _show_standing(self, locale: QLocale) -> None:
        """Tiers in their own colours, with their share of revenue; the Pareto curve with
        where 80% and 95% of the revenue is reached (the ABC classes of these customers)."""
        import numpy as np  # loaded with the charts, not with the window

        assert self.trends is not None
        standing = self.trends.standing
        total = sum(standing.revenue.values()) or 1
        self.tiers.set_counts(
            [value_name("tier", t) for t in standing.tiers], list(standing.tiers.values()),
            [self.tr("%1 (%2% of revenue)").replace("%1", locale.toString(n)).replace(
                "%2", locale.toString(100 * standing.revenue.get(t, 0) / total, "f", 1))
             for t, n in standing.tiers.items()],
            [value_color("tier", t) or SERIES[0] for t in standing.tiers])  # fmt: skip
        x, y = standing.pareto_x, standing.pareto_y
        bounds = (float(np.interp(0.8, y, x)), float(np.interp(0.95, y, x))) if x else (0.0, 0.0)
        self.pareto.set_curve(x, y, bounds, ("A", "B", "C"))

    def _category(self, key: str | None) -> str:
        return category_name(key, self._rules.categories) if key else self.tr("No category")

    def _reason(self, key: str) -> str:
        return category_name(key, self._rules.churn_reasons)

    def _count_label(self, locale: QLocale, count: int, hours: float | None) -> str:
        if hours is None:
            return locale.toString(count)
        return self.tr("%1 (median %2 h)").replace("%1", locale.toString(count)).replace(
            "%2", locale.toString(hours, "f", 1))  # fmt: skip

    # -- export ----------------------------------------------------------------------

    def current_chart(self) -> QWidget | None:
        return self.tabs.currentWidget() if self._built else None

    def export_png(self, path: Path | None = None) -> Path | None:
        """Save the chart shown as a PNG picture (asks where when ``path`` is None)."""
        chart = self.current_chart()
        if chart is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart as picture"),
                                                    f"{chart.objectName()}.png",
                                                    self.tr("PNG pictures (*.png)"))  # fmt: skip
            if not chosen:
                return None
            path = Path(chosen)
        if not chart.grab().save(str(path), "PNG"):
            show_error(self, OSError(self.tr("Could not write %1.").replace("%1", str(path))))
            return None
        return path

    def export_xlsx(self, path: Path | None = None) -> Path | None:
        """Write every chart's numbers to a workbook (asks where when ``path`` is None)."""
        if self.trends is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export numbers"), "trends.xlsx",
                                                    self.tr("Excel workbooks (*.xlsx)"))  # fmt: skip
            if not chosen:
                return None
            path = Path(chosen)
        headers = {**HEADERS, **self._headers()}
        names = {c or "": self._category(c) for c, _n, _h in self.trends.categories}
        names |= {r: self._reason(r) for r, _n in self.trends.reasons}
        names |= {t: value_name("tier", t) for t in self.trends.standing.tiers}
        try:
            write_trends(path, self.trends, headers, names)
        except Exception as exc:  # a full disk, a file open elsewhere: said, not lost
            show_error(self, exc)
            return None
        return path

    def _headers(self) -> dict[str, str]:
        return {
            "month": self.tr("Month"), "active": self.tr("Active at start"),
            "new": self.tr("New customers"), "churned": self.tr("Churned"),
            "churn_rate": self.tr("Churn rate (%)"), "nps": self.tr("NPS"),
            "nps_responses": self.tr("NPS responses"), "csat": self.tr("Average CSAT"),
            "csat_responses": self.tr("CSAT responses"), "received": self.tr("Feedback received"),
            "resolved": self.tr("Feedback resolved"),
            "median_hours": self.tr("Median hours to resolve"),
            "breaches": self.tr("Service level breaches"), "category": self.tr("Category"),
            "items": self.tr("Items"), "reason": self.tr("Churn reason"),
            "customers": self.tr("Customers"), "months": self.tr("Months"),
            "categories": self.tr("Categories"), "reasons": self.tr("Churn reasons"),
            "tiers": self.tr("Value tiers"), "tier": self.tr("Value tier"),
            "revenue": self.tr("Revenue (yuan)"), "pareto": self.tr("Revenue Pareto"),
            "customer_share": self.tr("Best customers (%)"),
            "revenue_share": self.tr("Their revenue (%)"),
        }  # fmt: skip
