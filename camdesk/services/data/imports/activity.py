"""Importing orders and interactions: each row finds its customer, or is refused.

A row names its customer by customer code, mobile, phone or email (tried in
that order).  A row whose customer is not found is refused, or, if asked, the
customer is created from the row's name and contact details (one customer for
all rows naming the same new one).  Rows already imported are recognised and
skipped, so importing the same file twice adds nothing: by order number where
there is one, else by customer, date, amount and product (interactions: by
customer, time, way of contact and subject).  Everything is written in one
transaction, as for customers.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from camdesk.db import Database
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.models import ChangeLog, Customer, Interaction, Order, PointsEntry, new_id
from camdesk.services.core.bulk import gc_paused, indexes_rebuilt, insert_rows
from camdesk.services.core.changelog import ChangeWriter, Op
from camdesk.services.core.changes import Kind
from camdesk.services.core.context import Actor
from camdesk.services.core.progress import step
from camdesk.services.core.validation import Checker
from camdesk.services.customers.files import CustomerData, check_customer
from camdesk.services.customers.interactions import advance_last_contact
from camdesk.services.customers.points import earn_for_orders
from camdesk.services.data.imports.customers import (
    existing_customers,
    import_session,
    write_attached,
)
from camdesk.services.data.imports.fields import ImportKind
from camdesk.services.data.imports.report import ImportOptions, ImportReport, RowProblem
from camdesk.services.data.imports.rows import convert
from camdesk.services.data.sheets import Table

NO_CUSTOMER = QT_TRANSLATE_NOOP(
    "errors",
    "No customer has this code, phone or email. Import the customers first, or choose to create missing customers.",
)
NO_NAME = QT_TRANSLATE_NOOP(
    "errors", "A customer is created for this row only if it has the customer's name."
)
NEGATIVE = QT_TRANSLATE_NOOP("errors", "Must not be negative.")
KEYS = ("code", "mobile", "phone", "email")
Problem = tuple[str, str, dict[str, Any]]  # field, message, its parameters
LIMITS = {"order_no": 40, "product": 200, "category": 60, "channel": 40, "subject": 200}


@gc_paused()  # millions of small objects: see bulk.gc_paused
def import_activity(
    db: Database,
    table: Table,
    options: ImportOptions,
    actor: Actor,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import the order or interaction rows of ``table`` (``options.kind``)."""
    orders = options.kind is ImportKind.ORDERS
    report = ImportReport(rows=len(table.rows), dry_run=options.dry_run,
                          kinds=Kind.ORDERS | Kind.POINTS | Kind.INTERACTIONS | Kind.FILES)  # fmt: skip
    columns = {key: header for header, key in options.mapping.items()}
    rows: list[tuple[int, dict[str, Any]]] = []
    for index, cells in enumerate(table.rows):
        if index % 1000 == 0:
            step(progress, cancelled, index, 2 * len(table.rows))
        values, problems = convert(table.headers, cells, options.mapping, options.kind)
        number = table.row_numbers[index]
        found = _checked(values, orders)
        found += [(p.field, p.message, dict(p.params)) for p in problems]
        if found:
            report.add(RowProblem(number, columns.get(f, ""), str(params.get("value", "")), m,
                                  params) for f, m, params in found)  # fmt: skip
        else:
            rows.append((number, values))
    with import_session(db, options, report, actor) as session:
        owners = find_customers(session, [v for _, v in rows])
        seen = _already_imported(session, orders, set(owners.values()))
        in_file: Counter[tuple[Any, ...]] = Counter()
        fresh: dict[tuple[str, str], dict[str, Any]] = {}  # new customers, by their first key
        planned: list[tuple[dict[str, Any], uuid.UUID | tuple[str, str]]] = []
        for number, values in rows:
            owner: uuid.UUID | tuple[str, str] | None = next(
                (owners[(k, values[k])] for k in KEYS if (k, values.get(k)) in owners), None
            )
            if owner is None:
                owner = _plan_customer(
                    values, options.create_missing, fresh, report, number, columns
                )
                if owner is None:
                    continue
            # Identical lines are separate purchases (two of the same on one day are real):
            # the n-th line like this one is new unless n such records are stored already,
            # so the same file imported again adds nothing. An order number is one order.
            identity = _identity(values, owner, orders)
            in_file[identity] += 1
            if in_file[identity] <= seen[identity] or (
                identity[0] == "no" and in_file[identity] > 1
            ):
                report.skipped += 1
                continue
            planned.append((values, owner))
            report.created += 1
        report.created_customers = len(fresh)
        if report.stop_before_writing(options):
            return report
        write = _write_orders if orders else _write_interactions
        total = 2 * len(table.rows)
        return write_attached(
            session,
            actor,
            report,
            fresh,
            planned,
            lambda session, writer, rows: write(
                session,
                writer,
                rows,
                lambda n: step(progress, cancelled, len(table.rows) + n, total),
            ),
        )


def checked_keys(values: dict[str, Any], check: Checker | None = None) -> list[Problem]:
    """Problems of the keys a row finds its customer by; phones and emails are
    normalised in place (as the customer's own are stored)."""
    check = check or Checker()
    for key in ("mobile", "phone"):
        if key in values:
            values[key] = check.phone(key, str(values[key]))
    if "email" in values:
        values["email"] = check.email("email", str(values["email"]))
    return [(p.field, p.message, dict(p.params)) for p in check.problems]


def _checked(values: dict[str, Any], orders: bool) -> list[Problem]:
    """Problems of the values themselves; phones and emails are normalised in place."""
    check = Checker()
    checked_keys(values, check)
    for key, limit in LIMITS.items():
        if key in values:
            values[key] = check.text(key, str(values[key]), limit)
    for key in ("amount", "cost", "quantity"):
        if isinstance(values.get(key), int) and values[key] < 0:
            check.fail(key, NEGATIVE)
    if orders and isinstance(values.get("ordered_on"), date):
        check.past_date("ordered_on", values["ordered_on"])
    return [(p.field, p.message, dict(p.params)) for p in check.problems]


def find_customers(
    session: Session, rows: list[dict[str, Any]]
) -> dict[tuple[str, Any], uuid.UUID]:
    found: dict[tuple[str, Any], uuid.UUID] = {}
    for key in KEYS:
        column = getattr(Customer, key)
        wanted = {v[key] for v in rows if v.get(key)}
        for value, (ident, _name) in existing_customers(session, column, wanted).items():
            found[(key, value)] = ident
    # A mobile may be stored as the customer's other number, and the other way round.
    for key, other in (("mobile", "phone"), ("phone", "mobile")):
        wanted = {v[key] for v in rows if v.get(key) and (key, v[key]) not in found}
        for value, (ident, _name) in existing_customers(
            session, getattr(Customer, other), wanted
        ).items():
            found[(key, value)] = ident
    return found


def _plan_customer(
    values: dict[str, Any],
    create: bool,
    fresh: dict[tuple[str, str], dict[str, Any]],
    report: ImportReport,
    number: int,
    columns: dict[str, str],
) -> tuple[str, str] | None:
    keys = [(k, str(values[k])) for k in KEYS if values.get(k)]
    known = next((k for k in keys if k in fresh), None)
    if known is not None:
        return known
    column = next((columns[k] for k, _ in keys if k in columns), columns.get("name", ""))
    if not create:
        report.add([RowProblem(number, column, keys[0][1] if keys else "", NO_CUSTOMER)])
        return None
    if not values.get("name") and ("name" in columns or not keys):  # a name left empty
        report.add([RowProblem(number, columns.get("name", column), "", NO_NAME)])
        return None
    # A file with no name column (an order list keyed by customer code or phone): the key is
    # the name until someone enters one; the data quality list shows these as "name missing".
    name = str(values.get("name") or keys[0][1])
    check = Checker()
    data = CustomerData(name=name, code=values.get("code"),
                        mobile=values.get("mobile"), phone=values.get("phone"),
                        email=values.get("email"))  # fmt: skip
    checked = check_customer(data, {}, check)
    if check.problems:
        problem = check.problems[0]
        report.add([RowProblem(number, columns.get(problem.field, ""), "", problem.message,
                               problem.params)])  # fmt: skip
        return None
    key = keys[0] if keys else ("name", str(values["name"]))
    fresh[key] = checked
    return key


def _identity(values: dict[str, Any], owner: object, orders: bool) -> tuple[Any, ...]:
    if orders:
        if values.get("order_no"):
            return ("no", values["order_no"])
        return (owner, values["ordered_on"], values["amount"], values.get("product"))
    return (owner, _utc(values["occurred_at"]), values["interaction_kind"], values.get("subject"))


def _already_imported(
    session: Session, orders: bool, owners: set[uuid.UUID]
) -> Counter[tuple[Any, ...]]:
    """How many stored orders (or interactions) of these customers each identity has."""
    seen: Counter[tuple[Any, ...]] = Counter()
    wanted = sorted(owners)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        if orders:
            for no, owner, day, amount, product in session.execute(
                select(Order.order_no, Order.customer_id, Order.ordered_on, Order.amount,
                       Order.product).where(Order.customer_id.in_(chunk), Order.deleted_at.is_(None))
            ):  # fmt: skip
                seen[("no", no) if no else (owner, day, amount, product)] += 1
        else:
            for owner, at, kind, subject in session.execute(
                select(Interaction.customer_id, Interaction.occurred_at, Interaction.kind,
                       Interaction.subject).where(Interaction.customer_id.in_(chunk),
                                                  Interaction.deleted_at.is_(None))
            ):  # fmt: skip
                seen[(owner, at, kind.value, subject)] += 1
    return seen


def _utc(moment: datetime) -> datetime:
    """Spreadsheet times are local times of this computer."""
    return (moment if moment.tzinfo else moment.astimezone()).astimezone(UTC)


def _tracked(writer: ChangeWriter) -> dict[str, Any]:
    now = datetime.now(UTC)
    return {"created_at": now, "updated_at": now, "updated_by": writer.actor.user_id,
            "version": 1, "deleted_at": None}  # fmt: skip


def _write_orders(session: Session, writer: ChangeWriter,
                  rows: list[tuple[dict[str, Any], uuid.UUID]], step: Callable[[int], None]) -> None:  # fmt: skip
    conn = session.connection()
    with indexes_rebuilt(conn, (Order, ChangeLog, PointsEntry), len(rows)):
        _insert_orders(session, writer, rows, step)


def _insert_orders(session: Session, writer: ChangeWriter,
                   rows: list[tuple[dict[str, Any], uuid.UUID]],
                   step: Callable[[int], None]) -> None:  # fmt: skip
    conn, base = session.connection(), _tracked(writer)
    for start in range(0, len(rows), 2000):
        chunk, log = [], []
        for values, owner in rows[start : start + 2000]:
            ident = new_id()
            chunk.append(base | {
                "id": ident, "customer_id": owner, "ordered_on": values["ordered_on"],
                "order_no": values.get("order_no"), "product": values.get("product"),
                "category": values.get("category"), "quantity": values.get("quantity", 1),
                "amount": values["amount"], "cost": values.get("cost"),
                "channel": values.get("channel"), "notes": None,
            })  # fmt: skip
            log.append(writer.row("orders", ident, Op.INSERT, at=base["created_at"]))
        insert_rows(conn, Order, chunk)
        insert_rows(conn, ChangeLog, log)
        earn_for_orders(session, [(r["id"], r["customer_id"], r["amount"]) for r in chunk],
                        writer.actor)  # fmt: skip
        step(start + len(chunk))


def _write_interactions(session: Session, writer: ChangeWriter,
                        rows: list[tuple[dict[str, Any], uuid.UUID]],
                        step: Callable[[int], None]) -> None:  # fmt: skip
    with indexes_rebuilt(session.connection(), (Interaction, ChangeLog), len(rows)):
        latest = _insert_interactions(session, writer, rows, step)
    for owner, at in latest.items():
        advance_last_contact(session, owner, at)


def _insert_interactions(session: Session, writer: ChangeWriter,
                         rows: list[tuple[dict[str, Any], uuid.UUID]],
                         step: Callable[[int], None]) -> dict[uuid.UUID, datetime]:  # fmt: skip
    """Write the interactions; each customer's latest one."""
    conn, base = session.connection(), _tracked(writer)
    latest: dict[uuid.UUID, datetime] = {}
    for start in range(0, len(rows), 2000):
        chunk, log = [], []
        for values, owner in rows[start : start + 2000]:
            ident, at = new_id(), _utc(values["occurred_at"])
            chunk.append(base | {
                "id": ident, "customer_id": owner, "kind": values["interaction_kind"],
                "occurred_at": at, "user_id": writer.actor.user_id,
                "subject": values.get("subject"), "notes": values.get("notes"),
            })  # fmt: skip
            log.append(writer.row("interaction", ident, Op.INSERT, at=base["created_at"]))
            latest[owner] = max(at, latest.get(owner, at))
        insert_rows(conn, Interaction, chunk)
        insert_rows(conn, ChangeLog, log)
        step(start + len(chunk))
    return latest
