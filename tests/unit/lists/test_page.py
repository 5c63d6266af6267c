"""The customer list: pages, order, filters; the same answers on both databases."""

from __future__ import annotations

import pytest

from camdesk.services.core.users import ensure_user
from camdesk.services.customers.custom_fields import define_field
from camdesk.services.lists.page import (
    ListQuery,
    SortKey,
    count_customers,
    distinct_cities,
    fetch_page,
    tag_names,
)
from tests.factories import make_customer

NAMES = [
    "王芳",
    "李娜",
    "张伟",
    "刘洋",
    "陈静",
    "杨磊",
    "赵敏",
    "黄勇",
    "周杰",
    "吴昊",
    "Alice Wong",
    "bob lee",
]


def test_default_order_is_pinyin_then_latin(db, actor):
    for name in NAMES:
        make_customer(db, actor, name=name)
    rows = fetch_page(db, ListQuery(), 0, 100)
    assert [r.name for r in rows] == [
        "Alice Wong",
        "bob lee",
        "陈静",
        "黄勇",
        "李娜",
        "刘洋",
        "王芳",
        "吴昊",
        "杨磊",
        "张伟",
        "赵敏",
        "周杰",
    ]


def test_pages_are_consistent_slices(db, actor):
    for n in range(25):
        make_customer(db, actor, name=f"客户{n:02d}", city="城市" + "ABC"[n % 3])
    everything = [r.id for r in fetch_page(db, ListQuery(sort=SortKey.CITY), 0, 100)]
    pages = [
        r.id
        for start in range(0, 25, 7)
        for r in fetch_page(db, ListQuery(sort=SortKey.CITY), start, 7)
    ]
    assert pages == everything
    assert len(set(everything)) == 25
    backwards = [
        r.id for r in fetch_page(db, ListQuery(sort=SortKey.CITY, descending=True), 0, 100)
    ]
    assert backwards == everything[::-1]


def test_empty_values_sort_first_going_up(db, actor):
    make_customer(db, actor, name="甲", email="b@x.cn")
    make_customer(db, actor, name="乙", email=None)
    make_customer(db, actor, name="丙", email="a@x.cn")
    up = [r.name for r in fetch_page(db, ListQuery(sort=SortKey.EMAIL), 0, 10)]
    down = [r.name for r in fetch_page(db, ListQuery(sort=SortKey.EMAIL, descending=True), 0, 10)]
    assert up == ["乙", "丙", "甲"]
    assert down == ["甲", "丙", "乙"]


def test_filters_combine(db, actor):
    owner = ensure_user(db, "lily", "莉莉")
    define_field(db, "level", "等级", "choice", ("金", "银"), show_in_list=True)
    make_customer(
        db, actor, name="甲", city="北京", tags=("VIP",), owner_id=owner.id, custom={"level": "金"}
    )
    make_customer(db, actor, name="乙", city="北京", tags=("VIP",), custom={"level": "银"})
    make_customer(db, actor, name="丙", city="上海", kind="company")
    assert count_customers(db, ListQuery(city="北京")) == 2
    assert count_customers(db, ListQuery(tag="VIP", owner_id=owner.id)) == 1
    assert count_customers(db, ListQuery(kind="company")) == 1
    query = ListQuery(custom_filter=(("level", "金"),), custom_columns=("level",))
    rows = fetch_page(db, query, 0, 10)
    assert [(r.name, r.owner, r.tags, r.custom) for r in rows] == [
        ("甲", "莉莉", ("VIP",), ("金",))
    ]
    assert distinct_cities(db) == ["上海", "北京"]
    assert tag_names(db) == ["VIP"]


def test_rows_show_phones_nationally(db, actor):
    make_customer(db, actor, name="甲", mobile="+8613812345678")
    assert fetch_page(db, ListQuery(), 0, 1)[0].phone == "138 1234 5678"


def test_polyphone_surnames_sort_by_their_surname_reading(db, actor):
    for name in ("曾强", "邹明", "张三", "单田芳", "邓超"):
        make_customer(db, actor, name=name)
    rows = fetch_page(db, ListQuery(), 0, 10)
    # 单 reads shan, 曾 reads zeng as surnames (not dan, ceng).
    assert [r.name for r in rows] == ["邓超", "单田芳", "曾强", "张三", "邹明"]


def test_anchored_pages_equal_offset_pages(db, actor):
    from camdesk.services.lists.page import page_anchors

    for n in range(23):
        make_customer(db, actor, name=["王芳", "李娜", "张伟"][n % 3] + str(n % 5), kind="person")
    for sort in (SortKey.NAME,):
        for descending in (False, True):
            query = ListQuery(sort=sort, descending=descending)
            anchors = page_anchors(db, query, 5)
            assert anchors is not None and len(anchors) == 5
            for number, anchor in enumerate(anchors):
                by_offset = fetch_page(db, query, number * 5, 5)
                by_anchor = fetch_page(db, query, number * 5, 5, anchor)
                assert [r.id for r in by_anchor] == [r.id for r in by_offset]


def test_no_anchors_for_searches_filters_or_columns_with_blanks(db, actor):
    from camdesk.services.customers.search import sort_key
    from camdesk.services.lists.page import page_anchors

    make_customer(db, actor, name="甲")
    assert page_anchors(db, ListQuery(search="甲"), 5) is None
    assert page_anchors(db, ListQuery(city="北京"), 5) is None
    assert page_anchors(db, ListQuery(sort=SortKey.EMAIL), 5) is None
    assert page_anchors(db, ListQuery(), 5) == [
        (r.id and sort_key("甲"), r.id) for r in fetch_page(db, ListQuery(), 0, 1)
    ]


def test_the_unassigned_choice_lists_customers_nobody_owns(db, actor):
    from camdesk.services.lists.criteria import Criterion
    from camdesk.services.lists.rows import NO_OWNER
    from camdesk.services.lists.segments import query_of, save_segment

    lily = ensure_user(db, "lily", "莉莉")
    make_customer(db, actor, name="甲", owner_id=lily.id)
    make_customer(db, actor, name="乙")
    make_customer(db, actor, name="丙")
    nobody = ListQuery(owner_id=NO_OWNER)
    assert count_customers(db, nobody) == 2
    assert sorted(r.name for r in fetch_page(db, nobody, 0, 10)) == ["丙", "乙"]
    # As a segment's condition, alone or beside an owner.
    segment = save_segment(db, "没人跟进", [Criterion("owner", "=", str(NO_OWNER))], actor).value
    assert count_customers(db, query_of(segment)) == 2
    either = ListQuery(criteria=(Criterion("owner", "in", (str(NO_OWNER), str(lily.id))),))
    assert count_customers(db, either) == 3


@pytest.mark.parametrize("most_exact", [5000, 0], ids=["read-once", "as-subquery"])
def test_a_search_lists_whole_name_matches_first(db, actor, monkeypatch, most_exact):
    """ "zxy" puts 曾晓燕 (the whole name's initials) before names that merely contain
    the letters; pages stay consistent slices of that order, going up and down (whole-name
    matches read once as values, or, when there are very many, kept a subquery)."""
    from camdesk.services.lists import page

    monkeypatch.setattr(page, "MOST_EXACT", most_exact)
    for name in ["安子夏阳", "白张小燕", "曾晓燕", "张兴毅", "赵小雨辰", "李莉", "刘力", "黎丽丽"]:
        make_customer(db, actor, name=name)
    make_customer(db, actor, name="陈明", email="zxy@example.com")
    query = ListQuery(search="zxy")
    names = [r.name for r in fetch_page(db, query, 0, 100)]
    assert names == ["曾晓燕", "张兴毅", "安子夏阳", "白张小燕", "陈明", "赵小雨辰"]
    assert [r.name for p in (0, 2, 4) for r in fetch_page(db, query, p, 2)] == names
    going_down = ListQuery(search="zxy", descending=True)
    assert [r.name for r in fetch_page(db, going_down, 0, 100)] == [
        "张兴毅", "曾晓燕", "赵小雨辰", "陈明", "白张小燕", "安子夏阳"
    ]  # fmt: skip
    # a last syllable is not a whole name's initials; the whole pinyin and name are
    assert [r.name for r in fetch_page(db, ListQuery(search="li"), 0, 3)] == [
        "李莉",
        "黎丽丽",
        "刘力",
    ]
    assert [r.name for r in fetch_page(db, ListQuery(search="lili"), 0, 1)] == ["李莉"]
    assert [r.name for r in fetch_page(db, ListQuery(search="张小燕"), 0, 1)] == ["白张小燕"]
    filtered = ListQuery(search="zxy", city="杭州")  # every customer's: the general path
    assert [r.name for r in fetch_page(db, filtered, 0, 100)] == names
