"""The background helper: results, failures, progress and cancel arrive on the GUI thread."""

from __future__ import annotations

import threading

from camdesk.errors import CamdeskError
from camdesk.views.background import TaskState, run_read


def test_result_arrives_on_the_gui_thread(qtbot):
    main = threading.get_ident()
    seen = {}

    def work(_state: TaskState) -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(result: int) -> None:
        seen["result"], seen["callback"] = result, threading.get_ident()

    run_read(work, None, done)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 42
    assert seen["callback"] == main != seen["worker"]


def test_failure_is_passed_on(qtbot):
    failures = []

    def work(_state: TaskState) -> None:
        raise CamdeskError("broken")

    run_read(work, None, lambda _r: None, failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], CamdeskError)


def test_progress_and_cancel(qtbot):
    reports: list[tuple[int, int]] = []
    started = threading.Event()
    outcome = {}

    def work(state: TaskState) -> str:
        for step in range(1000):
            state.progress(step, 1000)
            started.set()
            if state.cancelled():
                return "stopped"
            threading.Event().wait(0.001)  # a slow job on the worker, not a GUI wait
        return "finished"

    state = run_read(work, None, lambda r: outcome.setdefault("r", r),
                              progress=lambda d, t: reports.append((d, t)))  # fmt: skip
    qtbot.waitUntil(lambda: len(reports) > 3, timeout=5000)
    state.cancel()
    qtbot.waitUntil(lambda: "r" in outcome, timeout=5000)
    assert outcome["r"] == "stopped"
    assert reports[0] == (0, 1000)


def test_many_jobs_with_empty_results(qtbot):
    # PySide6 6.12.0 corrupted reference counts when signals crossed threads and
    # crashed the process after a few thousand jobs; camdesk excludes that version.
    done = []
    for _ in range(3000):
        run_read(lambda _s: None, None, done.append)
    qtbot.waitUntil(lambda: len(done) == 3000, timeout=30000)
    assert done.count(None) == 3000


def test_when_idle_waits_for_running_jobs_without_blocking(qtbot):
    from camdesk.views.background import when_idle

    release = threading.Event()
    done = []
    run_read(lambda _s: release.wait(10), None, lambda _r: None)
    when_idle(lambda: done.append("closed"))
    assert done == []  # returned at once; the job still runs
    release.set()
    qtbot.waitUntil(lambda: done == ["closed"], timeout=5000)


def test_callbacks_are_dropped_when_their_owner_was_deleted(qtbot):
    import shiboken6
    from PySide6.QtCore import QObject

    from camdesk.views.background import wait_for_all

    owner = QObject()
    release = threading.Event()
    calls = []

    def work(_state: TaskState) -> int:
        release.wait(5)
        return 1

    def done(_result: int) -> None:
        calls.append(owner.objectName())  # would raise: the C++ object is gone

    run_read(work, owner, done)
    shiboken6.delete(owner)  # the window closed while the job ran
    release.set()
    wait_for_all()
    kept = []
    run_read(lambda _s: 2, None, kept.append)  # jobs after it still report
    qtbot.waitUntil(lambda: kept == [2], timeout=5000)
    assert calls == []


def test_a_failure_nobody_handles_is_shown_on_its_owner(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox, QWidget

    from camdesk.errors import DatabaseLocked
    from camdesk.views.i18n import error_text

    owner = QWidget()
    qtbot.addWidget(owner)
    shown: list[tuple[QWidget, str]] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, _title, text: shown.append((parent, text)))  # fmt: skip

    def work(_state: TaskState) -> None:
        raise DatabaseLocked()

    run_read(work, owner, lambda _r: None)  # no failure handler: the user is told
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown == [(owner, error_text(DatabaseLocked()))]


def test_a_write_announces_what_it_changed_even_when_its_owner_is_gone(qtbot):
    import uuid

    import shiboken6
    from PySide6.QtWidgets import QWidget

    from camdesk.services.core.changes import Changes, Kind, Written
    from camdesk.views.background import run_write
    from camdesk.views.events import AppEvents

    events = AppEvents()
    heard: list[Changes] = []
    events.changed.connect(heard.append)
    owner = QWidget()
    called: list[object] = []
    release = threading.Event()
    who = uuid.uuid4()
    run_write(lambda _s: release.wait(10) and Written(1, Changes.of(Kind.ORDERS, [who])), owner,
              called.append)  # fmt: skip
    owner.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(owner), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: bool(heard), timeout=5000)
    assert heard == [Changes.of(Kind.ORDERS, [who])] and called == []  # told, nobody called
    run_write(lambda _s: 7, None, called.append)  # a result that says nothing changed
    qtbot.waitUntil(lambda: called == [7], timeout=5000)
    assert len(heard) == 1  # nothing more was said
