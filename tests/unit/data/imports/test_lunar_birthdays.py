"""Lunar birthdays (农历生日) as other programs' sheets carry them, into a fresh database."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl

from camdesk.services.customers.files import get_customer
from camdesk.services.data.imports.customers import ImportOptions, OwnerPolicy, import_customers
from camdesk.services.data.imports.fields import ImportKind, guess_mapping
from camdesk.services.data.sheets import read_table
from camdesk.services.lists.page import ListQuery, fetch_page
from tests.factories import customer_notes

# A FxiaoKe contact list as its export writes it: owners camdesk has never heard of.
HEADERS = ["姓名", "手机", "性别", "生日", "农历生日", "负责人", "备注"]
ROWS = [
    ["陈秀英", "13800001001", "女", "1958-09-20", "八月十五", "王芳", "老客户，每年中秋送月饼"],
    ["刘建国", "13800001002", "男", None, "农历正月初八", "王芳", None],
    ["赵桂兰", "13800001003", "女", None, "阴历九月初九", "李强", None],
    ["孙德胜", "13800001004", "男", None, "闰四月初八", "李强", None],
    ["周玉梅", "13800001005", "女", None, datetime(2025, 12, 8), "李强", None],  # Excel's "12-8"
    ["吴志明", "13800001006", "男", None, "8月15日", None, None],
    ["郑淑珍", "13800001007", "女", None, "十三月初一", None, "生日待确认"],
]


def test_a_fxiaoke_sheet_with_lunar_birthdays_imports_into_a_fresh_database(
    db, actor, tmp_path: Path
):
    book = openpyxl.Workbook()
    book.active.append(HEADERS)
    for row in ROWS:
        book.active.append(row)
    book.save(tmp_path / "fxiaoke.xlsx")
    table = read_table(tmp_path / "fxiaoke.xlsx")
    mapping = guess_mapping(table.headers, ImportKind.CUSTOMERS)
    assert mapping["农历生日"] == "lunar_birthday" and mapping["备注"] == "notes"
    report = import_customers(db, table, ImportOptions(mapping=mapping, owners=OwnerPolicy.CREATE),
                              actor)  # fmt: skip
    assert (report.created, report.rejected) == (7, 0)
    # The impossible day costs only that value, and says where it was and why.
    [problem] = report.problems
    assert (problem.row, problem.column, problem.value, problem.dropped) == (8, "农历生日",
                                                                             "十三月初一", True)  # fmt: skip
    stored = {r.name: get_customer(db, r.id) for r in fetch_page(db, ListQuery(), 0, 10)}
    assert {n: c.lunar_birthday for n, c in stored.items()} == {
        "陈秀英": "08-15", "刘建国": "01-08", "赵桂兰": "09-09", "孙德胜": "L04-08",
        "周玉梅": "12-08", "吴志明": "08-15", "郑淑珍": None,
    }  # fmt: skip
    assert customer_notes(db, stored["郑淑珍"].id) == ["生日待确认"]  # the row's note is kept
    assert stored["陈秀英"].owner_name == "王芳"
