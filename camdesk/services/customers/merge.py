"""Merging duplicate customers into one, as one undoable action.

The customer kept takes the field values the user chose; every contact, order
and interaction of the others moves to it, their tags join its tags, and the
others are tombstoned with a note of whom they were merged into, so the kept
customer's history shows theirs too.  Every move is in the change log under one
change id, which :func:`camdesk.services.customers.undo.undo` reverts.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import select

from camdesk.db import Database
from camdesk.errors import CamdeskError
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.models import Contact, FollowUp, Interaction, Order, PointsEntry, utcnow
from camdesk.services.core.changelog import ChangeWriter, Op
from camdesk.services.core.changes import Changes, Kind
from camdesk.services.core.context import Actor
from camdesk.services.customers import files as customers
from camdesk.services.customers.files import ContactData, CustomerData
from camdesk.services.customers.search import drop_keys

MERGED_INTO = "merged_into"  # change-log field linking a merged customer to the one kept


class MergeError(CamdeskError):
    message = QT_TRANSLATE_NOOP("errors", "Choose at least two different customers to merge.")


def merge_customers(
    db: Database, keep_id: uuid.UUID, others: Sequence[uuid.UUID], data: CustomerData, actor: Actor
) -> Changes:
    """Merge ``others`` into ``keep_id``, which takes ``data``; the changes name the
    action that undoes it and every customer it touched.

    Raises:
        MergeError: fewer than two customers.
        ValidationError: ``data`` is invalid; nothing changed.
    """
    merged = [o for o in dict.fromkeys(others) if o != keep_id]
    if not merged:
        raise MergeError()
    txn = uuid.uuid4()
    with db.write(bulk=True) as session:
        log = ChangeWriter(session, actor, txn)
        keep = customers.load_customer(session, keep_id)
        latest = keep.last_contact_at
        for other_id in merged:
            other = customers.load_customer(session, other_id)
            moved: tuple[tuple[Any, str], ...] = (
                (Contact, "contact"), (Order, "orders"), (Interaction, "interaction"),
                (FollowUp, "follow_up"))  # fmt: skip
            for model, table in moved:
                rows = session.execute(
                    select(model).where(model.customer_id == other_id, model.deleted_at.is_(None))
                ).scalars()
                for row in rows:
                    row.customer_id = keep_id
                    log.add(table, row.id, Op.UPDATE, "customer_id", other_id, keep_id,
                            row.version)  # fmt: skip
            # Loyalty points go with the customer: the ledger's entries move (undo moves
            # them back); they are never edited otherwise.
            for entry in session.execute(
                select(PointsEntry).where(PointsEntry.customer_id == other_id)
            ).scalars():
                entry.customer_id = keep_id
                log.add("points_entry", entry.id, Op.UPDATE, "customer_id", other_id, keep_id)
            if other.last_contact_at and (latest is None or other.last_contact_at > latest):
                latest = other.last_contact_at
            other.deleted_at = utcnow()
            other.updated_by = actor.user_id
            log.add("customer", other_id, Op.DELETE, base_version=other.version)
            log.add("customer", other_id, Op.UPDATE, MERGED_INTO, None, keep_id, other.version)
            drop_keys(session, [other_id])
        session.flush()  # the others' codes are free for the customer kept
        # The contacts that moved belong to the customer kept, beside those the caller lists.
        listed = {c.id for c in data.contacts if c.id}
        moved_contacts = session.execute(
            select(Contact).where(Contact.customer_id == keep_id, Contact.deleted_at.is_(None))
        ).scalars()
        extra = tuple(
            ContactData(id=c.id, **{n: getattr(c, n) for n in customers.CONTACT_FIELDS})
            for c in moved_contacts
            if c.id not in listed
        )
        session.expire(keep, ["contacts"])
        values = customers.validated(session, replace(data, contacts=(*data.contacts, *extra)),
                                     keep_id, required=False)  # fmt: skip
        if latest != keep.last_contact_at:
            log.add("customer", keep_id, Op.UPDATE, "last_contact_at", keep.last_contact_at,
                    latest, keep.version)  # fmt: skip
            keep.last_contact_at = latest
        keep.updated_by = actor.user_id
        customers.apply_values(session, keep, values, log, keep.version)
    return Changes.of(
        Kind.FILES | Kind.ORDERS | Kind.INTERACTIONS | Kind.POINTS, [keep_id, *merged], txn
    )


def merged_into(db: Database, keep_id: uuid.UUID) -> list[uuid.UUID]:
    """The customers that were merged into ``keep_id`` (and not taken apart again)."""
    from camdesk.models import ChangeLog, Customer

    with db.read() as session:
        links = session.execute(
            select(ChangeLog.row_id, ChangeLog.new).where(ChangeLog.field == MERGED_INTO)
        ).all()
        found = [row_id for row_id, new in links if new == str(keep_id)]
        gone = session.execute(
            select(Customer.id).where(Customer.id.in_(found), Customer.deleted_at.is_not(None))
        ).scalars()
        return list(gone)
