"""Purchase history on a customer file."""

from __future__ import annotations

from datetime import UTC, date

import pytest

from camdesk.errors import ValidationError
from camdesk.services.customers.orders import add_order, list_orders, purchase_summary
from tests.factories import make_customer


def test_history_and_totals(db, actor):
    customer = make_customer(db, actor)
    add_order(
        db,
        customer.id,
        actor,
        ordered_on=date(2025, 1, 5),
        amount=26800,
        cost=14000,
        product="有机绿茶礼盒",
    )
    add_order(db, customer.id, actor, ordered_on=date(2025, 3, 1), amount=1999, quantity=2)
    orders = list_orders(db, customer.id)
    assert [o.ordered_on for o in orders] == [date(2025, 3, 1), date(2025, 1, 5)]
    summary = purchase_summary(db, customer.id)
    assert (summary.orders, summary.amount, summary.cost) == (2, 28799, 14000)
    assert (summary.first, summary.last) == (date(2025, 1, 5), date(2025, 3, 1))
    assert summary.margin == 14799


def test_no_orders(db, actor):
    customer = make_customer(db, actor)
    summary = purchase_summary(db, customer.id)
    assert (summary.orders, summary.amount, summary.first) == (0, 0, None)


def test_negative_amount_is_refused(db, actor):
    customer = make_customer(db, actor)
    with pytest.raises(ValidationError):
        add_order(db, customer.id, actor, ordered_on=date(2025, 1, 1), amount=-5)
    assert list_orders(db, customer.id) == []


def test_an_order_says_what_it_changed_and_undo_takes_it_back(db, actor):
    from camdesk.services.core.changes import Changes, Kind
    from camdesk.services.customers.interactions import log_interaction
    from camdesk.services.customers.undo import undo

    customer = make_customer(db, actor)
    made = add_order(db, customer.id, actor, ordered_on=date(2025, 1, 5), amount=26800)
    assert made.changes == Changes.of(Kind.ORDERS | Kind.POINTS, [customer.id],
                                      made.changes.action)  # fmt: skip
    assert made.changes.action is not None and [o.id for o in list_orders(db, customer.id)] == [
        made.value
    ]
    assert undo(db, made.changes.action, actor).customers == {customer.id}
    assert list_orders(db, customer.id) == []
    from datetime import datetime

    called = log_interaction(db, customer.id, actor, kind="call",
                             occurred_at=datetime(2025, 2, 1, tzinfo=UTC))  # fmt: skip
    assert called.changes.kinds is Kind.INTERACTIONS and called.changes.customers == {customer.id}
