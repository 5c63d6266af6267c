"""Undoing an action from any screen: in the write worker, then everyone refreshes."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from camdesk.services.core.context import Actor
from camdesk.views.background import TaskState, run_in_background
from camdesk.views.errors import show_error
from camdesk.views.events import AppEvents

if TYPE_CHECKING:
    from camdesk.db import Database


def undo_in_background(owner: QWidget, db: Database, actor: Actor, txn: uuid.UUID,
                       events: AppEvents, done: Callable[[], None],
                       failed: Callable[[BaseException], None] | None = None) -> None:  # fmt: skip
    """Revert the change ``txn``; then ``done()`` and customers_changed for every screen."""

    def work(_state: TaskState) -> uuid.UUID:
        from camdesk.services.customers.undo import undo

        return undo(db, txn, actor)

    def finished(new: uuid.UUID) -> None:
        done()
        events.customers_changed.emit([])
        events.action_done.emit(new)

    run_in_background(work, finished, failed or (lambda exc: show_error(owner, exc)),
                      write=True, owner=owner)  # fmt: skip
