"""The Value tab of a customer file: tier, stage, RFM, CLV, why, and their history."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from camdesk.services.value.explain import ValueFile
from camdesk.services.value.labels import SEGMENT_HINTS, Segment
from camdesk.services.value.tiers import DEFAULT_PERKS
from camdesk.views.customers.orders_tab import money
from camdesk.views.value.panels import fill_table, read_only_table
from camdesk.views.value_names import value_name, yuan
from camdesk.views.value_text import reason_text

ROWS = ("as_of", "tier", "tier_reason", "policy", "stage", "stage_reason", "rfm", "abc",
        "revenue", "clv", "orders")  # fmt: skip


class ValueTab(QWidget):
    """What the last recompute found for this customer, and why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in ROWS:
            label, value = QLabel(self), QLabel(self)
            value.setObjectName(f"value_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(label, value)
            self.labels[key], self.values[key] = label, value
        self.history_title = QLabel(self)
        self.history = read_only_table(self, "valueHistory")
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addLayout(self.form)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history, 1)
        self._file: ValueFile | None = None
        self.retranslate()

    def retranslate(self) -> None:
        names = {
            "as_of": self.tr("Computed as of"), "tier": self.tr("Value tier"),
            "tier_reason": self.tr("Why this tier"), "policy": self.tr("Service"),
            "stage": self.tr("Lifecycle stage"), "stage_reason": self.tr("Why this stage"),
            "rfm": self.tr("RFM"), "abc": self.tr("ABC class"),
            "revenue": self.tr("Revenue to date"), "clv": self.tr("Predicted value"),
            "orders": self.tr("Orders"),
        }  # fmt: skip
        for key, text in names.items():
            self.labels[key].setText(text)
        self.empty.setText(self.tr(
            "Not valued yet: tier, stage and predicted value appear here after the next "
            "recompute (Customer value screen, Recompute now)."))  # fmt: skip
        self.history_title.setText(self.tr("Changes of tier and stage"))
        self.show_file(self._file)

    def show_file(self, found: ValueFile | None) -> None:
        self._file = found
        self.empty.setVisible(found is None)
        for key in ROWS:
            self.labels[key].setVisible(found is not None)
            self.values[key].setVisible(found is not None)
        self.history.setVisible(found is not None)
        self.history_title.setVisible(found is not None)
        if found is None:
            return
        v = found.measures
        text = {
            "as_of": found.as_of.isoformat(),
            "tier": value_name("tier", v.tier),
            "tier_reason": reason_text("tier", found.tier_reason, found.tier_params),
            "policy": self._policy(found),
            "stage": value_name("stage", v.stage),
            "stage_reason": reason_text("stage", found.stage_reason, found.stage_params),
            "rfm": self._rfm(found),
            "abc": v.abc or "—",
            "revenue": self.tr("%1, margin %2").replace("%1", money(v.revenue))
            .replace("%2", money(v.margin) or "—"),
            "clv": self._clv(found),
            "orders": self.tr("%n day(s) with an order; first %2, last %3", "", v.purchase_days)
            .replace("%2", v.first_order.isoformat() if v.first_order else "—")
            .replace("%3", v.last_order.isoformat() if v.last_order else "—"),
        }  # fmt: skip
        for key, shown in text.items():
            self.values[key].setText(shown)
        what = {"tier": self.tr("Value tier"), "stage": self.tr("Lifecycle stage")}
        fill_table(self.history, [self.tr("Date"), self.tr("What"), self.tr("From"), self.tr("To")],
                   [(m.on.isoformat(), what.get(m.measure, m.measure),
                     value_name(m.measure, m.old) or "—", value_name(m.measure, m.new))
                    for m in found.moves])  # fmt: skip

    def _policy(self, found: ValueFile) -> str:
        perks = found.policy.perks
        if perks in DEFAULT_PERKS.values():
            perks = QCoreApplication.translate("tier", perks)
        days = found.policy.cadence_days
        return self.tr("Follow up every %n day(s); %1", "", days).replace("%1", perks)

    def _rfm(self, found: ValueFile) -> str:
        v = found.measures
        if not v.segment:
            return self.tr("No orders yet")
        hint = QCoreApplication.translate("rfm", SEGMENT_HINTS[Segment(v.segment)])
        return self.tr("R %1 · F %2 · M %3: %4. %5").replace("%1", str(v.r)).replace(
            "%2", str(v.f)).replace("%3", str(v.m)).replace(
            "%4", value_name("segment", v.segment)).replace("%5", hint)  # fmt: skip

    def _clv(self, found: ValueFile) -> str:
        v = found.measures
        if v.clv is None or v.p_alive is None:
            return "—"
        locale = QLocale()
        if v.purchase_days <= 1:  # BG/NBD gives 1 to anyone who never came back: it cannot tell
            template = self.tr(
                "%1 in the next %2 days (%3 purchases expected of %4 each); whether this "
                "customer is still active cannot be told from a single day of purchases"
            )
        else:
            template = self.tr(
                "%1 in the next %2 days (%3 purchases expected of %4 each); "
                "probability still active %5%"
            )
        return template.replace("%1", yuan(v.clv)).replace("%2", str(found.horizon_days)).replace(
            "%3", locale.toString(float(v.expected_purchases or 0), "f", 1)).replace(
            "%4", yuan(v.expected_spend)).replace(
            "%5", locale.toString(float(100 * v.p_alive), "f", 0))  # fmt: skip
