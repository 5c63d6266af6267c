#!/usr/bin/env python3
"""Import/export benchmark: a 100,000-row customer sheet in, beside a raw read of it.

    .venv/bin/python benchmarks/import_export.py [--rows N] [--dir DIR]

Builds (once, in DIR, default ~/.cache/camdesk-bench) a demo database of N
customers and a customer workbook written from it, the way a user's sheet looks
(phones as numbers in half the rows, "浙江省" style provinces in a third).
Then measures, in this run:

- ``import_s``: reading, checking and writing that workbook into a new database;
- ``raw_read_s``: python-calamine reading the same workbook into lists (the reference);
- ``raw_store_s``: bare sqlite3 storing the rows that import wrote (customers, their
  search rows through the same ordered stage, change log) into a new database with
  the same schema, and committing: what the writing costs with no Python per row.

- ``export_s``: exporting those customers (every field) to .xlsx;
- ``raw_write_s``: a bare openpyxl write-only workbook of the same cells (the reference).

- ``import_ratio``: import_s / (raw_read_s + raw_store_s), the target being at most 1.5;
- ``python_floor_s``: the least Python a row needs with the libraries camdesk uses (see
  :func:`python_floor`), ``least_ratio`` = (raw_read_s + raw_store_s + python_floor_s) /
  (raw_read_s + raw_store_s), the lowest import_ratio this machine allows, and
  ``floor_ratio`` = import_s / (raw_read_s + raw_store_s + python_floor_s);
- ``import_into_1m_s``: the same workbook imported into a copy of the 1,000,000-customer
  demo file (its codes start with "B", so its rows are new there too), and
  ``into_1m_ratio`` = import_into_1m_s / import_s (target: at most 1.3);
- ``raw_store_1m_s``: bare sqlite3 storing the rows that import wrote into a fresh copy of
  the 1M file (with the same ids), ``raw_1m_ratio`` = raw_store_1m_s / raw_store_s (what a
  million customers already there cost the bare writes), and ``import_into_1m_ratio`` =
  import_into_1m_s / (raw_read_s + raw_store_1m_s);
- ``undo_s``: undoing the 100,000-row import from the import history.

Both imports start once the database is open and, as the window does, checked (a large
file is checked in the background as it opens; the import does not check it again).

- ``dedupe_s``: the duplicate scan of the 1,000,000-customer demo database that
  benchmarks/customers.py builds (null, with a note, if it has not been built).
Prints the figures, then one JSON line.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = ["客户名称", "客户编号", "手机号码", "邮箱", "生日", "省份", "城市", "详细地址", "公司", "客户来源"]  # fmt: skip


def ensure_sheet(folder: Path, rows: int) -> Path:
    # Codes start with "B": the same rows are new customers in the 1,000,000-customer file too.
    sheet = folder / f"customers-{rows}-b.xlsx"
    if sheet.exists():
        return sheet
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / f"import-source-{rows}.db"
    if not source.exists():
        print(f"building {source} (once) ...", flush=True)
        partial = source.with_suffix(".building")
        partial.unlink(missing_ok=True)
        subprocess.run(
            [sys.executable, "-m", "camdesk", "demo", "--db", str(partial), "--customers",
             str(rows), "--orders", "0", "--seed", "3"],
            check=True, capture_output=True,
        )  # fmt: skip
        partial.rename(source)

    from openpyxl import Workbook

    conn = sqlite3.connect(source)
    found = conn.execute(
        "SELECT name, code, mobile, email, birthday, province, city, address, company_name, "
        "source FROM customer WHERE deleted_at IS NULL ORDER BY rowid"
    ).fetchall()
    conn.close()
    book = Workbook(write_only=True)
    out = book.create_sheet("客户")
    out.append(HEADER)
    for n, (
        name,
        code,
        mobile,
        email,
        birthday,
        province,
        city,
        address,
        company,
        src,
    ) in enumerate(found):
        phone = mobile[3:] if mobile else None
        out.append([name, f"B{code}" if code else None, int(phone) if phone and n % 2 else phone, email, birthday,
                    f"{province}省" if province and n % 3 == 0 else province, city, address,
                    company, src])  # fmt: skip
    partial_sheet = sheet.with_suffix(".partial.xlsx")
    book.save(partial_sheet)
    partial_sheet.rename(sheet)
    return sheet


def raw_read(sheet: Path) -> float:
    from python_calamine import CalamineWorkbook

    started = time.perf_counter()
    rows = list(CalamineWorkbook.from_path(str(sheet)).get_sheet_by_index(0).iter_rows())
    assert rows
    return time.perf_counter() - started


def python_floor(sheet: Path) -> float:
    """The Python a row needs at the least with the libraries camdesk uses, and nothing
    else: cells trimmed into a record, the mobile in E.164 (its fast path), the email
    normalised (email-validator), the name's pinyin (pypinyin, no cache), and the customer,
    search and change-log rows as dictionaries with the log entry's JSON; seconds."""
    from email_validator import EmailNotValidError, validate_email
    from pypinyin import Style, lazy_pinyin
    from python_calamine import CalamineWorkbook

    rows = list(CalamineWorkbook.from_path(str(sheet)).get_sheet_by_index(0).iter_rows())[1:]
    names = HEADER
    started = time.perf_counter()
    made = []
    for number, cells in enumerate(rows):
        record = {k: (str(int(v)) if isinstance(v, float) else str(v)).strip() or None
                  for k, v in zip(names, cells, strict=False)}  # fmt: skip
        mobile = record["手机号码"]
        if mobile and len(mobile) == 11 and mobile.isdigit():
            record["手机号码"] = "+86" + mobile
        if record["邮箱"]:
            with contextlib.suppress(EmailNotValidError):
                record["邮箱"] = validate_email(
                    record["邮箱"], check_deliverability=False
                ).normalized
        key = "".join(lazy_pinyin(record["客户名称"] or "", style=Style.NORMAL))
        ident = f"{number:032x}"
        made.append((
            record | {"id": ident, "sort_key": key},
            {"customer_id": ident, "words": key, "subs": record["客户名称"], "sort_key": key},
            {"id": ident, "row_id": ident, "new": json.dumps(record, ensure_ascii=False)},
        ))  # fmt: skip
    return time.perf_counter() - started


def raw_store(source_path: Path, target: Path, base: Path | None = None) -> float:
    """Store the rows one import wrote into ``source_path`` again, with bare sqlite3
    executemany: into an empty copy of the schema (FTS tables and triggers included), or
    into a copy of ``base`` (the file the import went into); seconds including the commit."""
    source = sqlite3.connect(source_path)
    schema = [sql for (sql,) in source.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "AND name NOT GLOB 'search_*_fts_*' ORDER BY rowid")]  # fmt: skip
    (txn,) = source.execute("SELECT id FROM import_run ORDER BY at DESC").fetchone()
    new = ("SELECT row_id FROM change_log WHERE txn_id = :txn AND table_name = 'customer' "
           "AND op = 'insert'")  # fmt: skip
    wanted = {"customer": f"id IN ({new})", "customer_search": f"customer_id IN ({new})",
              "change_log": "txn_id = :txn", "customer_tag": f"customer_id IN ({new})"}  # fmt: skip
    tables = {name: source.execute(f"SELECT * FROM {name} WHERE {where}", {"txn": txn}).fetchall()
              for name, where in wanted.items()}  # fmt: skip
    source.close()
    if base is not None:
        shutil.copy(base, target)  # not timed
        with target.open("rb") as fh:  # the OS cache holds it, as for the import
            while fh.read(1 << 24):
                pass
    conn = sqlite3.connect(target, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "cache_size=-65536"):
        conn.execute(f"PRAGMA {pragma}")
    if base is None:
        for sql in schema:
            conn.execute(sql)
    started = time.perf_counter()
    conn.execute("BEGIN")
    for name, rows in tables.items():
        if not rows:
            continue
        marks = ", ".join("?" * len(rows[0]))
        if name == "customer_search":  # as camdesk does it: one ordered insert (see bulk)
            conn.execute("CREATE TEMP TABLE stage AS SELECT * FROM customer_search WHERE 0")
            conn.executemany(f"INSERT INTO stage VALUES ({marks})", rows)
            conn.execute("INSERT INTO customer_search SELECT * FROM stage ORDER BY id")
        else:
            conn.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def timed_export(folder: Path) -> tuple[float, float]:
    """Export the imported customers, and write the same cells with bare openpyxl."""
    from openpyxl import Workbook
    from python_calamine import CalamineWorkbook

    from camdesk.db import open_database
    from camdesk.services.data.export import export_customers

    db = open_database(folder / "import-target.db", create=False)
    out = folder / "export.xlsx"
    started = time.perf_counter()
    export_customers(db, out)
    exported = time.perf_counter() - started
    db.close()
    cells = list(CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).iter_rows())
    started = time.perf_counter()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("raw")
    for row in cells:
        sheet.append(row)
    book.save(folder / "raw.xlsx")
    return exported, time.perf_counter() - started


def timed_dedupe(folder: Path) -> tuple[float | None, int]:
    from camdesk.db import open_database
    from camdesk.services.data.dedupe import find_duplicates

    path = folder / "customers-1000000.db"
    if not path.exists():
        return None, 0
    db = open_database(path, create=False)
    started = time.perf_counter()
    groups = find_duplicates(db)
    elapsed = time.perf_counter() - started
    db.close()
    return elapsed, len(groups)


def timed_import(sheet: Path, target: Path, *, fresh: bool = True) -> tuple[float, dict[str, int]]:
    """Read, check and write the sheet into ``target`` (a new database when ``fresh``)."""
    from camdesk.db import open_database
    from camdesk.services.core.users import local_actor
    from camdesk.services.data.imports.customers import ImportOptions, import_customers
    from camdesk.services.data.imports.fields import ImportKind, guess_mapping
    from camdesk.services.data.sheets import read_table

    if fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
    db = open_database(target, create=fresh)
    if not db.checked:  # as the window does: a large file's pages are checked as it opens,
        db.verify()  # while the user picks a sheet (the import does not check them again)
    actor = local_actor(db)
    started = time.perf_counter()
    table = read_table(sheet)
    mapping = guess_mapping(table.headers, ImportKind.CUSTOMERS)
    report = import_customers(db, table, ImportOptions(mapping=mapping), actor)
    elapsed = time.perf_counter() - started
    db.close()
    return elapsed, {"created": report.created, "updated": report.updated,
                     "rejected": report.rejected}  # fmt: skip


def timed_undo(target: Path) -> float:
    """Undo the import just made in ``target`` (from the import history)."""
    from camdesk.db import open_database
    from camdesk.services.core.users import local_actor
    from camdesk.services.data.imports.history import list_imports, undo_import

    db = open_database(target, create=False)
    run = list_imports(db)[0]
    started = time.perf_counter()
    undo_import(db, run.id, local_actor(db))
    elapsed = time.perf_counter() - started
    db.close()
    return elapsed


def timed_import_into_1m(
    sheet: Path, folder: Path, work: Path
) -> tuple[float | None, dict[str, int]]:
    """The same sheet imported into a copy of the 1,000,000-customer benchmark file."""
    source = folder / "customers-1000000.db"
    if not source.exists():
        return None, {}
    target = work / "import-1m.db"
    shutil.copy(source, target)  # not timed
    with target.open("rb") as fh:  # read once: the OS cache holds it, as for the empty file
        while fh.read(1 << 24):
            pass
    return timed_import(sheet, target, fresh=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=Path.home() / ".cache" / "camdesk-bench")
    parser.add_argument(
        "--skip-1m",
        action="store_true",
        help="leave out the import into and the dedupe of the 1M file",
    )
    args = parser.parse_args()
    sheet = ensure_sheet(args.dir, args.rows)
    work = args.dir / "import-work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    raw = min(raw_read(sheet) for _ in range(3))
    floor = min(python_floor(sheet) for _ in range(2))
    imported, counts = timed_import(sheet, work / "import-target.db")
    stored = raw_store(work / "import-target.db", work / "raw-store.db")
    exported, raw_write = timed_export(work)
    undone = timed_undo(work / "import-target.db")
    into_1m, counts_1m = (None, {}) if args.skip_1m else timed_import_into_1m(sheet, args.dir, work)
    stored_1m = None
    if into_1m is not None:
        (work / "raw-store.db").unlink()
        stored_1m = raw_store(work / "import-1m.db", work / "raw-1m.db",
                              args.dir / "customers-1000000.db")  # fmt: skip
    shutil.rmtree(work, ignore_errors=True)
    deduped, groups = (None, 0) if args.skip_1m else timed_dedupe(args.dir)
    print(f"rows:                 {args.rows:,}")
    print(f"import (read, check, write): {imported:.2f} s   ({counts['created']:,} created, "
          f"{counts['rejected']:,} rejected)")  # fmt: skip
    print(f"raw read (calamine):  {raw:.2f} s   (import is {imported / raw:.1f}x)")
    print(f"raw store (sqlite3):  {stored:.2f} s   (the same rows written with no Python per row; "
          f"read + store: {raw + stored:.2f} s; import is {imported / (raw + stored):.2f}x)")  # fmt: skip
    print(f"python floor:         {floor:.2f} s   (the least Python a row needs, see "
          f"python_floor; read + store + floor: {raw + stored + floor:.2f} s, the least an "
          f"import can take here: {(raw + stored + floor) / (raw + stored):.2f}x read + store; "
          f"import is {imported / (raw + stored + floor):.2f}x it)")  # fmt: skip
    if into_1m is not None:
        print(f"import into 1M file:  {into_1m:.2f} s   ({counts_1m['created']:,} created, "
              f"{counts_1m['updated']:,} updated; {into_1m / imported:.2f}x the empty file)")  # fmt: skip
        print(f"raw store into 1M:    {stored_1m:.2f} s   ({stored_1m / stored:.2f}x the empty "
              f"file; import into 1M is {into_1m / (raw + stored_1m):.2f}x read + store)")  # fmt: skip
    print(f"undo of the import:   {undone:.2f} s")
    print(f"export:               {exported:.2f} s   (bare openpyxl write-only of the same cells: "
          f"{raw_write:.2f} s, {exported / raw_write:.1f}x)")  # fmt: skip
    if deduped is None:
        print(
            "dedupe:               skipped: run benchmarks/customers.py once to build the 1M file"
        )
    else:
        print(f"dedupe of 1,000,000:  {deduped:.1f} s   ({groups:,} groups)")
    print(json.dumps({
        "benchmark": "import_export", "rows": args.rows, "import_s": round(imported, 2),
        "raw_read_s": round(raw, 2), "raw_store_s": round(stored, 2),
        "import_ratio": round(imported / (raw + stored), 2),
        "python_floor_s": round(floor, 2),
        "least_ratio": round((raw + stored + floor) / (raw + stored), 2),
        "floor_ratio": round(imported / (raw + stored + floor), 2),
        "import_into_1m_s": None if into_1m is None else round(into_1m, 2),
        "into_1m_ratio": None if into_1m is None else round(into_1m / imported, 2),
        "raw_store_1m_s": None if stored_1m is None else round(stored_1m, 2),
        "raw_1m_ratio": None if stored_1m is None else round(stored_1m / stored, 2),
        "import_into_1m_ratio": None if into_1m is None or stored_1m is None
        else round(into_1m / (raw + stored_1m), 2),
        "undo_s": round(undone, 2),
        "export_s": round(exported, 2),
        "raw_write_s": round(raw_write, 2),
        "dedupe_s": None if deduped is None else round(deduped, 1),
    }))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
