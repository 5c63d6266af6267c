"""The list's selection survives a refresh: the same customers stay selected.

A change anywhere reloads the list (a model reset), which would drop the selection, so
a second bulk action on "the selected" customers found none.  :class:`KeptSelection`
notes the selected customers and the current one before the reload and selects them
again by id as their rows arrive (the list loads by pages: rows further down are
selected when their page comes).  Selecting anything by hand ends the wait for the rest.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QObject
from PySide6.QtWidgets import QTableView

from camdesk.views.customers.table_model import CustomerTableModel


class KeptSelection(QObject):
    def __init__(self, view: QTableView, model: CustomerTableModel) -> None:
        super().__init__(view)
        self.view, self.model = view, model
        self._wanted: set[uuid.UUID] = set()
        self._current: uuid.UUID | None = None
        self._restoring = False
        model.modelReset.connect(lambda: self._select(0, model.rowCount() - 1))
        model.dataChanged.connect(lambda first, last: self._select(first.row(), last.row()))
        view.selectionModel().selectionChanged.connect(self._by_hand)

    def remember(self) -> None:
        """Note the selection, before the list is read again."""
        rows = {index.row() for index in self.view.selectionModel().selectedRows()}
        self._wanted = {i for i in (self.model.customer_id(r) for r in rows) if i is not None}
        self._current = self.model.customer_id(self.view.currentIndex().row())

    def _select(self, first: int, last: int) -> None:
        if not self._wanted and self._current is None:
            return
        chosen = QItemSelection()
        current: QModelIndex | None = None
        columns = self.model.columnCount() - 1
        for row in range(max(first, 0), last + 1):
            if not self.model.is_loaded(row):
                continue
            ident = self.model.customer_id(row)
            if ident in self._wanted:
                chosen.select(self.model.index(row, 0), self.model.index(row, columns))
                self._wanted.discard(ident)
            if ident is not None and ident == self._current:
                current, self._current = self.model.index(row, 0), None
        if chosen.isEmpty() and current is None:
            return
        self._restoring = True
        try:
            flags = QItemSelectionModel.SelectionFlag
            selection = self.view.selectionModel()
            if current is not None:
                selection.setCurrentIndex(current, flags.NoUpdate)
            if not chosen.isEmpty():
                selection.select(chosen, flags.Select | flags.Rows)
        finally:
            self._restoring = False

    def _by_hand(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if not self._restoring and not selected.isEmpty():  # the user chose anew
            self._wanted.clear()
            self._current = None
