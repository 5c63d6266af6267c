"""Reading many rows fast: the driver's own cursor, no ORM objects, and one id type.

A million rows through the ORM cost seconds and hundreds of megabytes; the driver's cursor
hands back plain tuples. SQLite gives ids as 32 hex digits and dates as ISO text,
PostgreSQL as ``uuid.UUID`` and ``date``: :func:`as_uuid` makes either an id.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the quick first page uses as_uuid without loading SQLAlchemy
    from sqlalchemy.orm import Session


@contextmanager
def raw_cursor(session: Session, statement: Any) -> Iterator[Any]:
    """The driver's cursor over ``statement`` (a SQLAlchemy select, its values inlined),
    closed when the block ends."""
    compiled = statement.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
    cursor: Any = session.connection().connection.cursor()
    try:
        cursor.execute(str(compiled))
        yield cursor
    finally:
        cursor.close()


def raw_rows(session: Session, statement: Any) -> list[tuple[Any, ...]]:
    """Every row of ``statement`` as the driver returns it."""
    with raw_cursor(session, statement) as cursor:
        return list(cursor.fetchall())


def raw_batches(session: Session, statement: Any, size: int = 50_000) -> Iterator[list[Any]]:
    """Like :func:`raw_rows`, a batch at a time (for results too big to hold at once)."""
    with raw_cursor(session, statement) as cursor:
        while batch := cursor.fetchmany(size):
            yield batch


def as_uuid(value: Any) -> uuid.UUID:
    """An id as the driver or a caller gives it (a UUID, or its text) as a UUID."""
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
