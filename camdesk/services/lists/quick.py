"""The first page of the customer list, read straight from a local SQLite file.

Loading SQLAlchemy and the models takes about three times as long as starting
Qt.  So that the window shows its customers at once, start-up reads the first
page of the plain list (no search or filter, ordered by name) with the standard
library's sqlite3, read-only, while the rest loads; the list then refreshes
through :mod:`camdesk.services.lists.page` as usual.  A test keeps the two
readers in agreement.  Anything else (a search, a filter, custom columns,
another order) returns None: the list is then fetched the ordinary way.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

from camdesk.dbfile import connect_readonly
from camdesk.services.core.raw import as_uuid
from camdesk.services.core.validation import display_phone
from camdesk.services.lists.rows import CustomerRow, ListQuery, SortKey

_PAGE = """
SELECT c.id, c.code, c.name, c.kind, c.mobile, c.phone, c.email, c.city, c.province,
       c.company_name, c.last_contact_at, u.display_name
FROM (SELECT id FROM customer INDEXED BY ix_customer_list_sort_key
      WHERE deleted_at IS NULL ORDER BY sort_key {order}, id {order} LIMIT ?) AS page
JOIN customer AS c ON c.id = page.id
LEFT JOIN app_user AS u ON u.id = c.owner_id
ORDER BY c.sort_key {order}, c.id {order}
"""

_TAGS = """
SELECT ct.customer_id, t.name FROM customer_tag AS ct JOIN tag AS t ON t.id = ct.tag_id
WHERE ct.customer_id IN ({marks}) ORDER BY t.name
"""


def applies(query: ListQuery) -> bool:
    """Whether :func:`first_page` can answer this query."""
    return query == ListQuery(sort=SortKey.NAME, descending=query.descending)


def first_page(path: Path, query: ListQuery, limit: int) -> list[CustomerRow] | None:
    """The first ``limit`` rows of the plain list in a current camdesk file, or None."""
    if not applies(query):
        return None
    try:
        conn = connect_readonly(path)
    except sqlite3.Error:
        return None
    try:
        order = "DESC" if query.descending else "ASC"
        found = conn.execute(_PAGE.format(order=order), (limit,)).fetchall()
        ids = [row[0] for row in found]
        tags: dict[str, list[str]] = defaultdict(list)
        if ids:
            marks = ", ".join("?" * len(ids))
            for customer_id, name in conn.execute(_TAGS.format(marks=marks), ids):
                tags[customer_id].append(name)
    except sqlite3.Error:
        return None  # not what we expected: the ordinary reader will say why
    finally:
        conn.close()
    return [_row(values, tuple(tags.get(values[0], ()))) for values in found]


def _row(values: tuple[object, ...], tags: tuple[str, ...]) -> CustomerRow:
    (ident, code, name, kind, mobile, phone, email, city, province, company, last_contact,
     owner) = values  # fmt: skip
    phones = tuple(str(p) for p in (mobile, phone) if p)
    return CustomerRow(
        id=as_uuid(ident),
        code=_text(code),
        name=str(name),
        kind=str(kind),
        phone=display_phone(phones[0] if phones else None),
        email=_text(email),
        city=_text(city),
        company=_text(company),
        owner=_text(owner),
        last_contact=(
            datetime.fromisoformat(str(last_contact)).replace(tzinfo=UTC) if last_contact else None
        ),
        tags=tags,
        custom=(),
        phones=phones,
        province=_text(province),
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)
