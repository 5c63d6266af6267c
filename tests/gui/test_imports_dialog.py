"""Data > Imports as a user drives it: the wizard asks before it writes, the history lists
the import, and Undo takes it back except what was changed since."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QMessageBox, QWizard

from camdesk.services.customers.files import as_edited, get_customer, update_customer
from camdesk.services.lists.page import ListQuery, count_customers, fetch_page


def _sheet(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.append(["客户名称", "手机号码", "城市"])
    for row in (["张三", "13812345678", "杭州"], ["李四", "13912345678", "武汉"],
                ["王五", "13712345678", "长沙"]):  # fmt: skip
        book.active.append(row)
    path = tmp_path / "展会名单.xlsx"
    book.save(path)
    return path


def _import(qtbot, controller, path: Path) -> None:
    wizard = controller.window.open_import()
    wizard.file_page.choose(path)
    qtbot.waitUntil(lambda: wizard.table is not None, timeout=10000)
    for _ in range(2):
        qtbot.waitUntil(lambda: wizard.button(QWizard.WizardButton.NextButton).isEnabled(),
                        timeout=10000)  # fmt: skip
        wizard.next()
    check = wizard.check_page
    qtbot.waitUntil(check.isComplete, timeout=10000)
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.text() == "Import 3 rows" and commit.isVisible()  # it asks, with the count
    assert "Import 3 rows?" in check.summary.text()
    assert count_customers(controller.db, ListQuery()) == 0  # nothing written yet
    commit.click()
    qtbot.waitUntil(lambda: count_customers(controller.db, ListQuery()) == 3, timeout=10000)
    wizard.close()


def test_an_import_is_listed_and_undone_from_the_history(qtbot, controller, tmp_path,
                                                         monkeypatch):  # fmt: skip
    db, actor = controller.db, controller.actor
    _import(qtbot, controller, _sheet(tmp_path))
    changed = next(r for r in fetch_page(db, ListQuery(search="张三"), 0, 5))
    record = get_customer(db, changed.id)  # a colleague adds to one new file meanwhile
    update_customer(db, record.id, as_edited(record, address="西湖路 1 号"),
                    expected_version=record.version, actor=actor)  # fmt: skip
    dialog = controller.window.open_imports()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
    cells = [dialog.table.item(0, c).text() for c in range(8)]
    assert cells[1:5] == ["展会名单.xlsx", "Customers", "3", "3"]
    assert dialog.undo_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: dialog.undone is not None, timeout=20000)
    assert count_customers(db, ListQuery()) == 1  # 张三 stays: his file was edited since
    assert "except 1 change" in dialog.outcome.text()
    assert dialog.kept.count() == 1 and dialog.kept.item(0).text().startswith("张三")
    qtbot.waitUntil(lambda: "(undone)" in dialog.table.item(0, 0).text(), timeout=10000)
    assert not dialog.undo_button.isEnabled()  # once is all


def test_a_field_the_import_made_and_still_holding_values_is_listed_as_kept(
    qtbot, controller, tmp_path, monkeypatch
):
    from tests.unit.data.imports.test_history import by_code, run_with_level

    db, actor = controller.db, controller.actor
    run_with_level(db, actor, tmp_path, [["甲公司", "K1", "重要客户"], ["乙公司", "K2", "普通"]])
    kept = get_customer(db, by_code(db, "K1").id)  # edited since: it stays, with its value
    update_customer(db, kept.id, as_edited(kept, address="江汉路 1 号"),
                    expected_version=kept.version, actor=actor)  # fmt: skip
    dialog = controller.window.open_imports()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: dialog.undone is not None, timeout=20000)
    lines = [dialog.kept.item(i).text() for i in range(dialog.kept.count())]
    assert len(lines) == 2 and lines[0].startswith("甲公司")
    assert lines[1].startswith("客户级别: field made by the import: kept")  # no customer named
