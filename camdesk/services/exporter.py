"""Exporting customers, orders and the change log to .xlsx or CSV.

Workbooks are written with XlsxWriter in constant-memory mode (half again as
fast as openpyxl's write-only mode on 100,000 rows): typed
cells (dates as dates, amounts as numbers), a bold header on a tinted row,
column widths from the data, the header frozen and an autofilter.  CSV is
UTF-8 with a BOM (Excel opens it as UTF-8), and text cells starting with = + -
@ (or a tab or carriage return) are prefixed with an apostrophe so that no
spreadsheet runs them as formulas (OWASP "CSV injection").

Customer exports use headers the importer recognises, so an export imports
back as the same customers.
"""

from __future__ import annotations

import csv
import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import select

from camdesk.db import Database
from camdesk.errors import Cancelled
from camdesk.models import (
    ChangeLog,
    Customer,
    CustomerTag,
    CustomerValue,
    CustomField,
    CustomValue,
    Order,
    Tag,
    User,
)
from camdesk.services.custom_fields import stored_value
from camdesk.services.customer_list import ordered_ids
from camdesk.services.list_rows import ListQuery
from camdesk.services.validation import display_phone

Progress = Callable[[int, int], None]
CHUNK = 5000  # customers read at a time
_RISKY = ("=", "+", "-", "@", "\t", "\r")

# Field -> header; every header is one the importer maps back to its field.
CUSTOMER_COLUMNS: dict[str, str] = {
    "name": "姓名", "kind": "客户类型", "code": "客户编号", "gender": "性别", "birthday": "生日",
    "mobile": "手机", "phone": "电话", "email": "邮箱", "province": "省份", "city": "城市",
    "address": "地址", "company_name": "公司", "industry": "行业", "company_size": "公司规模",
    "source": "来源", "preferences": "偏好", "notes": "备注", "tags": "标签", "owner": "负责人",
    "last_contact": "最近联系",
}  # fmt: skip
# The customer list's columns -> export fields (the list's phone shows mobile, else phone).
LIST_COLUMNS = {"name": ("name",), "kind": ("kind",), "phone": ("mobile", "phone"),
                "email": ("email",), "city": ("city",), "company": ("company_name",),
                "owner": ("owner",), "last_contact": ("last_contact",), "tags": ("tags",),
                "code": ("code",), "tier": ("tier",), "stage": ("stage",),
                "segment": ("segment",), "clv": ("clv",)}  # fmt: skip
# Value measures (computed, so not imported back): field -> header.
VALUE_COLUMNS = {"tier": "价值分层", "stage": "生命周期阶段", "segment": "RFM分群",
                 "clv": "预测价值"}  # fmt: skip
ValueWords = Callable[[str, str], str]  # (field, code) -> the word shown
_KIND_WORDS = {"person": "个人", "company": "企业"}
_GENDER_WORDS = {"male": "男", "female": "女", "other": "其他"}


def export_customers(
    db: Database,
    path: Path,
    query: ListQuery = ListQuery(),
    columns: Sequence[str] | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    value_words: ValueWords | None = None,
) -> int:
    """Write the customers of ``query`` (in its order) to ``path``; returns how many.

    ``columns`` are keys of :data:`CUSTOMER_COLUMNS`, :data:`VALUE_COLUMNS` and
    ``custom:<key>`` (default: every field and custom field).  ``value_words``
    names tier, stage and segment codes (default: the codes themselves).
    """
    ids = ordered_ids(db, query)
    with db.read() as session:
        fields = list(session.execute(
            select(CustomField.key, CustomField.label, CustomField.id)
            .where(CustomField.deleted_at.is_(None)).order_by(CustomField.position)
        ))  # fmt: skip
    labels = {f"custom:{key}": label for key, label, _ in fields}
    every = [c for c in CUSTOMER_COLUMNS if c != "last_contact"]
    chosen = list(columns) if columns else [*every, *labels]
    headers = [CUSTOMER_COLUMNS.get(c) or VALUE_COLUMNS.get(c) or labels.get(c, c) for c in chosen]
    words = value_words or (lambda _field, code: code)

    def rows() -> Iterator[list[Any]]:
        for start in range(0, len(ids), CHUNK):
            if cancelled is not None and cancelled():
                raise Cancelled()
            yield from _customer_rows(db, ids[start : start + CHUNK], chosen, words)
            if progress is not None:
                progress(min(start + CHUNK, len(ids)), len(ids))

    write_table(path, headers, rows())
    return len(ids)


def _customer_rows(db: Database, ids: list[uuid.UUID], chosen: list[str],
                   words: ValueWords) -> Iterator[list[Any]]:  # fmt: skip
    table = Customer.__table__.c
    shown = (_COLUMN.get(key, key) for key in chosen)
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
        custom: dict[tuple[uuid.UUID, str], Any] = {}
        if any(c.startswith("custom:") for c in chosen):
            for key, value in session.execute(
                select(CustomField.key, CustomValue)
                .join(CustomValue, CustomValue.field_id == CustomField.id)
                .where(CustomValue.customer_id.in_(ids))
            ):  # fmt: skip
                custom[(value.customer_id, f"custom:{key}")] = stored_value(value)
        valued: dict[uuid.UUID, CustomerValue] = {}
        if any(c in VALUE_COLUMNS for c in chosen):
            valued = {v.customer_id: v for v in session.execute(
                select(CustomerValue).where(CustomerValue.customer_id.in_(ids))).scalars()}  # fmt: skip
    cells = [_value_cell(key, valued, words) if key in VALUE_COLUMNS
             else _customer_cell(key, at, owners, tags, custom) for key in chosen]  # fmt: skip
    for ident in ids:
        customer = found.get(ident)
        if customer is None or customer[1] is not None:  # deleted since the list was read
            continue
        yield [cell(customer) for cell in cells]


Cell = Callable[[tuple[Any, ...]], Any]  # a customer row -> the value of one column
_ID = itemgetter(0)
_COLUMN = {"owner": "owner_id", "last_contact": "last_contact_at"}  # export key -> column


def _value_cell(key: str, valued: dict[uuid.UUID, CustomerValue], words: ValueWords) -> Cell:
    def cell(customer: tuple[Any, ...]) -> Any:
        value = valued.get(_ID(customer))
        if value is None:
            return None
        if key == "clv":
            return _yuan(value.clv)
        code = getattr(value, key)
        return words(key, code) if code else None

    return cell


def _customer_cell(key: str, at: dict[str, int], owners: dict[uuid.UUID, str],
                   tags: dict[uuid.UUID, list[str]],
                   custom: dict[tuple[uuid.UUID, str], Any]) -> Cell:  # fmt: skip
    if key.startswith("custom:"):
        return lambda customer: custom.get((_ID(customer), key))
    if key == "tags":
        return lambda customer: ", ".join(tags.get(_ID(customer), ())) or None
    field = itemgetter(at[_COLUMN.get(key, key)])
    if key == "kind":
        return lambda customer: _KIND_WORDS[field(customer).value]
    if key == "gender":
        return lambda customer: _GENDER_WORDS[field(customer).value] if field(customer) else None
    if key in ("mobile", "phone"):
        return lambda customer: display_phone(field(customer)) or None
    if key == "owner":
        return lambda customer: owners.get(field(customer)) if field(customer) else None
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


# --------------------------------------------------------------------------- writers


def write_table(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Write a header and rows to ``path``: .csv as CSV, anything else as .xlsx."""
    if path.suffix.lower() == ".csv":
        _write_csv(path, headers, rows)
    else:
        _write_xlsx(path, headers, rows)


def _write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([_safe(h) for h in headers])
        for row in rows:
            writer.writerow([_csv_cell(c) for c in row])


def _csv_cell(cell: Any) -> Any:
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, int | float | Decimal):
        return cell
    return _safe(str(cell))


def _safe(text: str) -> str:
    """A text cell no spreadsheet will run as a formula."""
    return "'" + text if text.startswith(_RISKY) else text


def _write_xlsx(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                           "strings_to_urls": False})  # fmt: skip
    sheet = book.add_worksheet("camdesk")
    header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    moment = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    # Rows are written as they come (constant memory); widths are judged by the header
    # and the first rows.
    rows = iter(rows)
    head = [list(r) for _, r in zip(range(200), rows, strict=False)]
    for index, title in enumerate(headers):
        longest = max([_width(title), *(_width(r[index]) for r in head if index < len(r))])
        sheet.set_column(index, index, min(max(longest + 2, 8), 60))
    sheet.freeze_panes(1, 0)
    sheet.write_row(0, 0, list(headers), header)
    count = 0
    for count, row in enumerate(_chain(head, rows), start=1):
        for column, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, str):
                sheet.write_string(count, column, value)  # "=..." stays text
            elif isinstance(value, bool):
                sheet.write_boolean(count, column, value)
            elif isinstance(value, int | float | Decimal):
                sheet.write_number(count, column, float(value))
            elif isinstance(value, datetime):
                sheet.write_datetime(count, column, value.replace(tzinfo=None), moment)
            elif isinstance(value, date):
                sheet.write_datetime(count, column, value, day)
            else:
                sheet.write_string(count, column, str(value))
    sheet.autofilter(0, 0, count, max(len(headers) - 1, 0))
    book.close()


def _chain(head: list[list[Any]], rest: Iterator[Sequence[Any]]) -> Iterator[Sequence[Any]]:
    yield from head
    yield from rest


def _width(value: Any) -> int:
    if value is None:
        return 0
    text = value.isoformat() if isinstance(value, date) else str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text[:60])
