"""Exports in the layouts other CRMs import: leaving camdesk is as easy as arriving.

``camdesk`` is :func:`export.export_customers` itself.  ``fxiaoke`` writes one sheet
"客户" with FxiaoKe's (纷享销客) column names (客户名称, 客户类型 个人客户/企业客户, 省, 市,
详细地址, 客户来源, 负责人…) and the contacts of companies on "联系人" (客户名称 naming
their company).  ``zoho`` writes Zoho CRM's modules apart: people on "Contacts" (First
Name and Last Name; a Chinese name whole in Last Name, as Zoho users keep them),
companies on "Accounts" (Account Name, Account Number, Billing City…) and the people
at companies on "Account Contacts".  Fields a peer has no column for go under their
camdesk name (Customer Code, Gender…) for the peer's importer to map to a custom
field; custom fields go under their labels.  What a company's file seldom holds (gender,
a birthday, a company name of its own) is on "Accounts" only when some company holds it.
Every header is one camdesk's importer
maps back, so each sheet imports back as the same customers (tested).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select, true

from camdesk.db import Database
from camdesk.errors import Cancelled
from camdesk.models import Customer, CustomerKind, CustomField
from camdesk.services.data.export import (
    CHUNK,
    Exported,
    contact_rows,
    customer_rows,
    export_customers,
    has_contacts,
)
from camdesk.services.data.workbooks import Sheet, write_sheets
from camdesk.services.lists.page import ordered_ids
from camdesk.services.lists.rows import ListQuery

Layout = Literal["camdesk", "zoho", "fxiaoke"]
LAYOUTS: tuple[Layout, ...] = ("camdesk", "zoho", "fxiaoke")
Progress = Callable[[int, int], None]

# fmt: off
FXIAOKE_COLUMNS = {
    "name": "客户名称", "kind": "客户类型", "code": "客户编号", "gender": "性别",
    "birthday": "生日", "lunar_birthday": "农历生日", "mobile": "手机", "phone": "电话",
    "email": "邮箱", "province": "省", "city": "市", "address": "详细地址",
    "company_name": "所属公司", "industry": "行业", "company_size": "人员规模",
    "source": "客户来源", "preferences": "偏好", "notes": "备注", "tags": "标签",
    "owner": "负责人",
}
FXIAOKE_KINDS = {"person": "个人客户", "company": "企业客户", "male": "男", "female": "女",
                 "other": "其他"}
FXIAOKE_CONTACTS = ["客户编号", "客户名称", "姓名", "职务", "手机", "电话", "邮箱", "备注"]
ZOHO_PEOPLE = {
    "owner": "Contact Owner", "first_name": "First Name", "name": "Last Name",
    "company_name": "Account Name", "code": "Customer Code", "email": "Email",
    "mobile": "Mobile", "phone": "Phone", "gender": "Gender", "birthday": "Date of Birth",
    "lunar_birthday": "Lunar Birthday", "address": "Mailing Street", "city": "Mailing City",
    "province": "Mailing State", "source": "Lead Source", "industry": "Industry",
    "preferences": "Preferences", "company_size": "Company Size", "notes": "Description",
    "tags": "Tag",
}
ZOHO_COMPANIES = {
    "owner": "Account Owner", "name": "Account Name", "code": "Account Number",
    "phone": "Phone", "mobile": "Mobile", "email": "Email", "address": "Billing Street",
    "city": "Billing City", "province": "Billing State", "industry": "Industry",
    "company_size": "Employees", "source": "Lead Source", "notes": "Description",
    "tags": "Tag", "preferences": "Preferences", "lunar_birthday": "Lunar Birthday",
}
# What a company's file holds rarely (a founding day, a parent company): on "Accounts" only
# when some company holds it, so nothing is left behind and Zoho's sheet stays its own.
ZOHO_COMPANIES_RARE = {"gender": "Gender", "birthday": "Date of Birth", "company_name": "Company"}
ZOHO_CONTACTS = ["Customer Code", "Account Name", "Last Name", "Title", "Mobile", "Phone",
                 "Email", "Description"]
ZOHO_KINDS = {"person": "Person", "company": "Company", "male": "Male", "female": "Female",
              "other": "Other"}
# fmt: on


@dataclasses.dataclass(frozen=True)
class _Part:
    sheet: str
    columns: dict[str, str]  # field -> header
    kind: str | None  # only customers of this kind (None: all)


def export_layout(
    db: Database,
    path: Path,
    layout: Layout,
    query: ListQuery = ListQuery(),
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Exported:
    """Write the customers of ``query`` to ``path`` in ``layout``'s columns."""
    if layout == "camdesk":
        return export_customers(db, path, query, progress=progress, cancelled=cancelled)
    with db.read() as session:
        labels = {f"custom:{key}": label for key, label in session.execute(
            select(CustomField.key, CustomField.label)
            .where(CustomField.deleted_at.is_(None)).order_by(CustomField.position))}  # fmt: skip
    if layout == "fxiaoke":
        parts = [_Part("客户", FXIAOKE_COLUMNS, None)]
        words, people = FXIAOKE_KINDS, ("联系人", FXIAOKE_CONTACTS)
    else:
        parts = [
            _Part("Contacts", ZOHO_PEOPLE, "person"),
            _Part("Accounts", {**ZOHO_COMPANIES, **_held_by_companies(db)}, "company"),
        ]
        words, people = ZOHO_KINDS, ("Account Contacts", ZOHO_CONTACTS)
    result = Exported()
    chosen = [(part, ordered_ids(db, dataclasses.replace(query, kind=part.kind))) for part in parts]
    step = _Steps(sum(len(ids) for _, ids in chosen), progress, cancelled)
    sheets = []
    for part, ids in chosen:
        fields = [f for f in part.columns if f != "first_name"] + list(labels)
        headers = [part.columns.get(f) or labels[f] for f in fields]
        split = "first_name" in part.columns
        if split:
            headers.insert(fields.index("name"), part.columns["first_name"])
        sheets.append(Sheet(part.sheet, headers, _rows(db, ids, fields, words, split, step)))
        result.customers += len(ids)
    companies = [i for part, ids in chosen if part.kind != "person" for i in ids]
    if companies and has_contacts(db):
        sheet, headers = people
        sheets.append(Sheet(sheet, headers, contact_rows(db, companies, cancelled, result)))
    result.files = write_sheets(path, sheets)
    return result


def _held_by_companies(db: Database) -> dict[str, str]:
    """The rare columns of "Accounts" some live company holds a value of."""
    found = {}
    with db.read() as session:
        for field, header in ZOHO_COMPANIES_RARE.items():
            column = getattr(Customer, field)
            if session.scalar(select(Customer.id).where(
                Customer.kind == CustomerKind.COMPANY, Customer.deleted_at.is_(None),
                column.is_not(None), column != "" if field == "company_name" else true(),
            ).limit(1)) is not None:  # fmt: skip
                found[field] = header
    return found


@dataclasses.dataclass
class _Steps:
    total: int
    progress: Progress | None
    cancelled: Callable[[], bool] | None
    done: int = 0

    def __call__(self, count: int) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled()
        self.done += count
        if self.progress is not None:
            self.progress(self.done, self.total)


def _rows(db: Database, ids: list[Any], fields: list[str], words: dict[str, str],
          split_names: bool, step: _Steps) -> Iterator[list[Any]]:  # fmt: skip
    at = fields.index("name")
    for start in range(0, len(ids), CHUNK):
        step(0)
        chunk = ids[start : start + CHUNK]
        for row in customer_rows(db, chunk, fields, lambda _f, code: code, words):
            if split_names:
                row[at : at + 1] = _first_and_last(row[at])
            yield row
        step(len(chunk))


def _first_and_last(name: str) -> list[str | None]:
    """Zoho's First Name and Last Name: Wei Li -> Wei, Li; 张三 whole in Last Name."""
    if any("\u3400" <= ch <= "\u9fff" for ch in name) or " " not in name.strip():
        return [None, name]
    first, _, last = name.strip().rpartition(" ")
    return [first, last]
