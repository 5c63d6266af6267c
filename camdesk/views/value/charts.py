"""Charts of the value screen (pyqtgraph): bars that tell their value and can be clicked,
and the Pareto curve of cumulative revenue.

The charts are static pictures of a report: no panning or zooming, no context
menu.  Hovering a bar shows its exact value as a tooltip; a left click emits the
bar's index (the screen turns it into a filtered customer list).
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QLocale, QPointF, Qt, Signal
from PySide6.QtWidgets import QWidget

from camdesk.views.palette import SERIES

pg.setConfigOptions(antialias=True)

BAR_COLOR, ACCENT = SERIES[0], SERIES[1]  # the app's palette (views.palette)
BAR_WIDTH = 0.7


def static_chart(plot: pg.PlotWidget) -> None:
    """A chart that shows, not a tool: white, no menu, no pan or zoom, grey axes."""
    plot.setBackground("w")
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    item = plot.getPlotItem()
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        axis.setPen("#666")
        axis.setTextPen("#333")


class _Bars(pg.BarGraphItem):
    """Bars that know which one is under the mouse."""

    def __init__(self, chart: BarChart, **opts: object) -> None:
        super().__init__(**opts)
        self._chart = chart

    def hoverEvent(self, ev: object) -> None:
        if ev.isExit():  # type: ignore[attr-defined]
            self.setToolTip("")
            return
        index = self._chart.bar_at(ev.pos())  # type: ignore[attr-defined]
        self.setToolTip(self._chart.tips[index] if index is not None else "")

    def mouseClickEvent(self, ev: object) -> None:
        index = self._chart.bar_at(ev.pos())  # type: ignore[attr-defined]
        if index is not None and ev.button() == Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            ev.accept()  # type: ignore[attr-defined]
            self._chart.bar_clicked.emit(index)


class BarChart(pg.PlotWidget):
    """One bar per category, vertical or horizontal (for long names).

    Signals:
        bar_clicked(int): the index of the bar clicked.

    Attributes:
        tips: the tooltip of each bar.
    """

    bar_clicked = Signal(int)

    def __init__(self, *, horizontal: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("barChart")
        static_chart(self)
        self.horizontal = horizontal
        self.values: list[float] = []
        self.tips: list[str] = []
        self.value_labels: list[str] = []
        self.bars: _Bars | None = None
        self.setMinimumHeight(180)

    def set_bars(self, labels: Sequence[str], values: Sequence[float], tips: Sequence[str],
                 colors: Sequence[str] | None = None) -> None:  # fmt: skip
        """Show ``values`` (bar n is labelled ``labels[n]``, tooltip ``tips[n]``)."""
        self.clear()
        self.values, self.tips = [float(v) for v in values], list(tips)
        positions = list(range(len(values)))
        brushes = [pg.mkBrush(c) for c in colors] if colors else pg.mkBrush(BAR_COLOR)
        if self.horizontal:
            # Top to bottom in the given order.
            positions = [len(values) - 1 - n for n in positions]
            self.bars = _Bars(self, x0=0, y=positions, height=BAR_WIDTH, width=self.values,
                              brushes=brushes if colors else None, brush=BAR_COLOR, pen=None)  # fmt: skip
            axis = self.getPlotItem().getAxis("left")
        else:
            self.bars = _Bars(self, x=positions, height=self.values, width=BAR_WIDTH, y0=0,
                              brushes=brushes if colors else None, brush=BAR_COLOR, pen=None)  # fmt: skip
            axis = self.getPlotItem().getAxis("bottom")
        axis.setTicks([list(zip(positions, labels, strict=True))])
        self.addItem(self.bars)
        # Each bar says its value (as the dashboard's do), at its end.
        self.value_labels = [QLocale().toString(round(v)) for v in self.values]
        for position, value, text in zip(positions, self.values, self.value_labels, strict=True):
            label = pg.TextItem(
                text, color="#333", anchor=(0, 0.5) if self.horizontal else (0.5, 1)
            )
            if self.horizontal:
                label.setPos(value, position)
            else:
                label.setPos(position, value)
            self.addItem(label)
        top = max(self.values, default=0) or 1
        count = max(len(values), 1)
        if self.horizontal:
            self.setXRange(0, top * 1.15, padding=0)  # room for the labels
            self.setYRange(-0.6, count - 0.4, padding=0)
        else:
            self.setXRange(-0.6, count - 0.4, padding=0)
            self.setYRange(0, top * 1.1, padding=0)

    def bar_at(self, point: QPointF) -> int | None:
        """The bar at ``point`` (in chart coordinates), if any."""
        along, across = (point.y(), point.x()) if self.horizontal else (point.x(), point.y())
        position = round(along)
        if abs(along - position) > BAR_WIDTH / 2:
            return None
        index = len(self.values) - 1 - position if self.horizontal else position
        if not 0 <= index < len(self.values) or not 0 <= across <= max(self.values[index], 0):
            return None
        return index

    def bar_center(self, index: int) -> QPointF:
        """The middle of bar ``index``, in the widget's coordinates (for tests and tools)."""
        value = self.values[index] / 2
        position = len(self.values) - 1 - index if self.horizontal else index
        point = QPointF(value, position) if self.horizontal else QPointF(position, value)
        scene = self.getPlotItem().vb.mapViewToScene(point)
        return self.mapFromScene(scene).toPointF()


class ParetoChart(pg.PlotWidget):
    """Cumulative share of revenue against the share of customers, best first.

    Signals:
        class_clicked(str): "A", "B" or "C", for the region clicked.
    """

    class_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paretoChart")
        static_chart(self)
        self.setXRange(0, 100, padding=0.02)
        self.setYRange(0, 100, padding=0.02)
        self.showGrid(x=True, y=True, alpha=0.2)
        self.bounds = (0.0, 0.0)
        self._x: list[float] = []
        self._y: list[float] = []
        self.setMinimumHeight(220)
        self.scene().sigMouseMoved.connect(self._hover)
        self.scene().sigMouseClicked.connect(self._click)
        self.tip = ""

    def set_curve(self, x: Sequence[float], y: Sequence[float], bounds: tuple[float, float],
                  labels: tuple[str, str, str]) -> None:  # fmt: skip
        """Shares in 0-1; ``bounds``: customer shares where class A and class B end."""
        self.clear()
        self.setLabel("bottom", self.tr("Paying customers, best first (%)"), color="#333")
        self.setLabel("left", self.tr("Share of revenue (%)"), color="#333")
        self._x = [v * 100 for v in x]
        self._y = [v * 100 for v in y]
        self.bounds = (bounds[0] * 100, bounds[1] * 100)
        fill = pg.mkBrush(78, 121, 167, 50)
        self.plot(self._x, self._y, pen=pg.mkPen(BAR_COLOR, width=2), fillLevel=0, brush=fill)
        starts = (0.0, *self.bounds)
        ends = (*self.bounds, 100.0)
        dashed = pg.mkPen(ACCENT, style=Qt.PenStyle.DashLine)
        for edge in self.bounds:
            self.addItem(pg.InfiniteLine(edge, angle=90, pen=dashed))
        for start, end, label in zip(starts, ends, labels, strict=True):
            if end - start < 0.5:
                continue
            text = pg.TextItem(label, color="#333", anchor=(0.5, 0))  # just under the top
            text.setPos((start + end) / 2, 100)
            self.addItem(text)

    def class_at(self, share: float) -> str:
        """The ABC class at this customer share (percent)."""
        if share <= self.bounds[0]:
            return "A"
        return "B" if share <= self.bounds[1] else "C"

    def point_to_widget(self, share: float, value: float) -> QPointF:
        scene = self.getPlotItem().vb.mapViewToScene(QPointF(share, value))
        return self.mapFromScene(scene).toPointF()

    def _share_at(self, scene_pos: QPointF) -> float | None:
        box = self.getPlotItem().vb
        if not box.sceneBoundingRect().contains(scene_pos):
            return None
        share = box.mapSceneToView(scene_pos).x()
        return share if 0 <= share <= 100 else None

    def _hover(self, scene_pos: QPointF) -> None:
        share = self._share_at(scene_pos)
        if share is None or not self._x:
            self.tip = ""
            self.setToolTip("")
            return
        nearest = min(range(len(self._x)), key=lambda n: abs(self._x[n] - share))
        self.tip = self.tr("Best %1% of paying customers: %2% of revenue (class %3)").replace(
            "%1", f"{self._x[nearest]:.1f}").replace("%2", f"{self._y[nearest]:.1f}").replace(
            "%3", self.class_at(self._x[nearest]))  # fmt: skip
        self.setToolTip(self.tip)

    def _click(self, event: object) -> None:
        share = self._share_at(event.scenePos())  # type: ignore[attr-defined]
        if share is not None and self._x and event.button() == Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            self.class_clicked.emit(self.class_at(share))
