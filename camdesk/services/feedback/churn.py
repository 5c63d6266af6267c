"""Why customers left (流失原因): a reason from the team's list, with a note.

A reason is recorded when the lifecycle found a customer churned (``source`` "stage", on
the day the stage changed) or when a user marks a customer lost by hand ("hand", on the
day given). Recording can also plan a win-back follow-up (挽回). A customer may leave,
come back and leave again: each departure has its own record.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from camdesk.db import Database
from camdesk.errors import NotFound, ValidationError
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.models import ChurnReason, Customer, CustomerValue, ValueChange, new_id
from camdesk.services.core.changelog import ChangeWriter, Op
from camdesk.services.core.changes import Changes, Kind, Written
from camdesk.services.core.context import Actor
from camdesk.services.core.validation import Checker
from camdesk.services.feedback import loop
from camdesk.services.feedback.rules import load_rules

UNKNOWN_REASON = QT_TRANSLATE_NOOP("errors", "“{value}” is not one of the team's churn reasons.")


@dataclass(frozen=True)
class ChurnData:
    customer_id: uuid.UUID
    reason: str
    note: str | None = None
    on: date | None = None  # None: the day the lifecycle found them churned, else today
    plan_winback: bool = False
    reason_name: str | None = None  # the reason as the user's screen names it (the purpose)


@dataclass(frozen=True)
class ChurnRow:
    id: uuid.UUID
    reason: str
    note: str | None
    on: date
    source: str


@dataclass(frozen=True)
class ChurnRecorded:
    id: uuid.UUID
    follow_up_id: uuid.UUID | None


def record_churn(db: Database, data: ChurnData, actor: Actor) -> Written[ChurnRecorded]:
    """Record why a customer left; optionally plan a win-back follow-up."""
    check = Checker()
    note = check.text("note", data.note, 4000, multiline=True)
    check.past_date("on", data.on)
    txn = uuid.uuid4()
    with db.write() as session:
        if session.scalar(select(Customer.id).where(
                Customer.id == data.customer_id, Customer.deleted_at.is_(None))) is None:  # fmt: skip
            raise NotFound(what="customer")
        rules = load_rules(session)
        if data.reason not in {c.key for c in rules.churn_reasons}:
            check.fail("reason", UNKNOWN_REASON, value=data.reason)
        if check.problems:
            raise ValidationError(check.problems)
        churned = churned_on(session, data.customer_id)
        on = data.on or churned or datetime.now(UTC).astimezone().date()
        source = "stage" if churned is not None and data.on in (None, churned) else "hand"
        row = ChurnReason(id=new_id(), customer_id=data.customer_id, reason=data.reason,
                          note=note, on=on, source=source, updated_by=actor.user_id)  # fmt: skip
        session.add(row)
        session.flush()
        log = ChangeWriter(session, actor, txn)
        log.add("churn_reason", row.id, Op.INSERT)
        planned = None
        if data.plan_winback:
            planned = loop.after_churn(session, log, rules, customer_id=data.customer_id,
                                       churn_id=row.id, reason=data.reason_name or data.reason, note=note,
                                       at=datetime.now(UTC))  # fmt: skip
        recorded = ChurnRecorded(row.id, planned)
    kinds = Kind.FEEDBACK | (Kind.FOLLOWUPS if planned else Kind.NONE)
    return Written(recorded, Changes.of(kinds, [data.customer_id], txn))


def churned_on(session: Session, customer_id: uuid.UUID) -> date | None:
    """The day the lifecycle last found ``customer_id`` churned, if they are churned now."""
    stage = session.scalar(
        select(CustomerValue.stage).where(CustomerValue.customer_id == customer_id)
    )
    if stage != "churned":
        return None
    return session.scalar(
        select(ValueChange.on)
        .where(ValueChange.customer_id == customer_id, ValueChange.measure == "stage",
               ValueChange.new == "churned")
        .order_by(ValueChange.on.desc())
        .limit(1)
    )  # fmt: skip


@dataclass(frozen=True)
class ChurnState:
    """Where a customer stands: churned since when, and the latest reason recorded."""

    churned_on: date | None
    latest: ChurnRow | None

    @property
    def needs_reason(self) -> bool:
        """Churned, and no reason was recorded for this departure yet."""
        return self.churned_on is not None and (
            self.latest is None or self.latest.on < self.churned_on
        )


def churn_state(db: Database, customer_id: uuid.UUID) -> ChurnState:
    with db.read() as session:
        latest = session.execute(
            select(ChurnReason.id, ChurnReason.reason, ChurnReason.note, ChurnReason.on,
                   ChurnReason.source)
            .where(ChurnReason.customer_id == customer_id, ChurnReason.deleted_at.is_(None))
            .order_by(ChurnReason.on.desc(), ChurnReason.id.desc())
            .limit(1)
        ).first()  # fmt: skip
        return ChurnState(churned_on(session, customer_id), ChurnRow(*latest) if latest else None)
