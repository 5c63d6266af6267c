"""Running work off the GUI thread.

:func:`run_in_background` runs ``op(state)`` on a worker thread and calls
``on_success(result)`` or ``on_failure(exc)`` back on the GUI thread.  Long
jobs report through the :class:`TaskState` they receive (progress, cancel
check); the helper turns that into Qt signals.  Database writes go through
:data:`WRITE_POOL`, a single thread, so two writes from this process never
race each other.  Workers never touch widgets.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class TaskState:
    """What a background job sees of the outside world (thread-safe).

    Attributes:
        progress: call with (done, total) to report progress.
        cancelled: returns True once the user asked to stop.
    """

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self._relay: _Relay | None = None

    def progress(self, done: int, total: int) -> None:
        if self._relay is not None:
            self._relay.progressed.emit(done, total)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from the worker arrive here queued."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(
        self,
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
        on_progress: Callable[[int, int], None] | None,
    ) -> None:
        super().__init__()
        self._on_success, self._on_failure, self._on_progress = on_success, on_failure, on_progress
        self.succeeded.connect(self._on_succeeded)
        self.failed.connect(self._on_failed)
        self.progressed.connect(self._on_progressed)

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        _ALIVE.discard(self)
        self._on_success(result)

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        _ALIVE.discard(self)
        assert isinstance(exc, BaseException)
        self._on_failure(exc)

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total)


_ALIVE: set[_Relay] = set()  # relays waiting for their job, kept from garbage collection


class _Job(QRunnable):
    def __init__(self, op: Callable[[TaskState], Any], state: TaskState, relay: _Relay) -> None:
        super().__init__()
        self._op, self._state, self._relay = op, state, relay

    def run(self) -> None:
        try:
            result = self._op(self._state)
        except BaseException as exc:  # every failure goes back to the GUI thread
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


READ_POOL = QThreadPool()
READ_POOL.setMaxThreadCount(2)
WRITE_POOL = QThreadPool()
WRITE_POOL.setMaxThreadCount(1)


def _log_failure(exc: BaseException) -> None:
    log.error("background job failed", exc_info=exc)


def run_in_background(
    op: Callable[[TaskState], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None] | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    write: bool = False,
) -> TaskState:
    """Run ``op`` on a worker thread; callbacks arrive on the GUI thread."""
    state = TaskState()
    relay = _Relay(on_success, on_failure or _log_failure, progress)
    state._relay = relay
    _ALIVE.add(relay)
    (WRITE_POOL if write else READ_POOL).start(_Job(op, state, relay))
    return state


def wait_for_all(msecs: int = 30000) -> bool:
    """Wait until background jobs are done (on quit, and in tests)."""
    return READ_POOL.waitForDone(msecs) and WRITE_POOL.waitForDone(msecs)
