"""The strip above the areas that says why the database can only be read (or what its
opening did), with a way on where there is one: a recovered copy of a damaged file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from camdesk.views.access import notice_text, read_only_text

if TYPE_CHECKING:
    from camdesk.db import Database


class DatabaseBanner(QFrame):
    """Shown while the database can only be read, or once after an interrupted save.

    Signals:
        recover_requested(): the user asked for a recovered copy of the damaged file.
    """

    recover_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("databaseBanner")
        self.setStyleSheet("#databaseBanner { background: #FFF4CE; border-bottom: 1px solid"
                           " #E0C97A; } QLabel { color: #3B2F00; }")  # fmt: skip
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.recover_button = QPushButton(self)
        self.recover_button.setObjectName("recoverCopy")
        self.recover_button.clicked.connect(self.recover_requested.emit)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.recover_button)
        self.hide()

    def show_for(self, db: Database | None) -> None:
        """Say what there is to say about ``db`` (nothing: hidden)."""
        self.recover_button.setText(self.tr("Save a recovered copy…"))
        if db is None:
            self.hide()
            return
        text = "\n".join(t for t in (read_only_text(db), notice_text(db)) if t)
        self.label.setText(text)
        self.recover_button.setVisible(db.damaged)
        self.setVisible(bool(text))
