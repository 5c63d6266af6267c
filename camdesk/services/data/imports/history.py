"""The import history (Data > Imports, ``camdesk imports list|undo``) and undoing a whole
import.

Every import that wrote something is noted in the transaction that wrote it, keyed by
its change-log action.  Undoing one reverts what nobody changed since: customers it
created go back to tombstones (with the contacts, orders and contact-log entries it
created), fields it updated get their old values; a customer edited since, or a field
changed since, stays as it is and is listed with the reason.  The undo is an action of
its own (the list's Undo, or undoing it from the log, redoes the import).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from camdesk.db import Database
from camdesk.errors import CamdeskError, NotFound
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.models import Customer, CustomField, ImportRun, User, utcnow
from camdesk.services.core.changes import Changes
from camdesk.services.core.context import Actor
from camdesk.services.customers.undo import undo_partly
from camdesk.services.data.imports.report import ImportOptions, ImportReport

CHANGED_SINCE = QT_TRANSLATE_NOOP("imports", "changed since the import")
EDITED_SINCE = QT_TRANSLATE_NOOP("imports", "the file was edited since the import: kept")
GONE = QT_TRANSLATE_NOOP("imports", "no longer there")
FIELD_KEPT = QT_TRANSLATE_NOOP(
    "imports", "field made by the import: kept, it holds values or was changed since"
)


class ImportUndone(CamdeskError):
    message = QT_TRANSLATE_NOOP(
        "errors", "This import was undone already ({undone_at}). Nothing was changed."
    )


@dataclass(frozen=True)
class ImportInfo:
    """One import of the history."""

    id: uuid.UUID
    at: datetime
    user: str
    source: str
    kind: str
    rows: int
    created: int
    updated: int
    skipped: int
    problems: int
    undone_at: datetime | None


@dataclass(frozen=True)
class NotReverted:
    """Something an undo left as it is: whose, which field (None: the whole file), why."""

    customer: str
    code: str | None
    field: str | None
    reason: str


@dataclass(frozen=True)
class UndoneImport:
    """What undoing an import did; ``changes`` names the undo's own action."""

    kept: list[NotReverted]
    changes: Changes
    labels: dict[str, str] = field(default_factory=dict)  # custom field keys -> labels


def note_run(session: Session, options: ImportOptions, report: ImportReport,
             actor: Actor) -> None:  # fmt: skip
    """Enter an import that wrote something into the history (its own transaction)."""
    session.add(ImportRun(
        id=report.change_id, at=utcnow(), user_id=actor.user_id,
        source=(options.source or "")[:300], kind=options.kind.value, rows=report.rows,
        created=report.created + report.created_customers, updated=report.updated,
        skipped=report.skipped, problems=len({p.row for p in report.problems}),
    ))  # fmt: skip


def list_imports(db: Database, limit: int = 200) -> list[ImportInfo]:
    """The latest imports, newest first."""
    with db.read() as session:
        names = {i: n for i, n in session.execute(select(User.id, User.display_name))}
        runs = session.scalars(select(ImportRun).order_by(ImportRun.at.desc()).limit(limit))
        return [ImportInfo(r.id, r.at, names.get(r.user_id, "") if r.user_id else "",
                           r.source, r.kind, r.rows, r.created, r.updated, r.skipped,
                           r.problems, r.undone_at) for r in runs]  # fmt: skip


def undo_import(
    db: Database,
    run_id: uuid.UUID,
    actor: Actor,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> UndoneImport:
    """Revert the import ``run_id`` where nobody changed it since; see the module notes."""
    with db.read() as session:
        run = session.get(ImportRun, run_id)
        if run is None:
            raise NotFound(what="import")
        if run.undone_at is not None:
            raise ImportUndone(undone_at=f"{run.undone_at.astimezone():%Y-%m-%d %H:%M}")
    changes, kept = undo_partly(db, run_id, actor, progress=progress, cancelled=cancelled)
    with db.write() as session:
        run = session.get(ImportRun, run_id)
        if run is not None:
            run.undone_at, run.undone_by, run.undo_txn = utcnow(), actor.user_id, changes.action
        owners = {k.customer_id for k in kept if k.customer_id is not None}
        found = {i: (n, c) for i, n, c in session.execute(
            select(Customer.id, Customer.name, Customer.code).where(Customer.id.in_(owners))
        )} if owners else {}  # fmt: skip
        keys = {k.field.removeprefix("custom:") for k in kept
                if k.field and k.field.startswith("custom:")}  # fmt: skip
        labels = {key: label for key, label in session.execute(
            select(CustomField.key, CustomField.label).where(CustomField.key.in_(keys))
        )} if keys else {}  # fmt: skip
    listed = []
    for item in kept:
        name, code = found.get(item.customer_id, ("", None)) if item.customer_id else ("", None)
        if item.table == "custom_field":
            reason = FIELD_KEPT
        elif item.customer_id is None:
            reason = GONE
        elif item.field is None:
            reason = EDITED_SINCE if item.table == "customer" else CHANGED_SINCE
        else:
            reason = CHANGED_SINCE
        listed.append(NotReverted(name, code, item.field, reason))
    return UndoneImport(listed, changes, labels)
