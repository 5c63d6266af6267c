"""Item model of the feedback list: the count and pages of rows, read off the GUI thread.

A new query (a filter, a search, a sort) is one background read of its count and first
page; further pages are read when a row of theirs is first painted and announced with
``dataChanged``, so 300,000 items scroll without the window waiting.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.services.feedback.listing import FeedbackQuery, FeedbackSort
from camdesk.services.feedback.queries import FeedbackRow
from camdesk.services.feedback.rules import Choice
from camdesk.services.feedback.workflow import OPEN_CODES
from camdesk.views.background import run_read
from camdesk.views.feedback.names import category_name, kind_name, severity_name, status_name

Index = QModelIndex | QPersistentModelIndex
Runner = Callable[..., Any]
Counter = Callable[[FeedbackQuery], int]
Pager = Callable[[FeedbackQuery, int, int], list[FeedbackRow]]
CONTEXT = "FeedbackListModel"
LATE = QColor("#c62828")


def _when(moment: datetime) -> str:
    return f"{moment.astimezone():%Y-%m-%d %H:%M}"


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # marked for translation in CONTEXT
    sort: FeedbackSort
    value: Callable[[FeedbackRow, tuple[Choice, ...]], str]


COLUMNS: tuple[Column, ...] = (
    Column("number", QT_TRANSLATE_NOOP("FeedbackListModel", "No."), FeedbackSort.NUMBER,
           lambda r, _c: f"FB-{r.number}"),
    Column("received", QT_TRANSLATE_NOOP("FeedbackListModel", "Received"), FeedbackSort.RECEIVED,
           lambda r, _c: _when(r.received_at)),
    Column("customer", QT_TRANSLATE_NOOP("FeedbackListModel", "Customer"), FeedbackSort.CUSTOMER,
           lambda r, _c: r.customer),
    Column("kind", QT_TRANSLATE_NOOP("FeedbackListModel", "Type"), FeedbackSort.KIND,
           lambda r, _c: kind_name(r.kind)),
    Column("severity", QT_TRANSLATE_NOOP("FeedbackListModel", "Severity"), FeedbackSort.SEVERITY,
           lambda r, _c: severity_name(r.severity)),
    Column("category", QT_TRANSLATE_NOOP("FeedbackListModel", "Category"), FeedbackSort.CATEGORY,
           lambda r, c: category_name(r.category, c)),
    Column("status", QT_TRANSLATE_NOOP("FeedbackListModel", "Status"), FeedbackSort.STATUS,
           lambda r, _c: status_name(r.status)),
    Column("due", QT_TRANSLATE_NOOP("FeedbackListModel", "Due"), FeedbackSort.DUE,
           lambda r, _c: _when(r.due_at) if r.status in OPEN_CODES else ""),
    Column("assignee", QT_TRANSLATE_NOOP("FeedbackListModel", "Assignee"), FeedbackSort.ASSIGNEE,
           lambda r, _c: r.assignee or ""),
    Column("description", QT_TRANSLATE_NOOP("FeedbackListModel", "Description"),
           FeedbackSort.RECEIVED, lambda r, _c: r.description.splitlines()[0] if r.description
           else ""),
)  # fmt: skip
DUE = next(i for i, c in enumerate(COLUMNS) if c.key == "due")


class FeedbackListModel(QAbstractTableModel):
    """The feedback list as a Qt table model.

    ``count(query)`` and ``page(query, offset, limit)`` read the database (they run in a
    worker). Sorting a column is a new query sorted in SQL; the description column sorts
    as the received time does.

    Signals:
        count_changed(int): the number of matching items after a new query.
        query_failed(object): a read raised; the exception is passed on.
    """

    count_changed = Signal(int)
    query_failed = Signal(object)
    page_size = 100
    max_pages = 32

    def __init__(self, *, count: Counter | None = None, page: Pager | None = None,
                 runner: Runner = run_read, parent: Any = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._count, self._page, self._runner = count, page, runner
        self.query = FeedbackQuery()
        self.categories: tuple[Choice, ...] = ()
        self._rows = 0
        self._pages: OrderedDict[int, list[FeedbackRow]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0  # bumped by every new query: late pages of an old one are dropped
        self.loaded = False

    def use(self, count: Counter, page: Pager) -> None:
        """Read with these (a database was opened); the next query runs on it."""
        self._count, self._page = count, page

    def set_query(self, query: FeedbackQuery) -> None:
        """Show the items of ``query``: its count and first page arrive together (not
        before there is a database to read, see :meth:`use`)."""
        self._generation += 1
        generation, size, count, page = self._generation, self.page_size, self._count, self._page
        self.query = query
        if count is None or page is None:
            return

        def work(_state: object) -> tuple[int, list[FeedbackRow]]:
            first = page(query, 0, size)
            return (len(first) if len(first) < size else count(query)), first

        def shown(result: tuple[int, list[FeedbackRow]]) -> None:
            if generation != self._generation:
                return
            self.beginResetModel()
            self._rows, first = result
            self._pages = OrderedDict({0: first})
            self._pending.clear()
            self.loaded = True
            self.endResetModel()
            self.count_changed.emit(self._rows)

        self._runner(work, self, shown, self._failed(generation))

    def refresh(self) -> None:
        self.set_query(self.query)

    def _failed(self, generation: int) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.query_failed.emit(exc)

        return failed

    def row_at(self, row: int) -> FeedbackRow | None:
        """The item at ``row`` if its page is read (asked for otherwise)."""
        if not 0 <= row < self._rows:
            return None
        number, offset = divmod(row, self.page_size)
        page = self._pages.get(number)
        if page is None:
            self._request(number)
            return None
        self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def _request(self, number: int) -> None:
        if number in self._pending:
            return
        self._pending.add(number)
        generation, query, size, read = self._generation, self.query, self.page_size, self._page
        if read is None:
            return

        def done(rows: list[FeedbackRow]) -> None:
            if generation != self._generation:
                return
            self._pending.discard(number)
            self._pages[number] = rows
            while len(self._pages) > self.max_pages:
                self._pages.popitem(last=False)
            first, last = number * size, min((number + 1) * size, self._rows) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

        def failed(exc: BaseException) -> None:
            self._pending.discard(number)
            self._failed(generation)(exc)

        self._runner(lambda _s: read(query, number * size, size), self, done, failed)

    def row_of(self, ident: object, *, by: str = "id") -> int | None:
        """Where the item whose ``by`` ("id" or "number") is ``ident`` is among the rows
        read, if it is (pages not read are not asked for)."""
        for number, page in self._pages.items():
            for offset, row in enumerate(page):
                if getattr(row, by) == ident:
                    return number * self.page_size + offset
        return None

    # -- Qt model interface ----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        display = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        if role not in (*display, Qt.ItemDataRole.ForegroundRole):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        late = index.column() == DUE and row.overdue and row.due_at < datetime.now(UTC)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(LATE) if late else None
        if role == Qt.ItemDataRole.ToolTipRole and late:
            return QCoreApplication.translate(CONTEXT, "Overdue: past its service level")
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[index.column()].key == "description":
            return row.description
        return COLUMNS[index.column()].value(row, self.categories)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate(CONTEXT, COLUMNS[section].header)
        if orientation == Qt.Orientation.Vertical and 0 <= section < self._rows:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            descending = order == Qt.SortOrder.DescendingOrder
            self.set_query(replace(self.query, sort=COLUMNS[column].sort, descending=descending))

    def retranslate(self) -> None:
        """Headers and translated cells after a language switch."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(self._rows - 1, len(COLUMNS) - 1))
