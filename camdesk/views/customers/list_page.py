"""What the customer list's helpers (segments, bulk actions, tagging) need of its page."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from pathlib import Path

    from camdesk.db import Database
    from camdesk.services.core.context import Actor
    from camdesk.views.customers.filters import FilterBar
    from camdesk.views.customers.table_model import CustomerTableModel


class ListPage(Protocol):
    """The customer list's page, as the segment box and its menus work on it."""

    filters: FilterBar
    model: CustomerTableModel

    @property
    def db(self) -> Database | None: ...

    @property
    def actor(self) -> Actor | None: ...

    def export_list(self, path: Path | None = None) -> None: ...

    def remember_action(self, txn: uuid.UUID, message: str) -> None: ...

    def selected_ids(self) -> list[uuid.UUID]: ...
