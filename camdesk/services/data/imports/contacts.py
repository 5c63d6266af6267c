"""Importing contacts: the people at company customers (a Zoho or FxiaoKe contacts export).

Each row names a person and their company, by customer code or by the
company's name.  A company not found is refused, or created when asked.  A
person the company already lists (same mobile, or same name without a mobile)
is skipped, so importing a file twice adds nobody.  Contacts are searchable at
once: their companies' search keys are rebuilt.  One transaction, one change id.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from camdesk.db import Database
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.models import ChangeLog, Contact, Customer, CustomerKind, new_id
from camdesk.services.core.bulk import gc_paused, insert_rows
from camdesk.services.core.changelog import ChangeWriter, Op
from camdesk.services.core.context import Actor
from camdesk.services.core.progress import step
from camdesk.services.core.validation import REQUIRED, Checker
from camdesk.services.customers import files as customer_service
from camdesk.services.customers.files import CustomerData, check_customer
from camdesk.services.data.imports.customers import (
    existing_customers,
    import_session,
    write_attached,
)
from camdesk.services.data.imports.fields import ImportKind
from camdesk.services.data.imports.report import ImportOptions, ImportReport, RowProblem
from camdesk.services.data.imports.rows import convert
from camdesk.services.data.sheets import Table

NO_COMPANY = QT_TRANSLATE_NOOP(
    "errors",
    "No company customer has this code or name. Import the companies first, or choose to create missing customers.",
)


@gc_paused()  # millions of small objects: see bulk.gc_paused
def import_contacts(
    db: Database,
    table: Table,
    options: ImportOptions,
    actor: Actor,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import the contact rows of ``table`` onto their company customers."""
    report = ImportReport(rows=len(table.rows), dry_run=options.dry_run)
    columns = {key: header for header, key in options.mapping.items()}
    rows: list[tuple[int, dict[str, Any]]] = []
    for index, cells in enumerate(table.rows):
        values, problems = convert(table.headers, cells, options.mapping, ImportKind.CONTACTS)
        number = table.row_numbers[index]
        check = Checker()
        contact = {
            "name": check.text("name", values.get("name"), 100, required=True),
            "title": check.text("title", values.get("title"), 60),
            "mobile": check.phone("mobile", _text(values.get("mobile"))),
            "phone": check.phone("phone", _text(values.get("phone"))),
            "email": check.email("email", _text(values.get("email"))),
            "notes": check.text("notes", values.get("notes"), 4000, multiline=True),
            "code": check.text("code", _text(values.get("code")), 40),
            "company": check.text("company_name", values.get("company_name"), 200),
        }
        if not (contact["code"] or contact["company"]):
            check.fail("company_name", REQUIRED)
        found = [(p.field, p.message, dict(p.params)) for p in problems]
        found += [(p.field, p.message, dict(p.params)) for p in check.problems]
        if found:
            report.add(RowProblem(number, columns.get(f, ""), str(params.get("value", "")), m,
                                  params) for f, m, params in found)  # fmt: skip
        else:
            rows.append((number, contact))
        if index % 1000 == 0:
            step(progress, cancelled, index, 2 * len(table.rows))
    with import_session(db, options, report, actor) as session:
        by_code = existing_customers(
            session, Customer.code, {c["code"] for _, c in rows if c["code"]}
        )
        by_name = _companies(session, {c["company"] for _, c in rows if c["company"]})
        known = _known_contacts(session, {i for i, _ in (*by_code.values(), *by_name.values())})
        fresh: dict[str, dict[str, Any]] = {}  # companies to create, by name
        planned: list[tuple[dict[str, Any], uuid.UUID | str]] = []
        for number, contact in rows:
            owner: uuid.UUID | str | None = None
            if contact["code"] and contact["code"] in by_code:
                owner = by_code[contact["code"]][0]
            elif contact["company"] and contact["company"] in by_name:
                owner = by_name[contact["company"]][0]
            elif options.create_missing and contact["company"]:
                owner = contact["company"]
                if owner not in fresh:
                    fresh[owner] = check_customer(
                        CustomerData(name=owner, kind="company", code=contact["code"]),
                        {},
                        Checker(),
                    )
            else:  # fmt: skip
                column = columns.get("company_name") or columns.get("code", "")
                value = contact["company"] or contact["code"] or ""
                report.add([RowProblem(number, column, value, NO_COMPANY)])
                continue
            identity = (owner, contact["mobile"] or contact["name"])
            if identity in known:
                report.skipped += 1
                continue
            known.add(identity)
            planned.append((contact, owner))
            report.created += 1
        report.created_customers = len(fresh)
        if report.stop_before_writing(options):
            return report
        return write_attached(session, actor, report, fresh, planned,
                              lambda session, writer, rows: _write(session, writer, rows, progress,
                                                                   cancelled))  # fmt: skip


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _companies(session: Any, names: set[str]) -> dict[str, tuple[uuid.UUID, str]]:
    """Live company customers by exact name, the oldest where several share it."""
    found: dict[str, tuple[uuid.UUID, str]] = {}
    wanted = sorted(names)
    for start in range(0, len(wanted), 500):
        for name, ident in session.execute(
            select(Customer.name, Customer.id)
            .where(Customer.deleted_at.is_(None), Customer.kind == CustomerKind.COMPANY,
                   Customer.name.in_(wanted[start : start + 500]))
            .order_by(Customer.created_at)
        ):  # fmt: skip
            found.setdefault(name, (ident, name))
    return found


def _known_contacts(session: Any, owners: set[uuid.UUID]) -> set[tuple[Any, Any]]:
    known: set[tuple[Any, Any]] = set()
    wanted = sorted(owners)
    for start in range(0, len(wanted), 500):
        for owner, mobile, name in session.execute(
            select(Contact.customer_id, Contact.mobile, Contact.name)
            .where(Contact.customer_id.in_(wanted[start : start + 500]),
                   Contact.deleted_at.is_(None))
        ):  # fmt: skip
            known.add((owner, mobile or name))
    return known


def _write(session: Any, writer: ChangeWriter, rows: list[tuple[dict[str, Any], uuid.UUID]],
           progress: Callable[[int, int], None] | None,
           cancelled: Callable[[], bool] | None) -> None:  # fmt: skip
    now = datetime.now(UTC)
    conn = session.connection()
    batch, log = [], []
    for contact, owner in rows:
        ident = new_id()
        fields = {k: contact[k] for k in customer_service.CONTACT_FIELDS}
        batch.append(fields | {"id": ident, "customer_id": owner, "created_at": now,
                               "updated_at": now, "updated_by": writer.actor.user_id,
                               "version": 1, "deleted_at": None})  # fmt: skip
        log.append(writer.row("contact", ident, Op.INSERT, new=fields))
    insert_rows(conn, Contact, batch)
    insert_rows(conn, ChangeLog, log)
    owners = {owner for _, owner in rows}
    customer_service.touch_customers(session, owners, writer.actor.user_id)  # an open form notices
    for number, owner in enumerate(owners, start=1):  # contacts are searchable at once
        customer = session.get(Customer, owner)
        session.refresh(customer, ["contacts"])
        customer_service.refresh_search_keys(session, customer)
        if number % 500 == 0:
            step(progress, cancelled, number, len(owners))
