"""import_run: the import history (Data > Imports) and whether each import was undone

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03 16:10:00

One row per import that wrote something, keyed by the change-log action of what it
wrote; imports from before this revision are not listed (their actions stay in the log).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_run",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("source", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        *(sa.Column(n, sa.Integer(), nullable=False)
          for n in ("rows", "created", "updated", "skipped", "problems")),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("undone_by", sa.Uuid(), nullable=True),
        sa.Column("undo_txn", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_import_run"),
    )  # fmt: skip
    op.create_index("ix_import_run_at", "import_run", ["at"])


def downgrade() -> None:
    op.drop_index("ix_import_run_at", "import_run")
    op.drop_table("import_run")
