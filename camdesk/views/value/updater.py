"""Keeps value measures current as people work: the customers an edit touched are
recomputed in the background (against the last full recompute's model), then
``values_changed`` tells every screen.

Edits arrive as customer ids (a saved file, a delete, a merge) or as a change-log
action (an import, an undo) whose customers are looked up.  Bursts are gathered
for a moment and done in one job.
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from camdesk.views.background import TaskState, run_in_background

if TYPE_CHECKING:
    from camdesk.db import Database
    from camdesk.services.core.context import Actor
    from camdesk.views.events import AppEvents

GATHER_MS = 400
log = logging.getLogger(__name__)


class ValueUpdater(QObject):
    """Recomputes touched customers after edits (see the module docstring).

    Attributes:
        busy: a recompute job is running.
    """

    def __init__(self, events: AppEvents, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events = events
        self._db: Database | None = None
        self._actor: Actor | None = None
        self._ids: list[uuid.UUID] = []
        self._actions: list[uuid.UUID] = []
        self.busy = False
        self._timer = QTimer(self, singleShot=True, interval=GATHER_MS)
        self._timer.timeout.connect(self._run)
        events.customers_changed.connect(self._on_customers)
        events.action_done.connect(self._on_action)

    def attach(self, db: Database, actor: Actor) -> None:
        self._db, self._actor = db, actor

    def _on_customers(self, ids: list[uuid.UUID]) -> None:
        if ids:
            self._ids += ids
            self._timer.start()

    def _on_action(self, txn: uuid.UUID) -> None:
        self._actions.append(txn)
        self._timer.start()

    def _run(self) -> None:
        db, actor = self._db, self._actor
        if db is None or self.busy or not (self._ids or self._actions):
            if self.busy:
                self._timer.start()  # try again when the running job is done
            return
        ids, actions = self._ids, self._actions
        self._ids, self._actions = [], []

        def work(_state: TaskState) -> int | None:
            from camdesk.services.value.recompute import recompute_customers, touched_by

            touched = list(ids)
            for txn in actions:
                touched += touched_by(db, txn)
            return recompute_customers(db, touched, actor)

        def done(changed: int | None) -> None:
            self.busy = False
            if changed:
                self._events.values_changed.emit()

        def failed(exc: BaseException) -> None:
            self.busy = False  # measures stay as they were; the next recompute catches up
            log.warning("updating the value measures of edited customers failed: %s", exc)

        self.busy = True
        run_in_background(work, done, failed, write=True, owner=self)
