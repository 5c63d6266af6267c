"""Planning follow-ups from value: every customer with none planned gets the next one.

A customer's tier carries its service policy, whose ``cadence_days`` is the interval
between return visits (回访).  :func:`plan_follow_ups` gives every live customer who
has no planned follow-up exactly one:

* a wake-up call (唤醒) or a win-back (挽回), due today, when their lifecycle stage
  turned silent or churned and that turn has not had its task yet (its origin key
  ``stage:<day>:<stage>`` is kept, so a done or skipped one is not planned again);
* else a return visit due ``cadence_days`` after their last contact (never contacted:
  the day they were entered) or after their last closed return visit if that came later
  (so a skipped visit moves the next one a whole interval on), and never before today.

Planning twice plans nothing new: the second run finds everyone with one planned.
Customers without measures yet count as low value.  The rows go in by bulk insert,
with one change-log entry each (a million customers: seconds, not minutes).
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import case, exists, func, literal, select

from camdesk.db import Database
from camdesk.models import (
    Customer,
    CustomerValue,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    ValueChange,
)
from camdesk.services.core.bulk import gc_paused
from camdesk.services.core.changelog import ChangeWriter
from camdesk.services.core.changes import Changes, Kind, Written
from camdesk.services.core.context import Actor
from camdesk.services.core.progress import IsCancelled, Progress, step
from camdesk.services.core.raw import raw_rows
from camdesk.services.followups.planned import insert_planned
from camdesk.services.value.labels import Stage, Tier
from camdesk.services.value.settings import load_rules

PLANNED = FollowUpStatus.PLANNED
STAGE_KINDS = {Stage.SILENT.value: FollowUpKind.WAKE, Stage.CHURNED.value: FollowUpKind.WINBACK}
BATCH = 20_000  # customers planned at a time


@dataclass
class PlanSummary:
    """What a planning run planned (or, dry, would plan): counts per follow-up type."""

    customers: int = 0  # customers that had none planned
    kinds: Counter[str] = field(default_factory=Counter)
    dry_run: bool = False

    @property
    def planned(self) -> int:
        return sum(self.kinds.values())


def plan_follow_ups(
    db: Database,
    actor: Actor,
    *,
    today: date | None = None,
    tiers: Collection[str] = (),
    stages: bool = True,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> Written[PlanSummary]:
    """Plan the next follow-up for every customer (of ``tiers``, empty: all) with none.

    ``stages``: plan wake-ups and win-backs for silent and churned customers.  With
    ``dry_run`` nothing is written; the summary says what would be.  Cancelling leaves
    the database as it was.
    """
    today = today or date.today()
    summary = PlanSummary(dry_run=dry_run)
    txn = uuid.uuid4()
    # Not a "bulk" write: it only adds rows, so the whole-file check (over a minute on a
    # million customers) would cost more than it protects; two planners still take turns.
    opened = db.read() if dry_run else db.write(lock="follow-up-plan")
    with gc_paused(), opened as session:
        cadence = {t.value: max(1, p.cadence_days)
                   for t, p in load_rules(session).tiers.policies.items()}  # fmt: skip
        total = int(session.scalar(select(func.count()).select_from(Customer)
                                   .where(Customer.deleted_at.is_(None))) or 0)  # fmt: skip
        step(progress, cancelled, 0, total)
        writer = ChangeWriter(session, actor, txn)
        after, scanned = None, 0
        while True:  # a page of customers at a time, its candidates read whole before writing
            upper = session.scalar(_page_end(after))
            batch = raw_rows(session, _candidates(tiers, after, upper))
            rows = [_plan(row, today, cadence, stages) for row in batch]
            summary.customers += len(rows)
            summary.kinds.update(r[2].value for r in rows)
            if rows and not dry_run:
                insert_planned(session.connection(), writer, rows)
            scanned = min(total, scanned + BATCH)
            if upper is None:
                break
            after = upper
            step(progress, cancelled, scanned, total)
        step(progress, cancelled, total, total)
    if dry_run or not summary.planned:
        return Written(summary, Changes())
    return Written(summary, Changes.of(Kind.FOLLOWUPS, None, txn))


def _alive(tiers: Collection[str]) -> list[Any]:
    planned = select(FollowUp.id).where(
        FollowUp.customer_id == Customer.id, FollowUp.status == PLANNED,
        FollowUp.deleted_at.is_(None))  # fmt: skip
    where = [Customer.deleted_at.is_(None), ~exists(planned)]
    if tiers:
        known = func.coalesce(CustomerValue.tier, Tier.LOW.value)
        where.append(known.in_(list(tiers)))
    return where


def _page_end(after: uuid.UUID | None) -> Any:
    """The last live customer id of the page after ``after`` (None: the last page)."""
    return (select(Customer.id).where(Customer.deleted_at.is_(None),
                                      *([Customer.id > after] if after else []))
            .order_by(Customer.id).offset(BATCH - 1).limit(1))  # fmt: skip


def _candidates(tiers: Collection[str], after: uuid.UUID | None, upper: uuid.UUID | None) -> Any:
    """Customers with none planned: id, owner, last contact, created, tier, stage, the day
    of their last closed return visit, the day their stage began and their latest stage
    task's key."""
    mine = [FollowUp.customer_id == Customer.id, FollowUp.deleted_at.is_(None)]
    last_visit = (select(func.max(FollowUp.due_on))
                  .where(*mine, FollowUp.origin == "cadence").scalar_subquery())  # fmt: skip
    turned = (select(func.max(ValueChange.on))
              .where(ValueChange.customer_id == Customer.id, ValueChange.measure == "stage",
                     ValueChange.new == CustomerValue.stage).scalar_subquery())  # fmt: skip
    last_key = (select(func.max(FollowUp.origin_key))
                .where(*mine, FollowUp.origin == "stage").scalar_subquery())  # fmt: skip
    watched = CustomerValue.stage.in_(list(STAGE_KINDS))
    return (
        select(Customer.id, Customer.owner_id, Customer.last_contact_at, Customer.created_at,
               CustomerValue.tier, CustomerValue.stage, last_visit,
               case((watched, turned), else_=literal(None)),
               case((watched, last_key), else_=literal(None)))
        .outerjoin(CustomerValue, CustomerValue.customer_id == Customer.id)
        .where(*_alive(tiers), *([Customer.id > after] if after else []),
               *([Customer.id <= upper] if upper else []))
        .order_by(Customer.id)
    )  # fmt: skip


def _day(value: Any) -> date | None:
    """A stored date (SQLite: ISO text) as a date."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _local_day(value: Any) -> date | None:
    """A stored UTC time (SQLite: naive ISO text) as the local day it fell on."""
    if value is None:
        return None
    at = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone().date()


def _plan(row: Any, today: date, cadence: dict[str, int],
          stages: bool) -> tuple[Any, Any, FollowUpKind, date, str, str]:  # fmt: skip
    """(customer, assignee, kind, due day, origin, origin key) for one candidate."""
    ident, owner, contact, created, tier, stage, visit, turned, last_key = row
    if stages and stage in STAGE_KINDS:
        key = f"stage:{(_day(turned) or today).isoformat()}:{stage}"
        if key != last_key:
            return ident, owner, STAGE_KINDS[stage], today, "stage", key
    known = _local_day(contact) or _local_day(created)
    base = max(d for d in (known, _day(visit)) if d)
    due = max(today, base + timedelta(days=cadence.get(tier or Tier.LOW.value, 180)))
    return ident, owner, FollowUpKind.RETURN, due, "cadence", f"cadence:{due.isoformat()}"
