"""Create or edit a saved segment: its name, conditions and search text, with a live count.

Each condition is a row: the field, then what it must be.  Fields with choices
(tier, stage, gender, tags, owners, cities ...) take one or more ticked values
(any of them); numbers take "at least" or "at most" and a number (money in yuan).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from camdesk.errors import CamdeskError
from camdesk.services.core.changes import Written
from camdesk.services.customers.choices import PROVINCE_CITIES
from camdesk.services.lists.criteria import CUSTOM_PREFIX, FIELDS, Criterion
from camdesk.services.lists.rows import NO_OWNER, ListQuery
from camdesk.views.background import TaskState, run_read, run_write
from camdesk.views.combo import choose
from camdesk.views.customers.field_filter import FieldFilter
from camdesk.views.errors import ERROR_STYLE
from camdesk.views.i18n import error_text

if TYPE_CHECKING:
    from camdesk.services.customers.custom_fields import FieldInfo
    from camdesk.services.lists.segments import SegmentInfo
    from camdesk.views.customers.filters import Choices

MOST = 2_000_000_000


class ConditionRow(QWidget):
    """One condition: field, then ticked choices or at least / at most a number."""

    def __init__(self, lookups: dict[str, list[tuple[str, str]]], custom: list[FieldInfo],
                 changed: Callable[[], None], parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._lookups, self._changed = lookups, changed
        self._custom = {CUSTOM_PREFIX + f.key: f for f in custom}
        self._kept: Criterion | None = None  # a saved condition this row cannot show
        self.field = QComboBox(self)
        for key, spec in FIELDS.items():
            self.field.addItem(QCoreApplication.translate("criteria", spec.label), key)
        for key, info in self._custom.items():
            self.field.addItem(info.label, key)
        self.compared = FieldFilter(self)  # a custom field: how to compare, its value(s)
        self.compared.field.hide()
        self.compared.changed.connect(self._touched)
        self.choices = QListWidget(self)
        self.op = QComboBox(self)
        self.op.addItem(self.tr("at least"), ">=")
        self.op.addItem(self.tr("at most"), "<=")
        self.number = QSpinBox(self)
        self.number.setRange(0, MOST)
        self.number.setGroupSeparatorShown(True)
        self.text = QLineEdit(self)
        self.remove = QPushButton(self.tr("Remove"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.field, self.choices, self.op, self.number, self.text, self.compared):
            layout.addWidget(widget, 1 if widget is self.choices else 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)
        self.field.currentIndexChanged.connect(self._on_field)
        self.choices.itemChanged.connect(lambda _i: changed())
        self.op.currentIndexChanged.connect(lambda _i: changed())
        self.number.valueChanged.connect(lambda _v: changed())
        self.text.textChanged.connect(lambda _t: changed())
        self._on_field()

    def _kind(self) -> str:
        key = self.field.currentData()
        return FIELDS[key].kind if key in FIELDS else "custom"

    def _touched(self) -> None:
        self._kept = None
        self._changed()

    def _on_field(self) -> None:
        key, kind = self.field.currentData(), self._kind()
        self._kept = None
        custom = self._custom.get(key)
        self.compared.set_fields([custom] if custom else [])
        if custom is not None:
            choose(self.compared.field, custom.key)
        self.compared.setVisible(custom is not None)
        self.choices.blockSignals(True)
        self.choices.clear()
        if kind == "choice":
            items = [(QCoreApplication.translate(ctx, label), code)
                     for code, (ctx, label) in FIELDS[key].choices]  # fmt: skip
        else:
            items = [(text, code) for text, code in self._lookups.get(key, [])]
        for text, code in items:
            item = QListWidgetItem(text, self.choices)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.choices.blockSignals(False)
        shown_rows = min(max(self.choices.count(), 1), 6)
        self.choices.setFixedHeight(shown_rows * max(self.choices.sizeHintForRow(0), 16)
                                    + 2 * self.choices.frameWidth() + 4)  # fmt: skip
        chosen = kind in ("choice", "lookup")
        self.choices.setVisible(chosen)
        self.op.setVisible(kind not in ("choice", "lookup", "text", "custom"))
        self.number.setVisible(self.op.isVisibleTo(self))
        self.text.setVisible(kind == "text")
        suffix = {"money": "", "days": self.tr(" days"), "years": self.tr(" years")}.get(kind, "")
        self.number.setPrefix("¥" if kind == "money" else "")
        self.number.setSuffix(suffix)
        self._changed()

    def set_criterion(self, criterion: Criterion) -> None:
        choose(self.field, criterion.field)
        if self._kind() == "custom":
            shown = self.compared.set_criterion(criterion)
            self._kept = None if shown else criterion  # kept as saved, never altered
        elif criterion.op in (">=", "<="):
            choose(self.op, criterion.op)
            value = criterion.number
            self.number.setValue(value // 100 if self._kind() == "money" else value)
        elif self._kind() == "text":
            self.text.setText(criterion.values[0])
        else:
            wanted = set(criterion.values)
            for n in range(self.choices.count()):
                item = self.choices.item(n)
                if item.data(Qt.ItemDataRole.UserRole) in wanted:
                    item.setCheckState(Qt.CheckState.Checked)

    def criterion(self) -> Criterion | None:
        """The condition entered (None while it says nothing yet)."""
        key, kind = self.field.currentData(), self._kind()
        if kind == "custom":
            return self._kept or self.compared.criterion()
        if kind == "text":
            value = self.text.text().strip()
            return Criterion(key, "=", value) if value else None
        if kind in ("choice", "lookup"):
            ticked = tuple(
                str(self.choices.item(n).data(Qt.ItemDataRole.UserRole))
                for n in range(self.choices.count())
                if self.choices.item(n).checkState() == Qt.CheckState.Checked
            )
            if not ticked:
                return None
            return (
                Criterion(key, "=", ticked[0]) if len(ticked) == 1 else Criterion(key, "in", ticked)
            )
        amount = self.number.value() * (100 if kind == "money" else 1)
        return Criterion(key, self.op.currentData(), amount)


class SegmentDialog(QDialog):
    """Name, conditions and search of a segment, with how many customers it holds now."""

    def __init__(self, *, count: Callable[[ListQuery], int], save: Callable[..., Written[SegmentInfo]],
                 choices: Choices | None, segment: SegmentInfo | None = None,
                 criteria: Sequence[Criterion] = (), search: str = "",
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("segmentDialog")
        self._count, self._save, self._segment = count, save, segment
        self.saved: SegmentInfo | None = None
        self.matched: int | None = None  # customers meeting the conditions as entered
        lookups: dict[str, list[tuple[str, str]]] = {
            "province": [(p, p) for p in PROVINCE_CITIES],
            "city": [(c, c) for c in choices.cities] if choices else [],
            "tag": [(t, t) for t in choices.tags] if choices else [],
            "owner": [(self.tr("Unassigned"), str(NO_OWNER))]
            + ([(u.display_name, str(u.id)) for u in choices.owners] if choices else []),
        }
        self._lookups, self._custom = lookups, list(choices.fields) if choices else []
        self.name = QLineEdit(segment.name if segment else "", self)
        self.name.setObjectName("segmentName")
        self.search = QLineEdit(segment.search if segment else search, self)
        self.notes = QLineEdit((segment.notes or "") if segment else "", self)
        self.rows_box = QVBoxLayout()
        self.rows: list[ConditionRow] = []
        self.add_button = QPushButton(self.tr("Add condition"), self)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.matches = QLabel(self)
        self.matches.setObjectName("segmentCount")
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Search text"), self.search)
        form.addRow(self.tr("Notes"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Customers who meet all of these conditions:"), self))
        layout.addLayout(self.rows_box)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        layout.addWidget(self.matches)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Edit segment") if segment else self.tr("New segment"))
        self._recount = QTimer(self, singleShot=True, interval=300)
        self._recount.timeout.connect(self._count_now)
        self.search.textChanged.connect(self._recount.start)
        for criterion in segment.criteria if segment else criteria:
            self.add_row().set_criterion(criterion)
        if not self.rows:
            self.add_row()
        self.resize(760, 520)
        self._count_now()

    def add_row(self) -> ConditionRow:
        row = ConditionRow(self._lookups, self._custom, self._on_changed, self)
        row.remove.clicked.connect(lambda: self._remove(row))
        self.rows.append(row)
        self.rows_box.addWidget(row)
        return row

    def _remove(self, row: ConditionRow) -> None:
        self.rows.remove(row)
        row.deleteLater()
        self._on_changed()

    def _on_changed(self) -> None:
        if hasattr(self, "_recount"):
            self._recount.start()

    def criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for c in (row.criterion() for row in self.rows) if c is not None)

    def query(self) -> ListQuery:
        return ListQuery(search=self.search.text().strip(), criteria=self.criteria())

    def _count_now(self) -> None:
        query, count = self.query(), self._count

        def shown(total: int) -> None:
            self.matched = total
            self.matches.setText(self.tr("%n customer(s) match now.", "", total))

        run_read(lambda _s: count(query), self, shown, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(error_text(exc) if isinstance(exc, CamdeskError) else str(exc))

    def save(self) -> None:
        name, criteria, search = self.name.text(), self.criteria(), self.search.text()
        notes = self.notes.text().strip() or None
        ident = self._segment.id if self._segment else None
        save = self._save

        def work(_state: TaskState) -> Written[SegmentInfo]:
            return save(name, criteria, search=search, notes=notes, segment_id=ident)

        def done(saved: Written[SegmentInfo]) -> None:
            self.saved = saved.value
            self.accept()

        self.buttons.setEnabled(False)
        run_write(work, self, done, self._failed)
