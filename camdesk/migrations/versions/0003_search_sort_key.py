"""customer_search.sort_key: order search results without visiting the customer table

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 20:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("customer_search") as batch:
        batch.add_column(sa.Column("sort_key", sa.String(200), nullable=False, server_default=""))
    op.execute(
        "UPDATE customer_search SET sort_key = "
        "(SELECT customer.sort_key FROM customer WHERE customer.id = customer_search.customer_id)"
    )
    op.create_index(
        "ix_customer_search_order", "customer_search", ["id", "sort_key", "customer_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_customer_search_order", table_name="customer_search")
    with op.batch_alter_table("customer_search") as batch:
        batch.drop_column("sort_key")
