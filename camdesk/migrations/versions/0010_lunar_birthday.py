"""customer.lunar_birthday: the lunar month and day a customer celebrates (农历生日)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 15:00:00

Stored as "MM-DD", a leap month as "LMM-DD"; empty for everyone until entered.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("customer") as batch:
        batch.add_column(sa.Column("lunar_birthday", sa.String(6), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("customer") as batch:
        batch.drop_column("lunar_birthday")
