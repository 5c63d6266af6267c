"""The customer files screen: search, filters, the list, and the actions on it.

The screen can show before the database has opened (``preview``): it then lists
the file's first page as :mod:`camdesk.services.lists.quick` reads it, and comes
alive in :meth:`CustomersPage.attach`.  The services that need SQLAlchemy are
therefore imported where they are used, not when this module loads.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from camdesk.services.core.changes import EVERYTHING, Changes, Kind
from camdesk.services.core.context import Actor
from camdesk.services.lists import quick as quick_list
from camdesk.services.lists.criteria import Criterion
from camdesk.services.lists.rows import Anchor, CustomerRow, ListQuery, SortKey
from camdesk.views.background import TaskState, run_read, run_write
from camdesk.views.customers.chips import TagChips
from camdesk.views.customers.filters import Choices, FilterBar
from camdesk.views.customers.kept_selection import KeptSelection
from camdesk.views.customers.segment_actions import SegmentActions
from camdesk.views.customers.table_model import TAGS_ROLE, CustomerTableModel
from camdesk.views.errors import show_error
from camdesk.views.events import AppEvents, Freshness
from camdesk.views.settings import Settings
from camdesk.views.undo import undo_in_background

if TYPE_CHECKING:
    from camdesk.db import Database
    from camdesk.services.customers.custom_fields import FieldInfo
    from camdesk.views.customers.editor import CustomerFile
    from camdesk.views.customers.file_pane import FilePane

HEADER_STATE = "customer_list_header"
SPLIT_STATE = "customer_list_split"
ROW_HEIGHT_EXTRA = 8


class CustomersPage(QWidget):
    """Search, filter and browse customer files; open, create, delete, undo.

    Signals:
        edit_requested(object): open the customer file with this id (None: a new one).
        total_changed(int): the number of customers, learned by the unfiltered list.

    Attributes:
        model: the list's item model.
        view: the table showing it.
        pane: the open customer files beside the list (None until one is first opened).
    """

    edit_requested = Signal(object)
    total_changed = Signal(int)
    fields_requested = Signal()  # Settings > Custom fields, from the header's menu

    def __init__(self, *, db: Database | None, actor: Actor | None, settings: Settings,
                 events: AppEvents, preview: Path | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        """Without ``db`` the screen previews the file at ``preview`` until :meth:`attach`."""
        super().__init__(parent)
        self._db, self._actor, self._settings, self._events = db, actor, settings, events
        self._undo_stack: list[uuid.UUID] = []  # actions done here, newest last
        self._header_restored = False
        self._choices_pending = False  # True until the first count: filter choices wait for it
        self.pane: FilePane | None = None

        self.model = CustomerTableModel(
            count=self._count, page=self._page, anchors=self._anchors, parent=self
        )
        if db is None:
            self.model.hold()  # until attach()
        self._build()
        self._build_actions()
        self._retranslate()
        self.edit_requested.connect(self.open_editor)
        self.model.count_changed.connect(self._on_model_count_changed)
        self.model.query_failed.connect(lambda exc: show_error(self, exc))
        shown = EVERYTHING & ~Kind.SEGMENTS  # a saved segment changes no row
        self.freshness = Freshness(self, self._events, shown, self._on_changes)
        # Open files may be in windows of their own: they hear of changes whatever is shown.
        events.changed.connect(self._tell_open_files)
        if db is not None and actor is not None:
            self.attach(db, actor)
        elif preview is not None:
            rows = quick_list.first_page(preview, ListQuery(), self.model.page_size)
            if rows is not None:
                self.model.show_rows(ListQuery(), rows)
        self._set_attached(db is not None)

    def attach(self, db: Database, actor: Actor) -> None:
        """Work on this open database: load the list (as searched meanwhile) and filters."""
        self._db, self._actor = db, actor
        self._set_attached(True)
        # The filter choices scan big indexes: load them once the first list is in.
        self._choices_pending = True
        self.model.hold()
        self.model.set_query(self.current_query())
        self.model.release()

    @property
    def db(self) -> Database | None:
        return self._db

    @property
    def actor(self) -> Actor | None:
        return self._actor

    def _set_attached(self, attached: bool) -> None:
        from camdesk.views.access import writable

        for act in (self.open_action, self.open_window_action, self.export_action):
            act.setEnabled(attached)
        for act in (
            self.new_action,
            self.delete_action,
            self.log_action,
            self.feedback_action,
        ):  # writes: not read-only
            act.setEnabled(attached and writable(self._db))

    # -- reading (the services load SQLAlchemy: imported on first use, in a worker) --

    def _count(self, query: ListQuery) -> int:
        from camdesk.services.lists import page as customer_list

        assert self._db is not None
        return customer_list.count_customers(self._db, query)

    def _page(
        self, query: ListQuery, offset: int, limit: int, anchor: Anchor | None
    ) -> list[CustomerRow]:
        from camdesk.services.lists import page as customer_list

        assert self._db is not None
        return customer_list.fetch_page(self._db, query, offset, limit, anchor)

    def _anchors(self, query: ListQuery, size: int) -> list[Anchor] | None:
        from camdesk.services.lists import page as customer_list

        assert self._db is not None
        return customer_list.page_anchors(self._db, query, size)

    # -- building ------------------------------------------------------------------

    def _build(self) -> None:
        self.filters = FilterBar(self)
        self.filters.changed.connect(self._apply_filters)
        self.search = self.filters.search
        self.count_label = self.filters.count_label
        self.segments = SegmentActions(self, self)

        self.view = QTableView(self)
        self.view.setObjectName("customerTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        vertical = self.view.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # fixed heights: a million rows
        vertical.setDefaultSectionSize(self.fontMetrics().height() + ROW_HEIGHT_EXTRA)
        vertical.hide()
        header = self.view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu)
        header.setDefaultSectionSize(120)
        self.view.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.chips = TagChips(TAGS_ROLE, lambda: self.filters.choices.colors
                              if self.filters.choices else {}, self.view)  # fmt: skip
        self.model.modelReset.connect(self._place_chips)
        self._place_chips()
        self.kept_selection = KeptSelection(self.view, self.model)

        self.info_bar = QFrame(self)
        self.info_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.info_text = QLabel(self.info_bar)
        self.undo_button = QPushButton(self.info_bar)
        self.undo_button.clicked.connect(self.undo_last)
        bar = QHBoxLayout(self.info_bar)
        bar.setContentsMargins(8, 4, 8, 4)
        bar.addWidget(self.info_text, 1)
        bar.addWidget(self.undo_button)
        self.info_bar.hide()

        listing = QWidget(self)
        column = QVBoxLayout(listing)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filters)
        column.addWidget(self.info_bar)
        column.addWidget(self.view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("customerSplit")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(listing)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    def _build_actions(self) -> None:
        def action(shortcut: QKeySequence | QKeySequence.StandardKey | str, slot: Any) -> QAction:
            act = QAction(self)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.new_action = action(
            QKeySequence.StandardKey.New, lambda: self.edit_requested.emit(None)
        )
        self.open_action = action("Return", self._open_current)
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.view.addAction(self.open_action)
        self.open_window_action = action("Shift+Return", lambda: self._open_current(window=True))
        self.open_window_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.view.addAction(self.open_window_action)
        self.find_action = action(QKeySequence.StandardKey.Find, self.focus_search)
        self.delete_action = action(QKeySequence.StandardKey.Delete, self.delete_selected)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.view.addAction(self.delete_action)
        self.log_action = action("Ctrl+L", self.log_contact)
        # The list's Ctrl+L: an open file beside it has its own (its customer, not the row).
        self.log_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.removeAction(self.log_action)
        self.view.addAction(self.log_action)
        self.filters.addAction(self.log_action)
        self.feedback_action = action("Ctrl+Shift+F", self.new_feedback)
        self.feedback_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.removeAction(self.feedback_action)  # the list's; an open file has its own
        self.view.addAction(self.feedback_action)
        self.filters.addAction(self.feedback_action)
        self.export_action = action("Ctrl+E", lambda: self.export_list())
        self.tags_action = QAction(self)
        self.tags_action.triggered.connect(lambda: self.segments.tags.open_manager())
        self.undo_action = action(QKeySequence.StandardKey.Undo, self.undo_last)
        self.undo_action.setEnabled(False)
        from camdesk.views.icons import SP, icon

        for act, name, fallback in (
            (self.new_action, "user-plus", SP.SP_FileIcon),
            (self.open_action, "square-pen", SP.SP_DirOpenIcon),
            (self.open_window_action, "external-link", SP.SP_TitleBarNormalButton),
            (self.log_action, "phone", SP.SP_DialogYesButton),
            (self.feedback_action, "message-circle", SP.SP_MessageBoxInformation),
            (self.delete_action, "trash-2", SP.SP_TrashIcon),
            (self.undo_action, "undo-2", SP.SP_ArrowBack),
            (self.export_action, "download", SP.SP_DialogSaveButton),
        ):
            act.setIcon(icon(name, fallback))

    def _retranslate(self) -> None:
        self.segments.retranslate()
        self.new_action.setText(self.tr("&New customer"))
        self.open_action.setText(self.tr("&Open customer file"))
        self.open_window_action.setText(self.tr("Open in its own &window"))
        if self.pane is not None:
            self.pane.retranslate()
        self.find_action.setText(self.tr("&Find"))
        self.delete_action.setText(self.tr("&Delete"))
        self.undo_action.setText(self.tr("&Undo"))
        self.export_action.setText(self.tr("&Export this list…"))
        self.tags_action.setText(self.tr("Manage &tags…"))
        self.log_action.setText(self.tr("&Log a contact…"))
        self.feedback_action.setText(self.tr("New &feedback…"))
        self.undo_button.setText(self.tr("Undo"))
        self.model.retranslate()
        if self.model.counted:
            self._on_model_count_changed(self.model.rowCount())
        else:
            self.count_label.clear()  # not "0" while the count is on its way

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- filters -------------------------------------------------------------------

    def _place_chips(self) -> None:
        """The Tags column draws its chips (the columns move as custom ones come and go)."""
        for section, column in enumerate(self.model.columns):
            chosen = self.chips if column.key == "tags" else self.view.itemDelegate()
            self.view.setItemDelegateForColumn(section, chosen)

    def _load_choices(self) -> None:
        db = self._db
        if db is None:
            return

        def work(_state: TaskState) -> Choices:
            from camdesk.services.core import users
            from camdesk.services.customers import custom_fields, tags
            from camdesk.services.lists import page as customer_list

            return Choices(customer_list.tag_names(db), customer_list.distinct_cities(db),
                           users.list_users(db), custom_fields.list_fields(db),
                           tags.tag_colors(db))  # fmt: skip

        run_read(work, self, self._on_choices_loaded)  # fmt: skip

    def _on_choices_loaded(self, choices: Choices) -> None:
        self.filters.set_choices(choices)
        self.view.viewport().update()  # the tags' colours may have changed
        self.segments.load()
        shown = self._shown_fields()
        current = [c.key for c in self.model.columns if c.key.startswith("custom:")]
        # Reset the list only when its columns really change (a reset loses the selection).
        if current != [f"custom:{f.key}" for f in shown]:
            self.model.set_custom_columns([(f.key, f.label) for f in shown])
            self._restore_header()
        elif not self._header_restored:
            self._restore_header()

    def current_query(self) -> ListQuery:
        """The query the search box and filters describe."""
        return self.filters.query(self.model.requested_query)

    def show_criteria(self, criteria: tuple[Criterion, ...]) -> None:
        """List the customers meeting ``criteria`` (the search and other filters cleared)."""
        self.filters.show_criteria(criteria)

    def _apply_filters(self) -> None:
        self.model.set_query(self.current_query())  # held until attach() while opening

    def _on_model_count_changed(self, count: int) -> None:
        if self._choices_pending:
            self._choices_pending = False
            self._load_choices()
        query = self.model.query
        filtered = replace(query, search=query.search.strip(), sort=SortKey.NAME,
                           descending=False, custom_columns=()) != ListQuery()  # fmt: skip
        number = QLocale().toString(count)
        if not filtered:
            self.total_changed.emit(count)
        if filtered:
            self.count_label.setText(self.tr("Matches: %1").replace("%1", number))
        else:
            self.count_label.setText(self.tr("Customers: %1").replace("%1", number))

    def export_list(self, path: Path | None = None) -> None:
        """Export the customers shown (search, filters, visible columns in their order)."""
        if self._db is None:
            return
        from camdesk.views.customers.export import export_list

        header = self.view.horizontalHeader()
        logical = [header.logicalIndex(v) for v in range(header.count())]
        visible = [self.model.columns[i].key for i in logical if not header.isSectionHidden(i)]
        export_list(self, self._db, self.model.query, visible, path, settings=self._settings)

    def focus_search(self) -> None:
        self.filters.focus_search()

    # -- columns -------------------------------------------------------------------

    def _on_header_menu(self, pos: QPoint) -> None:
        header = self.view.horizontalHeader()
        menu = QMenu(self)
        for section, column in enumerate(self.model.columns):
            if column.key.startswith("custom:"):
                continue
            act = menu.addAction(self.model.headerData(section, Qt.Orientation.Horizontal))
            act.setCheckable(True)
            act.setChecked(not header.isSectionHidden(section))
            act.setEnabled(column.key != "name")
            act.toggled.connect(lambda on, s=section: header.setSectionHidden(s, not on))
        if self.filters.fields:
            menu.addSeparator()
            shown = {f.key for f in self._shown_fields()}
            for field in self.filters.fields:
                act = menu.addAction(field.label)
                act.setCheckable(True)
                act.setChecked(field.key in shown)
                act.toggled.connect(lambda on, k=field.key: self._toggle_custom_column(k, on))
        menu.addSeparator()
        menu.addAction(self.tr("Custom fields…"), self.fields_requested.emit)
        menu.exec(header.mapToGlobal(pos))

    def _toggle_custom_column(self, key: str, on: bool) -> None:
        self.save_state()
        keys = [k for k in self._settings.customer_columns if k != key]
        hidden = [k for k in self._settings.customer_hidden_columns if k != key]
        (keys if on else hidden).append(key)
        self._settings.customer_columns, self._settings.customer_hidden_columns = keys, hidden
        self.model.set_custom_columns([(f.key, f.label) for f in self._shown_fields()])
        self._restore_header()

    def _shown_fields(self) -> list[FieldInfo]:
        """The custom fields shown as columns: those the user chose, and those the team's
        settings show in the list unless the user hid them."""
        chosen, hidden = self._settings.customer_columns, self._settings.customer_hidden_columns
        return [f for f in self.filters.fields
                if f.key in chosen or (f.show_in_list and f.key not in hidden)]  # fmt: skip

    def _restore_header(self) -> None:
        state = self._settings.window_state(HEADER_STATE)
        header = self.view.horizontalHeader()
        if state is not None and not self._header_restored:
            header.restoreState(state)
        self._header_restored = True
        section, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        columns = self.model.columns
        wanted = columns[section].sort if 0 <= section < len(columns) else None
        requested = self.model.requested_query
        descending = order == Qt.SortOrder.DescendingOrder
        if wanted is not None and (wanted, descending) != (requested.sort, requested.descending):
            self.model.sort(section, order)

    def save_state(self) -> None:
        self._settings.set_window_state(HEADER_STATE, self.view.horizontalHeader().saveState())
        if self.pane is not None and self.pane.isVisible():
            self._settings.set_window_state(SPLIT_STATE, self.splitter.saveState())

    # -- actions -------------------------------------------------------------------

    def selected_ids(self) -> list[uuid.UUID]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [cid for cid in (self.model.customer_id(r) for r in rows) if cid is not None]

    def log_contact(self) -> QDialog | None:
        """Log a contact with the current customer (Ctrl+L): a dialog, saved in the background."""
        from camdesk.views.customers.timeline_tab import LogDialog, log_from

        row = self.model.row_at(self.view.currentIndex().row())
        if row is None or self._db is None or self._actor is None:
            return None
        dialog = LogDialog(row.name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        db, actor, customer = self._db, self._actor, row.id
        dialog.buttons.accepted.connect(lambda: log_from(dialog, db, actor, customer))
        dialog.open()
        return dialog

    def new_feedback(self) -> CustomerFile | None:
        """Ctrl+Shift+F: record feedback from the current customer, in their file."""
        index = self.view.currentIndex()
        customer_id = self.model.customer_id(index.row()) if index.isValid() else None
        file = self.open_editor(customer_id) if customer_id is not None else None
        if file is None:
            return None
        if file.isEnabled() and file.record() is not None:
            file.new_feedback()
        else:  # still being read: once it is
            file.loaded.connect(file.new_feedback, Qt.ConnectionType.SingleShotConnection)
        return file

    def _open_current(self, window: bool = False) -> None:
        index = self.view.currentIndex()
        customer_id = self.model.customer_id(index.row()) if index.isValid() else None
        if customer_id is None:
            return
        if window:
            self.open_window(customer_id)
        else:
            self.edit_requested.emit(customer_id)

    def _open_row(self, row: int) -> None:
        customer_id = self.model.customer_id(row)
        if customer_id is not None:
            self.edit_requested.emit(customer_id)

    def _file_pane(self) -> FilePane | None:
        """The pane of open files, made on first use (the database must be open)."""
        if self.pane is None and self._db is not None and self._actor is not None:
            from camdesk.views.customers.file_pane import FilePane

            self.pane = FilePane(self._db, self._actor, self.splitter)
            self.pane.saved.connect(self._on_saved)
            self.pane.emptied.connect(self.pane.hide)
            self.splitter.addWidget(self.pane)
            self.splitter.setStretchFactor(0, 3)
            self.splitter.setStretchFactor(1, 2)
            state = self._settings.window_state(SPLIT_STATE)
            if state is None or not self.splitter.restoreState(state):
                width = max(self.width(), 900)
                self.splitter.setSizes([width * 11 // 20, width * 9 // 20])
        return self.pane

    def open_editor(self, customer_id: uuid.UUID | None) -> CustomerFile | None:
        """Open a customer file (None: a new one) in the pane beside the list."""
        pane = self._file_pane()
        if pane is None:
            return None  # still opening
        file = pane.open(customer_id)
        pane.show()
        return file

    def open_window(self, customer_id: uuid.UUID | None) -> CustomerFile | None:
        """Open a customer file in a window of its own (from another screen, Shift+Enter)."""
        pane = self._file_pane()
        return pane.open_window(customer_id) if pane is not None else None

    def _tell_open_files(self, changes: Changes) -> None:
        if self.pane is not None:
            self.pane.changed_elsewhere(changes)

    def unsaved_files(self) -> list[CustomerFile]:
        return self.pane.unsaved() if self.pane is not None else []

    def _on_saved(self, record: Any, txn: uuid.UUID | None) -> None:
        if txn is not None:
            self.remember_action(txn, self.tr("Saved %1.").replace("%1", record.name))

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or self._db is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete customers"),
            self.tr("Delete %n customer file(s)? You can undo this.", "", len(ids)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor = self._db, self._actor
        if actor is None:
            return
        from camdesk.services.customers.files import delete_customers

        def done(changes: Changes) -> None:
            assert changes.action is not None
            self.remember_action(changes.action,
                                 self.tr("Deleted %n customer file(s).", "", len(ids)))  # fmt: skip

        run_write(lambda _s: delete_customers(db, ids, actor), self, done)  # fmt: skip

    def remember_action(self, txn: uuid.UUID, message: str) -> None:
        """Offer to undo an action just done (from the info bar or Ctrl+Z)."""
        self._undo_stack.append(txn)
        self.undo_action.setEnabled(True)
        self.info_text.setText(message)
        self.undo_button.show()
        self.info_bar.show()

    def undo_last(self) -> None:
        if not self._undo_stack:
            return
        txn = self._undo_stack.pop()
        self.undo_action.setEnabled(bool(self._undo_stack))
        db, actor = self._db, self._actor
        if db is None or actor is None:
            return

        def done() -> None:
            self.info_text.setText(self.tr("Undone."))
            self.undo_button.setVisible(bool(self._undo_stack))

        def failed(exc: BaseException) -> None:
            self.info_bar.hide()
            show_error(self, exc)

        undo_in_background(self, db, actor, txn, done, failed)

    def _on_changes(self, changes: Changes) -> None:
        """Data changed (here, elsewhere in the app): read the rows shown again, and the
        filters' choices if owners, tags, cities or fields may have changed."""
        if self._db is None:
            return
        self.kept_selection.remember()  # the same customers stay selected
        self.model.refresh()
        if changes.touches(Kind.FILES | Kind.USERS | Kind.FIELDS):
            self._load_choices()
