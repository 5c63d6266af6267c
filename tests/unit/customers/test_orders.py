"""Purchase history on a customer file."""

from __future__ import annotations

from datetime import UTC, date

import pytest

from camdesk.errors import ValidationError
from camdesk.services.core.changes import Kind
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
    assert summary.margin == 12800  # of the orders with a cost (the other has none)


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


def test_an_order_without_cost_has_an_unknown_margin_the_same_on_both_tabs(db, actor):
    from camdesk.services.value.explain import value_file
    from camdesk.services.value.recompute import recompute

    customer = make_customer(db, actor)
    add_order(db, customer.id, actor, ordered_on=date(2025, 1, 5), amount=10000, cost=6000)
    add_order(db, customer.id, actor, ordered_on=date(2025, 2, 5), amount=5000)  # cost unknown
    summary = purchase_summary(db, customer.id)
    assert (summary.margin, summary.costed, summary.orders) == (4000, 1, 2)
    recompute(db, actor, as_of=date(2025, 3, 1))
    assert value_file(db, customer.id).measures.margin == summary.margin  # ¥40 both, not ¥90
    other = make_customer(db, actor)
    add_order(db, other.id, actor, ordered_on=date(2025, 1, 5), amount=10000)
    assert purchase_summary(db, other.id).margin is None  # unknown, not ¥100


def test_editing_an_order_by_hand_moves_its_points_and_undo_puts_both_back(db, actor):
    from camdesk.errors import OrderChanged
    from camdesk.services.customers.orders import OrderData, record_order, update_order
    from camdesk.services.customers.points import balance
    from camdesk.services.customers.undo import undo

    customer = make_customer(db, actor)
    made = record_order(db, customer.id, OrderData(date(2025, 4, 1), 30000, "紫砂壶", "茶具",
                                                   order_no=" SO-1 "), actor)  # fmt: skip
    (order,) = list_orders(db, customer.id)
    assert (order.order_no, balance(db, customer.id)) == ("SO-1", 300)
    changed = update_order(db, made.value, order.version,
                           OrderData(date(2025, 4, 2), 12000, "紫砂壶", "茶具", 2, 5000,
                                     "门店", "SO-1"), actor)  # fmt: skip
    (edited,) = list_orders(db, customer.id)
    assert (edited.ordered_on, edited.amount, edited.quantity, edited.cost, edited.channel) == (
        date(2025, 4, 2), 12000, 2, 5000, "门店")  # fmt: skip
    assert balance(db, customer.id) == 120 and changed.touches(Kind.POINTS)
    with pytest.raises(OrderChanged):  # an old view of the order: refused, nothing written
        update_order(db, made.value, order.version, OrderData(date(2025, 4, 3), 1), actor)
    undo(db, changed.action, actor)
    (back,) = list_orders(db, customer.id)
    assert (back.ordered_on, back.amount, back.cost, balance(db, customer.id)) == (
        date(2025, 4, 1), 30000, None, 300)  # fmt: skip


def test_deleting_an_order_by_hand_and_undoing_it(db, actor):
    from camdesk.services.customers.orders import delete_order
    from camdesk.services.customers.points import balance
    from camdesk.services.customers.undo import undo

    customer = make_customer(db, actor)
    add_order(db, customer.id, actor, ordered_on=date(2025, 4, 1), amount=20000)
    (order,) = list_orders(db, customer.id)
    gone = delete_order(db, order.id, order.version, actor)
    assert list_orders(db, customer.id) == [] and balance(db, customer.id) == 0
    undo(db, gone.action, actor)
    assert [o.amount for o in list_orders(db, customer.id)] == [20000]
    assert balance(db, customer.id) == 200
