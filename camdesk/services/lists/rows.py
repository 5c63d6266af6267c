"""What the customer list shows, as plain values: its query and its rows.

Kept free of SQLAlchemy so that the window can show a list before the ORM has
loaded (see :mod:`camdesk.services.lists.quick`).
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from camdesk.services.lists.criteria import Criterion

NO_OWNER = uuid.UUID(int=0)  # the owner filter's "unassigned": customers nobody owns


class SortKey(enum.StrEnum):
    """Columns the list can be ordered by (each has an index)."""

    NAME = "name"
    KIND = "kind"
    PHONE = "phone"
    EMAIL = "email"
    CITY = "city"
    COMPANY = "company"
    OWNER = "owner"
    LAST_CONTACT = "last_contact"
    CODE = "code"
    CREATED = "created"
    CLV = "clv"


@dataclass(frozen=True)
class ListQuery:
    """What the list shows: search text, filters, order, extra columns.

    Attributes:
        custom_filter: (field key, value) pairs a customer's custom fields must equal.
        custom_columns: keys of the custom fields shown as columns.
        criteria: further conditions, all of which a customer must meet (value tier,
            stage, segment, CLV, demographics...; see :mod:`camdesk.services.lists.criteria`).
    """

    search: str = ""
    kind: str | None = None
    tag: str | None = None
    owner_id: uuid.UUID | None = None  # NO_OWNER: those without an owner
    city: str | None = None
    custom_filter: tuple[tuple[str, str], ...] = ()
    sort: SortKey = SortKey.NAME
    descending: bool = False
    custom_columns: tuple[str, ...] = ()
    criteria: tuple[Criterion, ...] = ()


@dataclass(frozen=True)
class CustomerRow:
    """One line of the customer list, ready to display."""

    id: uuid.UUID
    code: str | None
    name: str
    kind: str
    phone: str
    email: str | None
    city: str | None
    company: str | None
    owner: str | None
    last_contact: datetime | None
    tags: tuple[str, ...]
    custom: tuple[Any, ...]
    phones: tuple[str, ...] = ()
    province: str | None = None
    tier: str | None = None
    stage: str | None = None
    segment: str | None = None
    clv: int | None = None  # fen
    nps: int | None = None  # the latest survey answers (0-10, 1-5)
    csat: int | None = None


Anchor = tuple[str, uuid.UUID]
