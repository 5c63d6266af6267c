"""The parts of the value screen: a table with its bar chart, and the churn-risk list."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from camdesk.services.value.report import RiskRow
from camdesk.views.palette import SERIES, value_color
from camdesk.views.value.charts import BarChart
from camdesk.views.value_names import yuan


def read_only_table(parent: QWidget, name: str) -> QTableWidget:
    table = QTableWidget(0, 0, parent)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def fill_table(table: QTableWidget, headers: Sequence[str], rows: Sequence[Sequence[str]],
               numeric: Sequence[int] = ()) -> None:  # fmt: skip
    """Replace the table's contents; ``numeric`` columns are right-aligned."""
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if c in numeric:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def fit_height(table: QTableWidget) -> None:
    """No taller than its rows: the chart below gets the rest."""
    rows = table.rowCount()
    height = table.horizontalHeader().height() + 2 * table.frameWidth() + 2
    height += sum(table.rowHeight(r) for r in range(rows))
    bar = table.horizontalScrollBar()
    table.setMaximumHeight(height + (bar.sizeHint().height() if bar.isVisible() else 0) + 18)


def share(part: float, whole: float) -> str:
    return QLocale().toString(100 * part / whole, "f", 1) + "%" if whole else "—"


@dataclass(frozen=True)
class CountRow:
    """A category of customers: its code, name, how many, and more columns to show."""

    code: str
    name: str
    count: int
    extra: tuple[str, ...] = ()


class CountsPanel(QWidget):
    """Customers per category as a table and a bar chart; a click on either chooses it.

    Signals:
        chosen(str): the code of the category clicked.
    """

    chosen = Signal(str)

    def __init__(self, name: str, *, horizontal: bool = False,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName(name)
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.table = read_only_table(self, f"{name}Table")
        self.chart = BarChart(horizontal=horizontal, parent=self)
        self.chart.setObjectName(f"{name}Chart")
        self.rows: list[CountRow] = []
        self.table.cellClicked.connect(lambda row, _col: self._choose(row))
        self.chart.bar_clicked.connect(self._choose)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.chart)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(split, 1)

    def _choose(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.chosen.emit(self.rows[row].code)

    def show_counts(self, rows: Sequence[CountRow], headers: Sequence[str], total: int,
                    tip: str, measure: str | None = None) -> None:  # fmt: skip
        """``headers``: name, count, share, then one per extra column; ``tip`` has %1 name,
        %2 count, %3 share; ``measure`` ("tier", "stage") gives the bars their colours."""
        self.rows = list(rows)
        number = QLocale().toString
        fill_table(self.table, headers,
                   [(r.name, number(r.count), share(r.count, total), *r.extra) for r in rows],
                   numeric=(1, 2))  # fmt: skip
        fit_height(self.table)
        tips = [tip.replace("%1", r.name).replace("%2", number(r.count))
                .replace("%3", share(r.count, total)) for r in rows]  # fmt: skip
        colors = [value_color(measure, r.code) or SERIES[0] for r in rows] if measure else None
        self.chart.set_bars([r.name for r in rows], [r.count for r in rows], tips, colors)


class RiskPanel(QWidget):
    """High-value customers who are probably not coming back; a double click opens one.

    Signals:
        open_requested(object): the id of the customer to open.
    """

    open_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.table = read_only_table(self, "riskTable")
        self.rows: list[RiskRow] = []
        self.table.cellDoubleClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.table, 1)

    def _open(self, row: int, _column: int = 0) -> None:
        if 0 <= row < len(self.rows):
            self.open_requested.emit(self.rows[row].id)

    def show_rows(self, rows: list[RiskRow]) -> None:
        self.rows = rows
        locale = QLocale()
        headers = [self.tr("Customer"), self.tr("Owner"), self.tr("Revenue to date"),
                   self.tr("Predicted value"), self.tr("Probability still active"),
                   self.tr("Last order")]  # fmt: skip
        fill_table(self.table, headers, [
            (r.name, r.owner or "", yuan(r.revenue), yuan(r.clv),
             locale.toString(100 * r.p_alive, "f", 0) + "%",
             r.last_order.isoformat() if r.last_order else "")
            for r in rows
        ], numeric=(2, 3, 4))  # fmt: skip

    def customer_ids(self) -> list[uuid.UUID]:
        return [r.id for r in self.rows]
