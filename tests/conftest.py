"""Test configuration: offscreen Qt, isolated data folder, a fresh database per test.

Service tests take the ``db`` fixture and run twice: on a temporary SQLite file
and on a private schema of the PostgreSQL test server (skipped with the reason
when that server cannot be reached).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

# Before anything imports Qt: no screen is needed, and the user's own data stays untouched.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["CAMDESK_DATA_DIR"] = tempfile.mkdtemp(prefix="camdesk-test-data-")
os.environ.setdefault("LANG", "en_US.UTF-8")

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from camdesk.db import Database, open_database
from camdesk.services.core.context import Actor
from camdesk.services.core.users import local_actor

PG_URL = os.environ.get("CAMDESK_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _postgres_problem() -> str | None:
    try:
        engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with engine.begin() as conn:
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"))
        engine.dispose()
    except Exception as exc:  # any failure means: no usable server here
        return f"PostgreSQL test server not reachable at {PG_URL}: {str(exc).splitlines()[0]}"
    return None


_PG_PROBLEM: str | bool | None = False


def postgres_problem() -> str | None:
    global _PG_PROBLEM
    if _PG_PROBLEM is False:
        _PG_PROBLEM = _postgres_problem()
    return _PG_PROBLEM  # type: ignore[return-value]


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A freshly migrated database, copied for each test (migrating each time is slow)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    open_database(path).close()
    return path


@pytest.fixture
def sqlite_db(tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    path = tmp_path / "camdesk.db"
    shutil.copy(sqlite_template, path)
    db = open_database(path)
    yield db
    db.close()


@contextmanager
def postgresql_schema() -> Iterator[URL]:
    """A private schema of the PostgreSQL test server (skipped where there is none), as a
    URL that puts it first on the search path; dropped afterwards."""
    problem = postgres_problem()
    if problem:
        pytest.skip(problem)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema},public"})
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def postgresql_db() -> Iterator[Database]:
    with postgresql_schema() as url:
        db = open_database(url)
        try:
            yield db
        finally:
            db.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest) -> Database:
    """A fresh camdesk database on each backend."""
    return request.getfixturevalue(f"{request.param}_db")


@pytest.fixture
def actor(db: Database) -> Actor:
    return local_actor(db)
