"""Narrowing the customer list by value measures, demographics, tags, owner, custom fields."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from camdesk.db import Database
from camdesk.models import CustomerValue
from camdesk.services.core.context import Actor
from camdesk.services.core.users import ensure_user
from camdesk.services.customers.custom_fields import define_field
from camdesk.services.lists.criteria import Criterion, from_json, to_json
from camdesk.services.lists.criteria_sql import years_before
from camdesk.services.lists.page import count_customers, fetch_page, ordered_ids
from camdesk.services.lists.rows import ListQuery, SortKey
from camdesk.services.value.recompute import recompute
from tests.factories import make_customer
from tests.value_seed import AS_OF, seed


def names(db: Database, *criteria: Criterion, **query: object) -> set[str]:
    listed = ListQuery(criteria=criteria, **query)  # type: ignore[arg-type]
    rows = fetch_page(db, listed, 0, 1000)
    assert count_customers(db, listed) == len(rows)
    return {row.name for row in rows}


def test_criteria_round_trip_through_json_and_refuse_nonsense() -> None:
    criteria = (
        Criterion("tier", "=", "high"),
        Criterion("segment", "in", ("champions", "loyal")),
        Criterion("clv", ">=", 500_000),
        Criterion("custom:level", "=", "金卡"),
    )
    assert from_json(to_json(criteria)) == criteria
    for bad in (("colour", "=", "red"), ("clv", "=", "high"), ("tier", "in", "high"),
                ("age", ">=", "thirty")):  # fmt: skip
        with pytest.raises(ValueError):
            Criterion(*bad)  # type: ignore[arg-type]
    for text in ("{", '{"a": 1}', '[["tier", "="]]', '[["age", ">=", true]]'):
        with pytest.raises(ValueError):
            from_json(text)


def test_value_criteria_pick_the_customers_the_recompute_put_there(
    db: Database, actor: Actor
) -> None:
    seed(db, actor)
    recompute(db, actor, as_of=AS_OF)
    with db.read() as session:
        stored = session.execute(select(CustomerValue)).scalars().all()
        high = {v.customer_id for v in stored if v.tier == "high"}
        top = sorted(stored, key=lambda v: v.clv or 0, reverse=True)
        threshold = top[2].clv
    assert high and len(ordered_ids(db, ListQuery(criteria=(Criterion("tier", "=", "high"),)))) == len(high)  # fmt: skip
    assert set(ordered_ids(db, ListQuery(criteria=(Criterion("tier", "=", "high"),)))) == high
    assert names(db, Criterion("stage", "=", "churned")) == {"Dan"}
    assert names(db, Criterion("stage", "in", ("potential", "churned"))) == {"Cat", "Dan"}
    assert names(db, Criterion("abc", "=", "A")) >= {"Ann"}
    assert len(names(db, Criterion("clv", ">=", threshold))) == 3  # type: ignore[arg-type]
    assert names(db, Criterion("purchases", ">=", 5)) == {"Eve"}
    assert names(db, Criterion("revenue", ">=", 50_000), Criterion("revenue", "<=", 65_000)) == {
        "Ann", "Eve"}  # fmt: skip
    # Days since the last order count from today, not from the recompute's date.
    since_bob = (date.today() - date(2024, 12, 20)).days
    assert "Bob" in names(db, Criterion("recency", "<=", since_bob))
    assert "Bob" not in names(db, Criterion("recency", ">=", since_bob + 1))
    assert names(db, Criterion("recency", "<=", since_bob - 1)) == set()
    # The list shows the measures, and sorts by predicted value with the unvalued last.
    rows = fetch_page(db, ListQuery(sort=SortKey.CLV, descending=True), 0, 100)
    assert [r.clv for r in rows if r.clv is not None] == sorted(
        (r.clv for r in rows if r.clv is not None), reverse=True)  # fmt: skip
    assert rows[-1].stage == "potential" and rows[0].tier is not None
    ann = next(r for r in rows if r.name == "Ann")
    assert (ann.tier, ann.stage, ann.segment is not None) == ("high", "active", True)


def test_demographic_tag_owner_and_custom_field_criteria(db: Database, actor: Actor) -> None:
    today = date.today()
    boss = ensure_user(db, "li", "李经理")
    define_field(db, "level", "会员等级", "choice", ("金卡", "银卡"))
    make_customer(db, actor, name="Young", gender="female", birthday=years_before(today, 25),
                  province="浙江", city="杭州", tags=("VIP",), custom={"level": "金卡"})  # fmt: skip
    make_customer(db, actor, name="Forty", gender="male", birthday=years_before(today, 40),
                  province="江苏", city="南京", owner_id=boss.id)  # fmt: skip
    make_customer(db, actor, name="Turns30", gender="female", province="浙江", city="宁波",
                  birthday=years_before(today, 30), tags=("VIP", "老客户"))  # fmt: skip
    make_customer(
        db, actor, name="Firm", kind="company", company_name="Firm", city="杭州", province="上海"
    )
    assert names(db, Criterion("gender", "=", "female")) == {"Young", "Turns30"}
    assert names(db, Criterion("age", ">=", 30)) == {"Forty", "Turns30"}  # 30 today counts
    assert names(db, Criterion("age", "<=", 29)) == {"Young"}
    assert names(db, Criterion("age", ">=", 26), Criterion("age", "<=", 39)) == {"Turns30"}
    assert names(db, Criterion("province", "=", "浙江")) == {"Young", "Turns30"}
    assert names(db, Criterion("city", "in", ("杭州", "南京"))) == {"Young", "Forty", "Firm"}
    assert names(db, Criterion("tag", "=", "VIP")) == {"Young", "Turns30"}
    assert names(db, Criterion("tag", "in", ("老客户",))) == {"Turns30"}
    assert names(db, Criterion("owner", "=", str(boss.id))) == {"Forty"}
    assert names(db, Criterion("kind", "=", "company")) == {"Firm"}
    assert names(db, Criterion("custom:level", "=", "金卡")) == {"Young"}
    # Criteria combine with the search and with each other (all must hold).
    assert names(db, Criterion("tag", "=", "VIP"), Criterion("city", "=", "宁波")) == {"Turns30"}
    assert names(db, Criterion("tag", "=", "VIP"), search="Young") == {"Young"}


def test_years_before_handles_29_february() -> None:
    assert years_before(date(2024, 2, 29), 1) == date(2023, 2, 28)
    assert years_before(date(2024, 3, 1), 30) == date(1994, 3, 1)


def test_paging_by_predicted_value_follows_one_order_with_empty_values_last(
    db: Database, actor: Actor
) -> None:
    from camdesk.services.customers.files import delete_customers

    ids = seed(db, actor)
    recompute(db, actor, as_of=AS_OF)
    late = [make_customer(db, actor, name=f"Late{n}").id for n in range(3)]  # not valued yet
    delete_customers(db, [ids["Ann"]], actor)  # her value row lingers until a recompute
    with db.read() as session:
        clv = dict(session.execute(select(CustomerValue.customer_id, CustomerValue.clv)).all())
    for descending in (False, True):
        query = ListQuery(sort=SortKey.CLV, descending=descending)
        whole = ordered_ids(db, query)
        assert ids["Ann"] not in whole and whole[-3:] == sorted(late, reverse=descending)
        values = [clv[i] for i in whole if clv.get(i) is not None]
        assert values == sorted(values, reverse=descending)  # then the empty ones
        assert all(clv.get(i) is None for i in whole[len(values) :])
        assert count_customers(db, query) == len(whole)
        for size in (1, 4, 7):  # pages that start and end in every part
            paged = [row.id for start in range(0, len(whole) + size, size)
                     for row in fetch_page(db, query, start, size)]  # fmt: skip
            assert paged == whole


def test_number_and_date_custom_fields_filter_by_value(db: Database, actor: Actor) -> None:
    define_field(db, "budget", "预算", "number")
    define_field(db, "signed", "签约日期", "date")
    make_customer(db, actor, name="Small", custom={"budget": "800", "signed": "2024-03-01"})
    make_customer(db, actor, name="Big", custom={"budget": "12000.50", "signed": "2025-06-30"})
    make_customer(db, actor, name="None")
    assert names(db, Criterion("custom:budget", "=", "800")) == {"Small"}
    assert names(db, Criterion("custom:budget", ">=", "1000")) == {"Big"}
    assert names(db, Criterion("custom:budget", "<=", "12000.50")) == {"Small", "Big"}
    assert names(db, Criterion("custom:signed", "=", "2025-06-30")) == {"Big"}
    assert names(db, Criterion("custom:signed", "<=", "2024-12-31")) == {"Small"}
    assert names(db, custom_filter=(("budget", "12000.5"),)) == {"Big"}  # the filter bar's box
    assert names(db, custom_filter=(("signed", "2024-03-01"),)) == {"Small"}
    assert names(db, Criterion("custom:budget", "<", "800")) == set()  # strictly below
    assert names(db, Criterion("custom:budget", ">", "800")) == {"Big"}
    assert names(db, Criterion("custom:budget", "between", ("12000.5", "500"))) == {"Small", "Big"}
    assert names(db, Criterion("custom:budget", "between", ("801", "12000"))) == set()
    assert names(db, Criterion("custom:signed", ">", "2024-03-01")) == {"Big"}
    assert names(db, Criterion("custom:signed", "between", ("2024-01-01", "2024-12-31"))) == {
        "Small"
    }
    assert names(db, Criterion("custom:budget", "empty", "")) == {"None"}
    assert names(db, Criterion("custom:budget", "<", "lots")) == set()  # not a number: nobody
    criteria = (Criterion("custom:budget", "between", ("1", "2")),
                Criterion("custom:signed", "empty", ""))  # fmt: skip
    assert from_json(to_json(criteria)) == criteria  # a segment keeps them
    with pytest.raises(ValueError):
        Criterion("custom:budget", "between", "1")


def test_days_since_last_contact_counts_local_days_and_never_contacted_counts_as_long_ago(
    db: Database, actor: Actor
) -> None:
    from datetime import datetime, time, timedelta

    from camdesk.services.customers.interactions import log_interaction

    today = date.today()

    def contacted(name: str, days_ago: int) -> None:
        customer = make_customer(db, actor, name=name)
        moment = datetime.combine(today - timedelta(days=days_ago), time(0, 30)).astimezone()
        log_interaction(db, customer.id, actor, kind="call", occurred_at=moment)

    contacted("今早", 0)
    contacted("三十天前", 30)
    contacted("二十九天前", 29)
    make_customer(db, actor, name="从未联系")
    assert names(db, Criterion("contact_days", ">=", 30)) == {"三十天前", "从未联系"}
    assert names(db, Criterion("contact_days", "<=", 29)) == {"今早", "二十九天前"}
    assert names(db, Criterion("contact_days", "<=", 0)) == {"今早"}
    assert names(db, Criterion("contact_days", ">=", 1), Criterion("contact_days", "<=", 30)) == {
        "三十天前", "二十九天前"}  # fmt: skip


def test_latest_scores_narrow_the_list_to_detractors_or_the_satisfied(
    db: Database, actor: Actor
) -> None:
    from datetime import UTC, datetime, timedelta

    from camdesk.services.feedback.surveys import (
        ResponseData,
        SurveyData,
        add_response,
        save_survey,
    )

    survey = save_survey(db, SurveyData("回访", asks_nps=True), actor).value
    old = datetime.now(UTC) - timedelta(days=30)
    for name, answers in (("何欣怡", [(9, 5, old), (3, 2, None)]),  # now a detractor
                          ("林晓峰", [(2, 1, old), (10, 5, None)]),  # now a promoter
                          ("曾晓燕", [])):  # fmt: skip
        customer = make_customer(db, actor, name=name)
        for nps, csat, at in answers:
            add_response(db, ResponseData(customer.id, survey, nps=nps, csat=csat,
                                          answered_at=at), actor)  # fmt: skip
    assert names(db, Criterion("nps", "<=", 6)) == {"何欣怡"}
    assert names(db, Criterion("nps", ">=", 9)) == {"林晓峰"}
    assert names(db, Criterion("csat", ">=", 4)) == {"林晓峰"}
    assert names(db, Criterion("csat", "<=", 5)) == {"何欣怡", "林晓峰"}  # never asked: not listed
