"""Loyalty points: an append-only ledger per customer (积分)."""

from __future__ import annotations

import uuid

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from camdesk.models.base import UUIDPK, Base, Timestamp


class PointsEntry(Base):
    """Points earned (on an order), redeemed or adjusted; a customer's balance is the sum.

    Entries are never edited or deleted: a mistake is put right by an adjustment.

    Attributes:
        kind: "earn", "redeem" or "adjust".
        points: signed: earned positive, redeemed negative.
        order_id: the order an "earn" entry is for.
    """

    __tablename__ = "points_entry"

    id: Mapped[UUIDPK]
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    kind: Mapped[str] = mapped_column(String(10))
    points: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str | None] = mapped_column(Text)
    order_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    created_at: Mapped[Timestamp]
    created_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)

    __table_args__ = (
        Index("ix_points_entry_customer", "customer_id", "created_at"),
        Index("ix_points_entry_order", "order_id"),
    )
