"""The import wizard as a user drives it: file, mapping, check, import, rejected rows."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from camdesk.services.lists.page import ListQuery, count_customers
from camdesk.views.data.import_wizard import ImportWizard

ROWS = [
    ["客户名称", "手机号码", "生日", "城市", "备注"],
    ["张三", "138 1234 5678", "1990/3/5", "杭州市", "老客户"],
    ["李四", "1.38123E+10", "2024年13月1日", "上海", None],
    ["王五", 13912345678, None, "北京", "多行\n备注"],
]


def _workbook(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "说明"
    sheet = book.create_sheet("客户")
    for row in ROWS:
        sheet.append(row)
    path = tmp_path / "客户名单.xlsx"
    book.save(path)
    return path


def _next(qtbot, wizard: QWizard) -> None:
    qtbot.waitUntil(lambda: wizard.button(QWizard.WizardButton.NextButton).isEnabled(),
                    timeout=10000)  # fmt: skip
    wizard.next()


def _checked(qtbot, controller, path: Path) -> ImportWizard:
    """The wizard on ``path`` with its guessed mapping, at the finished check."""
    wizard = controller.window.open_import()
    wizard.file_page.choose(path)
    qtbot.waitUntil(lambda: wizard.table is not None, timeout=10000)
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    qtbot.waitUntil(wizard.check_page.isComplete, timeout=10000)
    return wizard


def test_import_from_the_file_menu_maps_checks_and_imports(qtbot, controller, tmp_path):
    window = controller.window
    window.import_action.trigger()
    wizard = window.findChild(ImportWizard)
    assert wizard is not None and wizard.isVisible()
    wizard.file_page.choose(_workbook(tmp_path))
    qtbot.waitUntil(
        lambda: wizard.file_page.sheet.count() == 2, timeout=10000
    )  # listed in a worker
    assert [wizard.file_page.sheet.itemText(i) for i in range(2)] == ["说明", "客户"]
    wizard.file_page.sheet.setCurrentIndex(1)
    qtbot.waitUntil(
        lambda: wizard.table is not None and wizard.table.sheet == "客户", timeout=10000
    )
    assert "3 rows" in wizard.file_page.status.text()
    _next(qtbot, wizard)

    mapping = wizard.mapping_page
    assert mapping.mapping() == {"客户名称": "name", "手机号码": "mobile", "生日": "birthday",
                                 "城市": "city", "备注": "notes"}  # fmt: skip
    mapping.boxes[4].setCurrentIndex(0)  # do not import the notes
    _next(qtbot, wizard)

    check = wizard.check_page
    qtbot.waitUntil(check.isComplete, timeout=10000)
    assert "3 new" in check.summary.text() and "0 refused" in check.summary.text()
    assert "2 values that cannot be stored are left out" in check.summary.text()
    problems = [check.problems.item(i).text() for i in range(check.problems.count())]
    assert any(p.startswith("Row 3, 手机号码") and "scientific" in p for p in problems)
    assert count_customers(controller.db) == 0  # the check wrote nothing
    _next(qtbot, wizard)

    run = wizard.run_page
    qtbot.waitUntil(run.isComplete, timeout=10000)
    assert "Done" in run.summary.text() and "3 new" in run.summary.text()
    assert count_customers(controller.db) == 3  # 李四 without the mobile and birthday
    assert count_customers(controller.db, ListQuery(search="zhangsan")) == 1
    page = window.customers
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10000)
    assert run.save_errors.isEnabled()
    rejected = tmp_path / "rejected.xlsx"
    run.write_errors(rejected)  # in the background
    qtbot.waitUntil(lambda: "rejected.xlsx" in run.summary.text(), timeout=10000)
    sheet = openpyxl.load_workbook(rejected).active
    assert sheet["A2"].value == "李四" and "scientific" in sheet.cell(2, 6).value
    # The mapping is remembered for files with the same headers.
    assert controller.settings.import_mapping(tuple(ROWS[0]))["客户名称"] == "name"
    wizard.close()


def test_a_file_that_is_not_a_spreadsheet_is_explained_on_the_first_page(
    qtbot, controller, tmp_path
):
    wizard = controller.window.open_import()
    assert isinstance(wizard, ImportWizard)
    bad = tmp_path / "photo.xlsx"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    wizard.file_page.choose(bad)
    qtbot.waitUntil(lambda: "not a spreadsheet" in wizard.file_page.status.text(), timeout=10000)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.close()


def test_export_the_list_as_shown(qtbot, controller, tmp_path, monkeypatch):

    from tests.factories import make_customer

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    controller.set_language("zh_CN")  # the file reads as the UI does
    for name in ("张三", "张四", "李五"):
        make_customer(controller.db, controller.actor, name=name)
    page = controller.window.customers
    page.search.insert("张")
    qtbot.waitUntil(lambda: page.model.query.search == "张" and page.model.rowCount() == 2,
                    timeout=10000)  # fmt: skip
    header = page.view.horizontalHeader()
    header.setSectionHidden(2, True)  # no phone column
    out = tmp_path / "list.xlsx"
    page.export_list(out)
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    assert "2" in told[0]
    sheet = openpyxl.load_workbook(out).active
    assert [c.value for c in sheet[1]][:3] == ["姓名", "客户类型", "邮箱"]
    assert sorted(r[0].value for r in sheet.iter_rows(min_row=2)) == ["张三", "张四"]
    assert {r[1].value for r in sheet.iter_rows(min_row=2)} == {"个人"}


def test_owners_who_are_not_users_are_listed_and_created(qtbot, controller, tmp_path):
    from camdesk.services.customers.files import get_customer
    from camdesk.services.lists.page import fetch_page

    book = openpyxl.Workbook()
    book.active.append(["客户名称", "手机", "负责人"])
    for name, mobile, owner in (("张三", "13812345678", "王芳"), ("李四", "13912345678", "王芳"),
                                ("王五", "13712345678", "李强")):  # fmt: skip
        book.active.append([name, mobile, owner])
    book.save(tmp_path / "fxiaoke.xlsx")
    controller.set_language("en")  # as the app starts: English plural forms loaded
    wizard = _checked(qtbot, controller, tmp_path / "fxiaoke.xlsx")
    check = wizard.check_page
    assert check.owners.isVisibleTo(wizard) and check.owners.currentData() == "create"
    listed = check.unknown_owners.text()
    assert "王芳 (2 rows)" in listed and "李强 (1 row)" in listed
    _next(qtbot, wizard)
    qtbot.waitUntil(wizard.run_page.isComplete, timeout=10000)
    owners = sorted(get_customer(controller.db, r.id).owner_name
                    for r in fetch_page(controller.db, ListQuery(), 0, 10))  # fmt: skip
    assert owners == ["李强", "王芳", "王芳"]
    wizard.close()


def test_the_check_lists_what_matched_rows_would_change(qtbot, controller, tmp_path):
    from tests.factories import make_customer

    make_customer(controller.db, controller.actor, name="林晓峰", mobile="13800001111",
                  notes="老客户", city=None)  # fmt: skip
    book = openpyxl.Workbook()
    book.active.append(["客户名称", "手机号码", "城市", "备注"])
    book.active.append(["林小峰", "138 0000 1111", "杭州", "新备注"])
    book.save(tmp_path / "lin.xlsx")
    wizard = _checked(qtbot, controller, tmp_path / "lin.xlsx")
    check = wizard.check_page
    assert check.on_match.currentData() == "fill"  # overwriting is a choice
    listed = [check.problems.item(i).text() for i in range(check.problems.count())]
    assert listed == ["Row 2, 林晓峰: City will change: — → 杭州",
                      "Row 2, 林晓峰: a note will be added: 新备注"]  # fmt: skip
    check.on_match.setCurrentIndex(1)  # overwrite
    qtbot.waitUntil(lambda: check.isComplete() and check.problems.count() == 3, timeout=10000)
    listed = [check.problems.item(i).text() for i in range(check.problems.count())]
    assert "Row 2, 林晓峰: Name will change: 林晓峰 → 林小峰" in listed
    wizard.close()


def test_export_offers_every_field_of_the_file(qtbot, controller, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from camdesk.services.customers.custom_fields import define_field
    from tests.factories import make_customer

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    from camdesk.services.customers.files import ContactData

    controller.set_language("en")
    define_field(controller.db, "level", "会员等级", "choice", ("金卡", "银卡"))
    make_customer(controller.db, controller.actor, name="张三", notes="老客户",
                  custom={"level": "金卡"})  # fmt: skip
    make_customer(controller.db, controller.actor, name="海纳科技", kind="company",
                  contacts=(ContactData(name="周婷", mobile="13900001111"),))  # fmt: skip
    out = tmp_path / "everything"

    def choose_every_field(dialog: QFileDialog) -> int:
        forms = dialog.nameFilters()
        assert len(forms) == 4 and "every field" in forms[1]
        dialog.selectNameFilter(forms[1])
        dialog.filterSelected.emit(forms[1])
        dialog.selectFile(str(out))
        return 1

    monkeypatch.setattr(QFileDialog, "exec", choose_every_field)
    page = controller.window.customers
    page.model.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    page.export_list()
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    book = openpyxl.load_workbook(tmp_path / "everything.xlsx")
    sheet = book.active  # an English UI writes an English file (the importer reads both)
    header = [c.value for c in sheet[1]]
    assert {"Name", "Notes", "Owner", "Tags", "会员等级"} <= set(header)
    rows = [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)]
    row = next(r for r in rows if r["Name"] == "张三")
    assert (row["Notes"], row["会员等级"], row["Customer type"]) == ("老客户", "金卡", "Person")
    people = list(book["Contacts"].iter_rows(values_only=True))
    assert people[1][:3] == (None, "海纳科技", "周婷")
    assert told[0].splitlines()[1] == "The companies' 1 contact is on the sheet “Contacts”."


def test_survey_answers_import_into_the_survey_chosen(qtbot, controller, tmp_path):
    from camdesk.services.feedback.scores import scores_of
    from camdesk.services.feedback.surveys import list_surveys
    from tests.factories import make_customer

    he = make_customer(controller.db, controller.actor, name="何欣怡", mobile="13800138001")
    book = openpyxl.Workbook()
    for row in (["提交时间", "手机号", "满意度", "推荐意愿", "意见"],
                ["2026-03-02 10:15", "13800138001", "满意", 9, "送货快"],
                ["2026-03-03 11:00", "13900000000", "一般", 6, None]):  # fmt: skip
        book.active.append(row)
    path = tmp_path / "三月回访.xlsx"
    book.save(path)
    wizard = controller.window.open_import()
    kinds = wizard.file_page.kind
    kinds.setCurrentIndex(kinds.findData("responses"))
    wizard.file_page.choose(path)
    qtbot.waitUntil(lambda: wizard.table is not None, timeout=10000)
    _next(qtbot, wizard)
    assert wizard.mapping_page.mapping() == {"提交时间": "answered_at", "手机号": "mobile",
                                             "满意度": "csat", "推荐意愿": "nps",
                                             "意见": "comment"}  # fmt: skip
    _next(qtbot, wizard)
    check = wizard.check_page
    qtbot.waitUntil(
        lambda: check.survey.currentText() == "三月回访" and check.isComplete(), timeout=10000
    )  # fmt: skip  (no survey yet: the file's name)
    assert "1 new" in check.summary.text() and "1 refused" in check.summary.text()
    _next(qtbot, wizard)
    qtbot.waitUntil(wizard.run_page.isComplete, timeout=10000)
    assert [s.name for s in list_surveys(controller.db)] == ["三月回访"]
    scores = scores_of(controller.db, he.id)
    assert (scores.csat, scores.nps) == (4, 9)
    wizard.close()


def test_a_fxiaoke_account_sheet_shows_what_each_column_becomes(qtbot, controller, tmp_path):
    """Its companies import as companies, 客户级别 as a new field (a list column), and
    FxiaoKe's record keeping (创建人) is shown as not imported."""
    from camdesk.services.lists.page import fetch_page

    book = openpyxl.Workbook()
    book.active.append(["客户名称", "客户级别", "市", "创建人"])
    book.active.append(["杭州远航科技有限公司", "重要客户", "Hangzhou", "王五"])
    book.active.append(["张三", "普通客户", "Wuhan", "王五"])
    book.save(tmp_path / "客户.xlsx")
    wizard = controller.window.open_import()
    wizard.file_page.choose(tmp_path / "客户.xlsx")
    qtbot.waitUntil(lambda: wizard.table is not None, timeout=10000)
    _next(qtbot, wizard)
    boxes = wizard.mapping_page.boxes
    assert [b.currentText() for b in boxes] == [
        "Name", "New field “客户级别”", "City", "Do not import (the other program's record keeping)"
    ]  # fmt: skip
    _next(qtbot, wizard)
    qtbot.waitUntil(wizard.check_page.isComplete, timeout=10000)
    _next(qtbot, wizard)
    qtbot.waitUntil(wizard.run_page.isComplete, timeout=10000)
    rows = {r.name: r for r in fetch_page(controller.db, ListQuery(), 0, 10)}
    assert {n: (r.kind, r.city) for n, r in rows.items()} == {
        "杭州远航科技有限公司": ("company", "杭州"), "张三": ("person", "武汉")}  # fmt: skip
    model = controller.window.customers.model

    def headers():
        return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]

    qtbot.waitUntil(lambda: "客户级别" in headers(), timeout=10000)  # the new field, listed
    wizard.close()
