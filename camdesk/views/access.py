"""Whether the open database can be written, and the words that say why not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from camdesk.db import Database


def writable(db: Database | None) -> bool:
    """A database is open and may be written (not read-only, not found damaged)."""
    return db is not None and db.read_only is None


def read_only_text(db: Database) -> str:
    """Why ``db`` can only be read, in the UI language ("" if it can be written)."""
    if db.read_only is None:
        return ""
    return QCoreApplication.translate("errors", db.read_only).format(path=db.display_name)


def notice_text(db: Database) -> str:
    """What the user must hear about the opening (an interrupted save put right), or ""."""
    if db.notice is None:
        return ""
    return QCoreApplication.translate("errors", db.notice).format(path=db.display_name)
