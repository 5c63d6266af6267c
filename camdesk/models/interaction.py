"""Interactions with customers: calls, messages, visits (the contact log) and dated notes."""

from __future__ import annotations

import enum
import uuid

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from camdesk.models.base import Base, Timestamp, Tracked, str_enum


class InteractionKind(enum.StrEnum):
    """The channel of a contact (联系方式), or ``NOTE`` for a dated note that is no contact."""

    CALL = "call"
    SMS = "sms"
    WECHAT = "wechat"
    EMAIL = "email"
    VISIT = "visit"
    MEETING = "meeting"
    CHAT = "chat"  # online chat: a shop's customer service, QQ, a website widget
    NOTE = "note"


class Direction(enum.StrEnum):
    OUTBOUND = "out"  # we contacted the customer
    INBOUND = "in"  # the customer contacted us


class Interaction(Tracked, Base):
    """One contact with a customer (联系记录), or a dated note in the customer's timeline.

    Attributes:
        subject: the summary line (摘要).
        notes: the details.
        outcome: what came of it (结果).
        next_step: what was agreed to do next (下一步).
    """

    __tablename__ = "interaction"

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    kind: Mapped[InteractionKind] = mapped_column(str_enum(InteractionKind, "interaction_kind"))
    occurred_at: Mapped[Timestamp]
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    direction: Mapped[Direction | None] = mapped_column(str_enum(Direction, "direction"))
    subject: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(Text)
    next_step: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_interaction_customer", "customer_id", "occurred_at"),)


__all__ = ["Direction", "Interaction", "InteractionKind"]
