"""Indexes the trends dashboard reads its monthly figures from

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 13:00:00

Each monthly figure is a range of one index, covering what the figure needs (customer_id
too, for a segment): feedback received, resolved and due by month; first orders; stage
changes into and out of "churned"; customers by tier with their revenue, and revenue in
order (the Pareto curve). See camdesk/services/trends/.
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

NEW = {
    "ix_feedback_received": (
        "feedback",
        ["received_at", "deleted_at", "category", "resolved_at", "customer_id"],
    ),
    "ix_feedback_resolved": (
        "feedback",
        ["resolved_at", "deleted_at", "received_at", "customer_id"],
    ),
    "ix_feedback_due": (
        "feedback",
        ["due_at", "deleted_at", "resolved_at", "status", "customer_id"],
    ),
    "ix_customer_value_first": ("customer_value", ["first_order", "customer_id"]),
    "ix_customer_value_tier": ("customer_value", ["tier", "revenue", "customer_id"]),
    "ix_customer_value_revenue": ("customer_value", ["revenue", "customer_id"]),
    "ix_value_change_new": ("value_change", ["measure", "new", "on", "customer_id"]),
    "ix_value_change_old": ("value_change", ["measure", "old", "on", "customer_id"]),
}
OLD = {
    "ix_feedback_received": ("feedback", ["received_at", "kind", "category"]),
    "ix_customer_value_tier": ("customer_value", ["tier", "customer_id"]),
    "ix_value_change_new": ("value_change", ["measure", "new", "on"]),
}


def upgrade() -> None:
    for name, (table, _columns) in OLD.items():
        op.drop_index(name, table_name=table)
    for name, (table, columns) in NEW.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in NEW.items():
        op.drop_index(name, table_name=table)
    for name, (table, columns) in OLD.items():
        op.create_index(name, table, columns)
