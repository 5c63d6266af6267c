"""Saved segments (客户分群) and what can be done to all their customers at once.

A segment is a name, criteria and optionally search text, shared by the team;
its customers are whoever meets them today (a live list, see
:func:`query_of`).  Bulk actions take the customers of any list: add a tag,
assign an owner (both logged per customer as one action, so one undo takes
them back), and export (:func:`camdesk.services.data.export.export_customers`).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from camdesk.db import Database
from camdesk.errors import CamdeskError
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.models import ChangeLog, Customer, Segment, utcnow
from camdesk.services.core.bulk import insert_rows
from camdesk.services.core.changelog import ChangeWriter, Op
from camdesk.services.core.changes import NOTHING, Changes, Kind, Written
from camdesk.services.core.context import Actor
from camdesk.services.customers import field_settings
from camdesk.services.customers.custom_fields import FieldInfo
from camdesk.services.customers.field_settings import FieldDraft, FieldSaved
from camdesk.services.customers.files import touch_customers
from camdesk.services.lists import criteria as crit
from camdesk.services.lists.rows import ListQuery

CHUNK = 500


class SegmentError(CamdeskError):
    message = QT_TRANSLATE_NOOP("errors", "The segment could not be saved.")


NAME_TAKEN = QT_TRANSLATE_NOOP(
    "errors", "A segment called {name} exists already: choose another name."
)
NAME_EMPTY = QT_TRANSLATE_NOOP("errors", "Give the segment a name.")
NOTHING_CHOSEN = QT_TRANSLATE_NOOP(
    "errors", "A segment needs at least one condition or search text."
)


@dataclass(frozen=True)
class SegmentInfo:
    id: uuid.UUID
    name: str
    criteria: tuple[crit.Criterion, ...]
    search: str
    notes: str | None


SEGMENTS_CHANGED = Changes.of(Kind.SEGMENTS)  # saved segments are no customer's data


def query_of(segment: SegmentInfo) -> ListQuery:
    """The customer list a segment stands for."""
    return ListQuery(search=segment.search, criteria=segment.criteria)


def as_criteria(query: ListQuery) -> tuple[crit.Criterion, ...]:
    """Everything a list query filters by, as criteria (to save it as a segment)."""
    found: list[crit.Criterion] = []
    if query.kind:
        found.append(crit.Criterion("kind", "=", query.kind))
    if query.tag:
        found.append(crit.Criterion("tag", "=", query.tag))
    if query.owner_id:
        found.append(crit.Criterion("owner", "=", str(query.owner_id)))
    if query.city:
        found.append(crit.Criterion("city", "=", query.city))
    found += [crit.Criterion(crit.CUSTOM_PREFIX + key, "=", value)
              for key, value in query.custom_filter]  # fmt: skip
    return (*found, *query.criteria)


def list_segments(db: Database) -> list[SegmentInfo]:
    with db.read() as session:
        rows = session.execute(
            select(Segment).where(Segment.deleted_at.is_(None)).order_by(Segment.name)
        ).scalars()
        return [_info(row) for row in rows]


def _info(row: Segment) -> SegmentInfo:
    return SegmentInfo(row.id, row.name, crit.from_json(row.criteria), row.search, row.notes)


def save_segment(db: Database, name: str, criteria: Sequence[crit.Criterion], actor: Actor, *,
                 search: str = "", notes: str | None = None,
                 segment_id: uuid.UUID | None = None) -> Written[SegmentInfo]:  # fmt: skip
    """Create a segment, or replace the one with ``segment_id``."""
    name, search = name.strip(), search.strip()
    if not name:
        raise SegmentError(NAME_EMPTY)
    if not criteria and not search:
        raise SegmentError(NOTHING_CHOSEN)
    try:
        with db.write() as session:
            row = session.get(Segment, segment_id) if segment_id else None
            if row is None:
                row = Segment(name=name, criteria="[]", search="")
                session.add(row)
            row.name, row.criteria = name, crit.to_json(tuple(criteria))
            row.search, row.notes, row.updated_by = search, notes, actor.user_id
            session.flush()
            return Written(_info(row), SEGMENTS_CHANGED)
    except IntegrityError:
        raise SegmentError(NAME_TAKEN, name=name) from None


def delete_segment(db: Database, segment_id: uuid.UUID, actor: Actor) -> Changes:
    """Remove a saved segment (its customers are not touched)."""
    with db.write() as session:
        row = session.get(Segment, segment_id)
        if row is None or row.deleted_at is not None:
            return NOTHING
        row.deleted_at, row.updated_by = utcnow(), actor.user_id
    return SEGMENTS_CHANGED


def assign_owner(db: Database, ids: Sequence[uuid.UUID], owner_id: uuid.UUID | None,
                 actor: Actor) -> Changes:  # fmt: skip
    """Make ``owner_id`` the owner of every customer of ``ids``; the changes name the
    action to undo, or are empty if all had that owner already."""
    txn = uuid.uuid4()
    with db.write() as session:
        current: dict[uuid.UUID, uuid.UUID | None] = {}
        for start in range(0, len(ids), CHUNK):
            for ident, owner in session.execute(
                select(Customer.id, Customer.owner_id)
                .where(Customer.id.in_(ids[start : start + CHUNK]),
                       Customer.deleted_at.is_(None))
            ):  # fmt: skip
                current[ident] = owner
        wanted = [i for i, owner in current.items() if owner != owner_id]
        if not wanted:
            return NOTHING
        writer = ChangeWriter(session, actor, txn)
        insert_rows(session.connection(), ChangeLog, [
            writer.row("customer", i, Op.UPDATE, "owner_id",
                       str(current[i]) if current[i] else None,
                       str(owner_id) if owner_id else None)
            for i in wanted
        ])  # fmt: skip
        touch_customers(session, wanted, actor.user_id, owner_id=owner_id)
    return Changes.of(Kind.FILES, wanted, txn)


def change_field(
    db: Database, actor: Actor, field: FieldInfo, draft: FieldDraft
) -> Written[FieldSaved]:
    """:func:`field_settings.change_field` with the saved segments following a renamed
    choice (what the fields dialog saves through): one action, undone as one."""
    return field_settings.change_field(db, actor, field, draft, follow=follow_renames)


def follow_renames(
    session: Session, writer: ChangeWriter, key: str, renames: Mapping[str, str]
) -> int:
    """Saved segments comparing the field ``key`` with a renamed choice compare it with
    the new text, logged in ``writer``'s action; how many segments changed."""
    name, changed = f"{crit.CUSTOM_PREFIX}{key}", 0
    for row in session.scalars(select(Segment).where(Segment.deleted_at.is_(None))):
        try:
            criteria = crit.from_json(row.criteria)
        except ValueError:
            continue  # not readable as criteria: kept exactly as saved
        moved = tuple(
            replace(c, value=_renamed(c.value, renames)) if c.field == name else c for c in criteria
        )
        if moved == criteria:
            continue
        text = crit.to_json(moved)
        writer.add("segment", row.id, Op.UPDATE, "criteria", row.criteria, text, row.version)
        row.criteria, row.updated_by = text, writer.actor.user_id
        changed += 1
    session.flush()
    return changed


def _renamed(value: crit.Value, renames: Mapping[str, str]) -> crit.Value:
    if isinstance(value, str):
        return renames.get(value, value)
    if isinstance(value, tuple):
        return tuple(renames.get(v, v) if isinstance(v, str) else v for v in value)
    return value
