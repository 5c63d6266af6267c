"""Follow-ups planned, done, skipped, moved, reassigned and cancelled by a user.

Every change names the follow-ups as the user saw them (id and version): if someone
else changed one since, nothing is written and :class:`FollowUpChanged` says who.
Only planned follow-ups change; a done, skipped or cancelled one is history.  A
recurring follow-up that is done or skipped plans exactly one next occurrence: the
series' first day after both its due day and the day it was done (days missed while
it was overdue are not planned again); a cancelled one ends its series.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from camdesk.db import Database
from camdesk.errors import FieldProblem, FollowUpChanged, FollowUpClosed, NotFound, ValidationError
from camdesk.models import (
    Customer,
    Direction,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    InteractionKind,
)
from camdesk.services.core.changelog import ChangeWriter, Op
from camdesk.services.core.changes import Changes, Kind, Written
from camdesk.services.core.context import Actor
from camdesk.services.core.users import last_change
from camdesk.services.core.validation import TOO_OLD, Checker
from camdesk.services.customers.interactions import Entry, add_interaction, checked_entry
from camdesk.services.followups import recurrence

PLANNED = FollowUpStatus.PLANNED
OWNER = uuid.UUID(int=0)  # assignee "the customer's owner" (the default)
KEEP = time(0, 0, 0, 1)  # reschedule: keep each follow-up's own time of day


@dataclass(frozen=True)
class Ref:
    """A follow-up as the user saw it."""

    id: uuid.UUID
    version: int


@dataclass(frozen=True)
class Plan:
    """A new follow-up.  ``assignee_id`` OWNER: the customer's owner (or whoever plans it)."""

    customer_id: uuid.UUID
    due_on: date
    kind: FollowUpKind | str = FollowUpKind.RETURN
    due_at_time: time | None = None
    purpose: str | None = None
    assignee_id: uuid.UUID | None = OWNER
    rule: str | None = None


@dataclass(frozen=True)
class Completed:
    interaction_id: uuid.UUID
    next_id: uuid.UUID | None
    next_due: date | None


def add_follow_up(db: Database, plan: Plan, actor: Actor) -> Written[uuid.UUID]:
    """Plan a follow-up (its value is the new follow-up's id)."""
    check = Checker()
    purpose = check.text("purpose", plan.purpose, 200)
    if plan.due_on.year < 1900:
        check.fail("due_on", TOO_OLD, value=plan.due_on.isoformat())
    rule = None
    try:
        rule = recurrence.checked(plan.rule, plan.due_on)
    except ValidationError as error:
        check.problems += error.problems
    if check.problems:
        raise ValidationError(check.problems)
    txn = uuid.uuid4()
    with db.write() as session:
        owner = session.scalar(select(Customer.owner_id).where(
            Customer.id == plan.customer_id, Customer.deleted_at.is_(None)))  # fmt: skip
        if owner is None and not session.scalar(select(Customer.id).where(
                Customer.id == plan.customer_id, Customer.deleted_at.is_(None))):  # fmt: skip
            raise NotFound()
        assignee = (owner or actor.user_id) if plan.assignee_id == OWNER else plan.assignee_id
        row = FollowUp(customer_id=plan.customer_id, assignee_id=assignee, kind=FollowUpKind(plan.kind),
                       status=PLANNED, due_on=plan.due_on, due_at_time=plan.due_at_time,
                       purpose=purpose, rule=rule, series_start=plan.due_on if rule else None,
                       origin="hand", updated_by=actor.user_id)  # fmt: skip
        session.add(row)
        session.flush()
        ChangeWriter(session, actor, txn).add("follow_up", row.id, Op.INSERT)
        ident = row.id
    return Written(ident, _changed([plan.customer_id], txn))


def complete(
    db: Database,
    ref: Ref,
    actor: Actor,
    *,
    outcome: str,
    channel: InteractionKind | str = InteractionKind.CALL,
    direction: Direction | str | None = Direction.OUTBOUND,
    summary: str | None = None,
    next_step: str | None = None,
    at: datetime | None = None,
) -> Written[Completed]:
    """Mark a follow-up done: logs the contact and plans the series' next occurrence."""
    at = at or datetime.now(UTC)
    txn = uuid.uuid4()
    with db.write() as session:
        (row,) = _planned(session, [ref])
        entry = checked_entry(Entry(InteractionKind(channel), at, summary or row.purpose, None,
                                    Direction(direction) if direction else None, outcome,
                                    next_step))  # fmt: skip
        log = ChangeWriter(session, actor, txn)
        contact = add_interaction(session, log, row.customer_id, entry)
        _close(log, row, FollowUpStatus.DONE, at, entry.outcome, contact)
        following = _plan_next(session, log, row, at.astimezone().date())
        result = Completed(contact, following.id if following else None,
                           following.due_on if following else None)  # fmt: skip
        customer = row.customer_id
    return Written(result, _changed([customer], txn, Kind.INTERACTIONS))


def skip(db: Database, ref: Ref, actor: Actor, reason: str | None = None) -> Written[date | None]:
    """Skip this occurrence (no contact logged); a series goes on (its value: the next day)."""
    check = Checker()
    reason = check.text("outcome", reason, 2_000, multiline=True)
    if check.problems:
        raise ValidationError(check.problems)
    txn = uuid.uuid4()
    at = datetime.now(UTC)
    with db.write() as session:
        (row,) = _planned(session, [ref])
        log = ChangeWriter(session, actor, txn)
        _close(log, row, FollowUpStatus.SKIPPED, at, reason, None)
        following = _plan_next(session, log, row, at.astimezone().date())
        customer, next_due = row.customer_id, following.due_on if following else None
    return Written(next_due, _changed([customer], txn))


def cancel(db: Database, refs: Sequence[Ref], actor: Actor) -> Changes:
    """Cancel follow-ups (and so end their series)."""
    return _edit(db, refs, actor, lambda row: _close_values(FollowUpStatus.CANCELLED))


def reschedule(db: Database, refs: Sequence[Ref], actor: Actor, due_on: date,
               due_at_time: time | None = KEEP) -> Changes:  # fmt: skip
    """Move follow-ups to ``due_on`` (and to ``due_at_time``, unless KEEP)."""
    if due_on.year < 1900:
        raise ValidationError([FieldProblem("due_on", TOO_OLD, {"value": due_on.isoformat()})])

    def values(row: FollowUp) -> dict[str, Any]:
        moved: dict[str, Any] = {"due_on": due_on}
        if due_at_time is not KEEP:
            moved["due_at_time"] = due_at_time
        return moved

    return _edit(db, refs, actor, values)


def reassign(db: Database, refs: Sequence[Ref], actor: Actor,
             assignee_id: uuid.UUID | None) -> Changes:  # fmt: skip
    """Give follow-ups to another user (None: to nobody)."""
    return _edit(db, refs, actor, lambda row: {"assignee_id": assignee_id})


def current_version(db: Database, ident: uuid.UUID) -> int:
    """A follow-up's version as it is now (for a command that names it only by id)."""
    with db.read() as session:
        version = session.scalar(select(FollowUp.version).where(
            FollowUp.id == ident, FollowUp.deleted_at.is_(None)))  # fmt: skip
    if version is None:
        raise NotFound(what="follow-up")
    return int(version)


def _edit(db: Database, refs: Sequence[Ref], actor: Actor, values: Any) -> Changes:
    """Apply ``values(row)`` to every follow-up in ``refs``, all or none."""
    if not refs:
        return Changes()
    txn = uuid.uuid4()
    with db.write() as session:
        rows = _planned(session, refs)
        log = ChangeWriter(session, actor, txn)
        customers = []
        for row in rows:
            changes = [(name, getattr(row, name), new) for name, new in values(row).items()
                       if getattr(row, name) != new]  # fmt: skip
            if not changes:
                continue
            log.fields("follow_up", row.id, changes, row.version)
            for name, _old, new in changes:
                setattr(row, name, new)
            row.updated_by = actor.user_id
            customers.append(row.customer_id)
    return _changed(customers, txn) if customers else Changes()


def _planned(session: Session, refs: Sequence[Ref]) -> list[FollowUp]:
    """The follow-ups of ``refs``, locked for this write; refused unless each is unchanged
    since the user saw it and still planned."""
    ids = [r.id for r in refs]
    found = {row.id: row for row in session.scalars(
        select(FollowUp).where(FollowUp.id.in_(ids), FollowUp.deleted_at.is_(None)))}  # fmt: skip
    rows = []
    for ref in refs:
        row = found.get(ref.id)
        if row is None:
            raise NotFound()
        name = session.scalar(select(Customer.name).where(Customer.id == row.customer_id))
        if row.version != ref.version:
            raise FollowUpChanged(customer=name or "?", **last_change(session, row))
        if row.status is not PLANNED:
            raise FollowUpClosed(customer=name or "?", status=row.status.value)
        rows.append(row)
    return rows


def _close_values(status: FollowUpStatus) -> dict[str, Any]:
    return {"status": status, "done_at": datetime.now(UTC)}


def _close(log: ChangeWriter, row: FollowUp, status: FollowUpStatus, at: datetime,
           outcome: str | None, contact: uuid.UUID | None) -> None:  # fmt: skip
    changes = [("status", row.status, status), ("done_at", None, at), ("outcome", None, outcome),
               ("interaction_id", None, contact)]  # fmt: skip
    log.fields("follow_up", row.id, [c for c in changes if c[2] is not None], row.version)
    row.status, row.done_at, row.outcome, row.interaction_id = status, at, outcome, contact
    row.updated_by = log.actor.user_id


def _plan_next(session: Session, log: ChangeWriter, row: FollowUp, today: date) -> FollowUp | None:
    """The series' next follow-up, planned, or None when ``row`` is no series or it ended."""
    if row.rule is None or row.series_start is None:
        return None
    due = recurrence.next_after(row.rule, row.series_start, max(row.due_on, today))
    if due is None:
        return None
    following = FollowUp(customer_id=row.customer_id, assignee_id=row.assignee_id,
                         kind=row.kind, status=PLANNED, due_on=due,
                         due_at_time=row.due_at_time, purpose=row.purpose, rule=row.rule,
                         series_start=row.series_start, origin="series", previous_id=row.id,
                         updated_by=log.actor.user_id)  # fmt: skip
    session.add(following)
    session.flush()
    log.add("follow_up", following.id, Op.INSERT)
    return following


def _changed(customers: Sequence[uuid.UUID], txn: uuid.UUID, also: Kind = Kind.NONE) -> Changes:
    return Changes.of(Kind.FOLLOWUPS | also, customers, txn)
