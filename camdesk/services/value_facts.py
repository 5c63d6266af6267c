"""Per-customer purchase facts as of a day, aggregated by the database.

One grouped query over the live orders up to the day, served by the covering
index ``ix_orders_customer`` (customer, day, deleted, amount, cost) without
touching the table, gives per customer: days with an order, first and last
order day, revenue, margin (where a cost is known), the order count, and the
spend of the first order day (repeat spend, for Gamma-Gamma, is revenue minus
that).  Only one row per buyer reaches Python, read through the driver's own
cursor; numpy lines them up with the customers.  A second small query gives
each customer's last contact.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from operator import attrgetter
from typing import Any

import numpy as np
from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session, aliased

from camdesk.models import Customer, Interaction, Order
from camdesk.services.bulk import gc_paused

EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
CHUNK = 500  # ids per IN (...) when reading some customers


@dataclass
class Facts:
    """Per-customer aggregates, aligned arrays (dates as day ordinals)."""

    ids: list[uuid.UUID]
    purchase_days: np.ndarray
    first: np.ndarray  # day ordinal, or -1
    last: np.ndarray
    revenue: np.ndarray
    margin: np.ndarray  # NaN where no cost is known
    repeat_spend: np.ndarray
    contact: np.ndarray  # day ordinal, or -1
    orders: int  # live orders of these customers up to the day


def raw_rows(session: Session, statement: Any) -> list[tuple[Any, ...]]:
    """Rows as the driver returns them (SQLite: text ids and dates)."""
    compiled = statement.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
    cursor: Any = session.connection().connection.cursor()
    try:
        cursor.execute(str(compiled))
        return list(cursor.fetchall())
    finally:
        cursor.close()


def raw_batches(session: Session, statement: Any, size: int = 50_000) -> Iterator[list[Any]]:
    """Like :func:`raw_rows`, a batch at a time (for results too big to hold at once)."""
    compiled = statement.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
    cursor: Any = session.connection().connection.cursor()
    try:
        cursor.execute(str(compiled))
        while batch := cursor.fetchmany(size):
            yield batch
    finally:
        cursor.close()


def _ordinals(values: list[Any]) -> np.ndarray:
    """Day ordinals of ISO date texts (SQLite) or dates (PostgreSQL)."""
    if not values:
        return np.zeros(0, np.int64)
    days = np.array(values, dtype="datetime64[D]").astype(np.int64)
    return days + EPOCH_ORDINAL


def _end_of(day: date) -> datetime:
    """The first moment after ``day``, local time."""
    return datetime.combine(day + timedelta(days=1), datetime.min.time()).astimezone()


def _ids(session: Session) -> list[uuid.UUID]:
    """The live customers in key order (the order measures are stored in, a range at a
    time: see value_store); both databases order UUIDs as their 128-bit numbers."""
    raw = [ident for (ident,) in raw_rows(session, select(Customer.id).where(
        Customer.deleted_at.is_(None)))]  # fmt: skip
    if raw and isinstance(raw[0], str):  # SQLite: 32 hex digits, which sort the same
        raw.sort()
        return [uuid.UUID(hex=ident) for ident in raw]
    return sorted(raw, key=attrgetter("int"))


Index = dict[Any, int]  # a customer id as the driver returns it -> its position in Facts.ids


def _index(session: Session, ids: list[uuid.UUID]) -> Index:
    text = session.get_bind().dialect.name == "sqlite"  # SQLite keeps UUIDs as 32 hex digits
    return {(i.hex if text else i): n for n, i in enumerate(ids)}


def read_facts(session: Session, day: date, only: Sequence[uuid.UUID] | None = None) -> Facts:
    """Every live customer's purchase facts as of ``day`` (orders after it do not count),
    in key order, or those of the live customers among ``only``."""
    with gc_paused():
        return _read(session, day, only)


def _read(session: Session, day: date, only: Sequence[uuid.UUID] | None) -> Facts:
    live = (Order.deleted_at.is_(None), Order.ordered_on <= day)
    if only is None:
        ids = _ids(session)
        totals = raw_rows(session, _totals(live))
    else:
        ids, totals = [], []
        for start in range(0, len(only), CHUNK):
            chunk = list(only[start : start + CHUNK])
            ids += session.scalars(select(Customer.id).where(
                Customer.id.in_(chunk), Customer.deleted_at.is_(None)))  # fmt: skip
            some = (*live, Order.customer_id.in_(chunk))
            totals += raw_rows(session, _totals(some))
    size = len(ids)
    facts = Facts(
        ids=ids, purchase_days=np.zeros(size, np.int64), first=np.full(size, -1, np.int64),
        last=np.full(size, -1, np.int64), revenue=np.zeros(size), margin=np.full(size, np.nan),
        repeat_spend=np.zeros(size), contact=np.full(size, -1, np.int64),
        orders=0,
    )  # fmt: skip
    index = _index(session, ids)
    if totals:
        owners, days, first, last, revenue, margin, costed, count, first_spend = zip(
            *totals, strict=True
        )
        who = _positions(index, owners)
        known = who >= 0  # not the orders of customers deleted since
        at = who[known]
        facts.purchase_days[at] = np.array(days, dtype=np.int64)[known]
        facts.first[at] = _ordinals(list(first))[known]
        facts.last[at] = _ordinals(list(last))[known]
        facts.revenue[at] = np.array(revenue, dtype=np.float64)[known]
        margins = np.array([np.nan if m is None else m for m in margin], dtype=np.float64)
        facts.margin[at] = np.where(np.array(costed, dtype=np.int64) > 0, margins, np.nan)[known]
        spent = np.array(first_spend, dtype=np.float64)[known]
        facts.repeat_spend[at] = facts.revenue[at] - spent
        facts.orders = int(np.array(count, dtype=np.int64)[known].sum())
    _contacts(session, facts, index, day, only is not None)
    if day < date.today():
        facts = _existing(session, facts, day)
    return facts


def _totals(where: tuple[Any, ...]) -> Any:
    """Per customer: days with an order, first and last day, revenue, margin (of the orders
    with a known cost), how many have a cost, how many orders, and the spend of the first
    day (a look-up in the index per customer; the aggregate in it is the outer query's)."""
    same = aliased(Order)
    first_day = (
        select(func.sum(same.amount))
        .where(same.customer_id == Order.customer_id, same.deleted_at.is_(None),
               same.ordered_on == func.min(Order.ordered_on))
        .scalar_subquery()
    )  # fmt: skip
    return (
        select(Order.customer_id, func.count(distinct(Order.ordered_on)),
               func.min(Order.ordered_on), func.max(Order.ordered_on), func.sum(Order.amount),
               func.sum(Order.amount - Order.cost), func.count(Order.cost), func.count(),
               first_day)
        .where(*where).group_by(Order.customer_id)
    )  # fmt: skip


def _existing(session: Session, facts: Facts, day: date) -> Facts:
    """Leave out customers added after ``day`` who had neither bought nor been in contact
    by then (as of a past day they were nobody's customers yet).  Customers imported
    later with older orders did exist: their orders say so."""
    later = set(session.scalars(select(Customer.id).where(
        Customer.deleted_at.is_(None), Customer.created_at >= _end_of(day))))  # fmt: skip
    if not later:
        return facts
    keep = np.array([ident not in later for ident in facts.ids], dtype=np.bool_)
    keep |= (facts.purchase_days > 0) | (facts.contact >= 0)
    if keep.all():
        return facts
    return Facts(
        ids=[ident for ident, k in zip(facts.ids, keep.tolist(), strict=True) if k],
        purchase_days=facts.purchase_days[keep], first=facts.first[keep], last=facts.last[keep],
        revenue=facts.revenue[keep], margin=facts.margin[keep],
        repeat_spend=facts.repeat_spend[keep], contact=facts.contact[keep], orders=facts.orders,
    )  # fmt: skip


def _positions(index: Index, owners: tuple[Any, ...]) -> np.ndarray:
    """Each row's customer as a position in the facts (-1: a customer deleted since)."""
    get = index.get
    return np.fromiter((get(o, -1) for o in owners), dtype=np.int64, count=len(owners))


def _contacts(session: Session, facts: Facts, index: Index, day: date, only: bool) -> None:
    """Each customer's last contact up to ``day``, as a local day ordinal."""
    limit = _end_of(day)
    statement = (
        select(Interaction.customer_id, func.max(Interaction.occurred_at))
        .where(Interaction.deleted_at.is_(None), Interaction.occurred_at < limit)
        .group_by(Interaction.customer_id)
    )
    if not only:
        rows = raw_rows(session, statement)
    else:
        rows = []
        for start in range(0, len(facts.ids), CHUNK):
            chunk = facts.ids[start : start + CHUNK]
            rows += raw_rows(session, statement.where(Interaction.customer_id.in_(chunk)))
    if not rows:
        return
    owners, moments = zip(*rows, strict=True)
    who = _positions(index, owners)
    known = who >= 0
    facts.contact[who[known]] = _local_days(_seconds(moments))[known]


def _seconds(moments: Sequence[Any]) -> np.ndarray:
    """Seconds since 1970 (UTC) of the driver's timestamps (SQLite: UTC text without a zone,
    see UTCDateTime; PostgreSQL: aware datetimes)."""
    if isinstance(moments[0], str):
        return np.array(moments, dtype="datetime64[s]").astype(np.int64)
    return np.array([int(m.timestamp()) for m in moments], dtype=np.int64)


def _local_days(seconds: np.ndarray) -> np.ndarray:
    """The local calendar day (ordinal) of each moment.

    The offset from UTC is looked up once per UTC day, and moment by moment only on
    days when it changes (summer time begins or ends)."""
    days = seconds // 86400
    unique, inverse = np.unique(days, return_inverse=True)
    starts = np.array([_offset(d * 86400) for d in unique.tolist()], dtype=np.int64)
    ends = np.array([_offset(d * 86400 + 86399) for d in unique.tolist()], dtype=np.int64)
    offsets = starts[inverse]
    moved = (starts != ends)[inverse]
    if moved.any():
        offsets[moved] = [_offset(s) for s in seconds[moved].tolist()]
    return (seconds + offsets) // 86400 + EPOCH_ORDINAL


def _offset(second: int) -> int:
    """Local time's offset from UTC at that moment, in seconds."""
    offset = datetime.fromtimestamp(second, UTC).astimezone().utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0
