"""The month and week views: one cell a day, its follow-ups counted by type and state.

A cell shows the day and, for each type, a coloured count of its planned follow-ups
(overdue ones in red, done ones in grey).  Follow-ups dragged from an agenda onto a day
are rescheduled to it (:attr:`MonthView.dropped`).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (  # fmt: skip
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from camdesk.services.followups.agenda import OVERDUE, DayCount
from camdesk.views.followups.agenda_model import MIME, refs_from_mime
from camdesk.views.followups.names import (
    DONE_COLOUR,
    KIND_COLOURS,
    KIND_NAMES,
    OVERDUE_COLOUR,
    day_text,
    kind_name,
)

Index = QModelIndex | QPersistentModelIndex
DAY_ROLE = Qt.ItemDataRole.UserRole
COUNTS_ROLE = Qt.ItemDataRole.UserRole + 1  # {kind: {state: count}}


def month_grid(anchor: date, weeks: int) -> date:
    """The Monday the grid starts on: the month's first week (6 weeks) or ``anchor``'s."""
    start = anchor.replace(day=1) if weeks > 1 else anchor
    return start - timedelta(days=start.weekday())


class MonthModel(QAbstractTableModel):
    """Days in weeks (Monday first): six weeks around a month, or one week."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.anchor = date.today()
        self.weeks = 6
        self.counts: dict[date, dict[str, dict[str, int]]] = {}

    @property
    def first(self) -> date:
        return month_grid(self.anchor, self.weeks)

    @property
    def last(self) -> date:
        return self.first + timedelta(days=7 * self.weeks - 1)

    def show(self, anchor: date, weeks: int) -> None:
        self.beginResetModel()
        self.anchor, self.weeks, self.counts = anchor, weeks, {}
        self.endResetModel()

    def set_counts(self, counts: list[DayCount]) -> None:
        found: dict[date, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
        for c in counts:
            found[c.day][c.kind][c.state] = c.count
        self.counts = {d: dict(kinds) for d, kinds in found.items()}
        self.dataChanged.emit(self.index(0, 0), self.index(self.weeks - 1, 6))

    def day_at(self, row: int, column: int) -> date:
        return self.first + timedelta(days=7 * row + column)

    def index_of(self, day: date) -> QModelIndex:
        offset = (day - self.first).days
        if not 0 <= offset < 7 * self.weeks:
            return QModelIndex()
        return self.index(offset // 7, offset % 7)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.weeks

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < 7:
            return QLocale().standaloneDayName(section + 1, QLocale.FormatType.ShortFormat)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        day = self.day_at(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role == DAY_ROLE:
            return day
        if role == COUNTS_ROLE:
            return self.counts.get(day, {})
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(day)
        return None

    def _tooltip(self, day: date) -> str:
        from camdesk.views.followups.names import state_name

        lines = [day_text(day)]
        for kind, states in sorted(self.counts.get(day, {}).items()):
            parts = [f"{state_name(s)} {n:,}" for s, n in sorted(states.items())]
            lines.append(f"{kind_name(kind)}: " + ", ".join(parts))
        return "\n".join(lines)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled  # fmt: skip

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)


class DayDelegate(QStyledItemDelegate):
    """Paints a day: its number, then one coloured line of counts per type."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        model = index.model()
        day: date = index.data(DAY_ROLE)
        counts: dict[str, dict[str, int]] = index.data(COUNTS_ROLE) or {}
        anchor = getattr(model, "anchor", day)
        weeks = getattr(model, "weeks", 6)
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect: QRect = option.rect
        palette: QPalette = option.palette
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight).lighter(170))
        if day == date.today():
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        other_month = weeks > 1 and day.month != anchor.month
        painter.setPen(QColor("#A0A0A0") if other_month else palette.color(QPalette.ColorRole.Text))
        font = painter.font()
        font.setBold(day == date.today())
        painter.setFont(font)
        line = painter.fontMetrics().height()
        painter.drawText(rect.adjusted(4, 2, -4, 0), Qt.AlignmentFlag.AlignLeft, str(day.day))
        font.setBold(False)
        painter.setFont(font)
        y = rect.top() + 2 + line
        for kind in KIND_NAMES:
            states = counts.get(kind)
            if not states or y + line > rect.bottom():
                continue
            planned, late, done = states.get("planned", 0), states.get(OVERDUE, 0), sum(
                n for s, n in states.items() if s not in ("planned", OVERDUE))  # fmt: skip
            painter.fillRect(
                QRect(rect.left() + 4, y + line // 4, 6, line // 2), KIND_COLOURS[kind]
            )
            x = rect.left() + 14
            for count, colour in ((planned, KIND_COLOURS[kind]), (late, OVERDUE_COLOUR),
                                  (done, DONE_COLOUR)):  # fmt: skip
                if count:
                    text = f"{count:,}"
                    painter.setPen(colour)
                    painter.drawText(x, y, rect.right() - x, line, Qt.AlignmentFlag.AlignLeft, text)
                    x += painter.fontMetrics().horizontalAdvance(text) + 6
            y += line
        painter.restore()


class MonthView(QTableView):
    """The grid of days.

    Signals:
        dropped(list, date): follow-ups (their refs) dragged onto a day.
    """

    dropped = Signal(list, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthView")
        self.setItemDelegate(DayDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setMinimumSize(420, 300)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(MIME) and self.indexAt(event.position().toPoint()).isValid():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        refs = refs_from_mime(event.mimeData())
        if not index.isValid() or not refs:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.dropped.emit(refs, index.data(DAY_ROLE))
