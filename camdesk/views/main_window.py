"""The main window: navigation between the product's areas, menus, status bar."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from camdesk import __version__
from camdesk.dbfile import Mode
from camdesk.services.core.changes import Changes, Kind
from camdesk.services.core.context import Actor, data_dir
from camdesk.services.lists.criteria import Criterion
from camdesk.views.background import run_read
from camdesk.views.banner import DatabaseBanner
from camdesk.views.errors import show_error
from camdesk.views.events import AppEvents
from camdesk.views.files import ask_open_file, ask_save_file
from camdesk.views.followups.reminders import ReminderBanner, Reminders
from camdesk.views.icons import icon
from camdesk.views.screens import SCREENS, Context
from camdesk.views.settings import Settings
from camdesk.views.value.updater import ValueUpdater

if TYPE_CHECKING:
    from camdesk.db import Database
    from camdesk.views.customers.page import CustomersPage
    from camdesk.views.data.duplicates import DuplicatesPage
    from camdesk.views.data.quality import QualityPage
    from camdesk.views.followups.page import CalendarPage
    from camdesk.views.screens import Page
    from camdesk.views.value.page import ValuePage

WINDOW_STATE = "main_window_geometry"


class MainWindow(QMainWindow):
    """camdesk's window.

    Signals:
        open_database_requested(str): the user chose another database (path or URL).
        new_database_requested(str): the user wants a new database file at this path.
        settings_requested(): show the settings dialog.
        demo_requested(): fill the database with demo data.
    """

    open_database_requested = Signal(str)
    new_database_requested = Signal(str)
    settings_requested = Signal()
    demo_requested = Signal()

    def __init__(self, *, db: Database | None, actor: Actor | None, settings: Settings,
                 events: AppEvents, preview: Path | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        """Without ``db`` the window previews the local file at ``preview`` until
        :meth:`attach` hands it the opened database (see :class:`CustomersPage`)."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._db, self._actor, self._settings, self._events = db, actor, settings, events
        self._preview = preview
        context = Context(db, actor, settings, events, preview)
        self.pages: dict[str, QWidget] = {s.key: s.make(context) for s in SCREENS}
        self.customers = cast("CustomersPage", self.pages["customers"])
        self.value = cast("ValuePage", self.pages["value"])
        self.calendar = cast("CalendarPage", self.pages["calendar"])
        self.duplicates = cast("DuplicatesPage", self.pages["duplicates"])
        self.quality = cast("QualityPage", self.pages["quality"])
        for page in self.pages.values():  # the signals a page may offer (see views.screens)
            if hasattr(page, "edit_requested") and page is not self.customers:
                page.edit_requested.connect(self.customers.open_window)  # stay on that screen
            if hasattr(page, "show_customers"):
                page.show_customers.connect(self.show_customers)
            if hasattr(page, "badge_changed"):
                page.badge_changed.connect(partial(self._show_badge, page))
        self.badges: dict[str, int] = {}
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.value_updater = ValueUpdater(events, self)
        if db is not None and actor is not None:
            self.value_updater.attach(db, actor)
        self.nav.setMaximumWidth(180)
        self.nav.setMinimumWidth(130)  # the areas' names stay readable beside a wide screen
        self.stack = QStackedWidget(self)
        for screen in SCREENS:
            self.nav.addItem(QListWidgetItem(icon(screen.icon_name, screen.icon), ""))
            self.stack.addWidget(self.pages[screen.key])
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.currentRowChanged.connect(lambda _row: self._show_title())
        self.nav.setCurrentRow(0)
        splitter = QSplitter(self)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([160, 1040])
        self.banner = DatabaseBanner(self)  # why the database can only be read, or news
        self.banner.recover_requested.connect(self.save_recovered_copy)
        self.reminder_banner = ReminderBanner(self)
        self.reminders = Reminders(self.reminder_banner, self)
        self.reminders.open_requested.connect(self.customers.open_window)
        if db is not None and actor is not None:
            self.reminders.attach(db, actor)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.reminder_banner)
        column.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.db_label = QLabel(self)
        self.db_label.setObjectName("databaseLabel")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("customerCount")
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)
        self._count: int | None = None  # until the list has counted
        self._leaving = False  # closing for another database: the user was asked
        self._build_menus()
        self._retranslate()
        events.changed.connect(self._on_changed)
        # The list counts customers anyway; a second count at start would only compete.
        self.customers.total_changed.connect(self._show_count)
        self.customers.fields_requested.connect(self.open_fields)
        state = settings.window_state(WINDOW_STATE)
        if state is None or not self.restoreGeometry(state):
            self.resize(1200, 760)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.new_db_action = self.file_menu.addAction("", self._on_new_database)
        self.open_db_action = self.file_menu.addAction("", self._on_open_database)
        self.open_db_action.setShortcut(QKeySequence.StandardKey.Open)
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.file_menu.addSeparator()
        self.import_action = self.file_menu.addAction("", self.open_import)
        self.import_action.setObjectName("importAction")
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.imports_action = self.file_menu.addAction("", self.open_imports)
        self.imports_action.setObjectName("importsAction")
        self.demo_action = self.file_menu.addAction("", self.demo_requested.emit)
        self.fields_action = self.file_menu.addAction("", self.open_fields)
        self.fields_action.setObjectName("fieldsAction")
        self.settings_action = self.file_menu.addAction("", self.settings_requested.emit)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.file_menu.addSeparator()
        self.quit_action = self.file_menu.addAction("", self.close)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.view_menu = bar.addMenu("")
        self.screen_actions = []
        for row, screen in enumerate(SCREENS):
            go = self.view_menu.addAction("", partial(self.nav.setCurrentRow, row))
            go.setShortcut(QKeySequence(screen.shortcut))
            self.screen_actions.append(go)
        self.customer_menu = bar.addMenu("")
        page = self.customers
        for action in (page.new_action, page.open_action, page.open_window_action,
                       page.log_action, page.feedback_action, page.find_action,
                       page.delete_action,
                       page.undo_action, page.export_action, page.tags_action):  # fmt: skip
            self.customer_menu.addAction(action)
        self.help_menu = bar.addMenu("")
        self.about_action = self.help_menu.addAction("", self._on_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _show_title(self) -> None:
        """ "camdesk — <the area shown>", as the navigation names it."""
        row = self.nav.currentRow()
        area = (QCoreApplication.translate("Screens", SCREENS[row].title)
                if 0 <= row < len(SCREENS) else "")  # fmt: skip
        self.setWindowTitle(self.tr("camdesk — %1").replace("%1", area) if area else "camdesk")

    def _show_badge(self, page: QWidget, count: int) -> None:
        """A count beside a screen's name in the navigation (follow-ups due)."""
        key = next(k for k, p in self.pages.items() if p is page)
        first = key not in self.badges
        self.badges[key] = count
        self._name_screens()
        if (first and count and key == "calendar" and self._settings.calendar_first
                and self.nav.currentRow() == 0 and QApplication.activeModalWidget() is None):  # fmt: skip
            self.nav.setCurrentRow(self.stack.indexOf(page))  # the day's work first

    def _name_screens(self) -> None:
        for row, screen in enumerate(SCREENS):
            title = QCoreApplication.translate("Screens", screen.title)
            count = self.badges.get(screen.key, 0)
            self.nav.item(row).setText(f"{title} ({count:,})" if count else title)
            self.nav.item(row).setToolTip(self.tr("%1 due today or overdue").replace(
                "%1", f"{count:,}") if count else "")  # fmt: skip
            self.screen_actions[row].setText(title)

    def _retranslate(self) -> None:
        self._name_screens()
        self.reminder_banner.retranslate()
        self.view_menu.setTitle(self.tr("&View"))
        self._show_title()
        self.file_menu.setTitle(self.tr("&File"))
        self.new_db_action.setText(self.tr("&New database…"))
        self.open_db_action.setText(self.tr("&Open database…"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.import_action.setText(self.tr("&Import from Excel or CSV…"))
        self.imports_action.setText(self.tr("Import &history…"))
        self.demo_action.setText(self.tr("Load &demo data…"))
        self.fields_action.setText(self.tr("Custom &fields…"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.customer_menu.setTitle(self.tr("&Customer"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About camdesk"))
        modes = {
            Mode.LOCAL: self.tr("Local file"),
            Mode.SHARED: self.tr("Shared file (network)"),
            Mode.SERVER: self.tr("PostgreSQL server"),
        }
        if self._db is not None:
            where = f"{modes[self._db.mode]}: {self._db.display_name}"
            if self._db.read_only is not None:
                where += " (" + self.tr("read-only") + ")"
            self.db_label.setText(where)
        elif self._preview is not None:
            self.db_label.setText(f"{modes[Mode.LOCAL]}: {self._preview}")
        self._show_count(self._count)
        self._show_access()

    @property
    def customer_count(self) -> int | None:
        """The customers the list counted last (None until it has)."""
        return self._count

    @property
    def db(self) -> Database | None:
        """The database shown (None while it is still opening)."""
        return self._db

    def attach(self, db: Database, actor: Actor) -> None:
        """The database has opened: the window now works on it."""
        self._db, self._actor = db, actor
        for page in self.pages.values():
            cast("Page", page).attach(db, actor)
        self.value_updater.attach(db, actor)
        self.reminders.attach(db, actor)
        self._retranslate()
        if db.dialect == "sqlite" and db.read_only is None and not db.checked:
            self._check_in_background(db)

    def save_recovered_copy(self) -> None:
        """Write every readable row of the damaged file into a new one; offer to open it."""
        if self._db is None:
            return
        from camdesk.views.data.recover import save_recovered_copy

        save_recovered_copy(self, self._db, self._settings, self._open_other)

    def show_mode(self) -> None:
        """The database's mode changed (shared or local): say so in the status bar."""
        self._retranslate()

    def _check_in_background(self, db: Database) -> None:
        """A large file is checked after its list appears (a small one was, as it opened);
        damage found makes it read-only from then on, before anything can spread it."""
        from camdesk.errors import DatabaseDamaged

        def found(exc: BaseException) -> None:
            if self._db is db and self._actor is not None and isinstance(exc, DatabaseDamaged):
                self.attach(db, self._actor)  # every area again, now without its writes
                show_error(self, exc)

        run_read(lambda _state: db.verify(), self, lambda _none: None, found)

    def _show_access(self) -> None:
        """A banner while the database can only be read (its write actions are off), or
        once after an interrupted save was put right."""
        from camdesk.views.access import writable

        db = self._db
        self.import_action.setEnabled(writable(db))
        self.fields_action.setEnabled(writable(db))
        self.imports_action.setEnabled(db is not None)
        self.demo_action.setEnabled(db is None or writable(db))
        self.banner.show_for(db)

    def show_customers(self, criteria: tuple[Criterion, ...]) -> None:
        """Switch to the customer list, narrowed to ``criteria``."""
        self.customers.show_criteria(criteria)
        self.nav.setCurrentRow(self.stack.indexOf(self.customers))

    def open_import(self) -> QWidget | None:
        """Open the import wizard (window-modal); returns it."""
        if self._db is None or self._actor is None:
            return None
        from camdesk.views.data.import_wizard import ImportWizard

        wizard = ImportWizard(db=self._db, actor=self._actor, settings=self._settings,
                              events=self._events, parent=self)  # fmt: skip
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()
        return wizard

    def open_imports(self) -> QWidget | None:
        """Data > Imports: the import history, with Undo."""
        if self._db is None or self._actor is None:
            return None
        from camdesk.views.data.imports_dialog import ImportsDialog

        dialog = ImportsDialog(db=self._db, actor=self._actor, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_fields(self) -> None:
        """Settings > Custom fields (opened once the fields are read)."""
        db, actor = self._db, self._actor
        if db is None or actor is None:
            return
        from camdesk.services.customers.custom_fields import FieldInfo, list_fields
        from camdesk.views.background import run_read

        def show(fields: list[FieldInfo]) -> None:
            from camdesk.views.customers.fields_dialog import FieldsDialog

            dialog = FieldsDialog(db=db, actor=actor, fields=fields,
                                  undoable=self.customers.remember_action, parent=self)  # fmt: skip
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.fields_dialog = dialog
            dialog.open()

        run_read(lambda _state: list_fields(db), self, show)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Kind.FILES):  # created, deleted, restored or merged
            self._refresh_count()

    def _refresh_count(self) -> None:
        from camdesk.services.core import info

        db = self._db
        if db is None:
            return
        run_read(lambda _s: info.customer_count(db), self, self._show_count)

    def _show_count(self, count: int | None) -> None:
        self._count = count
        if count is None:
            self.count_label.clear()
            return
        self.count_label.setText(self.tr("Customers: %1").replace("%1", QLocale().toString(count)))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for target in self._settings.recent_databases:
            self.recent_menu.addAction(target, partial(self._open_other, target))
        if not self.recent_menu.actions():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _on_new_database(self) -> None:
        path = ask_save_file(self, self.tr("New camdesk database"), "camdesk-new.db",
                             self.tr("camdesk databases (*.db)"), settings=self._settings,
                             kind="database", suffix="db",
                             fallback=self._database_folder())  # fmt: skip
        if path and self.may_leave():
            self.new_database_requested.emit(str(path))

    def _on_open_database(self) -> None:
        path = ask_open_file(self, self.tr("Open camdesk database"),
                             self.tr("camdesk databases (*.db);;All files (*)"),
                             settings=self._settings, kind="database",
                             fallback=self._database_folder())  # fmt: skip
        if path:
            self._open_other(str(path))

    def _open_other(self, target: str) -> None:
        if self.may_leave():
            self.open_database_requested.emit(target)

    def _database_folder(self) -> Path:
        """The open database file's folder, else camdesk's data folder."""
        if self._db is not None and self._db.dialect == "sqlite":
            return Path(self._db.display_name).parent
        return data_dir()

    def _on_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About camdesk"),
            self.tr(
                "<h3>camdesk %1</h3><p>Customer-asset management for small businesses: customer files, value tiers, follow-ups.</p><p>Your data folder: %2</p><p>Free software under the GNU GPL v3 or later.</p>"
            )
            .replace("%1", __version__)
            .replace("%2", str(data_dir())),
        )

    def may_leave(self) -> bool:
        """Ask before open customer files lose unsaved edits (closing, another database);
        True to go on."""
        from camdesk.views.customers.file_pane import confirm_leaving

        return confirm_leaving(self, self.customers.unsaved_files())

    def leave(self) -> None:
        """Close for another database (the user was asked already: see :meth:`may_leave`)."""
        self._leaving = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._leaving and not self.may_leave():
            event.ignore()
            return
        if self.customers.pane is not None:
            self.customers.pane.discard_all()
        self.customers.save_state()
        self._settings.set_window_state(WINDOW_STATE, self.saveGeometry())
        self._settings.sync()
        super().closeEvent(event)
