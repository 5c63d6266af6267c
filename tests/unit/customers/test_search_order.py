"""Search results page in name order: the shortcut over name-ordered ids must be exact."""

from __future__ import annotations

import random

import pytest

from camdesk.services.customers.files import as_edited, delete_customers, update_customer
from camdesk.services.customers.search import sort_key
from camdesk.services.customers.search_order import BUCKET_BITS, bucket
from camdesk.services.lists.page import ListQuery, fetch_page
from tests.factories import make_customer

SURNAMES = ["张", "章", "王", "汪", "李", "黎", "曾", "单"]
GIVEN = ["伟", "伟明", "小燕", "晓燕", "三", "丽", "杰", "子涵", "yang", "Wei"]


def test_buckets_never_decrease_with_the_sort_key():
    rng = random.Random(5)
    alphabet = "abcxyz019 -_.AZé中"
    keys = ["", "a", "zhang", "zhangwei", "zhangweiming", "zhang wei", "zz", "é", "中文"]
    keys += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    ordered = sorted(keys, key=lambda k: k.encode())  # SQLite's BINARY order
    buckets = [bucket(k) for k in ordered]
    assert buckets == sorted(buckets)
    assert bucket("zhangwe") < bucket("zhangwei") == bucket("zhangweiming") < bucket("zhangx")
    assert bucket("\U0010ffff" * 8) == max(bucket(k) for k in [*keys, "\U0010ffff"])
    assert (bucket("zz" * 8) + 1) << BUCKET_BITS <= 2**63  # every id fits SQLite's integer


@pytest.fixture
def crowd(db, actor):
    rng = random.Random(3)
    made = [
        make_customer(
            db,
            actor,
            name=rng.choice(SURNAMES) + rng.choice(GIVEN),
            email=f"zhang{n}@example.cn" if n % 5 == 0 else None,
        )
        for n in range(140)
    ]
    delete_customers(db, [made[0].id, made[7].id], actor)
    return made


def test_every_page_of_a_search_is_in_name_order(db, crowd):
    for search in ["zhang", "zh", "zw", "w", "伟", "xiaoyan", "zhang1", "z w"]:
        for descending in (False, True):
            query = ListQuery(search=search, descending=descending)
            # A filter every customer passes takes the general path: it sorts all matches.
            general = ListQuery(search=search, city="杭州", descending=descending)
            reference = fetch_page(db, general, 0, 500)
            assert reference, search
            for size in (1, 7, 25):
                pages = [fetch_page(db, query, at, size) for at in range(0, len(reference), size)]
                assert [r.id for page in pages for r in page] == [r.id for r in reference]
            whole = _whole_name_matches(db, search)  # listed first (see exact_search_ids)
            assert bool(whole) == (search == "zw"), search
            parts = [r.id not in whole for r in reference]
            assert parts == sorted(parts)
            for part in (False, True):
                keys = [
                    (sort_key(r.name), str(r.id)) for r in reference if (r.id not in whole) == part
                ]
                assert keys == sorted(keys, reverse=descending)


def _whole_name_matches(db, text):
    from sqlalchemy import select

    from camdesk.models import CustomerSearch
    from camdesk.services.customers.search import exact_search_ids, parse_query

    exact = exact_search_ids(parse_query(text), db.dialect)
    if exact is None:
        return set()
    with db.read() as session:
        found = select(CustomerSearch.customer_id).where(CustomerSearch.id.in_(exact))
        return set(session.execute(found).scalars())


def test_a_renamed_customer_moves_in_the_search_order(db, actor):
    first = make_customer(db, actor, name="张三")
    make_customer(db, actor, name="王三")
    assert [r.name for r in fetch_page(db, ListQuery(search="san"), 0, 1)] == ["王三"]
    update_customer(db, first.id, as_edited(first, name="阿三"), expected_version=first.version,
                    actor=actor)  # fmt: skip
    assert [r.name for r in fetch_page(db, ListQuery(search="san"), 0, 1)] == ["阿三"]
    assert [r.name for r in fetch_page(db, ListQuery(search="san", descending=True), 0, 1)] == [
        "王三"
    ]


def test_an_upgraded_file_gets_name_ordered_ids(tmp_path):
    import sqlite3

    from camdesk.db import open_database
    from tests.factories import make_old_database

    path = tmp_path / "old.db"
    names = ("王五", "张伟", "阿伟", "李伟", "张伟明", "Wei Li", "曾伟")
    make_old_database(path, "赵伟", revision="0003", names=names)
    with sqlite3.connect(path) as conn:  # the old ids: in order of creation
        conn.execute("UPDATE customer_search SET id = 1000 - id")  # and now against the names
        # As camdesk before 0004 stored a polyphone surname's key:
        conn.execute("UPDATE customer SET sort_key = 'zengengwei' WHERE name = '曾伟'")
        conn.execute(
            "UPDATE customer_search SET sort_key = 'zengengwei' WHERE sort_key = 'zengwei'"
        )
    conn.close()
    db = open_database(path)
    with sqlite3.connect(path) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM customer_search ORDER BY sort_key")]
        keys = {row[0] for row in conn.execute("SELECT sort_key FROM customer")}
    conn.close()
    assert ids == sorted(ids)
    assert "zengwei" in keys and "zengengwei" not in keys
    for descending in (False, True):
        pages = [fetch_page(db, ListQuery(search="wei", descending=descending), at, 2)
                 for at in range(0, 8, 2)]  # fmt: skip
        found = [r.name for page in pages for r in page]
        expected = ["阿伟", "李伟", "Wei Li", "曾伟", "张伟", "张伟明", "赵伟"]
        assert sorted(found, key=sort_key, reverse=descending) == found
        assert sorted(found) == sorted(expected)
    db.close()
