"""The duplicates screen: scan, merge side by side, undo."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel

from camdesk.services.core.changes import Kind
from camdesk.services.customers.orders import add_order, purchase_summary
from camdesk.services.lists.page import count_customers
from tests.factories import make_customer


def test_scan_merge_and_undo(qtbot, controller):
    db, actor = controller.db, controller.actor
    first = make_customer(db, actor, name="王芳", mobile="13800000001", email=None)
    second = make_customer(db, actor, name="王芳芳", mobile="13800000001", email="f@x.cn")
    add_order(db, second.id, actor, ordered_on=date(2025, 2, 1), amount=2000)
    make_customer(db, actor, name="无关", mobile="13900000000")
    window = controller.window
    window.nav.setCurrentRow(window.stack.indexOf(window.duplicates))
    page = window.duplicates
    assert window.stack.currentWidget() is page
    page.scan_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10000)
    assert "same mobile" in page.table.item(0, 1).text()
    assert page.table.item(0, 0).text() == "95"

    page.table.selectRow(0)
    dialog = page.merge_selected()
    assert dialog is not None
    qtbot.waitUntil(lambda: len(dialog.records) == 2, timeout=10000)
    owner, orders, last_contact, created = dialog.facts  # what tells them apart
    assert orders == ["0", "1"] and owner == ["—", "—"] and last_contact == ["—", "—"]
    assert created == [f"{r.created_at.astimezone():%Y-%m-%d}" for r in dialog.records]
    shown = {w.text() for w in dialog.findChildren(QLabel)}
    assert {"Owner", "Orders", "Last contact", "Created"} <= shown
    dialog.choices["email"].button(1).setChecked(True)  # take the second one's email
    # The merge's own announcement (a background value update may announce its own first).
    with qtbot.waitSignal(window._events.changed, timeout=10000,
                          check_params_cb=lambda c: c.action is not None) as merged:  # fmt: skip
        dialog.accept()
    assert merged.args[0].customers == {first.id, second.id}  # exactly who changed
    assert merged.args[0].action == page._undo and merged.args[0].touches(Kind.ORDERS)
    assert count_customers(db) == 2
    assert purchase_summary(db, first.id).amount == 2000
    from camdesk.services.customers.files import get_customer

    kept = get_customer(db, first.id)
    assert (kept.name, kept.email) == ("王芳", "f@x.cn")
    assert page.table.rowCount() == 0 and page.undo_button.isVisible()

    with qtbot.waitSignal(window._events.changed, timeout=10000) as undone:
        page.undo_button.click()
    assert undone.args[0].customers == {first.id, second.id}
    assert count_customers(db) == 3
    assert purchase_summary(db, second.id).amount == 2000


def test_data_quality_lists_files_to_fix_and_opens_them(qtbot, controller):
    from camdesk.views.customers.editor import CustomerFile

    db, actor = controller.db, controller.actor
    make_customer(db, actor, name="找不到", mobile=None, email=None, city="杭州")
    make_customer(db, actor, name="好客户", mobile="13800000001", city="杭州")
    window = controller.window
    window.nav.setCurrentRow(window.stack.indexOf(window.quality))
    page = window.quality
    page.check_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10000)
    assert page.table.item(0, 0).text() == "找不到"
    assert "no mobile, phone or email" in page.table.item(0, 1).text()
    page.open_row(0)
    dialog = window.customers.findChild(CustomerFile)
    assert dialog is not None
    qtbot.waitUntil(dialog.isEnabled, timeout=10000)
    assert dialog.window() is not window  # opened beside the screen, in its own window


def test_standardise_from_the_quality_area_and_undo(qtbot, controller):
    from sqlalchemy import update

    from camdesk.models import Customer
    from camdesk.services.customers.files import get_customer

    db, actor = controller.db, controller.actor
    messy = make_customer(db, actor, name="王芳", mobile="13800000001", city="杭州")
    with db.write() as session:
        session.execute(update(Customer).where(Customer.id == messy.id).values(city="杭州市"))
    page = controller.window.quality
    with qtbot.waitSignal(controller.window._events.changed, timeout=10000):
        page.tidy_button.click()
    assert get_customer(db, messy.id).city == "杭州" and "1" in page.status.text()
    with qtbot.waitSignal(controller.window._events.changed, timeout=10000):
        page.undo_button.click()
    assert get_customer(db, messy.id).city == "杭州市"


def test_values_an_import_left_out_are_listed_and_can_be_kept_out(qtbot, controller, tmp_path):
    import openpyxl

    from camdesk.services.data.imports.customers import ImportOptions, import_customers
    from camdesk.services.data.imports.fields import ImportKind, guess_mapping
    from camdesk.services.data.sheets import read_table

    controller.set_language("zh_CN")
    book = openpyxl.Workbook()
    book.active.append(["客户名称", "手机", "邮箱", "城市"])
    book.active.append(["李四", "13812345678", "li@example", "杭州"])
    book.save(tmp_path / "in.xlsx")
    table = read_table(tmp_path / "in.xlsx")
    options = ImportOptions(mapping=guess_mapping(table.headers, ImportKind.CUSTOMERS))
    import_customers(controller.db, table, options, controller.actor)
    window = controller.window
    window.nav.setCurrentRow(window.stack.indexOf(window.quality))
    page = window.quality
    page.check_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10000)
    assert page.table.item(0, 1).text() == "导入时略去了邮箱：“li@example”不是有效的邮箱地址。"
    assert not page.dismiss_button.isEnabled()
    page.table.selectRow(0)
    assert page.dismiss_button.isEnabled()
    page.dismiss_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=10000)
