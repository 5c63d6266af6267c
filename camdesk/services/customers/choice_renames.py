"""Renaming a choice of a custom field, in the field and in every file holding it.

A choice is edited in place ("VIP" becomes "重要客户" on the same line of the field's
choices): the files holding the old text hold the new one after the save, in the same
transaction.  Each file's change is logged as an edit of its value (and moves its
version, so an open form of it reports a conflict), and the field's choices are logged
too, so the list's Undo takes the rename back whole: first the choices, then the values
(see :mod:`camdesk.services.customers.undo_definitions`).  Tombstoned files are renamed
as well, so one restored later holds a choice that exists.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from camdesk.errors import ValidationError
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.models import ChangeLog, CustomField, CustomValue
from camdesk.services.core.bulk import insert_rows
from camdesk.services.core.changelog import ChangeWriter, Op
from camdesk.services.core.validation import Checker, clean_text
from camdesk.services.customers.files import touch_customers

CHUNK = 500
NOT_A_RENAME = QT_TRANSLATE_NOOP(
    "errors", "{old} cannot become {new}: rename a choice to a new one that is in the list."
)


def checked_renames(
    stored: Sequence[str], choices: Sequence[str], asked: Mapping[str, str]
) -> dict[str, str]:
    """The renames ``asked`` (old -> new) that change something: the old choice was one
    of ``stored`` and is gone from ``choices``, the new one is in ``choices`` and was not
    stored.  Anything else is a :class:`ValidationError`."""
    check, found = Checker(), {}
    for raw_old, raw_new in asked.items():
        old, new = clean_text(raw_old), clean_text(raw_new)
        if old == new:
            continue
        if old not in stored or old in choices or new not in choices or new in stored:
            check.fail("choices", NOT_A_RENAME, old=old or "", new=new or "")
            continue
        found[str(old)] = str(new)
    if check.problems:
        raise ValidationError(check.problems)
    return found


def rename_values(session: Session, writer: ChangeWriter, field: CustomField,
                  before: tuple[list[str], int], renames: Mapping[str, str]) -> int:  # fmt: skip
    """Rename the values of ``field`` (saved already; its choices and version were
    ``before``) in every file holding them; how many live and tombstoned files changed.
    Logged in ``writer``'s action with the choices themselves."""
    choices, version = before
    writer.add("custom_field", field.id, Op.UPDATE, "choices", choices, list(field.choices),
               version)  # fmt: skip
    name, changed = f"custom:{field.key}", 0
    for old, new in renames.items():
        holders = list(session.scalars(select(CustomValue.customer_id).where(
            CustomValue.field_id == field.id, CustomValue.value_text == old)))  # fmt: skip
        for start in range(0, len(holders), CHUNK):
            chunk = holders[start : start + CHUNK]
            session.execute(
                update(CustomValue)
                .where(CustomValue.field_id == field.id, CustomValue.customer_id.in_(chunk))
                .values(value_text=new)
                .execution_options(synchronize_session=False)
            )  # fmt: skip
            insert_rows(session.connection(), ChangeLog,
                        [writer.row("customer", i, Op.UPDATE, name, old, new) for i in chunk])  # fmt: skip
            touch_customers(session, chunk, writer.actor.user_id)
        changed += len(holders)
    return changed
