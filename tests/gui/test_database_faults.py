"""A database that can only be read, as the window shows it: a banner that says why, and
no action that would write."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from camdesk.db import open_database
from camdesk.services.core.users import local_actor
from camdesk.services.demo.build import DemoSpec, generate


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = tmp_path / "damaged.db"
    db = open_database(path)
    generate(db, DemoSpec(customers=300, orders=600, seed=5), local_actor(db))
    db.close()
    with open(path, "r+b") as handle:
        handle.seek(path.stat().st_size // 2)
        handle.write(os.urandom(4096))
    return path


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_damaged_file_opens_read_only_with_a_banner_and_no_writes(qtbot, controller, damaged,
                                                                    language, monkeypatch):  # fmt: skip
    controller.set_language(language)
    assert controller.open(str(damaged), create=False)
    window = controller.window
    qtbot.waitUntil(lambda: window.db is not None and window.banner.isVisible(), timeout=15000)
    expected = {
        "en": "is damaged, so camdesk opened it read-only",
        "zh_CN": "已损坏，因此 camdesk 以只读方式打开了它",
    }
    assert (
        expected[language] in window.banner.label.text()
        and str(damaged) in window.banner.label.text()
    )
    page = window.customers
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=15000)  # what can be read
    assert page.export_action.isEnabled() and page.open_action.isEnabled()
    assert not page.new_action.isEnabled() and not page.delete_action.isEnabled()
    assert not window.import_action.isEnabled() and not window.demo_action.isEnabled()
    assert not window.quality.tidy_button.isEnabled()
    window.grab().save(str(damaged.with_name(f"banner-{language}.png")))
    # The way on: a recovered copy, in a new file; the damaged one is only read.
    from camdesk.views.data import recover as recover_view

    copy = damaged.with_name("saved.db")
    monkeypatch.setattr(recover_view, "ask_save_file", lambda *a, **k: copy)
    before = damaged.read_bytes()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)  # fmt: skip
    assert window.banner.recover_button.isVisible()
    window.banner.recover_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=15000)  # copied, and asked to open it
    assert str(copy) in asked[0]
    check = open_database(copy, create=False)
    assert check.read_only is None and check.checked
    check.close()
    assert damaged.read_bytes() == before


def test_a_read_only_file_opens_its_customer_files_without_save(qtbot, controller, tmp_path,
                                                                monkeypatch):  # fmt: skip
    """(Root may write any file: the permission itself is tried in tests/integration.)"""
    from camdesk import dbfaults
    from tests.factories import make_customer

    path = tmp_path / "ro.db"
    db = open_database(path)
    make_customer(db, local_actor(db), name="周杰")
    db.close()
    monkeypatch.setattr(dbfaults, "read_only_reason",
                        lambda p: dbfaults.READ_ONLY_FILE if p == path else None)  # fmt: skip
    assert controller.open(str(path), create=False)
    window = controller.window
    qtbot.waitUntil(lambda: window.db is not None and window.banner.isVisible(), timeout=15000)
    assert "the file is read-only for you" in window.banner.label.text()
    page = window.customers
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=15000)
    dialog = page.open_editor(page.model.customer_id(0))
    qtbot.waitUntil(dialog.isEnabled, timeout=15000)
    assert dialog.inputs["name"].text() == "周杰"
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    assert "the file is read-only for you" in dialog.status.text()
    dialog.close()
