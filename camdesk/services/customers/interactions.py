"""The contact log and timeline: calls, messages, visits and dated notes, newest first.

A contact (any kind but a note) moves the customer's "last contact" forward; a note is
a dated entry in the same timeline and is no contact.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from camdesk.db import Database
from camdesk.errors import ValidationError
from camdesk.models import Customer, Direction, Interaction, InteractionKind, User
from camdesk.services.core.changelog import ChangeWriter, Op
from camdesk.services.core.changes import Changes, Kind, Written
from camdesk.services.core.context import Actor
from camdesk.services.core.validation import FUTURE_DATE, Checker

LEEWAY = timedelta(minutes=10)  # a clock a little ahead of the database's is no future


CHANNELS = tuple(k.value for k in InteractionKind)  # contact channels (and "note"), as codes
DIRECTIONS = tuple(d.value for d in Direction)


@dataclass(frozen=True)
class Entry:
    """What a user logs: a contact (channel, direction, summary, outcome, next step) or a note."""

    kind: InteractionKind
    occurred_at: datetime
    subject: str | None = None
    notes: str | None = None
    direction: Direction | None = None
    outcome: str | None = None
    next_step: str | None = None

    @property
    def is_contact(self) -> bool:
        return self.kind is not InteractionKind.NOTE


@dataclass(frozen=True)
class InteractionRow:
    id: uuid.UUID
    kind: str
    occurred_at: datetime
    user: str | None
    subject: str | None
    notes: str | None
    direction: str | None = None
    outcome: str | None = None
    next_step: str | None = None


def checked_entry(entry: Entry, now: datetime | None = None) -> Entry:
    """``entry`` with its texts trimmed.

    Raises:
        ValidationError: a text is too long or the time lies in the future.
    """
    check = Checker()
    subject = check.text("subject", entry.subject, 200)
    notes = check.text("notes", entry.notes, 20_000, multiline=True)
    outcome = check.text("outcome", entry.outcome, 2_000, multiline=True)
    next_step = check.text("next_step", entry.next_step, 2_000, multiline=True)
    if entry.occurred_at.tzinfo is None:
        raise ValueError("naive datetime given; camdesk stores aware UTC times")
    if entry.occurred_at > (now or datetime.now(UTC)) + LEEWAY:
        check.fail(
            "occurred_at", FUTURE_DATE, value=f"{entry.occurred_at.astimezone():%Y-%m-%d %H:%M}"
        )
    if check.problems:
        raise ValidationError(check.problems)
    return Entry(entry.kind, entry.occurred_at, subject, notes, entry.direction, outcome, next_step)


def log_interaction(
    db: Database,
    customer_id: uuid.UUID,
    actor: Actor,
    *,
    kind: str,
    occurred_at: datetime,
    subject: str | None = None,
    notes: str | None = None,
    direction: str | None = None,
    outcome: str | None = None,
    next_step: str | None = None,
) -> Written[uuid.UUID]:
    """Record a contact or a note (its value is the entry's id).

    "Last contact" is derived data: it is updated without bumping the customer's
    version, so logging a call never makes someone's open edit conflict.
    """
    entry = checked_entry(Entry(InteractionKind(kind), occurred_at, subject, notes,
                                Direction(direction) if direction else None, outcome,
                                next_step))  # fmt: skip
    txn = uuid.uuid4()
    with db.write() as session:
        ident = add_interaction(session, ChangeWriter(session, actor, txn), customer_id, entry)
    return Written(ident, Changes.of(Kind.INTERACTIONS, [customer_id], txn))


def add_interaction(session: Session, log: ChangeWriter, customer_id: uuid.UUID,
                    entry: Entry) -> uuid.UUID:  # fmt: skip
    """Add a checked ``entry`` in an open write (another service's, e.g. a follow-up done)."""
    row = Interaction(customer_id=customer_id, kind=entry.kind, occurred_at=entry.occurred_at,
                      user_id=log.actor.user_id, direction=entry.direction,
                      subject=entry.subject, notes=entry.notes, outcome=entry.outcome,
                      next_step=entry.next_step, updated_by=log.actor.user_id)  # fmt: skip
    session.add(row)
    session.flush()
    log.add("interaction", row.id, Op.INSERT)
    if entry.is_contact:
        advance_last_contact(session, customer_id, entry.occurred_at)
    return row.id


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
    db: Database, customer_id: uuid.UUID, limit: int = 1000
) -> list[InteractionRow]:
    """A customer's timeline, newest first (contacts and notes).

    Columns, not ORM objects: a customer with a thousand entries opens in milliseconds.
    """
    i = Interaction
    with db.read() as session:
        rows = session.execute(
            select(i.id, i.kind, i.occurred_at, User.display_name, i.subject, i.notes,
                   i.direction, i.outcome, i.next_step)
            .outerjoin(User, User.id == i.user_id)
            .where(i.customer_id == customer_id, i.deleted_at.is_(None))
            .order_by(i.occurred_at.desc(), i.id.desc())
            .limit(limit)
        ).all()  # fmt: skip
    return [InteractionRow(ident, kind.value, at, name, subject, notes,
                           direction.value if direction else None, outcome, step)
            for ident, kind, at, name, subject, notes, direction, outcome, step in rows]  # fmt: skip
