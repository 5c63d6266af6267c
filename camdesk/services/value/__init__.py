"""Value tiers: what each customer is worth to the business, and where it stands.

RFM scores and segments (:mod:`rfm`), ABC by revenue (:mod:`pareto`), predicted value
(:mod:`clv`), tiers and lifecycle stages (:mod:`tiers`, :mod:`lifecycle`), worked out per
customer from its orders (:mod:`facts`) by :mod:`recompute` and kept in
``customer_value`` (:mod:`store`); the team's rules (:mod:`settings`), their preview,
the screen's report and one customer's explanation build on them.
"""
