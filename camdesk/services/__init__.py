"""Business logic: plain Python over the ORM, used by the GUI and the CLI alike.

No Qt here.  A service function takes a :class:`camdesk.db.Database` and plain
values, owns its transaction, and returns frozen value objects.
"""
