"""Icons: one open set (Lucide, ISC licence; camdesk/resources/icons), Qt's standard icons
only where a file is missing or SVG cannot be drawn."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

FOLDER = Path(__file__).resolve().parent.parent / "resources" / "icons"
SP = QStyle.StandardPixmap


@cache
def _loaded(name: str) -> QIcon:
    path = FOLDER / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def icon(name: str, fallback: QStyle.StandardPixmap = SP.SP_FileIcon) -> QIcon:
    """The set's icon called ``name`` (a Lucide name), else the style's ``fallback``."""
    found = _loaded(name)
    if not found.isNull() and not found.pixmap(16, 16).isNull():
        return found
    style = QApplication.style()
    return style.standardIcon(fallback) if style is not None else QIcon()
