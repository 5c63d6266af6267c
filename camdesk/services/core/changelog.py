"""Writing and reading the change log (the audit trail and, later, the sync log)."""

from __future__ import annotations

import dataclasses
import enum
import threading
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from datetime import time as clock_time
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from camdesk.models import ChangeLog, new_id, utcnow
from camdesk.services.core import bulk
from camdesk.services.core.context import Actor


class HybridClock:
    """A hybrid logical clock: wall-clock milliseconds plus a counter.

    Its values sort in the order changes happened on one device, and stay
    ahead of every clock value seen from other devices, so merging change sets
    from replicas keeps a causal order even when device clocks disagree.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._wall = 0
        self._count = 0

    def now(self, device: str) -> str:
        with self._lock:
            wall = time.time_ns() // 1_000_000
            if wall > self._wall:
                self._wall, self._count = wall, 0
            else:
                self._count += 1
            return f"{self._wall:013d}-{self._count:05d}-{device}"

    def observe(self, stamp: str) -> None:
        """Advance past a clock value received from elsewhere."""
        wall, count = (int(part) for part in stamp.split("-", 2)[:2])
        with self._lock:
            if (wall, count) > (self._wall, self._count):
                self._wall, self._count = wall, count


CLOCK = HybridClock()


_PLAIN = frozenset({str, int, float, bool, type(None)})


def to_json(value: Any) -> Any:
    """A JSON-storable form of a column value."""
    if type(value) in _PLAIN:  # most values: nothing to convert
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date | clock_time):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, dict):  # a whole record (a new customer): mostly plain values
        return {str(k): v if type(v) in _PLAIN else to_json(v) for k, v in value.items()}
    return value


class Op(enum.StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"
    RESTORE = "restore"


@dataclass
class ChangeWriter:
    """Appends the entries of one user action (one transaction) to the log."""

    session: Session
    actor: Actor
    txn_id: uuid.UUID
    added: int = dataclasses.field(
        default=0, init=False
    )  # entries added one by one (not bulk rows)

    def add(
        self,
        table: str,
        row_id: uuid.UUID,
        op: Op,
        field: str | None = None,
        old: Any = None,
        new: Any = None,
        base_version: int | None = None,
    ) -> None:
        self.session.add(ChangeLog(**self.row(table, row_id, op, field, old, new, base_version)))
        self.added += 1

    def row(
        self,
        table: str,
        row_id: uuid.UUID,
        op: Op,
        field: str | None = None,
        old: Any = None,
        new: Any = None,
        base_version: int | None = None,
        at: datetime | None = None,
        ident: uuid.UUID | None = None,
    ) -> dict[str, Any]:
        """One entry as column values, for bulk inserts (demo data, imports); ``ident``
        is its id when the load hands them out (:func:`bulk.id_sequence`)."""
        return {
            "id": ident or new_id(),
            "txn_id": self.txn_id,
            "at": at or utcnow(),
            "hlc": CLOCK.now(self.actor.device_id),
            "device_id": self.actor.device_id,
            "user_id": self.actor.user_id,
            "table_name": table,
            "row_id": row_id,
            "op": op.value,
            "field": field,
            "old": to_json(old),
            "new": to_json(new),
            "base_version": base_version,
        }

    def inserted(self, conn: Connection, table: str, row_ids: Sequence[Any]) -> None:
        """Log the insert of many rows at once (``row_ids`` as :func:`bulk.stored_form`
        gives them), straight into the table: no objects, no per-row dictionaries."""
        if not row_ids:
            return
        size = len(row_ids)
        device = self.actor.device_id
        null = "null" if conn.dialect.name == "sqlite" else None  # JSON null, as the ORM's

        def one(name: str, value: Any) -> list[Any]:
            return [bulk.stored_value(conn, ChangeLog, name, value)] * size

        form = bulk.stored_form(conn)
        bulk.insert_columns(conn, ChangeLog, {
            "id": [form(i) for i in bulk.id_range(size)], "txn_id": one("txn_id", self.txn_id),
            "at": one("at", utcnow()), "hlc": [CLOCK.now(device) for _ in range(size)],
            "device_id": [device] * size, "user_id": one("user_id", self.actor.user_id),
            "table_name": [table] * size, "row_id": list(row_ids), "op": [Op.INSERT.value] * size,
            "field": [None] * size, "old": [null] * size, "new": [null] * size,
            "base_version": [None] * size,
        }, stored=True)  # fmt: skip

    def fields(
        self,
        table: str,
        row_id: uuid.UUID,
        changes: Iterable[tuple[str, Any, Any]],
        base_version: int | None,
    ) -> None:
        for name, old, new in changes:
            self.add(table, row_id, Op.UPDATE, name, old, new, base_version)
