"""The customer list as pages of plain rows: filtering, search and sorting in SQL.

The list never loads all customers.  It asks for the number of matches, then
for pages by position: ``ORDER BY <column>, id LIMIT n OFFSET k`` walks one of
the ``ix_customer_list_*`` indexes (tombstone, column, id) without sorting, so
any position in a million rows is a short index walk away; the page's own
details (owner, tags, custom values) are fetched for those ids only.

Empty values sort first going up and last going down, on SQLite and
PostgreSQL alike.
"""

from __future__ import annotations

import itertools
import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, select, tuple_
from sqlalchemy.orm import Session

from camdesk.db import Database
from camdesk.models import (
    Customer,
    CustomerKind,
    CustomerScore,
    CustomerSearch,
    CustomerTag,
    CustomerValue,
    CustomField,
    CustomValue,
    Tag,
    User,
)
from camdesk.services.core.raw import as_uuid, raw_cursor
from camdesk.services.core.validation import display_phone
from camdesk.services.customers import search, search_order
from camdesk.services.customers.custom_fields import stored_value
from camdesk.services.lists.criteria_sql import condition, custom_condition
from camdesk.services.lists.rows import NO_OWNER, Anchor, CustomerRow, ListQuery, SortKey
from camdesk.services.value import order as value_order

MOST_EXACT = 5000  # whole-name matches read into a list; more stay a subquery (slower)

_SORT_COLUMNS = {
    SortKey.NAME: Customer.sort_key,
    SortKey.KIND: Customer.kind,
    SortKey.PHONE: Customer.mobile,
    SortKey.EMAIL: Customer.email,
    SortKey.CITY: Customer.city,
    SortKey.COMPANY: Customer.company_name,
    SortKey.OWNER: Customer.owner_id,
    SortKey.LAST_CONTACT: Customer.last_contact_at,
    SortKey.CODE: Customer.code,
    SortKey.CREATED: Customer.created_at,
}


def _conditions(query: ListQuery, dialect: str) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [Customer.deleted_at.is_(None)]
    terms = search.parse_query(query.search)
    if terms:
        conditions.append(Customer.id.in_(search.matching_customer_ids(terms, dialect)))
    if query.kind:
        conditions.append(Customer.kind == CustomerKind(query.kind))
    if query.owner_id == NO_OWNER:
        conditions.append(Customer.owner_id.is_(None))
    elif query.owner_id:
        conditions.append(Customer.owner_id == query.owner_id)
    if query.city:
        conditions.append(Customer.city == query.city)
    if query.tag:
        tagged = (
            select(CustomerTag.customer_id)
            .join(Tag, Tag.id == CustomerTag.tag_id)
            .where(Tag.name == query.tag, Tag.deleted_at.is_(None))
        )
        conditions.append(Customer.id.in_(tagged))
    for key, value in query.custom_filter:
        conditions.append(custom_condition(key, "=", (value,)))
    conditions.extend(condition(c) for c in query.criteria)
    return conditions


def count_customers(db: Database, query: ListQuery = ListQuery()) -> int:
    """How many live customers match the query's search and filters."""
    terms = search.parse_query(query.search)
    with db.read() as session:
        if terms and _only_search(
            query
        ):  # answered from the search keys alone, without touching customers
            return search.count_matches(session, terms, db.dialect)
        statement = (
            select(func.count()).select_from(Customer).where(*_conditions(query, db.dialect))
        )
        return int(session.execute(statement).scalar_one())


def _only_search(query: ListQuery) -> bool:
    return not (
        query.kind or query.owner_id or query.city or query.tag or query.custom_filter
        or query.criteria
    )  # fmt: skip


def _ordered_ids(query: ListQuery, dialect: str) -> Select[Any]:
    terms = search.parse_query(query.search)
    if terms and _only_search(query) and query.sort is SortKey.NAME:
        # The common search: matches ordered by name straight from the search keys
        # (the same order as below, without visiting a customer row per match).
        keys = (CustomerSearch.sort_key, CustomerSearch.customer_id)
        return (
            select(CustomerSearch.customer_id)
            # SQLite would look rows up by rowid in the wide table; the narrow index is faster.
            .with_hint(CustomerSearch, "INDEXED BY ix_customer_search_order", "sqlite")
            .where(CustomerSearch.id.in_(search.matching_search_ids(terms, dialect)))
            .order_by(*_exact_first(terms, dialect, CustomerSearch.id))
            .order_by(*(k.desc() if query.descending else k.asc() for k in keys))
        )
    if query.sort is SortKey.CLV:  # empty values last, either way (see value_order)
        return (
            select(Customer.id)
            .outerjoin(CustomerValue, CustomerValue.customer_id == Customer.id)
            .where(*_conditions(query, dialect))
            .order_by(*value_order.order(query.descending))
        )
    column: Any = _SORT_COLUMNS[query.sort]
    first = column.desc() if query.descending else column.asc()
    if dialect != "sqlite":  # SQLite's own NULL order is this already, and keeps the index
        first = first.nulls_last() if query.descending else first.nulls_first()
    order = [first, Customer.id.desc() if query.descending else Customer.id.asc()]
    if query.sort is SortKey.NAME:
        order[:0] = _exact_first(terms, dialect, Customer.id, customers=True)
    return select(Customer.id).where(*_conditions(query, dialect)).order_by(*order)


def _exact_first(
    terms: list[search.Term], dialect: str, ident: Any, *, customers: bool = False
) -> list[Any]:
    """An ORDER BY term putting whole-name matches first (search ids, or customer ids
    when ``customers``), or none."""
    exact = search.exact_search_ids(terms, dialect)
    if exact is None:
        return []
    if customers:
        exact = select(CustomerSearch.customer_id).where(CustomerSearch.id.in_(exact))
    return [case((ident.in_(exact), 0), else_=1)]


def page_anchors(db: Database, query: ListQuery, page_size: int) -> list[Anchor] | None:
    """The first (sort key, id) of every page of the plain list by name, or None.

    With them, page n is one index seek (``(sort_key, id) >= anchor``) instead of an
    OFFSET walk past n x page_size index entries: the way to browse a million customers.
    One ordered scan of the covering name index, taking every page_size-th entry.
    """
    if (
        search.parse_query(query.search)
        or not _only_search(query)
        or query.sort is not SortKey.NAME
    ):
        return None
    order = (Customer.sort_key, Customer.id)
    statement = (
        select(Customer.sort_key, Customer.id)
        .where(Customer.deleted_at.is_(None))
        .order_by(*(c.desc() if query.descending else c.asc() for c in order))
    )
    # A million rows pass by: read them with the driver's own cursor and convert only
    # the sampled ids (SQLite hands back hex text, PostgreSQL UUID objects).
    with db.read() as session, raw_cursor(session, statement) as cursor:
        return [
            (key, as_uuid(ident)) for key, ident in itertools.islice(cursor, 0, None, page_size)
        ]


def fetch_page(
    db: Database, query: ListQuery, offset: int, limit: int, anchor: Anchor | None = None
) -> list[CustomerRow]:
    """The rows at positions offset .. offset+limit-1 of the list, in order.

    ``anchor`` is the page's entry from :func:`page_anchors`, if known.
    """
    terms = search.parse_query(query.search)
    if db.dialect == "sqlite" and terms and _only_search(query) and query.sort is SortKey.NAME:
        # Search ids follow the name order there: only the matches near the page are sorted.
        with db.read() as session:
            ids = _searched_page(session, terms, offset, limit, query.descending)
            return rows_for_ids(session, ids, query.custom_columns)
    if db.dialect == "sqlite" and query.sort is SortKey.CLV and not terms and _only_search(query):
        with db.read() as session:  # the plain list, from the value index (see value_order)
            ids = value_order.page(session, descending=query.descending, offset=offset,
                                   limit=limit)  # fmt: skip
            return rows_for_ids(session, ids, query.custom_columns)
    statement = _ordered_ids(query, db.dialect)
    if anchor is not None:
        column: Any = _SORT_COLUMNS[query.sort]
        here, start = tuple_(column, Customer.id), tuple_(*anchor)
        statement = statement.where(here <= start if query.descending else here >= start)
    else:
        statement = statement.offset(offset)
    with db.read() as session:
        ids = [row[0] for row in session.execute(statement.limit(limit))]
        return rows_for_ids(session, ids, query.custom_columns)


def _searched_page(
    session: Session, terms: list[search.Term], offset: int, limit: int, descending: bool
) -> list[uuid.UUID]:
    """One page of a search in name order on SQLite: whole-name matches first (see
    :func:`search.exact_search_ids`), then the others, each part paged by its ids."""
    matches = search.matching_search_ids(terms, "sqlite")
    exact = search.exact_search_ids(terms, "sqlite")
    ids: list[uuid.UUID] = []
    if exact is not None:
        # Read once and passed as values: as a subquery the page, its count and the rest
        # would each compute it again (0.4 s for "zhang" in a million, 0.06 s without).
        found = list(session.execute(exact.limit(MOST_EXACT + 1)).scalars())
        listed: Any = found if len(found) <= MOST_EXACT else exact
        keys = (CustomerSearch.sort_key, CustomerSearch.customer_id)
        first = select(CustomerSearch.customer_id).where(CustomerSearch.id.in_(listed))
        first = first.order_by(*(k.desc() if descending else k.asc() for k in keys))
        ids = list(session.execute(first.offset(offset).limit(limit)).scalars())
        ahead = len(found) if listed is found else int(
            session.execute(select(func.count()).select_from(exact.subquery())).scalar_one()
        )  # fmt: skip
        if len(ids) == limit:
            return ids
        offset, limit = max(0, offset - ahead), limit - len(ids)
        if ahead:  # (no whole-name match: the others are the matches as they are)
            rest = CustomerSearch.id.in_(matches), CustomerSearch.id.not_in(listed)
            matches = select(CustomerSearch.id).where(*rest)
    statement = search_order.page_ids(matches, offset, limit, descending)
    return ids + list(session.execute(statement).scalars())


def rows_for_ids(
    session: Session, ids: Sequence[uuid.UUID], custom_columns: Sequence[str] = ()
) -> list[CustomerRow]:
    """Display rows for these customers, in the order given."""
    if not ids:
        return []
    found = {
        row.id: row
        for row in session.execute(
            select(
                Customer.id,
                Customer.code,
                Customer.name,
                Customer.kind,
                Customer.mobile,
                Customer.phone,
                Customer.email,
                Customer.city,
                Customer.province,
                Customer.company_name,
                Customer.last_contact_at,
                User.display_name,
                CustomerValue.tier,
                CustomerValue.stage,
                CustomerValue.segment,
                CustomerValue.clv,
                CustomerScore.nps,
                CustomerScore.csat,
            )
            .outerjoin(User, User.id == Customer.owner_id)
            .outerjoin(CustomerValue, CustomerValue.customer_id == Customer.id)
            .outerjoin(CustomerScore, CustomerScore.customer_id == Customer.id)
            .where(Customer.id.in_(ids))
        )
    }
    tags: dict[uuid.UUID, list[str]] = defaultdict(list)
    for customer_id, name in session.execute(
        select(CustomerTag.customer_id, Tag.name)
        .join(Tag, Tag.id == CustomerTag.tag_id)
        .where(CustomerTag.customer_id.in_(ids))
        .order_by(Tag.name)
    ):
        tags[customer_id].append(name)
    custom: dict[tuple[uuid.UUID, str], Any] = {}
    if custom_columns:
        for key, value in session.execute(
            select(CustomField.key, CustomValue)
            .join(CustomValue, CustomValue.field_id == CustomField.id)
            .where(CustomValue.customer_id.in_(ids), CustomField.key.in_(custom_columns))
        ):
            custom[(value.customer_id, key)] = stored_value(value)
    rows = []
    for customer_id in ids:
        row = found.get(customer_id)
        if row is None:  # deleted between the two queries
            continue
        rows.append(
            CustomerRow(
                id=row.id,
                code=row.code,
                name=row.name,
                kind=row.kind.value,
                phone=display_phone(row.mobile or row.phone),
                email=row.email,
                city=row.city,
                company=row.company_name,
                owner=row.display_name,
                last_contact=row.last_contact_at,
                tags=tuple(tags.get(customer_id, ())),
                custom=tuple(custom.get((customer_id, key)) for key in custom_columns),
                phones=tuple(p for p in (row.mobile, row.phone) if p),
                province=row.province,
                tier=row.tier,
                stage=row.stage,
                segment=row.segment,
                clv=row.clv,
                nps=row.nps,
                csat=row.csat,
            )
        )
    return rows


def distinct_cities(db: Database) -> list[str]:
    """Cities in use, for the city filter."""
    with db.read() as session:
        statement = (
            select(Customer.city)
            .where(Customer.deleted_at.is_(None), Customer.city.is_not(None))
            .group_by(Customer.city)
            .order_by(Customer.city)
        )
        return [c for c in session.execute(statement).scalars() if c]


def tag_names(db: Database) -> list[str]:
    with db.read() as session:
        statement = select(Tag.name).where(Tag.deleted_at.is_(None)).order_by(Tag.name)
        return list(session.execute(statement).scalars())


def ordered_ids(db: Database, query: ListQuery) -> list[uuid.UUID]:
    """Every customer of the list, in its order (for exports and bulk actions)."""
    with db.read() as session:
        return [row[0] for row in session.execute(_ordered_ids(query, db.dialect))]


def matching_ids(query: ListQuery, dialect: str) -> Select[Any]:
    """The ids of the live customers ``query`` lists, as a subquery for other figures
    (the trends of one segment)."""
    return select(Customer.id).where(*_conditions(query, dialect))
