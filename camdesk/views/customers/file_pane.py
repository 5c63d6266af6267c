"""Open customer files beside the list, and in windows of their own.

The pane shows one file at a time as a tab. Opening another customer replaces the file
shown when it has nothing unsaved (browsing customers does not pile up tabs) and opens a
new tab beside it when it has: unsaved edits are never dropped by opening, switching
screens or popping a file out. Closing a file, or the app, with unsaved edits asks first.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox, QTabWidget, QToolButton, QVBoxLayout, QWidget

from camdesk.services.core.changes import Changes
from camdesk.services.core.context import Actor
from camdesk.views.customers.editor import CustomerFile
from camdesk.views.i18n import Counted
from camdesk.views.icons import SP, icon

if TYPE_CHECKING:
    from camdesk.db import Database

DIRTY_MARK = "● "
TAB_TEXT_WIDTH = 18  # characters of a long name shown on its tab


def confirm_leaving(parent: QWidget, files: list[CustomerFile]) -> bool:
    """Ask before dropping the unsaved edits of ``files``; True to go on (none: True)."""
    unsaved = [f for f in files if f.is_dirty()]
    if not unsaved:
        return True
    names = "、".join(f.title() for f in unsaved[:5]) + ("…" if len(unsaved) > 5 else "")
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("FilePane", "Discard changes?"),
        Counted().unsaved_files(len(unsaved), names),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )  # fmt: skip
    return answer == QMessageBox.StandardButton.Discard


def ask_before_closing(parent: QWidget, file: CustomerFile) -> bool:
    """Closing one file: save its edits (closed once saved), discard them, or stay.
    True when the file may close now."""
    if not file.is_dirty():
        return True
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("FilePane", "Unsaved changes"),
        QCoreApplication.translate(
            "FilePane", "“%1” has unsaved changes. Save them before closing?"
        ).replace("%1", file.title()),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
    if answer == QMessageBox.StandardButton.Save:
        file.close_after_save()
        return False
    return answer == QMessageBox.StandardButton.Discard


class FileWindow(QWidget):
    """A customer file in a window of its own, beside the main window (not modal)."""

    def __init__(self, file: CustomerFile, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("customerFileWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.file = file
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(file)
        file.show()
        file.edited.connect(self._show_title)
        file.loaded.connect(self._show_title)
        file.close_requested.connect(self._close_now)
        self._closing = False
        self._show_title()
        self.resize(720, 640)

    def _show_title(self) -> None:
        mark = DIRTY_MARK if self.file.is_dirty() else ""
        self.setWindowTitle(f"{mark}{self.file.title()} — camdesk")

    def _close_now(self) -> None:
        self._closing = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing and not ask_before_closing(self, self.file):
            event.ignore()
            return
        super().closeEvent(event)


class FilePane(QTabWidget):
    """The customer files open beside the list (tabs) and in their own windows.

    Signals:
        saved(object, object): a file was saved: its record and undoable action.
        emptied(): the last tab closed (the list can take the whole width).
    """

    saved = Signal(object, object)
    emptied = Signal()

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filePane")
        self._db, self._actor = db, actor
        self.windows: list[FileWindow] = []
        self._last_tab = "timeline"  # a file opens on the tab last looked at: the log at first
        self.setTabsClosable(True)
        self.setMovable(True)
        self.setDocumentMode(True)
        self.tabCloseRequested.connect(self.close_tab)
        self.pop_button = QToolButton(self)
        self.pop_button.setObjectName("popOut")
        self.pop_button.setIcon(icon("external-link", SP.SP_TitleBarNormalButton))
        self.pop_button.setAutoRaise(True)
        self.pop_button.clicked.connect(lambda: self.pop_out())
        self.setCornerWidget(self.pop_button, Qt.Corner.TopRightCorner)
        self.retranslate()

    def retranslate(self) -> None:
        self.pop_button.setToolTip(self.tr("Open this file in its own window"))
        for index in range(self.count()):
            self._show_tab(self.file_at(index))

    # -- what is open --------------------------------------------------------------

    def file_at(self, index: int) -> CustomerFile:
        widget = self.widget(index)
        assert isinstance(widget, CustomerFile)
        return widget

    def current_file(self) -> CustomerFile | None:
        widget = self.currentWidget()
        return widget if isinstance(widget, CustomerFile) else None

    def files(self) -> list[CustomerFile]:
        """Every open file: the pane's tabs, then the windows'."""
        return [self.file_at(i) for i in range(self.count())] + [w.file for w in self.windows]

    def _find(self, customer_id: uuid.UUID) -> CustomerFile | None:
        return next((f for f in self.files() if f.customer_id == customer_id), None)

    # -- opening -------------------------------------------------------------------

    def open(self, customer_id: uuid.UUID | None) -> CustomerFile:
        """Show the file of ``customer_id`` (None: a new one) in the pane; a file already
        open (here or in its window) is brought forward instead of opened twice."""
        if customer_id is not None:
            found = self._find(customer_id)
            if found is not None:
                self._bring_forward(found)
                return found
        file = self._new_file(customer_id)
        current = self.current_file()
        if customer_id is not None and current is not None and self._replaceable(current):
            index = self.currentIndex()
            self.removeTab(index)
            current.deleteLater()
            self.insertTab(index, file, "")
        else:
            self.addTab(file, "")
        self.setCurrentWidget(file)
        self._show_tab(file)
        return file

    def open_window(self, customer_id: uuid.UUID | None) -> CustomerFile:
        """Show the file of ``customer_id`` in a window of its own (several may be open)."""
        if customer_id is not None:
            found = self._find(customer_id)
            if found is not None:
                if found.window() is self.window():
                    self.pop_out(found)
                self._bring_forward(found)
                return found
        file = self._new_file(customer_id)
        self._windowed(file)
        return file

    def pop_out(self, file: CustomerFile | None = None) -> FileWindow | None:
        """Move ``file`` (the current tab) out of the pane into its own window, as it is."""
        file = file or self.current_file()
        if file is None:
            return None
        index = self.indexOf(file)
        if index >= 0:
            self.removeTab(index)
            if self.count() == 0:
                self.emptied.emit()
        return self._windowed(file)

    def _windowed(self, file: CustomerFile) -> FileWindow:
        window = FileWindow(file, self)
        self.windows.append(window)
        window.destroyed.connect(lambda _o=None, w=window: self._forget(w))
        window.show()
        return window

    def _forget(self, window: FileWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)

    def _new_file(self, customer_id: uuid.UUID | None) -> CustomerFile:
        file = CustomerFile(db=self._db, actor=self._actor, customer_id=customer_id,
                            start_tab=self._last_tab)  # fmt: skip
        file.tabs.currentChanged.connect(lambda _i, f=file: self._remember_tab(f))
        file.saved.connect(self.saved)
        file.edited.connect(lambda f=file: self._show_tab(f))
        file.loaded.connect(lambda f=file: self._show_tab(f))
        file.close_requested.connect(lambda f=file: self._drop(f))
        return file

    def _remember_tab(self, file: CustomerFile) -> None:
        if file.isEnabled() and file.customer_id is not None:  # chosen, not set up by loading
            self._last_tab = file.current_tab()

    def _replaceable(self, file: CustomerFile) -> bool:
        """A tab that may give way to the next file opened: saved, and nothing unsaved."""
        return file.customer_id is not None and not file.is_dirty()

    def _bring_forward(self, file: CustomerFile) -> None:
        if self.indexOf(file) >= 0:
            self.setCurrentWidget(file)
        else:
            top = file.window()
            top.showNormal()
            top.raise_()
            top.activateWindow()

    def _show_tab(self, file: CustomerFile) -> None:
        index = self.indexOf(file)
        if index < 0:
            return
        title = file.title()
        short = title if len(title) <= TAB_TEXT_WIDTH else title[: TAB_TEXT_WIDTH - 1] + "…"
        self.setTabText(index, (DIRTY_MARK if file.is_dirty() else "") + short)
        self.setTabToolTip(index, title)

    # -- closing -------------------------------------------------------------------

    def close_tab(self, index: int) -> bool:
        """Close the tab at ``index``, asking first about unsaved edits; True if closed."""
        file = self.file_at(index)
        if not ask_before_closing(self, file):
            return False
        self._drop(file)
        return True

    def _drop(self, file: CustomerFile) -> None:
        index = self.indexOf(file)
        if index >= 0:
            self.removeTab(index)
            file.deleteLater()
            if self.count() == 0:
                self.emptied.emit()
        else:
            window = file.window()
            if isinstance(window, FileWindow):
                window._close_now()

    def unsaved(self) -> list[CustomerFile]:
        return [f for f in self.files() if f.is_dirty()]

    def discard_all(self) -> None:
        """Close every file without asking (the user agreed to discard their edits)."""
        for window in list(self.windows):
            window._close_now()
        while self.count():
            self._drop(self.file_at(0))

    def changed_elsewhere(self, changes: Changes) -> None:
        """Data changed: each open file shows it, or says so if it has unsaved edits."""
        for file in self.files():
            file.changed_elsewhere(changes)
