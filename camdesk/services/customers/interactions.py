"""The contact log: calls, messages and visits, and each customer's last contact."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from camdesk.db import Database
from camdesk.models import Customer, Interaction, InteractionKind, User
from camdesk.services.core.changelog import ChangeWriter, Op
from camdesk.services.core.changes import Changes, Kind, Written
from camdesk.services.core.context import Actor


@dataclass(frozen=True)
class InteractionRow:
    id: uuid.UUID
    kind: str
    occurred_at: datetime
    user: str | None
    subject: str | None
    notes: str | None


def log_interaction(
    db: Database,
    customer_id: uuid.UUID,
    actor: Actor,
    *,
    kind: str,
    occurred_at: datetime,
    subject: str | None = None,
    notes: str | None = None,
) -> Written[uuid.UUID]:
    """Record a contact (its value is the entry's id) and move the customer's "last contact" forward if it is newer.

    "Last contact" is derived data: it is updated without bumping the customer's
    version, so logging a call never makes someone's open edit conflict.
    """
    with db.write() as session:
        row = Interaction(customer_id=customer_id, kind=InteractionKind(kind),
                          occurred_at=occurred_at, user_id=actor.user_id, subject=subject,
                          notes=notes, updated_by=actor.user_id)  # fmt: skip
        session.add(row)
        session.flush()
        txn = uuid.uuid4()
        ChangeWriter(session, actor, txn).add("interaction", row.id, Op.INSERT)
        advance_last_contact(session, customer_id, occurred_at)
        ident = row.id
    return Written(ident, Changes.of(Kind.INTERACTIONS, [customer_id], txn))


def advance_last_contact(session: Session, customer_id: uuid.UUID, at: datetime) -> None:
    """A customer's "last contact" moves forward to ``at``, never back (no version bump)."""
    session.execute(
        update(Customer)
        .where(Customer.id == customer_id)
        .where(or_(Customer.last_contact_at.is_(None), Customer.last_contact_at < at))
        .values(last_contact_at=at)
        .execution_options(synchronize_session=False)
    )


def list_interactions(
    db: Database, customer_id: uuid.UUID, limit: int = 500
) -> list[InteractionRow]:
    with db.read() as session:
        rows = session.execute(
            select(Interaction, User.display_name)
            .outerjoin(User, User.id == Interaction.user_id)
            .where(Interaction.customer_id == customer_id, Interaction.deleted_at.is_(None))
            .order_by(Interaction.occurred_at.desc())
            .limit(limit)
        ).all()
        return [InteractionRow(i.id, i.kind.value, i.occurred_at, name, i.subject, i.notes)
                for i, name in rows]  # fmt: skip
