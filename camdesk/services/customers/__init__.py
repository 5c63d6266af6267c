"""Customer files: reading, editing and making them, search, custom fields, orders, contacts, points, merge, undo and history."""
