"""The trends dashboard on a seeded database: the plotted months read back from the charts,
the range and segment selectors, and export of a picture and of the numbers."""

from __future__ import annotations

from datetime import UTC, date, datetime

from openpyxl import load_workbook
from PySide6.QtCore import QDate

from camdesk.models import CustomerValue, Survey, SurveyResponse, ValueChange, new_id
from camdesk.services.lists.criteria import Criterion
from camdesk.services.lists.segments import save_segment
from tests.factories import make_customer
from tests.gui.screens import open_screen

NOW = datetime.now(UTC)


def _seed(db, actor):
    hangzhou = make_customer(db, actor, name="何欣怡", city="杭州").id
    wuhan = make_customer(db, actor, name="林晓峰", city="武汉").id
    with db.write() as session:
        for ident, first in ((hangzhou, date(2025, 1, 5)), (wuhan, date(2025, 2, 5))):
            session.add(CustomerValue(customer_id=ident, as_of=date(2026, 11, 30),
                                      first_order=first, tier="low", stage="churned",
                                      computed_at=NOW))  # fmt: skip
        session.add(ValueChange(id=new_id(), customer_id=wuhan, on=date(2026, 8, 3),
                                measure="stage", old="active", new="churned", recorded_at=NOW))  # fmt: skip
        survey = Survey(id=new_id(), name="回访", asks_csat=True, asks_nps=True, questions="[]",
                        active=True)  # fmt: skip
        session.add(survey)
        session.flush()
        for ident, day, nps in ((hangzhou, 10, 10), (wuhan, 12, 2)):
            at = datetime(2026, 7, day, 12).astimezone().astimezone(UTC)
            session.add(SurveyResponse(id=new_id(), survey_id=survey.id, customer_id=ident,
                                       answered_at=at, nps=nps, csat=None, source="hand"))  # fmt: skip
    return save_segment(db, "杭州客户", [Criterion("city", "=", "杭州")], actor).value


def _open(qtbot, controller):
    return open_screen(qtbot, controller, "trends")


def _range(qtbot, page, start, end):
    with qtbot.waitSignal(page.loaded, timeout=10000):  # the second change's figures
        page.start_edit.setDate(QDate(start.year, start.month, 1))
        page.end_edit.setDate(QDate(end.year, end.month, 1))


def test_the_dashboard_plots_the_months_and_follows_range_and_segment(qtbot, controller, tmp_path):
    segment = _seed(controller.db, controller.actor)
    page = _open(qtbot, controller)
    _range(qtbot, page, date(2026, 7, 1), date(2026, 9, 1))
    assert (page.trends.start, page.trends.end) == (date(2026, 7, 1), date(2026, 9, 1))
    churn = page.charts["churn"]
    assert churn.right == {"Active at start"}  # counts on their own scale beside the rate
    assert churn.labels == ["2026-07", "2026-08", "2026-09"]
    assert churn.series["Active at start"] == [2, 2, 1]
    assert churn.series["Churn rate (%)"] == [0.0, 50.0, 0.0]
    # Read back from the plot items themselves, not only from what the page meant to draw.
    bars = churn.items["Active at start"].opts["height"]
    assert list(bars) == [2, 2, 1]
    _xs, ys = churn.items["Churn rate (%)"].getData()
    assert list(ys) == [0.0, 50.0, 0.0]
    assert churn.bar_labels("Active at start") == ["2", "2", "1"]
    assert "Churn rate (%): 50.00%" in churn.tip_for(1)
    scores = page.charts["scores"]
    assert scores.series["NPS"] == [0.0, None, None]  # one promoter, one detractor; then none
    # The segment narrows every chart.
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.segment.setCurrentIndex(page.segment.findData(str(segment.id)))
        page.segment.activated.emit(page.segment.currentIndex())
    assert page.charts["churn"].series["Active at start"] == [1, 1, 1]
    assert page.charts["scores"].series["NPS"] == [100.0, None, None]
    # Export: the picture, and the numbers as plotted.
    png = page.export_png(tmp_path / "churn.png")
    assert png is not None and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    xlsx = page.export_xlsx(tmp_path / "trends.xlsx")
    rows = list(load_workbook(xlsx, read_only=True)["Months"].iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ["2026-07", "2026-08", "2026-09"]
    assert [r[1] for r in rows[1:]] == page.charts["churn"].series["Active at start"]
    assert [r[5] for r in rows[1:]] == page.charts["scores"].series["NPS"]


def test_tiers_and_the_revenue_pareto_in_the_tiers_own_colours(qtbot, controller, tmp_path):
    from sqlalchemy import update

    from camdesk.views.palette import TIER_COLORS

    _seed(controller.db, controller.actor)
    with controller.db.write() as session:  # 何欣怡 brings 900 of 1,000 yuan
        for name, tier, spent in (("何欣怡", "high", 90_000), ("林晓峰", "low", 10_000)):
            session.execute(update(CustomerValue).where(CustomerValue.customer_id.in_(
                select_ids(session, name))).values(tier=tier, revenue=spent))  # fmt: skip
    page = _open(qtbot, controller)
    page.tabs.setCurrentWidget(page.tiers)
    assert page.tiers.names == ["High value", "Low value"]
    assert page.tiers.values == [1, 1]
    assert page.tiers.colors == [TIER_COLORS["high"], TIER_COLORS["low"]]
    assert page.tiers.value_labels == ["1 (90.0% of revenue)", "1 (10.0% of revenue)"]
    page.tabs.setCurrentWidget(page.pareto)
    _xs, ys = page.pareto.listDataItems()[0].getData()
    assert list(ys) == [0.0, 90.0, 100.0]  # percent: the best half brings 90%
    png = page.export_png(tmp_path / "pareto.png")
    assert png is not None and png.stat().st_size > 1000
    book = load_workbook(page.export_xlsx(tmp_path / "trends.xlsx"), read_only=True)
    assert list(book["Value tiers"].iter_rows(values_only=True))[1:] == [
        ("High value", 1, 900), ("Low value", 1, 100)]  # fmt: skip


def select_ids(session, name):
    from sqlalchemy import select

    from camdesk.models import Customer

    return select(Customer.id).where(Customer.name == name)
