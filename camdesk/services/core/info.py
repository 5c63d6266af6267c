"""Facts about an open database: where, which backend, schema, how many of what."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select, text

from camdesk.db import Database
from camdesk.models import Contact, Customer, CustomerKind, Interaction, Order, Tag, User


@dataclass(frozen=True)
class DatabaseInfo:
    location: str
    backend: str
    mode: str
    schema_revision: str
    counts: dict[str, int]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def customer_count(db: Database) -> int:
    """Live customers (for the status bar)."""
    with db.read() as session:
        statement = select(func.count()).select_from(Customer).where(Customer.deleted_at.is_(None))
        return int(session.execute(statement).scalar_one())


def database_info(db: Database) -> DatabaseInfo:
    with db.read() as session:

        def count(model: Any, *where: Any) -> int:
            statement = (
                select(func.count()).select_from(model).where(model.deleted_at.is_(None), *where)
            )
            return int(session.execute(statement).scalar_one())

        counts = {
            "customers": count(Customer),
            "people": count(Customer, Customer.kind == CustomerKind.PERSON),
            "companies": count(Customer, Customer.kind == CustomerKind.COMPANY),
            "contacts": count(Contact),
            "orders": count(Order),
            "interactions": count(Interaction),
            "tags": count(Tag),
            "users": count(User),
        }
        revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return DatabaseInfo(
        location=db.display_name,
        backend=db.dialect,
        mode=db.mode.value,
        schema_revision=str(revision),
        counts=counts,
    )
