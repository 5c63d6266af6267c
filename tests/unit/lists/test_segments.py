"""Saved segments are live lists; bulk tag and owner changes are one undoable action."""

from __future__ import annotations

import pytest

from camdesk.db import Database
from camdesk.errors import ValidationError
from camdesk.services.core.context import Actor
from camdesk.services.core.users import ensure_user
from camdesk.services.customers.files import get_customer
from camdesk.services.customers.tags import add_tag
from camdesk.services.customers.undo import undo
from camdesk.services.lists.criteria import Criterion
from camdesk.services.lists.page import count_customers, ordered_ids
from camdesk.services.lists.rows import ListQuery
from camdesk.services.lists.segments import (
    SegmentError,
    assign_owner,
    delete_segment,
    list_segments,
    query_of,
    save_segment,
)
from tests.factories import make_customer


def test_a_saved_segment_is_a_live_list(db: Database, actor: Actor) -> None:
    make_customer(db, actor, name="杭州甲", city="杭州", gender="female")
    make_customer(db, actor, name="南京乙", city="南京", gender="female")
    women_hz = (Criterion("gender", "=", "female"), Criterion("city", "=", "杭州"))
    saved = save_segment(db, "杭州女性", women_hz, actor, notes="春季活动").value
    assert [s.name for s in list_segments(db)] == ["杭州女性"]
    assert list_segments(db)[0].criteria == women_hz
    assert count_customers(db, query_of(saved)) == 1
    make_customer(db, actor, name="杭州丙", city="杭州", gender="female")  # joins by itself
    assert count_customers(db, query_of(saved)) == 2
    with pytest.raises(SegmentError, match="called 杭州女性 exists"):
        save_segment(db, "杭州女性", (Criterion("city", "=", "杭州"),), actor)
    with pytest.raises(SegmentError, match="at least one condition"):
        save_segment(db, "空的", (), actor)
    renamed = save_segment(db, "杭州客户", (Criterion("city", "=", "杭州"),), actor,
                           segment_id=saved.id).value  # fmt: skip
    assert renamed.id == saved.id and [s.name for s in list_segments(db)] == ["杭州客户"]
    delete_segment(db, saved.id, actor)
    assert list_segments(db) == []
    assert (
        save_segment(db, "杭州客户", (Criterion("city", "=", "杭州"),), actor).value.name
        == "杭州客户"
    )


def test_bulk_tag_and_owner_are_logged_and_undone_as_one_action(db: Database, actor: Actor) -> None:
    boss = ensure_user(db, "wang", "王经理")
    tagged = make_customer(db, actor, name="已有", city="杭州", tags=("VIP",)).id
    plain = make_customer(db, actor, name="没有", city="杭州", tags=("老客户",)).id
    make_customer(db, actor, name="别处", city="南京")
    ids = ordered_ids(db, ListQuery(criteria=(Criterion("city", "=", "杭州"),)))
    txn = add_tag(db, ids, "VIP", actor).action
    assert txn is not None
    assert get_customer(db, plain).tags == ("VIP", "老客户") or set(
        get_customer(db, plain).tags
    ) == {"VIP", "老客户"}
    assert count_customers(db, ListQuery(tag="VIP")) == 2
    assert add_tag(db, ids, "VIP", actor).action is None  # nothing left to do
    before = get_customer(db, plain).version
    moved = assign_owner(db, ids, boss.id, actor).action
    assert moved is not None and get_customer(db, tagged).owner_id == boss.id
    assert get_customer(db, plain).version == before + 1  # an open form sees the change
    undo(db, moved, actor)
    assert get_customer(db, tagged).owner_id is None
    undo(db, txn, actor)
    assert set(get_customer(db, plain).tags) == {"老客户"}
    assert set(get_customer(db, tagged).tags) == {"VIP"}
    with pytest.raises(ValidationError):
        add_tag(db, ids, " ", actor)
