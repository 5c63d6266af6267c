"""Screens for data in and out: import, export, duplicates."""
