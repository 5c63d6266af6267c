"""Planned follow-ups as an iCalendar file (RFC 5545) that Outlook, Thunderbird and Google
Calendar import, made with the ``icalendar`` package.

Each planned follow-up is one event: a whole-day event on its day, or half an hour from its
time (stored as local time, written in UTC).  Its UID is the follow-up's id, so importing a
newer export updates the events instead of doubling them.  A recurring follow-up is
written as its next occurrence only: camdesk plans the one after when this one is done,
and an RRULE would put occurrences in the calendar that camdesk never planned.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event
from sqlalchemy import select

from camdesk import __version__
from camdesk.db import Database
from camdesk.models import Customer, FollowUp, FollowUpStatus
from camdesk.services.core.progress import IsCancelled, Progress, step

LENGTH = timedelta(minutes=30)  # a timed follow-up's event
SLICE = 5_000


@dataclass(frozen=True)
class Exported:
    events: int
    path: Path


def export_ics(db: Database, path: Path, *, assignee: uuid.UUID | None = None,
               kind_names: Mapping[str, str] | None = None, progress: Progress | None = None,
               cancelled: IsCancelled | None = None) -> Exported:  # fmt: skip
    """Write the planned follow-ups (of ``assignee``; None: everyone's) to ``path``.

    ``kind_names`` names the types in the user's language (default: the codes).  The file
    appears whole or not at all (written beside it, then renamed).
    """
    names = dict(kind_names or {})
    calendar = Calendar()
    calendar.add("prodid", f"-//camdesk//camdesk {__version__}//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "camdesk")
    statement = (
        select(FollowUp.id, FollowUp.kind, FollowUp.due_on, FollowUp.due_at_time,
               FollowUp.purpose, FollowUp.updated_at, Customer.name, Customer.code,
               Customer.mobile)
        .join(Customer, Customer.id == FollowUp.customer_id)
        .where(FollowUp.status == FollowUpStatus.PLANNED, FollowUp.deleted_at.is_(None))
        .order_by(FollowUp.due_on, FollowUp.id)
    )  # fmt: skip
    if assignee is not None:
        statement = statement.where(FollowUp.assignee_id == assignee)
    stamp = datetime.now(UTC)
    count = 0
    with db.read() as session:
        rows = session.execute(statement).all()
    step(progress, cancelled, 0, len(rows))
    for ident, kind, day, at, purpose, changed, name, code, mobile in rows:
        event = Event()
        event.add("uid", f"{ident}@camdesk")
        event.add("dtstamp", stamp)
        event.add("last-modified", changed)
        kind_name = names.get(kind.value, kind.value)
        event.add("summary", f"{kind_name}: {name}" + (f" · {purpose}" if purpose else ""))
        event.add("categories", [kind_name])
        details = [f"{name}" + (f" ({code})" if code else ""), mobile or "", purpose or ""]
        event.add("description", "\n".join(d for d in details if d))
        if at is None:
            event.add("dtstart", day)
            event.add("dtend", day + timedelta(days=1))
            event.add("transp", "TRANSPARENT")  # a whole-day task does not block the day
        else:
            start = datetime.combine(day, at).astimezone().astimezone(UTC)
            event.add("dtstart", start)
            event.add("dtend", start + LENGTH)
        calendar.add_component(event)
        count += 1
        if count % SLICE == 0:
            step(progress, cancelled, count, len(rows))
    _write(path, calendar.to_ical())
    step(progress, cancelled, count, len(rows))
    return Exported(count, path)


def _write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole: a failure (a full disk) leaves no half file."""
    handle, partial = tempfile.mkstemp(prefix=".camdesk-", suffix=".ics", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
