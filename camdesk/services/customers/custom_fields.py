"""Custom fields: the business's own fields on customer files."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from camdesk.db import Database
from camdesk.errors import ValidationError
from camdesk.models import CustomField, CustomValue, FieldKind
from camdesk.services.core.changes import Changes, Kind, Written
from camdesk.services.core.validation import (
    INVALID_CHOICE,
    INVALID_DATE,
    INVALID_NUMBER,
    Checker,
    clean_text,
)


@dataclass(frozen=True)
class FieldInfo:
    """A custom field definition as the GUI and CLI see it."""

    id: uuid.UUID
    key: str
    label: str
    kind: str
    choices: tuple[str, ...]
    show_in_list: bool
    required: bool = False
    searchable: bool = False  # text and choice fields only: their values are search keys
    version: int = 1


SEARCHABLE_KINDS = (FieldKind.TEXT, FieldKind.CHOICE)


def info_of(field: CustomField) -> FieldInfo:
    return FieldInfo(
        field.id,
        field.key,
        field.label,
        field.kind.value,
        tuple(field.choices or ()),
        field.show_in_list,
        field.required,
        field.searchable,
        field.version,
    )


def live_fields(session: Session) -> list[FieldInfo]:
    """The live custom fields, in their order."""
    fields = session.execute(
        select(CustomField).where(CustomField.deleted_at.is_(None)).order_by(CustomField.position)
    ).scalars()
    return [info_of(f) for f in fields]


def define_field(
    db: Database,
    key: str,
    label: str,
    kind: str,
    choices: tuple[str, ...] = (),
    *,
    show_in_list: bool = False,
    required: bool = False,
    searchable: bool = False,
    user_id: uuid.UUID | None = None,
) -> Written[FieldInfo]:
    """Add a custom field (keys are unique among live fields); see also
    :func:`camdesk.services.customers.field_settings.add_field`, which names the key."""
    checker = Checker()
    clean_key = checker.text("key", key, 40, required=True)
    clean_label = checker.text("label", label, 100, required=True)
    if checker.problems:
        raise ValidationError(checker.problems)
    with db.write() as session:
        position = len(session.execute(select(CustomField.id)).all())
        field = CustomField(
            key=clean_key,
            label=clean_label,
            kind=FieldKind(kind),
            choices=list(choices),
            position=position,
            show_in_list=show_in_list,
            required=required,
            searchable=searchable and FieldKind(kind) in SEARCHABLE_KINDS,
            updated_by=user_id,
        )
        session.add(field)
        session.flush()
        info = info_of(field)
    return Written(info, Changes.of(Kind.FIELDS))


def list_fields(db: Database) -> list[FieldInfo]:
    with db.read() as session:
        return live_fields(session)


def searchable_texts(session: Session, customer_id: uuid.UUID) -> tuple[str, ...]:
    """A customer's values of the searchable fields (part of its search keys)."""
    return tuple(session.scalars(
        select(CustomValue.value_text)
        .join(CustomField, CustomField.id == CustomValue.field_id)
        .where(CustomValue.customer_id == customer_id, CustomField.searchable.is_(True),
               CustomField.deleted_at.is_(None), CustomValue.value_text.is_not(None))
        .order_by(CustomField.position)
    ))  # fmt: skip


def parse_value(field: FieldInfo, raw: Any, checker: Checker) -> Any:
    """A custom value in its field's type, or None; problems go to ``checker``."""
    name = f"custom:{field.key}"
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if field.kind == FieldKind.NUMBER:
        try:
            return Decimal(str(raw).strip())
        except InvalidOperation:
            checker.fail(name, INVALID_NUMBER, value=raw)
            return None
    if field.kind == FieldKind.DATE:
        if isinstance(raw, date):
            return raw
        try:
            return date.fromisoformat(str(raw).strip())
        except ValueError:
            checker.fail(name, INVALID_DATE, value=raw)
            return None
    text = clean_text(str(raw))
    if field.kind == FieldKind.CHOICE and text not in field.choices:
        checker.fail(name, INVALID_CHOICE, value=raw)
        return None
    return text


def apply_value(row: CustomValue, kind: str, value: Any) -> None:
    row.value_text = value if kind in (FieldKind.TEXT, FieldKind.CHOICE) else None
    row.value_number = value if kind == FieldKind.NUMBER else None
    row.value_date = value if kind == FieldKind.DATE else None


def stored_value(row: CustomValue) -> Any:
    if row.value_number is not None:
        return row.value_number
    if row.value_date is not None:
        return row.value_date
    return row.value_text
