"""Reading feedback: lists (a customer's, the open ones, the overdue ones) and an item's steps."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import aliased

from camdesk.db import Database
from camdesk.errors import NotFound
from camdesk.models import Customer, Feedback, FeedbackStatus, FeedbackStep, User
from camdesk.services.feedback.workflow import OPEN, Ref


@dataclass(frozen=True)
class FeedbackRow:
    """One item as lists show it (codes for kind, status, severity, category, channel)."""

    id: uuid.UUID
    number: int
    version: int
    kind: str
    status: str
    severity: str
    category: str | None
    channel: str | None
    customer_id: uuid.UUID
    customer: str
    code: str | None
    description: str
    assignee: str | None
    received_at: datetime
    due_at: datetime
    resolution: str | None
    reopened: int
    overdue: bool

    @property
    def ref(self) -> Ref:
        return Ref(self.id, self.version)


@dataclass(frozen=True)
class StepRow:
    from_status: str | None
    to_status: str
    user: str | None
    at: datetime
    note: str | None


def list_feedback(db: Database, *, customer_id: uuid.UUID | None = None, number: int | None = None,
                  statuses: Iterable[FeedbackStatus | str] | None = None,
                  open_only: bool = False, overdue: bool = False, limit: int = 500,
                  now: datetime | None = None) -> list[FeedbackRow]:  # fmt: skip
    """Feedback newest first: a customer's, of some statuses, open (not resolved yet) or
    overdue (open and past its due time)."""
    now = now or datetime.now(UTC)
    f = Feedback
    query, _assignee = row_select()
    if customer_id is not None:
        query = query.where(f.customer_id == customer_id)
    if number is not None:
        query = query.where(f.number == number)
    if statuses is not None:
        query = query.where(f.status.in_([FeedbackStatus(s) for s in statuses]))
    if open_only or overdue:
        query = query.where(f.status.in_(OPEN))
    if overdue:
        query = query.where(f.due_at < now)
    rows = db_rows(db, query.order_by(f.received_at.desc(), f.id.desc()).limit(limit))
    return [as_row(r, now) for r in rows]


def row_select() -> tuple[Any, Any]:
    """The select of a :class:`FeedbackRow`'s columns (live items, their customer and
    assignee joined), and the assignee's alias (to sort or filter by)."""
    f = Feedback
    assignee = aliased(User)
    query = (
        select(f.id, f.number, f.version, f.kind, f.status, f.severity, f.category, f.channel,
               f.customer_id, Customer.name, Customer.code, f.description,
               assignee.display_name, f.received_at, f.due_at, f.resolution, f.reopened)
        .join(Customer, Customer.id == f.customer_id)
        .outerjoin(assignee, assignee.id == f.assignee_id)
        .where(f.deleted_at.is_(None))
    )  # fmt: skip
    return query, assignee


def as_row(r: Any, now: datetime) -> FeedbackRow:
    (ident, number, version, kind, status, severity, category, channel, customer_id, name,
     code, description, assignee, received_at, due_at, resolution, reopened) = r  # fmt: skip
    return FeedbackRow(ident, number, version, kind.value, status.value, severity.value,
                       category, channel, customer_id, name, code, description, assignee,
                       received_at, due_at, resolution, reopened,
                       overdue=status in OPEN and due_at < now)  # fmt: skip


def db_rows(db: Database, query: Any) -> list[Any]:
    with db.read() as session:
        return list(session.execute(query))


def item(db: Database, number: int) -> FeedbackRow:
    """The item numbered ``number`` (FB-<number>)."""
    found = list_feedback(db, number=number, limit=1)
    if not found:
        raise NotFound()
    return found[0]


def steps_of(db: Database, feedback_id: uuid.UUID) -> list[StepRow]:
    """An item's steps, oldest first."""
    s = FeedbackStep
    query = (select(s.from_status, s.to_status, User.display_name, s.at, s.note)
             .outerjoin(User, User.id == s.user_id).where(s.feedback_id == feedback_id)
             .order_by(s.at, s.id))  # fmt: skip
    return [StepRow(f.value if f else None, t.value, who, at, note)
            for f, t, who, at, note in db_rows(db, query)]  # fmt: skip
