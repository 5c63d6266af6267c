"""The trends dashboard's figures: churn, new customers, satisfaction, feedback, by month."""
