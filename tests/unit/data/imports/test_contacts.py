"""Contacts of companies from a contacts export: attached, created when asked, never twice."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from camdesk.services.customers.files import get_customer
from camdesk.services.data.imports.contacts import import_contacts
from camdesk.services.data.imports.customers import ImportOptions
from camdesk.services.data.imports.fields import ImportKind, guess_mapping
from camdesk.services.data.sheets import read_table
from camdesk.services.lists.page import ListQuery, count_customers, fetch_page
from tests.factories import make_customer

HEADER = ["姓名", "客户名称", "手机1", "邮件", "职务"]  # an FxiaoKe contacts export


def _run(db, actor, tmp_path: Path, rows, **options):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [HEADER, *rows]:
        sheet.append(row)
    path = tmp_path / "contacts.xlsx"
    book.save(path)
    table = read_table(path)
    mapping = guess_mapping(table.headers, ImportKind.CONTACTS)
    return import_contacts(db, table, ImportOptions(kind=ImportKind.CONTACTS, mapping=mapping,
                                                    **options), actor)  # fmt: skip


def test_contacts_join_their_companies_once(db, actor, tmp_path):
    company = make_customer(db, actor, name="星辰科技有限公司", kind="company", mobile=None)
    rows = [["小王", "星辰科技有限公司", "13900000001", "wang@x.cn", "采购经理"],
            ["小李", "星辰科技有限公司", None, None, None],
            ["老赵", "不存在公司", "13900000003", None, None],
            [None, "星辰科技有限公司", "13900000004", None, None]]  # fmt: skip
    report = _run(db, actor, tmp_path, rows)
    assert (report.created, report.rejected) == (2, 2)
    contacts = get_customer(db, company.id).contacts
    assert {(c.name, c.title, c.mobile) for c in contacts} == {
        ("小王", "采购经理", "+8613900000001"), ("小李", None, None)}  # fmt: skip
    assert [r.name for r in fetch_page(db, ListQuery(search="xiaowang"), 0, 5)] == [
        "星辰科技有限公司"
    ]
    again = _run(db, actor, tmp_path, rows)
    assert (again.created, again.skipped) == (0, 2)
    assert len(get_customer(db, company.id).contacts) == 2


def test_missing_companies_are_created_when_asked(db, actor, tmp_path):
    rows = [["老赵", "新公司", "13900000003", None, None],
            ["老钱", "新公司", "13900000005", None, None]]  # fmt: skip
    report = _run(db, actor, tmp_path, rows, create_missing=True)
    assert (report.created, report.created_customers) == (2, 1)
    [company] = fetch_page(db, ListQuery(search="新公司"), 0, 5)
    assert company.kind == "company" and count_customers(db) == 1
    assert len(get_customer(db, company.id).contacts) == 2
