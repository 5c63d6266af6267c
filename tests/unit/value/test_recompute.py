"""Recomputing value measures from orders and contacts, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from camdesk.cli import main
from camdesk.db import Database
from camdesk.models import Customer, CustomerValue, ValueChange, utcnow
from camdesk.services.core.changes import Kind
from camdesk.services.core.context import Actor
from camdesk.services.core.users import local_actor
from camdesk.services.customers.orders import add_order
from camdesk.services.value.recompute import recompute
from tests.factories import make_customer
from tests.value_seed import AS_OF, seed


def values(db: Database) -> dict[object, CustomerValue]:
    with db.read() as session:
        rows = session.scalars(select(CustomerValue)).all()
        session.expunge_all()
    return {row.customer_id: row for row in rows}


def test_measures_stage_and_tier_as_worked_out_by_hand(db: Database, actor: Actor) -> None:
    ids = seed(db, actor)
    summary = recompute(db, actor, as_of=AS_OF)
    assert summary.customers == 17 and summary.orders == 4 + 1 + 2 + 5 + 12 * 2 + 6
    found = values(db)
    ann = found[ids["Ann"]]
    assert (ann.purchase_days, ann.first_order, ann.last_order, ann.as_of) == (
        3, date(2024, 1, 10), date(2024, 12, 1), AS_OF,
    )  # fmt: skip
    assert (ann.revenue, ann.margin, ann.repeat_spend) == (65000, 14000, 50000)
    assert ann.stage == "active" and ann.abc == "A"
    assert ann.tier == "high"  # ABC class A
    assert found[ids["Bob"]].stage == "new"
    cat = found[ids["Cat"]]
    assert (cat.stage, cat.tier, cat.r, cat.abc, cat.last_contact) == (
        "potential", "low", None, None, date(2024, 12, 1),
    )  # fmt: skip
    assert found[ids["Dan"]].stage == "churned"
    assert found[ids["Eve"]].stage == "loyal"  # silent by orders, but she wrote on WeChat
    assert sum(summary.stages.values()) == 17 and summary.stages["potential"] == 1
    assert summary.model is not None and summary.model.bgnbd is not None
    assert ann.p_alive is not None and 0 < ann.p_alive <= 1
    assert ann.clv is not None and ann.clv > 0


def test_recompute_is_idempotent_and_records_changes(db: Database, actor: Actor) -> None:
    ids = seed(db, actor)
    recompute(db, actor, as_of=AS_OF)
    first = values(db)
    again = recompute(db, actor, as_of=AS_OF)
    assert again.changed == 0
    assert {k: v.tier for k, v in values(db).items()} == {k: v.tier for k, v in first.items()}
    with db.read() as session:
        entries = session.scalar(select(func.count()).select_from(ValueChange))
    assert entries == 2 * 17  # each customer's first tier and stage

    later = recompute(db, actor, as_of=date(2025, 7, 1))  # half a year without orders
    assert later.changed == 16  # every buyer's (P(alive) moved); Cat, who never bought, kept hers
    assert values(db)[ids["Cat"]].as_of == AS_OF and values(db)[ids["Ann"]].as_of == date(
        2025, 7, 1
    )
    with db.read() as session:
        moves = session.execute(
            select(ValueChange.old, ValueChange.new, ValueChange.on)
            .where(ValueChange.customer_id == ids["Ann"], ValueChange.measure == "stage")
            .order_by(ValueChange.on)
        ).all()
    assert [tuple(m) for m in moves] == [
        (None, "active", AS_OF), ("active", "silent", date(2025, 7, 1)),
    ]  # fmt: skip
    with db.read() as session:
        churned_on = session.scalar(
            select(ValueChange.on).where(ValueChange.customer_id == ids["Dan"],
                                         ValueChange.new == "churned"))  # fmt: skip
    assert churned_on == date(2024, 11, 1)  # a year and a day after his last order, 2023-11-01


@pytest.mark.postgres
def test_same_results_on_sqlite_and_postgresql(
    sqlite_db: Database, postgresql_db: Database
) -> None:
    results = []
    for db in (sqlite_db, postgresql_db):
        actor = local_actor(db)
        ids = seed(db, actor)
        recompute(db, actor, as_of=AS_OF)
        by_name = {name: values(db)[ident] for name, ident in ids.items()}
        results.append({
            name: (v.purchase_days, v.last_order, v.revenue, v.margin, v.repeat_spend, v.r, v.f,
                   v.m, v.segment, v.abc, v.tier, v.stage, v.clv,
                   None if v.p_alive is None else round(v.p_alive, 6))
            for name, v in by_name.items()
        })  # fmt: skip
    assert results[0] == results[1]


def test_cli_analyze_json(tmp_path, capsys) -> None:
    path = tmp_path / "a.db"
    assert main(["demo", "--db", str(path), "--customers", "300", "--orders", "3000"]) == 0
    capsys.readouterr()
    assert main(["analyze", "--db", str(path), "--as-of", "2026-06-30", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    # As of a past day: the customers who had bought or been contacted by then.
    assert sum(out["tiers"].values()) == sum(out["stages"].values()) == out["customers"] <= 300
    assert set(out["bgnbd"]) >= {"r", "alpha", "a", "b", "time_unit"}
    assert set(out["gamma_gamma"]) >= {"p", "q", "v"}
    assert sum(out["segments"].values()) == out["customers"] - out["stages"].get("potential", 0)
    with pytest.raises(SystemExit) as stopped:
        main(["analyze", "--db", str(path), "--as-of", "30/06/2026"])
    assert stopped.value.code == 2
    assert "2024-03-05" in capsys.readouterr().err


def test_recomputing_only_the_customers_touched(db: Database, actor: Actor) -> None:
    from camdesk.services.customers.files import delete_customers
    from camdesk.services.value.recompute import recompute_customers

    nothing = recompute_customers(db, [make_customer(db, actor, name="X").id], actor)
    assert nothing.value is None and not nothing.changes  # no model yet: nothing to say
    ids = seed(db, actor)
    recompute(db, actor, as_of=AS_OF)
    before = values(db)
    add_order(db, ids["Dan"], actor, ordered_on=date(2024, 12, 28), amount=9000)  # he is back
    done = recompute_customers(db, [ids["Dan"], ids["Ann"]], actor, as_of=AS_OF)
    assert done.value == 1
    assert done.changes.kinds is Kind.VALUES and done.changes.customers == {ids["Dan"], ids["Ann"]}
    after = values(db)
    assert after[ids["Dan"]].stage == "active" and after[ids["Dan"]].purchase_days == 3
    assert after[ids["Ann"]].computed_at == before[ids["Ann"]].computed_at  # unchanged
    others = [k for k in before if k not in (ids["Dan"],)]
    assert all(after[k].computed_at == before[k].computed_at for k in others)
    with db.read() as session:
        back = session.execute(
            select(ValueChange.old, ValueChange.new)
            .where(ValueChange.customer_id == ids["Dan"], ValueChange.measure == "stage")
            .order_by(ValueChange.recorded_at.desc())
        ).first()
    assert tuple(back) == ("churned", "active")
    delete_customers(db, [ids["Bob"]], actor)
    assert recompute_customers(db, [ids["Bob"]], actor, as_of=AS_OF).value == 1
    assert ids["Bob"] not in values(db)


def test_a_recompute_of_the_past_leaves_out_customers_who_came_later(
    db: Database, actor: Actor
) -> None:
    ids = seed(db, actor)
    newcomer = make_customer(db, actor, name="Newcomer").id  # added today, nothing yet
    summary = recompute(db, actor, as_of=AS_OF)
    assert summary.customers == 17 and newcomer not in values(db)
    assert ids["Cat"] in values(db)  # added today too, but in contact before AS_OF
    assert recompute(db, actor).customers == 18  # as of today, everyone


def test_storing_a_slice_of_customers_at_a_time_stores_the_same_rows(db: Database, actor: Actor,
                                                                     monkeypatch) -> None:  # fmt: skip
    from camdesk.services.value import store as value_store

    ids = seed(db, actor)
    monkeypatch.setattr(value_store, "SLICE", 3)  # 17 customers: six slices, six key ranges
    recompute(db, actor, as_of=AS_OF)
    assert len(values(db)) == 17
    keys = sorted(values(db))  # in key order: UUIDs compare as numbers, like the databases
    gone = [keys[4], keys[5], keys[-1]]  # inside a key range, at its end, and the very last
    with db.write() as session:  # deleted without the incremental update: rows linger
        for ident in gone:
            session.get_one(Customer, ident).deleted_at = utcnow()
    add_order(db, ids["Bob"], actor, ordered_on=date(2024, 12, 30), amount=9000)
    before = values(db)[ids["Bob"]].purchase_days
    again = recompute(db, actor, as_of=AS_OF)
    assert again.customers == 14 and set(values(db)) == set(ids.values()) - set(gone)
    assert again.changed >= 3 + 1  # the three rows removed, Bob's at least rewritten
    assert values(db)[ids["Bob"]].purchase_days == before + 1
    monkeypatch.setattr(value_store, "SLICE", 50_000)  # all at once: nothing left to change
    assert recompute(db, actor, as_of=AS_OF).changed == 0


def test_values_cannot_be_worked_out_as_of_a_day_to_come(db, actor):
    from datetime import timedelta

    from camdesk.services.value.recompute import FutureDay, recompute_customers
    from camdesk.services.value.report import build_report
    from tests.factories import make_customer

    record = make_customer(db, actor, name="明天")
    tomorrow = date.today() + timedelta(days=1)
    with pytest.raises(FutureDay) as refused:
        recompute(db, actor, as_of=tomorrow)
    assert tomorrow.isoformat() in refused.value.text()
    with pytest.raises(FutureDay):
        recompute_customers(db, [record.id], actor, as_of=tomorrow)
    assert sum(build_report(db).tiers.values()) == 0  # nothing was stored
