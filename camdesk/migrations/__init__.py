"""Alembic environment and revisions (package data: used by camdesk.migrate).

``HEAD`` names the newest revision so that opening an up-to-date database does
not need to load Alembic; a test keeps it equal to Alembic's own head.
"""

HEAD = "0008"
