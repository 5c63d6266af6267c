"""Start-up: an existing file shows its customers at once, then the database opens behind."""

from __future__ import annotations

import os
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


HEAVY = ("alembic", "scipy", "pyqtgraph", "pypinyin", "numpy", "faker")
WORKING_LIST = """
import sys, time
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from camdesk.app import Controller, create_application
from camdesk.views.settings import Settings

app = create_application()
ctl = Controller(settings=Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat)))
ctl.open(sys.argv[1], create=False)
window = ctl.window
window.show()
model, view = window.customers.model, window.customers.view

def spin(ready):
    deadline = time.monotonic() + 30
    while not ready():
        assert time.monotonic() < deadline, "the list did not load"
        app.processEvents()

spin(lambda: window.db is not None and model._loaded)
for column in (0, next(n for n, c in enumerate(model.columns) if c.key == "clv")):
    before = model.query
    view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    spin(lambda: model.query is not before and model._loaded)
print(sorted({m.split(".")[0] for m in sys.modules} & set(sys.argv[3].split(","))))
ctl.shutdown()
"""


def test_working_in_the_list_loads_none_of_the_heavy_libraries(tmp_path: Path):
    """Opened, counted, sorted by name and by value: pyqtgraph, scipy, Alembic and pypinyin's
    dictionaries wait for the screen or job that needs them (about 230 MB between them)."""
    path = tmp_path / "shop.db"
    db = open_database(path)
    actor = local_actor(db)
    for name in NAMES:
        make_customer(db, actor, name=name)
    db.close()
    out = subprocess.run(
        [sys.executable, "-c", WORKING_LIST, str(path), str(tmp_path / "s.ini"), ",".join(HEAVY)],
        capture_output=True, text=True, check=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert out.stdout.strip().splitlines()[-1] == "[]"
