"""Satisfaction surveys (满意度调查), their responses, and why customers left (流失原因)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from camdesk.models.base import Base, Timestamp, Tracked, UTCDateTime


class Survey(Tracked, Base):
    """A survey the team sends: CSAT (1-5), NPS (0-10) or both, and extra questions.

    Attributes:
        questions: a JSON list of the extra questions' texts, in order.
        active: whether it is still offered when recording a response.
    """

    __tablename__ = "survey"

    name: Mapped[str] = mapped_column(String(100))
    asks_csat: Mapped[bool] = mapped_column(Boolean, default=True)
    asks_nps: Mapped[bool] = mapped_column(Boolean, default=False)
    questions: Mapped[str] = mapped_column(Text, default="[]")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class SurveyResponse(Tracked, Base):
    """One customer's answers to a survey.

    Attributes:
        csat: satisfaction 1 (very unsatisfied) to 5 (very satisfied), if asked and given.
        nps: likelihood to recommend, 0 to 10 (promoters 9-10, detractors 0-6).
        answers: a JSON object of the extra questions' answers, by question text.
        feedback_id: the resolved feedback this response rates (post-resolution check).
        source: "hand" (recorded in the app) or "import" (from a spreadsheet).
    """

    __tablename__ = "survey_response"

    survey_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("survey.id"))
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    feedback_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("feedback.id"))
    answered_at: Mapped[Timestamp]
    csat: Mapped[int | None] = mapped_column(SmallInteger)
    nps: Mapped[int | None] = mapped_column(SmallInteger)
    comment: Mapped[str | None] = mapped_column(Text)
    answers: Mapped[str | None] = mapped_column(Text)
    channel: Mapped[str | None] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(10), default="hand")

    __table_args__ = (
        Index("ix_survey_response_customer", "customer_id", "answered_at"),
        # The monthly figures read only this index (NPS, CSAT and counts per month).
        Index("ix_survey_response_month", "answered_at", "nps", "csat", "deleted_at",
              "customer_id"),
        Index("ix_survey_response_feedback", "feedback_id"),
    )  # fmt: skip


class CustomerScore(Base):
    """A customer's latest NPS and CSAT answers, kept with every response written, so the
    list can show and filter them without reading every response.

    A customer without any scored response has no row."""

    __tablename__ = "customer_score"

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), primary_key=True)
    nps: Mapped[int | None] = mapped_column(SmallInteger)
    nps_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    csat: Mapped[int | None] = mapped_column(SmallInteger)
    csat_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index("ix_customer_score_nps", "nps", "customer_id"),
        Index("ix_customer_score_csat", "csat", "customer_id"),
    )


class ChurnReason(Tracked, Base):
    """Why a customer left: recorded when the lifecycle found them churned, or when a user
    marked them lost by hand.

    Attributes:
        reason: a key of the team's churn reason list (price, quality, competitor, ...).
        on: the day they left (the stage change's day, or the day it was marked).
        source: "stage" (the lifecycle said churned) or "hand" (marked lost by a user).
    """

    __tablename__ = "churn_reason"

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    reason: Mapped[str] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)
    on: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(10), default="hand")

    __table_args__ = (
        Index("ix_churn_reason_customer", "customer_id", "on"),
        Index("ix_churn_reason_on", "on", "reason", "deleted_at"),
    )


__all__ = ["ChurnReason", "CustomerScore", "Survey", "SurveyResponse"]
