"""The change log: every change to a record, field by field.

It is the audit trail now and the replication log later: an append-only row
per changed field, written in the same transaction as the edit, carrying what
sync needs to merge (device, hybrid logical clock, base version).
"""

from __future__ import annotations

import uuid

from sqlalchemy import JSON, Index, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from camdesk.models.base import UUIDPK, Base, Timestamp


class ChangeLog(Base):
    """One changed field of one row (or a whole-row insert/delete/restore).

    Attributes:
        txn_id: groups the entries of one user action (what one undo reverts).
        hlc: hybrid logical clock, sortable text, orders changes across devices.
        op: insert, update, delete or restore.
        field: the changed column, or None for a whole-row event.
        old, new: JSON values before and after.
        base_version: the row's version the change was made against.
    """

    __tablename__ = "change_log"

    id: Mapped[UUIDPK]
    txn_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    at: Mapped[Timestamp]
    hlc: Mapped[str] = mapped_column(String(40))
    device_id: Mapped[str] = mapped_column(String(40))
    user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    op: Mapped[str] = mapped_column(String(10))
    field: Mapped[str | None] = mapped_column(String(60))
    old: Mapped[object | None] = mapped_column(JSON)
    new: Mapped[object | None] = mapped_column(JSON)
    base_version: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        Index("ix_change_log_row", "table_name", "row_id", "hlc"),
        Index("ix_change_log_txn", "txn_id"),
        Index("ix_change_log_hlc", "hlc"),
    )


class AppMeta(Base):
    """Key/value facts about the database itself (which application, created when)."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


__all__ = ["AppMeta", "ChangeLog"]
