"""Notes as spreadsheets carry them: one "备注" cell per customer, in and out.

A note is a dated entry of the contact log (an interaction of kind "note"), never a field
an import overwrites. An imported cell adds a note unless the customer has that text
already, as one note or as all their notes the way an export writes them, so importing
the same file twice, or an export of camdesk back into camdesk, adds nothing.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from camdesk.models import ChangeLog, Interaction, InteractionKind, new_id
from camdesk.services.core.bulk import insert_rows
from camdesk.services.core.changelog import ChangeWriter, Op

NOTE_BREAK = "\n\n"  # between a customer's notes in one exported cell
CHUNK = 2000


def notes_of(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    """Each customer's notes (their text), oldest first; customers without any left out."""
    found: dict[uuid.UUID, list[str]] = defaultdict(list)
    for start in range(0, len(ids), CHUNK):
        for owner, text in session.execute(
            select(Interaction.customer_id, Interaction.notes)
            .where(Interaction.customer_id.in_(ids[start : start + CHUNK]))
            .where(Interaction.kind == InteractionKind.NOTE, Interaction.deleted_at.is_(None))
            .where(Interaction.notes.is_not(None))
            .order_by(Interaction.customer_id, Interaction.occurred_at, Interaction.id)
        ):  # fmt: skip
            found[owner].append(text or "")
    return found


def notes_text(texts: Iterable[str]) -> str | None:
    """A customer's notes as one cell (None when there are none)."""
    return NOTE_BREAK.join(texts) or None


def new_notes(session: Session, wanted: list[tuple[uuid.UUID, str]]
              ) -> list[tuple[uuid.UUID, str]]:  # fmt: skip
    """The (customer, text) pairs that would add a note: not stored yet, not repeated."""
    stored = notes_of(session, list(dict.fromkeys(owner for owner, _ in wanted)))
    known = {owner: {*texts, NOTE_BREAK.join(texts)} for owner, texts in stored.items()}
    fresh = []
    for owner, text in wanted:
        seen = known.setdefault(owner, set())
        if text and text not in seen:
            seen.add(text)
            fresh.append((owner, text))
    return fresh


def add_notes(session: Session, writer: ChangeWriter, notes: list[tuple[uuid.UUID, str]],
              at: datetime) -> None:  # fmt: skip
    """Write ``notes`` (checked, new: see :func:`new_notes`) dated ``at``, each logged in
    ``writer``'s action so that undoing it removes them."""
    conn = session.connection()
    for start in range(0, len(notes), CHUNK):
        rows: list[dict[str, Any]] = []
        log = []
        for owner, text in notes[start : start + CHUNK]:
            ident = new_id()
            rows.append({
                "id": ident, "customer_id": owner, "kind": InteractionKind.NOTE,
                "occurred_at": at, "user_id": writer.actor.user_id, "direction": None,
                "subject": None, "notes": text, "outcome": None, "next_step": None,
                "created_at": at, "updated_at": at, "updated_by": writer.actor.user_id,
                "version": 1, "deleted_at": None,
            })  # fmt: skip
            log.append(writer.row("interaction", ident, Op.INSERT, at=at))
        insert_rows(conn, Interaction, rows)
        insert_rows(conn, ChangeLog, log)
