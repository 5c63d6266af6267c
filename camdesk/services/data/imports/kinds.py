"""Which importer reads which kind of rows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from camdesk.services.data.imports.fields import ImportKind
from camdesk.services.data.imports.report import ImportReport


def importer(kind: ImportKind) -> Callable[..., ImportReport]:
    """The function importing rows of ``kind``: (db, table, options, actor, *, progress,
    cancelled) -> report."""
    from camdesk.services.data.imports.activity import import_activity
    from camdesk.services.data.imports.contacts import import_contacts
    from camdesk.services.data.imports.customers import import_customers
    from camdesk.services.data.imports.responses import import_responses

    found: dict[ImportKind, Callable[..., Any]] = {
        ImportKind.CUSTOMERS: import_customers,
        ImportKind.CONTACTS: import_contacts,
        ImportKind.RESPONSES: import_responses,
    }
    return found.get(kind, import_activity)
