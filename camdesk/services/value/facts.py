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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from operator import attrgetter
from typing import Any

import numpy as np
from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session, aliased

from camdesk.models import Customer, Interaction, Order
from camdesk.services.core.bulk import gc_paused
from camdesk.services.core.raw import raw_batches, raw_rows

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


def _ordinals(values: list[Any]) -> np.ndarray:
    """Day ordinals of ISO date texts (SQLite) or dates (PostgreSQL)."""
    if not values:
        return np.zeros(0, np.int64)
    days = np.array(values, dtype="datetime64[D]").astype(np.int64)
    return days + EPOCH_ORDINAL


def _end_of(day: date) -> datetime:
    """The first moment after ``day``, local time."""
    return datetime.combine(day + timedelta(days=1), datetime.min.time()).astimezone()


def _ids(session: Session) -> tuple[list[uuid.UUID], Index]:
    """The live customers in key order (the order measures are stored in, a range at a
    time: see value_store; both databases order UUIDs as their 128-bit numbers), and
    the index of their positions."""
    raw = [ident for (ident,) in raw_rows(session, select(Customer.id).where(
        Customer.deleted_at.is_(None)))]  # fmt: skip
    if raw and isinstance(raw[0], str):  # SQLite: 32 hex digits, which sort the same
        raw.sort()
        return [uuid.UUID(hex=ident) for ident in raw], Index(np.array(raw, dtype="S32"))
    ids = sorted(raw, key=attrgetter("int"))
    return ids, Index.of(ids, text=False)


class Index:
    """Positions in Facts.ids of customer ids as the driver returns them (SQLite: hex
    text; PostgreSQL: UUIDs): a binary search in the sorted ids' bytes.  A dict of a
    million ids took a second and 180 MB."""

    def __init__(self, keys: np.ndarray) -> None:
        self.keys = keys  # sorted: the ids' hex digits (S32) or big-endian bytes (S16)

    @classmethod
    def of(cls, ids: Sequence[uuid.UUID], *, text: bool) -> Index:
        """The index of ``ids`` (in key order)."""
        if text:
            return cls(np.array([i.hex for i in ids], dtype="S32"))
        return cls(np.array([i.bytes for i in ids], dtype="S16"))

    def positions(self, owners: Sequence[Any]) -> np.ndarray:
        """Each owner's position in the ids (-1: a customer not among them)."""
        if not len(owners) or not len(self.keys):
            return np.full(len(owners), -1, np.int64)
        text = isinstance(owners[0], str)
        wanted = np.array(owners if text else [o.bytes for o in owners], dtype=self.keys.dtype)
        at = np.minimum(np.searchsorted(self.keys, wanted), len(self.keys) - 1)
        return np.where(self.keys[at] == wanted, at, -1).astype(np.int64)


def read_facts(session: Session, day: date, only: Sequence[uuid.UUID] | None = None) -> Facts:
    """Every live customer's purchase facts as of ``day`` (orders after it do not count),
    in key order, or those of the live customers among ``only``."""
    with gc_paused():
        return _read(session, day, only)


def _read(session: Session, day: date, only: Sequence[uuid.UUID] | None) -> Facts:
    live = (Order.deleted_at.is_(None), Order.ordered_on <= day)
    totals: Iterable[list[Any]]
    if only is None:
        ids, index = _ids(session)
        totals = raw_batches(session, _totals(live))  # a batch at a time: less memory
    else:
        ids, some = [], []
        for start in range(0, len(only), CHUNK):
            chunk = list(only[start : start + CHUNK])
            ids += session.scalars(select(Customer.id).where(
                Customer.id.in_(chunk), Customer.deleted_at.is_(None)))  # fmt: skip
            some += raw_rows(session, _totals((*live, Order.customer_id.in_(chunk))))
        ids.sort(key=attrgetter("int"))
        index = Index.of(ids, text=session.get_bind().dialect.name == "sqlite")
        totals = [some]
    size = len(ids)
    facts = Facts(
        ids=ids, purchase_days=np.zeros(size, np.int64), first=np.full(size, -1, np.int64),
        last=np.full(size, -1, np.int64), revenue=np.zeros(size), margin=np.full(size, np.nan),
        repeat_spend=np.zeros(size), contact=np.full(size, -1, np.int64),
        orders=0,
    )  # fmt: skip
    for batch in totals:
        if batch:
            _add_totals(facts, index, batch)
    _contacts(session, facts, index, day, only is not None)
    if day < date.today():
        facts = _existing(session, facts, day)
    return facts


def _add_totals(facts: Facts, index: Index, rows: list[Any]) -> None:
    """Put rows of :func:`_totals` into the facts."""
    owners, days, first, last, revenue, margin, costed, count, first_spend = zip(*rows, strict=True)
    who = index.positions(owners)
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
    facts.orders += int(np.array(count, dtype=np.int64)[known].sum())


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


def _contacts(session: Session, facts: Facts, index: Index, day: date, only: bool) -> None:
    """Each customer's last contact up to ``day``, as a local day ordinal."""
    limit = _end_of(day)
    statement = (
        select(Interaction.customer_id, func.max(Interaction.occurred_at))
        .where(Interaction.deleted_at.is_(None), Interaction.occurred_at < limit)
        .group_by(Interaction.customer_id)
    )
    batches: Iterable[list[Any]]
    if not only:
        batches = raw_batches(session, statement)
    else:
        batches = [raw_rows(session, statement.where(Interaction.customer_id.in_(
            facts.ids[start : start + CHUNK]))) for start in range(0, len(facts.ids), CHUNK)]  # fmt: skip
    for rows in batches:
        if not rows:
            continue
        owners, moments = zip(*rows, strict=True)
        who = index.positions(owners)
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
