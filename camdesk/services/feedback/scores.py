"""A customer's latest NPS and CSAT (``customer_score``), kept with every response written.

The list shows and filters them (see :mod:`camdesk.services.lists.criteria`); whatever
writes responses (the form, the import, the demo) calls :func:`refresh` for the
customers it touched, in the same transaction, so the table never disagrees with the
responses it comes from.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from camdesk.db import Database
from camdesk.models import CustomerScore, SurveyResponse
from camdesk.services.core.bulk import insert_rows

CHUNK = 500


@dataclass(frozen=True)
class Scores:
    """A customer's latest answers (None: never answered that question)."""

    nps: int | None = None
    nps_at: datetime | None = None
    csat: int | None = None
    csat_at: datetime | None = None


def refresh(session: Session, customer_ids: Iterable[uuid.UUID]) -> None:
    """Recompute the latest scores of ``customer_ids`` from their live responses."""
    ids = list(dict.fromkeys(customer_ids))
    conn = session.connection()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        latest: dict[uuid.UUID, dict[str, object]] = {}
        rows = conn.execute(
            select(SurveyResponse.customer_id, SurveyResponse.answered_at, SurveyResponse.nps,
                   SurveyResponse.csat)
            .where(SurveyResponse.customer_id.in_(chunk), SurveyResponse.deleted_at.is_(None))
            .order_by(SurveyResponse.customer_id, SurveyResponse.answered_at, SurveyResponse.id)
        )  # fmt: skip
        for customer, at, nps, csat in rows:
            row = latest.setdefault(customer, {"customer_id": customer, "nps": None,
                                               "nps_at": None, "csat": None, "csat_at": None})  # fmt: skip
            if nps is not None:
                row["nps"], row["nps_at"] = nps, at
            if csat is not None:
                row["csat"], row["csat_at"] = csat, at
        conn.execute(delete(CustomerScore).where(CustomerScore.customer_id.in_(chunk)))
        kept = [row for row in latest.values() if row["nps"] is not None or row["csat"] is not None]
        if kept:
            insert_rows(conn, CustomerScore, kept)


def scores_of(db: Database, customer_id: uuid.UUID) -> Scores:
    with db.read() as session:
        row = session.get(CustomerScore, customer_id)
        if row is None:
            return Scores()
        return Scores(row.nps, row.nps_at, row.csat, row.csat_at)
