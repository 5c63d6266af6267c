"""The filter bar's custom-field filter: a field, how to compare, one value or two.

Text and choice fields match a value or are empty; number and date fields also compare
(<, >) and take a range (between, both ends included).  A choice field offers its
choices instead of a box to type in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.services.lists.criteria import CUSTOM_PREFIX, Criterion
from camdesk.views.combo import choose

if TYPE_CHECKING:  # the window's first page loads without SQLAlchemy
    from camdesk.services.customers.custom_fields import FieldInfo

OPS = {
    "=": QT_TRANSLATE_NOOP("criteria", "is"),
    "<": QT_TRANSLATE_NOOP("criteria", "less than"),
    "<=": QT_TRANSLATE_NOOP("criteria", "at most"),
    ">": QT_TRANSLATE_NOOP("criteria", "more than"),
    ">=": QT_TRANSLATE_NOOP("criteria", "at least"),
    "between": QT_TRANSLATE_NOOP("criteria", "between"),
    "empty": QT_TRANSLATE_NOOP("criteria", "is empty"),
}
COMPARED = ("number", "date")  # the kinds that also take <, > and between


class FieldFilter(QWidget):
    """Signals: changed(): the condition it describes changed (typing is debounced)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields: dict[str, FieldInfo] = {}
        self._typing = QTimer(self, singleShot=True, interval=150)
        self._typing.timeout.connect(self.changed)
        self.field = QComboBox(self)
        self.field.setObjectName("fieldFilter")
        self.field.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.field.setMaximumWidth(self.fontMetrics().averageCharWidth() * 28)
        self.op = QComboBox(self)
        self.op.setObjectName("fieldOp")
        self.choice = QComboBox(self)
        self.choice.setObjectName("fieldChoice")
        self.value, self.until = QLineEdit(self), QLineEdit(self)
        self.value.setObjectName("fieldValue")
        self.until.setObjectName("fieldUntil")
        for edit in (self.value, self.until):
            edit.setMaximumWidth(self.fontMetrics().averageCharWidth() * 14)
            edit.textChanged.connect(self._typing.start)
        self.field.currentIndexChanged.connect(self._field_chosen)
        self.op.currentIndexChanged.connect(self._op_chosen)
        self.choice.currentIndexChanged.connect(self.changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.field, self.op, self.choice, self.value, self.until):
            row.addWidget(widget)
        self.retranslate()

    def retranslate(self) -> None:
        if self.field.count():
            self.field.setItemText(0, self.tr("Custom field…"))
        for index in range(self.op.count()):
            self.op.setItemText(index, QCoreApplication.translate("criteria",
                                                                  OPS[self.op.itemData(index)]))  # fmt: skip
        self._show_parts()

    def set_fields(self, fields: list[FieldInfo]) -> None:
        """Offer these fields (the one chosen stays chosen while it is among them)."""
        current = self.field.currentData()
        self._fields = {f.key: f for f in fields}
        self.field.blockSignals(True)
        self.field.clear()
        self.field.addItem(self.tr("Custom field…"), None)
        for field in fields:
            self.field.addItem(field.label, field.key)
        choose(self.field, current)
        self.field.blockSignals(False)
        self._field_chosen(keep=True, announce=False)

    def chosen(self) -> FieldInfo | None:
        return self._fields.get(self.field.currentData())

    def _field_chosen(self, _index: int = 0, *, keep: bool = False, announce: bool = True) -> None:
        field, op = self.chosen(), self.op.currentData()
        ops = ["=", "empty"] if field is None or field.kind not in COMPARED else list(OPS)
        self.op.blockSignals(True)
        self.op.clear()
        for code in ops:
            self.op.addItem(QCoreApplication.translate("criteria", OPS[code]), code)
        if not (keep and choose(self.op, op)):
            self.op.setCurrentIndex(0)
        self.op.blockSignals(False)
        self.choice.blockSignals(True)
        self.choice.clear()
        if field is not None and field.kind == "choice":
            for text in field.choices:
                self.choice.addItem(text, text)
        self.choice.blockSignals(False)
        self._show_parts()
        if announce:
            self.changed.emit()

    def _op_chosen(self) -> None:
        self._show_parts()
        self.changed.emit()

    def _show_parts(self) -> None:
        field, op = self.chosen(), self.op.currentData()
        self.op.setVisible(field is not None)
        choice = field is not None and field.kind == "choice" and op == "="
        self.choice.setVisible(choice)
        self.value.setVisible(field is not None and not choice and op != "empty")
        self.until.setVisible(field is not None and op == "between")
        hint = self.tr("YYYY-MM-DD") if field is not None and field.kind == "date" else ""
        self.value.setPlaceholderText(hint or self.tr("value"))
        self.until.setPlaceholderText(hint or self.tr("to"))

    def criterion(self) -> Criterion | None:
        """The condition shown, or None (no field chosen, or nothing typed yet)."""
        field, op = self.chosen(), self.op.currentData()
        if field is None or op is None:
            return None
        name = CUSTOM_PREFIX + field.key
        if op == "empty":
            return Criterion(name, "empty", "")
        if field.kind == "choice" and op == "=":
            text = self.choice.currentData()
            return Criterion(name, "=", text) if text else None
        low, high = self.value.text().strip(), self.until.text().strip()
        if op == "between":
            return Criterion(name, "between", (low, high)) if low and high else None
        return Criterion(name, op, low) if low else None

    def set_criterion(self, criterion: Criterion) -> bool:
        """Show ``criterion`` (a saved segment's); False if it cannot be shown here."""
        key = criterion.field.removeprefix(CUSTOM_PREFIX)
        if key not in self._fields or criterion.op not in OPS:
            return False
        field = self._fields[key]
        choose(self.field, key)
        if not choose(self.op, criterion.op):
            return False
        values = criterion.values
        if field.kind == "choice" and criterion.op == "=":
            if not choose(self.choice, values[0]):
                return False
        elif criterion.op != "empty":
            self.value.setText(values[0])
            self.until.setText(values[1] if criterion.op == "between" else "")
        return self.criterion() == criterion

    def clear(self) -> None:
        """No field chosen (without announcing it)."""
        for widget in (self.field, self.op, self.choice, self.value, self.until):
            widget.blockSignals(True)
        self.value.clear()
        self.until.clear()
        self.field.setCurrentIndex(0)
        for widget in (self.field, self.op, self.choice, self.value, self.until):
            widget.blockSignals(False)
        self._field_chosen(announce=False)
