"""Filling the value screen's panels from a report, with the explanations beside them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QLabel

from camdesk.services.value.lifecycle import STAGE_CODES
from camdesk.services.value.report import ValueReport
from camdesk.services.value.rfm import SEGMENT_CODES, SEGMENT_HINTS
from camdesk.services.value.tiers import DEFAULT_PERKS, TIER_CODES
from camdesk.views.value.panels import CountRow, CountsPanel, RiskPanel, share
from camdesk.views.value_names import value_name, yuan
from camdesk.views.value_text import stage_rule, tier_rule

if TYPE_CHECKING:  # the charts load pyqtgraph: only when the screen is first shown
    from camdesk.views.value.charts import BarChart, ParetoChart


class ValuePage(Protocol):
    """What the value screen shows a report in (its panels, charts and their notes)."""

    tiers: CountsPanel
    stages: CountsPanel
    segments: CountsPanel
    pareto: ParetoChart
    pareto_about: QLabel
    clv_chart: BarChart
    clv_about: QLabel
    risk: RiskPanel
    churn_chart: BarChart
    churn_about: QLabel

    def every(self, days: int) -> str: ...


def fill_page(page: ValuePage, report: ValueReport) -> None:
    _tiers(page, report)
    _stages(page, report)
    _segments(page, report)
    _pareto(page, report)
    _clv(page, report)
    _risk(page, report)
    _churn(page, report)


def _tiers(page: ValuePage, report: ValueReport) -> None:
    rules = report.rules.tiers
    rows = []
    for tier in TIER_CODES:
        policy = rules.policies[tier]
        perks = policy.perks
        if perks == DEFAULT_PERKS.get(tier):
            perks = QCoreApplication.translate("tier", perks)
        rows.append(
            CountRow(
                tier.value,
                value_name("tier", tier),
                report.tiers[tier.value],
                (
                    share(report.tier_revenue[tier.value], report.revenue),
                    page.every(policy.cadence_days),
                    tier_rule(rules, tier),
                    perks,
                ),
            )
        )
    headers = [
        QCoreApplication.translate("ValuePage", "Tier"),
        QCoreApplication.translate("ValuePage", "Customers"),
        QCoreApplication.translate("ValuePage", "Share"),
        QCoreApplication.translate("ValuePage", "Revenue share"),
        QCoreApplication.translate("ValuePage", "Follow up"),
        QCoreApplication.translate("ValuePage", "Rule"),
        QCoreApplication.translate("ValuePage", "Perks"),
    ]
    page.tiers.about.setText(
        QCoreApplication.translate(
            "ValuePage",
            "<b>Value tiers.</b> A customer is high value when any rule for high applies, "
            "else mid value when a rule for mid applies, else low value. Each tier has its "
            "own follow-up cadence and perks. Click a tier to list its customers.",
        )
    )
    page.tiers.show_counts(
        rows,
        headers,
        report.customers,
        QCoreApplication.translate("ValuePage", "%1: %2 customers (%3)"),
        "tier",
    )


def _stages(page: ValuePage, report: ValueReport) -> None:
    rules = report.rules.stage
    rows = [
        CountRow(s.value, value_name("stage", s), report.stages[s.value], (stage_rule(s, rules),))
        for s in STAGE_CODES
    ]
    page.stages.about.setText(
        QCoreApplication.translate(
            "ValuePage",
            "<b>Lifecycle stages</b> from orders and contacts, decided in the order listed: "
            "the first rule that applies sets the stage. Every change of stage is recorded.",
        )
    )
    page.stages.show_counts(
        rows,
        [
            QCoreApplication.translate("ValuePage", "Stage"),
            QCoreApplication.translate("ValuePage", "Customers"),
            QCoreApplication.translate("ValuePage", "Share"),
            QCoreApplication.translate("ValuePage", "Rule"),
        ],
        report.customers,
        QCoreApplication.translate("ValuePage", "%1: %2 customers (%3)"),
        "stage",
    )


def _segments(page: ValuePage, report: ValueReport) -> None:
    rows = [
        CountRow(
            s.value,
            value_name("segment", s),
            report.segments[s.value],
            (QCoreApplication.translate("rfm", SEGMENT_HINTS[s]),),
        )
        for s in SEGMENT_CODES
    ]
    page.segments.about.setText(
        QCoreApplication.translate(
            "ValuePage",
            "<b>RFM segments.</b> R: days since the last order; F: days with an order; M: total "
            "spend. Each is scored 1 to 5 by quintile among paying customers (5 is the best "
            "fifth); the segment follows from R and the mean of F and M.",
        )
    )
    page.segments.show_counts(
        rows,
        [
            QCoreApplication.translate("ValuePage", "Segment"),
            QCoreApplication.translate("ValuePage", "Customers"),
            QCoreApplication.translate("ValuePage", "Share"),
            QCoreApplication.translate("ValuePage", "Meaning"),
        ],
        sum(report.segments.values()),
        QCoreApplication.translate("ValuePage", "%1: %2 customers (%3)"),
    )


def _pareto(page: ValuePage, report: ValueReport) -> None:
    rules = report.rules
    a, ab = report.abc_shares
    locale = QLocale()
    percent = lambda v: locale.toString(100 * v, "f", 1) + "%"  # noqa: E731
    page.pareto_about.setText(
        QCoreApplication.translate(
            "ValuePage",
            "<b>ABC (Pareto).</b> Paying customers ranked by revenue: class A brings the first "
            "%1 of revenue, B the next %2, C the rest. Here %3 of %4 paying customers are class A "
            "and %5 are A or B. Click a region to list its customers.",
        )
        .replace("%1", percent(rules.abc_a))
        .replace("%2", percent(rules.abc_b))
        .replace("%3", percent(a))
        .replace("%4", locale.toString(report.paying))
        .replace("%5", percent(ab))
    )
    page.pareto.set_curve(report.pareto_x, report.pareto_y, report.abc_shares, ("A", "B", "C"))
    item = page.pareto.getPlotItem()
    item.setLabel(
        "bottom",
        QCoreApplication.translate("ValuePage", "Share of paying customers, best first (%)"),
    )
    item.setLabel("left", QCoreApplication.translate("ValuePage", "Share of revenue (%)"))


def _clv(page: ValuePage, report: ValueReport) -> None:
    locale = QLocale()
    labels, counts, tips = [], [], []
    for start, end, count in report.clv_bands:
        label = (
            f"{yuan(start * 100)}–{yuan(end * 100)}"
            if end is not None
            else f"≥ {yuan(start * 100)}"
        )
        labels.append(f"{yuan(start * 100)}+")  # short: the tooltip has the whole band
        counts.append(count)
        tips.append(
            QCoreApplication.translate("ValuePage", "Predicted value %1: %2 customers")
            .replace("%1", label)
            .replace("%2", locale.toString(count))
        )
    page.clv_chart.set_bars(labels, counts, tips)
    model = report.model
    text = QCoreApplication.translate(
        "ValuePage",
        "<b>Predicted value (CLV)</b> is the revenue a customer is expected to bring in the "
        "next %1 days: expected purchases (BG/NBD model) times expected spend per purchase "
        "(Gamma-Gamma model), both fitted on every customer's purchase history.",
    ).replace("%1", str(report.rules.horizon_days))
    if model is not None and model.bgnbd is not None:
        g = model.bgnbd
        text += " " + QCoreApplication.translate(
            "ValuePage", "BG/NBD: r = %1, α = %2, a = %3, b = %4 (weeks)."
        ).replace("%1", f"{g.r:.4g}").replace("%2", f"{g.alpha:.4g}").replace(
            "%3", f"{g.a:.4g}"
        ).replace("%4", f"{g.b:.4g}")
    if model is not None and model.gamma_gamma is not None:
        s = model.gamma_gamma
        text += " " + QCoreApplication.translate(
            "ValuePage", "Gamma-Gamma: p = %1, q = %2, v = %3."
        ).replace("%1", f"{s.p:.4g}").replace("%2", f"{s.q:.4g}").replace("%3", f"{s.v:.4g}")
    page.clv_about.setText(
        text + " " + QCoreApplication.translate("ValuePage", "Click a bar to list those customers.")
    )
    page.clv_chart.getPlotItem().setLabel(
        "left", QCoreApplication.translate("ValuePage", "Customers")
    )


def _risk(page: ValuePage, report: ValueReport) -> None:
    page.risk.about.setText(
        QCoreApplication.translate(
            "ValuePage",
            "High-value customers who are probably not coming back: the BG/NBD model gives them "
            "less than a 50% chance of still being active. Largest revenue first; double-click "
            "to open a customer's file.",
        )
    )
    page.risk.show_rows(report.risk)


def _churn(page: ValuePage, report: ValueReport) -> None:
    locale = QLocale()
    labels = [
        m.strftime("%Y-%m") if m.month == 1 or n == 0 else m.strftime("%m")
        for n, (m, _c) in enumerate(report.churn_months)
    ]
    counts = [count for _m, count in report.churn_months]
    tips = [
        QCoreApplication.translate("ValuePage", "%1: %2 customers churned")
        .replace("%1", m.strftime("%Y-%m"))
        .replace("%2", locale.toString(c))
        for m, c in report.churn_months
    ]
    page.churn_chart.set_bars(labels, counts, tips)
    page.churn_about.setText(
        QCoreApplication.translate(
            "ValuePage",
            "Customers who became churned in each month, as recorded by the recomputes. Click "
            "a bar to list the churned customers.",
        )
    )
    page.churn_chart.getPlotItem().setLabel(
        "left", QCoreApplication.translate("ValuePage", "Customers")
    )
