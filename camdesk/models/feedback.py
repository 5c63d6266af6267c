"""Feedback (反馈): complaints, suggestions, praise and questions, worked through to closed."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from camdesk.models.base import Base, Timestamp, Tracked, UTCDateTime, str_enum


class FeedbackKind(enum.StrEnum):
    COMPLAINT = "complaint"  # 投诉
    SUGGESTION = "suggestion"  # 建议
    PRAISE = "praise"  # 表扬
    QUESTION = "question"  # 咨询


class Severity(enum.StrEnum):
    URGENT = "urgent"
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"


class FeedbackStatus(enum.StrEnum):
    NEW = "new"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    INFORMED = "informed"  # the customer was told how it was resolved
    CLOSED = "closed"


class Feedback(Tracked, Base):
    """One piece of feedback from a customer, and where it stands.

    Overdue is not stored: open feedback is overdue once ``due_at`` (received plus the
    severity's time in the team's service levels) has passed.

    Attributes:
        number: the item's number in this database (1, 2, 3...), shown as "FB-1024".
        received_at: when the customer gave it (UTC); due_at: when it should be resolved.
        category: a key of the team's category list (product quality, delivery, ...).
        order_id: the order it is about, if any.
        resolution: how it was resolved; resolved_at, informed_at, closed_at: when.
        reopened: how many times it was opened again after being resolved.
    """

    __tablename__ = "feedback"

    number: Mapped[int] = mapped_column(
        Integer, unique=True
    )  # 工单号, FB-1024: by which people name it
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    order_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("orders.id"))
    kind: Mapped[FeedbackKind] = mapped_column(str_enum(FeedbackKind, "feedback_kind"))
    channel: Mapped[str | None] = mapped_column(String(20))
    category: Mapped[str | None] = mapped_column(String(40))
    severity: Mapped[Severity] = mapped_column(str_enum(Severity, "feedback_severity"))
    description: Mapped[str] = mapped_column(Text)
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    status: Mapped[FeedbackStatus] = mapped_column(
        str_enum(FeedbackStatus, "feedback_status"), default=FeedbackStatus.NEW
    )
    received_at: Mapped[Timestamp]
    due_at: Mapped[Timestamp]
    resolution: Mapped[str | None] = mapped_column(Text)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    informed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reopened: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        Index("ix_feedback_customer", "customer_id", "received_at"),
        Index("ix_feedback_open", "status", "due_at", "deleted_at"),  # overdue, SLA breaches
        # The monthly figures (services/trends): each a range of one covering index.
        Index(
            "ix_feedback_received",
            "received_at",
            "deleted_at",
            "category",
            "resolved_at",
            "customer_id",
        ),
        Index("ix_feedback_resolved", "resolved_at", "deleted_at", "received_at", "customer_id"),
        Index("ix_feedback_due", "due_at", "deleted_at", "resolved_at", "status", "customer_id"),
        Index("ix_feedback_assignee", "assignee_id", "status"),
    )


class FeedbackStep(Base):
    """One step of a feedback item's workflow: who moved it from what to what, and when.

    Steps are only ever added; they are the item's history and its figures (time to
    resolve, reopen counts)."""

    __tablename__ = "feedback_step"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    feedback_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("feedback.id"))
    from_status: Mapped[FeedbackStatus | None] = mapped_column(
        str_enum(FeedbackStatus, "feedback_step_from")
    )
    to_status: Mapped[FeedbackStatus] = mapped_column(str_enum(FeedbackStatus, "feedback_step_to"))
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    at: Mapped[Timestamp]
    note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_feedback_step_item", "feedback_id", "at"),)


class FeedbackSetting(Base):
    """A JSON document of the team's feedback settings ("rules": service levels,
    categories, churn reasons, when the loop plans a follow-up)."""

    __tablename__ = "feedback_setting"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[Timestamp]
    updated_by: Mapped[uuid.UUID | None]


__all__ = [
    "Feedback",
    "FeedbackKind",
    "FeedbackSetting",
    "FeedbackStatus",
    "FeedbackStep",
    "Severity",
]
