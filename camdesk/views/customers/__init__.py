"""The customer files area: list, search, filters, and the files open beside it."""
