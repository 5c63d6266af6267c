"""Values an import left out of a row it imported: kept, so a person can put them right."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from camdesk.models.base import UUIDPK, Base, Timestamp, UTCDateTime


class LeftOutValue(Base):
    """One cell of an imported row that was not stored, with the reason.

    Attributes:
        field: the customer field it was meant for ("mobile", "custom:level", "owner").
        value: the cell as the file had it.
        message, params: why (English source text, context "errors", and its values).
        txn_id: the import's change id.
        dismissed_at: a person saw it and chose to keep the file as it is.
    """

    __tablename__ = "left_out_value"

    id: Mapped[UUIDPK]
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    field: Mapped[str] = mapped_column(String(80))
    value: Mapped[str] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)
    params: Mapped[object | None] = mapped_column(JSON)
    txn_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    created_at: Mapped[Timestamp]
    created_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    dismissed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_left_out_value_customer", "customer_id"),)
