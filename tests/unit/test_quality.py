"""Data quality: who cannot be reached, whose phone or email is wrong, who has no city."""

from __future__ import annotations

from sqlalchemy import update

from camdesk.models import Customer
from camdesk.services.quality import (
    BAD_EMAIL,
    BAD_MOBILE,
    NO_CITY,
    UNREACHABLE,
    quality_issues,
)
from tests.factories import make_customer


def test_customers_needing_attention_are_listed_with_why(db, actor):
    make_customer(db, actor, name="好客户", mobile="13800000001", city="杭州")
    make_customer(db, actor, name="找不到", mobile=None, email=None, city="杭州")
    make_customer(db, actor, name="没城市", mobile="13800000002", city=None)
    broken = make_customer(db, actor, name="旧数据", mobile="13800000003", email="a@b.cn")
    with db.write() as session:  # as another tool left it, past the form's checks
        session.execute(update(Customer).where(Customer.id == broken.id)
                        .values(mobile="+8614900000000", email="not-an-email"))  # fmt: skip
    found = {issue.name: issue.problems for issue in quality_issues(db)}
    assert found == {
        "找不到": (UNREACHABLE,),
        "没城市": (NO_CITY,),
        "旧数据": (BAD_MOBILE, BAD_EMAIL),
    }


def test_standardize_tidies_stored_values_and_can_be_undone(db, actor):
    from camdesk.services.customer_list import ListQuery, count_customers
    from camdesk.services.customers import get_customer
    from camdesk.services.quality import standardize
    from camdesk.services.undo import undo

    messy = make_customer(db, actor, name="王芳", mobile="13800000001", city="杭州")
    tidy = make_customer(db, actor, name="李娜", mobile="13800000002", city="杭州")
    with db.write() as session:  # as an old tool or another program stored them
        session.execute(update(Customer).where(Customer.id == messy.id).values(
            name="Ｗａｎｇ  Fang", email="Wang.Fang@QQ.com", mobile="138 0000 0001",
            province="浙江省", city="杭州市"))  # fmt: skip
    result = standardize(db, actor)
    assert result.customers == 1
    record = get_customer(db, messy.id)
    assert (record.name, record.email, record.mobile, record.province, record.city) == (
        "Ｗａｎｇ  Fang",  # a name is free text: kept as typed, found all the same
        "wang.fang@qq.com",
        "+8613800000001",
        "浙江",
        "杭州",
    )
    assert get_customer(db, tidy.id).version == tidy.version  # untouched
    assert count_customers(db, ListQuery(search="wang fang")) == 1
    assert standardize(db, actor).customers == 0  # idempotent
    undo(db, result.change_id, actor)
    assert get_customer(db, messy.id).city == "杭州市"
