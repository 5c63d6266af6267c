"""Item model of the customer list: pages of plain rows fetched off the GUI thread.

The model knows the number of matching customers and keeps a small cache of
pages.  ``data()`` answers from the cache; a missing page is requested in the
background and announced with ``dataChanged`` when it arrives, so scrolling
through a million rows never blocks the window.  Sorting and filtering are
new queries, answered in SQL by the service.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.services.lists.rows import Anchor, CustomerRow, ListQuery, SortKey
from camdesk.views.background import TaskState, run_read
from camdesk.views.palette import qcolor
from camdesk.views.value_names import value_name, yuan

Index = QModelIndex | QPersistentModelIndex
Runner = Callable[..., Any]
CONTEXT = "CustomerTableModel"
COLOURED = ("tier", "stage")  # columns marked with their value's colour (views.palette)

KIND_NAMES = {
    "person": QT_TRANSLATE_NOOP("CustomerTableModel", "Person"),
    "company": QT_TRANSLATE_NOOP("CustomerTableModel", "Company"),
}


def _local(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d") if moment else ""


def _days_since(moment: datetime | None) -> int | str:
    """Whole local days since ``moment`` (0: today); empty when never."""
    if moment is None:
        return ""
    return (date.today() - moment.astimezone().date()).days


TAGS_ROLE = Qt.ItemDataRole.UserRole + 1  # a row's tag names, in the Tags column


@dataclass(frozen=True)
class Column:
    """A list column: its key, header text, sort order and how to show a row."""

    key: str
    header: str
    sort: SortKey | None
    value: Callable[[CustomerRow], Any]
    reverse: bool = False  # ascending shows the sort key's largest first (days since a date)


BASE_COLUMNS: tuple[Column, ...] = (
    Column("name", QT_TRANSLATE_NOOP("CustomerTableModel", "Name"), SortKey.NAME, lambda r: r.name),
    Column("kind", QT_TRANSLATE_NOOP("CustomerTableModel", "Type"), SortKey.KIND,
           lambda r: QCoreApplication.translate(CONTEXT, KIND_NAMES[r.kind])),
    Column("phone", QT_TRANSLATE_NOOP("CustomerTableModel", "Phone"), SortKey.PHONE,
           lambda r: r.phone),
    Column("email", QT_TRANSLATE_NOOP("CustomerTableModel", "Email"), SortKey.EMAIL,
           lambda r: r.email or ""),
    Column("city", QT_TRANSLATE_NOOP("CustomerTableModel", "City"), SortKey.CITY,
           lambda r: r.city or ""),
    Column("company", QT_TRANSLATE_NOOP("CustomerTableModel", "Company"), SortKey.COMPANY,
           lambda r: r.company or ""),
    Column("owner", QT_TRANSLATE_NOOP("CustomerTableModel", "Owner"), SortKey.OWNER,
           lambda r: r.owner or ""),
    Column("last_contact", QT_TRANSLATE_NOOP("CustomerTableModel", "Last contact"),
           SortKey.LAST_CONTACT, lambda r: _local(r.last_contact)),
    Column("contact_days", QT_TRANSLATE_NOOP("CustomerTableModel", "Days since contact"),
           SortKey.LAST_CONTACT, lambda r: _days_since(r.last_contact), reverse=True),
    Column("tags", QT_TRANSLATE_NOOP("CustomerTableModel", "Tags"), None,
           lambda r: ", ".join(r.tags)),
    Column("code", QT_TRANSLATE_NOOP("CustomerTableModel", "Code"), SortKey.CODE,
           lambda r: r.code or ""),
    Column("tier", QT_TRANSLATE_NOOP("CustomerTableModel", "Value tier"), None,
           lambda r: value_name("tier", r.tier)),
    Column("stage", QT_TRANSLATE_NOOP("CustomerTableModel", "Stage"), None,
           lambda r: value_name("stage", r.stage)),
    Column("segment", QT_TRANSLATE_NOOP("CustomerTableModel", "RFM segment"), None,
           lambda r: value_name("segment", r.segment)),
    Column("clv", QT_TRANSLATE_NOOP("CustomerTableModel", "Predicted value"), SortKey.CLV,
           lambda r: yuan(r.clv)),
    Column("nps", QT_TRANSLATE_NOOP("CustomerTableModel", "Latest NPS"), None,
           lambda r: "" if r.nps is None else r.nps),
    Column("csat", QT_TRANSLATE_NOOP("CustomerTableModel", "Latest CSAT"), None,
           lambda r: "" if r.csat is None else r.csat),
)  # fmt: skip


def _custom_column(index: int, key: str, label: str) -> Column:
    def value(row: CustomerRow) -> Any:
        found = row.custom[index] if index < len(row.custom) else None
        return "" if found is None else str(found)

    return Column(f"custom:{key}", label, None, value)


class CustomerTableModel(QAbstractTableModel):
    """The customer list as a Qt table model.

    Signals:
        count_changed(int): the number of matching customers after a new query.
        query_failed(object): a query raised; the exception is passed on.

    Attributes:
        page_size: rows fetched per request.
        anchor_delay_ms: how long after a new list to learn where its pages start.
    """

    count_changed = Signal(int)
    query_failed = Signal(object)

    page_size = 100
    max_pages = 64
    anchor_delay_ms = 800

    def __init__(
        self,
        *,
        count: Callable[[ListQuery], int],
        page: Callable[[ListQuery, int, int, Anchor | None], list[CustomerRow]],
        anchors: Callable[[ListQuery, int], list[Anchor] | None] | None = None,
        runner: Runner = run_read,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._count_fn, self._page_fn, self._runner = count, page, runner
        self._anchors_fn = anchors
        self._anchors: list[Anchor] | None = None
        self._query = ListQuery()
        self._requested = self._query
        self._columns: tuple[Column, ...] = BASE_COLUMNS
        self._rows = 0
        self._pages: OrderedDict[int, list[CustomerRow]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0  # bumped by every request for a new list
        self._epoch = 0  # bumped whenever the rows shown are replaced
        self._loaded = False  # a query's count is known
        self._held = False  # readers not usable yet: new queries wait (see hold())

    # -- queries -----------------------------------------------------------------

    @property
    def query(self) -> ListQuery:
        """The query whose rows the model shows."""
        return self._query

    @property
    def requested_query(self) -> ListQuery:
        """The newest query asked for (it may still be on its way)."""
        return self._requested

    @property
    def counted(self) -> bool:
        """Whether the number of rows of the query shown is known (not just its first page)."""
        return self._loaded

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    def set_custom_columns(self, fields: Sequence[tuple[str, str]]) -> None:
        """Show these custom fields (key, label) after the standard columns."""
        keys = tuple(key for key, _label in fields)
        self.beginResetModel()
        self._columns = BASE_COLUMNS + tuple(
            _custom_column(i, key, label) for i, (key, label) in enumerate(fields)
        )
        self._pages.clear()
        self._pending.clear()
        self._generation += 1
        self._epoch += 1
        self.endResetModel()
        self.set_query(replace(self._requested, custom_columns=keys))

    def set_query(self, query: ListQuery) -> None:
        """Ask for a new list: its first page is shown as soon as it arrives, and the
        list grows to its full length when the count follows (counting a million rows
        takes longer than fetching a page)."""
        self._generation += 1
        self._requested = query
        if self._held:
            return
        generation = self._generation
        size = self.page_size
        # A new order of the same rows keeps the count: only the first page is needed.
        same_rows = self._loaded and replace(query, sort=self._query.sort,
            descending=self._query.descending) == self._query  # fmt: skip
        known = self._rows

        def shown(first: list[CustomerRow]) -> None:
            if generation != self._generation:
                return  # a newer query superseded this one
            self.beginResetModel()
            self._query = query
            self._rows = known if same_rows else len(first)
            self._pages = OrderedDict({0: first})
            self._pending.clear()
            self._epoch += 1
            self._loaded = False
            self._anchors = None
            self.endResetModel()
            if same_rows or len(first) < size:  # the length is known already
                counted(self._rows)
            else:
                self._runner(lambda _state: self._count_fn(query), self, counted, self._failed)

        def counted(total: int) -> None:
            if generation != self._generation:
                return
            if total > self._rows:
                self.beginInsertRows(QModelIndex(), self._rows, total - 1)
                self._rows = total
                self.endInsertRows()
            elif total < self._rows:
                self.beginRemoveRows(QModelIndex(), total, self._rows - 1)
                self._rows = total
                self.endRemoveRows()
            self._loaded = True
            self.count_changed.emit(total)
            if self.anchor_delay_ms:
                # Not at once: reading the whole name index holds the GIL for a moment,
                # and the first page should be painted first.
                QTimer.singleShot(
                    self.anchor_delay_ms, lambda: self._request_anchors(generation, query)
                )
            else:
                self._request_anchors(generation, query)

        self._runner(lambda _state: self._page_fn(query, 0, size, None), self, shown, self._failed)

    def hold(self) -> None:
        """Until :meth:`release`, queries (a sort, a search) are noted but not run."""
        self._held = True

    def release(self) -> None:
        """The readers work now: run the newest query asked for."""
        self._held = False
        self.set_query(self._requested)

    def show_rows(self, query: ListQuery, rows: list[CustomerRow]) -> None:
        """Show rows read by other means while the model is held (start-up).

        They stand for ``query`` until the next query replaces them.
        """
        self._generation += 1
        self.beginResetModel()
        self._query = self._requested = query
        self._rows = len(rows)
        self._pages = OrderedDict({0: rows})
        self._pending.clear()
        self._epoch += 1
        self._loaded = False
        self._anchors = None
        self.endResetModel()

    def _request_anchors(self, generation: int, query: ListQuery) -> None:
        """Learn where every page starts, so far pages are an index seek away.

        A scan of a million names takes seconds: one for a query superseded before it
        starts (sorting back and forth) is skipped, not to hold up the new query's pages.
        """
        if generation != self._generation or self._anchors_fn is None:
            return
        if self._rows <= self.page_size:
            return
        find, size = self._anchors_fn, self.page_size

        def scan(_state: object) -> list[Anchor] | None:
            return None if generation != self._generation else find(query, size)

        def done(anchors: list[Anchor] | None) -> None:
            if generation == self._generation:
                self._anchors = anchors

        self._runner(scan, self, done, self._failed)

    def refresh(self) -> None:
        """Run the current query again (after data changed)."""
        self._loaded = False
        self.set_query(self._requested)

    def _failed(self, exc: BaseException) -> None:
        self.query_failed.emit(exc)

    def _request(self, number: int) -> None:
        if number in self._pending:
            return
        self._pending.add(number)
        # Pages belong to the rows shown now (query and epoch), not to a query still
        # on its way: a late page of the old order must not land in the new one.
        epoch, query, size = self._epoch, self._query, self.page_size

        anchors = self._anchors
        anchor = anchors[number] if anchors is not None and number < len(anchors) else None

        def work(_state: TaskState) -> list[CustomerRow]:
            return self._page_fn(query, number * size, size, anchor)

        def done(rows: list[CustomerRow]) -> None:
            if epoch != self._epoch:
                return
            self._pending.discard(number)
            self._pages[number] = rows
            while len(self._pages) > self.max_pages:
                self._pages.popitem(last=False)
            first = number * size
            last = min(first + size, self._rows) - 1
            if last >= first:
                self.dataChanged.emit(
                    self.index(first, 0), self.index(last, len(self._columns) - 1)
                )

        def failed(exc: BaseException) -> None:
            self._pending.discard(number)
            self._failed(exc)

        self._runner(work, self, done, failed)

    def row_at(self, row: int) -> CustomerRow | None:
        """The row's data if its page is loaded (requests it otherwise)."""
        if not 0 <= row < self._rows:
            return None
        number = row // self.page_size
        page = self._pages.get(number)
        if page is None:
            self._request(number)
            return None
        self._pages.move_to_end(number)
        offset = row - number * self.page_size
        return page[offset] if offset < len(page) else None

    def customer_id(self, row: int) -> uuid.UUID | None:
        found = self.row_at(row)
        return found.id if found else None

    def is_loaded(self, row: int) -> bool:
        number = row // self.page_size
        return number in self._pages and row - number * self.page_size < len(self._pages[number])

    # -- Qt model interface ----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.DecorationRole,
            TAGS_ROLE,
        ):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = self._columns[index.column()]
        if role == TAGS_ROLE:  # the tags themselves, for their chips
            return tuple(row.tags) if column.key == "tags" else None
        if role == Qt.ItemDataRole.DecorationRole:  # a tier's or stage's colour, as in charts
            return qcolor(column.key, getattr(row, column.key)) if column.key in COLOURED else None
        return column.value(row)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            column = self._columns[section]
            if column.key.startswith("custom:"):
                return column.header
            return QCoreApplication.translate(CONTEXT, column.header)
        if orientation == Qt.Orientation.Vertical and 0 <= section < self._rows:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        key = self._columns[column].sort
        if key is None:
            return
        descending = (order == Qt.SortOrder.DescendingOrder) != self._columns[column].reverse
        self.set_query(replace(self._requested, sort=key, descending=descending))

    def retranslate(self) -> None:
        """Headers and translated cells after a language switch."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._rows - 1, len(self._columns) - 1)
            )
