"""Reading a spreadsheet or CSV file into a table of header and rows.

Files are recognised by their content, not their name: .xlsx/.xlsm and .ods
(zip), .xls (OLE), anything else as delimited text.  Workbooks are read with
python-calamine (formula cells give their saved values, dates come typed); text
is decoded from UTF-8 (with or without BOM), UTF-16 (with BOM or recognisable
by its zero bytes) or GB18030, which includes GBK.

The header is the first row, among the first :data:`HEADER_SCAN` with data,
holding the most cells: title rows above it (often merged across the table) are
skipped.  A header cell a merge left empty takes its left neighbour's name with
a number.  Empty rows are dropped; each kept row knows its row number in the
file, for messages a person can find.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from camdesk import errors
from camdesk.services.core.bulk import gc_paused
from camdesk.services.data.sheet_limits import MAX_CELL_CHARS, MAX_ROWS, check_xlsx, too_many_rows
from camdesk.services.data.workbooks import GUARDED

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

Cell = str | float | int | bool | date | datetime | time | timedelta | None

HEADER_SCAN = 10
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class FileKind(StrEnum):
    XLSX = "xlsx"
    XLS = "xls"
    ODS = "ods"
    CSV = "csv"


@dataclass(frozen=True)
class Table:
    """One sheet's data: column names and rows of cells.

    Attributes:
        sheet: the sheet's name ("" for text files).
        headers: one name per column, unique and non-empty.
        rows: the data rows (as long as ``headers``), empty rows dropped.
        row_numbers: each row's number in the file (1-based), for messages.
        header_row: the header's row number.
    """

    sheet: str
    headers: tuple[str, ...]
    rows: list[tuple[Cell, ...]]
    row_numbers: list[int]
    header_row: int


def sniff(path: Path) -> FileKind:
    """What kind of file this is, from its first bytes."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:  # missing, a folder, no permission: say which
        raise errors.FileMissing(path=str(path), reason=exc.strerror or str(exc)) from exc
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile as exc:
            raise errors.ImportFileError(path=str(path)) from exc
        if "xl/workbook.xml" in names:
            return FileKind.XLSX
        if "content.xml" in names:
            return FileKind.ODS
        raise errors.ImportFileError(path=str(path))
    if head.startswith(_OLE):
        if _ole_has_stream(path, "EncryptionInfo"):  # an encrypted .xlsx wrapped in OLE
            raise errors.PasswordProtected(path=str(path))
        return FileKind.XLS
    return FileKind.CSV


def _ole_has_stream(path: Path, name: str) -> bool:
    """Whether an OLE compound file's directory names this stream (UTF-16 names)."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return name.encode("utf-16-le") in data


def sheet_names(path: Path) -> list[str]:
    """The sheets of a workbook, in order ([""] for a text file)."""
    kind = sniff(path)
    if kind is FileKind.CSV:
        _decode(path)  # refuse what is not text now, not at the import
        return [""]
    return list(_workbook(path).sheet_names)


@gc_paused()  # millions of small objects: see bulk.gc_paused
def read_table(path: Path, sheet: str | None = None) -> Table:
    """The table in ``sheet`` (default: the first) of the file at ``path``.

    Raises:
        ImportFileError: not a spreadsheet (or damaged), no such sheet, no data.
        PasswordProtected: the workbook is encrypted.
    """
    kind = sniff(path)
    grid: Iterable[Sequence[Cell]]
    if kind is FileKind.CSV:
        name, grid = "", _read_text(path)
    else:
        if kind is FileKind.XLSX:
            check_xlsx(path)  # a hostile size is refused before the reader allocates it
        book = _workbook(path)
        names = list(book.sheet_names)
        name = sheet if sheet else (names[0] if names else "")
        if name not in names:
            raise errors.UnknownSheet(path=str(path), sheet=name, sheets=", ".join(names))
        try:
            grid = book.get_sheet_by_name(name).iter_rows()
        except Exception as exc:  # calamine's errors: a damaged sheet
            raise errors.ImportFileError(path=str(path)) from exc
    return _table(path, name, grid)


def _workbook(path: Path) -> CalamineWorkbook:
    from python_calamine import CalamineWorkbook, PasswordError

    try:
        return CalamineWorkbook.from_path(str(path))
    except PasswordError as exc:
        raise errors.PasswordProtected(path=str(path)) from exc
    except Exception as exc:  # CalamineError, XmlError, ZipError...: not a readable workbook
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise errors.PasswordProtected(path=str(path)) from exc
        raise errors.ImportFileError(path=str(path)) from exc


def _table(path: Path, sheet: str, grid: Iterable[Sequence[Cell]]) -> Table:
    rows: list[tuple[Cell, ...]] = []
    numbers: list[int] = []
    for number, raw in enumerate(grid, start=1):
        cells = tuple(_clean_cell(c) for c in raw)
        if any(c is not None for c in cells):
            rows.append(cells)
            numbers.append(number)
            if len(rows) > MAX_ROWS + HEADER_SCAN:
                raise too_many_rows(path)
    if not rows:
        raise errors.EmptyFile(path=str(path), sheet=sheet or path.name)
    head = _header_index(rows[:HEADER_SCAN])
    header_cells, data = rows[head], rows[head + 1 :]
    width = max(len(header_cells), *(len(r) for r in data)) if data else len(header_cells)
    # Trailing columns with neither header nor data are formatting, not columns.
    while width > 1 and _column_empty(width - 1, header_cells, data):
        width -= 1
    headers = _names(header_cells, width)
    padded = [tuple(r[:width]) + (None,) * (width - len(r)) for r in data]
    return Table(sheet, headers, padded, numbers[head + 1 :], numbers[head])


def _clean_cell(cell: Cell) -> Cell:
    if isinstance(cell, str):
        text = cell.strip()
        return text or None
    return cell


def _header_index(rows: list[tuple[Cell, ...]]) -> int:
    """The first of the fullest rows, preferring rows of text only (data has numbers, dates)."""
    scores = [
        (all(isinstance(c, str) for c in row if c is not None), sum(c is not None for c in row))
        for row in rows
    ]
    return scores.index(max(scores))


def _column_empty(index: int, header: tuple[Cell, ...], data: list[tuple[Cell, ...]]) -> bool:
    cells = [header, *data]
    return all(index >= len(r) or r[index] is None for r in cells)


def _names(cells: tuple[Cell, ...], width: int) -> tuple[str, ...]:
    names: list[str] = []
    seen: dict[str, int] = {}
    for index in range(width):
        cell = cells[index] if index < len(cells) else None
        name = _text(cell) if cell is not None else ""
        if not name:  # under a merge, or simply unnamed: after the left neighbour
            name = names[-1] if names else f"Column {index + 1}"
        base, count = name, seen.get(name, 0)
        if count:
            name = f"{base} ({count + 1})"
        seen[base] = count + 1
        names.append(name)
    return tuple(names)


def _text(cell: Cell) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


# --------------------------------------------------------------------------- text files


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise errors.ImportFileError(path=str(path)) from exc
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    sample = data[:4096]
    if sample and sample.count(0) * 4 >= len(sample):  # UTF-16 without a BOM: every other byte 0
        even_zeros = sample[0::2].count(0)
        return data.decode("utf-16-be" if even_zeros > len(sample) // 4 else "utf-16-le")
    if b"\x00" in sample:
        raise errors.ImportFileError(path=str(path))  # binary, not text
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise errors.UnknownEncoding(path=str(path))


def _read_text(path: Path) -> Iterator[list[str]]:
    """The rows of a delimited text file. Cells starting with an apostrophe before = + - @
    lose it: a CSV export's guard against formulas (see workbooks), only in text files,
    where a spreadsheet program would otherwise run them."""
    text = _decode(path)
    sample = text[:8192]
    try:
        sniffed = csv.Sniffer().sniff(sample, ",\t;|")
    except csv.Error:
        sniffed = csv.excel

    class dialect(csv.excel):  # the separator found; quotes are always double quotes: the
        delimiter = sniffed.delimiter  # sniffer takes apostrophes ('=1+1, O'Brien) for quotes
        skipinitialspace = sniffed.skipinitialspace

    csv.field_size_limit(MAX_CELL_CHARS)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        for row in reader:
            yield [c[1:] if c[:1] == "'" and c[1:2] in GUARDED else c for c in row]
    except csv.Error as exc:
        if "field larger" in str(exc):
            raise errors.CellTooLong(path=str(path), limit=f"{MAX_CELL_CHARS:,}") from exc
        raise errors.ImportFileError(path=str(path)) from exc
