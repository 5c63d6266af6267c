"""feedback, feedback_step and feedback_setting: the after-sales loop (反馈)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 19:30:00

See camdesk/models/feedback.py.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

STATUSES = ("new", "assigned", "in_progress", "resolved", "informed", "closed")


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=20)


def _moment(name: str, nullable: bool = True) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "feedback",
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=True),
        sa.Column("kind", _enum("feedback_kind", "complaint", "suggestion", "praise", "question"),
                  nullable=False),
        sa.Column("channel", sa.String(20), nullable=True),
        sa.Column("category", sa.String(40), nullable=True),
        sa.Column("severity", _enum("feedback_severity", "urgent", "high", "normal", "low"),
                  nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("assignee_id", sa.Uuid(), nullable=True),
        sa.Column("status", _enum("feedback_status", *STATUSES), nullable=False),
        _moment("received_at", nullable=False),
        _moment("due_at", nullable=False),
        sa.Column("resolution", sa.Text(), nullable=True),
        _moment("resolved_at"),
        _moment("informed_at"),
        _moment("closed_at"),
        sa.Column("reopened", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        _moment("created_at", nullable=False),
        _moment("updated_at", nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        _moment("deleted_at"),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"],
                                name="fk_feedback_customer_id_customer"),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name="fk_feedback_order_id_orders"),
        sa.ForeignKeyConstraint(["assignee_id"], ["app_user.id"],
                                name="fk_feedback_assignee_id_app_user"),
        sa.PrimaryKeyConstraint("id", name="pk_feedback"),
        sa.UniqueConstraint("number", name="uq_feedback_number"),
    )  # fmt: skip
    op.create_index("ix_feedback_customer", "feedback", ["customer_id", "received_at"])
    op.create_index("ix_feedback_open", "feedback", ["status", "due_at", "deleted_at"])
    op.create_index("ix_feedback_received", "feedback", ["received_at", "kind", "category"])
    op.create_index("ix_feedback_assignee", "feedback", ["assignee_id", "status"])
    op.create_table(
        "feedback_step",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("feedback_id", sa.Uuid(), nullable=False),
        sa.Column("from_status", _enum("feedback_step_from", *STATUSES), nullable=True),
        sa.Column("to_status", _enum("feedback_step_to", *STATUSES), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        _moment("at", nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["feedback_id"], ["feedback.id"],
                                name="fk_feedback_step_feedback_id_feedback"),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"],
                                name="fk_feedback_step_user_id_app_user"),
        sa.PrimaryKeyConstraint("id", name="pk_feedback_step"),
    )  # fmt: skip
    op.create_index("ix_feedback_step_item", "feedback_step", ["feedback_id", "at"])
    op.create_table(
        "feedback_setting",
        sa.Column("key", sa.String(40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        _moment("updated_at", nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("key", name="pk_feedback_setting"),
    )


def downgrade() -> None:
    op.drop_table("feedback_setting")
    op.drop_table("feedback_step")
    op.drop_table("feedback")
