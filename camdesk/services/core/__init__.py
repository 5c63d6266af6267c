"""Shared by every feature: the change log, who is acting, progress, bulk writes, validation, users, facts about the database."""
