"""Where customers stand now on the dashboard: tier counts and revenue, the Pareto curve,
for everyone and for a segment; written to the workbook with the months."""

from __future__ import annotations

from datetime import UTC, date, datetime

import openpyxl
import pytest

from camdesk.models import CustomerValue
from camdesk.services.customers.files import delete_customers
from camdesk.services.lists.criteria import Criterion
from camdesk.services.lists.segments import save_segment
from camdesk.services.trends.report import build_trends, write_trends
from tests.factories import make_customer

# name, city, tier, revenue in yuan
PEOPLE = [("何欣怡", "杭州", "high", 8000), ("林晓峰", "杭州", "mid", 1500),
          ("曾晓燕", "武汉", "low", 400), ("周杰", "武汉", "low", 100), ("王芳", "武汉", "low", 0)]  # fmt: skip


def _seed(db, actor):
    made = []
    for name, city, tier, spent in PEOPLE:
        customer = make_customer(db, actor, name=name, city=city)
        made.append(customer)
        with db.write() as session:
            session.add(CustomerValue(customer_id=customer.id, as_of=date(2026, 11, 30),
                                      tier=tier, stage="active", revenue=spent * 100,
                                      computed_at=datetime.now(UTC)))  # fmt: skip
    return made


def test_tiers_and_the_pareto_curve_for_everyone_and_a_segment(db, actor, tmp_path):
    made = _seed(db, actor)
    day = date(2026, 11, 1)
    found = build_trends(db, day, day, parts=("standing",)).standing
    assert found.tiers == {"high": 1, "mid": 1, "low": 3}
    assert list(found.tiers) == ["high", "mid", "low"]  # the tiers' own order
    assert found.revenue == {"high": 800_000, "mid": 150_000, "low": 50_000}
    # Four paying customers: the best one (25%) brings 8000 of 10000 yuan.
    assert found.pareto_x[0] == 0.0 and found.pareto_x[-1] == pytest.approx(1.0)
    assert found.revenue_share_of_best(0.25) == pytest.approx(0.8)
    assert found.pareto_y[-1] == pytest.approx(1.0)
    segment = save_segment(db, "武汉客户", [Criterion("city", "=", "武汉")], actor).value
    wuhan = build_trends(db, day, day, segment, parts=("standing",)).standing
    assert wuhan.tiers == {"low": 3} and wuhan.revenue == {"low": 50_000}
    assert wuhan.revenue_share_of_best(0.5) == pytest.approx(0.8)  # 400 of 500 yuan
    delete_customers(db, [made[0].id], actor)  # a deleted customer no longer counts
    assert "high" not in build_trends(db, day, day, parts=("standing",)).standing.tiers
    trends = build_trends(db, day, day)
    path = tmp_path / "trends.xlsx"
    write_trends(path, trends, names={"low": "低价值"})
    book = openpyxl.load_workbook(path)
    rows = list(book["Value tiers"].iter_rows(values_only=True))
    assert rows[0] == ("Value tier", "Customers", "Revenue (yuan)")
    assert ("低价值", 3, 500) in rows
    pareto = list(book["Revenue Pareto"].iter_rows(values_only=True))
    assert pareto[0] == ("Best customers (%)", "Their revenue (%)") and pareto[-1] == (100, 100)


def test_the_curve_from_grouped_revenue_is_the_value_screens_curve():
    from collections import Counter

    import numpy as np

    from camdesk.services.trends.standing import pareto_of_groups
    from camdesk.services.value.report import pareto_curve

    rng = np.random.default_rng(7)
    spent = rng.choice([100, 250, 250, 900, 5_000, 12_000], size=1_000).astype(float)
    groups = sorted(Counter(spent.tolist()).items(), reverse=True)
    x, y = pareto_of_groups([(int(v), n) for v, n in groups])
    expected_x, expected_y = pareto_curve(spent)
    assert x == pytest.approx(expected_x) and y == pytest.approx(expected_y)
    assert len(x) == 202  # the origin and at most 201 points, however many customers
