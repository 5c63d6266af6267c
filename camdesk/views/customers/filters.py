"""The customer list's filter bar: search, the filter boxes, value filters, criteria.

Its two rows describe a :class:`~camdesk.services.lists.rows.ListQuery`: the search
text, type, tag, owner, city, a custom field's value, then value tier, lifecycle
stage, RFM segment and a range of predicted value.  Criteria the boxes cannot show
(from a click on the value screen or a saved segment) are listed beside them in
words with a Clear button.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from camdesk.services.lists.criteria import FIELDS, Criterion
from camdesk.services.lists.rows import NO_OWNER, ListQuery
from camdesk.views.combo import choose, index_of
from camdesk.views.criteria_text import describe
from camdesk.views.customers.field_filter import FieldFilter
from camdesk.views.flow import FlowLayout

if TYPE_CHECKING:
    from camdesk.services.core.users import UserInfo
    from camdesk.services.customers.custom_fields import FieldInfo


@dataclass(frozen=True)
class Choices:
    """What the filter boxes offer, loaded in the background."""

    tags: list[str]
    cities: list[str]
    owners: list[UserInfo]
    fields: list[FieldInfo]
    colors: dict[str, str] = field(default_factory=dict)  # tag colours, by tag name


class FilterBar(QWidget):
    """Search box and filters over the customer list.

    Signals:
        changed(): the query they describe changed (typing is debounced).

    Attributes:
        count_label: where the page shows how many customers match.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices: Choices | None = None
        self._extra: tuple[Criterion, ...] = ()  # from a click on the value screen, a segment
        self._typing = QTimer(self, singleShot=True, interval=150)
        self._typing.timeout.connect(self.changed)
        self._build()
        self.retranslate()

    @property
    def choices(self) -> Choices | None:
        """Tags, cities, owners and custom fields in use (None until loaded)."""
        return self._choices

    @property
    def fields(self) -> list[FieldInfo]:
        return self._choices.fields if self._choices else []

    def _build(self) -> None:
        self.search = QLineEdit(self, clearButtonEnabled=True)
        self.search.setObjectName("customerSearch")
        self.search.setMinimumWidth(self.fontMetrics().averageCharWidth() * 16)  # beside a file
        self.search.textChanged.connect(self._typing.start)
        self.kind_filter, self.tag_filter = QComboBox(self), QComboBox(self)
        self.owner_filter, self.city_filter = QComboBox(self), QComboBox(self)
        self.field_filter = FieldFilter(self)
        self.field_filter.changed.connect(self.changed)
        self.value_filters: dict[str, QComboBox] = {}
        for key in ("tier", "stage", "segment"):
            box = QComboBox(self)
            box.setObjectName(f"{key}Filter")
            self.value_filters[key] = box
        for box in (
            self.kind_filter,
            self.tag_filter,
            self.owner_filter,
            self.city_filter,
        ):  # narrow too: the list shares the screen with a file
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(6)
        for box in (self.kind_filter, self.tag_filter, self.owner_filter, self.city_filter,
                    *self.value_filters.values()):  # fmt: skip
            box.currentIndexChanged.connect(self.changed)
        for box in (self.kind_filter, *self.value_filters.values()):  # their words, whole
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.clv_label = QLabel(self)
        self.clv_min, self.clv_max = QSpinBox(self), QSpinBox(self)
        for name, spin in (("clvMin", self.clv_min), ("clvMax", self.clv_max)):
            spin.setObjectName(name)
            spin.setRange(0, 2_000_000_000)
            spin.setSingleStep(1000)
            spin.setPrefix("¥")
            spin.setGroupSeparatorShown(True)
            spin.setMaximumWidth(self.fontMetrics().horizontalAdvance("¥2,000,000,000") + 30)
            spin.setMinimumWidth(self.fontMetrics().horizontalAdvance("¥000,000") + 30)
            spin.valueChanged.connect(self._typing.start)
        self.extra_label = QLabel(self)
        self.extra_label.setObjectName("extraCriteria")
        # Long conditions must not widen the window: the label is cut, its tooltip says all.
        self.extra_label.setMaximumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.extra_clear = QPushButton(self)
        self.extra_clear.clicked.connect(lambda: self.show_criteria(self._boxed(), keep=True))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("matchCount")

        first = QHBoxLayout()
        first.addWidget(self.search, 1)
        first.addWidget(self.count_label)
        flow = FlowLayout()  # the boxes wrap beside an open file instead of clipping
        for widget in (self.kind_filter, self.tag_filter, self.owner_filter, self.city_filter):
            flow.addWidget(widget)
        flow.addWidget(self.field_filter)
        for widget in self.value_filters.values():
            flow.addWidget(widget)
        flow.addWidget(self._group(self.clv_label, self.clv_min, self.clv_max))
        self.extra_box = self._group(self.extra_label, self.extra_clear)
        flow.addWidget(self.extra_box)
        tools = QWidget(self)
        self.tools = QHBoxLayout(tools)  # the page adds its segment and bulk-action buttons here
        self.tools.setContentsMargins(0, 0, 0, 0)
        flow.addWidget(tools)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(first)
        layout.addLayout(flow)

    def _group(self, *widgets: QWidget) -> QWidget:
        """Widgets that stay side by side when the bar wraps."""
        group = QWidget(self)
        row = QHBoxLayout(group)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            row.addWidget(widget)
        return group

    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Search name, pinyin, initials, phone, email, company or code")
        )
        self.field_filter.retranslate()
        self.clv_label.setText(self.tr("Predicted value"))
        self.clv_min.setSpecialValueText(self.tr("from any"))
        self.clv_max.setSpecialValueText(self.tr("to any"))
        self.extra_clear.setText(self.tr("Clear"))
        self._show_extra()
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_choices(self, choices: Choices) -> None:
        self._choices = choices
        self._fill()
        self._show_extra()

    def _fill(self) -> None:
        choices = self._choices
        fields = self.fields

        def fill(box: QComboBox, everything: str, items: list[tuple[str, Any]]) -> None:
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, None)
            for text, data in items:
                box.addItem(text, data)
            found = index_of(box, current)
            box.setCurrentIndex(max(found, 0))
            box.blockSignals(False)

        fill(
            self.kind_filter,
            self.tr("All types"),
            [(self.tr("People"), "person"), (self.tr("Companies"), "company")],
        )
        fill(
            self.tag_filter, self.tr("All tags"), [(t, t) for t in choices.tags] if choices else []
        )
        fill(
            self.owner_filter,
            self.tr("All owners"),
            [(self.tr("Unassigned"), NO_OWNER)]
            + ([(u.display_name, u.id) for u in choices.owners] if choices else []),
        )
        fill(
            self.city_filter,
            self.tr("All cities"),
            [(c, c) for c in choices.cities] if choices else [],
        )
        self.field_filter.set_fields(fields)
        everything = {"tier": self.tr("All tiers"), "stage": self.tr("All stages"),
                      "segment": self.tr("All RFM segments")}  # fmt: skip
        for key, box in self.value_filters.items():
            fill(box, everything[key], [(QCoreApplication.translate(context, label), code)
                                        for code, (context, label) in FIELDS[key].choices])  # fmt: skip
        self.field_filter.setVisible(bool(fields))

    def query(self, base: ListQuery) -> ListQuery:
        """``base`` (its order and columns) with the search and filters shown here."""
        field = self.field_filter.criterion()
        return replace(
            base,
            search=self.search.text(),
            kind=self.kind_filter.currentData(),
            tag=self.tag_filter.currentData(),
            owner_id=self.owner_filter.currentData(),
            city=self.city_filter.currentData(),
            criteria=self._boxed() + ((field,) if field else ()) + self._extra,
        )

    def _boxed(self) -> tuple[Criterion, ...]:
        """The criteria the value filters describe."""
        found = [Criterion(key, "=", box.currentData())
                 for key, box in self.value_filters.items() if box.currentData()]  # fmt: skip
        if self.clv_min.value():
            found.append(Criterion("clv", ">=", self.clv_min.value() * 100))
        if self.clv_max.value():
            found.append(Criterion("clv", "<=", self.clv_max.value() * 100))
        return tuple(found)

    def show_criteria(self, criteria: tuple[Criterion, ...], *, keep: bool = False,
                      search: str = "") -> None:  # fmt: skip
        """List the customers meeting ``criteria`` (and ``search``).

        The search and the other filters are cleared unless ``keep``; criteria the
        filter boxes can show set them, the rest are listed beside them with Clear.
        """
        widgets = [*self.value_filters.values(), self.clv_min, self.clv_max]
        if not keep:
            widgets += [self.search, self.kind_filter, self.tag_filter, self.owner_filter,
                        self.city_filter]  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        if not keep:
            self.search.setText(search)
            self.field_filter.clear()
            for box in (self.kind_filter, self.tag_filter, self.owner_filter, self.city_filter):
                box.setCurrentIndex(0)
        for box in self.value_filters.values():
            box.setCurrentIndex(0)
        self.clv_min.setValue(0)
        self.clv_max.setValue(0)
        extra = []
        for criterion in criteria:
            found = self.value_filters.get(criterion.field)
            if found is not None and criterion.op == "=" and found.currentIndex() == 0:
                choose(found, criterion.value)
            elif criterion.field == "clv" and self._clv_fits(criterion):
                spin = self.clv_min if criterion.op == ">=" else self.clv_max
                spin.setValue(criterion.number // 100)
            else:
                extra.append(criterion)
        for widget in widgets:
            widget.blockSignals(False)
        self._extra = tuple(extra)
        self._show_extra()
        self._typing.stop()
        self.changed.emit()

    def _clv_fits(self, criterion: Criterion) -> bool:
        spin = self.clv_min if criterion.op == ">=" else self.clv_max
        value = criterion.number
        return spin.value() == 0 and value > 0 and value % 100 == 0

    def _show_extra(self) -> None:
        names = {str(u.id): u.display_name for u in self._choices.owners} if self._choices else {}
        names[str(NO_OWNER)] = self.tr("Unassigned")
        custom = {f.key: f.label for f in self.fields}
        text = "; ".join(describe(c, names, custom) for c in self._extra)
        self.extra_label.setText(self.tr("Also: %1").replace("%1", text) if text else "")
        self.extra_label.setToolTip(self.extra_label.text())
        self.extra_box.setVisible(bool(text))

    def is_filtered(self) -> bool:
        """Whether anything narrows the list."""
        return self.query(ListQuery()) != ListQuery()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
