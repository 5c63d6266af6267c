"""The workflow's step buttons for one feedback item, shared by the customer file's tab and
the feedback list: each button is offered only where the item can take that step, a step
that needs words asks for them first, and the step is written in the background."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QGridLayout, QPushButton, QWidget

from camdesk.errors import CamdeskError
from camdesk.services.core.context import Actor
from camdesk.services.core.users import UserInfo
from camdesk.services.feedback.queries import FeedbackRow
from camdesk.services.feedback.workflow import NEXT, OPEN_CODES, S
from camdesk.views.access import writable
from camdesk.views.background import run_write
from camdesk.views.errors import show_error
from camdesk.views.feedback.dialogs import StepDialog
from camdesk.views.form_parts import refused

if TYPE_CHECKING:
    from camdesk.db import Database

STEPS = ("assign", "start", "resolve", "inform", "close", "reopen")
TARGETS = {"assign": "assigned", "start": "in_progress", "resolve": "resolved",
           "inform": "informed", "close": "closed", "reopen": "in_progress"}  # fmt: skip


class StepBar(QWidget):
    """Two rows of three step buttons for the item shown (:meth:`show_item`).

    Signals:
        moved(object): a step was written (the item's id).
        refused(object): a step without a dialog was refused (the exception; a refusal
            in a dialog is said in the dialog).
    """

    moved = Signal(object)
    refused = Signal(object)

    def __init__(self, db: Database | None, actor: Actor | None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._db, self._actor = db, actor
        self.row: FeedbackRow | None = None
        self._users: list[UserInfo] = []
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout(self)  # two rows of three: the file beside the list stays narrow
        grid.setContentsMargins(0, 0, 0, 0)
        for index, name in enumerate(STEPS):
            button = QPushButton(self)
            button.setObjectName(f"step_{name}")
            button.clicked.connect(lambda _c=False, n=name: self.take_step(n))
            self.buttons[name] = button
            grid.addWidget(button, index // 3, index % 3)
        self.retranslate()
        self.show_item(None, [])

    def attach(self, db: Database, actor: Actor) -> None:
        self._db, self._actor = db, actor

    def retranslate(self) -> None:
        texts = {"assign": self.tr("Assign…"), "start": self.tr("Start"),
                 "resolve": self.tr("Resolve…"), "inform": self.tr("Customer informed…"),
                 "close": self.tr("Close"), "reopen": self.tr("Reopen…")}  # fmt: skip
        for name, button in self.buttons.items():
            button.setText(texts[name])

    def show_item(self, row: FeedbackRow | None, users: list[UserInfo]) -> None:
        """Offer the steps ``row`` can take (none for no item)."""
        self.row, self._users = row, users
        can = NEXT[S(row.status)] if row else ()
        done = row is not None and row.status not in OPEN_CODES
        allowed = {"assign": S.ASSIGNED in can, "start": S.IN_PROGRESS in can and not done,
                   "resolve": S.RESOLVED in can, "inform": S.INFORMED in can,
                   "close": S.CLOSED in can, "reopen": done}  # fmt: skip
        for name, button in self.buttons.items():
            button.setEnabled(allowed[name] and writable(self._db))

    def take_step(self, name: str) -> QDialog | None:
        """Take the step ``name`` for the item shown; a step that needs words asks for
        them first (the dialog is returned)."""
        row = self.row
        if row is None or self._db is None:
            return None
        asks = {"assign": ("assignee", self.tr("Assign FB-%1"), ""),
                "resolve": ("resolution", self.tr("Resolve FB-%1"),
                            self.tr("How was it resolved? The customer will be told this.")),
                "inform": ("note", self.tr("Customer informed: FB-%1"),
                           self.tr("How and when was the customer told? (optional)")),
                "reopen": ("note", self.tr("Reopen FB-%1"),
                           self.tr("Why is it opened again? (optional)"))}  # fmt: skip
        target = TARGETS[name]
        if name not in asks:
            self._move(row, target, {}, None)
            return None
        kind, title, prompt = asks[name]
        dialog = StepDialog(title.replace("%1", str(row.number)), prompt, kind, self._users,
                            text=row.resolution or "" if kind == "resolution" else "",
                            parent=self)  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def given() -> dict[str, Any]:
            text = dialog.text.toPlainText()
            if kind == "assignee":
                return {"assignee_id": dialog.assignee.currentData(), "note": text}
            return {"resolution": text} if kind == "resolution" else {"note": text}

        dialog.buttons.accepted.connect(lambda: self._move(row, target, given(), dialog))
        dialog.open()
        return dialog

    def _move(self, row: FeedbackRow, to: str, given: dict[str, Any],
              dialog: StepDialog | None) -> None:  # fmt: skip
        from camdesk.services.feedback.workflow import move

        db, actor = self._db, self._actor
        assert db is not None and actor is not None
        ident: uuid.UUID = row.id

        def saved(_written: Any) -> None:
            if dialog is not None:
                dialog.accept()
            self.moved.emit(ident)

        def failed(exc: BaseException) -> None:
            if dialog is not None and not isinstance(exc, CamdeskError):
                show_error(dialog, exc)
            elif dialog is not None:
                refused(dialog, dialog.error, dialog.buttons, exc)
            else:
                self.refused.emit(exc)

        if dialog is not None:
            dialog.buttons.setEnabled(False)
        run_write(lambda _s: move(db, row.ref, to, actor, **given), dialog or self, saved, failed)
