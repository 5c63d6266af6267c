"""Files as the peers make them: FxiaoKe and Zoho account sheets, their columns, their
place names, and camdesk -> peer layout -> camdesk giving the same customers."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from sqlalchemy import select

from camdesk.db import open_database
from camdesk.models import Customer
from camdesk.services.core.users import local_actor
from camdesk.services.customers.custom_fields import define_field, list_fields
from camdesk.services.customers.files import get_customer, update_customer
from camdesk.services.data.export import export_customers
from camdesk.services.data.export_layouts import export_layout
from camdesk.services.data.imports.contacts import import_contacts
from camdesk.services.data.imports.customers import ImportOptions, OwnerPolicy, import_customers
from camdesk.services.data.imports.fields import ImportKind, guess_mapping
from camdesk.services.data.imports.peers import keep_other_columns
from camdesk.services.data.sheets import Table, read_table, sheet_names
from camdesk.services.lists.page import ListQuery, fetch_page
from tests.factories import make_customer


def _table(headers, *rows):
    return Table("", tuple(headers), [tuple(r) for r in rows], list(range(2, len(rows) + 2)), 1)


def _import(db, actor, table):
    mapping = keep_other_columns(table.headers, table.rows,
                                 guess_mapping(table.headers, ImportKind.CUSTOMERS))  # fmt: skip
    report = import_customers(db, table, ImportOptions(mapping=mapping, owners=OwnerPolicy.CREATE),
                              actor)  # fmt: skip
    assert report.rejected == 0, [p.text() for p in report.problems]
    return mapping, report


def _by_name(db):
    with db.read() as session:
        return {c.name: c for c in session.scalars(select(Customer))}


def test_a_fxiaoke_account_sheet_imports_companies_and_keeps_its_other_columns(db, actor):
    table = _table(
        ["客户名称", "客户级别", "客户来源", "行业", "省", "市", "创建人", "创建时间", "锁定状态",
         "业务类型", "负责人主属部门"],
        ["杭州远航科技有限公司", "重要客户", "展会", "软件", "Zhejiang", "Hangzhou", "王五",
         "2024-01-02 10:00", "未锁定", "默认业务类型", "销售一部"],
        ["星光工作室", "普通客户", "老客户介绍", "设计", "Hubei Province", "Wuhan", "王五",
         "2024-01-03", "未锁定", "默认业务类型", "销售一部"],
        ["张三", "普通客户", "线上商城", None, "Jiangsu", "Suzhou", "王五", "2024-01-04", "未锁定",
         "默认业务类型", "销售二部"],
    )  # fmt: skip
    mapping, report = _import(db, actor, table)
    assert report.created == 3
    assert mapping["客户级别"] == "custom:new:客户级别" and mapping["客户来源"] == "source"
    # FxiaoKe's record keeping, even where its header holds a field's name (类型, 负责人)
    assert not {"创建人", "创建时间", "锁定状态", "业务类型", "负责人主属部门"} & mapping.keys()
    found = _by_name(db)
    kinds = {name: c.kind.value for name, c in found.items()}
    assert kinds == {"杭州远航科技有限公司": "company", "星光工作室": "company", "张三": "person"}
    places = {name: (c.province, c.city) for name, c in found.items()}
    assert places == {
        "杭州远航科技有限公司": ("浙江", "杭州"),
        "星光工作室": ("湖北", "武汉"),
        "张三": ("江苏", "苏州"),  # Suzhou in 江苏 (宿州 is in 安徽)
    }  # fmt: skip
    (level,) = [f for f in list_fields(db) if f.label == "客户级别"]
    assert level.kind == "text" and level.show_in_list
    assert get_customer(db, found["张三"].id).custom == {level.key: "普通客户"}
    _import(db, actor, _table(["客户名称", "客户级别"], ["李四", "重要客户"]))
    assert [f.label for f in list_fields(db)] == ["客户级别"]  # the same field, not another
    assert get_customer(db, _by_name(db)["李四"].id).custom == {level.key: "重要客户"}


def test_a_zoho_accounts_sheet_lists_companies_and_its_rating_becomes_a_field(db, actor):
    table = _table(
        ["Account Name", "Account Type", "Rating", "Billing City", "Billing State", "Record Id",
         "Modified Time", "Email Opt Out"],
        ["Zylker", "Customer", "Active", "Shenzhen", "Guangdong", "zcrm_1", "2024-02-01", "false"],
        ["Li Wei", "Partner", None, "Xi'an", "Shaanxi", "zcrm_2", "2024-02-01", "true"],
    )  # fmt: skip
    mapping, report = _import(db, actor, table)
    assert report.problems == []  # "Email Opt Out" is no email address
    assert mapping["Email Opt Out"] == "custom:new:Email Opt Out"
    assert mapping["Account Type"] == "custom:new:Account Type"
    assert mapping["Rating"] == "custom:new:Rating"
    assert not {"Record Id", "Modified Time"} & mapping.keys()
    found = _by_name(db)
    assert {n: (c.kind.value, c.province, c.city) for n, c in found.items()} == {
        "Zylker": ("company", "广东", "深圳"), "Li Wei": ("company", "陕西", "西安")}  # fmt: skip
    labels = {f.label: f.key for f in list_fields(db)}
    assert get_customer(db, found["Zylker"].id).custom == {
        labels["Account Type"]: "Customer", labels["Rating"]: "Active",
        labels["Email Opt Out"]: "false"}  # fmt: skip


def test_a_type_column_decides_and_an_update_keeps_the_stored_type(db, actor):
    kept = make_customer(db, actor, name="远航科技有限公司", mobile="13800001111")
    table = _table(["客户名称", "客户类型", "手机"],
                   ["星光工作室", "个人客户", "13900002222"],
                   ["远航科技有限公司", None, "13800001111"])  # fmt: skip
    _import(db, actor, table)
    found = _by_name(db)
    assert found["星光工作室"].kind.value == "person"  # the sheet says so
    assert found["远航科技有限公司"].kind.value == "person"  # the row says nothing about it
    assert found["远航科技有限公司"].id == kept.id


def test_places_in_pinyin_are_stored_by_their_chinese_names_on_the_form_too(db, actor):
    made = make_customer(db, actor, name="王芳", province="Guangdong Province", city="Guangzhou")
    assert (made.province, made.city) == ("广东", "广州")
    changed = update_customer(db, made.id, _edited(made, city="Fuzhou"),
                              expected_version=made.version, actor=actor)  # fmt: skip
    assert changed.value.city == "Fuzhou"  # 福州 or 抚州, neither in 广东: kept as typed
    assert [r.name for r in fetch_page(db, ListQuery(city="广州"), 0, 10)] == []


def _edited(record, **changes):
    from camdesk.services.customers.files import as_edited

    return as_edited(record, **changes)


@pytest.mark.parametrize("layout", ["fxiaoke", "zoho"])
def test_camdesk_to_a_peer_layout_and_back_gives_the_same_customers(db, actor, tmp_path, layout):
    """Export in the peer's layout, import each of its sheets into an empty database
    (owners and the custom field made by the import), export both in camdesk's layout
    and compare every column of every row."""
    from camdesk.services.demo.build import DemoSpec, generate

    generate(db, DemoSpec(150, 150, seed=5), actor)
    define_field(db, "wechat", "微信号", "text")
    for customer in fetch_page(db, ListQuery(), 0, 20):
        record = get_customer(db, customer.id)
        update_customer(db, record.id, _edited(record, custom={"wechat": f"wx_{record.code}"}),
                        expected_version=record.version, actor=actor)  # fmt: skip
    make_customer(db, actor, name="星河集团有限公司", kind="company", code="G1",
                  birthday=date(2001, 6, 18), gender="other", company_name="星河控股")  # fmt: skip
    peer, first, second = tmp_path / "peer.xlsx", tmp_path / "first.xlsx", tmp_path / "again.xlsx"
    exported = export_layout(db, peer, layout)
    assert exported.customers == 151 and exported.contacts > 10
    export_customers(db, first)
    fresh = open_database(tmp_path / "fresh.db")
    try:
        *customer_sheets, contact_sheet = sheet_names(peer)
        for sheet in customer_sheets:
            _import(fresh, local_actor(fresh), read_table(peer, sheet))
        table = read_table(peer, contact_sheet)
        options = ImportOptions(mapping=guess_mapping(table.headers, ImportKind.CONTACTS))
        report = import_contacts(fresh, table, options, local_actor(fresh))
        assert (report.created, report.rejected) == (exported.contacts, 0), report.problems
        export_customers(fresh, second)
    finally:
        fresh.close()

    def rows(path, sheet):
        found = list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))
        return found[0], sorted(found[1:], key=lambda r: tuple(str(v) for v in r))

    for sheet in sheet_names(first):
        (head_a, rows_a), (head_b, rows_b) = rows(first, sheet), rows(second, sheet)
        assert head_a == head_b and len(rows_a) == len(rows_b) > 10
        for row_a, row_b in zip(rows_a, rows_b, strict=True):
            assert dict(zip(head_a, row_a, strict=True)) == dict(zip(head_b, row_b, strict=True))


def test_a_sheet_of_many_unknown_columns_proposes_at_most_thirty_new_fields():
    from camdesk.services.data.imports.peers import MOST_NEW_FIELDS

    headers = ["姓名", *(f"列{n}" for n in range(100)), "空列"]
    rows = [("张三", *(f"v{n}" for n in range(100)), None)]
    mapping = keep_other_columns(headers, rows, {"姓名": "name"})
    made = [h for h, key in mapping.items() if key.startswith("custom:new:")]
    assert made == [f"列{n}" for n in range(MOST_NEW_FIELDS)]
    assert keep_other_columns(["姓名", "空列"], [("张三", None)], {"姓名": "name"}) == {
        "姓名": "name"}  # an empty column makes no field  # fmt: skip
