"""The fields of a customer file: the details form and the custom fields, each with the
line under it that says what is wrong with it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from camdesk.services.core import users
from camdesk.services.core import validation as checks
from camdesk.services.core.lunar_days import lunar_text
from camdesk.services.customers import custom_fields
from camdesk.services.customers.choices import COMPANY_SIZES, PROVINCE_CITIES, SOURCES
from camdesk.services.customers.files import CustomerRecord
from camdesk.views.combo import choose
from camdesk.views.customers.chips import chips_html
from camdesk.views.customers.file_data import lunar_shown
from camdesk.views.customers.labels import VALUE_LABELS, field_label
from camdesk.views.customers.labels import tr as tr_field
from camdesk.views.dates import DateField
from camdesk.views.errors import ERROR_STYLE
from camdesk.views.i18n import problem_text

PERSON_ONLY = ("gender", "birthday", "lunar_birthday", "company_name")
COMPANY_ONLY = ("industry", "company_size")


class DetailsForm(QWidget):
    """The details of one customer (the custom fields go on a page of their own).

    Signals:
        edited(): a field changed (by the user or by filling it).
        kind_changed(bool): person or company chosen (True: a company).

    Attributes:
        inputs: the field widgets by field name (custom fields as "custom:<key>").
        errors: the message label under each field.
    """

    edited = Signal()
    kind_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._labels: dict[str, QLabel] = {}
        self._custom_keys: list[str] = []
        form = QFormLayout(self)
        self.kind = QComboBox()
        self.kind.addItem("", "person")
        self.kind.addItem("", "company")
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.add_field(form, "kind", self.kind)
        for name in ("name", "code"):
            self.add_field(form, name, QLineEdit())
        self.gender = QComboBox()
        for value in (None, "female", "male", "other"):
            self.gender.addItem("", value)
        self.add_field(form, "gender", self.gender)
        self.birthday = DateField(latest=date.today(), usual_age_years=35)
        self.birthday.edit.editingFinished.connect(self.check_birthday)
        self.add_field(form, "birthday", self.birthday)
        self.lunar_birthday = QLineEdit()
        self.lunar_birthday.setMaxLength(12)
        self.add_field(form, "lunar_birthday", self.lunar_birthday)
        self.lunar_from_birthday = QPushButton()
        self.lunar_from_birthday.setObjectName("lunarFromBirthday")
        self.lunar_from_birthday.clicked.connect(self._lunar_from_birthday)
        self._beside(self.lunar_birthday, self.lunar_from_birthday)
        for name in ("company_name", "industry"):
            self.add_field(form, name, QLineEdit())
        self.company_size = QComboBox(editable=True)
        self.company_size.addItems(["", *COMPANY_SIZES])
        self.add_field(form, "company_size", self.company_size)
        for name in ("mobile", "phone", "email"):
            edit = QLineEdit()
            edit.editingFinished.connect(lambda n=name: self._check_contact_field(n))
            self.add_field(form, name, edit)
        self.province = QComboBox(editable=True)
        self.province.addItems(["", *PROVINCE_CITIES])
        self.province.currentTextChanged.connect(self._on_province_changed)
        self.add_field(form, "province", self.province)
        self.city = QComboBox(editable=True)
        self.add_field(form, "city", self.city)
        self.add_field(form, "address", QLineEdit())
        self.source = QComboBox(editable=True)
        self.source.addItems(["", *SOURCES])
        self.add_field(form, "source", self.source)
        self.owner = QComboBox()
        self.add_field(form, "owner_id", self.owner)
        self.tags = QLineEdit()
        self.add_field(form, "tags", self.tags)
        self.tag_chips = QLabel()  # the tags typed, on their colours
        self.tag_chips.setObjectName("tagChips")
        self.tag_chips.setTextFormat(Qt.TextFormat.RichText)
        self._tag_colors: dict[str, str] = {}
        self.tags.textChanged.connect(self._show_chips)
        form.addRow("", self.tag_chips)
        preferences = QPlainTextEdit()  # notes are dated entries of the contact log
        preferences.setTabChangesFocus(True)
        preferences.setFixedHeight(self.fontMetrics().height() * 4)
        self.add_field(form, "preferences", preferences)
        self._on_kind_changed()

    # -- building ------------------------------------------------------------------

    def add_field(self, form: QFormLayout, name: str, widget: QWidget) -> None:
        """Put ``widget`` on ``form`` as the field ``name``, with its label and error line."""
        widget.setObjectName(f"field_{name}")
        self._watch(widget)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(widget)
        box.addWidget(error)
        label = QLabel()
        label.setBuddy(widget)
        form.addRow(label, holder)
        self.inputs[name], self.errors[name], self._labels[name] = widget, error, label

    def _beside(self, field: QWidget, button: QWidget) -> None:
        """Put ``button`` on the right of ``field``, above the field's error line."""
        holder = field.parentWidget()
        box = holder.layout() if holder is not None else None
        assert isinstance(box, QVBoxLayout)
        box.removeWidget(field)
        row = QHBoxLayout()
        row.addWidget(field, 1)
        row.addWidget(button)
        box.insertLayout(0, row)

    def _watch(self, widget: QWidget) -> None:
        if isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self.edited)
            if widget.isEditable():
                widget.editTextChanged.connect(self.edited)
        elif isinstance(widget, QPlainTextEdit | QLineEdit):
            widget.textChanged.connect(self.edited)
        elif isinstance(widget, DateField):
            widget.edit.textChanged.connect(self.edited)

    def label_for(self, name: str) -> QLabel:
        """The label shown before field ``name`` ("custom:<key>" for a custom field)."""
        return self._labels[name]

    def add_custom_fields(
        self, form: QFormLayout, fields: Iterable[custom_fields.FieldInfo]
    ) -> None:
        """Put the custom fields not shown yet on ``form`` (a file read again keeps its own)."""
        for field in fields:
            name = f"custom:{field.key}"
            if name in self.inputs:
                continue
            widget: QWidget
            if field.kind == "choice":
                combo = QComboBox()
                combo.addItems(["", *field.choices])
                widget = combo
            else:
                widget = QLineEdit()
                if field.kind == "date":
                    widget.setPlaceholderText(self.tr("YYYY-MM-DD"))
            self.add_field(form, name, widget)
            self._labels[name].setText(f"{field.label} *" if field.required else field.label)
            if field.required:
                self._labels[name].setToolTip(self.tr("Required: fill it in to save the file"))
            self._custom_keys.append(field.key)

    def _show_chips(self) -> None:
        names = checks.split_tags(self.tags.text())
        self.tag_chips.setText(chips_html(names, self._tag_colors))
        self.tag_chips.setVisible(bool(names))

    def set_choices(self, owners: list[users.UserInfo], tags: list[str],
                    colors: dict[str, str] | None = None) -> None:  # fmt: skip
        self._tag_colors = dict(colors or {})
        self._show_chips()
        self.owner.clear()
        self.owner.addItem(self.tr("(nobody)"), None)
        for user in owners:
            self.owner.addItem(user.display_name, user.id)
        completer = QCompleter(tags, self.tags)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(completer)

    def retranslate(self) -> None:
        for name, label in self._labels.items():
            if not name.startswith("custom:"):
                label.setText(field_label(name))
        for index in range(self.kind.count()):
            self.kind.setItemText(index, tr_field(VALUE_LABELS[self.kind.itemData(index)]))
        for index in range(self.gender.count()):
            value = self.gender.itemData(index)
            self.gender.setItemText(index, tr_field(VALUE_LABELS[value]) if value else "—")
        self.lunar_birthday.setPlaceholderText(
            self.tr("e.g. 八月十五 or 闰六月初三: care on the lunar birthday")
        )
        self.lunar_from_birthday.setText(self.tr("From the birthday"))
        self.lunar_from_birthday.setToolTip(self.tr("The lunar day the birthday above fell on"))
        self.tags.setPlaceholderText(self.tr("Separated by commas or 、, e.g. VIP、老客户"))
        self.inputs["mobile"].setPlaceholderText(self.tr("e.g. 138 1234 5678"))  # type: ignore[attr-defined]
        self.inputs["email"].setPlaceholderText("name@example.com")  # type: ignore[attr-defined]
        if self.owner.count():
            self.owner.setItemText(0, self.tr("(nobody)"))

    # -- showing and reading -------------------------------------------------------

    def fill(self, record: CustomerRecord) -> None:
        """Show a saved record's fields."""
        choose(self.kind, record.kind)
        for name in ("name", "code", "company_name", "industry", "address"):
            self.inputs[name].setText(getattr(record, name) or "")  # type: ignore[attr-defined]
        for name in ("mobile", "phone"):
            self.inputs[name].setText(checks.display_phone(getattr(record, name)))  # type: ignore[attr-defined]
        self.inputs["email"].setText(record.email or "")  # type: ignore[attr-defined]
        choose(self.gender, record.gender)
        self.birthday.set_value(record.birthday)
        self.lunar_birthday.setText(lunar_shown(record.lunar_birthday))
        self.company_size.setCurrentText(record.company_size or "")
        self.province.setCurrentText(record.province or "")
        self.city.setCurrentText(record.city or "")
        self.source.setCurrentText(record.source or "")
        choose(self.owner, record.owner_id)
        self.tags.setText(", ".join(record.tags))
        self.inputs["preferences"].setPlainText(record.preferences or "")  # type: ignore[attr-defined]
        for key, value in record.custom.items():
            widget = self.inputs.get(f"custom:{key}")
            if isinstance(widget, QComboBox):
                widget.setCurrentText(str(value))
            elif isinstance(widget, QLineEdit):
                widget.setText("" if value is None else str(value))

    def fill_empty(self) -> None:
        """Show empty fields (a new file before its first save)."""
        choose(self.kind, "person")
        for widget in self.inputs.values():
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(0)
                if widget.isEditable():
                    widget.setCurrentText("")
            elif isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.clear()
        self.birthday.set_value(None)

    def text(self, name: str) -> str | None:
        """What the field ``name`` holds, its ends trimmed (None if nothing)."""
        widget = self.inputs[name]
        if isinstance(widget, QComboBox):
            text = widget.currentText()
        elif isinstance(widget, QPlainTextEdit):
            text = widget.toPlainText()
        else:
            text = widget.text()  # type: ignore[attr-defined]
        return text.strip() or None

    def values(self) -> dict[str, Any]:
        """The fields as the customer service takes them (CustomerData's arguments)."""
        person = self.kind.currentData() == "person"
        plain = ("name", "code", "lunar_birthday", "mobile", "phone", "email", "province",
                 "city", "address", "source", "company_name", "industry", "company_size",
                 "preferences")  # fmt: skip
        return {
            **{name: self.text(name) for name in plain},
            "name": self.text("name") or "",
            "kind": self.kind.currentData(),
            "gender": self.gender.currentData() if person else None,
            "birthday": self.birthday.value(),
            "owner_id": self.owner.currentData(),
            "tags": checks.split_tags(self.tags.text()),
            "custom": {key: self.text(f"custom:{key}") for key in self._custom_keys},
        }

    # -- reactions -----------------------------------------------------------------

    def _on_kind_changed(self) -> None:
        company = self.kind.currentData() == "company"
        for name in (*PERSON_ONLY, *COMPANY_ONLY):
            visible = company == (name in COMPANY_ONLY)
            self._labels[name].setVisible(visible)
            holder = self.inputs[name].parentWidget()
            if holder is not None:
                holder.setVisible(visible)
        self.kind_changed.emit(company)

    def _lunar_from_birthday(self) -> None:
        """Fill the lunar birthday with the lunar day of the (Gregorian) birthday."""
        from camdesk.services.followups.chinese_dates import lunar_of

        born = self.birthday.value()
        if born is not None:
            self.lunar_birthday.setText(lunar_text(lunar_of(born)))

    def _on_province_changed(self, province: str) -> None:
        current = self.city.currentText()
        self.city.clear()
        self.city.addItems(["", *PROVINCE_CITIES.get(province, ())])
        self.city.setCurrentText(current)

    def check_birthday(self) -> bool:
        """Show whether the birthday typed is a date; True if it is (or is empty)."""
        readable = self.birthday.is_readable()
        self.show_problem("birthday", None if readable else self.tr(
            "“%1” is not a date: type it as 1988-03-15, 19880315 or 1988/3/15."
        ).replace("%1", self.birthday.edit.text().strip()))  # fmt: skip
        if readable:
            self.birthday.tidy()
        return readable

    def _check_contact_field(self, name: str) -> None:
        text = self.text(name)
        checker = checks.Checker()
        if name == "email":
            checker.email(name, text)
        else:
            checker.phone(name, text)
        self.show_problem(name, problem_text(checker.problems[0]) if checker.problems else None)

    def show_problem(self, name: str, text: str | None) -> None:
        """Say under the field ``name`` what is wrong (None: nothing)."""
        label = self.errors.get(name)
        if label is None:
            return
        label.setText(text or "")
        label.setVisible(bool(text))

    def clear_problems(self) -> None:
        for name in self.errors:
            self.show_problem(name, None)
