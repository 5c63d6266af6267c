"""The demo's daily work: contacts logged over two years and follow-ups planned and done.

Proportions as an account manager's book has them: about two contacts per customer
in two years (mostly outgoing calls and WeChat), a planned follow-up for most
customers (return visits above all, some care, wake-up and win-back tasks), about
one in six of those overdue, and a done follow-up behind one customer in eight.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from camdesk.models import new_id
from camdesk.services.demo import reference as ref

CHANNELS = ("call", "call", "call", "wechat", "wechat", "sms", "email", "visit", "meeting", "chat")
KINDS = ("return",) * 40 + ("care",) * 4 + ("wake",) * 3 + ("winback",) * 2 + ("other",)
PLANNED_SHARE = 0.85
DONE_SHARE = 0.12


def interaction(rng: random.Random, customer_id: uuid.UUID, at: datetime,
                owner: uuid.UUID | None) -> dict[str, Any]:  # fmt: skip
    """One logged contact (a row of ``interaction``)."""
    return {
        "id": new_id(), "customer_id": customer_id, "kind": rng.choice(CHANNELS),
        "direction": "in" if rng.random() < 0.2 else "out", "occurred_at": at,
        "user_id": owner, "subject": rng.choice(ref.INTERACTION_SUBJECTS), "notes": None,
        "outcome": rng.choice(ref.INTERACTION_OUTCOMES), "next_step": rng.choice(ref.NEXT_STEPS)
        or None, "created_at": at, "updated_at": at, "version": 1,
    }  # fmt: skip


def follow_ups(rng: random.Random, today: date, customer_id: uuid.UUID,
               owner: uuid.UUID | None, now: datetime) -> list[dict[str, Any]]:  # fmt: skip
    """The customer's follow-ups (rows of ``follow_up``): one planned for most, some done."""
    rows = []
    if rng.random() < DONE_SHARE:
        due = today - timedelta(days=rng.randint(7, 300))
        rows.append(_row(rng, customer_id, owner, due, now, status="done",
                         done_at=datetime.combine(due, time(9), tzinfo=UTC),
                         outcome=rng.choice(ref.INTERACTION_OUTCOMES)))  # fmt: skip
    if rng.random() < PLANNED_SHARE:
        rows.append(_row(rng, customer_id, owner, today + timedelta(days=rng.randint(-20, 100)),
                         now, status="planned"))  # fmt: skip
    return rows


def _row(rng: random.Random, customer_id: uuid.UUID, owner: uuid.UUID | None, due: date,
         now: datetime, **more: Any) -> dict[str, Any]:  # fmt: skip
    kind = rng.choice(KINDS)
    at = time(rng.choice((9, 10, 14, 15, 16)), rng.choice((0, 30))) if rng.random() < 0.1 else None
    return {
        "id": new_id(), "customer_id": customer_id, "assignee_id": owner, "kind": kind,
        "due_on": due, "due_at_time": at, "purpose": rng.choice(ref.FOLLOW_UP_PURPOSES[kind]),
        "origin": "hand", "created_at": now, "updated_at": now, "version": 1,
        "done_at": None, "outcome": None, **more,
    }  # fmt: skip
