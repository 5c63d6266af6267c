"""Start-up of the desktop app: settings, translations, the database, the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from camdesk import APP_NAME, __version__
from camdesk.dbfile import Mode, current_local_file, needs_upgrade
from camdesk.errors import CamdeskError
from camdesk.services.core.context import Actor, default_database_path
from camdesk.views import i18n
from camdesk.views.background import TaskState, run_write, wait_for_all, when_idle
from camdesk.views.errors import show_error
from camdesk.views.events import AppEvents
from camdesk.views.main_window import MainWindow
from camdesk.views.settings import Settings
from camdesk.views.settings_dialog import SettingsDialog

if TYPE_CHECKING:
    from camdesk.db import Database

log = logging.getLogger(__name__)

DEMO_SIZE = (2000, 20000)  # customers, orders offered on first start


class Controller(QObject):
    """Owns the open database and its window; switches database and language.

    Attributes:
        db: the open database (None until one opened).
        window: the main window for it.
    """

    def __init__(self, *, settings: Settings, events: AppEvents | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.events = events or AppEvents()
        self.db: Database | None = None
        self.actor: Actor | None = None
        self.window: MainWindow | None = None
        self.opening: QProgressDialog | None = None  # while a database opens in the background

    def open(self, target: str, *, create: bool = True) -> bool:
        """Open ``target`` (path or URL, "" for the default file) and show its window.

        A current local file shows at once: its window lists the first customers
        (read directly from the file) while the database opens in the background, which
        loads SQLAlchemy and the models (three times as long as starting Qt).  A new
        file opens here (a few milliseconds plus that load).  A server, or a file whose
        schema must be upgraded first (a backup copy, then the migration), opens in the
        background behind a progress dialog; the window follows when it is done.
        Returns False if the database could not be opened.
        """
        raw = target or str(default_database_path())
        is_new = "://" not in raw and not Path(raw).exists()

        def work(_state: TaskState) -> tuple[Database, Actor]:
            from camdesk.db import open_database
            from camdesk.services.core.users import local_actor

            db = open_database(raw, create=create)
            try:
                return db, local_actor(db)
            except BaseException:
                db.close()
                raise

        preview = current_local_file(raw)
        if preview is not None:
            self._show(target, None, None, is_new=False, preview=preview)
            window = self.window

            def attach(result: tuple[Database, Actor]) -> None:
                if self.window is not window or window is None:  # another one opened meanwhile
                    when_idle(result[0].close)
                    return
                self.db, self.actor = result
                window.attach(*result)

            def not_opened(exc: BaseException) -> None:
                show_error(window, exc)
                if self.window is window and window is not None:
                    self.window = None
                    window.close()
                    if not target or not self.open(""):
                        QApplication.quit()

            # After the first paint: loading the ORM holds the interpreter for a while.
            QTimer.singleShot(0, lambda: run_write(work, None, attach, not_opened))
            return True

        if "://" in raw or needs_upgrade(raw):
            progress = QProgressDialog(self.window)
            progress.setObjectName("openProgress")
            progress.setLabelText(
                QCoreApplication.translate(
                    "Controller",
                    "Opening the database; an older database is upgraded after a backup copy is made…",
                )
            )
            progress.setRange(0, 0)
            progress.setCancelButton(None)
            progress.setMinimumDuration(0)
            self.opening = progress

            def done(result: tuple[Database, Actor]) -> None:
                self._show(target, *result, is_new=is_new)  # before closing: never no window
                progress.close()
                self.opening = None

            def failed(exc: BaseException) -> None:
                show_error(self.window, exc)
                progress.close()
                self.opening = None
                # Nothing open yet: fall back to the default file, or give up.
                if self.window is None and (not target or not self.open("")):
                    QApplication.quit()

            run_write(work, None, done, failed)
            progress.show()
            return True
        try:
            db, actor = work(TaskState())
        except CamdeskError as exc:
            show_error(self.window, exc)
            return False
        self._show(target, db, actor, is_new=is_new)
        return True

    def _show(self, target: str, db: Database | None, actor: Actor | None, *, is_new: bool,
              preview: Path | None = None) -> None:  # fmt: skip
        old_window, old_db = self.window, self.db
        self.db, self.actor = db, actor
        self.window = MainWindow(db=db, actor=actor, settings=self.settings, events=self.events,
                                 preview=preview)  # fmt: skip
        self.window.open_database_requested.connect(lambda t: self.open(t, create=False))
        self.window.new_database_requested.connect(lambda t: self.open(t, create=True))
        self.window.settings_requested.connect(self.show_settings)
        self.window.demo_requested.connect(self.offer_demo)
        if target:
            self.settings.remember_database(target)
        self.window.show()
        if old_window is not None:
            old_window.leave()
            old_window.deleteLater()
        if old_db is not None:
            when_idle(old_db.close)  # jobs on it may still be running; never block the window
        if is_new:
            self.offer_demo(first_start=True)

    def offer_demo(self, first_start: bool = False) -> None:
        """Ask whether to fill the database with demo customers, then do it in the background."""
        parent = self.window
        size = DEMO_SIZE
        if first_start:
            text = QCoreApplication.translate(
                "Controller",
                "This is a new, empty database. Load demo customers to try camdesk out?",
            )
            answer = QMessageBox.question(
                parent, QCoreApplication.translate("Controller", "Demo data"), text
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        else:  # how much, and a warning when it joins customers already there
            from camdesk.views.data.demo_dialog import DemoDialog

            dialog = DemoDialog(self.window.customer_count if self.window else None, parent)
            self.demo_dialog = dialog
            if not dialog.exec():
                return
            size = dialog.chosen()
        if self.db is None or self.actor is None:
            return
        db, actor = self.db, self.actor
        progress = QProgressDialog(
            QCoreApplication.translate("Controller", "Creating demo customers…"),
            QCoreApplication.translate("Controller", "Cancel"),
            0,
            100,
            parent,
        )
        progress.setObjectName("demoProgress")
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)

        def work(state: TaskState) -> object:
            from camdesk.services.demo.build import DemoSpec, generate

            spec = DemoSpec(*size)
            return generate(db, spec, actor, progress=state.progress, cancelled=state.cancelled)

        def on_progress(done: int, total: int) -> None:
            progress.setValue(int(done * 100 / max(total, 1)))

        def finished(_result: object) -> None:
            progress.close()
            if self.window is not None:  # tiers, stages and CLV for the new customers
                self.window.value.recompute()

        def failed(exc: BaseException) -> None:
            progress.close()
            show_error(parent, exc)

        state = run_write(work, None, finished, failed, progress=on_progress)
        progress.canceled.connect(lambda: state.cancel())
        progress.show()

    def show_settings(self) -> None:
        db = self.db
        shared = None
        if db is not None and db.dialect == "sqlite" and db.read_only is None:
            shared = db.mode is Mode.SHARED
        dialog = SettingsDialog(language=self.settings.language,
                                database=self.settings.last_database, settings=self.settings,
                                shared=shared, parent=self.window)  # fmt: skip
        if not dialog.exec():
            return
        if dialog.language != self.settings.language:
            self.set_language(dialog.language)
        if dialog.database != self.settings.last_database:
            self.open(dialog.database, create=True)
        elif db is not None and shared is not None and dialog.shared != shared:
            self.set_shared(db, dialog.shared)

    def set_shared(self, db: Database, shared: bool) -> None:
        """Keep the open file in shared mode (rollback journal) or local mode (WAL)."""
        from camdesk.db import set_journal

        def work(_state: TaskState) -> None:
            # the list and checks may still be reading: they let go within moments
            set_journal(db, Mode.SHARED if shared else Mode.LOCAL, wait=5.0)

        def done(_none: None) -> None:
            if self.window is not None:
                self.window.show_mode()

        run_write(work, None, done, lambda exc: show_error(self.window, exc))

    def set_language(self, language: str) -> None:
        """Switch the UI language now; every window retranslates itself."""
        self.settings.language = language
        applied = i18n.install(language)
        self.events.language_changed.emit(applied)

    def shutdown(self) -> None:
        wait_for_all()
        if self.db is not None:
            self.db.close()


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def run(database: str | None = None, language: str | None = None) -> int:
    """Start the GUI; returns the exit code."""
    app = create_application()
    settings = Settings()
    i18n.install(language if language is not None else settings.language)
    controller = Controller(settings=settings)
    target = database if database is not None else settings.last_database
    if not controller.open(target) and not controller.open(""):
        return 1
    if controller.window is None and controller.opening is None:
        return 1
    code = app.exec()
    controller.shutdown()
    return int(code)


__all__ = ["Controller", "run"]
