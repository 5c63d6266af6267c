"""Orders and interactions find their customers; importing twice adds nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from camdesk.services.customers.files import get_customer
from camdesk.services.customers.orders import list_orders, purchase_summary
from camdesk.services.data.imports.activity import import_activity
from camdesk.services.data.imports.customers import ImportOptions, ImportRefused
from camdesk.services.data.imports.fields import ImportKind, guess_mapping
from camdesk.services.data.sheets import read_table
from camdesk.services.lists.page import ListQuery, count_customers, fetch_page
from tests.factories import make_customer


def _sheet(tmp_path: Path, header: list[str], rows: list[list[object]],
           name: str = "activity.xlsx") -> Path:  # fmt: skip
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def _run(db, actor, path: Path, kind: ImportKind, **options):
    table = read_table(path)
    mapping = guess_mapping(table.headers, kind)
    return import_activity(db, table, ImportOptions(kind=kind, mapping=mapping, **options), actor)


ORDER_HEADER = [
    "订单号",
    "客户编号",
    "手机",
    "邮箱",
    "客户名称",
    "下单日期",
    "商品",
    "数量",
    "实付金额",
]


def test_orders_attach_by_code_phone_or_email_and_never_twice(db, actor, tmp_path):
    by_code = make_customer(db, actor, name="甲", code="K1", mobile="13800000001")
    by_phone = make_customer(db, actor, name="乙", mobile="13800000002")
    by_mail = make_customer(db, actor, name="丙", mobile=None, email="c@example.cn")
    rows = [
        ["D1", "K1", None, None, None, "2025-01-05", "茶叶", 2, "¥1,200.50"],
        [None, None, "138 0000 0002", None, None, date(2025, 2, 1), "茶具", 1, 300],
        [None, None, None, "C@example.cn", None, 45700, "茶叶", None, "88"],
        ["D4", None, "13900000000", None, None, "2025-03-01", "茶叶", 1, 10],  # nobody
        ["D5", "K1", None, None, None, "not a date", "茶叶", 1, -5],
    ]
    path = _sheet(tmp_path, ORDER_HEADER, rows)
    report = _run(db, actor, path, ImportKind.ORDERS)
    assert (report.created, report.skipped, report.rejected) == (3, 0, 2)
    assert {(p.row, p.column) for p in report.problems} >= {
        (5, "手机"),
        (6, "下单日期"),
        (6, "实付金额"),
    }
    assert purchase_summary(db, by_code.id).amount == 120050
    assert [o.quantity for o in list_orders(db, by_code.id)] == [2]
    assert purchase_summary(db, by_phone.id).orders == 1
    assert list_orders(db, by_mail.id)[0].ordered_on == date(2025, 2, 12)  # Excel serial 45700
    again = _run(db, actor, path, ImportKind.ORDERS)
    assert (again.created, again.skipped) == (0, 3)
    assert purchase_summary(db, by_code.id).orders == 1


def test_missing_customers_are_created_once_when_asked(db, actor, tmp_path):
    rows = [
        [None, None, "13900000009", None, "新客户", "2025-03-01", "茶叶", 1, 10],
        [None, None, "139 0000 0009", None, "新客户", "2025-03-02", "茶叶", 1, 20],
        [None, None, "13900000008", None, None, "2025-03-02", "茶叶", 1, 20],  # no name
    ]
    path = _sheet(tmp_path, ORDER_HEADER, rows)
    with pytest.raises(ImportRefused):
        _run(db, actor, path, ImportKind.ORDERS, create_missing=True, all_or_nothing=True)
    assert count_customers(db) == 0
    report = _run(db, actor, path, ImportKind.ORDERS, create_missing=True)
    assert (report.created, report.created_customers, report.rejected) == (2, 1, 1)
    [row] = fetch_page(db, ListQuery(search="13900000009"), 0, 5)
    assert row.name == "新客户" and purchase_summary(db, row.id).amount == 3000


def test_interactions_move_last_contact_forward(db, actor, tmp_path):
    customer = make_customer(db, actor, name="丁", code="K7")
    header = ["客户编号", "跟进方式", "跟进时间", "跟进内容"]
    rows = [["K7", "电话", "2025-05-01 10:30", "回访"], ["K7", "微信", "2025-04-01 09:00", "问候"],
            ["K7", "飞鸽", "2025-04-02 09:00", "?"]]  # fmt: skip
    path = _sheet(tmp_path, header, rows)
    report = _run(db, actor, path, ImportKind.INTERACTIONS)
    assert (report.created, report.rejected) == (2, 1)
    assert "飞鸽" in report.problems[0].text()
    last = get_customer(db, customer.id).last_contact_at
    assert last is not None and last.astimezone().strftime("%Y-%m-%d %H:%M") == "2025-05-01 10:30"
    assert _run(db, actor, path, ImportKind.INTERACTIONS).skipped == 2


def test_identical_lines_are_separate_orders_and_a_second_import_adds_none(db, actor, tmp_path):
    shop = make_customer(db, actor, name="甲", code="K1", mobile="13800000001")
    same = [None, "K1", None, None, None, "2025-01-05", "茶叶", 1, 50]
    path = _sheet(tmp_path, ORDER_HEADER, [same, same, [*same[:6], "茶具", 1, 50]])
    first = _run(db, actor, path, ImportKind.ORDERS)
    assert (first.created, first.skipped) == (3, 0)  # two cups of the same tea are two orders
    assert purchase_summary(db, shop.id).orders == 3
    again = _run(db, actor, path, ImportKind.ORDERS)
    assert (again.created, again.skipped) == (0, 3)
    more = _sheet(tmp_path, ORDER_HEADER, [same, same, same], name="more.xlsx")
    assert _run(db, actor, more, ImportKind.ORDERS).created == 1  # the third such order is new
    numbered = _sheet(tmp_path, ORDER_HEADER, [["D9", *same[1:]], ["D9", *same[1:]]],
                      name="numbered.xlsx")  # fmt: skip
    assert _run(db, actor, numbered, ImportKind.ORDERS).created == 1  # one order number, one order


def test_every_line_of_the_cdnow_sample_is_an_order(db, actor, tmp_path):
    """CDNOW's transactions (some lines identical) import as one order a line, once."""
    from camdesk.services.data.imports.customers import import_customers

    sample = Path(__file__).resolve().parents[3] / "data" / "cdnow" / "CDNOW_sample.txt"
    lines = [line.split() for line in sample.read_text().splitlines() if line.strip()]
    ids = sorted({line[0] for line in lines})
    people = tmp_path / "people.csv"
    people.write_text("客户名称,客户编号\n" + "".join(f"CDNOW {i},C{i}\n" for i in ids),
                      encoding="utf-8")  # fmt: skip
    table = read_table(people)
    made = import_customers(db, table, ImportOptions(
        mapping=guess_mapping(table.headers, ImportKind.CUSTOMERS)), actor)  # fmt: skip
    assert made.created == len(ids)
    orders = tmp_path / "orders.csv"
    orders.write_text("客户编号,下单日期,数量,金额\n" + "".join(
        f"C{i},{day},{count},{amount}\n" for i, _, day, count, amount in lines), encoding="utf-8")  # fmt: skip
    first = _run(db, actor, orders, ImportKind.ORDERS)
    assert (first.created, first.skipped, first.rejected) == (len(lines), 0, 0)
    again = _run(db, actor, orders, ImportKind.ORDERS)
    assert (again.created, again.skipped) == (0, len(lines))


def test_an_order_list_without_names_creates_its_customers_from_their_keys(db, actor, tmp_path):
    from camdesk.services.data.quality import NO_NAME, quality_issues

    path = tmp_path / "shop.csv"
    path.write_text("客户编号,下单日期,数量,金额\nK100,2025-01-05,1,50\nK100,2025-02-05,2,80\n"
                    "K200,2025-03-01,1,30\n", encoding="utf-8")  # fmt: skip
    report = _run(db, actor, path, ImportKind.ORDERS, create_missing=True)
    assert (report.created, report.created_customers, report.rejected) == (3, 2, 0)
    found = {r.name: r for r in fetch_page(db, ListQuery(), 0, 10)}
    assert set(found) == {"K100", "K200"}
    assert get_customer(db, found["K100"].id).code == "K100"
    assert purchase_summary(db, found["K100"].id).orders == 2
    issues = {i.name: i.messages for i in quality_issues(db)}
    assert all(NO_NAME in issues[name] for name in ("K100", "K200"))
