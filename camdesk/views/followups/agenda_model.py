"""A list of follow-ups (a day's agenda, the overdue list) as a Qt table model.

Rows can be dragged onto a day of the month view: the drag carries each follow-up as the
user saw it (id and version), so a drop that races another user's change is refused.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.services.followups.agenda import AgendaRow
from camdesk.services.followups.tasks import Ref
from camdesk.views.followups.names import DONE_COLOUR, KIND_COLOURS, OVERDUE_COLOUR, kind_name
from camdesk.views.followups.names import state_name as state_text
from camdesk.views.value_names import value_name

MIME = "application/x-camdesk-follow-ups"
Index = QModelIndex | QPersistentModelIndex
HEADERS = (
    QT_TRANSLATE_NOOP("AgendaModel", "Due"),
    QT_TRANSLATE_NOOP("AgendaModel", "Customer"),
    QT_TRANSLATE_NOOP("AgendaModel", "Type"),
    QT_TRANSLATE_NOOP("AgendaModel", "Purpose"),
    QT_TRANSLATE_NOOP("AgendaModel", "Assigned to"),
    QT_TRANSLATE_NOOP("AgendaModel", "Value tier"),
    QT_TRANSLATE_NOOP("AgendaModel", "State"),
)


def refs_to_mime(refs: Sequence[Ref]) -> QMimeData:
    data = QMimeData()
    payload = json.dumps([[str(r.id), r.version] for r in refs]).encode()
    data.setData(MIME, QByteArray(payload))
    return data


def refs_from_mime(data: QMimeData) -> list[Ref]:
    """The follow-ups a drag carries (none for anything else)."""
    if not data.hasFormat(MIME):
        return []
    try:
        raw = json.loads(bytes(data.data(MIME).data()).decode())
        return [Ref(uuid.UUID(ident), int(version)) for ident, version in raw]
    except (ValueError, TypeError):
        return []


class AgendaModel(QAbstractTableModel):
    """Follow-ups, one a row; ``show_day`` adds the day to the due column (overdue list)."""

    def __init__(self, parent: Any = None, *, show_day: bool = False) -> None:
        super().__init__(parent)
        self.rows: list[AgendaRow] = []
        self._show_day = show_day

    def set_rows(self, rows: list[AgendaRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):  # fmt: skip
            return QCoreApplication.translate("AgendaModel", HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 2:
                return KIND_COLOURS.get(row.kind)
            if column in (0, 6) and row.overdue:
                return OVERDUE_COLOUR
            if row.status != "planned":
                return DONE_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole and column == 3 and row.outcome:
            return row.outcome
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def _text(self, row: AgendaRow, column: int) -> str:
        if column == 0:
            day = row.due_on.isoformat() if self._show_day else ""
            clock = row.due_at_time.strftime("%H:%M") if row.due_at_time else ""
            return " ".join(part for part in (day, clock) if part) or "—"
        if column == 1:
            return row.customer
        if column == 2:
            return kind_name(row.kind)
        if column == 3:
            return row.purpose or ""
        if column == 4:
            return row.assignee or ""
        if column == 5:
            return value_name("tier", row.tier)
        return state_text("overdue" if row.overdue else row.status)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.rows[index.row()].status == "planned":
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        picked = sorted({i.row() for i in indexes if i.isValid()})
        return refs_to_mime([Ref(self.rows[r].id, self.rows[r].version) for r in picked
                             if self.rows[r].status == "planned"])  # fmt: skip

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, len(HEADERS) - 1))  # fmt: skip
