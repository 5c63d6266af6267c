"""Notes move from a customer field into the contact log, as each customer's first note

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 19:00:00

A customer's notes text becomes one interaction of kind "note", dated when the file was
created (the text's own date is not known) and by nobody in particular; the field is then
emptied. The column stays (always empty) so older change-log entries still name it.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

BATCH = 1000
customer = sa.table(
    "customer",
    sa.column("id", sa.Uuid()),
    sa.column("notes", sa.Text()),
    sa.column("created_at", sa.DateTime(timezone=True)),
)
interaction = sa.table(
    "interaction",
    sa.column("id", sa.Uuid()),
    sa.column("customer_id", sa.Uuid()),
    sa.column("kind", sa.String(20)),
    sa.column("occurred_at", sa.DateTime(timezone=True)),
    sa.column("user_id", sa.Uuid()),
    sa.column("notes", sa.Text()),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("updated_at", sa.DateTime(timezone=True)),
    sa.column("version", sa.Integer()),
)


def upgrade() -> None:
    conn = op.get_bind()
    found = conn.execute(
        sa.select(customer.c.id, customer.c.notes, customer.c.created_at)
        .where(customer.c.notes.is_not(None))
    ).all()  # fmt: skip
    rows = [
        {"id": uuid.uuid4(), "customer_id": ident, "kind": "note", "occurred_at": at,
         "user_id": None, "notes": text, "created_at": at, "updated_at": at, "version": 1}
        for ident, text, at in found if text and text.strip()
    ]  # fmt: skip
    for start in range(0, len(rows), BATCH):
        conn.execute(sa.insert(interaction), rows[start : start + BATCH])
    if found:
        conn.execute(sa.update(customer).where(customer.c.notes.is_not(None)).values(notes=None))


def downgrade() -> None:
    """The notes stay in the log (a customer may have many by now): nothing to move back."""
