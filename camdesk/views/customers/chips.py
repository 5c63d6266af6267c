"""Tags as coloured chips: in the customer list's Tags column and under a file's tags.

A tag's colour is the team's (the tag manager sets it); a tag without one gets a quiet
grey.  The text on a chip is black or white, whichever reads better on its colour.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

PLAIN = "#e0e0e0"  # a tag without a colour of its own
GAP, PAD = 4, 5  # between chips; inside a chip, left and right

Index = QModelIndex | QPersistentModelIndex


def ink(color: str) -> str:
    """Black or white text, whichever reads better on ``color``."""
    found = QColor(color)
    light = 0.299 * found.red() + 0.587 * found.green() + 0.114 * found.blue()
    return "#000000" if light > 150 else "#ffffff"


def chips_html(names: Sequence[str], colors: Mapping[str, str]) -> str:
    """Rich text for a QLabel: each tag on its colour."""
    parts = []
    for name in names:
        back = colors.get(name) or PLAIN
        parts.append(f'<span style="background-color:{back}; color:{ink(back)};">'
                     f"&nbsp;{html.escape(name)}&nbsp;</span>")  # fmt: skip
    return "&nbsp;".join(parts)


class TagChips(QStyledItemDelegate):
    """Paints a cell's tags (``role``: a tuple of names) as chips, as many as fit."""

    def __init__(self, role: int, colors: Callable[[], Mapping[str, str]],
                 parent: object = None) -> None:  # fmt: skip
        super().__init__(parent)  # type: ignore[arg-type]
        self._role, self._colors = role, colors

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        names = index.data(self._role)
        if not names:
            super().paint(painter, option, index)
            return
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        shown.text = ""
        style = shown.widget.style() if shown.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, shown, painter, shown.widget)
        colors = self._colors()
        metrics = option.fontMetrics
        area = option.rect.adjusted(2, 2, -2, -2)
        height = min(area.height(), metrics.height() + 2)
        top = area.top() + (area.height() - height) // 2
        x = area.left()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for number, name in enumerate(names):
            width = metrics.horizontalAdvance(name) + 2 * PAD
            rest = len(names) - number
            if x + width > area.right() and (number or rest > 1):
                painter.setPen(option.palette.text().color())
                painter.drawText(QRect(x, top, area.right() - x, height),
                                 Qt.AlignmentFlag.AlignVCenter, "…")  # fmt: skip
                break
            back = colors.get(name) or PLAIN
            chip = QRect(x, top, min(width, area.right() - x), height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(back))
            painter.drawRoundedRect(chip, height / 3, height / 3)
            painter.setPen(QColor(ink(back)))
            painter.drawText(chip.adjusted(PAD, 0, -PAD, 0), Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(name, Qt.TextElideMode.ElideRight,
                                                chip.width() - 2 * PAD))  # fmt: skip
            x += width + GAP
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        names = index.data(self._role) or ()
        metrics = option.fontMetrics
        width = sum(metrics.horizontalAdvance(n) + 2 * PAD + GAP for n in names) + 4
        return QSize(width, metrics.height() + 6).expandedTo(super().sizeHint(option, index))
