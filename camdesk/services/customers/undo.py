"""Undo: revert one user action recorded in the change log.

An undo is itself a new action in the log (so it can be undone in turn).  A
field is only put back if it still holds the value the action wrote; if
someone changed it since, nothing is reverted and :class:`UndoError` explains.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from camdesk.db import Database
from camdesk.errors import NotFound, UndoError
from camdesk.models import (
    ChangeLog,
    Contact,
    Customer,
    CustomerKind,
    FollowUp,
    Gender,
    Interaction,
    Order,
    PointsEntry,
    utcnow,
)
from camdesk.services.core.changelog import ChangeWriter, Op, to_json
from camdesk.services.core.changes import Changes, Kind
from camdesk.services.core.context import Actor
from camdesk.services.core.progress import step
from camdesk.services.core.validation import Checker
from camdesk.services.customers import files as customers
from camdesk.services.customers import undo_definitions as defs
from camdesk.services.customers.custom_fields import parse_value
from camdesk.services.customers.merge import MERGED_INTO
from camdesk.services.customers.search import drop_keys, sort_key

_DECODE = {
    "kind": CustomerKind,
    "gender": Gender,
    "birthday": date.fromisoformat,
    "owner_id": uuid.UUID,
    "customer_id": uuid.UUID,  # a merge moved the row
    "last_contact_at": datetime.fromisoformat,
    "ordered_on": date.fromisoformat,  # an order edited by hand
}
_TABLES: dict[str, Any] = {
    "customer": Customer, "contact": Contact, "orders": Order, "interaction": Interaction,
    "points_entry": PointsEntry,  # moved by a merge
    "follow_up": FollowUp,  # tombstoned with its customer, moved by a merge
}  # fmt: skip
_KINDS = {"customer": Kind.FILES, "contact": Kind.FILES, "orders": Kind.ORDERS | Kind.POINTS,
          "interaction": Kind.INTERACTIONS, "points_entry": Kind.POINTS,
          "follow_up": Kind.FOLLOWUPS}  # fmt: skip


def _decode(name: str, value: Any) -> Any:
    if value is None or name not in _DECODE:
        return value
    return _DECODE[name](value)


def _revert_row(row: Customer | Contact, entry: ChangeLog, log: ChangeWriter) -> None:
    table = entry.table_name
    if entry.op in (Op.INSERT, Op.RESTORE):
        if row.deleted_at is None:
            row.deleted_at = utcnow()
            log.add(table, row.id, Op.DELETE, base_version=row.version)
    elif entry.op == Op.DELETE and row.deleted_at is not None:
        row.deleted_at = None
        log.add(table, row.id, Op.RESTORE, base_version=row.version)


def _revert_field(
    session: Session,
    row: Customer | Contact,
    entry: ChangeLog,
    log: ChangeWriter,
    renamed: dict[str, str],
) -> None:
    name = entry.field or ""
    if name == MERGED_INTO:  # only a note; reverting the tombstone takes the merge apart
        return
    if name == "tags":
        current: Any = sorted(renamed.get(n, n) for n in customers.tags_of(session, row.id))
    elif name.startswith("custom:"):
        current = to_json(customers.custom_of(session, row.id).get(name[7:]))
    else:
        current = to_json(getattr(row, name))
    if current != entry.new:
        raise UndoError()
    if name == "tags":
        old_tags = entry.old if isinstance(entry.old, list) else []
        customers.set_tags(session, row.id, [str(t) for t in old_tags])
    elif name.startswith("custom:"):
        key = name[7:]
        definitions = {f.key: f for f in customers.field_infos(session)}
        if key in definitions:
            value = parse_value(definitions[key], entry.old, Checker())
            customers.set_custom(session, row.id, key, value)
    else:
        setattr(row, name, _decode(name, entry.old))
    log.add(entry.table_name, row.id, Op.UPDATE, name, entry.new, entry.old,
            getattr(row, "version", None))  # fmt: skip


@dataclass(frozen=True)
class Kept:
    """What a partial undo left as it is: the row (a customer's or one of its parts), the
    field (None: the whole row) and the customer it belongs to."""

    table: str
    row_id: uuid.UUID
    field: str | None
    customer_id: uuid.UUID | None


def undo(db: Database, txn_id: uuid.UUID, actor: Actor) -> Changes:
    """Revert the action ``txn_id``; the changes name the undo's own action (undoing it
    redoes) and the customers whose data it reverted.  All or nothing: anything changed
    since raises :class:`UndoError`."""
    return _undo(db, txn_id, actor, partly=False)[0]


def undo_partly(db: Database, txn_id: uuid.UUID, actor: Actor, *,
                progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> tuple[Changes, list[Kept]]:  # fmt: skip
    """Revert what of ``txn_id`` nobody changed since (an import's undo) and keep the rest:
    a row created by it that was edited since stays, as does a field changed since; what
    was kept is returned.  One transaction: a cancel leaves everything as it was."""
    return _undo(db, txn_id, actor, partly=True, progress=progress, cancelled=cancelled)


def _undo(db: Database, txn_id: uuid.UUID, actor: Actor, *, partly: bool,
          progress: Callable[[int, int], None] | None = None,
          cancelled: Callable[[], bool] | None = None) -> tuple[Changes, list[Kept]]:  # fmt: skip
    new_txn = uuid.uuid4()
    kept: list[Kept] = []
    with db.write(bulk=partly) as session:
        entries = (
            session.execute(
                select(ChangeLog).where(ChangeLog.txn_id == txn_id).order_by(ChangeLog.hlc.desc())
            )
            .scalars()
            .all()
        )
        if not entries:
            raise NotFound(what="change")
        log = ChangeWriter(session, actor, new_txn)
        # Undoing a creation removes the row; its initial field values need no reverting.
        created = {e.row_id for e in entries if e.op == Op.INSERT}
        touched: dict[uuid.UUID, Customer] = {}
        versions: dict[uuid.UUID, int] = {}  # as read, before this undo wrote anything
        kinds, whose = Kind.NONE, set()
        later = _changed_later(session, txn_id, created) if partly else set()
        staying = {e.row_id for e in entries if e.table_name == "customer" and e.row_id in later}
        loaded = _load_rows(session, entries)  # held: session.get then finds them at once
        renamed = defs.tags_back(session, entries, log)
        if defs.choices_back(session, entries, log):
            kinds |= Kind.FIELDS | Kind.FILES | Kind.SEGMENTS
        for number, entry in enumerate(entries):
            if number % 500 == 0:
                step(progress, cancelled, number, len(entries))
            if entry.table_name in defs.TABLES:
                continue  # tags before the loop, tags and fields after it
            model = _TABLES.get(entry.table_name)
            row: Any = session.get(model, entry.row_id) if model is not None else None
            if row is None:
                if not partly:
                    raise NotFound(what=entry.table_name)
                kept.append(Kept(entry.table_name, entry.row_id, entry.field, None))
                continue
            owner_id = row.id if isinstance(row, Customer) else row.customer_id
            if owner_id in staying and entry.row_id in created and entry.row_id != owner_id:
                continue  # what came with a customer that stays, stays with it
            if entry.row_id in later and (entry.op == Op.INSERT or entry.field is None):
                kept.append(Kept(entry.table_name, row.id, entry.field, owner_id))
                continue
            kinds |= _KINDS[entry.table_name]
            whose.add(owner_id)
            if hasattr(row, "updated_by"):  # points entries record only who made them
                row.updated_by = actor.user_id
            if entry.field is not None and entry.row_id in created:
                pass
            elif entry.field is None:
                _revert_row(row, entry, log)
            else:
                try:
                    _revert_field(session, row, entry, log, renamed)
                except UndoError:
                    if not partly:
                        raise
                    kept.append(Kept(entry.table_name, row.id, entry.field, owner_id))
                    continue
            if isinstance(row, Customer | Contact):  # search keys hold names and contacts
                owner = row if isinstance(row, Customer) else session.get(Customer, row.customer_id)
                if owner is not None:
                    touched[owner.id] = owner
                    versions.setdefault(owner.id, owner.version)
        try:
            session.flush()
        except IntegrityError:  # e.g. a restored customer's code was reused since
            raise UndoError() from None
        defs.tags_gone(session, entries, log)
        fields_changed, fields_kept = defs.fields_back(session, entries, log, partly=partly)
        if fields_changed:
            kinds |= Kind.FIELDS | Kind.FILES
        kept += [Kept("custom_field", f.field_id, f"custom:{f.key}", None) for f in fields_kept
                 if partly]  # fmt: skip
        for ident, customer in touched.items():  # tags, custom values, contacts: the file moved on
            if customer.version == versions[ident]:
                customers.touch(customer)
        session.flush()
        drop_keys(session, [c.id for c in touched.values() if c.deleted_at is not None])
        for customer in (c for c in touched.values() if c.deleted_at is None):
            customer.sort_key = sort_key(customer.name, person=customer.kind is CustomerKind.PERSON)
            session.refresh(customer, ["contacts"])
            customers.refresh_search_keys(session, customer)
        step(progress, None, len(entries), len(entries))
        del loaded
    return Changes.of(kinds, whose, new_txn), kept


def _load_rows(session: Session, entries: Sequence[ChangeLog]) -> list[Any]:
    """Read the rows the entries name, 500 per query, into the session (which holds
    objects weakly: the caller keeps the list while it works on them)."""
    wanted: dict[Any, set[uuid.UUID]] = {}
    for entry in entries:
        model = _TABLES.get(entry.table_name)
        if model is not None:
            wanted.setdefault(model, set()).add(entry.row_id)
    loaded: list[Any] = []
    for model, ids in wanted.items():
        ordered = sorted(ids)
        for start in range(0, len(ordered), 500):
            chunk = ordered[start : start + 500]
            loaded += session.scalars(select(model).where(model.id.in_(chunk))).all()
    return loaded


def _changed_later(session: Session, txn_id: uuid.UUID, rows: set[uuid.UUID]) -> set[uuid.UUID]:
    """The rows of ``rows`` (created by ``txn_id``) another action changed since: any
    other entry in the log names them (every write of a file logs what it changed)."""
    wanted, found = sorted(rows), set[uuid.UUID]()
    for start in range(0, len(wanted), 500):
        found.update(session.scalars(
            select(ChangeLog.row_id).where(ChangeLog.row_id.in_(wanted[start : start + 500]),
                                           ChangeLog.txn_id != txn_id).distinct()
        ))  # fmt: skip
    return found


def last_action(db: Database, customer_id: uuid.UUID) -> uuid.UUID | None:
    """The most recent action on a customer, for an Undo command."""
    with db.read() as session:
        return session.execute(
            select(ChangeLog.txn_id)
            .where(ChangeLog.table_name == "customer", ChangeLog.row_id == customer_id)
            .order_by(ChangeLog.hlc.desc())
            .limit(1)
        ).scalar()
