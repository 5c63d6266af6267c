"""Saved segments: named customer filters shared by the team (客户分群)."""

from __future__ import annotations

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from camdesk.models.base import Base, Tracked
from camdesk.models.customer import ALIVE


class Segment(Tracked, Base):
    """A named list of conditions (JSON, see :mod:`camdesk.services.lists.criteria`).

    The list is live: opening a segment runs its conditions on today's data.
    """

    __tablename__ = "segment"

    name: Mapped[str] = mapped_column(String(100))
    criteria: Mapped[str] = mapped_column(Text)
    search: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index(
            "uq_segment_name_alive", "name", unique=True, sqlite_where=ALIVE, postgresql_where=ALIVE
        ),
    )
