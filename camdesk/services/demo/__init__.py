"""Demo databases with realistic Chinese customer data."""
