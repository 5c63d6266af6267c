"""The value screen's figures, read from the stored measures."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from camdesk.db import Database
from camdesk.models import CustomerValue
from camdesk.services.core.context import Actor
from camdesk.services.customers.files import delete_customers
from camdesk.services.value.recompute import recompute
from camdesk.services.value.report import CLV_EDGES, build_report
from tests.factories import make_customer
from tests.value_seed import AS_OF, seed


def test_report_agrees_with_the_stored_measures(db: Database, actor: Actor) -> None:
    ids = seed(db, actor)
    recompute(db, actor, as_of=AS_OF)
    make_customer(db, actor, name="Late")  # added after the recompute: not valued yet
    delete_customers(db, [ids["Bob"]], actor)  # deleted customers do not count
    with db.read() as session:
        rows = [v for v in session.scalars(select(CustomerValue)) if v.customer_id != ids["Bob"]]
    report = build_report(db, today=date(2025, 1, 15))
    assert report.as_of == AS_OF and report.customers == 17 and report.unvalued == 1
    assert sum(report.tiers.values()) == sum(report.stages.values()) == 16
    assert report.tiers["high"] == sum(v.tier == "high" for v in rows)
    assert report.segments["champions"] == sum(v.segment == "champions" for v in rows)
    paying = [v for v in rows if v.revenue > 0]
    assert report.paying == len(paying) and report.revenue == sum(v.revenue for v in paying)
    assert report.pareto_x[0] == report.pareto_y[0] == 0.0
    assert abs(report.pareto_x[-1] - 1) < 1e-9 and abs(report.pareto_y[-1] - 1) < 1e-9
    assert round(report.abc_shares[0] * len(paying)) == sum(v.abc == "A" for v in paying)
    assert round(report.abc_shares[1] * len(paying)) == sum(v.abc in "AB" for v in paying)
    valued = [v.clv for v in rows if v.clv is not None]
    assert sum(count for _s, _e, count in report.clv_bands) == len(valued)
    for start, end, count in report.clv_bands:
        top = float("inf") if end is None else end * 100
        assert count == sum(start * 100 <= c < top for c in valued)
    assert report.clv_bands[0][0] == CLV_EDGES[0]
    # Dan churned on 2024-11-01 (a year and a day after his last order).
    months = dict(report.churn_months)
    assert len(months) == 24 and months[date(2024, 11, 1)] == 1 and months[date(2025, 1, 1)] == 0
    assert all(r.p_alive < 0.5 for r in report.risk)
    high_risk = {v.customer_id for v in rows if v.tier == "high" and (v.p_alive or 1) < 0.5}
    assert {r.id for r in report.risk} == high_risk


def test_report_of_a_database_never_computed(db: Database, actor: Actor) -> None:
    make_customer(db, actor, name="Only")
    report = build_report(db)
    assert report.as_of is None and report.customers == report.unvalued == 1
    assert report.pareto_x == [] and report.risk == [] and report.model is None
