"""The customer files area: list, search, filters and the customer form."""
