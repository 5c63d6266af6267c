"""Merging duplicates: one customer keeps everything, and the merge can be undone."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from camdesk.errors import NotFound
from camdesk.services.customers.files import ContactData, as_edited, get_customer
from camdesk.services.customers.history import customer_history
from camdesk.services.customers.interactions import log_interaction
from camdesk.services.customers.merge import MergeError, merge_customers
from camdesk.services.customers.orders import add_order, purchase_summary
from camdesk.services.customers.undo import undo
from camdesk.services.lists.page import ListQuery, count_customers, fetch_page
from tests.factories import make_customer


def _pair(db, actor):
    keep = make_customer(db, actor, name="王芳", mobile="13800000001", tags=("VIP",))
    other = make_customer(db, actor, name="王芳芳", mobile=None, email="f@x.cn", code="K9",
                          tags=("老客户",), kind="person",
                          contacts=(ContactData(name="小王", mobile="13900000002"),))  # fmt: skip
    third = make_customer(db, actor, name="Wang Fang", mobile=None, email=None, city="上海")
    add_order(db, keep.id, actor, ordered_on=date(2025, 1, 1), amount=1000)
    add_order(db, other.id, actor, ordered_on=date(2025, 2, 1), amount=2000)
    add_order(db, third.id, actor, ordered_on=date(2025, 3, 1), amount=4000)
    log_interaction(db, other.id, actor, kind="call",
                    occurred_at=datetime(2025, 6, 1, 9, tzinfo=UTC))  # fmt: skip
    return keep, other, third


def test_a_group_becomes_one_customer_that_keeps_everything(db, actor):
    keep, other, third = _pair(db, actor)
    chosen = as_edited(keep, email="f@x.cn", code="K9", tags=("VIP", "老客户"))
    merge_customers(db, keep.id, [other.id, third.id], chosen, actor)

    assert count_customers(db) == 1
    merged = get_customer(db, keep.id)
    assert (merged.name, merged.email, merged.code) == ("王芳", "f@x.cn", "K9")
    assert set(merged.tags) == {"VIP", "老客户"}
    assert [c.name for c in merged.contacts] == ["小王"]
    summary = purchase_summary(db, keep.id)
    assert (summary.orders, summary.amount) == (3, 7000)
    assert merged.last_contact_at == datetime(2025, 6, 1, 9, tzinfo=UTC)
    assert count_customers(db, ListQuery(search="xiaowang")) == 1  # contact names searchable
    history = customer_history(db, keep.id)
    assert any(e.op == "insert" and e.new and e.new.get("name") == "王芳芳" for e in history)
    with pytest.raises(NotFound):
        get_customer(db, other.id)


def test_undoing_a_merge_takes_it_apart(db, actor):
    keep, other, third = _pair(db, actor)
    txn = merge_customers(db, keep.id, [other.id, third.id],
                          as_edited(keep, code="K9", tags=("VIP", "老客户")), actor).action  # fmt: skip
    undo(db, txn, actor)
    assert count_customers(db) == 3
    assert get_customer(db, keep.id).code is None
    assert get_customer(db, keep.id).tags == ("VIP",)
    assert get_customer(db, other.id).code == "K9"
    assert [c.name for c in get_customer(db, other.id).contacts] == ["小王"]
    assert purchase_summary(db, keep.id).amount == 1000
    assert purchase_summary(db, third.id).amount == 4000
    assert get_customer(db, keep.id).last_contact_at is None
    assert [r.name for r in fetch_page(db, ListQuery(search="wangfangfang"), 0, 5)] == ["王芳芳"]


def test_merging_needs_two_customers(db, actor):
    keep = make_customer(db, actor, name="甲")
    with pytest.raises(MergeError):
        merge_customers(db, keep.id, [keep.id], as_edited(keep), actor)


def test_a_merge_keeps_everyones_points_and_its_undo_gives_them_back(db, actor):
    from camdesk.services.customers import points

    keep, other, third = _pair(db, actor)  # each order earned a point per yuan
    points.adjust(db, other.id, 50, "birthday gift", actor)
    before = {c.id: points.balance(db, c.id) for c in (keep, other, third)}
    assert before[other.id] == 20 + 50
    txn = merge_customers(db, keep.id, [other.id, third.id], as_edited(keep), actor).action
    assert points.balance(db, keep.id) == sum(before.values())
    points.redeem(db, keep.id, sum(before.values()), "gift", actor)  # all of it can be spent
    assert points.balance(db, keep.id) == 0
    undo(db, txn, actor)
    assert points.balance(db, other.id) == before[other.id]
    assert points.balance(db, third.id) == before[third.id]
