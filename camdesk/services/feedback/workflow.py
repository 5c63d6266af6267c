"""Feedback from received to closed: new -> assigned -> in progress -> resolved -> customer
informed -> closed, and reopened when the customer is not satisfied after all.

Every step names the item as the user saw it (id and version): someone else's change since
is :class:`~camdesk.errors.FeedbackChanged`, a step the item cannot take from where it is
:class:`~camdesk.errors.FeedbackStepRefused`, and nothing is written. Each step is kept
(who, when, from, to, note) and logged in the change log.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from camdesk.db import Database
from camdesk.errors import (
    FeedbackChanged,
    FeedbackStepRefused,
    NotFound,
    Term,
    ValidationError,
)
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.models import (
    Customer,
    Feedback,
    FeedbackKind,
    FeedbackStatus,
    FeedbackStep,
    Order,
    Severity,
    User,
    new_id,
)
from camdesk.services.core.changelog import ChangeWriter, Op
from camdesk.services.core.changes import Changes, Kind, Written
from camdesk.services.core.context import Actor
from camdesk.services.core.users import last_change
from camdesk.services.core.validation import FUTURE_DATE, Checker
from camdesk.services.customers.interactions import CHANNELS
from camdesk.services.feedback import loop
from camdesk.services.feedback.rules import load_rules

S = FeedbackStatus
# Where an item may go next from each status (reopening goes back to in progress).
NEXT: dict[FeedbackStatus, tuple[FeedbackStatus, ...]] = {
    S.NEW: (S.ASSIGNED, S.IN_PROGRESS),
    S.ASSIGNED: (S.ASSIGNED, S.IN_PROGRESS),
    S.IN_PROGRESS: (S.ASSIGNED, S.RESOLVED),
    S.RESOLVED: (S.INFORMED, S.IN_PROGRESS),
    S.INFORMED: (S.CLOSED, S.IN_PROGRESS),
    S.CLOSED: (S.IN_PROGRESS,),
}
OPEN = (S.NEW, S.ASSIGNED, S.IN_PROGRESS)  # not resolved yet: the service level runs
DONE = (S.RESOLVED, S.INFORMED, S.CLOSED)
OPEN_CODES = tuple(s.value for s in OPEN)  # as views and lists speak them
# Status names as the messages say them (views have their own, for lists and buttons).
STATUS_WORDS = {
    S.NEW: QT_TRANSLATE_NOOP("feedback", "new"),
    S.ASSIGNED: QT_TRANSLATE_NOOP("feedback", "assigned"),
    S.IN_PROGRESS: QT_TRANSLATE_NOOP("feedback", "in progress"),
    S.RESOLVED: QT_TRANSLATE_NOOP("feedback", "resolved"),
    S.INFORMED: QT_TRANSLATE_NOOP("feedback", "customer informed"),
    S.CLOSED: QT_TRANSLATE_NOOP("feedback", "closed"),
}
NEEDS_ASSIGNEE = QT_TRANSLATE_NOOP("errors", "Choose who takes it on.")
NEEDS_RESOLUTION = QT_TRANSLATE_NOOP("errors", "Say how it was resolved.")
UNKNOWN_CATEGORY = QT_TRANSLATE_NOOP("errors", "“{value}” is not one of the team's categories.")
UNKNOWN_CHANNEL = QT_TRANSLATE_NOOP("errors", "“{value}” is not a channel camdesk knows.")
NOT_THEIR_ORDER = QT_TRANSLATE_NOOP("errors", "That order is not this customer's.")
LEEWAY = timedelta(minutes=10)


def term(status: FeedbackStatus) -> Term:
    return Term("feedback", STATUS_WORDS[status])


@dataclass(frozen=True)
class FeedbackData:
    """New feedback as a user records it (codes or enums; the service checks them)."""

    customer_id: uuid.UUID
    kind: FeedbackKind | str
    description: str
    severity: Severity | str = Severity.NORMAL
    channel: str | None = None
    category: str | None = None
    order_id: uuid.UUID | None = None
    assignee_id: uuid.UUID | None = None
    received_at: datetime | None = None


@dataclass(frozen=True)
class Ref:
    """A feedback item as the user saw it."""

    id: uuid.UUID
    version: int


@dataclass(frozen=True)
class Added:
    id: uuid.UUID
    number: int
    due_at: datetime
    follow_up_id: uuid.UUID | None = None  # what the loop planned (a complaint's follow-up)


def add_feedback(db: Database, data: FeedbackData, actor: Actor) -> Written[Added]:
    """Record new feedback: due by its severity's service level, assigned if an assignee
    is given (new otherwise)."""
    txn = uuid.uuid4()
    with db.write() as session:
        values = _checked(session, data)
        rules = load_rules(session)
        number = (session.scalar(select(func.max(Feedback.number))) or 0) + 1
        row = Feedback(number=number, status=S.NEW, reopened=0, updated_by=actor.user_id,
                       due_at=rules.due(values["severity"], values["received_at"]),
                       **values)  # fmt: skip
        session.add(row)
        session.flush()
        log = ChangeWriter(session, actor, txn)
        log.add("feedback", row.id, Op.INSERT)
        _step(session, log, row, None, S.NEW, values["received_at"], None)
        if row.assignee_id is not None:
            _step(session, log, row, S.NEW, S.ASSIGNED, values["received_at"], None)
            row.status = S.ASSIGNED
        planned = None
        if row.kind is FeedbackKind.COMPLAINT:
            planned = loop.after_complaint(session, log, rules, customer_id=row.customer_id,
                                           number=number, description=row.description,
                                           at=datetime.now(UTC))  # fmt: skip
        added = Added(row.id, number, row.due_at, planned)
    kinds = Kind.FEEDBACK | (Kind.FOLLOWUPS if planned else Kind.NONE)
    return Written(added, Changes.of(kinds, [data.customer_id], txn))


def move(db: Database, ref: Ref, to: FeedbackStatus | str, actor: Actor, *,
         note: str | None = None, resolution: str | None = None,
         assignee_id: uuid.UUID | None = None, at: datetime | None = None,
         plan_check: bool = True) -> Written[int]:  # fmt: skip
    """Take one workflow step (its value: the item's new version).

    Resolving a complaint plans a satisfaction check (see :mod:`.loop`) unless
    ``plan_check`` is False.

    Assigning needs an assignee (``assignee_id``, or the one it has); resolving needs a
    resolution (``resolution``, or the one written before); going back to in progress
    from resolved, informed or closed reopens the item.

    Raises:
        FeedbackChanged: someone else changed it since ``ref`` was read.
        FeedbackStepRefused: ``to`` is not a step it can take from where it is.
        ValidationError: the step needs what was not given.
    """
    to = FeedbackStatus(to)
    at = at or datetime.now(UTC)
    txn = uuid.uuid4()
    with db.write() as session:
        row = _current(session, ref)
        if to not in NEXT[row.status]:
            raise FeedbackStepRefused(number=row.number, current=term(row.status), wanted=term(to),
                                      allowed=tuple(term(s) for s in NEXT[row.status]))  # fmt: skip
        check = Checker()
        note = check.text("note", note, 4000, multiline=True)
        resolution = check.text("resolution", resolution, 20_000, multiline=True)
        if to is S.ASSIGNED and (assignee_id or row.assignee_id) is None:
            check.fail("assignee", NEEDS_ASSIGNEE)
        if to is S.RESOLVED and not (resolution or row.resolution):
            check.fail("resolution", NEEDS_RESOLUTION)
        if assignee_id is not None and session.get(User, assignee_id) is None:
            check.fail("assignee", NEEDS_ASSIGNEE)
        if check.problems:
            raise ValidationError(check.problems)
        log = ChangeWriter(session, actor, txn)
        changes = _step_changes(row, to, at, resolution, assignee_id)
        log.fields("feedback", row.id, changes, row.version)
        _step(session, log, row, row.status, to, at, note)
        for name, _old, new in changes:
            setattr(row, name, new)
        row.updated_by = actor.user_id
        session.flush()
        planned = None
        if to is S.RESOLVED and plan_check and row.kind is FeedbackKind.COMPLAINT:
            planned = loop.after_resolved(session, log, load_rules(session),
                                          customer_id=row.customer_id, number=row.number,
                                          description=row.description, at=at)  # fmt: skip
        version = row.version
        customer = row.customer_id
    kinds = Kind.FEEDBACK | (Kind.FOLLOWUPS if planned else Kind.NONE)
    return Written(version, Changes.of(kinds, [customer], txn))


def _step_changes(row: Feedback, to: FeedbackStatus, at: datetime, resolution: str | None,
                  assignee_id: uuid.UUID | None) -> list[tuple[str, Any, Any]]:  # fmt: skip
    """(field, old, new) of the item for the step to ``to``."""
    wanted: dict[str, Any] = {"status": to}
    if assignee_id is not None:
        wanted["assignee_id"] = assignee_id
    if to is S.RESOLVED:
        wanted["resolved_at"] = at
        if resolution:
            wanted["resolution"] = resolution
    elif to is S.INFORMED:
        wanted["informed_at"] = at
    elif to is S.CLOSED:
        wanted["closed_at"] = at
    elif to is S.IN_PROGRESS and row.status in DONE:  # reopened: it is not resolved now
        wanted |= {"reopened": row.reopened + 1, "resolved_at": None, "informed_at": None,
                   "closed_at": None}  # fmt: skip
    return [(k, getattr(row, k), v) for k, v in wanted.items() if getattr(row, k) != v]


def _step(session: Session, log: ChangeWriter, row: Feedback, old: FeedbackStatus | None,
          new: FeedbackStatus, at: datetime, note: str | None) -> None:  # fmt: skip
    step = FeedbackStep(id=new_id(), feedback_id=row.id, from_status=old, to_status=new,
                        user_id=log.actor.user_id, at=at, note=note)  # fmt: skip
    session.add(step)
    session.flush()
    log.add("feedback_step", step.id, Op.INSERT)


def _current(session: Session, ref: Ref) -> Feedback:
    row = session.get(Feedback, ref.id)
    if row is None or row.deleted_at is not None:
        raise NotFound()
    if row.version != ref.version:
        raise FeedbackChanged(number=row.number, **last_change(session, row))
    return row


def _checked(session: Session, data: FeedbackData) -> dict[str, Any]:
    """The values to store for ``data``; every problem at once, as a ValidationError."""
    check = Checker()
    values: dict[str, Any] = {
        "customer_id": data.customer_id,
        "description": check.text("description", data.description, 20_000, required=True,
                                  multiline=True),
        "channel": data.channel or None, "category": data.category or None,
        "order_id": data.order_id, "assignee_id": data.assignee_id,
        "received_at": data.received_at or datetime.now(UTC),
    }  # fmt: skip
    try:
        values["kind"] = FeedbackKind(data.kind)
    except ValueError:
        check.fail(
            "kind", QT_TRANSLATE_NOOP("errors", "Choose complaint, suggestion, praise or question.")
        )
    try:
        values["severity"] = Severity(data.severity)
    except ValueError:
        check.fail("severity", QT_TRANSLATE_NOOP("errors", "Choose urgent, high, normal or low."))
    if values["received_at"] > datetime.now(UTC) + LEEWAY:
        check.fail(
            "received_at", FUTURE_DATE, value=f"{values['received_at'].astimezone():%Y-%m-%d %H:%M}"
        )
    customer = session.get(Customer, data.customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFound(what="customer")
    rules = load_rules(session)
    if values["category"] and values["category"] not in {c.key for c in rules.categories}:
        check.fail("category", UNKNOWN_CATEGORY, value=values["category"])
    if values["channel"] and values["channel"] not in CHANNELS:
        check.fail("channel", UNKNOWN_CHANNEL, value=values["channel"])
    if data.order_id is not None:
        owner = session.scalar(select(Order.customer_id).where(Order.id == data.order_id))
        if owner != data.customer_id:
            check.fail("order", NOT_THEIR_ORDER)
    if data.assignee_id is not None and session.get(User, data.assignee_id) is None:
        check.fail("assignee", NEEDS_ASSIGNEE)
    if check.problems:
        raise ValidationError(check.problems)
    return values
