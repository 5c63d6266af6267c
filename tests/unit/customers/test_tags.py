"""Tags managed in one place (on SQLite and PostgreSQL): colour, rename, merge, delete, and
adding or removing one on many customers, each one action to undo and never an overwrite."""

from __future__ import annotations

import pytest

from camdesk.errors import ConflictError, TagChanged, UndoError, ValidationError
from camdesk.services.customers.files import as_edited, get_customer, update_customer
from camdesk.services.customers.history import customer_history
from camdesk.services.customers.tags import (
    add_tag,
    delete_tag,
    list_tags,
    merge_tags,
    remove_tag,
    rename_tag,
    set_color,
    tag_colors,
)
from camdesk.services.customers.undo import undo
from tests.factories import make_customer


def tags(db) -> dict[str, int]:
    return {t.name: t.customers for t in list_tags(db)}


def tag(db, name: str):
    return next(t for t in list_tags(db) if t.name == name)


def test_colour_is_kept_checked_and_a_stale_change_is_a_conflict(db, actor):
    make_customer(db, actor, tags=("VIP",))
    shown = tag(db, "VIP")
    set_color(db, actor, shown, "#E53935")
    assert tag_colors(db) == {"VIP": "#e53935"}
    with pytest.raises(TagChanged):  # the colour changed since this was shown
        set_color(db, actor, shown, "#1e88e5")
    with pytest.raises(ValidationError):
        set_color(db, actor, tag(db, "VIP"), "red")
    set_color(db, actor, tag(db, "VIP"), None)
    assert tag_colors(db) == {}


def test_rename_shows_on_every_file_keeps_the_colour_and_undoes(db, actor):
    one = make_customer(db, actor, tags=("老客户", "VIP"))
    two = make_customer(db, actor, tags=("老客户",))
    make_customer(db, actor, tags=("VIP",))
    set_color(db, actor, tag(db, "老客户"), "#43a047")
    changes = rename_tag(db, actor, tag(db, "老客户"), " 老顾客 ")
    assert changes.customers == {one.id, two.id}
    assert get_customer(db, one.id).tags == ("VIP", "老顾客")
    assert tag_colors(db) == {"老顾客": "#43a047"}
    assert get_customer(db, one.id).version == one.version + 1  # an open form cannot save over it
    entry = next(e for e in customer_history(db, two.id) if e.field == "tags")
    assert (entry.old, entry.new) == (["老客户"], ["老顾客"])
    with pytest.raises(ValidationError) as taken:
        rename_tag(db, actor, tag(db, "老顾客"), "VIP")
    assert "merge" in taken.value.problems[0].text()
    undone = undo(db, changes.action, actor)
    assert set(get_customer(db, two.id).tags) == {"老客户"}
    # The tag itself took its name back: its colour, and no empty 老顾客 left behind.
    assert tags(db) == {"老客户": 2, "VIP": 2}
    assert tag_colors(db) == {"老客户": "#43a047"}
    undo(db, undone.action, actor)  # undoing the undo renames it again
    assert tags(db) == {"老顾客": 2, "VIP": 2}
    assert tag_colors(db) == {"老顾客": "#43a047"}
    assert get_customer(db, one.id).tags == ("VIP", "老顾客")


def test_a_rename_is_not_undone_over_a_later_one(db, actor):
    make_customer(db, actor, tags=("老客户",))
    first = rename_tag(db, actor, tag(db, "老客户"), "老顾客")
    rename_tag(db, actor, tag(db, "老顾客"), "熟客")
    with pytest.raises(UndoError):
        undo(db, first.action, actor)
    assert tags(db) == {"熟客": 1}  # nothing changed


def test_an_edit_begun_before_a_rename_is_a_conflict_not_a_revert(db, actor):
    record = make_customer(db, actor, tags=("老客户",))
    form = as_edited(record, city="杭州")  # opened before the rename, still shows 老客户
    rename_tag(db, actor, tag(db, "老客户"), "老顾客")
    with pytest.raises(ConflictError):
        update_customer(db, record.id, form, expected_version=record.version, actor=actor)
    assert get_customer(db, record.id).tags == ("老顾客",)


def test_merge_moves_every_customer_once_and_deletes_the_other_tag(db, actor):
    both = make_customer(db, actor, tags=("VIP", "vip客户"))
    only = make_customer(db, actor, tags=("vip客户", "老客户"))
    make_customer(db, actor, tags=("VIP",))
    set_color(db, actor, tag(db, "vip客户"), "#1e88e5")
    merged = tag(db, "vip客户")
    changes = merge_tags(db, actor, merged, tag(db, "VIP"))
    assert tags(db) == {"VIP": 3, "老客户": 1}
    assert get_customer(db, both.id).tags == ("VIP",)
    assert get_customer(db, only.id).tags == ("VIP", "老客户")
    with pytest.raises(ValidationError):
        merge_tags(db, actor, tag(db, "VIP"), tag(db, "VIP"))
    undo(db, changes.action, actor)
    assert set(get_customer(db, only.id).tags) == {"vip客户", "老客户"}
    assert set(get_customer(db, both.id).tags) == {"VIP", "vip客户"}
    assert tag(db, "vip客户").id == merged.id  # the tag itself, with its colour
    assert tag_colors(db) == {"vip客户": "#1e88e5"}


def test_delete_takes_the_tag_off_everyone_and_undo_puts_it_back(db, actor):
    one = make_customer(db, actor, tags=("活动", "VIP"))
    two = make_customer(db, actor, tags=("活动",))
    set_color(db, actor, tag(db, "活动"), "#fb8c00")
    changes = delete_tag(db, actor, tag(db, "活动"))
    assert tags(db) == {"VIP": 1}
    assert get_customer(db, two.id).tags == ()
    undone = undo(db, changes.action, actor)
    assert get_customer(db, one.id).tags == ("VIP", "活动")
    assert tags(db)["活动"] == 2
    assert tag_colors(db) == {"活动": "#fb8c00"}  # the tag itself came back
    undo(db, undone.action, actor)  # and goes again when the undo is undone
    assert tags(db) == {"VIP": 1}
    assert get_customer(db, one.id).tags == ("VIP",)


def test_bulk_add_and_remove_touch_only_who_changes(db, actor):
    tagged = make_customer(db, actor, tags=("VIP",))
    plain = make_customer(db, actor)
    gone = make_customer(db, actor, tags=("VIP",))
    from camdesk.services.customers.files import delete_customers

    delete_customers(db, [gone.id], actor)
    ids = [tagged.id, plain.id, gone.id]
    added = add_tag(db, ids, "VIP", actor)
    assert added.customers == {plain.id}  # the one with it and the deleted one stay as they are
    removed = remove_tag(db, ids, "VIP", actor)
    assert removed.customers == {tagged.id, plain.id}
    assert tags(db) == {"VIP": 0}
    assert remove_tag(db, ids, "VIP", actor).action is None  # nothing left to do
    undo(db, removed.action, actor)
    assert tags(db) == {"VIP": 2}
    with pytest.raises(ValidationError):
        remove_tag(db, ids, "  ", actor)
