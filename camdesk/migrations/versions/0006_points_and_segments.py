"""loyalty points ledger and saved segments; customer_value loses recency_days and its FK

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 16:00:00

See camdesk/models/points.py and camdesk/models/segment.py.  Both start empty.
customer_value drops recency_days (it went stale between recomputes; it is
worked out from last_order when needed) and its foreign key to customer (a
derived table; with the key SQLite empties it row by row).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from camdesk.models.base import UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("customer_value") as batch:
        batch.drop_constraint("fk_customer_value_customer_id_customer", type_="foreignkey")
        batch.drop_column("recency_days")
    op.create_table(
        "points_entry",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("order_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"],
                                name="fk_points_entry_customer_id_customer"),
        sa.PrimaryKeyConstraint("id", name="pk_points_entry"),
    )  # fmt: skip
    op.create_index("ix_points_entry_customer", "points_entry", ["customer_id", "created_at"])
    op.create_index("ix_points_entry_order", "points_entry", ["order_id"])
    op.create_table(
        "segment",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("criteria", sa.Text(), nullable=False),
        sa.Column("search", sa.String(200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_segment"),
    )
    alive = sa.text("deleted_at IS NULL")
    op.create_index("uq_segment_name_alive", "segment", ["name"], unique=True,
                    sqlite_where=alive, postgresql_where=alive)  # fmt: skip


def downgrade() -> None:
    op.drop_table("segment")
    op.drop_table("points_entry")
    with op.batch_alter_table("customer_value") as batch:
        batch.add_column(sa.Column("recency_days", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_customer_value_customer_id_customer", "customer",
                                 ["customer_id"], ["id"])  # fmt: skip
