"""Pieces the small tabs and dialogs of the customer file and other areas share: a summary
line over a table with its buttons, an error line, Save/Cancel, and why a save was refused."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from camdesk.errors import CamdeskError, ValidationError
from camdesk.views.errors import ERROR_STYLE, show_error
from camdesk.views.i18n import error_text, problem_text


def summary_over_table(owner: QWidget, summary: QLabel, buttons: Sequence[QWidget],
                       table: QTableWidget) -> None:  # fmt: skip
    """Lay out a tab: the summary line with the buttons on its right, the table below."""
    top = QHBoxLayout()
    top.addWidget(summary, 1)
    for button in buttons:
        top.addWidget(button)
    layout = QVBoxLayout(owner)
    layout.addLayout(top)
    layout.addWidget(table, 1)


def named_button(parent: QWidget, name: str, clicked: Callable[[], object]) -> QPushButton:
    """A push button tests and style sheets find by ``name``; its text is set on
    retranslating."""
    button = QPushButton(parent)
    button.setObjectName(name)
    button.clicked.connect(lambda: clicked())
    return button


def pick_table(parent: QWidget, name: str, columns: int) -> QTableWidget:
    """A read-only table to choose one row of (by ``name`` for tests and style sheets)."""
    table = QTableWidget(0, columns, parent)
    table.setObjectName(name)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return table


def say_refusal(owner: QWidget, line: QLabel, exc: BaseException) -> bool:
    """A refusal (a user error) said in ``line``, True; anything else gets the error
    dialog on ``owner``, False."""
    if not isinstance(exc, CamdeskError):
        show_error(owner, exc)
        return False
    if isinstance(exc, ValidationError):  # which field, and what is wrong with it
        line.setText("\n".join(problem_text(p) for p in exc.problems))
    else:
        line.setText(error_text(exc))
    line.show()
    return True


def error_line(parent: QWidget) -> QLabel:
    """A hidden line for what is wrong with the dialog's input."""
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def ok_buttons(dialog: QDialog, main: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Save) -> QDialogButtonBox:  # fmt: skip
    """Save (or ``main``) and Cancel; Cancel closes, the caller connects ``accepted``."""
    buttons = QDialogButtonBox(main | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.rejected.connect(dialog.reject)
    return buttons


def refused(dialog: QDialog, error: QLabel, buttons: QDialogButtonBox, exc: BaseException) -> None:
    """A background save of ``dialog`` failed: say why in its error line (which field and
    what is wrong with it) and let the user try again; a bug gets the error dialog."""
    buttons.setEnabled(True)
    if isinstance(exc, ValidationError):
        error.setText("\n".join(problem_text(p) for p in exc.problems))
    elif isinstance(exc, CamdeskError):
        error.setText(error_text(exc))
    else:
        show_error(dialog, exc)
        return
    error.show()
