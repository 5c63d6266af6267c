"""Any change to a customer's file moves its version, so an older form cannot save over it.

A file is its own fields, its tags, custom values and contacts. Each case changes only one
of those, then saves a form opened before the change: the save must be a conflict, and
the change must still be there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from camdesk.errors import ConflictError
from camdesk.services.customers import undo
from camdesk.services.customers.custom_fields import define_field
from camdesk.services.customers.files import (
    ContactData,
    CustomerRecord,
    as_edited,
    get_customer,
    update_customer,
)
from camdesk.services.customers.tags import add_tag
from camdesk.services.data.imports.customers import ImportOptions, OnMatch, import_customers
from camdesk.services.data.imports.fields import ImportKind, guess_mapping
from camdesk.services.data.sheets import read_table
from tests.factories import make_customer


def _save(db, actor, record: CustomerRecord, **changes) -> CustomerRecord:
    return update_customer(db, record.id, as_edited(record, **changes),
                           expected_version=record.version, actor=actor).value  # fmt: skip


def _import_tag(db, actor, record: CustomerRecord, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["客户名称", "手机号码", "标签"])
    book.active.append([record.name, "13800001111", "展会"])
    book.save(tmp_path / "tags.xlsx")
    table = read_table(tmp_path / "tags.xlsx")
    mapping = guess_mapping(table.headers, ImportKind.CUSTOMERS)
    report = import_customers(db, table, ImportOptions(mapping=mapping, on_match=OnMatch.UPDATE),
                              actor)  # fmt: skip
    assert report.updated == 1


CHANGES: dict[str, Callable[..., None]] = {
    "a tag added": lambda db, actor, r, _p: _save(db, actor, r, tags=("VIP", "新客")) and None,
    "a tag removed": lambda db, actor, r, _p: _save(db, actor, r, tags=()) and None,
    "a contact added": lambda db, actor, r, _p: _save(
        db, actor, r, contacts=(*r.contacts, ContactData(name="郑助理"))) and None,
    "a contact changed": lambda db, actor, r, _p: _save(db, actor, r, contacts=(
        ContactData(id=r.contacts[0].id, name="吴经理", mobile="13900002222"),)) and None,
    "a contact removed": lambda db, actor, r, _p: _save(db, actor, r, contacts=()) and None,
    "a custom value": lambda db, actor, r, _p: _save(db, actor, r, custom={"level": "银卡"}) and None,
    "an import adding a tag": _import_tag,
    "a bulk tag": lambda db, actor, r, _p: add_tag(db, [r.id], "活动", actor).action and None,
}  # fmt: skip


def _file(db, actor) -> CustomerRecord:
    define_field(db, "level", "会员等级", "choice", ("金卡", "银卡"))
    return make_customer(db, actor, kind="company", name="海纳科技有限公司",
                         mobile="13800001111", tags=("VIP",), custom={"level": "金卡"},
                         contacts=(ContactData(name="吴经理", mobile="13900001111"),))  # fmt: skip


@pytest.mark.parametrize("change", list(CHANGES))
def test_an_older_form_cannot_save_over_a_change(db, actor, tmp_path, change):
    form = _file(db, actor)  # opened before the change
    CHANGES[change](db, actor, form, tmp_path)
    changed = get_customer(db, form.id)
    assert changed.version > form.version
    with pytest.raises(ConflictError) as caught:
        _save(db, actor, form, city="上海")
    assert caught.value.theirs == changed
    assert get_customer(db, form.id) == changed  # nothing of the change was lost


def test_saving_an_unchanged_file_keeps_its_version(db, actor):
    record = _file(db, actor)
    assert _save(db, actor, record).version == record.version
    assert get_customer(db, record.id).version == record.version


def test_a_change_of_several_parts_moves_the_version_once(db, actor):
    record = _file(db, actor)
    saved = _save(db, actor, record, city="上海", tags=("新客",), custom={"level": "银卡"},
                  contacts=())  # fmt: skip
    assert saved.version == record.version + 1


def test_undoing_a_tag_change_moves_the_version(db, actor):
    record = _file(db, actor)
    _save(db, actor, record, tags=("VIP", "新客"))
    tagged = get_customer(db, record.id)
    undo.undo(db, undo.last_action(db, record.id), actor)
    undone = get_customer(db, record.id)
    assert undone.tags == ("VIP",) and undone.version > tagged.version
    with pytest.raises(ConflictError):
        _save(db, actor, tagged, tags=("VIP", "新客", "重点"))
