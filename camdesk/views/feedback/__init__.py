"""Feedback (反馈): the customer file's feedback tab, its dialogs, the names of its codes."""
