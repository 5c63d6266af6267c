"""Value measures per customer (derived), their change history, and team-wide value settings.

``customer_value`` is computed by :mod:`camdesk.services.value.recompute` from orders and
interactions; nobody edits it, so it has no version or tombstone: a recompute
overwrites it.  ``value_change`` records each tier and stage change with the
date it was found, so churn per month can be charted without recomputing the
past.  ``value_setting`` holds JSON documents shared by everyone using the
database: the rules (thresholds, tier conditions, service policies) and the
fitted model (RFM cut points, ABC thresholds, BG/NBD and Gamma-Gamma parameters).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Date,
    Float,
    ForeignKey,
    Index,
    SmallInteger,
    String,
    Text,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from camdesk.models.base import UUIDPK, Base, Timestamp, UTCDateTime


class CustomerValue(Base):
    """A customer's value measures as of ``as_of`` (money in fen).

    Attributes:
        purchase_days: days with at least one order (RFM frequency; BG/NBD x + 1).
        revenue, margin: paid in all; paid minus known cost (None if no cost known).
        r, f, m: RFM scores 1-5; segment: :class:`camdesk.services.value.rfm.Segment`.
        abc: "A", "B" or "C"; None without orders.
        p_alive, expected_purchases: BG/NBD, for the configured horizon.
        expected_spend: Gamma-Gamma expected spend per purchase (fen).
        clv: predicted revenue over the horizon (fen).
        tier, stage: :class:`~camdesk.services.value.tiers.Tier`, :class:`~camdesk.services.value.lifecycle.Stage`.
    """

    __tablename__ = "customer_value"

    # No foreign key: the rows are derived, customers are never removed (only marked
    # deleted), and SQLite cannot empty a table quickly while it has one.
    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    as_of: Mapped[date] = mapped_column(Date)
    first_order: Mapped[date | None] = mapped_column(Date)
    last_order: Mapped[date | None] = mapped_column(Date)
    last_contact: Mapped[date | None] = mapped_column(Date)
    purchase_days: Mapped[int] = mapped_column(default=0)
    revenue: Mapped[int] = mapped_column(BigInteger, default=0)
    margin: Mapped[int | None] = mapped_column(BigInteger)
    repeat_spend: Mapped[int | None] = mapped_column(BigInteger)
    r: Mapped[int | None] = mapped_column(SmallInteger)
    f: Mapped[int | None] = mapped_column(SmallInteger)
    m: Mapped[int | None] = mapped_column(SmallInteger)
    segment: Mapped[str | None] = mapped_column(String(20))
    abc: Mapped[str | None] = mapped_column(String(1))
    p_alive: Mapped[float | None] = mapped_column(Float)
    expected_purchases: Mapped[float | None] = mapped_column(Float)
    expected_spend: Mapped[int | None] = mapped_column(BigInteger)
    clv: Mapped[int | None] = mapped_column(BigInteger)
    tier: Mapped[str] = mapped_column(String(10))
    stage: Mapped[str] = mapped_column(String(10))
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index("ix_customer_value_tier", "tier", "revenue", "customer_id"),  # revenue by tier
        Index("ix_customer_value_stage", "stage", "customer_id"),
        Index("ix_customer_value_segment", "segment", "customer_id"),
        Index("ix_customer_value_clv", "clv", "customer_id"),
        Index("ix_customer_value_first", "first_order", "customer_id"),  # new customers by month
        Index("ix_customer_value_revenue", "revenue", "customer_id"),  # the Pareto curve
    )


class ValueChange(Base):
    """A customer's tier or stage changed (found by the recompute as of ``on``)."""

    __tablename__ = "value_change"

    id: Mapped[UUIDPK]
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    on: Mapped[date] = mapped_column(Date)
    measure: Mapped[str] = mapped_column(String(10))  # "tier" or "stage"
    old: Mapped[str | None] = mapped_column(String(20))
    new: Mapped[str] = mapped_column(String(20))
    recorded_at: Mapped[Timestamp]

    __table_args__ = (
        Index("ix_value_change_customer", "customer_id", "on"),
        Index("ix_value_change_new", "measure", "new", "on", "customer_id"),
        Index("ix_value_change_old", "measure", "old", "on", "customer_id"),  # leaving a stage
    )


class ValueSetting(Base):
    """A JSON document of value settings ("rules" or "model")."""

    __tablename__ = "value_setting"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[Timestamp]
    updated_by: Mapped[uuid.UUID | None]


__all__ = ["CustomerValue", "ValueChange", "ValueSetting"]
