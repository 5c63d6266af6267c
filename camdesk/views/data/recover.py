"""Saving a recovered copy of a damaged database file, from the window's banner."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from camdesk.views.background import TaskState, run_read
from camdesk.views.errors import show_error
from camdesk.views.files import ask_save_file
from camdesk.views.settings import Settings

if TYPE_CHECKING:
    from camdesk.db import Database
    from camdesk.services.data.recover import Recovery


def save_recovered_copy(parent: QWidget, db: Database, settings: Settings,
                        open_copy: Callable[[str], None]) -> None:  # fmt: skip
    """Ask where, copy every readable row there in the background, say what was lost and
    offer to open the copy (the damaged file is only read)."""
    source = Path(db.display_name)
    target = ask_save_file(parent, QCoreApplication.translate("Recover", "Save a recovered copy"),
                           f"{source.stem}-recovered.db", QCoreApplication.translate("Recover", "camdesk databases (*.db)"),
                           settings=settings, kind="database", suffix="db",
                           fallback=source.parent)  # fmt: skip
    if target is None:
        return
    if target.resolve() == source.resolve():
        QMessageBox.warning(
            parent,
            "camdesk",
            QCoreApplication.translate("Recover", "Choose a new file for the copy."),
        )
        return
    target.unlink(missing_ok=True)  # the dialog asked before replacing it
    progress = QProgressDialog(
        QCoreApplication.translate("Recover", "Copying every row that can be read…"),
        "",
        0,
        0,
        parent,
    )
    progress.setObjectName("recoverProgress")
    progress.setCancelButton(None)
    progress.setMinimumDuration(300)

    def work(state: TaskState) -> Recovery:
        from camdesk.services.data.recover import recover

        return recover(source, target, progress=state.progress)

    def done(result: Recovery) -> None:
        progress.close()
        customers = result.tables.get("customer")
        copied = customers.copied if customers else 0
        if result.complete:
            text = QCoreApplication.translate(
                "Recover", "Every row could be read: %1 customers were copied to %2."
            )
        else:
            text = QCoreApplication.translate("Recover", "%1 customers were copied to %2; some rows could not be read and are missing from the copy (the damaged file is kept as it was).")  # fmt: skip
        text = text.replace("%1", f"{copied:,}").replace("%2", str(target))
        answer = QMessageBox.question(parent, QCoreApplication.translate("Recover", "Recovered copy"),
                                      text + "\n\n" + QCoreApplication.translate("Recover", "Open the copy now?"))  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            open_copy(str(target))

    def failed(exc: BaseException) -> None:
        progress.close()
        show_error(parent, exc)

    run_read(work, parent, done, failed)
