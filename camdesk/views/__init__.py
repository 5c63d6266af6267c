"""Qt widgets, dialogs, item models and charts: no SQL and no business rules."""
