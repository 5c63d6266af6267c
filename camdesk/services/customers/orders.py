"""Purchase history of a customer: orders and their totals."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from camdesk.db import Database
from camdesk.errors import ValidationError
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.models import Order
from camdesk.services.core.changelog import ChangeWriter, Op
from camdesk.services.core.changes import Changes, Kind, Written
from camdesk.services.core.context import Actor
from camdesk.services.core.validation import Checker
from camdesk.services.customers import points

NEGATIVE = QT_TRANSLATE_NOOP("errors", "Must not be negative.")


@dataclass(frozen=True)
class OrderRow:
    """One purchase as listed on a customer file (money in fen)."""

    id: uuid.UUID
    ordered_on: date
    product: str | None
    category: str | None
    quantity: int
    amount: int
    cost: int | None
    channel: str | None


@dataclass(frozen=True)
class PurchaseSummary:
    """Totals of a customer's purchases (money in fen)."""

    orders: int
    amount: int
    cost: int
    first: date | None
    last: date | None

    @property
    def margin(self) -> int:
        return self.amount - self.cost


def add_order(
    db: Database,
    customer_id: uuid.UUID,
    actor: Actor,
    *,
    ordered_on: date,
    amount: int,
    product: str | None = None,
    category: str | None = None,
    quantity: int = 1,
    cost: int | None = None,
    channel: str | None = None,
) -> Written[uuid.UUID]:
    """Record a purchase (amounts in fen); its value is the order's id."""
    check = Checker()
    if amount < 0:
        check.fail("amount", NEGATIVE)
    if cost is not None and cost < 0:
        check.fail("cost", NEGATIVE)
    if quantity < 0:
        check.fail("quantity", NEGATIVE)
    check.past_date("ordered_on", ordered_on)
    if check.problems:
        raise ValidationError(check.problems)
    with db.write() as session:
        order = Order(customer_id=customer_id, ordered_on=ordered_on, amount=amount, cost=cost,
                      product=product, category=category, quantity=quantity, channel=channel,
                      updated_by=actor.user_id)  # fmt: skip
        session.add(order)
        session.flush()
        txn = uuid.uuid4()
        ChangeWriter(session, actor, txn).add("orders", order.id, Op.INSERT)
        points.earn_for_orders(session, [(order.id, customer_id, amount)], actor)
        ident = order.id
    return Written(ident, Changes.of(Kind.ORDERS | Kind.POINTS, [customer_id], txn))


def list_orders(db: Database, customer_id: uuid.UUID, limit: int = 1000) -> list[OrderRow]:
    """A customer's purchases, newest first."""
    with db.read() as session:
        rows = session.execute(
            select(Order)
            .where(Order.customer_id == customer_id, Order.deleted_at.is_(None))
            .order_by(Order.ordered_on.desc(), Order.id.desc())
            .limit(limit)
        ).scalars()
        return [OrderRow(o.id, o.ordered_on, o.product, o.category, o.quantity, o.amount,
                         o.cost, o.channel) for o in rows]  # fmt: skip


def purchase_summary(db: Database, customer_id: uuid.UUID) -> PurchaseSummary:
    with db.read() as session:
        count, amount, cost, first, last = session.execute(
            select(
                func.count(), func.coalesce(func.sum(Order.amount), 0),
                func.coalesce(func.sum(Order.cost), 0), func.min(Order.ordered_on),
                func.max(Order.ordered_on),
            ).where(Order.customer_id == customer_id, Order.deleted_at.is_(None))
        ).one()  # fmt: skip
        return PurchaseSummary(int(count), int(amount or 0), int(cost or 0), first, last)
