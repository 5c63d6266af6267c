"""Running work off the GUI thread.

:func:`run_read` and :func:`run_write` run ``op(state)`` on a worker thread and call
``on_success(result)`` or ``on_failure(exc)`` back on the GUI thread; a failure without
its own handler is shown to the user on the job's owner.  Long jobs report through the
:class:`TaskState` they receive (progress, cancel check); the helpers turn that into Qt
signals.  Writes go through :data:`WRITE_POOL`, a single thread, so two writes from this
process never race each other, and what a write changed (:func:`changes_of` its result)
is announced on the app-wide ``changed`` signal (:func:`camdesk.views.events.announce`),
even when its owner is gone.  Workers never touch widgets.

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
from PySide6.QtWidgets import QWidget

from camdesk.services.core.changes import changes_of
from camdesk.views import events

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
    announce: bool = False  # a write: tell every screen what it changed

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
        if job is None:
            return
        if job.announce and not isinstance(error, BaseException):
            events.announce(changes_of(result))  # the data changed, whoever asked
        if job.gone():  # its window closed while it ran: nobody to tell
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


Owner = QObject | None
Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]


def run_read(op: Callable[[TaskState], Any], owner: Owner, on_success: Success,
             on_failure: Failure | None = None, *,
             progress: Callable[[int, int], None] | None = None) -> TaskState:  # fmt: skip
    """Run a read ``op`` on a worker thread; callbacks arrive on the GUI thread.

    Call it from the GUI thread.  Connect a cancel button to the returned state with a
    lambda (``lambda: state.cancel()``), not the bound method.  If ``owner`` (the widget
    or model the callbacks update) is deleted before the job ends, the callbacks are not
    called; a failure without ``on_failure`` is shown on ``owner``.
    """
    return _start(_Pending(op, TaskState(next(_numbers)), on_success,
                           on_failure or _shown_on(owner), progress, owner), READ_POOL)  # fmt: skip


def run_write(op: Callable[[TaskState], Any], owner: Owner, on_success: Success | None = None,
              on_failure: Failure | None = None, *,
              progress: Callable[[int, int], None] | None = None) -> TaskState:  # fmt: skip
    """Like :func:`run_read` for a write: one at a time, and what its result says it
    changed is announced to every screen before ``on_success`` runs."""
    return _start(_Pending(op, TaskState(next(_numbers)), on_success or _ignore,
                           on_failure or _shown_on(owner), progress, owner,
                           announce=True), WRITE_POOL)  # fmt: skip


def _start(job: _Pending, pool: QThreadPool) -> TaskState:
    _dispatcher().pending[job.state.job_id] = job
    pool.start(_Job(job.state.job_id, job.op, job.state))
    return job.state


def _ignore(_result: Any) -> None:
    return None


def _shown_on(owner: Owner) -> Failure:
    """Tell the user on ``owner``'s window (or, without a widget, log it)."""
    if owner is None:
        return _log_failure

    def show(exc: BaseException) -> None:
        from camdesk.views.errors import show_error

        widget = owner if isinstance(owner, QWidget) else None
        show_error(widget, exc)

    return show


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


def write_with_progress(parent: QWidget, label: str, cancel: str,
                        op: Callable[[TaskState], Any], on_success: Success,
                        on_cancelled: Callable[[], None] | None = None) -> TaskState:  # fmt: skip
    """:func:`run_write` behind a progress dialog with a cancel button (shown after 300 ms):
    the dialog closes when the job ends; a cancelled job calls ``on_cancelled``, another
    failure is shown on ``parent``."""
    from PySide6.QtWidgets import QProgressDialog

    from camdesk.errors import Cancelled

    progress = QProgressDialog(label, cancel, 0, 100, parent)
    progress.setMinimumDuration(300)

    def done(result: Any) -> None:
        progress.close()
        on_success(result)

    def failed(exc: BaseException) -> None:
        progress.close()
        if isinstance(exc, Cancelled):
            if on_cancelled is not None:
                on_cancelled()
            return
        _shown_on(parent)(exc)

    def moved(done_count: int, total: int) -> None:
        progress.setValue(done_count * 100 // max(total, 1))

    state = run_write(op, parent, done, failed, progress=moved)
    progress.canceled.connect(lambda: state.cancel())
    return state
