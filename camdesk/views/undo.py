"""Undoing an action from any screen: in the write worker; its changes are announced."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from camdesk.services.core.changes import Changes
from camdesk.services.core.context import Actor
from camdesk.views.background import TaskState, run_write

if TYPE_CHECKING:
    from camdesk.db import Database


def undo_in_background(owner: QWidget, db: Database, actor: Actor, txn: uuid.UUID,
                       done: Callable[[], None],
                       failed: Callable[[BaseException], None] | None = None) -> None:  # fmt: skip
    """Revert the change ``txn``; every screen hears what it changed, then ``done()``."""

    def work(_state: TaskState) -> Changes:
        from camdesk.services.customers.undo import undo

        return undo(db, txn, actor)

    run_write(work, owner, lambda _changes: done(), failed)
