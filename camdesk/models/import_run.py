"""The import history: one row per import that wrote something (Data > Imports)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from camdesk.models.base import Base, Timestamp, UTCDateTime


class ImportRun(Base):
    """An import: when, which file, who, what kind, what it did, and whether it was undone.

    Attributes:
        id: the change-log action (``txn_id``) of everything the import wrote.
        source: the file's name as the user chose it (and the sheet, if not the first).
        rows, created, updated, skipped, problems: the import's counts.
        undone_at, undone_by, undo_txn: set once the import was undone (the undo's action).
    """

    __tablename__ = "import_run"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    at: Mapped[Timestamp]
    user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    source: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))
    rows: Mapped[int] = mapped_column(Integer)
    created: Mapped[int] = mapped_column(Integer)
    updated: Mapped[int] = mapped_column(Integer)
    skipped: Mapped[int] = mapped_column(Integer)
    problems: Mapped[int] = mapped_column(Integer)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    undone_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    undo_txn: Mapped[uuid.UUID | None] = mapped_column(Uuid)

    __table_args__ = (Index("ix_import_run_at", "at"),)
