"""value measures per customer, their change history and the value settings

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 14:30:00

See camdesk/models/value.py. The tables start empty: the first recompute
(on demand, or after the upgrade) fills them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from camdesk.models.base import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "customer_value",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("first_order", sa.Date(), nullable=True),
        sa.Column("last_order", sa.Date(), nullable=True),
        sa.Column("last_contact", sa.Date(), nullable=True),
        sa.Column("purchase_days", sa.Integer(), nullable=False),
        sa.Column("recency_days", sa.Integer(), nullable=True),
        sa.Column("revenue", sa.BigInteger(), nullable=False),
        sa.Column("margin", sa.BigInteger(), nullable=True),
        sa.Column("repeat_spend", sa.BigInteger(), nullable=True),
        sa.Column("r", sa.SmallInteger(), nullable=True),
        sa.Column("f", sa.SmallInteger(), nullable=True),
        sa.Column("m", sa.SmallInteger(), nullable=True),
        sa.Column("segment", sa.String(20), nullable=True),
        sa.Column("abc", sa.String(1), nullable=True),
        sa.Column("p_alive", sa.Float(), nullable=True),
        sa.Column("expected_purchases", sa.Float(), nullable=True),
        sa.Column("expected_spend", sa.BigInteger(), nullable=True),
        sa.Column("clv", sa.BigInteger(), nullable=True),
        sa.Column("tier", sa.String(10), nullable=False),
        sa.Column("stage", sa.String(10), nullable=False),
        sa.Column("computed_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name="fk_customer_value_customer_id_customer"
        ),
        sa.PrimaryKeyConstraint("customer_id", name="pk_customer_value"),
    )
    op.create_index("ix_customer_value_tier", "customer_value", ["tier", "customer_id"])
    op.create_index("ix_customer_value_stage", "customer_value", ["stage", "customer_id"])
    op.create_index("ix_customer_value_segment", "customer_value", ["segment", "customer_id"])
    op.create_index("ix_customer_value_clv", "customer_value", ["clv", "customer_id"])
    op.create_table(
        "value_change",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("measure", sa.String(10), nullable=False),
        sa.Column("old", sa.String(20), nullable=True),
        sa.Column("new", sa.String(20), nullable=False),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name="fk_value_change_customer_id_customer"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_value_change"),
    )
    op.create_index("ix_value_change_customer", "value_change", ["customer_id", "on"])
    op.create_index("ix_value_change_new", "value_change", ["measure", "new", "on"])
    op.create_table(
        "value_setting",
        sa.Column("key", sa.String(40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("key", name="pk_value_setting"),
    )


def downgrade() -> None:
    op.drop_table("value_setting")
    op.drop_table("value_change")
    op.drop_table("customer_value")
