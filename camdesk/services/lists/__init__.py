"""The customer list: criteria, paging in SQL, the quick first page, saved segments."""
