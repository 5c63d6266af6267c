"""Start-up: an existing file shows its customers at once, then the database opens behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from camdesk.app import Controller
from camdesk.db import open_database
from camdesk.services.core.users import local_actor
from tests.factories import make_customer

NAMES = ["王芳", "李娜", "张伟", "Alice Wong"]


def _rows(model) -> list[str]:
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_an_existing_file_lists_customers_before_the_database_has_opened(
    qtbot, settings, tmp_path: Path, monkeypatch
):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    path = tmp_path / "shop.db"
    db = open_database(path)
    actor = local_actor(db)
    for name in NAMES:
        make_customer(db, actor, name=name)
    db.close()

    controller = Controller(settings=settings)
    assert controller.open(str(path), create=False)
    window = controller.window
    assert window is not None
    qtbot.addWidget(window)
    page, model = window.customers, window.customers.model
    # Shown before any event ran: the open itself happens in the background.
    assert window.db is None
    assert _rows(model) == ["Alice Wong", "李娜", "王芳", "张伟"]
    assert str(path) in window.db_label.text()
    assert not page.new_action.isEnabled()
    assert window.count_label.text() == page.count_label.text() == ""  # not "0": unknown yet
    assert page.open_editor(None) is None  # nothing to save into yet
    page.search.insert("王")  # typed while the database opens: applied once it has

    qtbot.waitUntil(lambda: window.db is not None, timeout=20000)
    assert controller.db is window.db
    assert page.new_action.isEnabled()
    qtbot.waitUntil(lambda: model.query.search == "王" and model._loaded, timeout=10000)
    assert _rows(model) == ["王芳"]
    assert "1" in page.count_label.text()
    window.close()
    controller.shutdown()


def test_the_gui_starts_without_loading_sqlalchemy():
    """What the window needs first loads in a fraction of the ORM's time (see quick_list)."""
    code = (
        "import sys, camdesk.cli, camdesk.app, camdesk.services.lists.quick;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
