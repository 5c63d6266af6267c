"""Settings > Custom fields through the service: add, change, reorder, retire, required,
searchable (on SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from camdesk.errors import FieldChanged, FieldInUse, UndoError, ValidationError
from camdesk.services.customers.custom_fields import list_fields
from camdesk.services.customers.field_settings import (
    FieldDraft,
    add_field,
    change_field,
    move_field,
    reindex_field,
    retire_field,
)
from camdesk.services.customers.files import as_edited, get_customer, update_customer
from camdesk.services.customers.undo import undo
from camdesk.services.data.imports.customers import ImportOptions, import_customers
from camdesk.services.data.imports.fields import ImportKind, guess_mapping
from camdesk.services.data.sheets import read_table
from camdesk.services.lists.page import count_customers
from camdesk.services.lists.rows import ListQuery
from tests.factories import make_customer


def found(db, text: str) -> int:
    return count_customers(db, ListQuery(search=text))


def test_fields_are_added_with_keys_of_their_own_and_refused_when_unclear(db, actor):
    level = add_field(
        db, actor, FieldDraft("会员等级", "choice", (" 金卡", "银卡", "金卡", ""))
    ).value
    budget = add_field(db, actor, FieldDraft("预算", "number")).value
    assert (level.field.key, budget.field.key) == ("field_1", "field_2")
    assert level.field.choices == ("金卡", "银卡")  # trimmed, once each, no blanks
    assert [f.label for f in list_fields(db)] == ["会员等级", "预算"]
    with pytest.raises(ValidationError) as taken:
        add_field(db, actor, FieldDraft("预算 ", "text"))
    assert [p.field for p in taken.value.problems] == ["label"]
    with pytest.raises(ValidationError) as empty:
        add_field(db, actor, FieldDraft("渠道", "choice", ()))
    assert [p.field for p in empty.value.problems] == ["choices"]
    assert len(list_fields(db)) == 2  # nothing half-made


def test_renaming_reordering_and_retiring_keep_every_value(db, actor):
    level = add_field(db, actor, FieldDraft("等级", "text")).value.field
    since = add_field(db, actor, FieldDraft("入会日期", "date")).value.field
    customer = make_customer(db, actor, custom={level.key: "金", since.key: "2024-05-01"})
    renamed = change_field(db, actor, level, FieldDraft("会员等级", "text")).value.field
    assert renamed.key == level.key and renamed.version == level.version + 1
    assert get_customer(db, customer.id).custom[level.key] == "金"
    move_field(db, since, -1)
    assert [f.label for f in list_fields(db)] == ["入会日期", "会员等级"]
    retire_field(db, actor, renamed)
    assert [f.label for f in list_fields(db)] == ["入会日期"]
    assert level.key not in get_customer(db, customer.id).custom  # out of the file...
    again = add_field(db, actor, FieldDraft("会员等级", "text")).value.field  # the name is free
    assert again.key != level.key  # ...and the retired values do not come back under it
    assert again.key not in get_customer(db, customer.id).custom


def test_a_change_never_strands_stored_values(db, actor):
    level = add_field(db, actor, FieldDraft("等级", "choice", ("金", "银", "铜"))).value.field
    budget = add_field(db, actor, FieldDraft("预算", "number")).value.field
    make_customer(db, actor, custom={level.key: "金", budget.key: "100"})
    make_customer(db, actor, custom={level.key: "金"})
    with pytest.raises(FieldInUse) as held:
        change_field(db, actor, level, FieldDraft("等级", "choice", ("银", "铜")))
    assert held.value.params == {"label": "等级", "value": "金", "count": 2}
    fewer = change_field(db, actor, level, FieldDraft("等级", "choice", ("金", "银"))).value.field
    assert fewer.choices == ("金", "银")  # a choice nobody holds can go
    as_text = change_field(db, actor, fewer, FieldDraft("等级", "text")).value.field
    assert as_text.kind == "text"  # text and choice hold the same values
    with pytest.raises(FieldInUse):  # back to a choice without 金: refused
        change_field(db, actor, as_text, FieldDraft("等级", "choice", ("银",)))
    with pytest.raises(FieldInUse) as typed:
        change_field(db, actor, budget, FieldDraft("预算", "date"))
    assert typed.value.params["count"] == 1
    empty = add_field(db, actor, FieldDraft("备用", "number")).value.field
    assert change_field(db, actor, empty, FieldDraft("备用", "date")).value.field.kind == "date"


def test_a_colleagues_change_meanwhile_is_a_conflict_not_an_overwrite(db, actor):
    shown = add_field(db, actor, FieldDraft("等级", "text")).value.field
    change_field(db, actor, shown, FieldDraft("客户等级", "text"))
    with pytest.raises(FieldChanged):
        change_field(db, actor, shown, FieldDraft("会员等级", "text"))
    with pytest.raises(FieldChanged):
        retire_field(db, actor, shown)
    assert [f.label for f in list_fields(db)] == ["客户等级"]


def test_a_required_field_must_be_filled_in_the_app_but_an_import_keeps_the_row(
    db, actor, tmp_path: Path
):
    level = add_field(db, actor, FieldDraft("等级", "text")).value.field
    before = make_customer(db, actor, name="早来的")
    change_field(db, actor, level, FieldDraft("等级", "text", required=True))
    with pytest.raises(ValidationError) as refused:
        make_customer(db, actor, name="新来的")
    assert [p.field for p in refused.value.problems] == [f"custom:{level.key}"]
    assert make_customer(db, actor, name="新来的", custom={level.key: "金"}).custom
    record = get_customer(db, before.id)
    with pytest.raises(ValidationError):  # an edit of an older file asks for it too
        update_customer(db, record.id, as_edited(record, city="杭州"),
                        expected_version=record.version, actor=actor)  # fmt: skip
    book = openpyxl.Workbook()
    book.active.append(["客户名称", "城市"])
    book.active.append(["导入的", "武汉"])
    book.save(tmp_path / "in.xlsx")
    table = read_table(tmp_path / "in.xlsx")
    mapping = guess_mapping(table.headers, ImportKind.CUSTOMERS)
    report = import_customers(db, table, ImportOptions(mapping=mapping), actor)
    assert report.created == 1  # an import keeps what it has; the file asks when next saved


def test_searchable_values_are_found_once_the_field_is_searchable(db, actor):
    note = add_field(db, actor, FieldDraft("渠道", "choice", ("钻石会员", "普通"))).value.field
    budget = add_field(db, actor, FieldDraft("预算", "number", searchable=True)).value.field
    assert not budget.searchable  # numbers are filtered, not searched
    make_customer(db, actor, name="张三", custom={note.key: "钻石会员"})
    assert found(db, "钻石") == 0
    saved = change_field(db, actor, note, FieldDraft("渠道", "choice", ("钻石会员", "普通"),
                                                     searchable=True)).value  # fmt: skip
    assert saved.reindex
    steps: list[tuple[int, int]] = []
    assert reindex_field(db, note.id, progress=lambda d, t: steps.append((d, t))) == 1
    assert steps[-1] == (1, 1)
    assert found(db, "钻石") == 1 and found(db, "zuanshi") == 1  # characters and pinyin
    make_customer(db, actor, name="李四", custom={note.key: "钻石会员"})  # new files at once
    assert found(db, "钻石会员") == 2
    assert found(db, "李四 zuanshi") == 1
    off = change_field(db, actor, saved.field, FieldDraft("渠道", "choice", ("钻石会员", "普通")))
    assert off.value.reindex
    reindex_field(db, note.id)
    assert found(db, "钻石") == 0


def test_a_choice_renamed_in_place_is_renamed_in_the_files_holding_it(db, actor):
    level = add_field(db, actor, FieldDraft("等级", "choice", ("VIP", "普通"),
                                            searchable=True)).value.field  # fmt: skip
    one = make_customer(db, actor, name="张三", custom={level.key: "VIP"})
    two = make_customer(db, actor, name="李四", custom={level.key: "VIP"})
    other = make_customer(db, actor, name="王五", custom={level.key: "普通"})
    shown = get_customer(db, one.id)  # a form of 张三 open meanwhile
    saved = change_field(db, actor, level, FieldDraft("等级", "choice", ("重要客户", "普通"),
                         searchable=True, renamed=(("VIP", "重要客户"),)))  # fmt: skip
    assert saved.value.renamed == 2 and saved.value.reindex
    assert saved.value.field.choices == ("重要客户", "普通")
    assert [get_customer(db, c.id).custom[level.key] for c in (one, two, other)] == [
        "重要客户", "重要客户", "普通"]  # fmt: skip
    assert get_customer(db, one.id).version == shown.version + 1  # the open form conflicts
    reindex_field(db, level.id)
    assert found(db, "重要客户") == 2 and found(db, "VIP") == 0
    undo(db, saved.changes.action, actor)  # the list's Undo takes the rename back whole
    [back] = list_fields(db)
    assert back.choices == ("VIP", "普通")
    assert [get_customer(db, c.id).custom[level.key] for c in (one, two)] == ["VIP", "VIP"]
    assert found(db, "VIP") == 2


def test_a_rename_that_is_not_one_is_refused_and_changes_nothing(db, actor):
    level = add_field(db, actor, FieldDraft("等级", "choice", ("VIP", "普通"))).value.field
    make_customer(db, actor, custom={level.key: "VIP"})
    for renamed in ((("VIP", "普通"),), (("金卡", "银卡"),)):  # onto a kept one; not a choice
        with pytest.raises(ValidationError):
            change_field(db, actor, level, FieldDraft("等级", "choice", ("银卡", "普通"),
                                                      renamed=renamed))  # fmt: skip
    assert list_fields(db)[0].choices == ("VIP", "普通")


def test_undoing_a_rename_after_the_field_changed_again_is_refused(db, actor):
    level = add_field(db, actor, FieldDraft("等级", "choice", ("VIP", "普通"))).value.field
    customer = make_customer(db, actor, custom={level.key: "VIP"})
    written = change_field(db, actor, level, FieldDraft("等级", "choice", ("重要客户", "普通"),
                                                        renamed=(("VIP", "重要客户"),)))  # fmt: skip
    change_field(
        db, actor, written.value.field, FieldDraft("等级", "choice", ("重要客户", "普通", "新"))
    )
    with pytest.raises(UndoError):
        undo(db, written.changes.action, actor)
    assert get_customer(db, customer.id).custom[level.key] == "重要客户"
    assert list_fields(db)[0].choices == ("重要客户", "普通", "新")


def test_saved_segments_follow_a_renamed_choice_and_its_undo(db, actor):
    from camdesk.services.lists import segments
    from camdesk.services.lists.criteria import Criterion

    level = add_field(db, actor, FieldDraft("等级", "choice", ("VIP", "普通", "新"))).value.field
    make_customer(db, actor, name="张三", custom={level.key: "VIP"})
    make_customer(db, actor, name="李四", custom={level.key: "新"})
    one = Criterion(f"custom:{level.key}", "=", "VIP")
    two = Criterion(f"custom:{level.key}", "in", ("VIP", "新"))
    segments.save_segment(db, "大客户", [one], actor)
    segments.save_segment(db, "重点", [two, Criterion("kind", "=", "person")], actor)
    members = lambda: {s.name: count_customers(db, segments.query_of(s))  # noqa: E731
                       for s in segments.list_segments(db)}  # fmt: skip
    assert members() == {"大客户": 1, "重点": 2}
    written = segments.change_field(db, actor, level, FieldDraft(
        "等级", "choice", ("重要客户", "普通", "新"), renamed=(("VIP", "重要客户"),)))  # fmt: skip
    assert members() == {"大客户": 1, "重点": 2}  # the same customers, by the new name
    saved = {s.name: s.criteria for s in segments.list_segments(db)}
    assert saved["大客户"][0].value == "重要客户" and saved["重点"][0].value == ("重要客户", "新")
    undo(db, written.changes.action, actor)
    saved = {s.name: s.criteria for s in segments.list_segments(db)}
    assert saved["大客户"] == (one,) and saved["重点"][0] == two
    assert members() == {"大客户": 1, "重点": 2}
