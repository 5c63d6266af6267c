"""Loyalty points (积分): earned on orders, redeemed, adjusted with a reason; never negative.

A customer's balance is the sum of their ledger entries, leaving out points
earned on orders deleted since (an undone import, a refunded order), and never
shown below zero: points already spent on an order later taken back are
absorbed by the next points earned.  Orders earn
``floor(amount in yuan x rate)`` points when they are recorded (one by one or by
an import); the rate is the team's ``points_per_yuan`` value rule (default 1, so
¥1 spent earns 1 point, the usual scheme).  Redeeming and adjusting check the
balance inside the write transaction, with the customer's row locked on
PostgreSQL (SQLite serialises writers already), so two people redeeming at once
cannot take a balance below zero.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from camdesk.db import Database
from camdesk.errors import CamdeskError
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.models import Customer, Order, PointsEntry, User, new_id, utcnow
from camdesk.services.core.bulk import insert_rows
from camdesk.services.core.changelog import ChangeWriter, Op
from camdesk.services.core.changes import Changes, Kind, Written
from camdesk.services.core.context import Actor
from camdesk.services.value.settings import load_rules

EARN, REDEEM, ADJUST = "earn", "redeem", "adjust"


class PointsError(CamdeskError):
    message = QT_TRANSLATE_NOOP("errors", "The points could not be changed.")


NOT_ENOUGH = QT_TRANSLATE_NOOP(
    "errors", "The customer has {balance} points; {wanted} cannot be taken off. Nothing changed."
)
NOT_POSITIVE = QT_TRANSLATE_NOOP("errors", "Enter a number of points greater than zero.")
NO_REASON = QT_TRANSLATE_NOOP("errors", "Say why the points are adjusted: the reason is kept.")
NO_CUSTOMER = QT_TRANSLATE_NOOP("errors", "This customer no longer exists.")


@dataclass(frozen=True)
class Entry:
    """A ledger line as shown on the customer file."""

    at: datetime
    kind: str
    points: int
    reason: str | None
    user: str | None
    balance: int  # after this entry
    void: bool = False  # earned on an order deleted since: not counted


def earned(amount: int, rate: float) -> int:
    """Points an order of ``amount`` fen earns at ``rate`` points per yuan."""
    return max(0, math.floor(amount / 100 * rate + 1e-9))


def _standing() -> ColumnElement[bool]:
    """Entries that count: all but points earned on orders deleted since."""
    return PointsEntry.order_id.is_(None) | Order.deleted_at.is_(None)


def _balance(session: Session, customer_id: uuid.UUID) -> int:
    total = session.scalar(
        select(func.coalesce(func.sum(PointsEntry.points), 0))
        .outerjoin(Order, Order.id == PointsEntry.order_id)
        .where(PointsEntry.customer_id == customer_id, _standing())
    )
    return max(0, int(total or 0))


def balance(db: Database, customer_id: uuid.UUID) -> int:
    with db.read() as session:
        return _balance(session, customer_id)


def ledger(db: Database, customer_id: uuid.UUID) -> list[Entry]:
    """The customer's entries, newest first, each with the balance after it."""
    with db.read() as session:
        rows = session.execute(
            select(PointsEntry.created_at, PointsEntry.kind, PointsEntry.points,
                   PointsEntry.reason, User.display_name, _standing())
            .outerjoin(User, User.id == PointsEntry.created_by)
            .outerjoin(Order, Order.id == PointsEntry.order_id)
            .where(PointsEntry.customer_id == customer_id)
            .order_by(PointsEntry.created_at, PointsEntry.id)
        ).all()  # fmt: skip
    entries, running = [], 0
    for at, kind, points, reason, user, standing in rows:
        if standing:
            running += int(points)
        entries.append(Entry(at, kind, int(points), reason, user, max(0, running), not standing))
    return entries[::-1]


def earn_for_orders(session: Session, orders: Iterable[tuple[uuid.UUID, uuid.UUID, int]],
                    actor: Actor | None) -> int:  # fmt: skip
    """Ledger entries for new orders (order id, customer id, amount in fen), in the
    caller's transaction; returns the points given."""
    rate = load_rules(session).points_per_yuan
    if rate <= 0:
        return 0
    now = utcnow()
    rows: list[dict[str, Any]] = [{"id": new_id(), "customer_id": customer, "kind": EARN, "points": earned(amount, rate),
             "reason": None, "order_id": order, "created_at": now,
             "created_by": actor.user_id if actor else None}
            for order, customer, amount in orders]  # fmt: skip
    rows = [r for r in rows if r["points"] > 0]
    insert_rows(session.connection(), PointsEntry, rows)
    return sum(r["points"] for r in rows)


def follow_amount(session: Session, log: ChangeWriter, order_id: uuid.UUID, amount: int) -> None:
    """The points an order earned follow its new amount (in the caller's transaction)."""
    entry = session.scalar(select(PointsEntry).where(PointsEntry.order_id == order_id,
                                                     PointsEntry.kind == EARN))  # fmt: skip
    wanted = earned(amount, load_rules(session).points_per_yuan)
    if entry is None:
        if wanted > 0:
            earn_for_orders(
                session, [(order_id, _customer_of(session, order_id), amount)], log.actor
            )
        return
    if entry.points != wanted:
        log.add("points_entry", entry.id, Op.UPDATE, "points", entry.points, wanted)
        entry.points = wanted


def _customer_of(session: Session, order_id: uuid.UUID) -> uuid.UUID:
    found = session.scalar(select(Order.customer_id).where(Order.id == order_id))
    assert found is not None
    return found


def _change(db: Database, customer_id: uuid.UUID, points: int, kind: str, reason: str | None,
            actor: Actor) -> Written[int]:  # fmt: skip
    with db.write() as session:
        exists = session.execute(
            select(Customer.id)
            .where(Customer.id == customer_id, Customer.deleted_at.is_(None))
            .with_for_update()
        ).first()
        if exists is None:
            raise PointsError(NO_CUSTOMER)
        current = _balance(session, customer_id)
        if current + points < 0:
            raise PointsError(NOT_ENOUGH, balance=current, wanted=-points)
        session.add(PointsEntry(customer_id=customer_id, kind=kind, points=points, reason=reason,
                                created_at=utcnow(), created_by=actor.user_id))  # fmt: skip
    return Written(current + points, Changes.of(Kind.POINTS, [customer_id]))


def redeem(db: Database, customer_id: uuid.UUID, points: int, reason: str | None,
           actor: Actor) -> Written[int]:  # fmt: skip
    """Take ``points`` off for a reward; its value is the new balance."""
    if points <= 0:
        raise PointsError(NOT_POSITIVE)
    return _change(db, customer_id, -points, REDEEM, (reason or "").strip() or None, actor)


def adjust(db: Database, customer_id: uuid.UUID, points: int, reason: str,
           actor: Actor) -> Written[int]:  # fmt: skip
    """Add (or with a negative number, take off) points for a stated reason; its value is
    the new balance."""
    if not reason.strip():
        raise PointsError(NO_REASON)
    if points == 0:
        raise PointsError(NOT_POSITIVE)
    return _change(db, customer_id, points, ADJUST, reason.strip(), actor)
