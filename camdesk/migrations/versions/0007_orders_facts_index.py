"""orders: the customer index also covers deleted_at, amount and cost

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 17:00:00

A value recompute aggregates every live order per customer (days with an
order, first and last day, revenue, margin, first-day spend) in SQL; with these
columns in the index the database reads the index alone, in customer order.
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COVERING = ["customer_id", "ordered_on", "deleted_at", "amount", "cost"]


def upgrade() -> None:
    op.drop_index("ix_orders_customer", table_name="orders")
    op.create_index("ix_orders_customer", "orders", COVERING)


def downgrade() -> None:
    op.drop_index("ix_orders_customer", table_name="orders")
    op.create_index("ix_orders_customer", "orders", ["customer_id", "ordered_on"])
