"""custom_field.required and .searchable: what Settings > Custom fields can set

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 15:00:00

A required field must be filled when a file is saved in the app (imports keep a row
without it). A searchable text or choice field's values are part of the customer's
search keys. Both off for the fields there are.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("custom_field") as batch:
        for name in ("required", "searchable"):
            batch.add_column(
                sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false())
            )


def downgrade() -> None:
    with op.batch_alter_table("custom_field") as batch:
        batch.drop_column("searchable")
        batch.drop_column("required")
