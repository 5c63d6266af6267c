"""Alembic environment and revisions (package data: used by camdesk.migrate)."""
