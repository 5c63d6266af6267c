"""Alembic environment and revisions (package data: used by camdesk.migrate).

``HEAD`` names the newest revision and ``REVISIONS`` every one, oldest first, so that
opening a database (and telling an older schema from a newer camdesk's) does not need to
load Alembic; a test keeps both equal to Alembic's own.
"""

REVISIONS = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
    "0014",
    "0015",
    "0016",
)
HEAD = REVISIONS[-1]
