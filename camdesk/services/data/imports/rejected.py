"""The rejected rows of an import as a workbook to fix and import again as it is.

The workbook has the file's own header and cells for every rejected row (so the
same mapping applies when it comes back), plus one last column saying what is
wrong, which no import field matches.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from camdesk.services.data.imports.report import ImportReport, RowProblem
from camdesk.services.data.sheets import Table

PROBLEMS_HEADER = "camdesk: problems / 问题说明"


def write_error_workbook(
    table: Table,
    report: ImportReport,
    path: Path,
    describe: Callable[[RowProblem], str] = RowProblem.text,
) -> int:
    """Write the rejected rows to ``path`` (.xlsx); returns how many rows were written."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill

    reasons: dict[int, list[str]] = defaultdict(list)
    for problem in report.problems:
        where = f"{problem.column}: " if problem.column else ""
        reasons[problem.row].append(where + describe(problem))
    book = Workbook(write_only=True)
    sheet = book.create_sheet(table.sheet or "Sheet1")
    sheet.freeze_panes = "A2"
    sheet.column_dimensions["A"].width = 16
    header = []
    for title in (*table.headers, PROBLEMS_HEADER):
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = Font(bold=True)
        if title == PROBLEMS_HEADER:
            cell.fill = PatternFill("solid", fgColor="FFE7E6")
        header.append(cell)
    sheet.append(header)
    written = 0
    for number, cells in zip(table.row_numbers, table.rows, strict=True):
        if number in reasons:
            sheet.append([_as_text(sheet, c) for c in (*cells, "; ".join(reasons[number]))])
            written += 1
    book.save(path)
    return written


def _as_text(sheet: object, value: object) -> object:
    """A cell as it was read: text that looks like a formula (=HYPERLINK(...)) is
    written as text, never as a formula a spreadsheet program would run."""
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str) and value.startswith("="):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value
