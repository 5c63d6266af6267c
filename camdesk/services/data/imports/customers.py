"""Importing customers from a table: check every row, match, then write in one go.

1. Every row is converted (:mod:`import_rows`) and checked against the same
   rules as the customer form (:func:`customers.check_customer`); a problem
   names the row, the column, the value and why.
2. Rows are matched to existing customers by customer code, then mobile, then
   email; a match is updated, skipped or imported as new, as chosen.  An update
   changes only what the row says (its empty cells keep what is stored).
3. Unless it is a dry run, or all-or-nothing was asked and a row failed, the
   good rows are written in one transaction: new customers by bulk inserts
   (with their tags, custom values, search keys and one change-log entry each),
   updates through the customer service's own path.  A failure or a cancel
   leaves the database as it was.  All entries share one change id.
4. A "备注" cell is no field: it adds a dated note to the customer's contact log, unless
   the customer has that text already (:mod:`camdesk.services.customers.notes`).

Orders and interactions are in :mod:`import_activity`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from camdesk.db import Database
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.models import Customer, CustomerKind, LeftOutValue, User, new_id, utcnow
from camdesk.services.core.bulk import gc_paused, indexes_rebuilt, insert_rows
from camdesk.services.core.changelog import ChangeWriter
from camdesk.services.core.changes import Kind
from camdesk.services.core.context import Actor
from camdesk.services.core.progress import step as report_step
from camdesk.services.core.validation import Checker
from camdesk.services.customers import files as customer_service
from camdesk.services.customers.builder import TABLES, NewCustomers
from camdesk.services.customers.custom_fields import FieldInfo
from camdesk.services.customers.files import CustomerData, CustomerRecord, as_edited, check_customer
from camdesk.services.customers.notes import add_notes, new_notes
from camdesk.services.data import cleaning
from camdesk.services.data.imports import new_fields, peers
from camdesk.services.data.imports.fields import ColumnMap, ImportKind
from camdesk.services.data.imports.history import note_run
from camdesk.services.data.imports.report import (
    FieldChange,
    ImportOptions,
    ImportRefused,
    ImportReport,
    OnMatch,
    OwnerPolicy,
    RowProblem,
)
from camdesk.services.data.imports.rows import row_reader
from camdesk.services.data.sheets import Table

CODE_REPEATED = QT_TRANSLATE_NOOP("errors", "The customer code {value} is also in row {other}.")
CODE_TAKEN = QT_TRANSLATE_NOOP("errors", "The customer code {value} belongs to {name}.")
NOT_A_USER = QT_TRANSLATE_NOOP("errors", "No user is called “{value}”.")
UNKNOWN_OWNER = QT_TRANSLATE_NOOP(
    "errors", "No user is called “{value}”: choose to create the owners, or import without them."
)
Progress = Callable[[int, int], None]

__all__ = [
    "ImportOptions",
    "ImportRefused",
    "ImportReport",
    "OnMatch",
    "OwnerPolicy",
    "import_customers",
]


@dataclass
class _Row:
    """A row that passed its checks, and what will happen to it."""

    index: int  # in table.rows
    given: dict[str, Any]  # the values the row states
    values: dict[str, Any]  # as check_customer returns them
    match: uuid.UUID | None = None
    skipped: bool = False
    new_owner: str | None = None  # an owner to create as a user (OwnerPolicy.CREATE)
    note: str | None = None  # a note for the contact log (checked)
    problems: list[RowProblem] = field(default_factory=list)
    # Cells not stored although the row is imported: (field, value, message, params).
    left_out: list[tuple[str, str, str, dict[str, Any]]] = field(default_factory=list)


@gc_paused()  # millions of small objects: see bulk.gc_paused
def import_customers(
    db: Database,
    table: Table,
    options: ImportOptions,
    actor: Actor,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import the customer rows of ``table``; see the module notes.

    Raises:
        ImportRefused: all-or-nothing was asked and some rows have problems.
        Cancelled: ``cancelled()`` turned true; nothing was written.
    """
    report = ImportReport(rows=len(table.rows), dry_run=options.dry_run)
    total = 2 * len(table.rows) or 1

    def step(done: int) -> None:
        report_step(progress, cancelled, done, total)

    with db.read() as session:
        definitions = {f.key: f for f in customer_service.field_infos(session)}
        owners = _owners(session)
    options = replace(options, mapping=new_fields.plan(options.mapping, definitions))
    good = _check_rows(table, options, definitions, owners, report, step)
    with import_session(db, options, report, actor) as session:
        _match(session, table, good, options, report)
        if options.dry_run:
            _preview_updates(session, table, good, options, definitions, report)
        if report.stop_before_writing(options):
            return report
        writer = ChangeWriter(session, actor, uuid.uuid4())
        _create_owners(session, good)
        kept = [r for r in good if not r.problems and not r.skipped]
        if new_fields.create(writer, definitions, kept):
            report.kinds |= Kind.FIELDS
        fresh = [r for r in kept if r.match is None]
        updates = [r for r in kept if r.match is not None]
        made = insert_customers(session, writer, [r.values for r in fresh], definitions,
                                lambda n: step(len(table.rows) + n))  # fmt: skip
        keep_left_out(session, writer, [*zip(made, fresh, strict=True),
                                        *((cast(uuid.UUID, r.match), r) for r in updates)])  # fmt: skip
        noted = _add_notes(session, writer, [*zip(made, fresh, strict=True),
                                             *((cast(uuid.UUID, r.match), r) for r in updates)])  # fmt: skip
        report.notes_added = len(noted)
        changed: set[uuid.UUID] = set()  # a customer two rows match: the second sees the first
        users = _user_names(session)
        for number, (row, stored) in enumerate(_with_records(session, updates), start=1):
            if row.match in changed:
                stored = (stored[0], customer_service.record_of(session, stored[0]))
            if _update(session, writer, row, stored, definitions, options.on_match,
                       _Changes(report, table.row_numbers[row.index], users)):  # fmt: skip
                changed.add(cast(uuid.UUID, row.match))
            elif row.match not in noted:  # a new note alone is a change too
                report.updated -= 1
                report.unchanged += 1
            if number % 200 == 0:
                step(len(table.rows) + len(fresh) + number)
        report.change_id = writer.txn_id
        if noted:
            report.kinds |= Kind.INTERACTIONS
    report.written = True
    step(total)
    return report


# --------------------------------------------------------------------------- checking


def _owners(session: Session) -> dict[str, uuid.UUID]:

    found: dict[str, uuid.UUID] = {}
    for ident, login, name in session.execute(
        select(User.id, User.username, User.display_name).where(User.deleted_at.is_(None))
    ):
        found.setdefault(login.lower(), ident)
        found.setdefault(name.lower(), ident)
    return found


# A bad value in these refuses the row: without it the row would be another customer.
ROW_FIELDS = frozenset({"name", "code", "kind"})


def _check_rows(
    table: Table,
    options: ImportOptions,
    definitions: dict[str, FieldInfo],
    owners: dict[str, uuid.UUID],
    report: ImportReport,
    step: Callable[[int], None],
) -> list[_Row]:
    """Convert and check every row. A bad cell costs only its value (the row is imported
    without it, the problem reported as ``dropped``) unless it is the row's name, code or
    kind, or ``options.strict`` asks to refuse the whole row."""
    columns = _columns(options.mapping)
    kinds = {key: str(info.kind) for key, info in definitions.items()}
    companies = peers.lists_companies(columns.get("name"))
    good: list[_Row] = []
    read = row_reader(table.headers, options.mapping, ImportKind.CUSTOMERS, kinds)
    for index, cells in enumerate(table.rows):
        if index % 1000 == 0:
            step(index)
        given, cell_problems = read(cells)
        number = table.row_numbers[index]
        found = [(p.field, str(p.params.get("value", "")), p.message, p.params)
                 for p in cell_problems]  # fmt: skip
        owner, new_owner = given.pop("owner", None), None
        owner_left_out: list[tuple[str, str, str, dict[str, Any]]] = []
        if owner is not None:
            name = str(owner).strip()
            given["owner_id"] = owners.get(name.lower())
            if given["owner_id"] is None:
                report.unknown_owners[name] = report.unknown_owners.get(name, 0) + 1
                if options.owners is OwnerPolicy.REFUSE:
                    found.append(("owner", name, UNKNOWN_OWNER, {"value": name}))
                elif options.owners is OwnerPolicy.CREATE:
                    new_owner = name
                else:  # imported without its owner: the data quality list keeps the name
                    owner_left_out = [("owner", name, NOT_A_USER, {"value": name})]
                given.pop("owner_id")  # never clears the owner a matched customer has
        noting = Checker()
        note = noting.text("notes", given.pop("notes", None), 20_000, multiline=True)
        check = Checker()
        values = check_customer(_data(given), definitions, check)
        found += [(p.field, _shown(cells, table.headers, columns, p.field), p.message, p.params)
                  for p in noting.problems]  # fmt: skip
        found += [(p.field, _shown(cells, table.headers, columns, p.field), p.message, p.params)
                  for p in check.problems]  # fmt: skip
        fields = {f for f, *_ in found}
        refused = bool(found) and (options.strict or bool(fields & ROW_FIELDS) or (
            "owner" in fields and options.owners is OwnerPolicy.REFUSE))  # fmt: skip
        if found and not refused:  # keep the row, without its bad values
            for name in fields:
                given.pop(name, None)
            check = Checker()
            values = check_customer(_data(given), definitions, check)
            refused = bool(check.problems)
        report.add(RowProblem(number, columns.get(f, ""), value, message, params,
                              dropped=not refused) for f, value, message, params in found)  # fmt: skip
        if not refused:
            if "kind" not in given and (companies or peers.company_by_name(values["name"])):
                values["kind"] = CustomerKind.COMPANY  # a new file only: updates keep theirs
            left_out = [(f, value, message, dict(params)) for f, value, message, params in found]
            good.append(_Row(index, given, values, new_owner=new_owner, note=note,
                             left_out=left_out + owner_left_out))  # fmt: skip
    return good


def keep_left_out(session: Session, writer: ChangeWriter, rows: Iterable[tuple[uuid.UUID, _Row]]
                  ) -> None:  # fmt: skip
    """Keep what the imported rows left out, by customer, for the data quality list."""
    at = utcnow()
    kept = [
        {"id": new_id(), "customer_id": ident, "field": name, "value": value,
         "message": message, "params": {k: str(v) for k, v in params.items()} or None,
         "txn_id": writer.txn_id, "created_at": at, "created_by": writer.actor.user_id,
         "dismissed_at": None}
        for ident, row in rows for name, value, message, params in row.left_out
    ]  # fmt: skip
    insert_rows(session.connection(), LeftOutValue, kept)


def _create_owners(session: Session, rows: list[_Row]) -> None:
    """Make users of the owners the file names that are not users yet (OwnerPolicy.CREATE)."""
    from camdesk.services.core.users import user_named

    made: dict[str, uuid.UUID] = {}
    for row in rows:
        if row.new_owner is not None:
            if row.new_owner not in made:
                made[row.new_owner] = user_named(session, row.new_owner)
            row.values["owner_id"] = made[row.new_owner]
            row.given["owner_id"] = made[row.new_owner]


def _columns(mapping: ColumnMap) -> dict[str, str]:
    """Field key -> the header it came from (a name made of first and last: the first)."""
    columns: dict[str, str] = {}
    for header, key in mapping.items():
        columns.setdefault(key, header)
    for part in ("last_name", "first_name"):
        if part in columns:
            columns.setdefault("name", columns[part])
    return columns


def _shown(cells: Sequence[Any], headers: Sequence[str], columns: dict[str, str], key: str) -> str:
    header = columns.get(key)
    if header is None or header not in headers:
        return ""
    return cleaning.text(cells[headers.index(header)]) or ""


def _data(given: dict[str, Any]) -> CustomerData:
    plain: dict[str, Any] = {"name": ""}
    custom: dict[str, Any] = {}
    for key, value in given.items():  # one pass: 100,000 rows
        if key.startswith("custom:"):
            custom[key[7:]] = value
        else:
            plain[key] = value
    return CustomerData(**plain, custom=custom)


# --------------------------------------------------------------------------- matching


def _match(
    session: Session, table: Table, rows: list[_Row], options: ImportOptions, report: ImportReport
) -> None:
    codes = existing_customers(
        session, Customer.code, {r.values["code"] for r in rows if r.values["code"]}
    )
    mobiles = existing_customers(
        session, Customer.mobile, {r.values["mobile"] for r in rows if r.values["mobile"]}
    )
    emails = existing_customers(
        session, Customer.email, {r.values["email"] for r in rows if r.values["email"]}
    )
    seen_codes: dict[str, int] = {}
    for row in rows:
        values, number = row.values, table.row_numbers[row.index]
        code = values["code"]
        found = (
            (codes.get(code) if code else None)
            or (mobiles.get(values["mobile"]) if values["mobile"] else None)
            or (emails.get(values["email"]) if values["email"] else None)
        )
        if found is not None and options.on_match is OnMatch.SKIP:
            report.skipped += 1
            row.skipped = True
            continue
        if found is not None and options.on_match in (OnMatch.UPDATE, OnMatch.FILL):
            row.match = found[0]
        problem = None
        if code and code in seen_codes:
            problem = RowProblem(number, "", code, CODE_REPEATED,
                                 {"value": code, "other": seen_codes[code]})  # fmt: skip
        elif code and code in codes and codes[code][0] != row.match:
            problem = RowProblem(number, "", code, CODE_TAKEN,
                                 {"value": code, "name": codes[code][1]})  # fmt: skip
        if code:
            seen_codes.setdefault(code, number)
        if problem is not None:
            row.problems.append(problem)
            report.add([replace(problem, column=_code_column(options.mapping))])
        elif row.match is not None:
            report.updated += 1
        else:
            report.created += 1


def _code_column(mapping: ColumnMap) -> str:
    return next((h for h, k in mapping.items() if k == "code"), "")


Attached = list[tuple[dict[str, Any], uuid.UUID]]


IMPORT_LOCK = "import"


@contextmanager
def import_session(db: Database, options: ImportOptions, report: ImportReport,
                   actor: Actor) -> Iterator[Session]:  # fmt: skip
    """Where an import matches its rows to the database and writes them: one transaction
    under the import lock, so a second import (another window, another PC, the CLI) waits
    and then sees what the first wrote. A dry run only reads. An import that wrote
    something enters the import history in the same transaction."""
    if options.dry_run:
        with db.read() as session:
            yield session
    else:
        with db.write(lock=IMPORT_LOCK, bulk=True) as session:
            yield session
            if report.change_id is not None:
                note_run(session, options, report, actor)


def write_attached(
    session: Session,
    actor: Actor,
    report: ImportReport,
    fresh: dict[Any, dict[str, Any]],
    planned: list[tuple[dict[str, Any], Any]],
    write: Callable[[Session, ChangeWriter, Attached], None],
) -> ImportReport:
    """Write rows that belong to customers (orders, interactions, contacts), in one go,
    in the :func:`import_session` they were planned in.

    ``fresh`` holds the customers to create (checked values) by a key; ``planned``
    pairs each row with its customer's id or such a key. The new customers are
    written first, then ``write`` gets every row with its customer's id.
    """
    writer = ChangeWriter(session, actor, uuid.uuid4())
    made = insert_customers(session, writer, list(fresh.values()), {}, lambda n: None)
    new_ids = dict(zip(fresh.keys(), made, strict=True))
    write(session, writer,
          [(v, o if isinstance(o, uuid.UUID) else new_ids[o]) for v, o in planned])  # fmt: skip
    report.change_id = writer.txn_id
    report.written = True
    return report


def existing_customers(
    session: Session, column: Any, keys: Iterable[str]
) -> dict[str, tuple[uuid.UUID, str]]:
    """Live customers by a key column: key -> (id, name), the oldest where several share it."""
    wanted = sorted(keys)
    found: dict[str, tuple[uuid.UUID, str]] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for key, ident, name in session.execute(
            select(column, Customer.id, Customer.name)
            .where(Customer.deleted_at.is_(None), column.in_(chunk))
            .order_by(Customer.created_at)
        ):
            found.setdefault(key, (ident, name))
    return found


# --------------------------------------------------------------------------- writing


def insert_customers(
    session: Session,
    writer: ChangeWriter,
    rows: list[dict[str, Any]],
    definitions: dict[str, FieldInfo],
    step: Callable[[int], None],
) -> list[uuid.UUID]:
    """Write new customers (values as :func:`check_customer` returns them) in bulk; their ids."""
    if not rows:
        return []
    builder = NewCustomers(session, writer, definitions, many=True)
    with indexes_rebuilt(session.connection(), TABLES, len(rows)):
        return builder.add_many(rows, step=step)


class _Changes:
    """Notes what one row changes in the report (at most MAX_CHANGES_LISTED in all)."""

    def __init__(self, report: ImportReport, number: int, users: dict[Any, str]) -> None:
        self.report, self.number, self.users = report, number, users

    def __call__(self, customer: str, field: str, old: Any, new: Any) -> None:
        if field == "owner_id":  # owners by name, as people know them
            old, new = self.users.get(old, old), self.users.get(new, new)
        if len(self.report.field_changes) < MAX_CHANGES_LISTED:
            self.report.field_changes.append(FieldChange(self.number, customer, field, old, new))


def _add_notes(session: Session, writer: ChangeWriter, rows: list[tuple[uuid.UUID, _Row]]
               ) -> set[uuid.UUID]:  # fmt: skip
    """Add the rows' notes their customers do not have yet; the customers given one."""
    fresh = new_notes(session, [(ident, row.note) for ident, row in rows if row.note])
    add_notes(session, writer, fresh, utcnow())
    return {ident for ident, _ in fresh}


def _user_names(session: Session) -> dict[Any, str]:
    return {ident: name for ident, name in session.execute(select(User.id, User.display_name))}


MAX_CHANGES_LISTED = 5000


def _planned(record: CustomerRecord, given: dict[str, Any], on_match: OnMatch) -> CustomerData:
    """The file a matched row makes of ``record``: its values over the stored ones
    (``UPDATE``), or only where the file is empty (``FILL``); tags are always added."""
    custom_given = {k[7:]: v for k, v in given.items() if k.startswith("custom:")}
    plain = {k: v for k, v in given.items() if not k.startswith("custom:")}
    if on_match is OnMatch.FILL:
        plain = {k: v for k, v in plain.items()
                 if k == "tags" or getattr(record, k, None) in (None, "")}  # fmt: skip
        custom_given = {k: v for k, v in custom_given.items() if record.custom.get(k) is None}
    if "tags" in plain:  # tags in the file are added to the customer's own
        plain["tags"] = tuple(dict.fromkeys((*record.tags, *plain["tags"])))
    return as_edited(record, **plain, custom={**record.custom, **custom_given})


def _differences(new: dict[str, Any], old: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(field, old, new) for each field two sets of checked values store differently."""
    found = [(k, old[k], new[k]) for k in customer_service.FIELDS if old[k] != new[k]]
    if sorted(old["tags"]) != sorted(new["tags"]):
        found.append(("tags", ", ".join(old["tags"]), ", ".join(new["tags"])))
    for key in sorted(set(old["custom"]) | set(new["custom"])):
        if old["custom"].get(key) != new["custom"].get(key):
            found.append((f"custom:{key}", old["custom"].get(key), new["custom"].get(key)))
    return found


def _row_changes(stored: tuple[Customer, CustomerRecord], row: _Row, on_match: OnMatch,
                 definitions: dict[str, FieldInfo]) -> tuple[Any, Any, list[Any]]:  # fmt: skip
    customer, record = stored
    data = _planned(record, row.given, on_match)
    if data == record.as_data():
        return customer, None, []
    values = check_customer(data, definitions, Checker())
    return customer, values, _differences(
        values, check_customer(record.as_data(), definitions, Checker()))  # fmt: skip


def _with_records(session: Session, rows: list[_Row]
                  ) -> Iterator[tuple[_Row, tuple[Customer, CustomerRecord]]]:  # fmt: skip
    """Each matched row with its customer as stored, read 1,000 customers at a time."""
    for start in range(0, len(rows), 1000):
        chunk = rows[start : start + 1000]
        stored = customer_service.records_of(session, [cast(uuid.UUID, r.match) for r in chunk])
        for row in chunk:
            yield row, stored[cast(uuid.UUID, row.match)]


def _preview_updates(session: Session, table: Table, rows: list[_Row], options: ImportOptions,
                     definitions: dict[str, FieldInfo], report: ImportReport) -> None:  # fmt: skip
    """A dry run: what each matched row would change, and which would change nothing."""
    matched = [r for r in rows if r.match is not None and not r.problems and not r.skipped]
    users = _user_names(session)
    noting = dict(new_notes(session, [(cast(uuid.UUID, r.match), r.note) for r in matched
                                      if r.note]))  # fmt: skip
    for row, stored in _with_records(session, matched):
        customer, _values, changes = _row_changes(stored, row, options.on_match, definitions)
        note = _Changes(report, table.row_numbers[row.index], users)
        for field_name, old, new in changes:
            note(customer.name, field_name, old, new)
        if row.match in noting:
            note(customer.name, "notes", None, noting.pop(cast(uuid.UUID, row.match)))
        elif not changes:
            report.updated -= 1
            report.unchanged += 1


def _update(session: Session, writer: ChangeWriter, row: _Row,
            stored: tuple[Customer, CustomerRecord], definitions: dict[str, FieldInfo],
            on_match: OnMatch, note: Callable[[str, str, Any, Any], None]) -> bool:  # fmt: skip
    """Apply a matched row to its customer; False if it changes nothing (then nothing is
    written: the customer's version and history stay as they were)."""
    customer, values, changes = _row_changes(stored, row, on_match, definitions)
    if not changes:
        return False
    for field_name, old, new in changes:
        note(customer.name, field_name, old, new)
    customer.updated_by = writer.actor.user_id
    customer_service.apply_values(session, customer, values, writer, customer.version)
    return True
