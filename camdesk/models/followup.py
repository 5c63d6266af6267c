"""Follow-ups (回访 / 关怀 / 唤醒 / 挽回): tasks to contact one customer, with recurrence."""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime, time

from sqlalchemy import Date, ForeignKey, Index, String, Text, Time, Uuid, text
from sqlalchemy.orm import Mapped, mapped_column

from camdesk.models.base import Base, Tracked, UTCDateTime, str_enum


class FollowUpKind(enum.StrEnum):
    RETURN = "return"  # 回访: the regular return visit
    CARE = "care"  # 关怀: birthday, holiday
    WAKE = "wake"  # 唤醒: wake up a silent customer
    WINBACK = "winback"  # 挽回: win back a churned one
    OTHER = "other"


class FollowUpStatus(enum.StrEnum):
    PLANNED = "planned"
    DONE = "done"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"


PLANNED_ALIVE = text("status = 'planned' AND deleted_at IS NULL")
KEYED_ALIVE = text("origin_key IS NOT NULL AND deleted_at IS NULL")


class FollowUp(Tracked, Base):
    """A task to contact one customer on a day (回访计划).

    Overdue is not stored: a planned follow-up is overdue once its day (and time) has
    passed.  A recurring follow-up carries its series: ``rule`` is an iCalendar RRULE
    (RFC 5545) over the days from ``series_start``; completing one plans the next.

    Attributes:
        due_on: the local day it is due; due_at_time: the local time, if one was set.
        purpose: what it is for (目的), shown in the agenda.
        origin: what planned it: "hand", "cadence", "stage", "care", "holiday", "series".
        origin_key: for automatic plans, what makes them one (e.g. "birthday:2027"), so
            planning twice makes nothing new; unique per customer among live rows.
        previous_id: the follow-up of the same series this one follows.
        interaction_id: the contact logged when it was done.
    """

    __tablename__ = "follow_up"

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    kind: Mapped[FollowUpKind] = mapped_column(str_enum(FollowUpKind, "follow_up_kind"))
    status: Mapped[FollowUpStatus] = mapped_column(
        str_enum(FollowUpStatus, "follow_up_status"), default=FollowUpStatus.PLANNED
    )
    due_on: Mapped[date] = mapped_column(Date)
    due_at_time: Mapped[time | None] = mapped_column(Time)
    purpose: Mapped[str | None] = mapped_column(String(200))
    rule: Mapped[str | None] = mapped_column(String(200))
    series_start: Mapped[date | None] = mapped_column(Date)
    origin: Mapped[str] = mapped_column(String(10), default="hand")
    origin_key: Mapped[str | None] = mapped_column(String(60))
    previous_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome: Mapped[str | None] = mapped_column(Text)
    interaction_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("interaction.id"))

    __table_args__ = (
        # The calendar: counts per day, type and status over a month, and a day's agenda.
        Index(
            "ix_follow_up_due",
            "due_on",
            "status",
            "kind",
            "assignee_id",
            "deleted_at",
            "customer_id",
        ),
        # Whether a customer has one planned (plan, the customer file).
        Index("ix_follow_up_customer", "customer_id", "status", "due_on"),
        # Reminders and the overdue list: planned ones by day.
        Index(
            "ix_follow_up_planned",
            "due_on",
            "assignee_id",
            sqlite_where=PLANNED_ALIVE,
            postgresql_where=PLANNED_ALIVE,
        ),
        Index(
            "uq_follow_up_origin",
            "customer_id",
            "origin_key",
            unique=True,
            sqlite_where=KEYED_ALIVE,
            postgresql_where=KEYED_ALIVE,
        ),
    )


__all__ = ["FollowUp", "FollowUpKind", "FollowUpStatus"]
