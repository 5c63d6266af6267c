"""How much demo data to add, and a word of warning when the database already holds
customers: demo customers join them and cannot be told apart afterwards."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from camdesk.views.form_parts import ok_buttons

# (customers, orders) offered; the second is the default.
SIZES = ((1_000, 10_000), (2_000, 20_000), (10_000, 100_000), (100_000, 1_000_000))


class DemoDialog(QDialog):
    """Choose a demo size; ``existing``: the customers already in the database (None:
    not counted yet)."""

    def __init__(self, existing: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoDialog")
        self.setWindowTitle(self.tr("Demo data"))
        self.setMinimumWidth(440)
        number = QLocale().toString
        self.size_box = QComboBox(self)
        self.size_box.setObjectName("demoSize")
        for customers, orders in SIZES:
            self.size_box.addItem(self.tr("%1 customers, %2 orders").replace(
                "%1", number(customers)).replace("%2", number(orders)), (customers, orders))  # fmt: skip
        self.size_box.setCurrentIndex(1)
        self.warning = QLabel(self)
        self.warning.setObjectName("demoWarning")
        self.warning.setWordWrap(True)
        if existing:
            self.warning.setText(self.tr(
                "This database already holds %Ln customer(s). Demo customers are added to "
                "them and cannot be told apart afterwards: to try camdesk out, make a new "
                "database first (File > New database…).", "", existing))  # fmt: skip
            self.warning.setStyleSheet("color: #b45309")
        else:
            self.warning.setText(self.tr("Made-up customers, orders, contacts, follow-ups and "
                                         "feedback, to try camdesk out."))  # fmt: skip
        self.buttons = ok_buttons(self, QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        form = QFormLayout()
        form.addRow(self.tr("Add"), self.size_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def chosen(self) -> tuple[int, int]:
        """(customers, orders) chosen."""
        customers, orders = self.size_box.currentData()
        return int(customers), int(orders)
