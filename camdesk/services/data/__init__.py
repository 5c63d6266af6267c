"""Data in and out: reading sheets, cleaning cells, imports, exports, duplicates, data quality, recovery."""
