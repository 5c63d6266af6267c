"""The inputs of the value rules: stage thresholds, ABC shares, horizon, tier rules, policies.

:meth:`RulesForm.rules` reads them as :class:`ValueRules`; :meth:`RulesForm.show_rules`
fills them.  ``changed`` fires on any edit.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from camdesk.services.value.lifecycle import StageRules
from camdesk.services.value.settings import ValueRules
from camdesk.services.value.tiers import DEFAULT_PERKS, MEASURES, Condition, Policy, Tier, TierRules
from camdesk.views.combo import choose
from camdesk.views.value.panels import read_only_table
from camdesk.views.value_names import value_name

OPS = (">=", "<=", "=")


def _spin(low: int, high: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    return spin


class ConditionTable(QWidget):
    """The conditions of one tier (any one suffices), editable row by row."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table: QTableWidget = read_only_table(self, name)
        self.table.setColumnCount(3)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(2, 64)
        self.add_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.add_button.clicked.connect(lambda: self.add(Condition("rfm", ">=", 10)))
        self.remove_button.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.table.setMinimumHeight(90)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Measure"), self.tr("Is"), self.tr("Value")])
        self.add_button.setText(self.tr("Add condition"))
        self.remove_button.setText(self.tr("Remove condition"))
        for row in range(self.table.rowCount()):
            box = self.table.cellWidget(row, 0)
            assert isinstance(box, QComboBox)
            for index in range(box.count()):
                box.setItemText(
                    index, QCoreApplication.translate("tier", MEASURES[box.itemData(index)])
                )

    def add(self, condition: Condition) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        measure = QComboBox()
        for key, label in MEASURES.items():
            measure.addItem(QCoreApplication.translate("tier", label), key)
        choose(measure, condition.measure)
        op = QComboBox()
        for sign in OPS:
            op.addItem({">=": "≥", "<=": "≤", "=": "="}[sign], sign)
        choose(op, condition.op)
        value = QLineEdit(f"{condition.value:g}" if isinstance(condition.value, float)
                          else str(condition.value))  # fmt: skip
        for widget, column in ((measure, 0), (op, 1), (value, 2)):
            self.table.setCellWidget(row, column, widget)
        measure.currentIndexChanged.connect(self.changed)
        op.currentIndexChanged.connect(self.changed)
        value.textChanged.connect(self.changed)
        self.changed.emit()

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def set_conditions(self, conditions: tuple[Condition, ...]) -> None:
        self.table.setRowCount(0)
        for condition in conditions:
            self.add(condition)

    def conditions(self) -> tuple[Condition, ...]:
        """The conditions entered; raises ValueError naming a row that makes no sense."""
        found = []
        for row in range(self.table.rowCount()):
            measure, op, value = (self.table.cellWidget(row, c) for c in range(3))
            assert isinstance(measure, QComboBox) and isinstance(op, QComboBox)
            assert isinstance(value, QLineEdit)
            key, text = measure.currentData(), value.text().strip().upper()
            if key == "abc":
                found.append(Condition(key, op.currentData(), text))
            else:
                found.append(Condition(key, op.currentData(), float(text.replace(",", ""))))
        return tuple(found)


class RulesForm(QWidget):
    """Every value rule a team can change."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new_days, self.silent_days = _spin(1, 3650), _spin(1, 3650)
        self.churn_days, self.loyal = _spin(1, 3650), _spin(1, 1000)
        self.abc_a, self.abc_b = _spin(1, 99, "%"), _spin(1, 99, "%")
        # A and B share the revenue: B can hold at most what A leaves.
        self.abc_a.valueChanged.connect(lambda a: self.abc_b.setMaximum(100 - a))
        self.horizon = _spin(30, 3650)
        self.points_rate = QDoubleSpinBox()
        self.points_rate.setObjectName("pointsRate")
        self.points_rate.setRange(0, 1000)
        self.points_rate.setDecimals(2)
        self.points_rate.setSingleStep(0.5)
        self.stage_box, self.abc_box, self.tier_box = QGroupBox(), QGroupBox(), QGroupBox()
        self.stage_form, self.abc_form = QFormLayout(self.stage_box), QFormLayout(self.abc_box)
        self.stage_labels = [QLabel() for _ in range(4)]
        self.abc_labels = [QLabel() for _ in range(4)]
        for form, labels, widgets in (
            (self.stage_form, self.stage_labels,
             (self.new_days, self.silent_days, self.churn_days, self.loyal)),
            (self.abc_form, self.abc_labels[:3], (self.abc_a, self.abc_b, self.horizon)),
        ):  # fmt: skip
            for label, widget in zip(labels, widgets, strict=True):
                form.addRow(label, widget)
                widget.valueChanged.connect(self.changed)
        self.abc_form.addRow(self.abc_labels[3], self.points_rate)
        self.points_rate.valueChanged.connect(self.changed)
        self.conditions = {
            Tier.HIGH: ConditionTable("highRules"),
            Tier.MID: ConditionTable("midRules"),
        }
        for table in self.conditions.values():
            table.changed.connect(self.changed)
        self.cadence = {tier: _spin(1, 3650) for tier in Tier}
        self.perks = {tier: QLineEdit() for tier in Tier}
        self.tier_titles = {tier: QLabel() for tier in Tier}
        self.cadence_labels = {tier: QLabel() for tier in Tier}
        grid = QGridLayout(self.tier_box)
        for column, tier in enumerate(Tier):
            grid.addWidget(self.tier_titles[tier], 0, column)
            if tier in self.conditions:
                grid.addWidget(self.conditions[tier], 1, column)
            else:
                self.low_note = QLabel()
                self.low_note.setWordWrap(True)
                grid.addWidget(self.low_note, 1, column)
            line = QHBoxLayout()
            line.addWidget(self.cadence_labels[tier])
            line.addWidget(self.cadence[tier])
            grid.addLayout(line, 2, column)
            grid.addWidget(self.perks[tier], 3, column)
            self.cadence[tier].valueChanged.connect(self.changed)
            self.perks[tier].textChanged.connect(self.changed)
        top = QHBoxLayout()
        top.addWidget(self.stage_box)
        top.addWidget(self.abc_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tier_box)
        self.retranslate()

    def retranslate(self) -> None:
        self.stage_box.setTitle(self.tr("Lifecycle stages"))
        self.abc_box.setTitle(self.tr("ABC classes, predicted value, points"))
        self.points_rate.setSpecialValueText(self.tr("no points"))
        self.tier_box.setTitle(
            self.tr("Value tiers: any one condition puts a customer in the tier")
        )
        days = self.tr(" days")
        for spin in (self.new_days, self.silent_days, self.churn_days, self.horizon,
                     *self.cadence.values()):  # fmt: skip
            spin.setSuffix(days)
        stage_texts = (
            self.tr("New: first order within"),
            self.tr("Silent: no order or contact for over"),
            self.tr("Churned: no order for over"),
            self.tr("Loyal: days with an order, at least"),
        )
        for label, text in zip(self.stage_labels, stage_texts, strict=True):
            label.setText(text)
        abc_texts = (
            self.tr("Class A: share of revenue"),
            self.tr("Class B: the next share"),
            self.tr("Predicted value looks ahead"),
            self.tr("Loyalty points per ¥1 spent"),
        )
        for label, text in zip(self.abc_labels, abc_texts, strict=True):
            label.setText(text)
        for tier in Tier:
            self.tier_titles[tier].setText(f"<b>{value_name('tier', tier)}</b>")
            self.cadence_labels[tier].setText(self.tr("Follow up every"))
            self.perks[tier].setPlaceholderText(self.tr("Perks"))
        self.low_note.setText(self.tr("Everyone the rules for high and mid value do not take."))
        for table in self.conditions.values():
            table.retranslate()

    def show_rules(self, rules: ValueRules) -> None:
        stage = rules.stage
        for spin, value in ((self.new_days, stage.new_days), (self.silent_days, stage.silent_days),
                            (self.churn_days, stage.churn_days), (self.loyal, stage.loyal_purchases),
                            (self.horizon, rules.horizon_days)):  # fmt: skip
            spin.setValue(value)
        self.points_rate.setValue(rules.points_per_yuan)
        self.abc_a.setValue(round(rules.abc_a * 100))
        self.abc_b.setValue(round(rules.abc_b * 100))
        self.conditions[Tier.HIGH].set_conditions(rules.tiers.high)
        self.conditions[Tier.MID].set_conditions(rules.tiers.mid)
        for tier, policy in rules.tiers.policies.items():
            self.cadence[tier].setValue(policy.cadence_days)
            perks = policy.perks
            if perks == DEFAULT_PERKS.get(tier):
                perks = QCoreApplication.translate("tier", perks)
            self.perks[tier].setText(perks)
        self._perks_shown = {tier: self.perks[tier].text() for tier in Tier}
        self._base = rules

    def rules(self) -> ValueRules:
        """The rules entered; raises ValueError for a condition that makes no sense."""
        policies = {}
        for tier in Tier:
            perks = self.perks[tier].text().strip()
            if perks == self._perks_shown.get(tier):  # unchanged: keep it (translated on show)
                perks = self._base.tiers.policies[tier].perks
            policies[tier] = Policy(self.cadence[tier].value(), perks)
        tiers = TierRules(high=self.conditions[Tier.HIGH].conditions(),
                          mid=self.conditions[Tier.MID].conditions(), policies=policies)  # fmt: skip
        return replace(
            self._base,
            stage=StageRules(self.new_days.value(), self.silent_days.value(),
                             self.churn_days.value(), self.loyal.value()),
            tiers=tiers, abc_a=self.abc_a.value() / 100, abc_b=self.abc_b.value() / 100,
            horizon_days=self.horizon.value(), points_per_yuan=self.points_rate.value(),
        )  # fmt: skip
