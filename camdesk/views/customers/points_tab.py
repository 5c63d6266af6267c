"""The Points tab of a customer file: balance, ledger, redeem and adjust."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from camdesk.services.core.changes import Written
from camdesk.services.core.context import Actor
from camdesk.services.customers.points import ADJUST, EARN, REDEEM, Entry
from camdesk.views.background import run_write
from camdesk.views.form_parts import error_line, refused, summary_over_table
from camdesk.views.value.panels import fill_table, read_only_table

if TYPE_CHECKING:
    from camdesk.db import Database

MOST = 100_000_000


class PointsDialog(QDialog):
    """Points to redeem, or to add or take off with a reason."""

    def __init__(self, kind: str, balance: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pointsDialog")
        self.kind = kind
        self.points = QSpinBox(self)
        self.points.setObjectName("points")
        if kind == REDEEM:
            self.points.setRange(1, max(balance, 1))
        else:
            self.points.setRange(-MOST, MOST)
            self.points.setValue(0)
        self.points.setGroupSeparatorShown(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.error = error_line(self)
        form = QFormLayout()
        form.addRow(self.tr("Points"), self.points)
        form.addRow(self.tr("Reason"), self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Balance: %1").replace("%1", QLocale().toString(balance))))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if kind == REDEEM:
            self.setWindowTitle(self.tr("Redeem points"))
            self.reason.setPlaceholderText(self.tr("What for (optional), e.g. gift, voucher"))
        else:
            self.setWindowTitle(self.tr("Adjust points"))
            self.points.setToolTip(self.tr("A negative number takes points off."))
            self.reason.setPlaceholderText(
                self.tr("Why (required), e.g. birthday gift, correction")
            )

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class PointsTab(QWidget):
    """A customer's points: balance and ledger, with Redeem and Adjust.

    Signals:
        balance_changed(int): the balance after a redemption or adjustment.
    """

    balance_changed = Signal(int)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._actor = db, actor
        self._customer: uuid.UUID | None = None
        self._entries: list[Entry] = []
        self.balance = QLabel(self)
        self.balance.setObjectName("pointsBalance")
        self.table = read_only_table(self, "pointsLedger")
        self.redeem_button, self.adjust_button = QPushButton(self), QPushButton(self)
        self.redeem_button.clicked.connect(lambda: self.open_dialog(REDEEM))
        self.adjust_button.clicked.connect(lambda: self.open_dialog(ADJUST))
        summary_over_table(self, self.balance, (self.redeem_button, self.adjust_button), self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.redeem_button.setText(self.tr("Redeem…"))
        self.adjust_button.setText(self.tr("Adjust…"))
        self.show_entries(self._customer, self._entries)

    @property
    def current(self) -> int:
        return self._entries[0].balance if self._entries else 0

    def show_entries(self, customer_id: uuid.UUID | None, entries: list[Entry]) -> None:
        self._customer, self._entries = customer_id, entries
        locale = QLocale()
        self.balance.setText(self.tr("<b>Balance: %1 points</b>")
                             .replace("%1", locale.toString(self.current)))  # fmt: skip
        self.redeem_button.setEnabled(customer_id is not None and self.current > 0)
        self.adjust_button.setEnabled(customer_id is not None)
        kinds = {EARN: self.tr("Earned on an order"), REDEEM: self.tr("Redeemed"),
                 ADJUST: self.tr("Adjusted")}  # fmt: skip
        rows = []
        for e in entries:
            what = kinds.get(e.kind, e.kind)
            if e.void:
                what = self.tr("%1 (order deleted: not counted)").replace("%1", what)
            rows.append((e.at.astimezone().strftime("%Y-%m-%d %H:%M"), what,
                         f"{e.points:+,}", locale.toString(e.balance), e.reason or "",
                         e.user or ""))  # fmt: skip
        headers = [self.tr("When"), self.tr("What"), self.tr("Points"), self.tr("Balance"),
                   self.tr("Reason"), self.tr("Who")]  # fmt: skip
        fill_table(self.table, headers, rows, numeric=(2, 3))

    def open_dialog(self, kind: str) -> PointsDialog | None:
        """Ask how many points (window-modal); returns the dialog."""
        if self._customer is None:
            return None
        dialog = PointsDialog(kind, self.current, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.buttons.accepted.connect(lambda: self._submit(dialog))
        dialog.open()
        return dialog

    def _submit(self, dialog: PointsDialog) -> None:
        db, actor, customer = self._db, self._actor, self._customer
        if customer is None:
            return
        points, reason = dialog.points.value(), dialog.reason.text()
        kind = dialog.kind

        def work(_state: object) -> Written[list[Entry]]:
            from camdesk.services.customers import points as service

            change = service.redeem if kind == REDEEM else service.adjust
            changes = change(db, customer, points, reason, actor).changes
            return Written(service.ledger(db, customer), changes)

        def done(entries: Written[list[Entry]]) -> None:
            dialog.accept()
            self.show_entries(customer, entries.value)
            self.balance_changed.emit(self.current)

        def failed(exc: BaseException) -> None:
            refused(dialog, dialog.error, dialog.buttons, exc)

        dialog.buttons.setEnabled(False)
        run_write(work, self, done, failed)
