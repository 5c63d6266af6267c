"""Keeps value measures current as people work: the customers an edit touched are
recomputed in the background (against the last full recompute's model), and the
recompute's own announcement tells every screen.

Edits arrive on the ``changed`` signal naming their customers (a saved file, a delete,
a merge) or only their change-log action (an import, an undo), whose customers are
looked up.  Bursts are gathered for a moment and done in one job.
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from camdesk.services.core.changes import CUSTOMER_DATA, Changes, Written
from camdesk.views.background import TaskState, run_write

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
        events.changed.connect(self._on_changed)

    def attach(self, db: Database, actor: Actor) -> None:
        self._db, self._actor = db, actor

    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches(CUSTOMER_DATA):  # values (our own news), segments, ...
            return
        if changes.customers:
            self._ids += changes.customers
        elif changes.customers is None and changes.action is not None:
            self._actions.append(changes.action)
        else:  # no one in particular (a demo): its own full recompute follows
            return
        self._timer.start()

    def _run(self) -> None:
        db, actor = self._db, self._actor
        if db is None or self.busy or not (self._ids or self._actions):
            if self.busy:
                self._timer.start()  # try again when the running job is done
            return
        ids, actions = self._ids, self._actions
        self._ids, self._actions = [], []

        def work(_state: TaskState) -> Written[int | None]:
            from camdesk.services.value.recompute import recompute_customers, touched_by

            touched = list(ids)
            for txn in actions:
                touched += touched_by(db, txn)
            return recompute_customers(db, touched, actor)

        def done(_changed: Written[int | None]) -> None:
            self.busy = False

        def failed(exc: BaseException) -> None:
            self.busy = False  # measures stay as they were; the next recompute catches up
            log.warning("updating the value measures of edited customers failed: %s", exc)

        self.busy = True
        run_write(work, self, done, failed)
