"""Importing customers: every row checked, matches handled as asked, all or nothing written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, inspect, select, text

from camdesk.errors import Cancelled
from camdesk.models import ChangeLog, Customer
from camdesk.services.core import bulk
from camdesk.services.customers import builder
from camdesk.services.customers.files import get_customer
from camdesk.services.data.imports import customers as importer
from camdesk.services.data.imports.customers import (
    ImportOptions,
    ImportRefused,
    OnMatch,
    import_customers,
)
from camdesk.services.data.imports.fields import ImportKind, guess_mapping
from camdesk.services.data.imports.rejected import PROBLEMS_HEADER, write_error_workbook
from camdesk.services.data.sheets import read_table
from camdesk.services.lists.page import ListQuery, count_customers, fetch_page
from tests.factories import customer_notes, make_customer

HEADER = ["客户名称", "客户编号", "手机号码", "邮箱", "生日", "省份", "城市", "标签", "备注"]
GOOD = [
    ["张三", "K001", "138 1234 5678", "Zhang@Example.cn", "1990/3/5", "浙江省", "杭州市", "VIP,老客户", "第一位"],
    ["Alice Wong", None, 13912345678, None, date(1985, 12, 1), None, None, None, None],
]  # fmt: skip
BAD = [
    ["李四", "K002", "1.38123E+10", "li@example", "2024年13月1日", None, None, None, None],
    [None, "K003", "13712345678", None, None, None, None, None, "没有名字"],
]


def _sheet(tmp_path: Path, rows: list[list[object]], name: str = "in.xlsx") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def _run(db, actor, path: Path, **options):
    table = read_table(path)
    mapping = guess_mapping(table.headers, ImportKind.CUSTOMERS)
    return import_customers(db, table, ImportOptions(mapping=mapping, **options), actor)


def _snapshot(db):
    with db.read() as session:
        return (
            session.execute(select(func.count()).select_from(Customer)).scalar(),
            session.execute(select(func.count()).select_from(ChangeLog)).scalar(),
        )


def test_good_rows_are_imported_clean_and_bad_rows_explained(db, actor, tmp_path):
    report = _run(db, actor, _sheet(tmp_path, GOOD + BAD))
    # 李四's bad mobile, email and birthday cost only those values; a row without a name
    # cannot be a customer and is refused.
    assert (report.rows, report.created, report.updated, report.rejected) == (4, 3, 0, 1)
    problems = {(p.row, p.column, p.dropped) for p in report.problems}
    assert problems == {(4, "手机号码", True), (4, "邮箱", True), (4, "生日", True),
                        (5, "客户名称", False)}  # fmt: skip
    lost = next(p for p in report.problems if p.column == "手机号码")
    assert lost.value == "1.38123E+10" and "scientific" in lost.text()
    assert "imported without this value" in lost.text()
    li = get_customer(db, fetch_page(db, ListQuery(search="K002"), 0, 1)[0].id)
    assert (li.name, li.mobile, li.email, li.birthday) == ("李四", None, None, None)

    rows = fetch_page(db, ListQuery(search="K001"), 0, 5)
    assert [r.name for r in rows] == ["张三"]
    zhang = get_customer(db, rows[0].id)
    assert (zhang.mobile, zhang.email, zhang.birthday) == ("+8613812345678", "zhang@example.cn",
                                                           date(1990, 3, 5))  # fmt: skip
    assert (zhang.province, zhang.city, set(zhang.tags)) == ("浙江", "杭州", {"VIP", "老客户"})
    assert count_customers(db, ListQuery(search="zhangsan")) == 1  # searchable at once
    assert count_customers(db, ListQuery(search="alice")) == 1
    with db.read() as session:
        entries = session.execute(
            select(ChangeLog).where(ChangeLog.txn_id == report.change_id)
        ).scalars().all()  # fmt: skip
    assert all(e.op == "insert" for e in entries)
    assert {e.new["name"] for e in entries if e.table_name == "customer"} == {
        "张三",
        "Alice Wong",
        "李四",
    }
    # The notes cell became the first note of 张三's contact log, undone with the import.
    assert [e.table_name for e in entries].count("interaction") == 1 == report.notes_added
    assert customer_notes(db, zhang.id) == ["第一位"]


@pytest.mark.parametrize(
    ("on_match", "created", "updated", "skipped", "names"),
    [(OnMatch.UPDATE, 0, 1, 0, {"张三丰"}), (OnMatch.SKIP, 0, 0, 1, {"旧名字"}),
     (OnMatch.NEW, 1, 0, 0, {"旧名字", "张三丰"})],
)  # fmt: skip
def test_rows_matching_a_customer(db, actor, tmp_path, on_match, created, updated, skipped, names):
    old = make_customer(db, actor, name="旧名字", mobile="13812345678", notes="keep me")
    row = ["张三丰", None, "+86 138-1234-5678", None, None, None, None, "新标签", None]
    report = _run(db, actor, _sheet(tmp_path, [row]), on_match=on_match)
    assert (report.created, report.updated, report.skipped) == (created, updated, skipped)
    assert {r.name for r in fetch_page(db, ListQuery(), 0, 10)} == names
    if on_match is OnMatch.UPDATE:
        record = get_customer(db, old.id)
        assert record.tags == ("新标签",)  # empty cells keep values
        assert customer_notes(db, old.id) == ["keep me"]
        assert record.version == old.version + 1


def test_codes_cannot_repeat_in_the_file_or_take_another_customers(db, actor, tmp_path):
    make_customer(db, actor, name="王五", code="K009")
    rows = [["甲", "K001", None, None, None, None, None, None, None],
            ["乙", "K001", None, None, None, None, None, None, None],
            ["丙", "K009", "13612345678", None, None, None, None, None, None]]  # fmt: skip
    report = _run(db, actor, _sheet(tmp_path, rows), on_match=OnMatch.NEW)
    assert report.created == 1 and report.rejected_rows == [3, 4]
    assert any("row 2" in p.text() for p in report.problems)
    assert any("王五" in p.text() for p in report.problems)


def test_all_or_nothing_and_dry_run_change_nothing(db, actor, tmp_path):
    path = _sheet(tmp_path, GOOD + BAD)
    before = _snapshot(db)
    with pytest.raises(ImportRefused) as refused:
        _run(db, actor, path, all_or_nothing=True)
    assert "2 rows" in refused.value.text()  # rows with any problem, values left out too
    dry = _run(db, actor, path, dry_run=True)
    assert (dry.created, dry.rejected, dry.written) == (3, 1, False)
    assert _snapshot(db) == before
    real = _run(db, actor, path)
    assert (real.created, real.rejected) == (dry.created, dry.rejected)


def test_a_cancelled_import_leaves_the_database_as_it_was(db, actor, tmp_path, monkeypatch):
    monkeypatch.setattr(builder, "CHUNK", 1)
    path = _sheet(tmp_path, [[f"客户{n}", None, None, None, None, None, None, None, None]
                             for n in range(6)])  # fmt: skip
    before = _snapshot(db)
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 4  # during the writing

    table = read_table(path)
    options = ImportOptions(mapping=guess_mapping(table.headers, ImportKind.CUSTOMERS))
    with pytest.raises(Cancelled):
        import_customers(db, table, options, actor, cancelled=cancelled)
    assert _snapshot(db) == before


def test_rejected_rows_come_back_in_a_workbook_that_imports_once_fixed(db, actor, tmp_path):
    table = read_table(_sheet(tmp_path, GOOD + BAD))
    mapping = guess_mapping(table.headers, ImportKind.CUSTOMERS)
    report = import_customers(db, table, ImportOptions(mapping=mapping), actor)
    errors = tmp_path / "errors.xlsx"
    assert write_error_workbook(table, report, errors) == 2  # refused rows and left-out values
    book = openpyxl.load_workbook(errors)
    sheet = book.active
    assert [c.value for c in sheet[1]] == [*HEADER, PROBLEMS_HEADER]
    assert sheet.freeze_panes == "A2"
    sheet["C2"], sheet["D2"], sheet["E2"] = "13812340000", "li@example.cn", "1991-01-02"
    sheet["A3"] = "有名字了"
    book.save(errors)
    again = read_table(errors)
    second = import_customers(db, again, ImportOptions(
        mapping=guess_mapping(again.headers, ImportKind.CUSTOMERS)), actor)  # fmt: skip
    assert (second.created, second.updated, second.rejected) == (1, 1, 0)  # 李四 by code
    assert count_customers(db, ListQuery()) == 4
    li = get_customer(db, fetch_page(db, ListQuery(search="K002"), 0, 1)[0].id)
    assert (li.mobile, li.email, li.birthday) == ("+8613812340000", "li@example.cn",
                                                  date(1991, 1, 2))  # fmt: skip


def _indexes(db) -> dict[str, list[tuple[str, tuple[str, ...], bool]]]:
    with db.read() as session:
        found = inspect(session.connection())
        return {table: sorted((i["name"], tuple(i["column_names"]), bool(i["unique"]))
                              for i in found.get_indexes(table))
                for table in ("customer", "change_log", "customer_search")}  # fmt: skip


def test_a_bulk_import_builds_indexes_anew_and_a_cancel_keeps_them(db, actor, tmp_path,
                                                                   monkeypatch):  # fmt: skip
    monkeypatch.setattr(bulk, "REBUILD_FEWEST", 1)  # as a first import of many rows does
    indexes = _indexes(db)
    report = _run(db, actor, _sheet(tmp_path, GOOD))
    assert report.created == 2 and _indexes(db) == indexes
    if db.dialect == "sqlite":  # the planner has statistics for the indexes built anew
        with db.read() as session:
            assert session.execute(text(
                "SELECT count(*) FROM sqlite_stat1 WHERE idx = 'ix_customer_list_sort_key'"
            )).scalar() == 1  # fmt: skip
    rows = fetch_page(db, ListQuery(sort="name"), 0, 5)  # the list and search work at once
    assert [r.name for r in rows] == ["Alice Wong", "张三"]
    assert count_customers(db, ListQuery(search="zhangsan")) == 1

    monkeypatch.setattr(builder, "CHUNK", 1)
    before = _snapshot(db)
    path = _sheet(tmp_path, [[f"客户{n}", None, None, None, None, None, None, None, None]
                             for n in range(6)], "more.xlsx")  # fmt: skip
    calls = []
    table = read_table(path)
    options = ImportOptions(mapping=guess_mapping(table.headers, ImportKind.CUSTOMERS))
    with pytest.raises(Cancelled):
        import_customers(db, table, options, actor,
                         cancelled=lambda: calls.append(1) or len(calls) > 4)  # fmt: skip
    assert _snapshot(db) == before and _indexes(db) == indexes


def test_the_import_stores_text_as_the_form_does(db, actor, tmp_path):
    """One normalisation step: a row and the same values typed in the form give one file."""
    from camdesk.services.core.validation import split_tags
    from camdesk.services.customers.files import create_customer, delete_customers
    from tests.factories import customer_data

    typed = {"name": "林晓峰", "mobile": "１３８ ０００１ ２３４５", "email": "Lin@Example.CN",
             "province": "浙江省", "city": "杭州市"}  # fmt: skip
    note = "展会上认识，对新品感兴趣"
    tags = "VIP、老客户；重点"
    form = create_customer(db, customer_data(**typed, tags=split_tags(tags)), actor).value
    delete_customers(db, [form.id], actor)  # so the row is imported as new, not matched
    book = openpyxl.Workbook()
    book.active.append(["客户名称", "手机号码", "邮箱", "省份", "城市", "备注", "标签"])
    book.active.append([typed[k] for k in ("name", "mobile", "email", "province", "city")]
                       + [note, tags])  # fmt: skip
    book.save(tmp_path / "one.xlsx")
    report = _run(db, actor, tmp_path / "one.xlsx")
    assert report.created == 1, report.problems
    imported = get_customer(db, fetch_page(db, ListQuery(), 0, 1)[0].id)
    fields = ("name", "mobile", "email", "province", "city", "tags")
    assert [getattr(imported, f) for f in fields] == [getattr(form, f) for f in fields]
    assert customer_notes(db, imported.id) == [note]  # a dated note of the contact log
    assert imported.tags == ("VIP", "老客户", "重点")
    assert (imported.province, imported.city) == ("浙江", "杭州")


def test_strict_refuses_a_row_for_one_bad_cell(db, actor, tmp_path):
    report = _run(db, actor, _sheet(tmp_path, GOOD + BAD), strict=True)
    assert (report.created, report.rejected) == (2, 2)
    assert not any(p.dropped for p in report.problems)


FXIAOKE = ["客户名称", "客户编号", "客户来源", "电话", "省", "市", "负责人", "备注"]
ZOHO = ["First Name", "Last Name", "Mobile", "Email", "Mailing City", "Contact Owner"]


def _peer_export(tmp_path: Path, layout: str) -> Path:
    """Customers as FxiaoKe and Zoho export them, owned by people camdesk has never seen."""
    book = openpyxl.Workbook()
    if layout == "fxiaoke":
        book.active.append(FXIAOKE)
        book.active.append(["杭州海纳科技有限公司", "KH-0001", "展会", "0571-88886666", "浙江省",
                            "杭州市", "王芳", "展会上认识，对新品感兴趣"])  # fmt: skip
        book.active.append(["宁波港城贸易有限公司", "KH-0002", "转介绍", "0574-87654321", "浙江省",
                            "宁波市", "王芳", None])  # fmt: skip
        book.active.append(
            ["温州瓯江鞋业", "KH-0003", None, None, "浙江省", "温州市", "李强", None]
        )
    else:
        book.active.append(ZOHO)
        book.active.append(["Wei", "Li", "+86 138 1234 5678", "wei.li@example.com", "Shanghai",
                            "Wang Fang"])  # fmt: skip
        book.active.append(["Anna", "Chen", "13912345678", None, "Beijing", "Wang Fang"])
    book.save(tmp_path / f"{layout}.xlsx")
    return tmp_path / f"{layout}.xlsx"


@pytest.mark.parametrize("layout", ["fxiaoke", "zoho"])
@pytest.mark.parametrize("owners", list(importer.OwnerPolicy))
def test_owners_who_are_not_users(db, actor, tmp_path, layout, owners):
    from camdesk.services.core.users import list_users

    report = _run(db, actor, _peer_export(tmp_path, layout), owners=owners)
    expected = {"王芳": 2, "李强": 1} if layout == "fxiaoke" else {"Wang Fang": 2}
    assert report.unknown_owners == expected
    rows = sum(expected.values())
    listed = fetch_page(db, ListQuery(), 0, 10)
    names = {u.display_name: u.id for u in list_users(db)}
    if owners is importer.OwnerPolicy.REFUSE:
        assert (report.created, report.rejected, listed) == (0, rows, [])
        assert set(expected) - set(names) == set(expected)
        return
    assert (report.created, report.rejected) == (rows, 0)
    files = [get_customer(db, r.id) for r in listed]
    if owners is importer.OwnerPolicy.CREATE:
        assert set(expected) <= set(names)
        assert sorted(f.owner_name for f in files) == sorted(
            n for n, count in expected.items() for _ in range(count))  # fmt: skip
    else:
        assert all(f.owner_id is None for f in files) and not set(expected) & set(names)
    if layout == "fxiaoke":
        hn = next(f for f in files if f.code == "KH-0001")
        assert (hn.province, hn.city) == ("浙江", "杭州")
        assert customer_notes(db, hn.id) == ["展会上认识，对新品感兴趣"]


def test_an_unknown_owner_never_clears_a_matched_customers_owner(db, actor, tmp_path):
    from camdesk.services.core.users import ensure_user

    owner = ensure_user(db, "chenlei", "陈磊")
    make_customer(db, actor, name="杭州海纳科技有限公司", code="KH-0001", owner_id=owner.id)
    _run(db, actor, _peer_export(tmp_path, "fxiaoke"))
    kept = get_customer(db, fetch_page(db, ListQuery(search="KH-0001"), 0, 1)[0].id)
    assert kept.owner_id == owner.id


def _lin_file(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.append(["客户名称", "手机号码", "城市", "备注"])
    book.active.append(["林小峰", "138 0000 1111", "杭州", "新备注"])
    book.save(tmp_path / "lin.xlsx")
    return tmp_path / "lin.xlsx"


def test_a_matched_row_fills_only_what_is_empty_and_says_so_before_writing(db, actor, tmp_path):
    lin = make_customer(db, actor, name="林晓峰", mobile="13800001111", notes="老客户", city=None)
    path = _lin_file(tmp_path)
    dry = _run(db, actor, path, dry_run=True)  # the default: fill
    assert [(c.row, c.customer, c.field, c.old, c.new) for c in dry.field_changes] == [
        (2, "林晓峰", "city", None, "杭州"), (2, "林晓峰", "notes", None, "新备注")]  # fmt: skip
    assert get_customer(db, lin.id) == lin and customer_notes(db, lin.id) == ["老客户"]
    done = _run(db, actor, path)
    assert (done.updated, done.unchanged, done.notes_added) == (1, 0, 1)
    after = get_customer(db, lin.id)
    assert (after.name, after.city) == ("林晓峰", "杭州")
    assert customer_notes(db, lin.id) == ["老客户", "新备注"]  # added beside, never over
    again = _run(db, actor, path)  # the same file again: nothing new
    assert (again.updated, again.unchanged, again.field_changes) == (0, 1, [])
    assert get_customer(db, lin.id).version == after.version


def test_overwriting_is_a_choice_and_lists_each_field(db, actor, tmp_path):
    lin = make_customer(db, actor, name="林晓峰", mobile="13800001111", notes="老客户", city=None)
    dry = _run(db, actor, _lin_file(tmp_path), dry_run=True, on_match=importer.OnMatch.UPDATE)
    assert {(c.field, c.old, c.new) for c in dry.field_changes} == {
        ("name", "林晓峰", "林小峰"), ("notes", None, "新备注"), ("city", None, "杭州")}  # fmt: skip
    assert get_customer(db, lin.id) == lin
    _run(db, actor, _lin_file(tmp_path), on_match=importer.OnMatch.UPDATE)
    assert get_customer(db, lin.id).name == "林小峰"
    assert customer_notes(db, lin.id) == ["老客户", "新备注"]  # overwriting spares the notes


def test_two_rows_for_one_customer_both_count(db, actor, tmp_path):
    lin = make_customer(db, actor, name="林晓峰", mobile="13800001111", city=None)
    book = openpyxl.Workbook()
    book.active.append(["客户名称", "手机号码", "城市", "备注", "标签"])
    book.active.append(["林晓峰", "13800001111", "杭州", None, "VIP"])
    book.active.append(["林晓峰", "138 0000 1111", None, "第二行的备注", "展会"])
    book.save(tmp_path / "twice.xlsx")
    report = _run(db, actor, tmp_path / "twice.xlsx")
    assert report.updated == 2
    after = get_customer(db, lin.id)
    assert (after.city, set(after.tags)) == ("杭州", {"VIP", "展会"})
    assert customer_notes(db, lin.id) == ["第二行的备注"]


def test_an_owner_change_is_listed_by_the_owners_names(db, actor, tmp_path):
    from camdesk.services.core.users import ensure_user

    chen = ensure_user(db, "chenlei", "陈磊")
    ensure_user(db, "wangfang", "王芳")
    make_customer(db, actor, name="林晓峰", mobile="13800001111", owner_id=chen.id)
    book = openpyxl.Workbook()
    book.active.append(["客户名称", "手机号码", "负责人"])
    book.active.append(["林晓峰", "13800001111", "王芳"])
    book.save(tmp_path / "owner.xlsx")
    dry = _run(db, actor, tmp_path / "owner.xlsx", dry_run=True, on_match=importer.OnMatch.UPDATE)
    assert [(c.field, c.old, c.new) for c in dry.field_changes] == [("owner_id", "陈磊", "王芳")]


def test_a_bulk_loads_ids_are_distinct_time_ordered_uuids_even_past_one_range(monkeypatch):
    """A million-row load takes its ids from ranges (one UUIDv7's randomness each); they
    stay version 7, distinct, and in the order made, also where one range runs out."""
    whole = bulk.id_range
    monkeypatch.setattr(bulk, "id_range", lambda count: whole(3))
    made = bulk.id_sequence()
    ids = [made() for _ in range(10)]
    assert len(set(ids)) == 10
    assert all(i.version == 7 for i in ids)
    assert ids == sorted(ids)
