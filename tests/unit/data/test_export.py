"""Exports: typed, tidy workbooks and safe CSV that import back as the same customers."""

from __future__ import annotations

import csv
import shutil
from dataclasses import asdict
from datetime import UTC, date, datetime
from decimal import Decimal

import openpyxl
import pytest

from camdesk.db import open_database
from camdesk.services.core.users import ensure_user, local_actor
from camdesk.services.customers.custom_fields import define_field
from camdesk.services.customers.files import get_customer
from camdesk.services.customers.orders import add_order
from camdesk.services.data.export import export_changes, export_customers, export_orders
from camdesk.services.data.imports.customers import ImportOptions, import_customers
from camdesk.services.data.imports.fields import ImportKind, guess_mapping
from camdesk.services.data.sheets import read_table
from camdesk.services.lists.page import ListQuery, fetch_page
from tests.factories import make_customer

SKIP = {
    "id",
    "version",
    "created_at",
    "updated_at",
    "updated_by_name",
    "last_contact_at",
    "owner_id",
    "contacts",
}


def _fill(db, actor) -> None:
    define_field(db, "level", "会员等级", "choice", ("金卡", "银卡"))
    define_field(db, "since", "入会日期", "date")
    owner = ensure_user(db, "li", "李经理")
    make_customer(db, actor, name="张三", code="K001", mobile="13812345678",
                  phone="010 8765 4321", email="zhang@example.cn", birthday=date(1990, 3, 5),
                  gender="male", province="浙江", city="杭州", address="西湖区 1 号",
                  tags=("VIP", "老客户"), owner_id=owner.id, notes="多行\n备注",
                  custom={"level": "金卡", "since": date(2020, 1, 2)})  # fmt: skip
    make_customer(db, actor, name="=HYPERLINK(\"http://x\")", kind="company", mobile=None,
                  industry="零售", company_size="50-99", source="展会")  # fmt: skip
    make_customer(db, actor, name="Alice Wong", mobile="+14155552671", preferences="-tea")


def _records(db) -> dict[str, dict[str, object]]:
    rows = fetch_page(db, ListQuery(), 0, 100)
    found = {}
    for row in rows:
        record = asdict(get_customer(db, row.id))
        record["owner"] = record.pop("owner_name")
        found[row.name] = {k: v for k, v in record.items() if k not in SKIP}
    return found


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_gives_the_same_customers(db, actor, tmp_path, sqlite_template, suffix):
    _fill(db, actor)
    path = tmp_path / f"customers{suffix}"
    assert export_customers(db, path).customers == 3
    target_path = tmp_path / "other.db"
    shutil.copy(sqlite_template, target_path)
    other = open_database(target_path)
    other_actor = local_actor(other)
    define_field(other, "level", "会员等级", "choice", ("金卡", "银卡"))
    define_field(other, "since", "入会日期", "date")
    ensure_user(other, "li", "李经理")
    table = read_table(path)
    mapping = guess_mapping(table.headers, ImportKind.CUSTOMERS,
                            [("level", "会员等级"), ("since", "入会日期")])  # fmt: skip
    report = import_customers(other, table, ImportOptions(mapping=mapping), other_actor)
    assert (report.created, report.rejected) == (3, 0), [p.text() for p in report.problems]
    mine, theirs = _records(db), _records(other)
    for name in mine:
        assert {k: v for k, v in theirs[name].items() if mine[name][k] != v} == {}, name
    assert theirs.keys() == mine.keys()
    other.close()


def test_workbook_is_typed_and_tidy(db, actor, tmp_path):
    _fill(db, actor)
    path = tmp_path / "list.xlsx"
    export_customers(db, path, ListQuery(search="张三"), ["name", "birthday", "tags"])
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[1]] == ["姓名", "生日", "标签"]
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:C2"
    assert sheet["B2"].is_date and sheet["B2"].value.date() == date(1990, 3, 5)
    assert sheet["C2"].value == "VIP, 老客户"
    assert sheet.column_dimensions["A"].width >= 8


def test_csv_cells_cannot_run_as_formulas(db, actor, tmp_path):
    _fill(db, actor)
    path = tmp_path / "list.csv"
    export_customers(db, path, columns=["name", "preferences", "mobile"])
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    cells = [cell for row in csv.reader(raw.decode("utf-8-sig").splitlines()) for cell in row]
    assert '\'=HYPERLINK("http://x")' in cells and "'-tea" in cells
    assert "'+1 415-555-2671" in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]


def test_orders_and_change_log_export(db, actor, tmp_path):
    _fill(db, actor)
    [row] = fetch_page(db, ListQuery(search="K001"), 0, 1)
    add_order(db, row.id, actor, ordered_on=date(2025, 1, 5), amount=120050, product="茶叶")
    orders = tmp_path / "orders.xlsx"
    assert export_orders(db, orders) == 1
    sheet = openpyxl.load_workbook(orders).active
    assert sheet["B2"].value == "K001" and sheet["I2"].value == Decimal("1200.5")
    changes = tmp_path / "changes.csv"
    assert export_changes(db, changes) >= 4
    assert "张三" in changes.read_text(encoding="utf-8-sig")


def test_value_columns_export_with_their_names(db, actor, tmp_path):
    from camdesk.services.value.recompute import recompute
    from tests.value_seed import AS_OF, seed

    seed(db, actor)
    recompute(db, actor, as_of=AS_OF)
    path = tmp_path / "valued.xlsx"
    words = {("tier", "high"): "高价值", ("stage", "churned"): "流失"}
    count = export_customers(db, path, ListQuery(search="Ann"), ["name", "tier", "stage", "clv"],
                             value_words=lambda f, c: words.get((f, c), c)).customers  # fmt: skip
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert count == 1 and rows[0] == ("姓名", "价值分层", "生命周期阶段", "预测价值")
    assert rows[1][:3] == ("Ann", "高价值", "active") and rows[1][3] > 0


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_demo_database_exported_and_imported_into_a_new_one_exports_the_same_rows(
    db, actor, tmp_path, language
):
    """The round trip: export, import the customers and then the contacts sheet into an
    empty database (owners created), export again; every column of every row of both
    sheets compared, in either language."""
    from camdesk.services.data.imports.contacts import import_contacts
    from camdesk.services.data.imports.customers import OwnerPolicy
    from camdesk.services.data.sheets import sheet_names
    from camdesk.services.demo.build import DemoSpec, generate

    generate(db, DemoSpec(400, 800, seed=11), actor)
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    exported = export_customers(db, first, language=language)
    assert exported.customers == 400 and exported.contacts > 40
    fresh = open_database(tmp_path / "fresh.db")
    try:
        customers, contacts = sheet_names(first)
        table = read_table(first, customers)
        options = ImportOptions(mapping=guess_mapping(table.headers, ImportKind.CUSTOMERS),
                                owners=OwnerPolicy.CREATE)  # fmt: skip
        report = import_customers(fresh, table, options, local_actor(fresh))
        assert (report.created, report.rejected, report.problems) == (400, 0, [])
        table = read_table(first, contacts)
        options = ImportOptions(mapping=guess_mapping(table.headers, ImportKind.CONTACTS))
        report = import_contacts(fresh, table, options, local_actor(fresh))
        assert (report.created, report.rejected) == (exported.contacts, 0), report.problems
        again = export_customers(fresh, second, language=language)
        assert (again.customers, again.contacts) == (400, exported.contacts)
    finally:
        fresh.close()

    def rows(path, sheet):
        found = list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))
        return found[0], sorted(found[1:], key=lambda r: tuple(str(v) for v in r))

    for sheet in (customers, contacts):
        (head_a, rows_a), (head_b, rows_b) = rows(first, sheet), rows(second, sheet)
        assert head_a == head_b and len(rows_a) == len(rows_b)
        for row_a, row_b in zip(rows_a, rows_b, strict=True):
            assert dict(zip(head_a, row_a, strict=True)) == dict(zip(head_b, row_b, strict=True))
    (head, body), words = (
        rows(first, customers),
        {"zh": ("负责人", "企业"), "en": ("Owner", "Company")},
    )
    assert words[language][0] in head and any(words[language][1] in r for r in body)
    other = {"zh": "en", "en": "zh"}[language]
    assert not {*words[other]} & {*head, *(c for r in body for c in r)}  # one language


def test_a_csv_export_writes_the_contacts_beside_it(db, actor, tmp_path):
    from camdesk.services.customers.files import ContactData

    make_customer(db, actor, name="杭州海纳科技有限公司", kind="company", code="KH-1",
                  contacts=(ContactData(name="周婷", title="采购经理", mobile="13900001111"),))  # fmt: skip
    result = export_customers(db, tmp_path / "all.csv", language="en")
    assert result.files == [tmp_path / "all.csv", tmp_path / "all-Contacts.csv"]
    lines = result.files[1].read_text(encoding="utf-8-sig").splitlines()
    assert lines == ["Customer code,Company,Name,Job title,Mobile,Phone,Email,Notes",
                     "KH-1,杭州海纳科技有限公司,周婷,采购经理,139 0000 1111,,,"]  # fmt: skip
    shown = export_customers(db, tmp_path / "shown.csv", columns=["name"])
    assert (shown.files, shown.contacts) == ([tmp_path / "shown.csv"], 0)


def test_latest_scores_show_in_the_list_and_export_with_their_names(db, actor, tmp_path):
    from camdesk.services.feedback.surveys import (
        ResponseData,
        SurveyData,
        add_response,
        save_survey,
    )

    ann = make_customer(db, actor, name="Ann")
    make_customer(db, actor, name="Bob")
    survey = save_survey(db, SurveyData("回访", asks_csat=True, asks_nps=True), actor).value
    for nps, csat, day in ((9, 5, 1), (4, 2, 20)):  # the later answers are the latest
        add_response(db, ResponseData(ann.id, survey, csat=csat, nps=nps,
                                      answered_at=datetime(2026, 11, day, tzinfo=UTC)), actor)  # fmt: skip
    rows = {r.name: r for r in fetch_page(db, ListQuery(), 0, 10)}
    assert (rows["Ann"].nps, rows["Ann"].csat) == (4, 2)
    assert (rows["Bob"].nps, rows["Bob"].csat) == (None, None)  # never asked: empty, not 0
    path = tmp_path / "scored.xlsx"
    export_customers(db, path, ListQuery(), ["name", "nps", "csat"], language="en")
    found = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    assert found == [("Name", "Latest NPS", "Latest CSAT"), ("Ann", 4, 2), ("Bob", None, None)]
