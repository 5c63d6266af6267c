"""survey, survey_response, customer_score and churn_reason: satisfaction and why customers left

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 08:00:00

See camdesk/models/survey.py.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def _moment(name: str, nullable: bool = True) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _tracked() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        _moment("created_at", nullable=False),
        _moment("updated_at", nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        _moment("deleted_at"),
    ]


def _customer(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["customer_id"], ["customer.id"],
                                   name=f"fk_{table}_customer_id_customer")  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "survey",
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("asks_csat", sa.Boolean(), nullable=False),
        sa.Column("asks_nps", sa.Boolean(), nullable=False),
        sa.Column("questions", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        *_tracked(),
        sa.PrimaryKeyConstraint("id", name="pk_survey"),
    )
    op.create_table(
        "survey_response",
        sa.Column("survey_id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("feedback_id", sa.Uuid(), nullable=True),
        _moment("answered_at", nullable=False),
        sa.Column("csat", sa.SmallInteger(), nullable=True),
        sa.Column("nps", sa.SmallInteger(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("answers", sa.Text(), nullable=True),
        sa.Column("channel", sa.String(20), nullable=True),
        sa.Column("source", sa.String(10), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(["survey_id"], ["survey.id"],
                                name="fk_survey_response_survey_id_survey"),
        _customer("survey_response"),
        sa.ForeignKeyConstraint(["feedback_id"], ["feedback.id"],
                                name="fk_survey_response_feedback_id_feedback"),
        sa.PrimaryKeyConstraint("id", name="pk_survey_response"),
    )  # fmt: skip
    op.create_index("ix_survey_response_customer", "survey_response",
                    ["customer_id", "answered_at"])  # fmt: skip
    op.create_index("ix_survey_response_month", "survey_response",
                    ["answered_at", "nps", "csat", "deleted_at", "customer_id"])  # fmt: skip
    op.create_index("ix_survey_response_feedback", "survey_response", ["feedback_id"])
    op.create_table(
        "customer_score",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("nps", sa.SmallInteger(), nullable=True),
        _moment("nps_at"),
        sa.Column("csat", sa.SmallInteger(), nullable=True),
        _moment("csat_at"),
        _customer("customer_score"),
        sa.PrimaryKeyConstraint("customer_id", name="pk_customer_score"),
    )
    op.create_index("ix_customer_score_nps", "customer_score", ["nps", "customer_id"])
    op.create_index("ix_customer_score_csat", "customer_score", ["csat", "customer_id"])
    op.create_table(
        "churn_reason",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("reason", sa.String(40), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(10), nullable=False),
        *_tracked(),
        _customer("churn_reason"),
        sa.PrimaryKeyConstraint("id", name="pk_churn_reason"),
    )
    op.create_index("ix_churn_reason_customer", "churn_reason", ["customer_id", "on"])
    op.create_index("ix_churn_reason_on", "churn_reason", ["on", "reason", "deleted_at"])


def downgrade() -> None:
    op.drop_table("churn_reason")
    op.drop_table("customer_score")
    op.drop_table("survey_response")
    op.drop_table("survey")
