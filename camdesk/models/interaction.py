"""Interactions with customers: calls, messages, visits (the contact log)."""

from __future__ import annotations

import enum
import uuid

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from camdesk.models.base import Base, Timestamp, Tracked, str_enum


class InteractionKind(enum.StrEnum):
    CALL = "call"
    SMS = "sms"
    WECHAT = "wechat"
    EMAIL = "email"
    VISIT = "visit"
    MEETING = "meeting"


class Interaction(Tracked, Base):
    """One contact with a customer (联系记录)."""

    __tablename__ = "interaction"

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    kind: Mapped[InteractionKind] = mapped_column(str_enum(InteractionKind, "interaction_kind"))
    occurred_at: Mapped[Timestamp]
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    subject: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_interaction_customer", "customer_id", "occurred_at"),)


__all__ = ["Interaction", "InteractionKind"]
