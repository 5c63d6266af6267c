"""Purchase history of a customer: orders and their totals."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from camdesk.db import Database
from camdesk.errors import NotFound, OrderChanged, ValidationError
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.models import Order, User, utcnow
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
    order_no: str | None = None
    version: int = 1


@dataclass(frozen=True)
class OrderData:
    """An order as a user enters it by hand (money in fen)."""

    ordered_on: date
    amount: int
    product: str | None = None
    category: str | None = None
    quantity: int = 1
    cost: int | None = None
    channel: str | None = None
    order_no: str | None = None


@dataclass(frozen=True)
class PurchaseSummary:
    """Totals of a customer's purchases (money in fen).

    ``margin`` is that of the orders whose cost is known (``costed`` of ``orders``), as the
    value measures count it; None when no order has a cost (unknown, not zero).
    """

    orders: int
    amount: int
    cost: int
    first: date | None
    last: date | None
    costed: int = 0
    known_margin: int = 0

    @property
    def margin(self) -> int | None:
        return self.known_margin if self.costed else None


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
    return record_order(db, customer_id, OrderData(ordered_on, amount, product, category,
                                                   quantity, cost, channel), actor)  # fmt: skip


def _checked(data: OrderData) -> OrderData:
    check = Checker()
    if data.amount < 0:
        check.fail("amount", NEGATIVE)
    if data.cost is not None and data.cost < 0:
        check.fail("cost", NEGATIVE)
    if data.quantity < 0:
        check.fail("quantity", NEGATIVE)
    check.past_date("ordered_on", data.ordered_on)
    product = check.text("product", data.product, 200)
    category = check.text("category", data.category, 60)
    channel = check.text("channel", data.channel, 40)
    order_no = check.text("order_no", data.order_no, 40)
    if check.problems:
        raise ValidationError(check.problems)
    return replace(data, product=product, category=category, channel=channel, order_no=order_no)


def record_order(db: Database, customer_id: uuid.UUID, data: OrderData,
                 actor: Actor) -> Written[uuid.UUID]:  # fmt: skip
    """Record a purchase entered by hand; it earns points; its value is the order's id."""
    data = _checked(data)
    with db.write() as session:
        order = Order(customer_id=customer_id, ordered_on=data.ordered_on, amount=data.amount,
                      cost=data.cost, product=data.product, category=data.category,
                      quantity=data.quantity, channel=data.channel, order_no=data.order_no,
                      updated_by=actor.user_id)  # fmt: skip
        session.add(order)
        session.flush()
        txn = uuid.uuid4()
        ChangeWriter(session, actor, txn).add("orders", order.id, Op.INSERT)
        points.earn_for_orders(session, [(order.id, customer_id, data.amount)], actor)
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
                         o.cost, o.channel, o.order_no, o.version) for o in rows]  # fmt: skip


def update_order(db: Database, order_id: uuid.UUID, version: int, data: OrderData,
                 actor: Actor) -> Changes:  # fmt: skip
    """Change an order as the user saw it (``version``); the points it earned follow its
    amount.  Someone else's change since is refused (:class:`OrderChanged`)."""
    data = _checked(data)
    txn = uuid.uuid4()
    with db.write() as session:
        order = _current(session, order_id, version)
        log = ChangeWriter(session, actor, txn)
        fields = ("ordered_on", "amount", "product", "category", "quantity", "cost", "channel",
                  "order_no")  # fmt: skip
        changes = [(f, getattr(order, f), getattr(data, f)) for f in fields
                   if getattr(order, f) != getattr(data, f)]  # fmt: skip
        if not changes:
            return Changes()
        log.fields("orders", order.id, changes, order.version)
        for name, _old, new in changes:
            setattr(order, name, new)
        order.updated_by = actor.user_id
        if any(name == "amount" for name, _o, _n in changes):
            points.follow_amount(session, log, order.id, data.amount)
        customer = order.customer_id
    return Changes.of(Kind.ORDERS | Kind.POINTS, [customer], txn)


def delete_order(db: Database, order_id: uuid.UUID, version: int, actor: Actor) -> Changes:
    """Delete an order (a tombstone: undo brings it back); its points stop counting."""
    txn = uuid.uuid4()
    with db.write() as session:
        order = _current(session, order_id, version)
        order.deleted_at = utcnow()
        order.updated_by = actor.user_id
        ChangeWriter(session, actor, txn).add("orders", order.id, Op.DELETE,
                                              base_version=order.version)  # fmt: skip
        customer = order.customer_id
    return Changes.of(Kind.ORDERS | Kind.POINTS, [customer], txn)


def _current(session: Session, order_id: uuid.UUID, version: int) -> Order:
    order = session.get(Order, order_id)
    if order is None or order.deleted_at is not None:
        raise NotFound(what="order")
    if order.version != version:
        who = session.scalar(select(User.display_name).where(User.id == order.updated_by))
        raise OrderChanged(changed_by=who or "?",
                           changed_at=f"{order.updated_at.astimezone():%Y-%m-%d %H:%M}")  # fmt: skip
    return order


def purchase_summary(db: Database, customer_id: uuid.UUID) -> PurchaseSummary:
    with db.read() as session:
        count, amount, cost, first, last, costed, margin = session.execute(
            select(
                func.count(), func.coalesce(func.sum(Order.amount), 0),
                func.coalesce(func.sum(Order.cost), 0), func.min(Order.ordered_on),
                func.max(Order.ordered_on), func.count(Order.cost),
                func.coalesce(func.sum(Order.amount - Order.cost), 0),
            ).where(Order.customer_id == customer_id, Order.deleted_at.is_(None))
        ).one()  # fmt: skip
        return PurchaseSummary(int(count), int(amount or 0), int(cost or 0), first, last,
                               int(costed or 0), int(margin or 0))  # fmt: skip
