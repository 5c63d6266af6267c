"""File dialogs leave the open database's files alone.

Qt's file dialog looked inside every file it listed (to choose icons); opening and closing
``shop.db``, ``-wal`` or ``-shm`` dropped the app's POSIX locks on them, and a second process
then checkpointed and deleted the WAL under the running app. Each dialog the app shows is
shown here over the database's own folder, and the app must still hold its locks after it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QFileSystemModel

from camdesk.views.files import NameOnlyIcons
from tests.factories import make_customer
from tests.integration.conftest import finish, start_python

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/locks (Linux)")

OTHER_PROCESS = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
conn.close()
"""


def _locks() -> set[str]:
    """This process's POSIX locks: lock type and the file's device:inode and range."""
    found = set()
    for line in Path("/proc/locks").read_text().splitlines():
        parts = line.split()
        if len(parts) >= 8 and parts[1] == "POSIX" and parts[4] == str(os.getpid()):
            found.add(" ".join(parts[3:4] + parts[5:]))
    return found


@pytest.fixture
def shown(qtbot, monkeypatch):
    """Replaces a dialog's modal run: it is shown until it lists its folder, painted
    (icons and types are asked for then), and cancelled. Records each dialog."""
    dialogs: list[QFileDialog] = []

    def show_and_cancel(self: QFileDialog) -> int:
        dialogs.append(self)
        self.show()
        model = self.findChild(QFileSystemModel)
        folder = Path(self.directory().absolutePath())
        files = [folder / n for n in ("shop.db", "shop.db-wal", "shop.db-shm")]
        qtbot.waitUntil(lambda: all(model.index(str(f)).isValid() for f in files),
                        timeout=10000)  # fmt: skip
        for file in files:  # as listed with "All files": its icon and type are asked for
            model.fileIcon(model.index(str(file)))
            model.type(model.index(str(file)))
        self.grab()
        self.reject()
        return 0

    monkeypatch.setattr(QFileDialog, "exec", show_and_cancel)
    return dialogs


def _dialogs(controller, qtbot):
    window = controller.window
    page = window.customers
    yield "open database", window.open_db_action.trigger
    yield "new database", window.new_db_action.trigger
    yield "export", page.export_action.trigger

    def browse_import() -> None:
        wizard = window.open_import()
        wizard.file_page._browse()
        wizard.close()

    yield "import", browse_import

    def browse_settings() -> None:
        from camdesk.views.settings_dialog import SettingsDialog

        dialog = SettingsDialog(language="", database=str(controller.db.display_name),
                                settings=controller.settings, parent=window)  # fmt: skip
        dialog._on_browse_clicked()
        dialog.close()

    yield "settings", browse_settings


def test_every_file_dialog_leaves_the_database_locks_alone(qtbot, controller, shown, tmp_path):
    db_path = Path(controller.db.display_name)
    for kind in ("import", "export"):  # spreadsheets kept beside the database
        controller.settings.remember_folder(kind, str(db_path.parent))
    make_customer(controller.db, controller.actor, name="孙悟空")
    held = _locks()
    assert held, "the app should hold SQLite's locks on its open database"
    for name, show in _dialogs(controller, qtbot):
        show()
        assert shown and Path(shown[-1].directory().absolutePath()) == db_path.parent, name
        assert isinstance(shown[-1].iconProvider(), NameOnlyIcons), name
        assert _locks() == held, f"the {name} dialog dropped the app's locks"
    # A second process that checkpoints must see the app and leave its WAL in place.
    code, _out, err = finish(start_python(OTHER_PROCESS, str(db_path)))
    assert code == 0, err
    assert Path(f"{db_path}-wal").exists() and Path(f"{db_path}-shm").exists()
    make_customer(controller.db, controller.actor, name="猪八戒")  # the app still writes
    assert _locks() == held
