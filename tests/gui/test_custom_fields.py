"""Settings > Custom fields as a user drives it: a field defined in the app becomes a column,
a filter and (when searchable) a search hit of the customer list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from camdesk.services.customers.custom_fields import list_fields
from camdesk.services.customers.files import get_customer
from camdesk.views.combo import choose
from camdesk.views.customers.fields_dialog import FieldsDialog, renamed_in_place
from tests.factories import make_customer


def open_dialog(qtbot, controller) -> FieldsDialog:
    window = controller.window
    window.fields_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "fields_dialog", None) is not None, timeout=10000)
    return window.fields_dialog


def define(qtbot, dialog: FieldsDialog, label: str, kind: str, choices: str = "",
           **ticks: bool) -> None:  # fmt: skip
    dialog.new_button.click()
    dialog.label.insert(label)  # as an input method types it (keyClicks is ASCII only)
    choose(dialog.kind, kind)
    dialog.choices.setPlainText(choices)
    for name, on in ticks.items():
        getattr(dialog, name).setChecked(on)
    count = len(dialog.fields)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: len(dialog.fields) == count + 1, timeout=10000)


def test_a_field_defined_in_the_app_is_a_column_a_filter_and_a_search_hit(qtbot, controller):
    db, actor = controller.db, controller.actor
    page = controller.window.customers
    dialog = open_dialog(qtbot, controller)
    define(qtbot, dialog, "会员等级", "choice", "金卡\n银卡\n", in_list=True)
    define(qtbot, dialog, "预算", "number")
    assert not dialog.searchable.isEnabled()  # numbers are filtered, not searched
    level, budget = list_fields(db)
    assert (level.label, level.kind, level.choices, level.show_in_list) == (
        "会员等级", "choice", ("金卡", "银卡"), True)  # fmt: skip
    make_customer(db, actor, name="张三", custom={level.key: "金卡", budget.key: "800"})
    make_customer(db, actor, name="李四", custom={level.key: "银卡", budget.key: "12000"})
    make_customer(db, actor, name="王五")
    page.model.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10000)

    keys = lambda: [c.key for c in page.model.columns]  # noqa: E731
    qtbot.waitUntil(lambda: f"custom:{level.key}" in keys(), timeout=10000)  # the team's column
    assert f"custom:{budget.key}" not in keys()
    column = keys().index(f"custom:{level.key}")
    assert {page.model.data(page.model.index(r, column)) for r in range(3)} == {"金卡", "银卡", ""}

    bar = page.filters.field_filter
    qtbot.waitUntil(lambda: bar.field.count() == 3, timeout=10000)
    choose(bar.field, budget.key)
    choose(bar.op, "between")
    qtbot.keyClicks(bar.value, "500")
    qtbot.keyClicks(bar.until, "1000")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    assert page.model.data(page.model.index(0, 0)) == "张三"
    choose(bar.op, "empty")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.data(
        page.model.index(0, 0)) == "王五", timeout=10000)  # fmt: skip
    choose(bar.field, level.key)
    assert bar.choice.isVisibleTo(bar) and not bar.value.isVisibleTo(bar)  # its choices offered
    choose(bar.op, "=")
    choose(bar.choice, "银卡")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.data(
        page.model.index(0, 0)) == "李四", timeout=10000)  # fmt: skip
    bar.field.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10000)

    page.search.insert("金卡")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10000)  # not searchable yet
    dialog.list.setCurrentRow(0)
    dialog.searchable.setChecked(True)
    dialog.save_button.click()  # the search is brought up to date behind a progress dialog
    qtbot.waitUntil(lambda: list_fields(db)[0].searchable, timeout=10000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    assert page.model.data(page.model.index(0, 0)) == "张三"


def test_a_field_is_reordered_renamed_and_retired_and_refusals_are_said(
    qtbot, controller, monkeypatch
):
    db, actor = controller.db, controller.actor
    dialog = open_dialog(qtbot, controller)
    define(qtbot, dialog, "等级", "choice", "金\n银")
    define(qtbot, dialog, "入会日期", "date", required=True)
    level, since = list_fields(db)
    make_customer(db, actor, custom={level.key: "金", since.key: "2024-01-02"})
    dialog.list.setCurrentRow(1)
    dialog.up_button.click()
    qtbot.waitUntil(lambda: [f.label for f in dialog.fields] == ["入会日期", "等级"],
                    timeout=10000)  # fmt: skip
    assert [f.label for f in list_fields(db)] == ["入会日期", "等级"]
    assert dialog.list.currentRow() == 0 and "required" in dialog.list.item(0).text()

    dialog.list.setCurrentRow(1)
    dialog.choices.setPlainText("银")  # 金 is held by a customer
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=10000)
    assert "金" in dialog.error.text() and "1" in dialog.error.text()
    assert list_fields(db)[1].choices == ("金", "银")  # nothing changed

    dialog.label.setText("会员等级")
    dialog.choices.setPlainText("金\n银\n铜")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.fields[1].label == "会员等级", timeout=10000)
    assert list_fields(db)[1].choices == ("金", "银", "铜")

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.list.setCurrentRow(1)
    dialog.retire_button.click()
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=10000)
    assert [f.label for f in list_fields(db)] == ["入会日期"]
    assert dialog.list.item(0).data(Qt.ItemDataRole.UserRole) == since.id


def test_a_required_field_is_marked_and_asked_for_in_the_file(qtbot, controller):
    dialog = open_dialog(qtbot, controller)
    define(qtbot, dialog, "合同号", "text", required=True)
    dialog.accept()
    page = controller.window.customers
    editor = page.open_editor(None)
    qtbot.waitUntil(editor.isEnabled, timeout=10000)
    form = editor.details
    qtbot.waitUntil(lambda: any(k.startswith("custom:") for k in form.inputs), timeout=10000)
    name = next(k for k in form.inputs if k.startswith("custom:"))
    assert form.label_for(name).text() == "合同号 *"


def test_a_segment_condition_on_a_custom_field_is_shown_and_never_altered(qtbot):
    import uuid

    from camdesk.services.customers.custom_fields import FieldInfo
    from camdesk.services.lists.criteria import Criterion
    from camdesk.views.customers.segment_dialog import ConditionRow

    budget = FieldInfo(uuid.uuid4(), "field_2", "预算", "number", (), False)
    level = FieldInfo(uuid.uuid4(), "field_1", "等级", "choice", ("金", "银"), False)
    row = ConditionRow({}, [level, budget], lambda: None)
    qtbot.addWidget(row)
    between = Criterion("custom:field_2", "between", ("500", "1000"))
    row.set_criterion(between)
    assert row.criterion() == between
    assert (row.compared.value.text(), row.compared.until.text()) == ("500", "1000")
    either = Criterion("custom:field_1", "in", ("金", "银"))  # saved elsewhere (the CLI)
    row.set_criterion(either)
    assert row.criterion() == either  # this row cannot show it: it keeps it as saved
    choose(row.compared.op, "empty")  # until the user changes it
    assert row.criterion() == Criterion("custom:field_1", "empty", "")


def test_a_choice_edited_on_its_line_is_renamed_in_the_files_and_undone_from_the_list(
    qtbot, controller
):
    db, actor = controller.db, controller.actor
    page = controller.window.customers
    dialog = open_dialog(qtbot, controller)
    define(qtbot, dialog, "等级", "choice", "VIP\n普通", in_list=True)
    [level] = list_fields(db)
    held = make_customer(db, actor, name="张三", custom={level.key: "VIP"})
    dialog.list.setCurrentRow(0)
    dialog.choices.setPlainText("重要客户\n普通")  # VIP retyped on its own line
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.outcome.isVisible(), timeout=10000)
    assert "1" in dialog.outcome.text() and dialog.error.isHidden()
    assert get_customer(db, held.id).custom[level.key] == "重要客户"
    assert list_fields(db)[0].choices == ("重要客户", "普通")
    assert "等级" in page.info_text.text() and page.undo_button.isVisibleTo(page)
    dialog.accept()
    page.undo_button.click()
    qtbot.waitUntil(lambda: get_customer(db, held.id).custom[level.key] == "VIP", timeout=10000)
    assert list_fields(db)[0].choices == ("VIP", "普通")


def test_only_a_choice_retyped_on_its_own_line_counts_as_a_rename():
    before = ("金卡", "银卡", "铜卡")
    assert renamed_in_place(before, ("钻石卡", "银卡", "铜卡")) == (("金卡", "钻石卡"),)
    assert renamed_in_place(before, ("银卡", "铜卡")) == ()  # a line deleted: the rest moved up
    assert renamed_in_place(before, ("金卡", "新", "银卡", "铜卡")) == ()  # a line inserted
    assert renamed_in_place(before, ("铜卡", "银卡", "金卡")) == ()  # reordered
