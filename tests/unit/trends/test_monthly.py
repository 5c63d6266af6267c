"""The dashboard's monthly figures on hand-made data: each month's value worked out by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from camdesk.models import (
    CustomerValue,
    Feedback,
    FeedbackKind,
    FeedbackStatus,
    Severity,
    Survey,
    SurveyResponse,
    ValueChange,
    new_id,
)
from camdesk.services.lists.criteria import Criterion
from camdesk.services.lists.segments import save_segment
from camdesk.services.trends.report import build_trends, write_trends
from tests.factories import make_customer

NOW = datetime.now(UTC)


def _local(year, month, day, hour=12):
    return datetime(year, month, day, hour).astimezone().astimezone(UTC)


def _history(db, customer_id, first_order, moves, stage):
    """A customer whose first order was ``first_order`` and whose stage moved as ``moves``
    ((day, old, new), ...), ending in ``stage``."""
    with db.write() as session:
        session.add(CustomerValue(customer_id=customer_id, as_of=date(2026, 11, 30),
                                  first_order=first_order, tier="low", stage=stage,
                                  computed_at=NOW))  # fmt: skip
        for on, old, new in moves:
            session.add(ValueChange(id=new_id(), customer_id=customer_id, on=on, measure="stage",
                                    old=old, new=new, recorded_at=NOW))  # fmt: skip


def test_churn_rate_is_churned_in_the_month_over_active_at_its_start(db, actor):
    people = [make_customer(db, actor, name=f"客户{n}", city="杭州" if n < 3 else "武汉").id
              for n in range(5)]  # fmt: skip
    # Four bought before July; the fifth first bought in August.
    _history(db, people[0], date(2025, 3, 1), [(date(2026, 7, 10), "active", "churned")], "churned")
    _history(
        db,
        people[1],
        date(2025, 5, 1),
        [(date(2026, 7, 20), "active", "churned"), (date(2026, 9, 2), "churned", "active")],
        "active",
    )
    _history(db, people[2], date(2025, 6, 1), [(date(2026, 8, 5), "new", "churned")], "churned")
    _history(db, people[3], date(2026, 1, 1), [], "active")
    _history(db, people[4], date(2026, 8, 15), [], "new")
    found = build_trends(db, date(2026, 7, 1), date(2026, 10, 31))
    got = [(m.month, m.active, m.new, m.churned) for m in found.churn]
    assert got == [
        (date(2026, 7, 1), 4, 0, 2),  # four active; two churned in July
        (date(2026, 8, 1), 2, 1, 1),  # 4 - 2; one more new, one churned
        (date(2026, 9, 1), 2, 0, 0),  # 5 bought - 3 churned; one came back in September
        (date(2026, 10, 1), 3, 0, 0),  # 5 - 2
    ]
    assert found.churn[0].rate == pytest.approx(0.5) and found.churn[1].rate == pytest.approx(0.5)
    assert found.month_rows()[0]["churn_rate"] == 50.0
    # A segment (the customers in Hangzhou) narrows every figure.
    segment = save_segment(db, "杭州客户", [Criterion("city", "=", "杭州")], actor).value
    local = build_trends(db, date(2026, 7, 1), date(2026, 8, 31), segment)
    assert [(m.active, m.new, m.churned) for m in local.churn] == [(3, 0, 2), (1, 0, 1)]


def _responses(db, customer_id, answers):
    with db.write() as session:
        survey = Survey(id=new_id(), name="回访", asks_csat=True, asks_nps=True, questions="[]",
                        active=True)  # fmt: skip
        session.add(survey)
        session.flush()
        for at, nps, csat in answers:
            session.add(SurveyResponse(id=new_id(), survey_id=survey.id, customer_id=customer_id,
                                       answered_at=at, nps=nps, csat=csat, source="hand"))  # fmt: skip


def test_nps_and_csat_per_month_with_an_empty_month_left_empty(db, actor):
    customer = make_customer(db, actor, name="何欣怡").id
    _responses(db, customer, [
        (_local(2026, 7, 3), 10, 5), (_local(2026, 7, 9), 9, None), (_local(2026, 7, 20), 3, 2),
        (_local(2026, 7, 28), 8, 4),  # July: 2 promoters, 1 detractor of 4 -> NPS 25
        # August: none. September: one passive and one detractor -> -50; CSAT (3 + 5) / 2.
        (_local(2026, 9, 1, 0), 7, 3), (_local(2026, 9, 30, 23), 0, 5),
    ])  # fmt: skip
    found = build_trends(db, date(2026, 7, 1), date(2026, 9, 30)).scores
    assert [(m.nps, m.nps_responses, m.csat, m.csat_responses) for m in found] == [
        (25.0, 4, pytest.approx(11 / 3), 3),
        (None, 0, None, 0),
        (-50.0, 2, 4.0, 2),
    ]
    # A local month counts by local time: the answers at 00:00 on 1 September and 23:00 on
    # 30 September are September's, whatever the machine's offset from UTC.


def _item(session, customer_id, number, received, resolved, due, category="delivery",
          status=FeedbackStatus.RESOLVED):  # fmt: skip
    session.add(Feedback(id=new_id(), number=number, customer_id=customer_id,
                         kind=FeedbackKind.COMPLAINT, category=category, severity=Severity.NORMAL,
                         description="…", status=status, received_at=received, due_at=due,
                         resolved_at=resolved, reopened=0))  # fmt: skip


def test_feedback_volume_median_time_to_resolve_and_breaches(db, actor, tmp_path):
    customer = make_customer(db, actor, name="林晓峰").id
    start = _local(2026, 10, 5, 9)
    with db.write() as session:
        # October: resolved in 2, 4, 10 and 30 hours -> median 7; the 30-hour one was late.
        for n, hours in enumerate((2, 4, 10, 30), 1):
            _item(session, customer, n, start, start + timedelta(hours=hours),
                  start + timedelta(hours=24), category="delivery" if n < 4 else "quality")  # fmt: skip
        # Still open and past due in October: a breach; open and not due yet: none.
        _item(session, customer, 5, start, None, start + timedelta(hours=4), "price",
              FeedbackStatus.IN_PROGRESS)  # fmt: skip
        _item(session, customer, 6, NOW - timedelta(hours=1), None, NOW + timedelta(days=30),
              "price", FeedbackStatus.NEW)  # fmt: skip
    found = build_trends(db, date(2026, 10, 1), date(2026, 10, 31))
    [october] = found.feedback
    assert (october.received, october.resolved, october.median_hours, october.breaches) == (
        5,
        4,
        pytest.approx(7.0),
        2,
    )
    assert found.categories == [("delivery", 3, pytest.approx(4.0)), ("price", 1, None),
                                ("quality", 1, pytest.approx(30.0))]  # fmt: skip
    # The workbook holds the same numbers.
    from openpyxl import load_workbook

    [path] = write_trends(tmp_path / "trends.xlsx", found)
    book = load_workbook(path, read_only=True)
    months = list(book["Months"].iter_rows(values_only=True))
    assert months[0][0] == "Month" and months[1][0] == "2026-10"
    assert months[1][9:13] == (5, 4, 7.0, 2)
    assert list(book["Categories"].iter_rows(values_only=True))[1] == ("delivery", 3, 4.0)
