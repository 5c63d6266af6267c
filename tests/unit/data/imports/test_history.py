"""The import history and undoing a whole import (on SQLite and PostgreSQL): what nobody
changed since goes back, what was changed since stays and is listed."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from camdesk.errors import UndoError
from camdesk.services.core.changes import Kind
from camdesk.services.customers.custom_fields import list_fields
from camdesk.services.customers.field_settings import FieldDraft, add_field, change_field
from camdesk.services.customers.files import as_edited, get_customer, update_customer
from camdesk.services.customers.undo import undo
from camdesk.services.data.imports.customers import ImportOptions, OnMatch, import_customers
from camdesk.services.data.imports.fields import ImportKind, guess_mapping
from camdesk.services.data.imports.history import (
    EDITED_SINCE,
    FIELD_KEPT,
    ImportUndone,
    list_imports,
    undo_import,
)
from camdesk.services.data.sheets import read_table
from camdesk.services.lists.page import ListQuery, count_customers, fetch_page
from tests.factories import make_customer


def run(db, actor, tmp_path: Path, rows: list[list[object]], **options):
    book = openpyxl.Workbook()
    book.active.append(["客户名称", "客户编号", "手机号码", "城市"])
    for row in rows:
        book.active.append(row)
    path = tmp_path / "客户.xlsx"
    book.save(path)
    table = read_table(path)
    mapping = guess_mapping(table.headers, ImportKind.CUSTOMERS)
    return import_customers(db, table, ImportOptions(mapping=mapping, source=path.name, **options),
                            actor)  # fmt: skip


def by_code(db, code: str):
    return next(r for r in fetch_page(db, ListQuery(search=code), 0, 10))


def test_an_import_is_listed_and_undone_entirely_when_nobody_changed_it(db, actor, tmp_path):
    old = make_customer(db, actor, name="老客户", code="K1", city="北京")
    report = run(db, actor, tmp_path, [["老客户", "K1", None, "杭州"],
                                       ["新客户", "K2", "13812345678", "武汉"],
                                       ["", "K3", None, None]],
                 on_match=OnMatch.UPDATE)  # fmt: skip
    assert (report.created, report.updated) == (1, 1)
    [info] = list_imports(db)
    assert (info.source, info.kind, info.rows, info.created, info.updated, info.problems) == (
        "客户.xlsx", "customers", 3, 1, 1, 1)  # fmt: skip
    assert info.id == report.change_id and info.undone_at is None
    undone = undo_import(db, info.id, actor)
    assert undone.kept == []
    assert count_customers(db, ListQuery()) == 1  # the created one is a tombstone again
    assert get_customer(db, old.id).city == "北京"  # the update reverted
    assert list_imports(db)[0].undone_at is not None
    with pytest.raises(ImportUndone):
        undo_import(db, info.id, actor)


def test_what_was_changed_since_stays_and_is_listed(db, actor, tmp_path):
    old = make_customer(db, actor, name="老客户", code="K1", city="北京", mobile="13900000000")
    run(db, actor, tmp_path, [["老客户", "K1", "13911111111", "杭州"],
                              ["新客户", "K2", "13812345678", "武汉"],
                              ["另一位", "K3", "13812345679", "长沙"]],
        on_match=OnMatch.UPDATE)  # fmt: skip
    edited = get_customer(db, old.id)  # a colleague fixes the city after the import
    update_customer(db, old.id, as_edited(edited, city="苏州"), expected_version=edited.version,
                    actor=actor)  # fmt: skip
    kept_one = get_customer(db, by_code(db, "K2").id)  # and adds to a new customer's file
    update_customer(db, kept_one.id, as_edited(kept_one, address="江汉路 1 号"),
                    expected_version=kept_one.version, actor=actor)  # fmt: skip
    [info] = list_imports(db)
    undone = undo_import(db, info.id, actor)
    reverted = get_customer(db, old.id)
    assert reverted.mobile == "+8613900000000"  # nobody touched it since: reverted
    assert reverted.city == "苏州"  # changed since: kept
    names = {(k.customer, k.field) for k in undone.kept}
    assert names == {("老客户", "city"), ("新客户", None)}
    assert count_customers(db, ListQuery()) == 2  # 老客户, and 新客户 kept; 另一位 gone
    assert undone.changes.action is not None


def run_with_level(db, actor, tmp_path: Path, rows: list[list[object]]):
    """An import whose 客户级别 column has no field yet: the import makes one."""
    book = openpyxl.Workbook()
    book.active.append(["客户名称", "客户编号", "客户级别"])
    for row in rows:
        book.active.append(row)
    path = tmp_path / "纷享销客.xlsx"
    book.save(path)
    table = read_table(path)
    mapping = {"客户名称": "name", "客户编号": "code", "客户级别": "custom:new:客户级别"}
    return import_customers(db, table, ImportOptions(mapping=mapping, source=path.name), actor)


def labels(db) -> list[str]:
    return [f.label for f in list_fields(db)]


def test_undoing_an_import_retires_the_field_it_made_and_redoing_brings_it_back(
    db, actor, tmp_path
):
    run_with_level(db, actor, tmp_path, [["甲公司", "K1", "重要客户"], ["乙公司", "K2", "普通"]])
    assert labels(db) == ["客户级别"]
    [info] = list_imports(db)
    undone = undo_import(db, info.id, actor)
    assert undone.kept == [] and labels(db) == []  # nothing left of the import
    assert undone.changes.kinds & Kind.FIELDS  # the list drops the column
    undo(db, undone.changes.action, actor)  # undoing the undo: the import again
    [level] = list_fields(db)
    assert level.label == "客户级别"
    assert get_customer(db, by_code(db, "K1").id).custom == {level.key: "重要客户"}


def test_a_field_the_import_made_stays_where_a_kept_customer_holds_a_value(db, actor, tmp_path):
    run_with_level(db, actor, tmp_path, [["甲公司", "K1", "重要客户"], ["乙公司", "K2", "普通"]])
    kept = get_customer(db, by_code(db, "K1").id)  # a colleague adds to one of the new files
    update_customer(db, kept.id, as_edited(kept, address="江汉路 1 号"),
                    expected_version=kept.version, actor=actor)  # fmt: skip
    [info] = list_imports(db)
    undone = undo_import(db, info.id, actor)
    [level] = list_fields(db)
    assert get_customer(db, kept.id).custom == {level.key: "重要客户"}  # value and field kept
    listed = {(k.customer, k.field, k.reason) for k in undone.kept}
    assert listed == {("甲公司", None, EDITED_SINCE), ("", f"custom:{level.key}", FIELD_KEPT)}
    assert undone.labels[level.key] == "客户级别"  # the dialog names the field


def test_a_field_renamed_since_the_import_stays(db, actor, tmp_path):
    run_with_level(db, actor, tmp_path, [["甲公司", "K1", "重要客户"]])
    [level] = list_fields(db)
    change_field(db, actor, level, FieldDraft("客户等级", show_in_list=True))
    [info] = list_imports(db)
    undone = undo_import(db, info.id, actor)
    assert labels(db) == ["客户等级"]  # someone adopted the field: it is theirs now
    assert [k.reason for k in undone.kept] == [FIELD_KEPT]
    assert count_customers(db, ListQuery()) == 0  # the customers themselves went back


def test_redoing_an_import_whose_field_label_was_taken_since_is_refused(db, actor, tmp_path):
    run_with_level(db, actor, tmp_path, [["甲公司", "K1", "重要客户"]])
    [info] = list_imports(db)
    undone = undo_import(db, info.id, actor)
    add_field(db, actor, FieldDraft("客户级别"))  # someone makes a field of the name
    with pytest.raises(UndoError):
        undo(db, undone.changes.action, actor)
    assert labels(db) == ["客户级别"] and count_customers(db, ListQuery()) == 0
