"""A recompute reads again only the customers the change log says changed: the facts it
gets that way equal a full read of every order."""

from __future__ import annotations

from datetime import UTC, date, datetime

import numpy as np

from camdesk.db import Database
from camdesk.services import value_facts
from camdesk.services.context import Actor
from camdesk.services.customers import as_edited, delete_customers, get_customer
from camdesk.services.interactions import log_interaction
from camdesk.services.merge import merge_customers
from camdesk.services.orders import add_order
from camdesk.services.undo import undo
from camdesk.services.value import recompute
from camdesk.services.value_facts import Facts, read_facts, refresh_facts
from camdesk.services.value_settings import load_model
from tests.factories import make_customer
from tests.value_seed import seed


def by_customer(facts: Facts) -> dict[object, tuple[object, ...]]:
    names = ("purchase_days", "first", "last", "revenue", "margin", "repeat_spend", "contact")
    arrays = [np.nan_to_num(getattr(facts, n), nan=-7.0).tolist() for n in names]
    return {ident: tuple(a[i] for a in arrays) for i, ident in enumerate(facts.ids)}


def refreshed_and_full(db: Database, monkeypatch) -> tuple[Facts, Facts, list[object]]:  # type: ignore[no-untyped-def]
    """Facts refreshed from the last recompute's mark, a full read, and whom the refresh read."""
    reads: list[object] = []
    real_read = value_facts._read

    def spy(session, day, only):  # type: ignore[no-untyped-def]
        reads.append(only)
        return real_read(session, day, only)

    monkeypatch.setattr(value_facts, "_read", spy)
    today = date.today()
    with db.read() as session:
        model = load_model(session)
        assert model is not None and model.facts_mark is not None
        refreshed, mark = refresh_facts(session, today, model.facts_mark)
    monkeypatch.setattr(value_facts, "_read", real_read)
    with db.read() as session:
        full = read_facts(session, today)
    assert mark.full_on == model.facts_mark.full_on
    assert len(reads) == 1 and reads[0] is not None  # a refresh: only some were read again
    return refreshed, full, list(reads[0])  # type: ignore[call-overload]


def test_refreshed_facts_equal_a_full_read(db: Database, actor: Actor, monkeypatch) -> None:
    # No slack for skewed clocks here: everything in this test happens within a second.
    monkeypatch.setattr(value_facts, "MARGIN_MS", 0)
    ids = seed(db, actor)
    today = date.today()
    recompute(db, actor)  # as of today: the facts and their mark are stored
    add_order(db, ids["Ann"], actor, ordered_on=today, amount=5000, cost=3000)
    log_interaction(db, ids["Bob"], actor, kind="call", occurred_at=datetime.now(UTC))
    newcomer = make_customer(db, actor, name="Newcomer").id
    add_order(db, newcomer, actor, ordered_on=today, amount=800)
    delete_customers(db, [ids["Eve"]], actor)
    keep, other = ids["Repeat0"], ids["Repeat1"]
    merge = merge_customers(db, keep, [other], as_edited(get_customer(db, keep)), actor)
    refreshed, full, read = refreshed_and_full(db, monkeypatch)
    assert {ids["Ann"], ids["Bob"], newcomer, keep} <= set(read) and len(read) < 8
    assert by_customer(refreshed) == by_customer(full) and refreshed.orders == full.orders

    assert recompute(db, actor).customers == 18 - 2  # Eve deleted, Repeat1 merged
    undo(db, merge, actor)  # the orders go back: Repeat0 must lose them again
    refreshed, full, read = refreshed_and_full(db, monkeypatch)
    assert {keep, other} <= set(read) and len(read) < 5
    assert by_customer(refreshed) == by_customer(full) and refreshed.orders == full.orders


def test_a_past_day_or_an_old_mark_reads_every_order(db: Database, actor: Actor) -> None:
    seed(db, actor)
    recompute(db, actor, as_of=date(2024, 12, 31))
    with db.read() as session:
        model = load_model(session)
        assert model is not None and model.facts_mark is not None
        _facts, mark = refresh_facts(session, date.today(), model.facts_mark)
    assert mark.full_on == date.today() and mark.day == date.today()
