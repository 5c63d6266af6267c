"""follow_up table; interactions gain online chat, notes, direction, outcome and next step

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 08:00:00

See camdesk/models/followup.py and camdesk/models/interaction.py.  The interaction
table's kind CHECK is widened (SQLite rebuilds the table; PostgreSQL swaps the
constraint); its rows are kept as they are.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from camdesk.models.base import UTCDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

OLD_KINDS = ("call", "sms", "wechat", "email", "visit", "meeting")
NEW_KINDS = (*OLD_KINDS, "chat", "note")
KIND_CHECK = "ck_interaction_interaction_kind"
PLANNED_ALIVE = sa.text("status = 'planned' AND deleted_at IS NULL")
KEYED_ALIVE = sa.text("origin_key IS NOT NULL AND deleted_at IS NULL")


def _kinds(kinds: tuple[str, ...]) -> str:
    return "kind IN ({})".format(", ".join(f"'{k}'" for k in kinds))


def _rebuilt_interaction() -> Any:
    """A batch that rebuilds the table on SQLite, its kind read as plain text (checks by name)."""
    kind = sa.Column("kind", sa.String(20), nullable=False)
    return op.batch_alter_table("interaction", recreate="auto", reflect_args=(kind,))


def upgrade() -> None:
    with _rebuilt_interaction() as batch:
        batch.drop_constraint(op.f(KIND_CHECK), type_="check")
        batch.create_check_constraint("interaction_kind", sa.text(_kinds(NEW_KINDS)))
        batch.add_column(sa.Column("direction", sa.String(20), nullable=True))
        batch.add_column(sa.Column("outcome", sa.Text(), nullable=True))
        batch.add_column(sa.Column("next_step", sa.Text(), nullable=True))
        batch.create_check_constraint("direction", sa.text("direction IN ('out', 'in')"))
    op.create_table(
        "follow_up",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("assignee_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.Enum("return", "care", "wake", "winback", "other",
                                  name="follow_up_kind", native_enum=False,
                                  create_constraint=True, length=20), nullable=False),
        sa.Column("status", sa.Enum("planned", "done", "skipped", "cancelled",
                                    name="follow_up_status", native_enum=False,
                                    create_constraint=True, length=20), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("due_at_time", sa.Time(), nullable=True),
        sa.Column("purpose", sa.String(200), nullable=True),
        sa.Column("rule", sa.String(200), nullable=True),
        sa.Column("series_start", sa.Date(), nullable=True),
        sa.Column("origin", sa.String(10), nullable=False),
        sa.Column("origin_key", sa.String(60), nullable=True),
        sa.Column("previous_id", sa.Uuid(), nullable=True),
        sa.Column("done_at", UTCDateTime(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("interaction_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"],
                                name="fk_follow_up_customer_id_customer"),
        sa.ForeignKeyConstraint(["assignee_id"], ["app_user.id"],
                                name="fk_follow_up_assignee_id_app_user"),
        sa.ForeignKeyConstraint(["interaction_id"], ["interaction.id"],
                                name="fk_follow_up_interaction_id_interaction"),
        sa.PrimaryKeyConstraint("id", name="pk_follow_up"),
    )  # fmt: skip
    op.create_index("ix_follow_up_due", "follow_up",
                    ["due_on", "status", "kind", "assignee_id", "deleted_at", "customer_id"])  # fmt: skip
    op.create_index("ix_follow_up_customer", "follow_up", ["customer_id", "status", "due_on"])
    op.create_index("ix_follow_up_planned", "follow_up", ["due_on", "assignee_id"],
                    sqlite_where=PLANNED_ALIVE, postgresql_where=PLANNED_ALIVE)  # fmt: skip
    op.create_index("uq_follow_up_origin", "follow_up", ["customer_id", "origin_key"],
                    unique=True, sqlite_where=KEYED_ALIVE,
                    postgresql_where=KEYED_ALIVE)  # fmt: skip


def downgrade() -> None:
    op.drop_table("follow_up")
    op.execute(sa.text("DELETE FROM interaction WHERE kind IN ('chat', 'note')"))
    with _rebuilt_interaction() as batch:
        batch.drop_constraint(op.f("ck_interaction_direction"), type_="check")
        batch.drop_column("next_step")
        batch.drop_column("outcome")
        batch.drop_column("direction")
        batch.drop_constraint(op.f(KIND_CHECK), type_="check")
        batch.create_check_constraint("interaction_kind", sa.text(_kinds(OLD_KINDS)))
