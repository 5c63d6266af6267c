"""How big a sheet camdesk reads: checked before reading, so a hostile file is refused.

A 1.5 KB workbook whose only cell is XFD1048576 makes a reader allocate the whole
16,384 x 1,048,576 grid (549 GB) and the process abort. Every worksheet of an .xlsx
is therefore scanned first, as a stream, for the furthest row and column of its
cells, and refused past the limits; the scan reads
the compressed XML once and never holds it whole. CSV rows are counted as they are
read.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from camdesk import errors

MAX_ROWS = 300_000  # data rows in one import (100,000 import in about 40 s)
MAX_COLUMNS = 500
MAX_CELLS = 20_000_000
MAX_SHEET_BYTES = 2 << 30  # uncompressed XML of one sheet
MAX_CELL_CHARS = 1 << 20  # one CSV field; the form's own limits then name what is too long

# A cell's reference (r="B12": a row's r= has no letters, a range's is ref= or sqref=);
# rows without cells (formatting left on a million empty rows) and the sheet's <dimension>
# (which counts formatted cells too) are not data. A bare literal start keeps the scan fast.
_REF = re.compile(rb'r="([A-Z]{1,3})(\d+)"')


def column_number(letters: bytes | str) -> int:
    """A1-style column letters as a number: A is 1, XFD is 16384."""
    number = 0
    for char in letters.decode() if isinstance(letters, bytes) else letters:
        number = number * 26 + ord(char) - 64
    return number


def check_xlsx(path: Path) -> None:
    """Refuse a workbook with a sheet beyond the limits (before any reader sees it).

    Raises:
        SheetTooLarge: a sheet's rows, columns, cells or size are past the limits.
    """
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                if info.file_size > MAX_SHEET_BYTES:
                    raise errors.SheetTooLarge(path=str(path), rows=f"{MAX_ROWS:,}",
                                               columns=f"{MAX_COLUMNS:,}")  # fmt: skip
                _scan(path, archive, info)


def _scan(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    rows = columns = 0
    tail = b""
    with archive.open(info) as stream:
        while chunk := stream.read(1 << 20):
            data = tail + chunk
            found = _REF.findall(data)
            if found:  # a sheet's columns are few: each distinct letters once
                letters, digits = zip(*found, strict=True)
                rows = max(rows, *map(int, digits))
                columns = max(columns, *map(column_number, set(letters)))
            if rows > MAX_ROWS + 100 or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
                raise errors.SheetTooLarge(path=str(path), rows=f"{MAX_ROWS:,}",
                                           columns=f"{MAX_COLUMNS:,}")  # fmt: skip
            tail = data[-200:]  # a reference cut by the chunk's end is seen whole next time


def too_many_rows(path: Path) -> errors.SheetTooLarge:
    return errors.SheetTooLarge(path=str(path), rows=f"{MAX_ROWS:,}", columns=f"{MAX_COLUMNS:,}")
