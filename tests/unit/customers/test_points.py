"""Loyalty points: earned on orders at the team's rate, redeemed, adjusted; never negative."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from camdesk.db import Database
from camdesk.services.core.context import Actor
from camdesk.services.customers.orders import add_order
from camdesk.services.customers.points import PointsError, adjust, balance, earned, ledger, redeem
from camdesk.services.customers.undo import undo
from camdesk.services.data.imports.activity import import_activity
from camdesk.services.data.imports.customers import ImportOptions
from camdesk.services.data.imports.fields import ImportKind, guess_mapping
from camdesk.services.data.sheets import read_table
from camdesk.services.value.settings import ValueRules, rules_to_json, store
from tests.factories import make_customer


def set_rate(db: Database, rate: float) -> None:
    with db.write() as session:
        store(session, "rules", rules_to_json(ValueRules(points_per_yuan=rate)), None)


def test_points_are_earned_redeemed_and_adjusted_without_going_below_zero(
    db: Database, actor: Actor
) -> None:
    ident = make_customer(db, actor, name="积分客户").id
    add_order(db, ident, actor, ordered_on=date(2025, 3, 1), amount=19999)  # ¥199.99
    assert balance(db, ident) == 199
    assert redeem(db, ident, 50, "兑换礼品", actor).value == 149
    with pytest.raises(PointsError, match="has 149 points; 500 cannot"):
        redeem(db, ident, 500, None, actor)
    with pytest.raises(PointsError, match="greater than zero"):
        redeem(db, ident, 0, None, actor)
    with pytest.raises(PointsError, match="reason"):
        adjust(db, ident, 10, "  ", actor)
    with pytest.raises(PointsError):
        adjust(db, ident, -150, "录入错误", actor)
    assert balance(db, ident) == 149  # refusals change nothing
    assert adjust(db, ident, -149, "录入错误", actor).value == 0
    assert adjust(db, ident, 20, "生日赠送", actor).value == 20
    entries = ledger(db, ident)
    assert [(e.kind, e.points, e.balance) for e in entries] == [
        ("adjust", 20, 20), ("adjust", -149, 0), ("redeem", -50, 149), ("earn", 199, 199),
    ]  # fmt: skip
    assert entries[0].reason == "生日赠送" and entries[0].user


def test_the_rate_is_the_teams_and_zero_turns_earning_off(db: Database, actor: Actor) -> None:
    assert earned(19999, 1.0) == 199 and earned(100, 2.5) == 2 and earned(99, 1.0) == 0
    ident = make_customer(db, actor, name="倍率").id
    set_rate(db, 2.5)
    add_order(db, ident, actor, ordered_on=date(2025, 3, 1), amount=1000)  # ¥10
    assert balance(db, ident) == 25
    set_rate(db, 0)
    add_order(db, ident, actor, ordered_on=date(2025, 3, 2), amount=1000)
    assert balance(db, ident) == 25 and len(ledger(db, ident)) == 1


def test_imported_orders_earn_and_an_undone_import_takes_them_back(
    db: Database, actor: Actor, tmp_path: Path
) -> None:
    ident = make_customer(db, actor, name="导入", code="P1").id
    book = openpyxl.Workbook()
    book.active.append(["客户编号", "下单日期", "实付金额"])
    book.active.append(["P1", "2025-01-05", 120])
    book.active.append(["P1", "2025-02-05", 80.5])
    book.save(tmp_path / "orders.xlsx")
    table = read_table(tmp_path / "orders.xlsx")
    options = ImportOptions(
        kind=ImportKind.ORDERS, mapping=guess_mapping(table.headers, ImportKind.ORDERS)
    )
    report = import_activity(db, table, options, actor)
    assert report.created == 2 and balance(db, ident) == 200
    redeem(db, ident, 150, None, actor)
    assert report.change_id is not None
    undo(db, report.change_id, actor)  # the orders are taken back: so are their points
    assert balance(db, ident) == 0  # 50 spent that were not earned: shown as 0, not -150
    assert [e.void for e in ledger(db, ident)] == [False, True, True]
    add_order(db, ident, actor, ordered_on=date(2025, 3, 1), amount=20000)
    assert balance(db, ident) == 50  # the next points earned make up the 150 spent
