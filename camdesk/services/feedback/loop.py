"""The loop that closes by itself: what feedback and satisfaction answers plan next.

- A new complaint plans a follow-up for the customer's owner, due within the team's
  ``follow_up_hours`` (24 by default).
- A detractor's answer (NPS 0-6 or CSAT 1-2) plans the same.
- Resolving a complaint plans a satisfaction check ``check_after_days`` later (0: none).

Each plan carries a key naming what made it (``complaint:FB-12``, ``detractor:<response>``,
``check:FB-12``) and is made once: if a follow-up with that key was ever planned for the
customer, even one since done, cancelled or deleted, nothing new is planned. So importing
the same answers twice, or resolving a reopened complaint again, plans nothing twice.

The purpose names what it is about in the team's own words (the feedback's number and
description, the score and comment), not in one language's sentence.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from camdesk.models import Customer, FollowUp, FollowUpKind, FollowUpStatus, new_id
from camdesk.services.core.changelog import ChangeWriter, Op
from camdesk.services.feedback.rules import FeedbackRules

PURPOSE_LIMIT = 200
NPS_DETRACTOR = 6  # 0-6 detract, 7-8 are passive, 9-10 promote
CSAT_DETRACTOR = 2  # 1-2: unsatisfied


def is_detractor(nps: int | None, csat: int | None) -> bool:
    return (nps is not None and nps <= NPS_DETRACTOR) or (
        csat is not None and csat <= CSAT_DETRACTOR
    )


def label(number: int) -> str:
    """How people name a feedback item: FB-1024."""
    return f"FB-{number}"


def _purpose(head: str, text: str | None) -> str:
    body = " ".join((text or "").split())
    whole = f"{head}: {body}" if body else head
    return whole if len(whole) <= PURPOSE_LIMIT else whole[: PURPOSE_LIMIT - 1] + "…"


def after_complaint(session: Session, log: ChangeWriter, rules: FeedbackRules, *,
                    customer_id: uuid.UUID, number: int, description: str,
                    at: datetime) -> uuid.UUID | None:  # fmt: skip
    """The follow-up a new complaint plans (its id), or None if it was planned before."""
    due = (at + timedelta(hours=rules.follow_up_hours)).astimezone()
    return _plan(session, log, customer_id, f"complaint:{label(number)}", FollowUpKind.RETURN,
                 due.date(), due.time().replace(second=0, microsecond=0),
                 _purpose(label(number), description), origin="feedback")  # fmt: skip


def after_answer(session: Session, log: ChangeWriter, rules: FeedbackRules, *,
                 customer_id: uuid.UUID, response_id: uuid.UUID, nps: int | None,
                 csat: int | None, comment: str | None, at: datetime) -> uuid.UUID | None:  # fmt: skip
    """The follow-up a detractor's answer plans, or None (not a detractor, or planned before).

    ``at`` is when the answer was recorded: an old answer imported today is followed up
    from today, not from the day it was given."""
    if not is_detractor(nps, csat):
        return None
    scores = " ".join(
        part
        for part in (f"NPS {nps}" if nps is not None else "",
                     f"CSAT {csat}" if csat is not None else "")
        if part
    )  # fmt: skip
    due = (at + timedelta(hours=rules.follow_up_hours)).astimezone()
    return _plan(session, log, customer_id, f"detractor:{response_id}", FollowUpKind.RETURN,
                 due.date(), due.time().replace(second=0, microsecond=0),
                 _purpose(scores, comment), origin="survey")  # fmt: skip


def after_resolved(session: Session, log: ChangeWriter, rules: FeedbackRules, *,
                   customer_id: uuid.UUID, number: int, description: str,
                   at: datetime) -> uuid.UUID | None:  # fmt: skip
    """The satisfaction check that resolving a complaint plans, or None."""
    if rules.check_after_days <= 0:
        return None
    day = at.astimezone().date() + timedelta(days=rules.check_after_days)
    return _plan(session, log, customer_id, f"check:{label(number)}", FollowUpKind.RETURN, day,
                 None, _purpose(f"CSAT · {label(number)}", description), origin="check")  # fmt: skip


def planned_for(session: Session, customer_id: uuid.UUID, key: str) -> uuid.UUID | None:
    """The follow-up ever planned for ``customer_id`` with ``key``, deleted ones included."""
    return session.scalar(
        select(FollowUp.id)
        .where(FollowUp.customer_id == customer_id, FollowUp.origin_key == key)
        .limit(1)
    )


def _plan(session: Session, log: ChangeWriter, customer_id: uuid.UUID, key: str,
          kind: FollowUpKind, day: date, at_time: time | None, purpose: str, *,
          origin: str) -> uuid.UUID | None:  # fmt: skip
    if planned_for(session, customer_id, key) is not None:
        return None
    owner = session.scalar(select(Customer.owner_id).where(Customer.id == customer_id))
    row = FollowUp(id=new_id(), customer_id=customer_id, assignee_id=owner or log.actor.user_id,
                   kind=kind, status=FollowUpStatus.PLANNED, due_on=day, due_at_time=at_time,
                   purpose=purpose, origin=origin, origin_key=key,
                   updated_by=log.actor.user_id)  # fmt: skip
    session.add(row)
    session.flush()
    log.add("follow_up", row.id, Op.INSERT)
    return row.id


def after_churn(session: Session, log: ChangeWriter, rules: FeedbackRules, *,
                customer_id: uuid.UUID, churn_id: uuid.UUID, reason: str, note: str | None,
                at: datetime) -> uuid.UUID | None:  # fmt: skip
    """The win-back follow-up (挽回) asked for when recording why a customer left.

    ``reason``: a key of the team's list (named by its label) or the name a screen shows."""
    due = (at + timedelta(hours=rules.follow_up_hours)).astimezone()
    label_of = {c.key: c.label for c in rules.churn_reasons}
    return _plan(session, log, customer_id, f"winback:{churn_id}", FollowUpKind.WINBACK,
                 due.date(), None, _purpose(label_of.get(reason, reason), note),
                 origin="winback")  # fmt: skip
