"""Exporting customers, orders and the change log to .xlsx or CSV (see :mod:`workbooks`).

A customer export loses nothing of the file: every field, tags, custom fields, the
owner by name and, when every field is exported, the contacts of companies on a second
sheet (a second CSV file). Headers and words (type, gender, and the value measures'
names given by the caller) are in one language, Chinese or English, and every header
is one the importer maps back to its field: an export imports back as the same
customers, and its contacts sheet as their contacts.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select

from camdesk.db import Database
from camdesk.errors import Cancelled
from camdesk.models import (
    ChangeLog,
    Contact,
    Customer,
    CustomerScore,
    CustomerTag,
    CustomerValue,
    CustomField,
    CustomValue,
    Order,
    Tag,
    User,
)
from camdesk.services.core.lunar_days import lunar_text, parse_lunar
from camdesk.services.core.validation import display_phone
from camdesk.services.customers.custom_fields import stored_value
from camdesk.services.customers.notes import notes_of, notes_text
from camdesk.services.data.workbooks import Sheet, write_sheets, write_table
from camdesk.services.lists.page import ordered_ids
from camdesk.services.lists.rows import ListQuery

Progress = Callable[[int, int], None]
Language = Literal["zh", "en"]
CHUNK = 5000  # customers read at a time

# Field -> header, in each language; every header is one the importer maps back.
CUSTOMER_COLUMNS: dict[str, str] = {
    "name": "姓名", "kind": "客户类型", "code": "客户编号", "gender": "性别", "birthday": "生日", "lunar_birthday": "农历生日",
    "mobile": "手机", "phone": "电话", "email": "邮箱", "province": "省份", "city": "城市",
    "address": "地址", "company_name": "公司", "industry": "行业", "company_size": "公司规模",
    "source": "来源", "preferences": "偏好", "notes": "备注", "tags": "标签", "owner": "负责人",
    "last_contact": "最近联系",
}  # fmt: skip
ENGLISH_COLUMNS: dict[str, str] = {
    "name": "Name", "kind": "Customer type", "code": "Customer code", "gender": "Gender",
    "birthday": "Birthday", "lunar_birthday": "Lunar birthday", "mobile": "Mobile", "phone": "Phone", "email": "Email",
    "province": "Province", "city": "City", "address": "Address", "company_name": "Company",
    "industry": "Industry", "company_size": "Company size", "source": "Source",
    "preferences": "Preferences", "notes": "Notes", "tags": "Tags", "owner": "Owner",
    "last_contact": "Last contact",
}  # fmt: skip
# The customer list's columns -> export fields (the list's phone shows mobile, else phone).
LIST_COLUMNS = {"name": ("name",), "kind": ("kind",), "phone": ("mobile", "phone"),
                "email": ("email",), "city": ("city",), "company": ("company_name",),
                "owner": ("owner",), "last_contact": ("last_contact",), "tags": ("tags",),
                "code": ("code",), "tier": ("tier",), "stage": ("stage",),
                "segment": ("segment",), "clv": ("clv",), "nps": ("nps",),
                "csat": ("csat",)}  # fmt: skip
# Value measures and the latest survey scores (computed, so not imported back):
# field -> header.
VALUE_COLUMNS = {
    "zh": {"tier": "价值分层", "stage": "生命周期阶段", "segment": "RFM分群", "clv": "预测价值",
           "nps": "最近NPS", "csat": "最近满意度"},
    "en": {"tier": "Value tier", "stage": "Lifecycle stage", "segment": "RFM segment",
           "clv": "Predicted value", "nps": "Latest NPS", "csat": "Latest CSAT"},
}  # fmt: skip
SCORE_COLUMNS = ("nps", "csat")
_WORDS = {
    "zh": {"person": "个人", "company": "企业", "male": "男", "female": "女", "other": "其他"},
    "en": {"person": "Person", "company": "Company", "male": "Male", "female": "Female",
           "other": "Other"},
}  # fmt: skip
# The contacts sheet: the company by code and name, then the person (the contacts import's
# headers).
CONTACT_SHEET = {"zh": "联系人", "en": "Contacts"}
CONTACT_HEADERS = {
    "zh": ["客户编号", "公司", "姓名", "职务", "手机", "电话", "邮箱", "备注"],
    "en": ["Customer code", "Company", "Name", "Job title", "Mobile", "Phone", "Email", "Notes"],
}
CUSTOMER_SHEET = {"zh": "客户", "en": "Customers"}
ValueWords = Callable[[str, str], str]  # (field, code) -> the word shown


@dataclass
class Exported:
    """What a customer export wrote: customers, contacts, and the files (CSV: one a table)."""

    customers: int = 0
    contacts: int = 0
    files: list[Path] = field(default_factory=list)


def export_customers(
    db: Database,
    path: Path,
    query: ListQuery = ListQuery(),
    columns: Sequence[str] | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    value_words: ValueWords | None = None,
    language: Language = "zh",
) -> Exported:
    """Write the customers of ``query`` (in its order) to ``path``.

    ``columns`` are keys of :data:`CUSTOMER_COLUMNS`, :data:`VALUE_COLUMNS` (tier, stage, segment, clv) and
    ``custom:<key>`` (default: every field and custom field, and then the contacts of
    companies on a sheet of their own, or for CSV in a file beside ``path``:
    :func:`workbooks.csv_path`). ``value_words`` names tier, stage and segment codes
    in ``language`` (default: the codes themselves).
    """
    ids = ordered_ids(db, query)
    with db.read() as session:
        fields = list(session.execute(
            select(CustomField.key, CustomField.label, CustomField.id)
            .where(CustomField.deleted_at.is_(None)).order_by(CustomField.position)
        ))  # fmt: skip
    labels = {f"custom:{key}": label for key, label, _ in fields}
    names = (CUSTOMER_COLUMNS if language == "zh" else ENGLISH_COLUMNS) | VALUE_COLUMNS[language]
    every = [c for c in CUSTOMER_COLUMNS if c != "last_contact"]
    chosen = list(columns) if columns else [*every, *labels]
    headers = [names.get(c) or labels.get(c, c) for c in chosen]
    words = value_words or (lambda _field, code: code)

    def rows() -> Iterator[list[Any]]:
        for start in range(0, len(ids), CHUNK):
            if cancelled is not None and cancelled():
                raise Cancelled()
            yield from customer_rows(db, ids[start : start + CHUNK], chosen, words,
                                      _WORDS[language])  # fmt: skip
            if progress is not None:
                progress(min(start + CHUNK, len(ids)), len(ids))

    result = Exported(customers=len(ids))
    sheets = [Sheet(CUSTOMER_SHEET[language], headers, rows())]
    if columns is None and has_contacts(db):
        sheets.append(Sheet(CONTACT_SHEET[language], CONTACT_HEADERS[language],
                            contact_rows(db, ids, cancelled, result)))  # fmt: skip
    result.files = write_sheets(path, sheets)
    return result


def has_contacts(db: Database) -> bool:
    with db.read() as session:
        return session.execute(select(Contact.id).where(Contact.deleted_at.is_(None)).limit(1)
                               ).first() is not None  # fmt: skip


def contact_rows(db: Database, ids: list[uuid.UUID], cancelled: Callable[[], bool] | None,
                  result: Exported) -> Iterator[list[Any]]:  # fmt: skip
    """The live contacts of these customers, in the customers' order, then as entered."""
    for start in range(0, len(ids), CHUNK):
        if cancelled is not None and cancelled():
            raise Cancelled()
        chunk = ids[start : start + CHUNK]
        people: dict[uuid.UUID, list[list[Any]]] = defaultdict(list)
        with db.read() as session:
            for row in session.execute(
                select(Contact.customer_id, Customer.code, Customer.name, Contact.name,
                       Contact.title, Contact.mobile, Contact.phone, Contact.email, Contact.notes)
                .join(Customer, Customer.id == Contact.customer_id)
                .where(Contact.customer_id.in_(chunk), Contact.deleted_at.is_(None),
                       Customer.deleted_at.is_(None))
                .order_by(Contact.created_at, Contact.id)
            ):  # fmt: skip
                owner, code, company, name, title, mobile, phone, email, notes = row
                people[owner].append([code, company, name, title, display_phone(mobile) or None,
                                      display_phone(phone) or None, email, notes])  # fmt: skip
        for ident in chunk:
            result.contacts += len(people.get(ident, ()))
            yield from people.get(ident, ())


def customer_rows(db: Database, ids: list[uuid.UUID], chosen: list[str], words: ValueWords,
                   kinds: dict[str, str]) -> Iterator[list[Any]]:  # fmt: skip
    table = Customer.__table__.c
    shown = (_COLUMN.get(key, key) for key in chosen if key != "notes")  # notes: the log's
    names = list(dict.fromkeys(["id", "deleted_at", *(n for n in shown if n in table)]))
    at = {name: n for n, name in enumerate(names)}  # id first, then deleted_at
    with db.read() as session:  # plain rows of the columns shown: a third of the time
        found = {c[0]: tuple(c) for c in session.execute(
            select(*(table[name] for name in names)).where(Customer.id.in_(ids)))}  # fmt: skip
        owners = {i: n for i, n in session.execute(select(User.id, User.display_name))}
        tags: dict[uuid.UUID, list[str]] = defaultdict(list)
        for owner, name in session.execute(
            select(CustomerTag.customer_id, Tag.name).join(Tag, Tag.id == CustomerTag.tag_id)
            .where(CustomerTag.customer_id.in_(ids)).order_by(Tag.name)
        ):  # fmt: skip
            tags[owner].append(name)
        notes = notes_of(session, ids) if "notes" in chosen else {}
        custom: dict[tuple[uuid.UUID, str], Any] = {}
        if any(c.startswith("custom:") for c in chosen):
            for key, value in session.execute(
                select(CustomField.key, CustomValue)
                .join(CustomValue, CustomValue.field_id == CustomField.id)
                .where(CustomValue.customer_id.in_(ids))
            ):  # fmt: skip
                custom[(value.customer_id, f"custom:{key}")] = stored_value(value)
        valued: dict[uuid.UUID, Any] = {}
        if any(c in VALUE_COLUMNS["en"] and c not in SCORE_COLUMNS for c in chosen):
            valued = {v.customer_id: v for v in session.execute(
                select(CustomerValue).where(CustomerValue.customer_id.in_(ids))).scalars()}  # fmt: skip
        scored: dict[uuid.UUID, Any] = {}
        if any(c in SCORE_COLUMNS for c in chosen):
            scored = {v.customer_id: v for v in session.execute(
                select(CustomerScore).where(CustomerScore.customer_id.in_(ids))).scalars()}  # fmt: skip
    cells = [_value_cell(key, scored if key in SCORE_COLUMNS else valued, words)
             if key in VALUE_COLUMNS["en"]
             else (lambda customer: notes_text(notes.get(_ID(customer), ()))) if key == "notes"
             else _customer_cell(key, at, owners, tags, custom, kinds)
             for key in chosen]  # fmt: skip
    for ident in ids:
        customer = found.get(ident)
        if customer is None or customer[1] is not None:  # deleted since the list was read
            continue
        yield [cell(customer) for cell in cells]


Cell = Callable[[tuple[Any, ...]], Any]  # a customer row -> the value of one column
_ID = itemgetter(0)
_COLUMN = {"owner": "owner_id", "last_contact": "last_contact_at"}  # export key -> column


def _value_cell(key: str, valued: dict[uuid.UUID, Any], words: ValueWords) -> Cell:
    """A value measure (CustomerValue) or a latest score (CustomerScore) of a customer."""

    def cell(customer: tuple[Any, ...]) -> Any:
        value = valued.get(_ID(customer))
        if value is None:
            return None
        if key == "clv":
            return _yuan(value.clv)
        if key in SCORE_COLUMNS:
            return getattr(value, key)
        code = getattr(value, key)
        return words(key, code) if code else None

    return cell


def _customer_cell(key: str, at: dict[str, int], owners: dict[uuid.UUID, str],
                   tags: dict[uuid.UUID, list[str]],
                   custom: dict[tuple[uuid.UUID, str], Any], names: dict[str, str]) -> Cell:  # fmt: skip
    if key.startswith("custom:"):
        return lambda customer: custom.get((_ID(customer), key))
    if key == "tags":
        return lambda customer: ", ".join(tags.get(_ID(customer), ())) or None
    field = itemgetter(at[_COLUMN.get(key, key)])
    if key == "kind":
        return lambda customer: names[field(customer).value]
    if key == "gender":
        return lambda customer: names[field(customer).value] if field(customer) else None
    if key in ("mobile", "phone"):
        return lambda customer: display_phone(field(customer)) or None
    if key == "owner":
        return lambda customer: owners.get(field(customer)) if field(customer) else None
    if key == "lunar_birthday":  # 八月十五, not 08-15 (which a spreadsheet takes for a date)
        return lambda customer: (
            lunar_text(parse_lunar(field(customer))) if field(customer) else None
        )
    if key == "last_contact":
        return lambda customer: (field(customer).astimezone().replace(tzinfo=None)
                                 if field(customer) else None)  # fmt: skip
    return field


ORDER_HEADERS = ["订单号", "客户编号", "客户名称", "手机", "下单日期", "商品", "品类", "数量",
                 "金额", "成本", "渠道"]  # fmt: skip


def export_orders(db: Database, path: Path, *, progress: Progress | None = None) -> int:
    """Every live order with its customer's code, name and mobile (amounts in yuan)."""
    with db.read() as session:
        found = session.execute(
            select(Order.order_no, Customer.code, Customer.name, Customer.mobile, Order.ordered_on,
                   Order.product, Order.category, Order.quantity, Order.amount, Order.cost,
                   Order.channel)
            .join(Customer, Customer.id == Order.customer_id)
            .where(Order.deleted_at.is_(None), Customer.deleted_at.is_(None))
            .order_by(Order.ordered_on, Order.id)
        ).all()  # fmt: skip
    rows = ([no, code, name, display_phone(mobile) or None, day, product, category, quantity,
             _yuan(amount), _yuan(cost), channel]
            for no, code, name, mobile, day, product, category, quantity, amount, cost, channel
            in found)  # fmt: skip
    write_table(path, ORDER_HEADERS, rows)
    return len(found)


CHANGE_HEADERS = ["时间", "用户", "表", "记录", "操作", "字段", "原值", "新值", "变更编号"]


def export_changes(db: Database, path: Path) -> int:
    """The change log (the audit trail), oldest first."""
    with db.read() as session:
        users = {i: n for i, n in session.execute(select(User.id, User.display_name))}
        found = session.execute(select(ChangeLog).order_by(ChangeLog.hlc)).scalars().all()
        rows = [[e.at.astimezone().replace(tzinfo=None), users.get(e.user_id, "") if e.user_id else "", e.table_name,
                 str(e.row_id), e.op, e.field, _text(e.old), _text(e.new), str(e.txn_id)]
                for e in found]  # fmt: skip
    write_table(path, CHANGE_HEADERS, rows)
    return len(rows)


def _yuan(fen: int | None) -> Decimal | None:
    return None if fen is None else Decimal(fen) / 100


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
