"""Reading spreadsheets and text files as they arrive from people and other CRMs."""

from __future__ import annotations

import codecs
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from camdesk import errors
from camdesk.services.data.sheets import FileKind, read_table, sheet_names, sniff

ROWS = [("张三", "13812345678"), ("李四", "13912345678")]


def _csv(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gbk", b""), ("gb18030", b""),
     ("utf-16", b""), ("utf-16-le", b""), ("utf-16-be", b"")],
)  # fmt: skip
def test_csv_in_every_encoding_people_send(tmp_path, encoding, prefix):
    text = "姓名,手机\r\n" + "".join(f"{n},{p}\r\n" for n, p in ROWS) + "\r\n"
    if encoding == "gb18030":
        text = text.replace("张三", "张𠀾")  # a character outside GBK
    path = _csv(tmp_path / "people.csv", prefix + text.encode(encoding))
    table = read_table(path)
    assert table.headers == ("姓名", "手机")
    assert [r[1] for r in table.rows] == ["13812345678", "13912345678"]
    assert table.rows[0][0] == ("张𠀾" if encoding == "gb18030" else "张三")
    assert table.row_numbers == [2, 3]


@pytest.mark.parametrize("separator", ["\t", ";"])
def test_csv_separators_are_recognised(tmp_path, separator):
    text = f"姓名{separator}城市\n王芳{separator}杭州, 西湖区\n"
    table = read_table(_csv(tmp_path / "p.csv", text.encode()))
    assert table.rows == [("王芳", "杭州, 西湖区")]


def test_workbook_with_title_merged_header_empty_rows_and_sheets(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "说明"
    sheet.append(["这是导出说明"])
    data = book.create_sheet("客户")
    data.append(["客户名单 2024"])
    data.merge_cells("A1:E1")
    data.append(["姓名", "手机", "生日", "金额", "联系方式"])
    data.merge_cells("E2:F2")
    data.append(["张三 ", 13812345678, date(1990, 3, 5), 12.5, "a@x.cn", "0571-8888"])
    data.append([None] * 6)
    data.append(["李四", "138 1234 5679", 45000, None, None, None])
    path = tmp_path / "customers.xlsx"
    book.save(path)

    assert sniff(path) is FileKind.XLSX
    assert sheet_names(path) == ["说明", "客户"]
    table = read_table(path, "客户")
    assert table.headers == ("姓名", "手机", "生日", "金额", "联系方式", "联系方式 (2)")
    assert table.header_row == 2
    assert table.rows[0] == ("张三", 13812345678, date(1990, 3, 5), 12.5, "a@x.cn", "0571-8888")
    assert table.rows[1][:3] == ("李四", "138 1234 5679", 45000)
    assert table.row_numbers == [3, 5]
    with pytest.raises(errors.UnknownSheet) as caught:
        read_table(path, "订单")
    assert "说明, 客户" in caught.value.text()


def test_very_long_cells_and_a_million_empty_formatted_rows(tmp_path):
    import xlsxwriter

    path = tmp_path / "long.xlsx"
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet()
    shaded = book.add_format({"bg_color": "#FFFF00", "num_format": "@"})
    sheet.write_row(0, 0, ["姓名", "备注"])
    sheet.write_row(1, 0, ["王芳", "很长" * 16000])  # Excel holds up to 32,767 characters a cell
    for row in range(2, 1_000_002):  # formatted, empty: as left by a colour-the-column habit
        sheet.set_row(row, None, shaded)
    book.close()
    table = read_table(path)
    assert len(table.rows) == 1 and len(table.rows[0][1]) == 32000


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("empty.csv", b"", errors.EmptyFile),
        ("blank.csv", b"\r\n ,, \r\n", errors.EmptyFile),
        ("photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", errors.ImportFileError),
        ("latin.csv", b"name\n\xff\xfe\xfd\x80\x81\n", errors.UnknownEncoding),
        ("broken.xlsx", b"PK\x03\x04 not really a zip", errors.ImportFileError),
    ],
)
def test_files_that_are_not_tables_are_refused_clearly(tmp_path, name, content, error):
    path = _csv(tmp_path / name, content)
    with pytest.raises(error) as caught:
        read_table(path)
    assert name in caught.value.text()


def test_other_zip_documents_are_refused(tmp_path):
    path = tmp_path / "letter.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(errors.ImportFileError):
        read_table(path)


def test_password_protected_workbook_is_named_as_such(tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = tmp_path / "plain.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["姓名", "手机"])
    book.save(plain)
    path = tmp_path / "secret.xlsx"
    with plain.open("rb") as source, path.open("wb") as out:
        OOXMLFile(source).encrypt("secret", out)  # as Excel does
    with pytest.raises(errors.PasswordProtected) as caught:
        read_table(path)
    assert "password" in caught.value.text() and "secret.xlsx" in caught.value.text()
    with pytest.raises(errors.PasswordProtected):
        sheet_names(path)


def test_old_excel_xls_files(tmp_path):
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    book.add_sheet("说明").write(0, 0, "导出说明")
    sheet = book.add_sheet("客户")
    for column, title in enumerate(["客户名称", "手机", "生日", "金额"]):
        sheet.write(0, column, title)
    sheet.write(1, 0, "张三")
    sheet.write(1, 1, 13812345678)
    sheet.write(1, 2, date(1990, 3, 5), xlwt.easyxf(num_format_str="yyyy-mm-dd"))
    sheet.write(1, 3, 12.5)
    path = tmp_path / "old.xls"
    book.save(str(path))
    assert sniff(path) is FileKind.XLS
    assert sheet_names(path) == ["说明", "客户"]
    table = read_table(path, "客户")
    assert table.headers == ("客户名称", "手机", "生日", "金额")
    name, phone, birthday, amount = table.rows[0]
    assert (name, phone, amount) == ("张三", 13812345678, 12.5)
    assert birthday in (date(1990, 3, 5), datetime(1990, 3, 5))
