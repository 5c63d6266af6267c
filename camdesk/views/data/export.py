"""Exporting what the customer list shows: its search, filters and visible columns."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from camdesk.errors import Cancelled
from camdesk.services.list_rows import ListQuery
from camdesk.views.background import TaskState, run_in_background
from camdesk.views.errors import show_error
from camdesk.views.files import ask_save_file
from camdesk.views.i18n import Counted
from camdesk.views.settings import Settings
from camdesk.views.value_names import value_name

if TYPE_CHECKING:
    from camdesk.db import Database


def export_columns(visible: list[str]) -> list[str]:
    """The export fields for the list's visible column keys, in their order."""
    from camdesk.services.exporter import LIST_COLUMNS

    fields: list[str] = []
    for key in visible:
        fields += [key] if key.startswith("custom:") else list(LIST_COLUMNS.get(key, ()))
    return fields


def export_list(parent: QWidget, db: Database, query: ListQuery, visible: list[str],
                path: Path | None = None, *,
                settings: Settings | None = None) -> TaskState | None:  # fmt: skip
    """Ask where (unless ``path`` is given), then export in the background with progress."""
    if path is None:
        chosen = ask_save_file(
            parent, QCoreApplication.translate("ExportList", "Export the list"), "customers.xlsx",
            QCoreApplication.translate("ExportList", "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
            settings=settings, kind="export", suffix="xlsx")  # fmt: skip
        if chosen is None:
            return None
        path = chosen
    if path.suffix.lower() not in (".xlsx", ".csv"):
        path = path.with_suffix(".xlsx")
    progress = QProgressDialog(QCoreApplication.translate("ExportList", "Exporting…"), QCoreApplication.translate("ExportList", "Cancel"), 0, 100,
                               parent)  # fmt: skip
    progress.setObjectName("exportProgress")
    progress.setMinimumDuration(300)
    columns = export_columns(visible)
    target = path

    def work(state: TaskState) -> int:
        from camdesk.services.exporter import export_customers

        return export_customers(db, target, query, columns, progress=state.progress,
                                cancelled=state.cancelled, value_words=value_name)  # fmt: skip

    def done(count: int) -> None:
        progress.close()
        QMessageBox.information(
            parent,
            QCoreApplication.translate("ExportList", "Export"),
            Counted().customers_written(count, str(target)),
        )

    def failed(exc: BaseException) -> None:
        progress.close()
        target.unlink(missing_ok=True)  # a half-written file helps nobody
        if not isinstance(exc, Cancelled):
            show_error(parent, exc)

    def moved(done_count: int, total: int) -> None:
        progress.setValue(done_count * 100 // max(total, 1))

    state = run_in_background(work, done, failed, progress=moved, owner=parent)
    progress.canceled.connect(lambda: state.cancel())
    return state
