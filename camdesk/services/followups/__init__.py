"""Follow-ups: return visits, care, wake-up and win-back tasks; their recurrence and plans."""
