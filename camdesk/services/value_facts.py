"""Per-customer purchase facts as of a day, aggregated by the database.

Two grouped queries over the live orders up to the day, both served by the
covering index ``ix_orders_customer`` (customer, day, deleted, amount, cost)
without touching the table: per customer, days with an order, first and last
order day, revenue, margin (where a cost is known) and the order count; then
the spend of each customer's first order day (repeat spend, for Gamma-Gamma,
is revenue minus that).  Only one row per buyer reaches Python, read through
the driver's own cursor; numpy lines them up with the customers.  A third
small query gives each customer's last contact.
"""

from __future__ import annotations

import gc
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy import and_, distinct, func, select
from sqlalchemy.orm import Session, aliased

from camdesk.models import Customer, Interaction, Order

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


@contextmanager
def gc_paused() -> Iterator[None]:
    """Without the cyclic garbage collector for a while.

    Reading a million rows creates millions of tuples; each allocation burst sets the
    collector scanning every object again, which more than doubles the read time.
    Nothing made here is cyclic, so nothing is lost by collecting afterwards.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _end_of(day: date) -> datetime:
    """The first moment after ``day``, local time."""
    return datetime.combine(day + timedelta(days=1), datetime.min.time()).astimezone()


def _ids(session: Session) -> list[uuid.UUID]:
    raw = raw_rows(session, select(Customer.id).where(Customer.deleted_at.is_(None)))
    if raw and isinstance(raw[0][0], str):
        return [uuid.UUID(hex=ident) for (ident,) in raw]
    return [ident for (ident,) in raw]


def read_facts(session: Session, day: date, only: Sequence[uuid.UUID] | None = None) -> Facts:
    """Every live customer's purchase facts as of ``day`` (orders after it do not count),
    or those of the live customers among ``only``."""
    with gc_paused():
        return _read(session, day, only)


def _read(session: Session, day: date, only: Sequence[uuid.UUID] | None) -> Facts:
    live = (Order.deleted_at.is_(None), Order.ordered_on <= day)
    if only is None:
        ids = _ids(session)
        totals = raw_rows(session, _totals(live))
        firsts = raw_rows(session, _first_day_spend(live))
    else:
        ids, totals, firsts = [], [], []
        for start in range(0, len(only), CHUNK):
            chunk = list(only[start : start + CHUNK])
            ids += session.scalars(select(Customer.id).where(
                Customer.id.in_(chunk), Customer.deleted_at.is_(None)))  # fmt: skip
            some = (*live, Order.customer_id.in_(chunk))
            totals += raw_rows(session, _totals(some))
            firsts += raw_rows(session, _first_day_spend(some))
    size = len(ids)
    facts = Facts(
        ids=ids, purchase_days=np.zeros(size, np.int64), first=np.full(size, -1, np.int64),
        last=np.full(size, -1, np.int64), revenue=np.zeros(size), margin=np.full(size, np.nan),
        repeat_spend=np.zeros(size), contact=np.full(size, -1, np.int64),
        orders=0,
    )  # fmt: skip
    if totals:
        owners, days, first, last, revenue, margin, costed, count = zip(*totals, strict=True)
        who = _positions(ids, owners)
        known = who >= 0  # not the orders of customers deleted since
        at = who[known]
        facts.purchase_days[at] = np.array(days, dtype=np.int64)[known]
        facts.first[at] = _ordinals(list(first))[known]
        facts.last[at] = _ordinals(list(last))[known]
        facts.revenue[at] = np.array(revenue, dtype=np.float64)[known]
        margins = np.array([np.nan if m is None else m for m in margin], dtype=np.float64)
        facts.margin[at] = np.where(np.array(costed, dtype=np.int64) > 0, margins, np.nan)[known]
        facts.repeat_spend[at] = facts.revenue[at]
        facts.orders = int(np.array(count, dtype=np.int64)[known].sum())
    if firsts:
        owners, spent = zip(*firsts, strict=True)
        who = _positions(ids, owners)
        known = who >= 0
        facts.repeat_spend[who[known]] -= np.array(spent, dtype=np.float64)[known]
    _contacts(session, facts, day, only is not None)
    if day < date.today():
        facts = _existing(session, facts, day)
    return facts


def _totals(where: tuple[Any, ...]) -> Any:
    """Per customer: days with an order, first and last day, revenue, margin (of the orders
    with a known cost), how many have a cost, how many orders."""
    return (
        select(Order.customer_id, func.count(distinct(Order.ordered_on)),
               func.min(Order.ordered_on), func.max(Order.ordered_on), func.sum(Order.amount),
               func.sum(Order.amount - Order.cost), func.count(Order.cost), func.count())
        .where(*where).group_by(Order.customer_id)
    )  # fmt: skip


def _first_day_spend(where: tuple[Any, ...]) -> Any:
    """Per customer: what the orders of their first order day came to."""
    firsts = (
        select(Order.customer_id, func.min(Order.ordered_on).label("day"))
        .where(*where).group_by(Order.customer_id).subquery()
    )  # fmt: skip
    same = aliased(Order)
    return (
        select(same.customer_id, func.sum(same.amount))
        .join(firsts, and_(firsts.c.customer_id == same.customer_id,
                           same.ordered_on == firsts.c.day))
        .where(same.deleted_at.is_(None)).group_by(same.customer_id)
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


def _positions(ids: list[uuid.UUID], owners: tuple[Any, ...]) -> np.ndarray:
    """Each order's customer as an index into ``ids`` (-1: a customer deleted since)."""
    text = isinstance(owners[0], str)  # SQLite keeps UUIDs as 32 hex digits
    index = {(i.hex if text else i): n for n, i in enumerate(ids)}
    get = index.get
    return np.fromiter((get(o, -1) for o in owners), dtype=np.int64, count=len(owners))


def _contacts(session: Session, facts: Facts, day: date, only: bool) -> None:
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
    who = _positions(facts.ids, owners)
    known = who >= 0
    facts.contact[who[known]] = [_local_day(m) for m, k in zip(moments, known, strict=True) if k]


def _local_day(moment: Any) -> int:
    if isinstance(moment, str):  # SQLite: UTC without a zone (see UTCDateTime)
        moment = datetime.fromisoformat(moment)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.astimezone().date().toordinal())
