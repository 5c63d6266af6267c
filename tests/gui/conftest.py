"""GUI test helpers: isolated settings, a synchronous runner for item-model tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from camdesk.views.background import TaskState, wait_for_all
from camdesk.views.settings import Settings


def run_now(
    op: Callable[[TaskState], Any],
    _owner: Any,
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None] | None = None,
    **_: Any,
) -> TaskState:
    """Runs a background job at once on this thread (for model tests)."""
    state = TaskState()
    try:
        result = op(state)
    except Exception as exc:
        if on_failure is None:
            raise
        on_failure(exc)
    else:
        on_success(result)
    return state


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "camdesk.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def controller(qtbot, settings, tmp_path: Path, monkeypatch):
    """The app on a new database in tmp_path (no demo data), its window shown."""
    from PySide6.QtWidgets import QMessageBox

    from camdesk.app import Controller

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    ctl = Controller(settings=settings)
    assert ctl.open(str(tmp_path / "shop.db"))
    qtbot.addWidget(ctl.window)
    yield ctl
    ctl.window.leave()  # files a test left with edits are not asked about
    ctl.shutdown()


@pytest.fixture(autouse=True)
def _no_unexpected_message_boxes(monkeypatch):
    """A message box nobody answers would wait until the run's timeout: fail at once
    with its text instead. Tests that expect one patch it themselves."""
    from PySide6.QtWidgets import QMessageBox

    def unexpected(*args: Any, **_: Any) -> None:
        texts = [a for a in args if isinstance(a, str)]
        if args and isinstance(args[0], QMessageBox):
            texts = [args[0].text(), args[0].detailedText()]
        raise AssertionError(f"an unexpected message box: {' | '.join(texts)}")

    for name in ("exec", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, unexpected)


@pytest.fixture(autouse=True)
def _finish_background_jobs(qapp):
    yield
    wait_for_all()
    qapp.processEvents()


@pytest.fixture(autouse=True, scope="session")
def _english_from_the_start(qapp):
    """English as the app installs it at start (its plural forms: "1 item", "3 items"),
    whatever the machine's locale, so no test depends on one before it switching."""
    from camdesk.views import i18n

    i18n.install("en")


@pytest.fixture(autouse=True)
def _english_afterwards(qapp):
    """A test that switches the UI language leaves English behind for the next one."""
    yield
    from PySide6.QtCore import QLocale

    from camdesk.views import i18n

    if not QLocale().name().startswith("en"):
        i18n.install("en")
