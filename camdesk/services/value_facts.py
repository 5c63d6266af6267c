"""Per-customer purchase facts as of a day, aggregated with numpy from one scan of orders.

One query reads every live order up to the day (customer, day, amount, cost)
through the driver's own cursor, with no per-row conversion by SQLAlchemy; numpy
then sorts them by customer and day and works out, per customer: days with an
order, first and last order day, revenue, margin (where a cost is known) and the
spend of repeat days (all but the first order day, for Gamma-Gamma).  A second
small query gives each customer's last contact.  This is several times faster
than the equivalent GROUP BY queries (the first-day spend needs a self-join).
"""

from __future__ import annotations

import gc
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from camdesk.models import ChangeLog, Customer, CustomerValue, Interaction, Order

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
    orders: int


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
    statement = select(Order.customer_id, Order.ordered_on, Order.amount, Order.cost).where(
        Order.deleted_at.is_(None), Order.ordered_on <= day
    )
    if only is None:
        ids = _ids(session)
        rows = raw_rows(session, statement)
    else:
        ids, rows = [], []
        for start in range(0, len(only), CHUNK):
            chunk = list(only[start : start + CHUNK])
            ids += session.scalars(select(Customer.id).where(
                Customer.id.in_(chunk), Customer.deleted_at.is_(None)))  # fmt: skip
            rows += raw_rows(session, statement.where(Order.customer_id.in_(chunk)))
    size = len(ids)
    facts = Facts(
        ids=ids, purchase_days=np.zeros(size, np.int64), first=np.full(size, -1, np.int64),
        last=np.full(size, -1, np.int64), revenue=np.zeros(size), margin=np.full(size, np.nan),
        repeat_spend=np.zeros(size), contact=np.full(size, -1, np.int64), orders=len(rows),
    )  # fmt: skip
    if rows:
        owners, days, amounts, costs = zip(*rows, strict=True)
        _aggregate(facts, _positions(ids, owners), _ordinals(list(days)),
                   np.array(amounts, dtype=np.float64), np.array(costs, dtype=np.float64))  # fmt: skip
    _contacts(session, facts, day, only is not None)
    if day < date.today():
        facts = _existing(session, facts, day)
    return facts


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


def _aggregate(facts: Facts, who: np.ndarray, days: np.ndarray, amounts: np.ndarray,
               costs: np.ndarray) -> None:  # fmt: skip
    live = who >= 0
    who, days, amounts, costs = who[live], days[live], amounts[live], costs[live]
    if not len(who):
        return
    size = len(facts.ids)
    order = np.lexsort((days, who))
    who, days, amounts, costs = who[order], days[order], amounts[order], costs[order]
    new_customer = np.empty(len(who), np.bool_)
    new_customer[0] = True
    new_customer[1:] = who[1:] != who[:-1]
    new_day = new_customer.copy()
    new_day[1:] |= days[1:] != days[:-1]
    facts.purchase_days = np.bincount(who[new_day], minlength=size).astype(np.int64)
    starts = np.flatnonzero(new_customer)
    ends = np.append(starts[1:], len(who)) - 1
    facts.first[who[starts]] = days[starts]
    facts.last[who[ends]] = days[ends]
    facts.revenue = np.bincount(who, weights=amounts, minlength=size)
    known = ~np.isnan(costs)
    costed = np.bincount(who[known], minlength=size)
    margin = np.bincount(who[known], weights=amounts[known] - costs[known], minlength=size)
    facts.margin = np.where(costed > 0, margin, np.nan)
    first_day = days == facts.first[who]
    spent_first = np.bincount(who[first_day], weights=amounts[first_day], minlength=size)
    facts.repeat_spend = facts.revenue - spent_first


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


# --------------------------------------------------------------------------- refreshing

# Clocks of the PCs sharing a file may disagree: changes stamped up to an hour before
# the last read are looked at again.  A PC further behind than that has its changes
# picked up by the weekly full read (FULL_EVERY_DAYS).
MARGIN_MS = 3600 * 1000
FULL_EVERY_DAYS = 7  # read every order at least this often, whatever the change log says
REFRESH_SHARE = 0.2  # more customers touched than this share: read every order
REFRESH_FEWEST = 1000  # ... unless they are this few (reading them is cheap anyway)


@dataclass(frozen=True)
class FactsMark:
    """When and as of which day the facts were last read (kept with the model).

    Attributes:
        read_ms: wall-clock milliseconds when that read began.
        day: the day they were read as of.
        full_on: the day every order was last read.
    """

    read_ms: int
    day: date
    full_on: date


def refresh_facts(session: Session, day: date, mark: FactsMark | None,
                  *, full: bool = False) -> tuple[Facts, FactsMark]:  # fmt: skip
    """The facts as of ``day``: read again only for the customers whose orders, contacts
    or file changed since ``mark`` (found in the change log), the rest from the stored
    measures, which hold the same facts.  Every order is read instead when there is no
    mark, when it is a week old, when the day goes back, when the mark was a past day's
    recompute, or when many customers changed."""
    started = time.time_ns() // 1_000_000
    today = date.today()
    if (full or mark is None or day < mark.day or (today - mark.full_on).days >= FULL_EVERY_DAYS
            or mark.day < datetime.fromtimestamp(mark.read_ms / 1000).date()):  # fmt: skip
        return read_facts(session, day), FactsMark(started, day, today)
    with gc_paused():
        ids = _ids(session)
        touched = _touched_since(session, mark.read_ms - MARGIN_MS)
        touched |= _contacts_due(session, mark.day, day)
        many = len(touched) > max(REFRESH_SHARE * len(ids), REFRESH_FEWEST)
        facts = None if many else _stored_facts(session, ids, touched)
    if facts is None or len(touched) > max(REFRESH_SHARE * len(ids), REFRESH_FEWEST):
        return read_facts(session, day), FactsMark(started, day, today)
    index = {ident: n for n, ident in enumerate(ids)}
    again = [ident for ident in touched if ident in index]
    if again:
        fresh = read_facts(session, day, only=again)
        where = np.array([index[ident] for ident in fresh.ids], dtype=np.int64)
        for name in ("purchase_days", "first", "last", "revenue", "margin", "repeat_spend",
                     "contact"):  # fmt: skip
            getattr(facts, name)[where] = getattr(fresh, name)
    facts.orders = int(session.scalar(
        select(func.count()).select_from(Order)
        .where(Order.deleted_at.is_(None), Order.ordered_on <= day)) or 0)  # fmt: skip
    if day < today:
        facts = _existing(session, facts, day)
    return facts, FactsMark(started, day, mark.full_on)


def _touched_since(session: Session, since_ms: int) -> set[uuid.UUID]:
    """Customers whose file, orders or interactions a logged change touched since then."""
    entries = session.execute(
        select(ChangeLog.table_name, ChangeLog.row_id, ChangeLog.field, ChangeLog.old,
               ChangeLog.new)
        .where(ChangeLog.hlc >= f"{max(since_ms, 0):013d}",
               ChangeLog.table_name.in_(("customer", "orders", "interaction")))
    ).all()  # fmt: skip
    found: set[uuid.UUID] = set()
    rows: dict[str, list[uuid.UUID]] = {"orders": [], "interaction": []}
    for table, row, field, old, new in entries:
        if table == "customer":
            found.add(row)
            continue
        rows[table].append(row)
        if field == "customer_id":  # moved between customers (a merge, its undo)
            found.update(uuid.UUID(str(v)) for v in (old, new) if v)
    for table, model in (("orders", Order), ("interaction", Interaction)):
        wanted = list(dict.fromkeys(rows[table]))
        for start in range(0, len(wanted), CHUNK):
            found.update(session.scalars(select(model.customer_id).where(
                model.id.in_(wanted[start : start + CHUNK]))))  # fmt: skip
    return found


def _contacts_due(session: Session, since: date, day: date) -> set[uuid.UUID]:
    """Customers with an interaction dated after ``since`` up to ``day`` (logged ahead)."""
    return set(session.scalars(select(Interaction.customer_id).where(
        Interaction.deleted_at.is_(None), Interaction.occurred_at >= _end_of(since),
        Interaction.occurred_at < _end_of(day))))  # fmt: skip


def _stored_facts(session: Session, ids: list[uuid.UUID],
                  touched: set[uuid.UUID]) -> Facts | None:  # fmt: skip
    """The facts kept in ``customer_value``, aligned with ``ids``; customers without a row
    are added to ``touched``.  None if nothing is stored."""
    rows = raw_rows(session, select(
        CustomerValue.customer_id, CustomerValue.first_order, CustomerValue.last_order,
        CustomerValue.last_contact, CustomerValue.purchase_days, CustomerValue.revenue,
        CustomerValue.margin, CustomerValue.repeat_spend))  # fmt: skip
    if not rows:
        return None
    size = len(ids)
    facts = Facts(
        ids=ids, purchase_days=np.zeros(size, np.int64), first=np.full(size, -1, np.int64),
        last=np.full(size, -1, np.int64), revenue=np.zeros(size), margin=np.full(size, np.nan),
        repeat_spend=np.zeros(size), contact=np.full(size, -1, np.int64), orders=0,
    )  # fmt: skip
    owners, first, last, contact, days, revenue, margin, repeat = zip(*rows, strict=True)
    where = _positions(ids, owners)
    kept = where >= 0
    at = where[kept]

    def pick(values: tuple[Any, ...]) -> list[Any]:
        return [v for v, k in zip(values, kept.tolist(), strict=True) if k]

    facts.first[at] = _day_numbers(pick(first))
    facts.last[at] = _day_numbers(pick(last))
    facts.contact[at] = _day_numbers(pick(contact))
    facts.purchase_days[at] = np.array(pick(days), dtype=np.int64)
    facts.revenue[at] = np.array(pick(revenue), dtype=np.float64)
    facts.margin[at] = np.array(pick(margin), dtype=np.float64)
    facts.repeat_spend[at] = np.nan_to_num(np.array(pick(repeat), dtype=np.float64))
    stored = np.zeros(size, np.bool_)
    stored[at] = True
    touched.update(ident for ident, has in zip(ids, stored.tolist(), strict=True) if not has)
    return facts


def _day_numbers(values: list[Any]) -> np.ndarray:
    """Day ordinals of dates or ISO texts, -1 for None."""
    known = [v for v in values if v is not None]
    out = np.full(len(values), -1, np.int64)
    if known:
        mask = np.array([v is not None for v in values], dtype=np.bool_)
        out[mask] = _ordinals(known)
    return out
