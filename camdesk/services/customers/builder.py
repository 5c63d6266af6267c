"""New customer files: the one place that makes them, for the form, the import and the demo.

A new customer is more than its row: its contacts, tags and custom values, its sort key
and search keys, and its change-log entries must all be written in step. They are built
here from values as :func:`customer_data.check_customer` returns them, so whoever creates a
customer (a person on the form, an import of 100,000 rows, the demo generator) goes
through the same rules and stores the same things: the demo cannot write a value the form
would refuse.

Rows are collected and written in bulk (:mod:`bulk`), a chunk at a time; the search rows
wait for :meth:`NewCustomers.finish` so SQLite's full-text index is flushed once, or, for
an import, are indexed on a worker thread while the other rows are built
(:meth:`NewCustomers.add_many`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from camdesk.errors import ValidationError
from camdesk.models import (
    ChangeLog,
    Contact,
    Customer,
    CustomerSearch,
    CustomerTag,
    CustomValue,
    Tag,
    new_id,
    utcnow,
)
from camdesk.services.core.bulk import (
    Prepared,
    id_sequence,
    insert_prepared,
    insert_rows,
    prepared,
    written_behind,
)
from camdesk.services.core.changelog import ChangeWriter, Op
from camdesk.services.core.validation import Checker
from camdesk.services.customers.custom_fields import FieldInfo, apply_value
from camdesk.services.customers.record import CONTACT_FIELDS, FIELDS, CustomerData, check_customer
from camdesk.services.customers.search import KeySource, build_keys, sort_key
from camdesk.services.customers.search_order import OrderedIds

# The tables a bulk load fills (for bulk.indexes_rebuilt), parents first.
TABLES = (Customer, Contact, CustomerTag, CustomValue, ChangeLog, CustomerSearch)
CHUNK = 2000  # customers whose other rows add_many builds at a time
PART = 25_000  # at most this many customers' search rows indexed at a time by add_many


class NewCustomers:
    """Builds and writes new customer files in one transaction.

    Args:
        session: the write transaction.
        writer: the change log of the action (one change id for all of them).
        definitions: the custom fields by key (values of other keys are not stored).
        many: a bulk load; the search table's name-ordered ids are learnt in one query.

    Attributes:
        made: the ids of the customers added, in order.
    """

    def __init__(self, session: Session, writer: ChangeWriter,
                 definitions: Mapping[str, FieldInfo], *, many: bool = False) -> None:  # fmt: skip
        self.session, self.writer, self.definitions = session, writer, definitions
        self.made: list[uuid.UUID] = []
        self._tags: dict[str, uuid.UUID] = {}
        self._search_ids: OrderedIds | None = None
        if session.get_bind().dialect.name == "sqlite":  # name-ordered ids (search_order)
            self._search_ids = OrderedIds(session)
            if many:
                self._search_ids.load_all()
        self._rows: dict[Any, list[dict[str, Any]]] = {t: [] for t in TABLES}
        self._new_id = id_sequence() if many else new_id

    def check(self, data: CustomerData) -> dict[str, Any]:
        """``data`` checked by the customer form's rules; ValidationError if it fails them."""
        check = Checker()
        values = check_customer(data, self.definitions, check)
        if check.problems:
            raise ValidationError(check.problems)
        return values

    def add(self, values: dict[str, Any], *, created_at: datetime | None = None,
            last_contact_at: datetime | None = None) -> uuid.UUID:  # fmt: skip
        """Add one customer (values as :func:`check_customer` returns them); its id.

        ``created_at`` backdates a customer (the demo's history); ``last_contact_at``
        is what its interactions say, when they are added with it.
        """
        at = created_at or utcnow()
        ident = self._add_customer(values, at, last_contact_at)
        self._add_rest(ident, values, at)
        return ident

    def add_many(self, rows: Sequence[dict[str, Any]], *, step: Callable[[int], None],
                 created_at: datetime | None = None) -> list[uuid.UUID]:  # fmt: skip
        """Add and write many customers (an import); the ids of all added.

        Stores for each what :meth:`add` stores. ``step(done)`` reports progress from 0 to
        ``len(rows)``. On SQLite the search rows' full-text indexing (most of the writing)
        runs on a worker thread (:func:`bulk.written_behind`) a part at a time: while one
        part is indexed, the next part's customers and search keys are built, and while
        the last is, everyone's change log, contacts, tags and custom values.
        """
        if not rows:
            return self.made
        self.know_tags({t for r in rows for t in r["tags"]})  # none looked up while writing
        at = created_at or utcnow()
        conn = self.session.connection()
        size = min(PART, max(CHUNK, -(-len(rows) // 4)))
        made: list[uuid.UUID] = []
        with written_behind(conn, CustomerSearch) as behind:
            for start in range(0, len(rows), size):
                part = rows[start : start + size]
                made += [self._add_customer(values, at, None) for values in part]
                customers = prepared(conn, Customer, self._rows[Customer])
                search = self._rows[CustomerSearch]
                self._rows[Customer], self._rows[CustomerSearch] = [], []
                behind.wait()  # the part before is in: the connection is free
                if customers is not None:
                    insert_prepared(conn, customers)  # the search rows' parents
                behind.start(search)
                step((start + len(part)) // 2)
            waiting: list[Prepared] = []
            for start in range(0, len(rows), CHUNK):
                for ident, values in zip(made[start : start + CHUNK], rows[start : start + CHUNK],
                                         strict=True):  # fmt: skip
                    self._add_rest(ident, values, at)
                waiting += self._prepared_rest(conn)
                if not behind.busy():
                    behind.wait()
                    for batch in waiting:
                        insert_prepared(conn, batch)
                    waiting = []
                step((len(rows) + min(start + CHUNK, len(rows))) // 2)
            behind.wait()
            for batch in waiting:
                insert_prepared(conn, batch)
        return self.made

    def _add_customer(self, values: dict[str, Any], at: datetime,
                      last_contact_at: datetime | None) -> uuid.UUID:  # fmt: skip
        """The customer's row and its search row; its id."""
        ident = self._new_id()
        self.made.append(ident)
        person = values["kind"].value == "person"
        key = sort_key(values["name"], person=person)
        self._rows[Customer].append(
            {name: values[name] for name in FIELDS}
            | {
                "id": ident, "kind": values["kind"].value,
                "gender": values["gender"].value if values["gender"] else None,
                "sort_key": key, "created_at": at, "updated_at": at,
                "updated_by": self.writer.actor.user_id, "version": 1, "deleted_at": None,
                "last_contact_at": last_contact_at,
            }
        )  # fmt: skip
        contacts = values["contacts"]
        words, subs = build_keys(KeySource(
            name=values["name"], person=person, company_name=values["company_name"],
            code=values["code"], email=values["email"],
            phones=(values["mobile"], values["phone"],
                    *(p for c in contacts for p in (c["mobile"], c["phone"]))),
            contact_names=tuple(c["name"] for c in contacts),
            contact_emails=tuple(c["email"] for c in contacts),
            extras=tuple(str(v) for k, v in values["custom"].items() if v is not None
                         and k in self.definitions and self.definitions[k].searchable),
        ))  # fmt: skip
        search = {"customer_id": ident, "words": words, "subs": subs, "sort_key": key}
        if self._search_ids is not None:
            search["id"] = self._search_ids.take(key)
        self._rows[CustomerSearch].append(search)
        return ident

    def _add_rest(self, ident: uuid.UUID, values: dict[str, Any], at: datetime) -> None:
        """The customer's change-log entries, tags, custom values and contacts."""
        user = self.writer.actor.user_id
        self._rows[ChangeLog].append(
            self.writer.row(
                "customer", ident, Op.INSERT, new=_logged(values), at=at, ident=self._new_id()
            )
        )
        self._rows[CustomerTag] += [
            {"customer_id": ident, "tag_id": self._tag_id(name)} for name in values["tags"]
        ]
        for field_key, value in values["custom"].items():
            if value is not None and field_key in self.definitions:
                self._rows[CustomValue].append(
                    _custom_row(ident, self.definitions[field_key], value)
                )
        for contact in ({n: c[n] for n in CONTACT_FIELDS} for c in values["contacts"]):
            contact_id = self._new_id()
            self._rows[Contact].append(
                contact | {"id": contact_id, "customer_id": ident, "created_at": at,
                           "updated_at": at, "updated_by": user, "version": 1, "deleted_at": None}
            )  # fmt: skip
            self._rows[ChangeLog].append(
                self.writer.row(
                    "contact", contact_id, Op.INSERT, new=contact, at=at, ident=self._new_id()
                )
            )

    def _prepared_rest(self, conn: Connection) -> list[Prepared]:
        """The rows :meth:`_add_rest` collected, made ready for the driver (parents first)."""
        ready = []
        for model in (Contact, CustomerTag, CustomValue, ChangeLog):
            batch = prepared(conn, model, self._rows[model])
            self._rows[model] = []
            if batch is not None:
                ready.append(batch)
        return ready

    def know_tags(self, names: Iterable[str]) -> None:
        """Look up (or create) these tags at once, before adding many customers with them."""
        wanted = set(names) - self._tags.keys()
        if not wanted:
            return
        for name, ident in self.session.execute(
            select(Tag.name, Tag.id).where(Tag.name.in_(sorted(wanted)), Tag.deleted_at.is_(None))
        ):
            self._tags[name] = ident
        for name in sorted(wanted - self._tags.keys()):
            tag = Tag(name=name, updated_by=self.writer.actor.user_id)
            self.session.add(tag)
            self.session.flush()
            self._tags[name] = tag.id

    def _tag_id(self, name: str) -> uuid.UUID:
        if name not in self._tags:
            self.know_tags((name,))
        return self._tags[name]

    def write(self, *, keys: bool = False) -> None:
        """Write what was added so far; the search keys too if ``keys``, else they wait
        for :meth:`finish` (all in one go: SQLite's full-text index is flushed once)."""
        conn = self.session.connection()
        for model in TABLES if keys else TABLES[:-1]:
            insert_rows(conn, model, self._rows[model])
            self._rows[model] = []

    def finish(self) -> list[uuid.UUID]:
        """Write everything added; the ids of the new customers."""
        self.write(keys=True)
        return self.made


def _logged(values: dict[str, Any]) -> dict[str, Any]:
    """What the change log keeps of a new customer: every value it was given (the writer
    makes them JSON); contacts have entries of their own."""
    return {k: v for k, v in values.items() if v not in (None, (), {}, []) and k != "contacts"}


def _custom_row(ident: uuid.UUID, info: FieldInfo, value: Any) -> dict[str, Any]:
    row = CustomValue(customer_id=ident, field_id=info.id)
    apply_value(row, info.kind, value)
    return {"customer_id": ident, "field_id": info.id, "value_text": row.value_text,
            "value_number": row.value_number, "value_date": row.value_date}  # fmt: skip
