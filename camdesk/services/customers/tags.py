"""Tags managed in one place: colour, rename, merge, delete, and adding or removing one
on many customers at once.

A tag is part of every file that carries it, so whatever changes which tags a customer
shows (a rename too) is logged on that customer (its "tags" before and after) and moves
its version: a form opened before the change cannot save the old tags back over it, and
one undo takes the whole action back.  Deleting or merging tombstones the tag row; the
customers' links to it are moved or removed in the same transaction, so a link always
points at a live tag.  The tag row's own rename or tombstone is logged too (table
"tag"), so an undo gives back that tag, colour and all, not a new one of the old name.
A tag's own row (name, colour) carries a version: a colleague's change meanwhile is a
:class:`~camdesk.errors.TagChanged`, not an overwrite.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from camdesk.db import Database
from camdesk.errors import FieldProblem, NotFound, TagChanged, ValidationError
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.models import ChangeLog, Customer, CustomerTag, Tag, utcnow
from camdesk.services.core.bulk import insert_rows
from camdesk.services.core.changelog import ChangeWriter, Op
from camdesk.services.core.changes import NOTHING, Changes, Kind
from camdesk.services.core.context import Actor
from camdesk.services.core.users import last_change
from camdesk.services.core.validation import Checker
from camdesk.services.customers.files import live_tag, tag_named, touch_customers

CHUNK = 500
COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
TAG_EMPTY = QT_TRANSLATE_NOOP("errors", "Enter the tag.")
NAME_TAKEN = QT_TRANSLATE_NOOP(
    "errors", "There is a tag called {name} already: merge the two instead of renaming."
)
BAD_COLOR = QT_TRANSLATE_NOOP("errors", "“{value}” is not a colour (use #RRGGBB).")
SAME_TAG = QT_TRANSLATE_NOOP("errors", "Choose another tag to merge {name} into.")


@dataclass(frozen=True)
class TagInfo:
    """A live tag with how many live customers carry it."""

    id: uuid.UUID
    name: str
    color: str | None
    customers: int
    version: int


def list_tags(db: Database) -> list[TagInfo]:
    """Every live tag, by name, with its customers counted."""
    with db.read() as session:
        counts: dict[uuid.UUID, int] = {tag: count for tag, count in session.execute(
            select(CustomerTag.tag_id, func.count())
            .join(Customer, Customer.id == CustomerTag.customer_id)
            .where(Customer.deleted_at.is_(None)).group_by(CustomerTag.tag_id)
        )}  # fmt: skip
        rows = session.scalars(select(Tag).where(Tag.deleted_at.is_(None)).order_by(Tag.name))
        return [TagInfo(t.id, t.name, t.color, counts.get(t.id, 0), t.version) for t in rows]


def tag_colors(db: Database) -> dict[str, str]:
    """Each coloured live tag's colour, by name (for chips)."""
    with db.read() as session:
        return {name: color or "" for name, color in session.execute(
            select(Tag.name, Tag.color).where(Tag.deleted_at.is_(None), Tag.color.is_not(None))
        )}  # fmt: skip


def set_color(db: Database, actor: Actor, tag: TagInfo, color: str | None) -> Changes:
    """Give ``tag`` a colour (#RRGGBB), or none."""
    if color is not None and not COLOR.match(color):
        raise ValidationError([_problem("color", BAD_COLOR, value=color)])
    with db.write() as session:
        row = _current(session, tag)
        row.color, row.updated_by = color.lower() if color else None, actor.user_id
    return Changes.of(Kind.FILES, None)


def rename_tag(db: Database, actor: Actor, tag: TagInfo, name: str) -> Changes:
    """Call ``tag`` ``name`` on every customer carrying it (one action to undo)."""
    new = _name(name)
    txn = uuid.uuid4()
    with db.write() as session:
        row = _current(session, tag)
        if new == row.name:
            return NOTHING
        if live_tag(session, new) is not None:
            raise ValidationError([_problem("name", NAME_TAKEN, name=new)])
        old = row.name
        changed = _log_retag(session, actor, txn, _carriers(session, row.id),
                             lambda names: [new if n == old else n for n in names])  # fmt: skip
        row.name, row.updated_by = new, actor.user_id
        # Logged after the customers' lists, so an undo renames the tag back first.
        ChangeWriter(session, actor, txn).add("tag", row.id, Op.UPDATE, "name", old, new,
                                              row.version)  # fmt: skip
    return Changes.of(Kind.FILES, changed, txn) if changed else Changes.of(Kind.FILES, ())


def merge_tags(db: Database, actor: Actor, tag: TagInfo, into: TagInfo) -> Changes:
    """Every customer carrying ``tag`` carries ``into`` instead; ``tag`` is gone."""
    if tag.id == into.id:
        raise ValidationError([_problem("into", SAME_TAG, name=tag.name)])
    txn = uuid.uuid4()
    with db.write() as session:
        row, target = _current(session, tag), _current(session, into)
        ids = _carriers(session, row.id)
        changed = _retag(session, actor, txn, ids,
                         lambda names: sorted({target.name if n == row.name else n
                                               for n in names}))  # fmt: skip
        row.deleted_at, row.updated_by = utcnow(), actor.user_id
        _log_gone(session, actor, txn, row)
    return Changes.of(Kind.FILES, changed, txn)


def delete_tag(db: Database, actor: Actor, tag: TagInfo) -> Changes:
    """Take ``tag`` off every customer (one action to undo) and delete it."""
    txn = uuid.uuid4()
    with db.write() as session:
        row = _current(session, tag)
        changed = _retag(session, actor, txn, _carriers(session, row.id),
                         lambda names: [n for n in names if n != row.name])  # fmt: skip
        row.deleted_at, row.updated_by = utcnow(), actor.user_id
        _log_gone(session, actor, txn, row)
    return Changes.of(Kind.FILES, changed, txn)


def add_tag(db: Database, ids: Sequence[uuid.UUID], tag: str, actor: Actor) -> Changes:
    """Give every customer of ``ids`` the tag (created if new); the changes name the
    action to undo, or are empty if all had it already."""
    name = _name(tag)
    txn = uuid.uuid4()
    with db.write() as session:
        changed = _retag(session, actor, txn, ids,
                         lambda names: sorted({*names, name}))  # fmt: skip
    return Changes.of(Kind.FILES, changed, txn) if changed else NOTHING


def remove_tag(db: Database, ids: Sequence[uuid.UUID], tag: str, actor: Actor) -> Changes:
    """Take the tag off every customer of ``ids`` that carries it (one action to undo)."""
    name = _name(tag)
    txn = uuid.uuid4()
    with db.write() as session:
        changed = _retag(session, actor, txn, ids,
                         lambda names: [n for n in names if n != name])  # fmt: skip
    return Changes.of(Kind.FILES, changed, txn) if changed else NOTHING


# --------------------------------------------------------------------------- helpers

Edit = Callable[[list[str]], list[str]]


def _retag(session: Session, actor: Actor, txn: uuid.UUID, ids: Sequence[uuid.UUID],
           edit: Edit) -> list[uuid.UUID]:  # fmt: skip
    """Give each live customer of ``ids`` the tags ``edit`` makes of its own: links
    changed, each change logged, the files touched; the customers changed."""
    before = _tags_of(session, ids)
    after = {i: sorted(set(edit(list(names)))) for i, names in before.items()}
    changed = [i for i in before if after[i] != before[i]]
    wanted = {n for i in changed for n in after[i]}
    known = {n: tag_named(session, n).id for n in sorted(wanted)}
    kept: dict[str, uuid.UUID] = {name: ident for name, ident in session.execute(
        select(Tag.name, Tag.id).where(Tag.deleted_at.is_(None)))}  # fmt: skip
    gone: defaultdict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    links = []
    for ident in changed:
        old, new = set(before[ident]), set(after[ident])
        links += [{"customer_id": ident, "tag_id": known[n]} for n in sorted(new - old)]
        for name in old - new:
            gone[kept[name]].append(ident)
    for tag_id, customers in gone.items():
        for start in range(0, len(customers), CHUNK):
            session.execute(delete(CustomerTag).where(
                CustomerTag.tag_id == tag_id,
                CustomerTag.customer_id.in_(customers[start : start + CHUNK])))  # fmt: skip
    insert_rows(session.connection(), CustomerTag, links)
    return _log(session, actor, txn, {i: (before[i], after[i]) for i in changed})


def _log_retag(session: Session, actor: Actor, txn: uuid.UUID, ids: Sequence[uuid.UUID],
               edit: Edit) -> list[uuid.UUID]:  # fmt: skip
    """Log (and touch) what ``edit`` makes of each customer's tag names, links unchanged
    (a rename: the tag row itself takes the new name)."""
    before = _tags_of(session, ids)
    return _log(session, actor, txn, {i: (names, sorted(edit(list(names))))
                                      for i, names in before.items()})  # fmt: skip


def _log_gone(session: Session, actor: Actor, txn: uuid.UUID, row: Tag) -> None:
    """Log a deleted (or merged) tag after the customers' lists: an undo brings the tag
    itself back first (its colour), and the lists then find it."""
    ChangeWriter(session, actor, txn).add("tag", row.id, Op.DELETE, base_version=row.version)


def _log(session: Session, actor: Actor, txn: uuid.UUID,
         changes: dict[uuid.UUID, tuple[list[str], list[str]]]) -> list[uuid.UUID]:  # fmt: skip
    writer = ChangeWriter(session, actor, txn)
    insert_rows(session.connection(), ChangeLog, [
        writer.row("customer", i, Op.UPDATE, "tags", old, new) for i, (old, new) in changes.items()
    ])  # fmt: skip
    touch_customers(session, list(changes), actor.user_id)
    return list(changes)


def _tags_of(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    """Each live customer of ``ids`` with its tag names, sorted."""
    found: dict[uuid.UUID, list[str]] = {}
    wanted = list(dict.fromkeys(ids))
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        for (ident,) in session.execute(
            select(Customer.id).where(Customer.id.in_(chunk), Customer.deleted_at.is_(None))
        ):
            found[ident] = []
        for ident, name in session.execute(
            select(CustomerTag.customer_id, Tag.name).join(Tag, Tag.id == CustomerTag.tag_id)
            .where(CustomerTag.customer_id.in_(chunk))
        ):  # fmt: skip
            if ident in found:
                found[ident].append(name)
    return {i: sorted(names) for i, names in found.items()}


def _carriers(session: Session, tag_id: uuid.UUID) -> list[uuid.UUID]:
    return list(
        session.scalars(select(CustomerTag.customer_id).where(CustomerTag.tag_id == tag_id))
    )


def _current(session: Session, tag: TagInfo) -> Tag:
    row = session.get(Tag, tag.id)
    if row is None:
        raise NotFound(what="tag")
    if row.version != tag.version or row.deleted_at is not None:
        raise TagChanged(name=tag.name, **last_change(session, row))
    return row


def _name(text: str) -> str:
    check = Checker()
    name = check.text("name", text, 40)
    if not check.problems and not name:
        check.fail("name", TAG_EMPTY)
    if check.problems:
        raise ValidationError(check.problems)
    return name or ""


def _problem(field: str, message: str, **params: object) -> FieldProblem:
    return FieldProblem(field, message, params)
