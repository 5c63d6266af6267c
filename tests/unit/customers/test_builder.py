"""One builder makes new customers for the form, the import and the demo: the same file,
the same sort and search keys, the same change-log entry, whoever created it."""

from __future__ import annotations

import uuid
from dataclasses import fields
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from camdesk.errors import ValidationError
from camdesk.models import ChangeLog, Customer, CustomerSearch
from camdesk.services.core.changelog import ChangeWriter
from camdesk.services.core.validation import Checker
from camdesk.services.customers import files as customer_service
from camdesk.services.customers.builder import NewCustomers
from camdesk.services.customers.files import (
    ContactData,
    CustomerData,
    check_customer,
    create_customer,
    delete_customers,
    get_customer,
)
from camdesk.services.data.imports.customers import ImportOptions, import_customers
from camdesk.services.data.imports.fields import ImportKind, guess_mapping
from camdesk.services.data.sheets import read_table
from camdesk.services.demo.build import DemoSpec, generate

TYPED = {
    "kind": "company", "name": "杭州海纳科技有限公司", "code": "ＫＨ－0001",
    "mobile": "138 0001 2345", "phone": "0571-8888 6666", "email": "Info@HaiNa.CN",
    "province": "浙江省", "city": "杭州市", "address": "西湖区文三路 90 号",
    "source": "展会", "industry": "软件",
}  # fmt: skip
NOTE = "展会上认识，对新品感兴趣"
COLUMNS = {
    "kind": "客户类型", "name": "客户名称", "code": "客户编号", "mobile": "手机号码",
    "phone": "电话", "email": "邮箱", "province": "省份", "city": "城市", "address": "地址",
    "source": "客户来源", "industry": "行业",
}  # fmt: skip
TAGS = "VIP、老客户；重点"


def _stored(db, customer_id: uuid.UUID):
    """What is kept of a customer besides its file: search keys and its creation entry."""
    with db.read() as session:
        search = session.execute(
            select(CustomerSearch.words, CustomerSearch.subs, CustomerSearch.sort_key).where(
                CustomerSearch.customer_id == customer_id
            )
        ).one()
        created = session.execute(
            select(ChangeLog.op, ChangeLog.new).where(
                ChangeLog.row_id == customer_id, ChangeLog.table_name == "customer"
            )
        ).all()
        sort_key = session.get(Customer, customer_id).sort_key
    return tuple(search), created, sort_key


def _file(record) -> dict:
    skip = {"id", "created_at", "updated_at", "updated_by_name", "last_contact_at"}
    return {f.name: getattr(record, f.name) for f in fields(record) if f.name not in skip}


def test_the_form_and_the_import_make_the_same_customer(db, actor, tmp_path: Path):
    data = CustomerData(**TYPED, tags=("VIP", "老客户", "重点"))  # type: ignore[arg-type]
    form = create_customer(db, data, actor).value
    form_stored = _stored(db, form.id)
    delete_customers(db, [form.id], actor)  # so the row is imported as new, not matched
    book = openpyxl.Workbook()
    book.active.append([*COLUMNS.values(), "标签", "备注"])
    book.active.append([{"kind": "公司"}.get(k, TYPED[k]) for k in COLUMNS] + [TAGS, NOTE])
    book.save(tmp_path / "one.xlsx")
    table = read_table(tmp_path / "one.xlsx")
    mapping = guess_mapping(table.headers, ImportKind.CUSTOMERS)
    report = import_customers(db, table, ImportOptions(mapping=mapping), actor)
    assert report.created == 1, report.problems
    with db.read() as session:
        made = session.execute(
            select(Customer.id).where(Customer.deleted_at.is_(None))
        ).scalar_one()
    imported = get_customer(db, made)
    assert _file(imported) == _file(form)
    assert _stored(db, imported.id) == form_stored
    assert (imported.code, imported.mobile, imported.phone, imported.email) == (
        "KH-0001", "+8613800012345", "+8657188886666", "info@haina.cn"
    )  # fmt: skip
    assert imported.version == form.version == 1
    from camdesk.services.customers.interactions import list_interactions

    # The notes cell is the first entry of the contact log, not a field.
    assert [(e.kind, e.notes) for e in list_interactions(db, imported.id)] == [("note", NOTE)]


def test_a_new_company_is_found_by_its_contacts_and_logs_them(db, actor):
    contacts = (ContactData(name="周婷", title="采购经理", mobile="13900001111",
                            email="Zhou@HaiNa.cn"),)  # fmt: skip
    form = create_customer(db, CustomerData(**TYPED, contacts=contacts), actor).value  # type: ignore[arg-type]
    assert [(c.name, c.email) for c in form.contacts] == [("周婷", "zhou@haina.cn")]
    from camdesk.services.lists.page import ListQuery, fetch_page

    for query in ("周婷", "zhouting", "1390000", "zhou@haina"):
        assert [r.id for r in fetch_page(db, ListQuery(search=query), 0, 5)] == [form.id], query
    with db.read() as session:
        logged = session.execute(
            select(ChangeLog.table_name, ChangeLog.op).where(ChangeLog.txn_id == _txn(db, form.id))
        ).all()
    assert sorted(logged) == [("contact", "insert"), ("customer", "insert")]


def _txn(db, customer_id: uuid.UUID) -> uuid.UUID:
    with db.read() as session:
        return session.execute(
            select(ChangeLog.txn_id).where(ChangeLog.row_id == customer_id)
        ).scalar_one()


def test_every_demo_customer_passes_the_forms_rules_unchanged(db, actor):
    """The demo goes through the form's rules: a demo file saved unchanged stays as it is,
    and its stored search keys are what an edit would store."""
    generate(db, DemoSpec(customers=400, orders=800, seed=11), actor)
    with db.write() as session:
        customers = session.execute(select(Customer)).scalars().all()
        records = [
            r for _c, r in customer_service.records_of(session, [c.id for c in customers]).values()
        ]
        definitions = {f.key: f for f in customer_service.field_infos(session)}
        for record in records:
            check = Checker()
            values = check_customer(record.as_data(), definitions, check)
            assert not check.problems, (record.name, check.problems)
            assert {n: values[n] for n in customer_service.FIELDS} == {
                n: getattr(record, n) for n in customer_service.FIELDS
            } | {"kind": values["kind"], "gender": values["gender"]}
        before = session.execute(select(CustomerSearch.customer_id, CustomerSearch.words,
                                        CustomerSearch.subs)).all()  # fmt: skip
        for customer in customers:
            customer_service.refresh_search_keys(session, customer)
        session.flush()
        after = session.execute(select(CustomerSearch.customer_id, CustomerSearch.words,
                                       CustomerSearch.subs)).all()  # fmt: skip
    assert sorted(after) == sorted(before)
    with db.read() as session:
        logged = dict(session.execute(select(ChangeLog.row_id, ChangeLog.new).where(
            ChangeLog.table_name == "customer", ChangeLog.op == "insert")).all())  # fmt: skip
    assert {r.id: (r.name, r.mobile) for r in records} == {
        i: (new["name"], new.get("mobile")) for i, new in logged.items()
    }  # the demo's files are logged as the form's and the import's are
    assert any(r.contacts for r in records) and any(r.tags for r in records)


def test_the_builder_refuses_what_the_form_refuses(db, actor):
    with db.write() as session:
        builder = NewCustomers(session, ChangeWriter(session, actor, uuid.uuid4()), {})
        with pytest.raises(ValidationError) as caught:
            builder.check(CustomerData(name="王", phone="+86 10 219694533"))
    assert [p.field for p in caught.value.problems] == ["phone"]
