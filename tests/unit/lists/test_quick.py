"""Start-up reads the first page straight from the file: it must show what the list shows."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from camdesk.db import Database
from camdesk.dbfile import current_local_file
from camdesk.services.core.users import ensure_user, local_actor
from camdesk.services.customers.files import delete_customers
from camdesk.services.customers.interactions import log_interaction
from camdesk.services.lists.page import ListQuery, SortKey, fetch_page
from camdesk.services.lists.quick import first_page
from tests.factories import make_customer, make_old_database

NAMES = ["曾志伟", "单田芳", "王芳", "Alice Wong", "bob lee", "欧阳修", "李娜", "张伟"]


def _path(db: Database) -> Path:
    return Path(db.url.database or "")


@pytest.fixture
def filled(sqlite_db: Database) -> Database:
    actor = local_actor(sqlite_db)
    owner = ensure_user(sqlite_db, "li", "李经理")
    made = []
    for n, name in enumerate(NAMES):
        made.append(
            make_customer(
                sqlite_db,
                actor,
                name=name,
                kind="company" if n % 3 == 0 else "person",
                phone="010 8888 6666" if n % 2 else None,
                mobile=None if n % 4 == 1 else f"1390000{n:04d}",
                email=f"c{n}@example.cn" if n % 2 else None,
                tags=("VIP", "老客户") if n % 2 else (),
                owner_id=owner.id if n % 3 else None,
                code=f"K{n:03d}",
            )
        )
    log_interaction(sqlite_db, made[2].id, actor, kind="call",
                    occurred_at=datetime(2026, 3, 5, 9, 30, tzinfo=UTC))  # fmt: skip
    delete_customers(sqlite_db, [made[4].id], actor)
    return sqlite_db


@pytest.mark.parametrize("descending", [False, True])
def test_first_page_equals_the_lists_first_page(filled: Database, descending: bool):
    query = ListQuery(descending=descending)
    expected = fetch_page(filled, query, 0, 5)
    assert first_page(_path(filled), query, 5) == expected
    assert len(expected) == 5
    everything = first_page(_path(filled), query, 100)
    assert everything == fetch_page(filled, query, 0, 100)
    assert "bob lee" not in [r.name for r in everything or []]  # deleted


@pytest.mark.parametrize(
    "query",
    [
        ListQuery(search="王"),
        ListQuery(city="杭州"),
        ListQuery(kind="person"),
        ListQuery(sort=SortKey.CITY),
        ListQuery(custom_columns=("level",)),
    ],
)
def test_other_lists_are_left_to_the_ordinary_reader(filled: Database, query: ListQuery):
    assert first_page(_path(filled), query, 10) is None


def test_a_file_it_cannot_read_gives_none(tmp_path: Path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (x)")
    conn.close()
    assert first_page(other, ListQuery(), 10) is None
    assert first_page(tmp_path / "missing.db", ListQuery(), 10) is None


def test_only_current_local_camdesk_files_are_read_early(sqlite_db: Database, tmp_path: Path):
    assert current_local_file(str(_path(sqlite_db))) == _path(sqlite_db)
    old = tmp_path / "old.db"
    make_old_database(old)
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE notes (x)")
    conn.close()
    text = tmp_path / "list.csv"
    text.write_text("name\n王芳\n")
    for target in (old, foreign, text, tmp_path / "new.db", tmp_path):
        assert current_local_file(str(target)) is None, target
    assert current_local_file("postgresql://localhost/test") is None
