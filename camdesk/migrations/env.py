"""Alembic environment: runs on the connection camdesk.migrate hands over."""

from __future__ import annotations

from alembic import context

from camdesk.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - camdesk always passes a connection
    raise RuntimeError("run migrations through camdesk.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
