"""A customer's history as a person reads it: every change to the file and its contacts.

Read from the change log (:mod:`changelog`), including the history of customers that were
merged into this one (:mod:`merge`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select

from camdesk.db import Database
from camdesk.models import ChangeLog, Contact, User


@dataclass(frozen=True)
class ChangeEntry:
    """One line of a customer's change history, as shown to a person."""

    at: datetime
    user: str
    table: str
    op: str
    field: str | None
    old: Any
    new: Any
    txn_id: uuid.UUID


def customer_history(db: Database, customer_id: uuid.UUID) -> list[ChangeEntry]:
    """Every change to a customer and its contacts, newest first.

    A customer that others were merged into shows their history too.
    """
    from camdesk.services.customers.merge import merged_into  # merge builds on the change log

    owners = [customer_id, *merged_into(db, customer_id)]
    with db.read() as session:
        contact_ids = select(Contact.id).where(Contact.customer_id == customer_id)
        rows = session.execute(
            select(ChangeLog, User.display_name)
            .outerjoin(User, User.id == ChangeLog.user_id)
            .where(
                or_(
                    (ChangeLog.table_name == "customer") & ChangeLog.row_id.in_(owners),
                    (ChangeLog.table_name == "contact") & ChangeLog.row_id.in_(contact_ids),
                )
            )
            .order_by(ChangeLog.hlc.desc())
        ).all()
        return [
            ChangeEntry(
                at=entry.at,
                user=name or "",
                table=entry.table_name,
                op=entry.op,
                field=entry.field,
                old=entry.old,
                new=entry.new,
                txn_id=entry.txn_id,
            )
            for entry, name in rows
        ]
