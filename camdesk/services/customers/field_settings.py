"""Settings > Custom fields: add, change, reorder and retire the business's own fields.

A field's key is made here (``field_N``) and never changes: saved segments, imports'
remembered mappings and the change log name fields by key, the files and the list by
label.  A change never costs a stored value: a choice still held by some customer stays
a choice, a field holding values keeps its type, and a retired field keeps its values
(it is a tombstone, out of the files, the list and the search).

Whether a field's values are searchable is part of every customer's search keys, so
turning it on or off (or retiring a searchable field) is followed by
:func:`reindex_field`, which refreshes the keys of the customers holding a value, a
chunk per transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from camdesk.db import Database
from camdesk.errors import FieldChanged, FieldInUse, NotFound, ValidationError
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.models import Customer, CustomField, CustomValue, FieldKind, utcnow
from camdesk.services.core.changelog import ChangeWriter
from camdesk.services.core.changes import Changes, Kind, Written
from camdesk.services.core.context import Actor
from camdesk.services.core.progress import step
from camdesk.services.core.users import last_change
from camdesk.services.core.validation import Checker, clean_text
from camdesk.services.customers import custom_fields as cf
from camdesk.services.customers.choice_renames import checked_renames, rename_values

LABEL_TAKEN = QT_TRANSLATE_NOOP("errors", "There is a field called {label} already.")
NO_CHOICES = QT_TRANSLATE_NOOP("errors", "A choice field needs at least one choice.")
REINDEX_CHUNK = 1000  # customers whose search keys are refreshed per transaction


@dataclass(frozen=True)
class FieldDraft:
    """A field as the settings dialog edits it."""

    label: str
    kind: str = FieldKind.TEXT.value
    choices: tuple[str, ...] = ()
    required: bool = False
    searchable: bool = False
    show_in_list: bool = False
    renamed: tuple[tuple[str, str], ...] = ()  # choices edited in place: (old, new)


@dataclass(frozen=True)
class FieldSaved:
    """A saved field; ``reindex``: its values entered or left the search keys, so
    :func:`reindex_field` should run for it."""

    field: cf.FieldInfo
    reindex: bool
    renamed: int = 0  # files whose value of a renamed choice was renamed with it


def add_field(db: Database, actor: Actor, draft: FieldDraft) -> Written[FieldSaved]:
    """A new field, last in the order, with a key of its own."""
    with db.write() as session:
        info = create_field(session, actor, draft)
    return Written(FieldSaved(info, reindex=False), Changes.of(Kind.FIELDS))


def create_field(session: Session, actor: Actor, draft: FieldDraft) -> cf.FieldInfo:
    """:func:`add_field` inside the caller's transaction (an import making its fields)."""
    label, choices = _checked(session, draft, None)
    taken = set(session.scalars(select(CustomField.key)))
    number = len(taken) + 1
    while f"field_{number}" in taken:
        number += 1
    kind = FieldKind(draft.kind)
    row = CustomField(
        key=f"field_{number}", label=label, kind=kind, choices=list(choices),
        position=_next_position(session), show_in_list=draft.show_in_list,
        required=draft.required, searchable=draft.searchable and kind in cf.SEARCHABLE_KINDS,
        updated_by=actor.user_id,
    )  # fmt: skip
    session.add(row)
    session.flush()
    return cf.info_of(row)


Follow = Callable[[Session, ChangeWriter, str, Mapping[str, str]], object]


def change_field(
    db: Database, actor: Actor, field: cf.FieldInfo, draft: FieldDraft, *,
    follow: Follow | None = None,
) -> Written[FieldSaved]:  # fmt: skip
    """Save ``draft`` over ``field`` as it was shown; someone else's change meanwhile is a
    :class:`FieldChanged`, a change that would strand stored values a :class:`FieldInUse`.
    A choice renamed in place (``draft.renamed``) is renamed in the files holding it, as
    an undoable action (:mod:`choice_renames`); ``follow`` then updates what else names
    the choices, in the same action (the saved segments: ``lists.segments.change_field``)."""
    with db.write() as session:
        row = _current(session, field)
        label, choices = _checked(session, draft, row.id)
        kind = FieldKind(draft.kind)
        renames = (
            checked_renames(row.choices, choices, dict(draft.renamed))
            if kind is FieldKind.CHOICE and row.kind is FieldKind.CHOICE
            else {}
        )
        texts = {row.kind, kind} <= set(cf.SEARCHABLE_KINDS)  # text <-> choice keeps values
        if kind is not row.kind and not texts:
            held = held_by(session, row.id)
            if held:
                raise FieldInUse(FieldInUse.kind, label=row.label, count=held)
        if kind is FieldKind.CHOICE:  # every value held must stay (or become) a choice
            for value, held in _held_texts(session, row.id):
                if value not in choices and value not in renames:
                    raise FieldInUse(FieldInUse.choice, label=row.label, value=value, count=held)
        searchable = draft.searchable and kind in cf.SEARCHABLE_KINDS
        before = (list(row.choices), row.version)
        row.label, row.kind, row.choices = label, kind, list(choices)
        row.required, row.searchable, row.show_in_list = (
            draft.required,
            searchable,
            draft.show_in_list,
        )
        row.updated_by = actor.user_id
        session.flush()
        writer = ChangeWriter(session, actor, uuid.uuid4())
        renamed = rename_values(session, writer, row, before, renames) if renames else 0
        if renames and follow is not None:
            follow(session, writer, row.key, renames)
        info = cf.info_of(row)
    reindex = searchable != field.searchable or bool(renamed and searchable)
    kinds = Kind.FIELDS | Kind.FILES | (Kind.SEGMENTS if renames and follow else Kind.NONE)
    changes = Changes.of(kinds, None, writer.txn_id if renames else None)  # undoable
    return Written(FieldSaved(info, reindex, renamed), changes)


def retire_field(db: Database, actor: Actor, field: cf.FieldInfo) -> Written[FieldSaved]:
    """Take ``field`` out of the files, the list and the search; its values are kept."""
    with db.write() as session:
        row = _current(session, field)
        row.deleted_at, row.updated_by = utcnow(), actor.user_id
        session.flush()
        info = cf.info_of(row)
    return Written(FieldSaved(info, reindex=field.searchable),
                   Changes.of(Kind.FIELDS | Kind.FILES, None))  # fmt: skip


def move_field(db: Database, field: cf.FieldInfo, step_by: int) -> Changes:
    """Move ``field`` ``step_by`` places up (negative) or down among the live fields."""
    with db.write() as session:
        rows = list(session.scalars(
            select(CustomField).where(CustomField.deleted_at.is_(None))
            .order_by(CustomField.position, CustomField.created_at)
        ))  # fmt: skip
        at = next((i for i, r in enumerate(rows) if r.id == field.id), None)
        if at is None:
            raise NotFound(what="field")
        moved = rows.pop(at)
        rows.insert(max(0, min(len(rows), at + step_by)), moved)
        for position, row in enumerate(rows):  # the order is not the field's definition:
            if row.position != position:  # its version stays, an open edit of it saves
                session.execute(update(CustomField).where(CustomField.id == row.id)
                                .values(position=position)
                                .execution_options(synchronize_session=False))  # fmt: skip
    return Changes.of(Kind.FIELDS | Kind.FILES, None)


def reindex_field(
    db: Database,
    field_id: uuid.UUID,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Refresh the search keys of every live customer holding a value of the field (after
    its searchable flag changed); how many.  Each chunk is a transaction of its own, so
    colleagues can save in between; a cancel leaves the rest as they were."""
    from camdesk.services.customers.files import refresh_search_keys

    with db.read() as session:
        ids: Sequence[uuid.UUID] = session.scalars(
            select(CustomValue.customer_id).where(CustomValue.field_id == field_id)
        ).all()
    for start in range(0, len(ids), REINDEX_CHUNK):
        step(progress, cancelled, start, len(ids))
        with db.write() as session:
            customers = session.scalars(
                select(Customer).options(selectinload(Customer.contacts))
                .where(Customer.id.in_(ids[start : start + REINDEX_CHUNK]),
                       Customer.deleted_at.is_(None))
            )  # fmt: skip
            for customer in customers:
                refresh_search_keys(session, customer)
    step(progress, None, len(ids), len(ids))
    return len(ids)


def _checked(
    session: Session, draft: FieldDraft, field_id: uuid.UUID | None
) -> tuple[str, tuple[str, ...]]:
    """The draft's label and choices as stored; problems raise :class:`ValidationError`."""
    check = Checker()
    label = check.text("label", draft.label, 100, required=True) or ""
    try:
        kind = FieldKind(draft.kind)
    except ValueError:
        kind = FieldKind.TEXT
        check.fail("kind", QT_TRANSLATE_NOOP("errors", "Choose text, number, date or choice."))
    choices = tuple(dict.fromkeys(c for c in (clean_text(c) for c in draft.choices) if c))
    if kind is FieldKind.CHOICE and not choices:
        check.fail("choices", NO_CHOICES)
    if label and label_taken(session, label, field_id):
        check.fail("label", LABEL_TAKEN, label=label)
    if check.problems:
        raise ValidationError(check.problems)
    return label, choices if kind is FieldKind.CHOICE else ()


def _current(session: Session, field: cf.FieldInfo) -> CustomField:
    row = session.get(CustomField, field.id)
    if row is None:
        raise NotFound(what="field")
    if row.version != field.version or row.deleted_at is not None:
        raise FieldChanged(label=field.label, **last_change(session, row))
    return row


def label_taken(session: Session, label: str, field_id: uuid.UUID | None = None) -> bool:
    """Whether a live field other than ``field_id`` has ``label`` (in any case)."""
    same = select(CustomField.id).where(
        func.lower(CustomField.label) == label.lower(), CustomField.deleted_at.is_(None)
    )
    if field_id is not None:
        same = same.where(CustomField.id != field_id)
    return session.scalar(same.limit(1)) is not None


def held_by(session: Session, field_id: uuid.UUID) -> int:
    """How many live customers hold a value of the field."""
    return session.scalar(
        select(func.count()).select_from(CustomValue)
        .join(Customer, Customer.id == CustomValue.customer_id)
        .where(CustomValue.field_id == field_id, Customer.deleted_at.is_(None))
    ) or 0  # fmt: skip


def _held_texts(session: Session, field_id: uuid.UUID) -> list[tuple[str, int]]:
    """The texts live customers hold in the field, each with how many hold it."""
    return [(text or "", count) for text, count in session.execute(
        select(CustomValue.value_text, func.count())
        .join(Customer, Customer.id == CustomValue.customer_id)
        .where(CustomValue.field_id == field_id, Customer.deleted_at.is_(None),
               CustomValue.value_text.is_not(None))
        .group_by(CustomValue.value_text).order_by(CustomValue.value_text)
    )]  # fmt: skip


def _next_position(session: Session) -> int:
    last = session.scalar(
        select(func.max(CustomField.position)).where(CustomField.deleted_at.is_(None))
    )
    return 0 if last is None else last + 1
