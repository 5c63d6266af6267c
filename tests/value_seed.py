"""A small database whose value measures were worked out by hand (see test_value.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from camdesk.db import Database
from camdesk.services.core.context import Actor
from camdesk.services.customers.interactions import log_interaction
from camdesk.services.customers.orders import add_order
from tests.factories import make_customer

AS_OF = date(2024, 12, 31)


def seed(db: Database, actor: Actor) -> dict[str, object]:
    """Five customers worked out by hand, and twelve ordinary repeat buyers."""
    ids: dict[str, object] = {}

    def customer(name: str, orders: list[tuple[date, int, int | None]]) -> object:
        ident = make_customer(db, actor, name=name).id
        for day, amount, cost in orders:
            add_order(db, ident, actor, ordered_on=day, amount=amount, cost=cost)
        ids[name] = ident
        return ident

    customer("Ann", [(date(2024, 1, 10), 10000, 6000), (date(2024, 1, 10), 5000, None),
                     (date(2024, 6, 1), 20000, 10000), (date(2024, 12, 1), 30000, None)])  # fmt: skip
    customer("Bob", [(date(2024, 12, 20), 8000, None)])
    cat = customer("Cat", [])
    log_interaction(db, cat, actor, kind="call", occurred_at=datetime(2024, 12, 1, tzinfo=UTC))  # type: ignore[arg-type]
    customer("Dan", [(date(2023, 10, 1), 3000, None), (date(2023, 11, 1), 4000, None)])
    eve = customer("Eve", [(date(2024, m, 1), 10000, None) for m in range(1, 6)])
    log_interaction(db, eve, actor, kind="wechat", occurred_at=datetime(2024, 12, 15, tzinfo=UTC))  # type: ignore[arg-type]
    for n in range(12):
        customer(f"Repeat{n}", [(date(2024, 1 + n % 6, 1 + n), 5000 + 700 * n, None),
                                (date(2024, 7 + n % 5, 2 + n), 4000 + 300 * n, None),
                                (date(2024, 8 + n % 4, 3 + n), 6000, None)][: 2 + n % 2])  # fmt: skip
    return ids
