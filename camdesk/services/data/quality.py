"""Data quality: customers whose key fields are missing or invalid, to fix one by one.

A customer file is only useful if the customer can be reached and placed:
:func:`quality_issues` lists live customers without any way to reach them (no
mobile, phone or email), with a phone or email the checks of the customer form
would refuse (data that came in before those checks, or from another tool), or
without a city, or with a required custom field empty, and the values an import left
out of their rows (a malformed
email, an owner who is not a user) while the field is still empty.  The scan reads the key columns with the driver's own cursor,
in the background, so a million customers take seconds.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import select

from camdesk.db import Database
from camdesk.errors import Cancelled
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.models import Customer, CustomField, CustomValue, LeftOutValue, utcnow
from camdesk.services.core.changes import NOTHING, Changes, Kind, Written
from camdesk.services.core.raw import as_uuid, raw_cursor
from camdesk.services.core.validation import (
    normalize_email,
    normalize_phone,
    phone_digits,
    short_city,
    short_province,
)

UNREACHABLE = QT_TRANSLATE_NOOP("Quality", "no mobile, phone or email")
BAD_MOBILE = QT_TRANSLATE_NOOP("Quality", "mobile {value}: {reason}")
BAD_PHONE = QT_TRANSLATE_NOOP("Quality", "phone {value}: {reason}")
BAD_EMAIL = QT_TRANSLATE_NOOP("Quality", "email {value}: {reason}")
# Why a value is wrong (the {reason} above; translated in context "Quality" too).
DIGITS = QT_TRANSLATE_NOOP("Quality", "{digits} digits, where a mainland mobile has 11")
NOT_IN_USE = QT_TRANSLATE_NOOP("Quality", "no network gives out numbers like it")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("Quality", "not a phone number")
NO_AT = QT_TRANSLATE_NOOP("Quality", "no @ in it")
NOT_AN_ADDRESS = QT_TRANSLATE_NOOP("Quality", "not an address mail can reach")
NO_CITY = QT_TRANSLATE_NOOP("Quality", "no city")
NO_NAME = QT_TRANSLATE_NOOP("Quality", "name missing (the code, phone or email stands in)")
REQUIRED_EMPTY = QT_TRANSLATE_NOOP("Quality", "{label}: required, but empty")


@dataclass(frozen=True)
class LeftOut:
    """A value an import left out of this customer's row, while the field is still empty.

    Attributes:
        field: the customer field ("email", "owner", "custom:level").
        label: a custom field's label ("" for the form's own fields).
        value: the cell as the file had it.
        message, params: why (English source text, context "errors").
    """

    field: str
    label: str
    value: str
    message: str
    params: dict[str, str]


class Finding(NamedTuple):
    """What is wrong, as an English source text (context "Quality") and its values; a
    "reason" value is a source text of its own, translated alike."""

    message: str
    params: Mapping[str, str] = {}


@dataclass(frozen=True)
class QualityIssue:
    """One customer and what is wrong with its file, with what imports left out of it."""

    customer_id: uuid.UUID
    name: str
    problems: tuple[Finding, ...]
    left_out: tuple[LeftOut, ...] = ()

    @property
    def messages(self) -> tuple[str, ...]:
        return tuple(p.message for p in self.problems)


def _phone_reason(raw: str, mobile: bool) -> Finding:
    """Why ``raw`` is not a phone number: the digits of a mainland mobile counted, a block
    no network uses, or not a number at all (letters in it, say)."""
    if re.search(r"[^\d\s+\-().]", raw):
        return Finding(NOT_A_NUMBER)
    national = re.sub(r"\D", "", raw)
    if national.startswith("861") and len(national) >= 12:  # +86 or 86 before the mobile
        national = national[2:]
    if mobile and national.startswith("1") and len(national) != 11:
        return Finding(DIGITS, {"digits": str(len(national))})
    if national.startswith("1"):
        return Finding(NOT_IN_USE)
    return Finding(NOT_A_NUMBER)


def _wrong(message: str, value: str, reason: Finding) -> Finding:
    return Finding(message, {"value": value, "reason": reason.message, **reason.params})


def _valid(check: Callable[[str], str], value: str) -> bool:
    try:
        check(value)
    except ValueError:
        return False
    return True


def quality_issues(
    db: Database,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[QualityIssue]:
    """Every live customer with a missing or invalid key field, in name order."""
    statement = (
        select(Customer.id, Customer.name, Customer.mobile, Customer.phone, Customer.email,
               Customer.city, Customer.code)
        .where(Customer.deleted_at.is_(None))
        .order_by(Customer.sort_key, Customer.id)
    )  # fmt: skip
    found: list[QualityIssue] = []
    with db.read() as session:
        left_out = _left_out(session)
        required = _required_holders(session)
        with raw_cursor(session, statement) as cursor:
            for count, (ident, name, mobile, phone, email, city, code) in enumerate(cursor):
                if count % 20000 == 0:
                    if cancelled is not None and cancelled():
                        raise Cancelled()
                    if progress is not None:
                        progress(count, count + 1)
                problems: list[Finding] = []
                if name in (code, email) or (
                    name.isdigit() and name in (phone_digits(mobile), phone_digits(phone))
                ):  # made from its key
                    problems.append(Finding(NO_NAME))
                if not (mobile or phone or email):
                    problems.append(Finding(UNREACHABLE))
                if mobile and not _valid(normalize_phone, mobile):
                    problems.append(_wrong(BAD_MOBILE, mobile, _phone_reason(mobile, True)))
                if phone and not _valid(normalize_phone, phone):
                    problems.append(_wrong(BAD_PHONE, phone, _phone_reason(phone, False)))
                if email and not _valid(normalize_email, email):
                    reason = Finding(NOT_AN_ADDRESS if "@" in email else NO_AT)
                    problems.append(_wrong(BAD_EMAIL, email, reason))
                if not city:
                    problems.append(Finding(NO_CITY))
                problems += [Finding(REQUIRED_EMPTY, {"label": label})
                             for label, holders in required if ident not in holders]  # fmt: skip
                kept = left_out.get(ident, ())
                if problems or kept:
                    found.append(QualityIssue(as_uuid(ident), name, tuple(problems), tuple(kept)))
    return found


def _required_holders(session: Any) -> list[tuple[str, set[Any]]]:
    """Each required custom field's label with the customers holding a value in it (ids
    as the raw cursor gives them, like the scan's own: imports keep a row whose required
    field is empty, so this list is where the user finds it)."""
    found = []
    for field_id, label in session.execute(
        select(CustomField.id, CustomField.label)
        .where(CustomField.required.is_(True), CustomField.deleted_at.is_(None))
        .order_by(CustomField.position)
    ):  # fmt: skip
        held = select(CustomValue.customer_id).where(
            CustomValue.field_id == field_id,
            (CustomValue.value_text.is_not(None)) | (CustomValue.value_number.is_not(None))
            | (CustomValue.value_date.is_not(None)),
        )  # fmt: skip
        with raw_cursor(session, held) as cursor:
            found.append((label, {ident for (ident,) in cursor}))
    return found


def _left_out(session: Any) -> dict[Any, list[LeftOut]]:
    """What imports left out, by customer (as the raw cursor gives its id: a UUID or, on
    SQLite, its hex), where the field is still empty and no one dismissed it."""
    labels = dict(session.execute(select(CustomField.key, CustomField.label)).all())
    rows = session.execute(
        select(LeftOutValue, Customer).join(Customer, Customer.id == LeftOutValue.customer_id)
        .where(LeftOutValue.dismissed_at.is_(None), Customer.deleted_at.is_(None))
        .order_by(LeftOutValue.created_at, LeftOutValue.id)
    ).all()  # fmt: skip
    filled = set(session.execute(
        select(CustomValue.customer_id, CustomField.key).distinct()
        .join(CustomField, CustomField.id == CustomValue.field_id)
        .join(LeftOutValue, LeftOutValue.customer_id == CustomValue.customer_id)
        .where(LeftOutValue.dismissed_at.is_(None), LeftOutValue.field.startswith("custom:"))
    ).all())  # fmt: skip
    found: dict[Any, list[LeftOut]] = {}
    for row, customer in rows:
        if row.field.startswith("custom:"):
            empty = (customer.id, row.field[7:]) not in filled
        else:
            empty = getattr(customer, "owner_id" if row.field == "owner" else row.field, None) in (
                None, "")  # fmt: skip
        if empty:
            kept = LeftOut(row.field, labels.get(row.field[7:], "") if row.field.startswith(
                "custom:") else "", row.value, row.message, dict(row.params or {}))  # fmt: skip
            found.setdefault(customer.id, []).append(kept)
            found.setdefault(customer.id.hex, found[customer.id])
    return found


def dismiss_left_out(db: Database, customer_id: uuid.UUID) -> Written[int]:
    """Keep a customer's file as it is: what imports left out of it is no longer listed."""
    from sqlalchemy import update

    with db.write() as session:
        result = session.execute(
            update(LeftOutValue)
            .where(LeftOutValue.customer_id == customer_id, LeftOutValue.dismissed_at.is_(None))
            .values(dismissed_at=utcnow())
        )
        count = int(getattr(result, "rowcount", 0) or 0)
    return Written(count, Changes.of(Kind.FILES, [customer_id]) if count else NOTHING)


@dataclass(frozen=True)
class Tidied:
    """What :func:`standardize` changed: how many customers, under which change id."""

    customers: int
    change_id: uuid.UUID | None

    @property
    def changes(self) -> Changes:
        if self.change_id is None:
            return NOTHING
        return Changes.of(Kind.FILES, None, self.change_id)  # the action names them


def _tidy(field: str, value: str | None) -> str | None:
    from camdesk.services.data import cleaning

    if value is None:
        return None
    if field in ("mobile", "phone"):
        try:
            return normalize_phone(value)
        except ValueError:
            return value  # not ours to guess: the quality list shows it
    if field == "email":
        try:
            return normalize_email(value)
        except ValueError:
            return value
    if field == "province":
        return short_province(cleaning.text(value))
    if field == "city":
        return short_city(cleaning.text(value))
    return value


# Identifiers and place names only: names and other free text stay as they were typed.
TIDIED_FIELDS = ("mobile", "phone", "email", "province", "city")


def standardize(
    db: Database,
    actor: Any,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Tidied:
    """Bring stored values into camdesk's standard forms, as one undoable change.

    Phones to E.164, emails to lower case, provinces and cities to their short
    names; names and other free text stay as they were typed.  Values that
    cannot be read are left as they are (the quality list shows them).
    """
    import uuid as _uuid

    from camdesk.services.core.changelog import ChangeWriter
    from camdesk.services.customers import files as customers

    columns = [getattr(Customer, f) for f in TIDIED_FIELDS]
    changed: dict[uuid.UUID, list[tuple[str, Any, Any]]] = {}
    with db.read() as session:
        statement = select(Customer.id, *columns).where(Customer.deleted_at.is_(None))
        with raw_cursor(session, statement) as cursor:
            for count, (ident, *values) in enumerate(cursor):
                if count % 20000 == 0 and cancelled is not None and cancelled():
                    raise Cancelled()
                edits = [(f, v, _tidy(f, v)) for f, v in zip(TIDIED_FIELDS, values, strict=True)]
                edits = [e for e in edits if e[1] != e[2] and e[2] is not None]
                if edits:
                    changed[as_uuid(ident)] = edits
    if not changed:
        return Tidied(0, None)
    txn = _uuid.uuid4()
    with db.write() as session:
        log = ChangeWriter(session, actor, txn)
        for number, (ident, edits) in enumerate(changed.items(), start=1):
            customer = customers.load_customer(session, ident)
            log.fields("customer", ident, edits, customer.version)
            for field, _old, new in edits:
                setattr(customer, field, new)
            customer.updated_by = actor.user_id
            customer.sort_key = customers.sort_key(
                customer.name, person=customer.kind.value == "person"
            )
            customers.refresh_search_keys(session, customer)
            if number % 500 == 0:
                if cancelled is not None and cancelled():
                    raise Cancelled()
                if progress is not None:
                    progress(number, len(changed))
    return Tidied(len(changed), txn)
