"""Hostile and oversized spreadsheets are refused, not obeyed; formulas never come alive."""

from __future__ import annotations

import csv

import openpyxl
import pytest

from camdesk import errors
from camdesk.services.data import sheets
from camdesk.services.data.imports.customers import ImportOptions, import_customers
from camdesk.services.data.imports.fields import ImportKind, guess_mapping
from camdesk.services.data.imports.rejected import write_error_workbook
from camdesk.services.data.sheet_limits import MAX_COLUMNS, check_xlsx, column_number
from camdesk.services.data.sheets import read_table


def test_column_letters():
    assert [column_number(c) for c in ("A", "Z", "AA", "XFD")] == [1, 26, 27, 16384]


def test_a_workbook_whose_only_far_cell_is_at_the_sheets_end_is_refused_before_reading(
    tmp_path,
):
    """(The reader itself would allocate 549 GB and abort: only the check runs here; the
    CLI on such a file is tried in tests/integration/test_faults.py.)"""
    book = openpyxl.Workbook()
    book.active["A1"] = "姓名"
    book.active["XFD1048576"] = "x"
    book.save(tmp_path / "far.xlsx")
    assert (tmp_path / "far.xlsx").stat().st_size < 10_000
    with pytest.raises(errors.SheetTooLarge) as caught:
        check_xlsx(tmp_path / "far.xlsx")
    assert f"{MAX_COLUMNS}" in caught.value.text() and "300,000 rows" in caught.value.text()


@pytest.mark.parametrize("cell", ['<c s="0" r="XFD1048576"', '<c\n r="XFD1048576"'])
def test_a_far_cell_is_found_whatever_its_attributes_order(tmp_path, cell):
    """Other programs write a cell's style before its reference, or break the line."""
    import zipfile

    book = openpyxl.Workbook()
    book.active["A1"] = "姓名"
    book.active["XFD1048576"] = "x"
    book.save(tmp_path / "plain.xlsx")
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as source, \
            zipfile.ZipFile(tmp_path / "far.xlsx", "w") as target:  # fmt: skip
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                assert b'<c r="XFD1048576"' in data
                data = data.replace(b'<c r="XFD1048576"', cell.encode())
            target.writestr(info, data)
    with pytest.raises(errors.SheetTooLarge):
        check_xlsx(tmp_path / "far.xlsx")


def test_too_many_rows_are_refused_before_they_are_all_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(sheets, "MAX_ROWS", 50)
    path = tmp_path / "many.csv"
    path.write_text("姓名,手机\n" + "".join(f"客户{n},1380000{n:04d}\n" for n in range(80)),
                    encoding="utf-8")  # fmt: skip
    with pytest.raises(errors.SheetTooLarge):
        read_table(path)


def test_a_csv_cell_longer_than_the_csv_modules_limit_is_a_field_problem(db, actor, tmp_path):
    path = tmp_path / "long.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(
            [["姓名", "手机", "备注"], ["王芳", "13812345678", "长" * 200_000]]
        )
    table = read_table(path)
    options = ImportOptions(mapping=guess_mapping(table.headers, ImportKind.CUSTOMERS))
    report = import_customers(db, table, options, actor)
    assert report.created == 1  # the row is kept; the note is left out and said
    [problem] = report.problems
    assert problem.dropped and problem.text().startswith("At most 20000 characters")


def test_the_rejected_rows_workbook_writes_formulas_as_text(db, actor, tmp_path):
    path = tmp_path / "evil.csv"
    path.write_text('姓名,邮箱\n"=HYPERLINK(""http://evil"",""x"")",bad@\n', encoding="utf-8")
    table = read_table(path)
    options = ImportOptions(mapping=guess_mapping(table.headers, ImportKind.CUSTOMERS),
                            strict=True)  # fmt: skip
    report = import_customers(db, table, options, actor)
    assert report.rejected == 1
    write_error_workbook(table, report, tmp_path / "errors.xlsx")
    cell = openpyxl.load_workbook(tmp_path / "errors.xlsx").active["A2"]
    assert cell.value == '=HYPERLINK("http://evil","x")' and cell.data_type == "s"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_value_that_was_already_quoted_keeps_its_quote_through_a_round_trip(
    db, actor, tmp_path, suffix
):
    from camdesk.services.customers.files import get_customer
    from camdesk.services.data.export import export_customers
    from camdesk.services.lists.page import ListQuery, fetch_page
    from tests.factories import customer_notes, make_customer

    make_customer(db, actor, name="'=1+1", notes="=SUM(A1)", preferences="'quoted")
    export_customers(db, tmp_path / f"out{suffix}")
    for record in fetch_page(db, ListQuery(), 0, 5):
        from camdesk.services.customers.files import delete_customers

        delete_customers(db, [record.id], actor)
    table = read_table(tmp_path / f"out{suffix}")
    options = ImportOptions(mapping=guess_mapping(table.headers, ImportKind.CUSTOMERS))
    assert import_customers(db, table, options, actor).created == 1
    back = get_customer(db, fetch_page(db, ListQuery(), 0, 1)[0].id)
    assert (back.name, back.preferences) == ("'=1+1", "'quoted")
    assert customer_notes(db, back.id) == ["=SUM(A1)"]
