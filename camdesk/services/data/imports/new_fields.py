"""Custom fields an import makes for columns camdesk has no field for (see :mod:`peers`).

Before the rows are checked, each ``custom:new:<header>`` mapping becomes a *planned*
text field: an existing live field of that label (in any case) is used instead, else
the rows are checked against a stand-in definition keyed ``new:<header>``.  Only when
the import writes are the planned fields created, in its own transaction (a cancel or
a failure leaves no field behind), and the rows' values moved to their real keys.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from camdesk.models import FieldKind
from camdesk.services.core.changelog import ChangeWriter, Op
from camdesk.services.customers.custom_fields import FieldInfo
from camdesk.services.customers.field_settings import FieldDraft, create_field
from camdesk.services.data.imports.fields import ColumnMap
from camdesk.services.data.imports.peers import new_field_label


def plan(mapping: ColumnMap, definitions: dict[str, FieldInfo]) -> ColumnMap:
    """The mapping with new fields of an existing label pointed at that field; stand-in
    definitions for the others are added to ``definitions``."""
    by_label = {f.label.lower(): f.key for f in definitions.values()}
    planned: ColumnMap = {}
    for header, key in mapping.items():
        label = new_field_label(key)
        if label is None:
            planned[header] = key
        elif label.lower() in by_label:
            planned[header] = f"custom:{by_label[label.lower()]}"
        else:
            planned[header] = f"custom:new:{label}"
            definitions[f"new:{label}"] = FieldInfo(
                uuid.uuid4(), f"new:{label}", label, FieldKind.TEXT.value, (), show_in_list=True
            )
            by_label[label.lower()] = f"new:{label}"
    return planned


def create(
    writer: ChangeWriter, definitions: dict[str, FieldInfo], rows: Iterable[Any]
) -> list[FieldInfo]:
    """Create the planned fields and move the rows' values (``given`` and ``values``) to
    their keys; ``definitions`` then holds the real fields.  Each field's creation is in
    the import's log, so undoing the import retires it again.  The fields made."""
    made: dict[str, FieldInfo] = {}
    for key in [k for k in definitions if k.startswith("new:")]:
        planned = definitions.pop(key)
        real = create_field(writer.session, writer.actor,
                            FieldDraft(planned.label, show_in_list=True))  # fmt: skip
        writer.add("custom_field", real.id, Op.INSERT)
        made[key] = definitions[real.key] = real
    if not made:
        return []
    for row in rows:
        for old, real in made.items():
            if f"custom:{old}" in row.given:
                row.given[f"custom:{real.key}"] = row.given.pop(f"custom:{old}")
            custom = row.values["custom"]
            if old in custom:
                custom[real.key] = custom.pop(old)
    return list(made.values())
