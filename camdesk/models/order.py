"""Purchase history: one row per order line a customer bought."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from camdesk.models.base import Base, Tracked


class Order(Tracked, Base):
    """A purchase (订单).  Money is in minor units (fen): ``amount`` 1999 is ¥19.99.

    Attributes:
        ordered_on: the day of the purchase (local business date).
        amount: what the customer paid, in fen.
        cost: what it cost the business, in fen, if known (for margin).
    """

    __tablename__ = "orders"

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    ordered_on: Mapped[date] = mapped_column(Date)
    order_no: Mapped[str | None] = mapped_column(String(40))
    product: Mapped[str | None] = mapped_column(String(200))
    category: Mapped[str | None] = mapped_column(String(60))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    amount: Mapped[int] = mapped_column(BigInteger)
    cost: Mapped[int | None] = mapped_column(BigInteger)
    channel: Mapped[str | None] = mapped_column(String(40))
    notes: Mapped[str | None] = mapped_column(Text)

    # Covers what a value recompute aggregates per customer (see value_facts).
    __table_args__ = (
        Index("ix_orders_customer", "customer_id", "ordered_on", "deleted_at", "amount", "cost"),
    )
