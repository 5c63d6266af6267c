"""The customer file (客户档案): every field, contacts, custom fields, purchases, history.

A file is a widget, not a dialog: it lives in the pane beside the customer list or in a
window of its own (:mod:`camdesk.views.customers.file_pane`), so the rest of the app stays
usable while it is open. It stays open after a save, showing what was saved."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from camdesk.errors import CamdeskError, ConflictError, NotFound, ValidationError
from camdesk.services.core.changes import Changes, Kind, Written
from camdesk.services.core.context import Actor
from camdesk.services.customers import history as history_service
from camdesk.services.customers.files import (
    CustomerData,
    CustomerRecord,
    create_customer,
    update_customer,
)
from camdesk.views.background import TaskState, run_read, run_write
from camdesk.views.customers.conflict import ConflictDialog
from camdesk.views.customers.contacts_tab import ContactsTab
from camdesk.views.customers.details_form import DetailsForm
from camdesk.views.customers.file_data import EditorData, load_editor_data
from camdesk.views.customers.orders_tab import PurchasesTab
from camdesk.views.customers.points_tab import PointsTab
from camdesk.views.customers.tabs import HistoryTab
from camdesk.views.customers.timeline_tab import TimelineTab
from camdesk.views.customers.value_tab import ValueTab
from camdesk.views.errors import ERROR_STYLE, show_error
from camdesk.views.feedback.customer_tab import FeedbackTab
from camdesk.views.i18n import error_text, problem_text

if TYPE_CHECKING:
    from camdesk.db import Database


class CustomerFile(QWidget):
    """Create or edit one customer file.

    Signals:
        saved(object, object): the saved record and the id of the action (for undo).
        edited(): the form changed (the pane marks a file with unsaved edits).
        loaded(): the file was read (again) and shows its record.
        close_requested(): the file cannot be shown (it could not be read).

    Attributes:
        inputs: the field widgets by field name (custom fields as "custom:<key>").
        errors: the message label under each field.
    """

    saved = Signal(object, object)
    edited = Signal()
    loaded = Signal()
    close_requested = Signal()

    def __init__(self, *, db: Database, actor: Actor, customer_id: uuid.UUID | None,
                 start_tab: str = "details", parent: QWidget | None = None) -> None:  # fmt: skip
        """``start_tab``: the tab a saved file opens on (details, timeline, purchases…)."""
        super().__init__(parent)
        self._start_tab = start_tab
        self.setObjectName("customerFile")
        self._db, self._actor, self._customer_id = db, actor, customer_id
        self._record: CustomerRecord | None = None
        self._data: EditorData | None = None
        self._initial: CustomerData | None = None
        self._saving = False
        self._loading = False
        self._close_after_save = False
        self._read_again = False
        self._own_actions: set[uuid.UUID] = set()  # saves made here: no reload for them
        self._build()
        self._retranslate()
        self.reload()

    @property
    def customer_id(self) -> uuid.UUID | None:
        """The file's customer (None until a new one is first saved)."""
        return self._customer_id

    def title(self) -> str:
        """The customer's name as saved, or "New customer"."""
        if self._record is not None:
            return self._record.name
        return self.tr("New customer") if self._customer_id is None else self.tr("Customer file")

    def reload(self) -> None:
        """Read the file again (in the background) and show it; the form is disabled meanwhile."""
        db, customer_id = self._db, self._customer_id
        self._loading = True
        self.setEnabled(False)
        run_read(lambda _s: load_editor_data(db, customer_id), self, self._on_loaded,
                 self._on_load_failed)  # fmt: skip

    def changed_elsewhere(self, changes: Changes) -> None:
        """Data changed: show this file again if its fields changed and nothing is unsaved;
        with unsaved edits, only say so (saving then shows both versions)."""
        if self._customer_id is None or self._saving:
            return
        if changes.action is not None and changes.action in self._own_actions:
            return
        if not changes.touches(Kind.FILES | Kind.USERS | Kind.FIELDS):
            return
        mine = changes.customers is None or self._customer_id in changes.customers
        if not mine and not changes.touches(Kind.USERS | Kind.FIELDS):  # owners' names, fields
            return
        if self._loading:  # what is being read may be from before the change: read again
            self._read_again = True
        elif self.is_dirty():
            self.status.setText(self.tr(
                "This file was changed elsewhere since you opened it; saving will show both versions."
            ))  # fmt: skip
        else:
            self.reload()

    # -- building ------------------------------------------------------------------

    def _on_edit(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()

    def _show_dirty(self) -> None:
        self.revert_button.setEnabled(self.is_dirty())

    def _build(self) -> None:
        self.tabs = QTabWidget(self)
        self._tab_pages: dict[str, QWidget] = {}
        self.details = DetailsForm()
        self.details.edited.connect(self._on_edit)
        self.details.kind_changed.connect(self._on_kind_changed)
        d = self.details  # its fields, as the file's own (what tests and callers reach for)
        self.inputs, self.errors = d.inputs, d.errors
        self.kind, self.gender, self.birthday, self.owner, self.tags = (
            d.kind, d.gender, d.birthday, d.owner, d.tags)  # fmt: skip
        self.lunar_birthday, self.lunar_from_birthday = d.lunar_birthday, d.lunar_from_birthday
        self.province, self.city, self.source = d.province, d.city, d.source
        self._add_tab("details", self.details)
        self.timeline = TimelineTab(self._db, self._actor)
        self.timeline.logged.connect(self._retranslate)  # the tab counts its entries
        self._add_tab("timeline", self.timeline)

        self.contacts = ContactsTab()
        self.contacts.edited.connect(self._on_edit)
        self._add_tab("contacts", self.contacts)

        self.custom_page = QWidget()
        self.custom_form = QFormLayout(self.custom_page)
        self._add_tab("custom", self.custom_page)
        self.purchases = PurchasesTab(self._db, self._actor)
        self._add_tab("purchases", self.purchases)
        self.feedback = FeedbackTab(self._db, self._actor)
        self.feedback.counted.connect(self._name_feedback_tab)
        self._add_tab("feedback", self.feedback)
        self.history = HistoryTab()
        self._add_tab("history", self.history)
        self.value_tab = ValueTab()
        self._add_tab("value", self.value_tab)
        self.points_tab = PointsTab(self._db, self._actor)
        self.points_tab.balance_changed.connect(lambda _b: self._retranslate())
        self._add_tab("points", self.points_tab)

        self.status = QLabel(self)
        self.status.setObjectName("formStatus")
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Reset, self
        )
        self.buttons.accepted.connect(self.save)
        self.revert_button = self.buttons.button(QDialogButtonBox.StandardButton.Reset)
        self.revert_button.clicked.connect(self.revert)
        self.revert_button.setEnabled(False)
        self.edited.connect(self._show_dirty)
        within = Qt.ShortcutContext.WidgetWithChildrenShortcut  # two files open: each its own keys
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save, context=within)
        QShortcut(QKeySequence("Ctrl+L"), self, self.log_contact, context=within)
        QShortcut(QKeySequence("Ctrl+Shift+F"), self, self.new_feedback, context=within)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._on_kind_changed(self.kind.currentData() == "company")

    def _add_tab(self, name: str, page: QWidget) -> None:
        page.setObjectName(f"{name}Tab")
        self._tab_pages[name] = page
        self.tabs.addTab(page, "")

    def show_tab(self, name: str) -> None:
        """Bring the tab called ``name`` forward, if this file shows it."""
        index = self._tab(name)
        if self.tabs.isTabVisible(index):
            self.tabs.setCurrentIndex(index)

    def current_tab(self) -> str:
        page = self.tabs.currentWidget()
        return next((n for n, p in self._tab_pages.items() if p is page), "details")

    def _tab(self, name: str) -> int:
        """The index of the tab called ``name`` (details, contacts, custom, purchases,
        history, value, points)."""
        return self.tabs.indexOf(self._tab_pages[name])

    def _retranslate(self) -> None:
        self.setWindowTitle(self.title())
        self.revert_button.setText(self.tr("Discard changes"))
        self.details.retranslate()
        titles = {"details": self.tr("Details"), "contacts": self.tr("Contacts"),
                  "custom": self.tr("Custom fields"), "purchases": self.tr("Purchases"),
                  "feedback": self.tr("Feedback (%1)").replace("%1", f"{len(self.feedback.loaded.rows):,}"),
                  "timeline": self.tr("Contact log (%1)").replace("%1", f"{len(self.timeline.rows):,}"),
                  "history": self.tr("History"), "value": self.tr("Value"),
                  "points": self.tr("Points (%1)").replace("%1", f"{self.points_tab.current:,}")}  # fmt: skip
        for name, text in titles.items():
            self.tabs.setTabText(self._tab(name), text)
        self.contacts.retranslate()
        self.purchases.retranslate()
        self.feedback.retranslate()
        self.timeline.retranslate()
        self.history.retranslate()
        self.value_tab.retranslate()
        self.points_tab.retranslate()

    def _name_feedback_tab(self, count: int) -> None:
        self.tabs.setTabText(self._tab("feedback"),
                             self.tr("Feedback (%1)").replace("%1", f"{count:,}"))  # fmt: skip

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- loading -------------------------------------------------------------------

    def _on_load_failed(self, exc: BaseException) -> None:
        self._loading = False
        if not (isinstance(exc, NotFound) and self._data is not None):
            show_error(self, exc)  # a file shown before and deleted since just closes
        self.close_requested.emit()

    def _on_loaded(self, data: EditorData) -> None:
        first = self._data is None
        self._loading = True  # filling the form is not an edit
        self._data = data
        self.details.set_choices(data.owners, data.tags, data.tag_colors or {})
        self.details.add_custom_fields(self.custom_form, data.fields)
        self.tabs.setTabVisible(self._tab("custom"), bool(data.fields))
        for name in ("timeline", "purchases", "feedback", "history", "value", "points"):
            self.tabs.setTabVisible(self._tab(name), data.record is not None)
        if data.record is not None:
            self.fill(data.record)
            self.purchases.show_orders(data.record.id, data.orders, data.summary)
            self._show_history(data.history)
            self.value_tab.show_file(data.value)
            self.points_tab.show_entries(data.record.id, data.points or [])
            self.timeline.show_rows(data.record.id, data.record.name, data.timeline or [])
            self.feedback.show_customer(data.record.id, data.record.name)
            self._retranslate()
        self._initial = self.collect()
        self.setEnabled(True)
        self._loading = False
        if first and data.record is not None and self._start_tab in self._tab_pages:
            self.show_tab(self._start_tab)
        if first:
            self.inputs["name"].setFocus()
        self.loaded.emit()
        self.edited.emit()  # the pane shows the file clean now
        if self._read_again:
            self._read_again = False
            self.reload()
        from camdesk.views.access import read_only_text, writable

        if not writable(self._db):  # the file can be read, not changed: say so, offer no Save
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            self.status.setText(read_only_text(self._db))

    def _show_history(self, history: list[history_service.ChangeEntry]) -> None:
        owners = {str(u.id): u.display_name for u in self._data.owners} if self._data else {}
        custom = {f.key: f.label for f in self._data.fields} if self._data else {}
        self.history.show_history(history, owners, custom)

    def fill(self, record: CustomerRecord) -> None:
        """Show a saved record in the form."""
        self._record = record
        self.details.fill(record)
        self.contacts.show_contacts(record.contacts)

    def fill_empty(self) -> None:
        """Show an empty form (a new file before its first save)."""
        self.details.fill_empty()
        self.contacts.show_contacts(())

    def collect(self) -> CustomerData:
        """What the form holds now, as the service takes it."""
        return CustomerData(**self.details.values(), contacts=self.contacts.collect())

    def is_dirty(self) -> bool:
        return self._initial is not None and (
            self.collect() != self._initial or not self.birthday.is_readable()
        )

    def _on_kind_changed(self, company: bool) -> None:
        self.tabs.setTabVisible(self._tab("contacts"), company)

    # -- saving --------------------------------------------------------------------

    def save(self) -> None:
        from camdesk.views.access import writable

        if self._saving or self._data is None or not writable(self._db):
            return
        self.details.clear_problems()
        self.contacts.show_problems([])
        self.status.clear()
        if not self.details.check_birthday():  # never save a typed date as "no date"
            self.status.setText(
                self.tr("Please correct the highlighted fields; nothing was saved.")
            )
            self.tabs.setCurrentIndex(self._tab("details"))
            self.birthday.setFocus()
            return
        data = self.collect()
        self._submit(data, self._record.version if self._record else None)

    def _submit(self, data: CustomerData, version: int | None) -> None:
        db, actor, record = self._db, self._actor, self._record
        self._saving = True
        self.buttons.setEnabled(False)

        def work(_state: TaskState) -> Written[CustomerRecord]:
            if record is None:
                return create_customer(db, data, actor)
            assert version is not None
            return update_customer(db, record.id, data, expected_version=version, actor=actor)

        run_write(work, self, self._on_saved, self._on_save_failed)

    def _on_saved(self, saved: Written[CustomerRecord]) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        self._record = saved.value
        self._customer_id = saved.value.id
        if saved.changes.action is not None:
            self._own_actions.add(saved.changes.action)
        self._initial = self.collect()
        self.saved.emit(saved.value, saved.changes.action)  # the save's own undoable action
        if self._close_after_save:
            self.close_requested.emit()
            return
        self.reload()  # as stored (tidied values, history, a new file's tabs)

    def revert(self) -> None:
        """Drop the unsaved edits: show the file as saved (a new one empty)."""
        self.details.clear_problems()
        self.contacts.show_problems([])
        self.status.clear()
        if self._record is not None:
            self._loading = True
            self.fill(self._record)
            self._loading = False
            self._initial = self.collect()
        else:
            self._loading = True
            self.fill_empty()
            self._loading = False
        self.edited.emit()

    def close_after_save(self) -> None:
        """Save, and ask to be closed once saved (a refused save keeps the file open)."""
        self._close_after_save = True
        self.save()
        if not self._saving:  # refused before it was sent (a date that is not one)
            self._close_after_save = False

    def _on_save_failed(self, exc: BaseException) -> None:
        self._close_after_save = False
        self._saving = False
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._show_validation(exc)
        elif isinstance(exc, ConflictError):
            self._resolve_conflict(exc)
        elif isinstance(exc, CamdeskError):
            self.status.setText(error_text(exc))
        else:
            show_error(self, exc)

    def _show_validation(self, exc: ValidationError) -> None:
        first: QWidget | None = None
        contact_problems = []
        for problem in exc.problems:
            if problem.field.startswith("contacts["):
                contact_problems.append(problem)
                continue
            self.details.show_problem(problem.field, problem_text(problem))
            widget = self.inputs.get(problem.field)
            if first is None and widget is not None:
                first = widget
        if contact_problems:
            self.contacts.show_problems(contact_problems)
        self.status.setText(self.tr("Please correct the highlighted fields; nothing was saved."))
        if first is not None:
            custom = any(n.startswith("custom:") for n, w in self.inputs.items() if w is first)
            self.tabs.setCurrentIndex(self._tab("custom" if custom else "details"))
            first.setFocus()
        elif contact_problems:
            self.tabs.setCurrentIndex(self._tab("contacts"))

    def _resolve_conflict(self, exc: ConflictError) -> None:
        theirs: CustomerRecord = exc.theirs
        mine = self.collect()
        owners = {str(u.id): u.display_name for u in self._data.owners} if self._data else {}
        dialog = ConflictDialog(message=error_text(exc), mine=mine, theirs=theirs, owners=owners,
                                parent=self)  # fmt: skip
        choice = dialog.exec_choice()
        if choice == ConflictDialog.KEEP_MINE:
            self._record = theirs
            self._submit(mine, theirs.version)
        elif choice == ConflictDialog.TAKE_THEIRS:
            self.fill(theirs)
            self._initial = self.collect()
            self.status.setText(self.tr("Showing the version saved by %1.").replace(
                "%1", theirs.updated_by_name or "?"))  # fmt: skip
        else:
            self.status.setText(error_text(exc))

    def log_contact(self) -> None:
        """Ctrl+L: log a contact with this customer (a saved file only)."""
        if self._record is not None and self.timeline.isEnabled():
            self.tabs.setCurrentIndex(self._tab("timeline"))
            self.timeline.open_dialog()

    def new_feedback(self) -> QWidget | None:
        """Ctrl+Shift+F: record feedback from this customer (a saved file only)."""
        if self._record is None or not self.isEnabled():
            return None
        self.show_tab("feedback")
        return self.feedback.open_new()

    def record(self) -> CustomerRecord | None:
        return self._record
