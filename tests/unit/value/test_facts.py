"""The purchase facts a recompute starts from, aggregated by the database, equal the
same facts worked out order by order in Python."""

from __future__ import annotations

import math
import time as clock
from datetime import UTC, date, datetime

import numpy as np

from camdesk.db import Database
from camdesk.models import Order, utcnow
from camdesk.services.core.context import Actor
from camdesk.services.customers.files import delete_customers
from camdesk.services.customers.orders import add_order, list_orders
from camdesk.services.value.facts import Facts, _local_days, _seconds, read_facts
from tests.value_seed import AS_OF, seed

Row = tuple[object, ...]


def by_customer(facts: Facts) -> dict[object, Row]:
    names = ("purchase_days", "first", "last", "revenue", "margin", "repeat_spend", "contact")
    arrays = [np.nan_to_num(getattr(facts, n), nan=-7.0).tolist() for n in names]
    return {ident: tuple(a[i] for a in arrays) for i, ident in enumerate(facts.ids)}


def by_hand(
    db: Database, ids: list[object], day: date, contacts: dict[object, int]
) -> dict[object, Row]:
    """Each customer's facts from their live orders up to ``day``, one order at a time."""
    found: dict[object, Row] = {}
    for ident in ids:
        orders = [o for o in list_orders(db, ident) if o.ordered_on <= day]  # type: ignore[arg-type]
        days = sorted({o.ordered_on for o in orders})
        revenue = float(sum(o.amount for o in orders))
        costed = [o for o in orders if o.cost is not None]
        margin = float(sum(o.amount - o.cost for o in costed)) if costed else -7.0  # type: ignore[operator]
        first_spend = sum(o.amount for o in orders if days and o.ordered_on == days[0])
        found[ident] = (
            len(days), days[0].toordinal() if days else -1, days[-1].toordinal() if days else -1,
            revenue, margin, revenue - first_spend, contacts.get(ident, -1),
        )  # fmt: skip
    return found


def test_facts_from_sql_equal_facts_worked_out_order_by_order(db: Database, actor: Actor) -> None:
    ids = seed(db, actor)
    ann, dan = ids["Ann"], ids["Dan"]
    add_order(db, ann, actor, ordered_on=date(2025, 3, 1), amount=99900)  # after the day
    gone = add_order(db, dan, actor, ordered_on=date(2024, 12, 30), amount=7000, cost=1000).value
    with db.write() as session:  # a deleted order (an undone one, a refund) does not count
        session.get_one(Order, gone).deleted_at = utcnow()
    delete_customers(db, [ids["Eve"]], actor)  # nor do a deleted customer's orders
    with db.read() as session:
        facts = read_facts(session, AS_OF)
    got = by_customer(facts)
    contacts = {i: got[i][-1] for i in got}  # last contacts are checked below
    assert ids["Eve"] not in got and len(got) == len(ids) - 1
    assert got == by_hand(db, list(got), AS_OF, contacts)
    # Ann: two orders on her first day (one without a cost), one later with a cost.
    assert got[ann][:6] == (3, date(2024, 1, 10).toordinal(), date(2024, 12, 1).toordinal(),
                            65000.0, 14000.0, 50000.0)  # fmt: skip
    assert contacts[ids["Cat"]] == date(2024, 12, 1).toordinal()
    assert facts.orders == 4 + 1 + 2 + sum(2 + n % 2 for n in range(12))
    assert not any(math.isnan(x) for x in facts.revenue)


def test_reading_some_customers_gives_their_facts_as_a_full_read(
    db: Database, actor: Actor
) -> None:
    ids = seed(db, actor)
    wanted = [ids["Ann"], ids["Cat"], ids["Repeat3"]]
    with db.read() as session:
        full = by_customer(read_facts(session, AS_OF))
        some = by_customer(read_facts(session, AS_OF, only=wanted))
    assert some == {ident: full[ident] for ident in wanted}


def test_last_contact_is_the_local_day_also_where_summer_time_begins(monkeypatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    clock.tzset()
    try:
        moments = [datetime(2024, 3, 30, 23, 30, tzinfo=UTC),  # 00:30 on the 31st, winter time
                   datetime(2024, 3, 31, 22, 30, tzinfo=UTC),  # 00:30 on April 1st, summer time
                   datetime(2024, 3, 31, 21, 30, tzinfo=UTC),  # 23:30 on the 31st
                   datetime(2024, 7, 1, 12, 0, tzinfo=UTC)]  # fmt: skip
        texts = [m.replace(tzinfo=None).isoformat(" ") for m in moments]  # as SQLite stores them
        expected = [m.astimezone().date().toordinal() for m in moments]
        assert _local_days(_seconds(texts)).tolist() == expected
        assert _local_days(_seconds(moments)).tolist() == expected
        assert expected[:3] == [date(2024, 3, 31).toordinal(), date(2024, 4, 1).toordinal(),
                                date(2024, 3, 31).toordinal()]  # fmt: skip
    finally:
        monkeypatch.delenv("TZ")
        clock.tzset()
