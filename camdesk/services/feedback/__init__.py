"""The after-sales loop (反馈与满意度): feedback worked to closed, surveys, churn reasons."""
