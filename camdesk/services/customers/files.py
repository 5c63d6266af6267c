"""Customer files: create, read, edit, delete (tombstone) with validation and history.

Every write is one transaction that also appends its change-log entries and
refreshes the customer's search keys.  Edits carry the version the user
started from; if someone saved in between, :class:`ConflictError` carries
their version so nothing is silently overwritten.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import delete, select, true, update
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from camdesk.db import Database
from camdesk.errors import ConflictError, NotFound, ValidationError
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.models import (
    Contact,
    Customer,
    CustomerKind,
    CustomerTag,
    CustomField,
    CustomValue,
    FollowUp,
    FollowUpStatus,
    Tag,
    User,
    utcnow,
)
from camdesk.services.core.changelog import ChangeWriter, Op, to_json
from camdesk.services.core.changes import NOTHING, Changes, Kind, Written
from camdesk.services.core.context import Actor
from camdesk.services.core.validation import REQUIRED, Checker
from camdesk.services.customers import custom_fields as cf
from camdesk.services.customers.builder import NewCustomers
from camdesk.services.customers.record import (
    CONTACT_FIELDS,
    FIELDS,
    ContactData,
    CustomerData,
    CustomerRecord,
    check_customer,
)
from camdesk.services.customers.search import KeySource, drop_keys, sort_key, store_keys

__all__ = [
    "CONTACT_FIELDS", "FIELDS", "ContactData", "CustomerData", "CustomerRecord", "check_customer",
]  # fmt: skip

CODE_TAKEN = QT_TRANSLATE_NOOP("errors", "The customer code {code} is already used by {name}.")

# --------------------------------------------------------------------------- validation


def validated(
    session: Session, data: CustomerData, customer_id: uuid.UUID | None, *, required: bool = True
) -> dict[str, Any]:
    """The values to store for a file saved in the app; its required custom fields must be
    filled (``required``: imports and merges keep a file without them)."""
    check = Checker()
    definitions = {f.key: f for f in field_infos(session)}
    values = check_customer(data, definitions, check)
    for key, info in definitions.items() if required else ():
        if (
            info.required
            and values["custom"].get(key) is None
            and f"custom:{key}" not in {p.field for p in check.problems}
        ):
            check.fail(f"custom:{key}", REQUIRED)
    if values["code"]:
        other = session.execute(
            select(Customer.name).where(
                Customer.code == values["code"],
                Customer.deleted_at.is_(None),
                Customer.id != customer_id if customer_id else true(),
            )
        ).scalar()
        if other is not None:
            check.fail("code", CODE_TAKEN, code=values["code"], name=other)
    if check.problems:
        raise ValidationError(check.problems)
    return values


field_infos = cf.live_fields


# --------------------------------------------------------------------------- reading


def load_customer(session: Session, customer_id: uuid.UUID, *, alive: bool = True) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None or (alive and customer.deleted_at is not None):
        raise NotFound(what="customer")
    return customer


def tags_of(session: Session, customer_id: uuid.UUID) -> tuple[str, ...]:
    return _tags_of_many(session, [customer_id])[customer_id]


def custom_of(session: Session, customer_id: uuid.UUID) -> dict[str, Any]:
    return _custom_of_many(session, [customer_id])[customer_id]


def _tags_of_many(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, tuple[str, ...]]:
    """Each customer's tag names, in name order (ids: a chunk, at most a few hundred)."""
    found: dict[uuid.UUID, list[str]] = {i: [] for i in ids}
    for ident, name in session.execute(
        select(CustomerTag.customer_id, Tag.name).join(Tag, Tag.id == CustomerTag.tag_id)
        .where(CustomerTag.customer_id.in_(ids)).order_by(Tag.name)
    ):  # fmt: skip
        found[ident].append(name)
    return {i: tuple(names) for i, names in found.items()}


def _custom_of_many(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, dict[str, Any]]:
    """Each customer's values of the live custom fields, by field key."""
    found: dict[uuid.UUID, dict[str, Any]] = {i: {} for i in ids}
    for ident, key, value in session.execute(
        select(CustomValue.customer_id, CustomField.key, CustomValue)
        .join(CustomField, CustomField.id == CustomValue.field_id)
        .where(CustomValue.customer_id.in_(ids), CustomField.deleted_at.is_(None))
    ):  # fmt: skip
        found[ident][key] = cf.stored_value(value)
    return found


def record_of(session: Session, customer: Customer) -> CustomerRecord:
    return _record(session, customer, tags_of(session, customer.id),
                   custom_of(session, customer.id))  # fmt: skip


def records_of(
    session: Session, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, tuple[Customer, CustomerRecord]]:
    """:func:`record_of` for many live customers at once (an import's matched rows): a few
    queries for 500 customers instead of a few for each."""
    found: dict[uuid.UUID, tuple[Customer, CustomerRecord]] = {}
    wanted = list(dict.fromkeys(ids))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows = session.execute(
            select(Customer).options(selectinload(Customer.contacts))
            .where(Customer.id.in_(chunk), Customer.deleted_at.is_(None))
        ).scalars().all()  # fmt: skip
        tags, custom = _tags_of_many(session, chunk), _custom_of_many(session, chunk)
        for customer in rows:
            found[customer.id] = (customer, _record(session, customer, tags[customer.id],
                                                    custom[customer.id], names=False))  # fmt: skip
    return found


def _record(session: Session, customer: Customer, tags: tuple[str, ...], custom: dict[str, Any],
            *, names: bool = True) -> CustomerRecord:  # fmt: skip
    shown = dict(
        session.execute(
            select(User.id, User.display_name).where(
                User.id.in_([i for i in (customer.owner_id, customer.updated_by) if i])
            )
        ).all()
    ) if names else {}  # fmt: skip
    contacts = tuple(
        ContactData(id=c.id, **{n: getattr(c, n) for n in CONTACT_FIELDS})
        for c in customer.contacts
        if c.deleted_at is None
    )
    return CustomerRecord(
        **{n: getattr(customer, n) for n in FIELDS if n not in ("kind", "gender")},
        kind=customer.kind.value,
        gender=customer.gender.value if customer.gender else None,
        tags=tags,
        custom=custom,
        contacts=contacts,
        id=customer.id,
        version=customer.version,
        created_at=customer.created_at,
        updated_at=customer.updated_at,
        updated_by_name=shown.get(customer.updated_by, "") if customer.updated_by else "",
        owner_name=shown.get(customer.owner_id, "") if customer.owner_id else "",
        last_contact_at=customer.last_contact_at,
        deleted=customer.deleted_at is not None,
    )


def customer_coded(db: Database, code: str) -> uuid.UUID | None:
    """The live customer whose code is ``code`` (as typed: trimmed), if any."""
    with db.read() as session:
        return session.scalar(select(Customer.id).where(
            Customer.code == code.strip(), Customer.deleted_at.is_(None)))  # fmt: skip


def get_customer(db: Database, customer_id: uuid.UUID) -> CustomerRecord:
    with db.read() as session:
        return record_of(session, load_customer(session, customer_id))


# --------------------------------------------------------------------------- writing


def refresh_search_keys(session: Session, customer: Customer) -> None:
    contacts = [c for c in customer.contacts if c.deleted_at is None]
    store_keys(
        session,
        customer.id,
        KeySource(
            name=customer.name,
            person=customer.kind is CustomerKind.PERSON,
            company_name=customer.company_name,
            code=customer.code,
            email=customer.email,
            phones=(
                customer.mobile,
                customer.phone,
                *(p for c in contacts for p in (c.mobile, c.phone)),
            ),
            contact_names=tuple(c.name for c in contacts),
            contact_emails=tuple(c.email for c in contacts),
            extras=cf.searchable_texts(session, customer.id),
        ),
        customer.sort_key,
    )


def touch(customer: Customer) -> None:
    """Mark a customer's file as changed although none of its own columns did.

    Tags, custom values and contacts live in their own tables, but they are part of
    the file a person edits: a change to any of them must move the customer's version,
    or an older form would save over it unnoticed. Setting ``updated_at`` makes the
    ORM write the row with its version check (``UPDATE ... WHERE version = n``).
    """
    customer.updated_at = utcnow()


def touch_customers(session: Session, ids: Iterable[uuid.UUID], user_id: uuid.UUID | None,
                    **values: Any) -> None:  # fmt: skip
    """:func:`touch` for many customers at once (bulk tagging, contacts imports)."""
    wanted = list(dict.fromkeys(ids))
    for start in range(0, len(wanted), 500):
        session.execute(
            update(Customer)
            .where(Customer.id.in_(wanted[start : start + 500]))
            .values(version=Customer.version + 1, updated_at=utcnow(), updated_by=user_id,
                    **values)
            .execution_options(synchronize_session=False)
        )  # fmt: skip


def live_tag(session: Session, name: str) -> Tag | None:
    """The live tag called ``name``, if there is one."""
    return session.execute(
        select(Tag).where(Tag.name == name, Tag.deleted_at.is_(None))
    ).scalar_one_or_none()


def tag_named(session: Session, name: str) -> Tag:
    """The live tag called ``name``, created if there is none."""
    tag = live_tag(session, name)
    if tag is None:
        tag = Tag(name=name)
        session.add(tag)
        session.flush()
    return tag


def set_tags(session: Session, customer_id: uuid.UUID, names: Iterable[str]) -> None:
    """Give a customer exactly these tags (created if new); the caller logs the change."""
    session.execute(delete(CustomerTag).where(CustomerTag.customer_id == customer_id))
    for name in names:
        session.add(CustomerTag(customer_id=customer_id, tag_id=tag_named(session, name).id))


def set_custom(session: Session, customer_id: uuid.UUID, key: str, value: Any) -> None:
    """Store (or clear, for None) one parsed custom-field value of a customer."""
    field_row = session.execute(
        select(CustomField).where(CustomField.key == key, CustomField.deleted_at.is_(None))
    ).scalar_one()
    row = session.get(CustomValue, (customer_id, field_row.id))
    if value is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        row = CustomValue(customer_id=customer_id, field_id=field_row.id)
        session.add(row)
    cf.apply_value(row, field_row.kind, value)


def apply_values(
    session: Session,
    customer: Customer,
    values: dict[str, Any],
    log: ChangeWriter,
    base_version: int,
) -> None:
    """Write validated values onto an existing ``customer`` (edited against
    ``base_version``) and log each field that changed; new customers are built by
    :mod:`new_customers`.

    Any change to the file (its columns, tags, custom values or contacts) moves the
    customer's version once: what changes is worked out before anything is written,
    without autoflush, so the row is written in one UPDATE with its version check.
    """
    with session.no_autoflush:
        changes = [
            (name, getattr(customer, name), values[name])
            for name in FIELDS
            if to_json(getattr(customer, name)) != to_json(values[name])
        ]
        old_tags = sorted(tags_of(session, customer.id))
        new_tags = sorted(values["tags"])
        old_custom = custom_of(session, customer.id)
        custom = [
            (key, old_custom.get(key), new)
            for key, new in values["custom"].items()
            if to_json(old_custom.get(key)) != to_json(new)
        ]
        contacts_differ = _contacts_differ(customer, values["contacts"])
    if old_tags != new_tags or custom or contacts_differ:
        touch(customer)
    for name, _old, new in changes:
        setattr(customer, name, new)
    customer.sort_key = sort_key(customer.name, person=customer.kind is CustomerKind.PERSON)
    if old_tags != new_tags:
        set_tags(session, customer.id, values["tags"])
        changes.append(("tags", old_tags, new_tags))
    for key, old, new in custom:
        set_custom(session, customer.id, key, new)
        changes.append((f"custom:{key}", old, new))
    log.fields("customer", customer.id, changes, base_version)
    if contacts_differ:
        _apply_contacts(session, customer, values["contacts"], log)
    session.flush()
    session.refresh(customer, ["contacts"])
    refresh_search_keys(session, customer)


def _contacts_differ(customer: Customer, contacts: list[dict[str, Any]]) -> bool:
    """Whether ``contacts`` would add, change or remove any of the customer's live ones."""
    existing = {c.id: c for c in customer.contacts if c.deleted_at is None}
    wanted = {values["id"]: values for values in contacts if values["id"] in existing}
    if len(wanted) != len(contacts) or len(wanted) != len(existing):
        return True
    return any(
        getattr(existing[ident], n) != values[n] for ident, values in wanted.items()
        for n in CONTACT_FIELDS
    )  # fmt: skip


def _apply_contacts(
    session: Session, customer: Customer, contacts: list[dict[str, Any]], log: ChangeWriter
) -> None:
    """Make the customer's live contacts these (added, changed, removed), each logged."""
    existing = {c.id: c for c in customer.contacts if c.deleted_at is None}
    kept: set[uuid.UUID] = set()
    for values in contacts:
        contact = existing.get(values["id"]) if values["id"] else None
        if contact is None:
            contact = Contact(customer_id=customer.id, updated_by=log.actor.user_id,
                              **{n: values[n] for n in CONTACT_FIELDS})  # fmt: skip
            session.add(contact)
            session.flush()
            log.add("contact", contact.id, Op.INSERT, new={n: values[n] for n in CONTACT_FIELDS})
        else:
            changes = [
                (n, getattr(contact, n), values[n])
                for n in CONTACT_FIELDS
                if getattr(contact, n) != values[n]
            ]
            for name, _old, new in changes:
                setattr(contact, name, new)
            log.fields("contact", contact.id, changes, contact.version)
            if changes:
                contact.updated_by = log.actor.user_id
        kept.add(contact.id)
    for contact_id, contact in existing.items():
        if contact_id not in kept:
            contact.deleted_at = utcnow()
            contact.updated_by = log.actor.user_id
            log.add("contact", contact.id, Op.DELETE, base_version=contact.version)


def create_customer(db: Database, data: CustomerData, actor: Actor) -> Written[CustomerRecord]:
    """Validate and save a new customer file (built as imports and the demo build theirs);
    the changes name its undoable action."""
    txn = uuid.uuid4()
    with db.write() as session:
        values = validated(session, data, None)
        builder = NewCustomers(session, ChangeWriter(session, actor, txn),
                               {f.key: f for f in field_infos(session)})  # fmt: skip
        ident = builder.add(values)
        builder.finish()
        record = record_of(session, load_customer(session, ident))
    return Written(record, Changes.of(Kind.FILES, [ident], txn))


def _conflict(session: Session, customer: Customer) -> ConflictError:
    theirs = record_of(session, customer)
    return ConflictError(
        theirs=theirs,
        changed_by=theirs.updated_by_name or "?",
        changed_at=f"{customer.updated_at.astimezone():%Y-%m-%d %H:%M}",
    )


def update_customer(
    db: Database,
    customer_id: uuid.UUID,
    data: CustomerData,
    *,
    expected_version: int,
    actor: Actor,
) -> Written[CustomerRecord]:
    """Save an edit made against ``expected_version``; the changes name its undoable
    action (nothing changed, and no action, when the form held what the file holds).

    Raises:
        ConflictError: someone saved a newer version meanwhile (theirs attached).
        ValidationError: a field is invalid; nothing was saved.
    """
    try:
        with db.write() as session:
            customer = load_customer(session, customer_id)
            if customer.version != expected_version:
                raise _conflict(session, customer)
            values = validated(session, data, customer_id)
            log = ChangeWriter(session, actor, uuid.uuid4())
            customer.updated_by = actor.user_id
            apply_values(session, customer, values, log, expected_version)
            record = record_of(session, customer)
    except StaleDataError:
        with db.read() as session:
            raise _conflict(session, load_customer(session, customer_id)) from None
    if not log.added:
        return Written(record, NOTHING)
    return Written(record, Changes.of(Kind.FILES, [customer_id], log.txn_id))


def delete_customers(db: Database, customer_ids: Iterable[uuid.UUID], actor: Actor) -> Changes:
    """Tombstone customers and their planned follow-ups (the calendar counts no one deleted);
    the changes name the action that :func:`undo` reverts (bringing both back)."""
    txn = uuid.uuid4()
    customer_ids = list(customer_ids)
    with db.write() as session:
        log = ChangeWriter(session, actor, txn)
        for customer_id in customer_ids:
            customer = load_customer(session, customer_id)
            log.add("customer", customer.id, Op.DELETE, base_version=customer.version)
            customer.deleted_at = utcnow()
            customer.updated_by = actor.user_id
            for task in session.scalars(select(FollowUp).where(
                    FollowUp.customer_id == customer.id, FollowUp.status == FollowUpStatus.PLANNED,
                    FollowUp.deleted_at.is_(None))):  # fmt: skip
                log.add("follow_up", task.id, Op.DELETE, base_version=task.version)
                task.deleted_at = utcnow()
        drop_keys(session, customer_ids)
    return Changes.of(Kind.FILES | Kind.FOLLOWUPS, customer_ids, txn)


def as_edited(record: CustomerRecord, **changes: Any) -> CustomerData:
    """The record's editable data with some fields changed (handy for callers and tests)."""
    return replace(record.as_data(), **changes)
