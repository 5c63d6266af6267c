"""Follow-ups planned in bulk (cadence, care dates): written as stored values with their
change-log entries, a million rows in seconds."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from camdesk.models import FollowUp, FollowUpStatus, utcnow
from camdesk.services.core.bulk import id_range, insert_columns, stored_form, stored_value
from camdesk.services.core.changelog import ChangeWriter

PLANNED = FollowUpStatus.PLANNED


def insert_planned(conn: Any, writer: ChangeWriter, rows: Sequence[tuple[Any, ...]],
                   purposes: Sequence[str | None] | None = None) -> None:  # fmt: skip
    """Insert planned follow-ups, each ``(customer, owner, kind, due day, origin, origin
    key)`` with customer and owner ids as the driver gave them (no owner: the actor), and
    log each insert."""
    if not rows:
        return
    size = len(rows)
    form = stored_form(conn)
    ids = [form(i) for i in id_range(size)]
    customers, owners, kinds, days, origins, keys = zip(*rows, strict=True)
    me = stored_value(conn, FollowUp, "assignee_id", writer.actor.user_id)
    now = stored_value(conn, FollowUp, "created_at", utcnow())
    day = {d: stored_value(conn, FollowUp, "due_on", d) for d in set(days)}
    columns: dict[str, list[Any]] = {
        "id": ids, "customer_id": list(customers),
        "assignee_id": [me if o is None else o for o in owners],
        "kind": [k.value for k in kinds], "status": [PLANNED.value] * size,
        "due_on": [day[d] for d in days], "origin": list(origins), "origin_key": list(keys),
        "created_at": [now] * size, "updated_at": [now] * size, "updated_by": [me] * size,
        "version": [1] * size,
    }  # fmt: skip
    if purposes is not None:
        columns["purpose"] = list(purposes)
    insert_columns(conn, FollowUp, columns, stored=True)
    writer.inserted(conn, "follow_up", ids)
