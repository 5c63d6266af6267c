"""A layout that places its items in a row and starts a new row when one is full.

Filter bars use it: beside an open customer file the list has half the window, and a
fixed row of boxes would either clip the last ones or force the window wider.  The
boxes wrap instead, and the bar grows a row (its height follows its width).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QWidget


class FlowLayout(QLayout):
    """Items left to right, wrapped into as many rows as the width needs.

    Hidden widgets take no room.  Keep what belongs together (a label and its box)
    in one item, e.g. a small widget with a QHBoxLayout, so a row never splits them.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """All items in one row."""
        width = height = 0
        for item in self._shown():
            hint = item.sizeHint()
            width += hint.width() + (self._gap(Qt.Orientation.Horizontal) if width else 0)
            height = max(height, hint.height())
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(),
                     height + margins.top() + margins.bottom())  # fmt: skip

    def minimumSize(self) -> QSize:
        """As wide as the widest item: every other item can move to a row of its own."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _gap(self, orientation: Qt.Orientation) -> int:
        spacing = self.spacing()
        if spacing >= 0:
            return spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        metric = (QStyle.PixelMetric.PM_LayoutHorizontalSpacing
                  if orientation == Qt.Orientation.Horizontal
                  else QStyle.PixelMetric.PM_LayoutVerticalSpacing)  # fmt: skip
        found = parent.style().pixelMetric(metric, None, parent)
        return found if found >= 0 else 6

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items in ``rect`` (only measure unless ``move``); the height used."""
        area = rect.marginsRemoved(self.contentsMargins())
        across, down = self._gap(Qt.Orientation.Horizontal), self._gap(Qt.Orientation.Vertical)
        x, y, row_height = area.x(), area.y(), 0
        for item in self._shown():
            hint = item.sizeHint().boundedTo(item.maximumSize()).expandedTo(item.minimumSize())
            width = min(hint.width(), area.width())
            if x > area.x() and x + width > area.right() + 1:  # full: start the next row
                x, y, row_height = area.x(), y + row_height + down, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + across
            row_height = max(row_height, hint.height())
        margins = self.contentsMargins()
        return y + row_height - rect.y() + margins.bottom()
