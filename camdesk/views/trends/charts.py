"""Monthly charts of the trends dashboard (pyqtgraph): bars and lines over months.

A chart is a picture of figures, not a tool: no panning, zooming or context menu. Each
series has a legend entry; bars carry their value as a label; hovering a month shows every
series' exact value for it. ``series`` keeps what is plotted (name -> values, None where a
month has no figure), which is what export writes and tests read back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QWidget

from camdesk.views.palette import SERIES
from camdesk.views.value.charts import BAR_COLOR, static_chart

PALETTE = SERIES  # one palette for every chart: the n-th series has the n-th colour
GROUP_WIDTH = 0.8

Shown = Callable[[float], str]  # a value as the chart's labels and tooltips say it


class MonthChart(pg.PlotWidget):
    """Figures by month: grouped bars, lines with points, or both.

    Attributes:
        labels: the months' names along the bottom.
        series: name -> values (None: no figure that month), in the order added.
        kinds: name -> "bar" or "line".
        tip: the tooltip shown last (what a user hovering sees).
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        static_chart(self)
        self.showGrid(y=True, alpha=0.15)
        self.labels: list[str] = []
        self.series: dict[str, list[float | None]] = {}
        self.kinds: dict[str, str] = {}
        self._shown: dict[str, Shown] = {}
        self.items: dict[str, pg.GraphicsObject] = {}
        self.tip = ""
        self.right: set[str] = set()  # the series on the right-hand axis
        self.notes: dict[str, list[float | None]] = {}  # said in the tooltip, not drawn
        self.fixed: dict[bool, tuple[float, float]] = {}  # a scale's own range (CSAT 1-5)
        self.legend = self.getPlotItem().addLegend(offset=(10, 5), labelTextColor="#333")
        self.setMinimumHeight(240)
        self.scene().sigMouseMoved.connect(self._hover)
        # A second scale on the right (counts beside a rate), sharing the months.
        item = self.getPlotItem()
        self.right_box = pg.ViewBox(enableMenu=False)
        self.right_box.setMouseEnabled(x=False, y=False)
        self.scene().addItem(self.right_box)
        item.getAxis("right").linkToView(self.right_box)
        self.right_box.setXLink(item)
        item.vb.sigResized.connect(self._align)
        axis = item.getAxis("right")
        axis.setPen("#666")
        axis.setTextPen("#333")
        item.hideAxis("right")

    def _align(self) -> None:
        box = self.getPlotItem().vb
        self.right_box.setGeometry(box.sceneBoundingRect())
        self.right_box.linkedViewChanged(box, self.right_box.XAxis)

    def set_months(self, labels: Sequence[str]) -> None:
        self.clear()
        self.right_box.clear()
        self.legend.clear()
        self.getPlotItem().hideAxis("right")
        self.labels, self.series, self.kinds, self._shown, self.items = list(labels), {}, {}, {}, {}
        self.right, self.notes = set(), {}
        self.fixed = {}
        step = max(1, len(labels) // 12)  # at most about a dozen names along the axis
        ticks = [(n, label) for n, label in enumerate(labels) if n % step == 0]
        self.getPlotItem().getAxis("bottom").setTicks([ticks, []])
        self.setXRange(-0.6, max(len(labels), 1) - 0.4, padding=0)

    def add_bars(self, name: str, values: Sequence[float | None], shown: Shown = str, *,
                 right: bool = False) -> None:  # fmt: skip
        """Bars for ``name``, beside the chart's other bars in each month; ``right``: on
        the right-hand scale."""
        self._add(name, values, "bar", shown, right)
        self._layout_bars()

    def add_line(self, name: str, values: Sequence[float | None], shown: Shown = str, *,
                 right: bool = False) -> None:  # fmt: skip
        """A line through the months with a figure (a gap where there is none)."""
        color = self._color(name)
        self._add(name, values, "line", shown, right)
        xs = [float(n) for n, v in enumerate(values) if v is not None]
        ys = [float(v) for v in values if v is not None]
        item = pg.PlotDataItem(xs, ys, pen=pg.mkPen(color, width=2), symbol="o", symbolSize=7,
                               symbolBrush=color, symbolPen=None, name=name)  # fmt: skip
        self._place(item, name)
        self._fit()

    def fix_scale(self, low: float, high: float, *, right: bool = False) -> None:
        """Keep one scale at ``low``-``high`` whatever the figures (a 1-5 score)."""
        self.fixed[right] = (low, high)
        self._fit()

    def add_note(self, name: str, values: Sequence[float | None], shown: Shown = str) -> None:
        """Figures the tooltip and the export give for each month, not drawn (counts
        behind a score)."""
        self.notes[name] = [None if v is None else float(v) for v in values]
        self._shown[name] = shown

    def _place(self, item: pg.GraphicsObject, name: str) -> None:
        self.items[name] = item
        if name in self.right:
            self.getPlotItem().showAxis("right")
            self.right_box.addItem(item)
            self.legend.addItem(item, name)
        else:
            self.addItem(item)

    def _add(self, name: str, values: Sequence[float | None], kind: str, shown: Shown,
             right: bool) -> None:  # fmt: skip
        self.series[name] = [None if v is None else float(v) for v in values]
        self.kinds[name] = kind
        self._shown[name] = shown
        if right:
            self.right.add(name)

    def _color(self, name: str) -> str:
        index = list(self.series).index(name) if name in self.series else len(self.series)
        return PALETTE[index % len(PALETTE)]

    def _layout_bars(self) -> None:
        bars = [n for n in self.series if self.kinds[n] == "bar"]
        for name in bars:  # drawn again side by side
            box = self.right_box if name in self.right else self.getPlotItem()
            for old in self._bar_parts(name):
                box.removeItem(old)
            if name in self.items:
                self.legend.removeItem(self.items[name])
        width = GROUP_WIDTH / len(bars)
        for position, name in enumerate(bars):
            values = self.series[name]
            offset = -GROUP_WIDTH / 2 + width * (position + 0.5)
            xs = [n + offset for n in range(len(values))]
            heights = [v or 0.0 for v in values]
            item = pg.BarGraphItem(x=xs, height=heights, width=width * 0.9, y0=0,
                                   brush=self._color(name), pen=None, name=name)  # fmt: skip
            self._place(item, name)
            texts = []
            box = self.right_box if name in self.right else self.getPlotItem()
            for x, value in zip(xs, values, strict=True):
                if value:
                    text = pg.TextItem(self._shown[name](value), color="#333", anchor=(0.5, 1))
                    text.setPos(x, value)
                    box.addItem(text)
                    texts.append(text)
            item.setProperty("labels", texts)
        self._fit()

    def _bar_parts(self, name: str) -> list[pg.GraphicsObject]:
        item = self.items.get(name)
        if item is None:
            return []
        return [item, *(item.property("labels") or [])]

    def _fit(self) -> None:
        for right, box in ((False, self.getPlotItem().vb), (True, self.right_box)):
            if right in self.fixed:
                box.setYRange(*self.fixed[right], padding=0)
                continue
            values = [v for name, vs in self.series.items() if (name in self.right) == right
                      for v in vs if v is not None]  # fmt: skip
            low, high = min(min(values, default=0.0), 0.0), max(values, default=0.0)
            span = (high - low) or 1.0
            box.setYRange(low - (span * 0.05 if low < 0 else 0), high + span * 0.15, padding=0)

    def bar_labels(self, name: str) -> list[str]:
        """The value labels drawn on ``name``'s bars."""
        item = self.items.get(name)
        return [t.toPlainText() for t in (item.property("labels") or [])] if item else []

    def month_at(self, scene_pos: QPointF) -> int | None:
        box = self.getPlotItem().vb
        if not self.labels or not box.sceneBoundingRect().contains(scene_pos):
            return None
        index = round(box.mapSceneToView(scene_pos).x())
        return index if 0 <= index < len(self.labels) else None

    def month_center(self, index: int) -> QPointF:
        """Where month ``index`` is, in the widget's coordinates (for tests and tools)."""
        top = self.getPlotItem().vb.viewRange()[1][1]
        scene = self.getPlotItem().vb.mapViewToScene(QPointF(index, top / 2))
        return self.mapFromScene(scene).toPointF()

    def tip_for(self, index: int) -> str:
        lines = [self.labels[index]]
        for name, values in (*self.series.items(), *self.notes.items()):
            value = values[index]
            lines.append(f"{name}: {self._shown[name](value) if value is not None else '–'}")
        return "\n".join(lines)

    def _hover(self, scene_pos: QPointF) -> None:
        index = self.month_at(scene_pos)
        self.tip = self.tip_for(index) if index is not None else ""
        self.setToolTip(self.tip)


class CountChart(pg.PlotWidget):
    """How many of each kind (categories, reasons): horizontal bars with their values."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        static_chart(self)
        self.names: list[str] = []
        self.values: list[float] = []
        self.value_labels: list[str] = []
        self.colors: list[str] = []
        self.setMinimumHeight(200)

    def set_counts(self, names: Sequence[str], values: Sequence[float], labels: Sequence[str],
                   colors: Sequence[str] | None = None) -> None:  # fmt: skip
        """Bars top to bottom; ``colors``: each bar's own (a tier's, a stage's)."""
        self.clear()
        self.names, self.values, self.value_labels = list(names), list(values), list(labels)
        self.colors = list(colors) if colors else [BAR_COLOR] * len(values)
        positions = [len(values) - 1 - n for n in range(len(values))]  # top to bottom
        self.addItem(pg.BarGraphItem(x0=0, y=positions, height=0.7, width=self.values,
                                     brushes=[pg.mkBrush(c) for c in self.colors], pen=None))  # fmt: skip
        for y, value, label in zip(positions, self.values, labels, strict=True):
            text = pg.TextItem(label, color="#333", anchor=(0, 0.5))
            text.setPos(value, y)
            self.addItem(text)
        self.getPlotItem().getAxis("left").setTicks([list(zip(positions, names, strict=True))])
        top = max(self.values, default=0) or 1
        self.setXRange(0, top * 1.25, padding=0)
        self.setYRange(-0.6, max(len(values), 1) - 0.4, padding=0)
        self.setToolTip("\n".join(f"{n}: {label}" for n, label in zip(names, labels, strict=True)))
