"""What a customer file holds, and the rules every new or changed file passes.

The customer form, the import, merges and the demo generator all check values here
(:func:`check_customer`), so one customer reads the same however it was entered.
Only what needs the database (a customer code already in use) is checked elsewhere.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any

from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.models import CustomerKind, Gender
from camdesk.services.core.validation import Checker, short_city, short_province
from camdesk.services.customers import custom_fields as cf
from camdesk.services.customers.places import chinese_name

# Columns a person edits on the customer form, in form order.
FIELDS = (
    "kind", "code", "name", "gender", "birthday", "lunar_birthday", "mobile", "phone", "email",
    "province", "city", "address", "source", "company_name", "industry",
    "company_size", "preferences", "owner_id",
)  # fmt: skip
# Notes are not a field: each is a dated entry of the contact log (interaction kind "note").
CONTACT_FIELDS = ("name", "title", "mobile", "phone", "email", "notes")


@dataclass(frozen=True)
class ContactData:
    """A contact person as entered; ``id`` set when it already exists."""

    name: str
    title: str | None = None
    mobile: str | None = None
    phone: str | None = None
    email: str | None = None
    notes: str | None = None
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class CustomerData:
    """What a person enters on the customer form (raw; the service validates)."""

    name: str
    kind: str = CustomerKind.PERSON.value
    code: str | None = None
    gender: str | None = None
    birthday: date | None = None
    lunar_birthday: str | None = None  # the lunar month and day celebrated: "08-15", "闰六月十五"
    mobile: str | None = None
    phone: str | None = None
    email: str | None = None
    province: str | None = None
    city: str | None = None
    address: str | None = None
    source: str | None = None
    company_name: str | None = None
    industry: str | None = None
    company_size: str | None = None
    preferences: str | None = None
    owner_id: uuid.UUID | None = None
    tags: tuple[str, ...] = ()
    custom: Mapping[str, Any] = field(default_factory=dict)
    contacts: tuple[ContactData, ...] = ()


@dataclass(frozen=True)
class CustomerRecord(CustomerData):
    """A saved customer file, as read in one transaction.

    Attributes:
        id, version: identity and the optimistic-locking version to edit against.
        updated_by_name, owner_name: display names, resolved for the GUI.
    """

    id: uuid.UUID = field(default_factory=uuid.uuid4)
    version: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None
    updated_by_name: str = ""
    owner_name: str = ""
    last_contact_at: datetime | None = None
    deleted: bool = False

    def as_data(self) -> CustomerData:
        """The editable part, e.g. to start a form from."""
        names = {f.name for f in fields(CustomerData)}
        return CustomerData(**{n: getattr(self, n) for n in names})


def check_customer(
    data: CustomerData, definitions: Mapping[str, cf.FieldInfo], check: Checker
) -> dict[str, Any]:
    """The values to store for ``data``, every problem noted in ``check``.

    Everything but what needs the database (a customer code already in use), so
    an import can check a hundred thousand rows against the same rules.
    """
    values: dict[str, Any] = {
        "name": check.text("name", data.name, 200, required=True),
        "code": check.code("code", data.code, 40),
        "mobile": check.phone("mobile", data.mobile),
        "phone": check.phone("phone", data.phone),
        "email": check.email("email", data.email),
        "birthday": check.past_date("birthday", data.birthday),
        "lunar_birthday": check.lunar_day("lunar_birthday", data.lunar_birthday),
        "owner_id": data.owner_id,
    }
    try:
        values["kind"] = CustomerKind(data.kind)
    except ValueError:
        check.fail("kind", QT_TRANSLATE_NOOP("errors", "Choose person or company."))
    try:
        values["gender"] = Gender(data.gender) if data.gender else None
    except ValueError:
        check.fail("gender", QT_TRANSLATE_NOOP("errors", "Choose female, male or other."))
    for name, limit in (
        ("province", 40),
        ("city", 40),
        ("address", 300),
        ("source", 40),
        ("company_name", 200),
        ("industry", 60),
        ("company_size", 20),
    ):
        values[name] = check.text(name, getattr(data, name), limit)
    # Place names have one spelling, the Chinese one (Zhejiang Province -> 浙江; see places).
    values["province"] = short_province(chinese_name(values["province"], province=True))
    values["city"] = short_city(
        chinese_name(values["city"], province=False, in_province=values["province"])
    )
    values["preferences"] = check.text("preferences", data.preferences, 4000, multiline=True)
    contacts = []
    for index, contact in enumerate(data.contacts):
        prefix = f"contacts[{index}]."
        contacts.append(
            {
                "id": contact.id,
                "name": check.text(prefix + "name", contact.name, 100, required=True),
                "title": check.text(prefix + "title", contact.title, 60),
                "mobile": check.phone(prefix + "mobile", contact.mobile),
                "phone": check.phone(prefix + "phone", contact.phone),
                "email": check.email(prefix + "email", contact.email),
                "notes": check.text(prefix + "notes", contact.notes, 4000, multiline=True),
            }
        )
    custom = {}
    for key, raw in data.custom.items():
        if key in definitions:
            custom[key] = cf.parse_value(definitions[key], raw, check)
    tags = tuple(dict.fromkeys(t for t in (check.text("tags", t, 40) for t in data.tags) if t))
    values["contacts"], values["custom"], values["tags"] = contacts, custom, tags
    return values
