"""left_out_value: cells an import left out of the rows it imported

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 03:00:00

See camdesk/models/left_out.py. Starts empty; the data quality list shows its rows
while the customer's field is still empty.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from camdesk.models.base import UTCDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "left_out_value",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("params", sa.JSON(), nullable=True),
        sa.Column("txn_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("dismissed_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"],
                                name="fk_left_out_value_customer_id_customer"),
        sa.PrimaryKeyConstraint("id", name="pk_left_out_value"),
    )  # fmt: skip
    op.create_index("ix_left_out_value_customer", "left_out_value", ["customer_id"])


def downgrade() -> None:
    op.drop_table("left_out_value")
