"""Factories for test data: customers and orders built through the services."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from camdesk.db import Database
from camdesk.services.core.context import Actor
from camdesk.services.customers.files import CustomerData, CustomerRecord, create_customer

_numbers = itertools.count(1)


def customer_data(**overrides: Any) -> CustomerData:
    n = next(_numbers)
    values: dict[str, Any] = {
        "name": f"测试客户{n}",
        "mobile": f"139{n:08d}",
        "city": "杭州",
        "province": "浙江",
    }
    values.update(overrides)
    return CustomerData(**values)


def make_customer(db: Database, actor: Actor, *, notes: str | None = None,
                  **overrides: Any) -> CustomerRecord:  # fmt: skip
    """A saved customer; ``notes``: a note in its contact log, as a user adds one."""
    record = create_customer(db, customer_data(**overrides), actor).value
    if notes:
        from datetime import UTC, datetime

        from camdesk.services.customers.interactions import log_interaction

        log_interaction(db, record.id, actor, kind="note", notes=notes,
                        occurred_at=datetime.now(UTC))  # fmt: skip
    return record


def customer_notes(db: Database, customer_id: Any) -> list[str]:
    """A customer's notes (their texts), oldest first."""
    from camdesk.services.customers.notes import notes_of

    with db.read() as session:
        return notes_of(session, [customer_id]).get(customer_id, [])


def make_old_database(
    path: Path, name: str = "欧阳修", *, revision: str = "0001", names: tuple[str, ...] = ()
) -> None:
    """A database with customers (``name``, then ``names``), taken back to an older schema
    as an old camdesk left it."""
    from alembic import command
    from sqlalchemy import create_engine

    from camdesk import migrate
    from camdesk.db import open_database
    from camdesk.services.core.users import local_actor

    db = open_database(path)
    actor = local_actor(db)
    for each in (name, *names):
        make_customer(db, actor, name=each)
    db.close()
    engine = create_engine(f"sqlite:///{path}")
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)
    engine.dispose()
