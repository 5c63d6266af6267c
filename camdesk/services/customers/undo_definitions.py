"""Undo of the definitions an action changed besides customers: tags, custom fields and
the saved segments that follow a field.

A tag renamed, merged or deleted logs its own row ("tag"), so undo gives back the tag
itself (its name, colour and id) before the customers' lists are put back; a field's
renamed choices (and the saved segments' criteria that followed them) are put back
before its values, likewise.  A custom field an import made for a column logs its
creation ("custom_field"), so undoing the import retires the field again once no live
customer holds a value of it; a field someone changed since (renamed, made required or
searchable) or that holds values stays, and a partial undo lists it.  Undoing that undo
brings the field back.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from camdesk.errors import UndoError
from camdesk.models import ChangeLog, CustomerTag, CustomField, Segment, Tag, utcnow
from camdesk.services.core.changelog import ChangeWriter, Op
from camdesk.services.customers import files as customers
from camdesk.services.customers.field_settings import held_by, label_taken

TABLES = ("tag", "custom_field", "segment")  # handled here, not as customers' rows


@dataclass(frozen=True)
class FieldKept:
    """A field the undo left as it is (live, or retired where it could not come back):
    its key and id."""

    key: str
    field_id: uuid.UUID


def tags_back(session: Session, entries: Sequence[ChangeLog], log: ChangeWriter
              ) -> dict[str, str]:  # fmt: skip
    """Before the customers' tag lists are put back: a renamed tag takes its old name
    again and a deleted or merged one comes back, so the lists find that tag (its colour)
    rather than a new one of the name. Returns old name -> the name the action gave it
    (what the customers' logged lists hold)."""
    renamed: dict[str, str] = {}
    for entry in entries:
        if entry.table_name != "tag":
            continue
        tag = session.get(Tag, entry.row_id)
        if tag is None:
            raise UndoError()
        if entry.field == "name":
            old, new = str(entry.old), str(entry.new)
            if tag.deleted_at is not None or tag.name != new or customers.live_tag(session, old):
                raise UndoError()  # renamed, merged or deleted since, or the name is taken
            tag.name = old
            log.add("tag", tag.id, Op.UPDATE, "name", new, old, tag.version)
            renamed[old] = new
        elif (
            entry.op == Op.DELETE
            and tag.deleted_at is not None
            and customers.live_tag(session, tag.name) is None
        ):  # a new tag of the name since: the lists take that one
            tag.deleted_at = None
            log.add("tag", tag.id, Op.RESTORE, base_version=tag.version)
    session.flush()
    return renamed


def tags_gone(session: Session, entries: Sequence[ChangeLog], log: ChangeWriter) -> None:
    """After the lists: a tag the action brought back (an undone delete, redone now) is
    deleted again once nobody carries it, so a link always points at a live tag."""
    for entry in entries:
        if entry.table_name != "tag" or entry.op != Op.RESTORE:
            continue
        tag = session.get(Tag, entry.row_id)
        carried = session.scalar(
            select(CustomerTag.customer_id).where(CustomerTag.tag_id == entry.row_id).limit(1)
        )
        if tag is not None and tag.deleted_at is None and carried is None:
            tag.deleted_at = utcnow()
            log.add("tag", tag.id, Op.DELETE, base_version=tag.version)
    session.flush()


def choices_back(session: Session, entries: Sequence[ChangeLog], log: ChangeWriter) -> bool:
    """Before the customers' values: a field whose choices were renamed gets its old
    choices again, so the values put back are choices once more, and the saved segments
    that followed the rename get their old criteria.  A field or segment changed since
    refuses (:class:`UndoError`).  Whether any field changed."""
    changed = False
    for entry in entries:
        if entry.table_name == "segment" and entry.field == "criteria":
            segment = session.get(Segment, entry.row_id)
            if segment is None or segment.deleted_at is not None or segment.criteria != entry.new:
                raise UndoError()
            log.add("segment", segment.id, Op.UPDATE, "criteria", entry.new, entry.old,
                    segment.version)  # fmt: skip
            segment.criteria, changed = str(entry.old), True
            continue
        if entry.table_name != "custom_field" or entry.field != "choices":
            continue
        row = session.get(CustomField, entry.row_id)
        if (
            row is None
            or row.deleted_at is not None
            or row.version != (entry.base_version or 0) + 1
            or list(row.choices) != entry.new
        ):
            raise UndoError()
        base = row.version
        row.choices = [str(c) for c in entry.old] if isinstance(entry.old, list) else []
        log.add("custom_field", row.id, Op.UPDATE, "choices", entry.new, row.choices, base)
        changed = True
    session.flush()
    return changed


def fields_back(
    session: Session, entries: Sequence[ChangeLog], log: ChangeWriter, *, partly: bool
) -> tuple[bool, list[FieldKept]]:
    """After the customers: the fields the action made (or brought back) are retired once
    no live customer holds a value; the fields it retired come back unless a live field
    has the label now.  Whether any field changed, and the fields kept live (a partial
    undo lists them; an all-or-nothing one refuses a field it cannot bring back)."""
    changed, kept = False, []
    for entry in entries:
        if entry.table_name != "custom_field" or entry.op == Op.UPDATE:
            continue  # choices: before the customers (choices_back)
        row = session.get(CustomField, entry.row_id)
        if row is None:
            continue
        expected = 1 if entry.op == Op.INSERT else (entry.base_version or 0) + 1
        if entry.op in (Op.INSERT, Op.RESTORE) and row.deleted_at is None:
            if row.version != expected or held_by(session, row.id):
                kept.append(FieldKept(row.key, row.id))  # changed since, or holds values
                continue
            base = row.version
            row.deleted_at = utcnow()
            log.add("custom_field", row.id, Op.DELETE, base_version=base)
            changed = True
        elif entry.op == Op.DELETE and row.deleted_at is not None:
            if row.version != expected or label_taken(session, row.label, row.id):
                if not partly:
                    raise UndoError()
                kept.append(FieldKept(row.key, row.id))
                continue
            base = row.version
            row.deleted_at = None
            log.add("custom_field", row.id, Op.RESTORE, base_version=base)
            changed = True
        session.flush()
    return changed, kept
