"""Imports: customers, contacts, orders and interactions from a sheet, with their report and rejected rows."""
