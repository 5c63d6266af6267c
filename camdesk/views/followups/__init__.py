"""The follow-up calendar (回访日历): month and week views, the day's agenda, overdue."""
