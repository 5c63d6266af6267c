"""The feedback list: every item of the team, filtered, searched and sorted in SQL, by pages.

Like the customer list it never loads all items: it counts the matches, then reads a page
by position (``ORDER BY <column>, number LIMIT n OFFSET k``). The search finds an item by
its number ("FB-12" or "12"), by its customer (the customer search, pinyin included) or by
words of its description. Severity and status sort in their own order (urgent before
low, new before closed), not alphabetically; empty values sort first going up.
"""

from __future__ import annotations

import enum
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, case, func, or_, select

from camdesk.db import Database
from camdesk.models import Customer, Feedback, FeedbackKind, FeedbackStatus, Severity
from camdesk.services.customers import search
from camdesk.services.feedback.queries import FeedbackRow, as_row, db_rows, row_select
from camdesk.services.feedback.workflow import OPEN

NOBODY = "nobody"  # the assignee filter for items no one has taken on
_NUMBER = re.compile(r"(?i)^\s*(?:fb\s*-?\s*)?(\d{1,9})\s*$")


class FeedbackSort(enum.StrEnum):
    NUMBER = "number"
    RECEIVED = "received"
    DUE = "due"
    CUSTOMER = "customer"
    KIND = "kind"
    SEVERITY = "severity"
    CATEGORY = "category"
    STATUS = "status"
    ASSIGNEE = "assignee"


class State(enum.StrEnum):
    """Which items by where they are: open ones, open and past due, or all."""

    OPEN = "open"
    OVERDUE = "overdue"
    ALL = "all"


@dataclass(frozen=True)
class FeedbackQuery:
    """What the list shows. ``status`` (a status code) narrows ``state`` further;
    ``assignee`` is a user id, :data:`NOBODY`, or None for anyone."""

    search: str = ""
    state: State = State.OPEN
    status: str | None = None
    kind: str | None = None
    category: str | None = None
    severity: str | None = None
    assignee: uuid.UUID | str | None = None
    customer_id: uuid.UUID | None = None
    sort: FeedbackSort = FeedbackSort.RECEIVED
    descending: bool = True


def _rank(column: Any, order: tuple[Any, ...]) -> ColumnElement[int]:
    return case({value: index for index, value in enumerate(order)}, value=column, else_=99)


def _conditions(query: FeedbackQuery, dialect: str, now: datetime) -> list[Any]:
    f = Feedback
    found: list[Any] = []
    if query.state is not State.ALL:
        found.append(f.status.in_(OPEN))
    if query.state is State.OVERDUE:
        found.append(f.due_at < now)
    if query.status:
        found.append(f.status == FeedbackStatus(query.status))
    if query.kind:
        found.append(f.kind == FeedbackKind(query.kind))
    if query.severity:
        found.append(f.severity == Severity(query.severity))
    if query.category is not None:
        found.append(f.category.is_(None) if query.category == "" else f.category == query.category)
    if query.assignee == NOBODY:
        found.append(f.assignee_id.is_(None))
    elif query.assignee is not None:
        found.append(f.assignee_id == uuid.UUID(str(query.assignee)))
    if query.customer_id is not None:
        found.append(f.customer_id == query.customer_id)
    text = query.search.strip()
    if text:
        either: list[Any] = [f.description.ilike(f"%{_escaped(text)}%", escape="\\")]
        number = _NUMBER.match(text)
        if number:
            either.append(f.number == int(number.group(1)))
        terms = search.parse_query(text)
        if terms:
            either.append(f.customer_id.in_(search.matching_customer_ids(terms, dialect)))
        found.append(or_(*either))
    return found


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def count_feedback(db: Database, query: FeedbackQuery, now: datetime | None = None) -> int:
    """How many live items match ``query``."""
    now = now or datetime.now(UTC)
    statement = (select(func.count()).select_from(Feedback)
                 .where(Feedback.deleted_at.is_(None), *_conditions(query, db.dialect, now)))  # fmt: skip
    with db.read() as session:
        return int(session.execute(statement).scalar_one())


def feedback_page(db: Database, query: FeedbackQuery, offset: int, limit: int,
                  now: datetime | None = None) -> list[FeedbackRow]:  # fmt: skip
    """The matching items from position ``offset`` on, at most ``limit``, in the query's order."""
    now = now or datetime.now(UTC)
    f = Feedback
    statement, assignee = row_select()
    keys: dict[FeedbackSort, Any] = {
        FeedbackSort.NUMBER: f.number,
        FeedbackSort.RECEIVED: f.received_at,
        FeedbackSort.DUE: f.due_at,
        FeedbackSort.CUSTOMER: Customer.sort_key,
        FeedbackSort.KIND: _rank(f.kind, tuple(FeedbackKind)),
        FeedbackSort.SEVERITY: _rank(f.severity, tuple(Severity)),
        FeedbackSort.CATEGORY: func.coalesce(f.category, ""),
        FeedbackSort.STATUS: _rank(f.status, tuple(FeedbackStatus)),
        FeedbackSort.ASSIGNEE: func.coalesce(assignee.display_name, ""),
    }
    key = keys[query.sort]
    order = [key.desc(), f.number.desc()] if query.descending else [key.asc(), f.number.asc()]
    if query.sort is FeedbackSort.NUMBER:
        order = order[:1]
    statement = (statement.where(*_conditions(query, db.dialect, now))
                 .order_by(*order).offset(offset).limit(limit))  # fmt: skip
    return [as_row(r, now) for r in db_rows(db, statement)]
