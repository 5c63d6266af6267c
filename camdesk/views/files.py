"""Asking for a file: the one way camdesk shows a file dialog.

Qt's own file dialog looks inside the files it lists to pick their icons and type
names (``QMimeDatabase`` reads a file whose name does not decide its type, such as
``camdesk.db``, ``-wal`` and ``-shm``). Opening and closing a file drops every POSIX
lock the process holds on it (SQLite's "How To Corrupt An SQLite Database File",
2.2), so merely listing the folder of the open database made a second process believe
it was alone, checkpoint and delete the WAL under the running app. The dialogs here
name icons and types from the file name alone (:class:`NameOnlyIcons`), and use
Qt's widget dialog wherever the native one runs in this process (everywhere but
Windows, whose locks a close does not drop).

They open in the folder last used for that kind of file, else the user's documents
(databases: the folder of the open one, else camdesk's data folder).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QFileInfo, QStandardPaths
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QWidget

from camdesk.views.settings import Settings

NATIVE_IS_SAFE = sys.platform == "win32"

# Labels of Qt's own file dialog that Qt's Chinese catalogue lacks (it has them without
# their shortcut marks): marked here so our catalogue, installed after Qt's, supplies them.
QT_DIALOG_LABELS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Computer"),
)


class NameOnlyIcons(QAbstractFileIconProvider):
    """Icons and type names from what a file is called, never from what it holds."""

    def icon(self, which: QAbstractFileIconProvider.IconType | QFileInfo) -> QIcon:
        folder = which.isDir() if isinstance(which, QFileInfo) else (
            which == QAbstractFileIconProvider.IconType.Folder)  # fmt: skip
        style = QApplication.style()
        pixmap = QStyle.StandardPixmap.SP_DirIcon if folder else QStyle.StandardPixmap.SP_FileIcon
        return style.standardIcon(pixmap)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QApplication.translate("FileDialog", "Folder")
        suffix = info.suffix()
        if not suffix:
            return QApplication.translate("FileDialog", "File")
        return QApplication.translate("FileDialog", "%1 file").replace("%1", suffix.upper())


_ICONS: list[NameOnlyIcons] = []  # one for the app's lifetime: dialogs do not own it


def _icons() -> NameOnlyIcons:
    if not _ICONS:
        _ICONS.append(NameOnlyIcons())
    return _ICONS[0]


def start_folder(settings: Settings | None, kind: str, fallback: Path | None = None) -> Path:
    """Where a dialog for ``kind`` opens: the folder last used, else ``fallback``, else
    the user's documents."""
    remembered = settings.last_folder(kind) if settings is not None else ""
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    if fallback is not None and fallback.is_dir():
        return fallback
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def make_dialog(parent: QWidget | None, caption: str, folder: Path, filters: str) -> QFileDialog:
    """A file dialog that never opens the files it lists."""
    dialog = QFileDialog(parent, caption, str(folder), filters)
    dialog.setObjectName("fileDialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, not NATIVE_IS_SAFE)
    dialog.setIconProvider(_icons())
    return dialog


def _ask(dialog: QFileDialog, settings: Settings | None, kind: str) -> Path | None:
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    chosen = Path(dialog.selectedFiles()[0])
    if settings is not None:
        settings.remember_folder(kind, str(chosen.parent))
    return chosen


def ask_open_file(parent: QWidget | None, caption: str, filters: str, *,
                  settings: Settings | None, kind: str,
                  fallback: Path | None = None) -> Path | None:  # fmt: skip
    """An existing file the user picks, or None if they cancel."""
    dialog = make_dialog(parent, caption, start_folder(settings, kind, fallback), filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _ask(dialog, settings, kind)


def ask_save_file(parent: QWidget | None, caption: str, name: str, filters: str, *,
                  settings: Settings | None, kind: str, suffix: str,
                  fallback: Path | None = None) -> Path | None:  # fmt: skip
    """Where to write a new file (``name`` proposed), or None if they cancel; the dialog
    asks before replacing an existing file."""
    found = ask_save(parent, caption, name, filters, settings=settings, kind=kind,
                     suffixes=[suffix], fallback=fallback)  # fmt: skip
    return found[0] if found else None


def ask_save(parent: QWidget | None, caption: str, name: str, filters: str, *,
             settings: Settings | None, kind: str, suffixes: list[str],
             fallback: Path | None = None) -> tuple[Path, int] | None:  # fmt: skip
    """Where to write and which of the ``filters`` (;;-separated) was chosen, by index;
    ``suffixes[i]`` is added to a name typed without one under filter ``i``."""
    folder = start_folder(settings, kind, fallback)
    dialog = make_dialog(parent, caption, folder, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    names = filters.split(";;")

    def suffix_for(chosen: str) -> None:
        index = names.index(chosen) if chosen in names else 0
        dialog.setDefaultSuffix(suffixes[min(index, len(suffixes) - 1)])

    suffix_for(names[0])
    dialog.filterSelected.connect(suffix_for)
    dialog.selectFile(str(folder / name))
    path = _ask(dialog, settings, kind)
    if path is None:
        return None
    chosen = dialog.selectedNameFilter()
    return path, names.index(chosen) if chosen in names else 0
