"""Opening databases: new, ours, older, newer, foreign, broken, busy, unreachable."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from camdesk import db as dbmod
from camdesk import dbfile, errors, migrate
from camdesk.db import Mode, open_database
from camdesk.services.core.users import local_actor
from camdesk.services.lists.page import ListQuery, count_customers, fetch_page
from tests.factories import make_customer, make_old_database


def test_first_open_creates_a_camdesk_database(tmp_path: Path):
    path = tmp_path / "sub" / "new.db"
    db = open_database(path)
    assert db.mode is Mode.LOCAL
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == dbfile.SQLITE_APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()
    db = open_database(path, create=False)  # reopening changes nothing
    assert count_customers(db) == 0
    db.close()


def _unchanged(path: Path):
    before = path.read_bytes()

    def check() -> None:
        assert path.read_bytes() == before

    return check


@pytest.mark.parametrize(
    "content",
    [
        b"name,phone\n\xe5\xbc\xa0\xe4\xb8\x89,138\n",
        b"SQLite format 3\x00" + b"\xff" * 2000,
        b"PK\x03\x04 not a database",
    ],
    ids=["csv", "corrupt-sqlite", "zip"],
)
def test_a_file_that_is_not_ours_is_refused_untouched(tmp_path: Path, content: bytes):
    path = tmp_path / "x.db"
    path.write_bytes(content)
    check = _unchanged(path)
    with pytest.raises(errors.NotCamdeskDatabase) as caught:
        open_database(path)
    assert str(path) in caught.value.text()
    check()


def test_another_applications_sqlite_database_is_refused(tmp_path: Path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.close()
    check = _unchanged(path)
    with pytest.raises(errors.NotCamdeskDatabase):
        open_database(path)
    check()


def test_a_directory_is_refused(tmp_path: Path):
    with pytest.raises(errors.NotCamdeskDatabase):
        open_database(tmp_path)


def test_missing_file_without_create(tmp_path: Path):
    with pytest.raises(errors.DatabaseError):
        open_database(tmp_path / "nope.db", create=False)
    assert not (tmp_path / "nope.db").exists()


def test_newer_schema_is_refused_untouched(tmp_path: Path):
    path = tmp_path / "newer.db"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    check = _unchanged(path)
    with pytest.raises(errors.NewerSchemaError) as caught:
        open_database(path)
    assert "9999_from_the_future" in caught.value.text()
    check()


def test_older_schema_is_backed_up_then_upgraded(tmp_path: Path):
    path = tmp_path / "old.db"
    make_old_database(path)

    db = open_database(path)
    backups = list(tmp_path.glob("old.before-*.db"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    conn.close()
    assert count_customers(db, ListQuery(search="ouyang")) == 1
    assert [r.name for r in fetch_page(db, ListQuery(search="欧阳"), 0, 5)] == ["欧阳修"]
    db.close()


def test_shared_mode_uses_a_rollback_journal(tmp_path: Path):
    db = open_database(tmp_path / "shared.db", mode=Mode.SHARED)
    with db.read() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "delete"
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    db.close()


def test_a_busy_database_gives_a_clear_message(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 100)
    db = open_database(tmp_path / "busy.db")
    actor = local_actor(db)
    blocker = sqlite3.connect(tmp_path / "busy.db", isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(errors.DatabaseLocked):
            make_customer(db, actor)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    make_customer(db, actor)  # and works again once the other writer is done
    assert count_customers(db) == 1
    db.close()


def test_unreachable_server_is_reported(monkeypatch):
    result: list[Exception] = []

    def attempt() -> None:
        try:
            open_database("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
        except Exception as exc:
            result.append(exc)

    thread = threading.Thread(target=attempt)
    thread.start()
    thread.join(30)
    assert isinstance(result[0], errors.DatabaseUnreachable)


def test_unsupported_url_is_reported():
    with pytest.raises(errors.DatabaseUnreachable):
        open_database("mysql://localhost/x")


def test_network_paths_are_detected(monkeypatch, tmp_path: Path):
    mounts = f"server:/share {tmp_path} nfs4 rw 0 0\n/dev/vda / ext4 rw 0 0\n"
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: mounts)
    assert dbfile.is_network_path(tmp_path / "team.db")
    assert not dbfile.is_network_path(Path("/var/tmp/x.db"))


def test_head_constant_is_alembics_head():
    from camdesk.migrations import HEAD, REVISIONS

    assert migrate.head_revision() == HEAD
    assert set(REVISIONS) == migrate.known_revisions() and tuple(sorted(REVISIONS)) == REVISIONS


def test_migrations_match_the_models(db):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from camdesk.models import Base

    def ours(obj, name, type_, reflected, compare_to):
        # Full-text tables and trigram indexes are made by hand in revision 0002.
        return not (type_ == "table" and name and "fts" in name) and not (
            type_ == "index" and name and name.endswith("_trgm")
        )

    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": ours, "compare_type": False}
        )
        assert compare_metadata(context, Base.metadata) == []


@pytest.mark.parametrize("mark", ["user_version", "application_id"])
def test_an_empty_file_another_program_marked_as_its_own_is_refused(tmp_path: Path, mark: str):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA {mark} = 42")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(errors.NotCamdeskDatabase):
        open_database(path)
    assert path.read_bytes() == before


@pytest.mark.postgres
def test_an_empty_server_schema_is_not_given_ours_by_a_read(postgresql_db):
    from sqlalchemy import inspect as sa_inspect
    from sqlalchemy import text as sa_text

    url = postgresql_db.url
    with postgresql_db.engine.begin() as conn:  # empty the schema the fixture made ours
        for table in sa_inspect(conn).get_table_names():
            conn.execute(sa_text(f'DROP TABLE "{table}" CASCADE'))
    with pytest.raises(errors.NotCamdeskDatabase):
        open_database(url, create=False)
    with postgresql_db.engine.connect() as conn:
        assert sa_inspect(conn).get_table_names() == []
    open_database(url, create=True).close()  # `camdesk init` still makes it one
