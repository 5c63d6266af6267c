"""Follow-up types and states as codes, for views that load before the database does."""

from __future__ import annotations

KINDS = ("return", "care", "wake", "winback", "other")  # FollowUpKind values
OVERDUE = "overdue"  # the derived state of a planned follow-up whose time has passed
