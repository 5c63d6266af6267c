"""Running work off the GUI thread.

:func:`run_in_background` runs ``op(state)`` on a worker thread and calls
``on_success(result)`` or ``on_failure(exc)`` back on the GUI thread.  Long
jobs report through the :class:`TaskState` they receive (progress, cancel
check); the helper turns that into Qt signals.  Database writes go through
:data:`WRITE_POOL`, a single thread, so two writes from this process never
race each other.  Workers never touch widgets.

Workers talk to the GUI thread only through one long-lived dispatcher object,
and every Python object a job uses is released on the GUI thread: if a worker
dropped the last reference to something tied to Qt (a widget's method, a
connected object), its clean-up would run there, take Qt's connection lock and
wait for the GIL the GUI thread holds -- a deadlock seen with PySide 6.12.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

log = logging.getLogger(__name__)


class TaskState:
    """What a background job sees of the outside world (thread-safe).

    Attributes:
        job_id: the job's number, for the dispatcher.
    """

    def __init__(self, job_id: int = 0) -> None:
        self.job_id = job_id
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> None:
        """Report progress (any thread)."""
        if self.job_id:
            _dispatcher().progressed.emit(self.job_id, done, total)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


@dataclass
class _Pending:
    op: Callable[[TaskState], Any]
    state: TaskState
    on_success: Callable[[Any], None]
    on_failure: Callable[[BaseException], None]
    on_progress: Callable[[int, int], None] | None
    owner: QObject | None = None

    def gone(self) -> bool:
        """Whether the object the callbacks belong to was deleted meanwhile."""
        return self.owner is not None and not shiboken6.isValid(self.owner)


class _Dispatcher(QObject):
    """Lives on the GUI thread for the whole session; workers emit on it."""

    finished = Signal(int, object, object)  # job id, result, exception
    progressed = Signal(int, int, int)

    def __init__(self) -> None:
        super().__init__()
        self.pending: dict[int, _Pending] = {}
        self.finished.connect(self._on_finished)
        self.progressed.connect(self._on_progressed)

    @Slot(int, object, object)
    def _on_finished(self, job_id: int, result: object, error: object) -> None:
        job = self.pending.pop(job_id, None)
        if job is None or job.gone():  # its window closed while it ran: nobody to tell
            return
        if isinstance(error, BaseException):
            job.on_failure(error)
        else:
            job.on_success(result)

    @Slot(int, int, int)
    def _on_progressed(self, job_id: int, done: int, total: int) -> None:
        job = self.pending.get(job_id)
        if job is not None and job.on_progress is not None and not job.gone():
            job.on_progress(done, total)


_DISPATCHER: _Dispatcher | None = None
_numbers = itertools.count(1)


def _dispatcher() -> _Dispatcher:
    global _DISPATCHER
    if _DISPATCHER is None:
        _DISPATCHER = _Dispatcher()
    return _DISPATCHER


class _Job(QRunnable):
    def __init__(self, job_id: int, op: Callable[[TaskState], Any], state: TaskState) -> None:
        super().__init__()
        self._job_id = job_id
        self._work: tuple[Callable[[TaskState], Any], TaskState] | None = (op, state)

    def run(self) -> None:
        assert self._work is not None
        op, state = self._work
        self._work = None  # the GUI thread keeps its own references (see module doc)
        result: object = None
        error: BaseException | None = None
        try:
            result = op(state)
        except BaseException as exc:  # every failure goes back to the GUI thread
            error = exc
        del op, state
        _dispatcher().finished.emit(self._job_id, result, error)


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
    owner: QObject | None = None,
) -> TaskState:
    """Run ``op`` on a worker thread; callbacks arrive on the GUI thread.

    Call it from the GUI thread.  Connect a cancel button to the returned
    state with a lambda (``lambda: state.cancel()``), not the bound method.
    If ``owner`` (the widget or model the callbacks update) is deleted before
    the job ends, the callbacks are not called.
    """
    job_id = next(_numbers)
    state = TaskState(job_id)
    dispatcher = _dispatcher()
    dispatcher.pending[job_id] = _Pending(op, state, on_success, on_failure or _log_failure,
                                          progress, owner)  # fmt: skip
    (WRITE_POOL if write else READ_POOL).start(_Job(job_id, op, state))
    return state


def when_idle(action: Callable[[], None], poll_ms: int = 200) -> None:
    """Run ``action`` on the GUI thread once no background job is running.

    For closing a database that jobs may still be reading, without blocking the
    window while they finish.
    """
    if READ_POOL.activeThreadCount() == 0 and WRITE_POOL.activeThreadCount() == 0:
        action()
    else:
        QTimer.singleShot(poll_ms, lambda: when_idle(action, poll_ms))


def wait_for_all(msecs: int = 30000) -> bool:
    """Wait until background jobs are done (on quit, and in tests)."""
    return READ_POOL.waitForDone(msecs) and WRITE_POOL.waitForDone(msecs)
