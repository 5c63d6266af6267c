"""Exporting what the customer list shows: its search, filters and visible columns."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from camdesk.errors import Cancelled
from camdesk.services.lists.rows import ListQuery
from camdesk.views.background import TaskState, run_read
from camdesk.views.errors import show_error
from camdesk.views.files import ask_save
from camdesk.views.i18n import Counted
from camdesk.views.settings import Settings
from camdesk.views.value_names import value_name

if TYPE_CHECKING:
    from camdesk.db import Database
    from camdesk.services.data.export import Exported


# The save dialog's choices: odd ones write every field of the customer file.
FORMS = (
    QT_TRANSLATE_NOOP("ExportList", "Excel workbook, the columns shown (*.xlsx)"),
    QT_TRANSLATE_NOOP("ExportList", "Excel workbook, every field (*.xlsx)"),
    QT_TRANSLATE_NOOP("ExportList", "CSV, UTF-8, the columns shown (*.csv)"),
    QT_TRANSLATE_NOOP("ExportList", "CSV, UTF-8, every field (*.csv)"),
)


def export_columns(visible: list[str]) -> list[str]:
    """The export fields for the list's visible column keys, in their order."""
    from camdesk.services.data.export import LIST_COLUMNS

    fields: list[str] = []
    for key in visible:
        fields += [key] if key.startswith("custom:") else list(LIST_COLUMNS.get(key, ()))
    return fields


def export_list(parent: QWidget, db: Database, query: ListQuery, visible: list[str],
                path: Path | None = None, *, settings: Settings | None = None,
                every_field: bool = False) -> TaskState | None:  # fmt: skip
    """Ask where and what (the columns shown, or every field of the customer file), unless
    ``path`` is given (then the columns shown, or every field with ``every_field``); then
    export in the background with progress."""
    if path is None:
        forms = ";;".join(QCoreApplication.translate("ExportList", str(text)) for text in FORMS)
        chosen = ask_save(parent, QCoreApplication.translate("ExportList", "Export the list"),
                          "customers.xlsx", forms, settings=settings, kind="export",
                          suffixes=["xlsx", "xlsx", "csv", "csv"])  # fmt: skip
        if chosen is None:
            return None
        path, every_field = chosen[0], chosen[1] % 2 == 1
    if path.suffix.lower() not in (".xlsx", ".csv"):
        path = path.with_suffix(".xlsx")
    progress = QProgressDialog(QCoreApplication.translate("ExportList", "Exporting…"), QCoreApplication.translate("ExportList", "Cancel"), 0, 100,
                               parent)  # fmt: skip
    progress.setObjectName("exportProgress")
    progress.setMinimumDuration(300)
    columns = None if every_field else export_columns(visible)  # None: every field
    target = path

    language: Literal["zh", "en"] = "zh" if QLocale().name().startswith("zh") else "en"

    def work(state: TaskState) -> Exported:
        from camdesk.services.data.export import export_customers

        return export_customers(db, target, query, columns, progress=state.progress,
                                cancelled=state.cancelled, value_words=value_name,
                                language=language)  # fmt: skip

    def done(result: Exported) -> None:
        progress.close()
        lines = [Counted().customers_written(result.customers, str(target))]
        if result.contacts and len(result.files) > 1:
            lines.append(Counted().contacts_file(result.contacts, str(result.files[-1])))
        elif result.contacts:
            from camdesk.services.data.export import CONTACT_SHEET

            lines.append(Counted().contacts_written(result.contacts, CONTACT_SHEET[language]))
        QMessageBox.information(
            parent, QCoreApplication.translate("ExportList", "Export"), "\n".join(lines)
        )

    def failed(exc: BaseException) -> None:
        progress.close()
        target.unlink(missing_ok=True)  # a half-written file helps nobody
        if not isinstance(exc, Cancelled):
            show_error(parent, exc)

    def moved(done_count: int, total: int) -> None:
        progress.setValue(done_count * 100 // max(total, 1))

    state = run_read(work, parent, done, failed, progress=moved)
    progress.canceled.connect(lambda: state.cancel())
    return state
