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
