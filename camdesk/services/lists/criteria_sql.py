"""The SQL for each :class:`~camdesk.services.lists.criteria.Criterion`.

Every criterion becomes a condition on ``customer``: its own columns directly,
the value measures, tags and custom fields through ``customer.id IN (...)`` over
their indexes.  Days since the last order or contact and age are turned into dates
here, as of today, so a list of "no order for 90 days" stays true without a recompute.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, false, or_, select

from camdesk.models import (
    Customer,
    CustomerScore,
    CustomerTag,
    CustomerValue,
    CustomField,
    CustomValue,
    Tag,
)
from camdesk.models.customer import CustomerKind, Gender
from camdesk.services.lists.criteria import CUSTOM_PREFIX, Criterion
from camdesk.services.lists.rows import NO_OWNER

_VALUE_COLUMNS: dict[str, Any] = {
    "tier": CustomerValue.tier,
    "stage": CustomerValue.stage,
    "segment": CustomerValue.segment,
    "abc": CustomerValue.abc,
    "clv": CustomerValue.clv,
    "revenue": CustomerValue.revenue,
    "purchases": CustomerValue.purchase_days,
}
_SCORE_COLUMNS: dict[str, Any] = {"nps": CustomerScore.nps, "csat": CustomerScore.csat}
_CUSTOMER_COLUMNS: dict[str, Any] = {
    "province": Customer.province,
    "city": Customer.city,
}


def years_before(day: date, years: int) -> date:
    """The same day ``years`` earlier (29 February becomes the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def local_midnight(day: date) -> datetime:
    """The start of a local day, as an aware time (compared with stored UTC times)."""
    return datetime.combine(day, time()).astimezone()


def _compare(column: Any, criterion: Criterion, values: tuple[Any, ...]) -> ColumnElement[bool]:
    if criterion.op == ">=":
        return column >= criterion.value
    if criterion.op == "<=":
        return column <= criterion.value
    return column.in_(values) if len(values) > 1 else column == values[0]


def condition(criterion: Criterion, today: date | None = None) -> ColumnElement[bool]:
    """The condition a customer row meets when it meets ``criterion``."""
    today = today or date.today()
    name, op, values = criterion.field, criterion.op, criterion.values
    if name in _VALUE_COLUMNS:
        inner = _compare(_VALUE_COLUMNS[name], criterion, values)
        return Customer.id.in_(select(CustomerValue.customer_id).where(inner))
    if name in _SCORE_COLUMNS:  # the latest answer (customers who never answered: no match)
        inner = _compare(_SCORE_COLUMNS[name], criterion, values)
        return Customer.id.in_(select(CustomerScore.customer_id).where(inner))
    if name == "recency":  # n days or more since the last order: it was on or before today - n
        days = criterion.number
        cutoff = today - timedelta(days=days)
        last = CustomerValue.last_order
        inner = last <= cutoff if op == ">=" else last >= cutoff
        return Customer.id.in_(select(CustomerValue.customer_id).where(inner))
    if name == "contact_days":  # n days or more since the last contact (or never contacted)
        days = criterion.number
        if op == ">=":  # the last contact fell on or before the day n days ago
            return or_(Customer.last_contact_at.is_(None),
                       Customer.last_contact_at < local_midnight(today - timedelta(days=days - 1)))  # fmt: skip
        return Customer.last_contact_at >= local_midnight(today - timedelta(days=days))
    if name == "age":  # born on or before the day `age` years ago
        years = criterion.number
        if op == ">=":
            return Customer.birthday <= years_before(today, years)
        return Customer.birthday > years_before(today, years + 1)
    if name == "kind":
        return _compare(Customer.kind, criterion, tuple(CustomerKind(v) for v in values))
    if name == "gender":
        return _compare(Customer.gender, criterion, tuple(Gender(v) for v in values))
    if name in _CUSTOMER_COLUMNS:
        return _compare(_CUSTOMER_COLUMNS[name], criterion, values)
    if name == "owner":  # NO_OWNER among the values: customers without an owner too
        owners = tuple(uuid.UUID(v) for v in values)
        if NO_OWNER not in owners:
            return _compare(Customer.owner_id, criterion, owners)
        others = tuple(o for o in owners if o != NO_OWNER)
        nobody = Customer.owner_id.is_(None)
        return or_(nobody, Customer.owner_id.in_(others)) if others else nobody
    if name == "tag":
        tagged = (
            select(CustomerTag.customer_id)
            .join(Tag, Tag.id == CustomerTag.tag_id)
            .where(_compare(Tag.name, criterion, values), Tag.deleted_at.is_(None))
        )
        return Customer.id.in_(tagged)
    if name.startswith(CUSTOM_PREFIX):
        return custom_condition(name.removeprefix(CUSTOM_PREFIX), op, values)
    raise ValueError(f"no SQL for {name!r}")


def _as_number(value: Any) -> Decimal:
    found = Decimal(str(value).strip())
    if not found.is_finite():
        raise ValueError(value)
    return found


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value).strip())


def custom_condition(key: str, op: str, values: tuple[Any, ...]) -> ColumnElement[bool]:
    """Customers whose custom field ``key`` compares with ``values`` (see
    :data:`~camdesk.services.lists.criteria.CUSTOM_OPS`). Number and date fields store
    their values in their own typed columns, so a value given as text is compared there
    too when it reads as a number or a date; "<" and ">" compare only there."""
    holding = (
        select(CustomValue.customer_id)
        .join(CustomField, CustomField.id == CustomValue.field_id)
        .where(CustomField.key == key)
    )
    if op == "empty":  # no value: the field is absent or blank in the file
        return Customer.id.not_in(holding.where(or_(
            CustomValue.value_text.is_not(None), CustomValue.value_number.is_not(None),
            CustomValue.value_date.is_not(None))))  # fmt: skip

    def compare(column: Any, given: tuple[Any, ...]) -> ColumnElement[bool]:
        if op in (">=", "<=", "<", ">"):
            return {">=": column >= given[0], "<=": column <= given[0],
                    "<": column < given[0], ">": column > given[0]}[op]  # fmt: skip
        if op == "between":
            low, high = sorted(given[:2])
            return column.between(low, high)
        return column.in_(given) if len(given) > 1 else column == given[0]

    options = [] if op in ("<", ">", "between") else [
        compare(CustomValue.value_text, tuple(str(v) for v in values))
    ]  # fmt: skip
    for column, parse in ((CustomValue.value_number, _as_number),
                          (CustomValue.value_date, _as_date)):  # fmt: skip
        try:
            options.append(compare(column, tuple(parse(v) for v in values)))
        except (ValueError, ArithmeticError):
            continue
    if not options:  # nothing reads as a number or a date: nobody is below or above it
        return false()
    return Customer.id.in_(holding.where(or_(*options)))
