"""Bulk inserts for imports and demo data: many rows, one statement, little overhead.

SQLAlchemy's Core ``insert()`` with a list of dicts spends about as long on its
per-parameter bookkeeping as SQLite spends storing the rows.  On SQLite the rows
are converted here with each column type's own bind processor (so values are
stored exactly as the ORM stores them) and handed to the driver's executemany;
other databases take the Core path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

from sqlalchemy import Connection, Table, insert


def insert_rows(conn: Connection, model: Any, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (column name -> value; all rows with the same keys) into ``model``."""
    if not rows:
        return
    table = cast(Table, model.__table__)
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), list(rows))
        return
    names = list(rows[0])
    processors: list[Callable[[Any], Any] | None] = [
        table.c[name].type.bind_processor(conn.dialect) for name in names
    ]
    quoted = ", ".join(conn.dialect.identifier_preparer.quote(n) for n in names)
    marks = ", ".join("?" * len(names))
    statement = f"INSERT INTO {table.name} ({quoted}) VALUES ({marks})"
    params = [
        tuple(
            value if process is None else process(value)
            for value, process in zip((row[n] for n in names), processors, strict=True)
        )
        for row in rows
    ]
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(statement, params)
    finally:
        cursor.close()
