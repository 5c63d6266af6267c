"""Showing failures: user errors as a translated message, bugs as a crash dialog."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from camdesk.errors import CamdeskError
from camdesk.views.i18n import error_text

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #c62828;"  # a problem shown in place, under what it is about


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Tell the user what went wrong and what to do; bugs also go to the log."""
    if isinstance(exc, CamdeskError):
        QMessageBox.warning(parent, "camdesk", error_text(exc))
        return
    log.error("unexpected error", exc_info=exc)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("errors", "camdesk: unexpected error"))
    box.setText(
        QCoreApplication.translate(
            "errors",
            "Something unexpected went wrong. Your saved data is safe; the action did not complete. Please report this with the details below.",
        )
    )
    box.setDetailedText("".join(traceback.format_exception(exc)))
    box.exec()
