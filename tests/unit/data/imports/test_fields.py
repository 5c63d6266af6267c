"""Headers from people's spreadsheets and other CRMs' exports map without manual work."""

from __future__ import annotations

import pytest

from camdesk.services.data.imports.fields import ImportKind, guess_mapping, header_key, targets

ZOHO_CONTACTS = {
    "Contact Id": None, "Salutation": None, "First Name": "first_name", "Last Name": "last_name",
    "Account Name": "company_name", "Email": "email", "Phone": "phone", "Mobile": "mobile",
    "Mailing Street": "address", "Mailing City": "city", "Mailing State": "province",
    "Mailing Zip": None, "Date of Birth": "birthday", "Lead Source": "source",
    "Description": "notes", "Contact Owner": "owner", "Tag": "tags", "Created Time": None,
}  # fmt: skip
ZOHO_ACCOUNTS = {
    "Account Name": "name", "Account Number": "code", "Phone": "phone", "Website": None,
    "Industry": "industry", "Employees": "company_size", "Billing Street": "address",
    "Billing City": "city", "Billing State": "province", "Account Owner": "owner",
    "Description": "notes",
}  # fmt: skip
FXIAOKE_CUSTOMERS = {
    "客户名称": "name", "客户编号": "code", "客户级别": None, "客户来源": "source",
    "行业": "industry", "电话": "phone", "邮件": "email", "国家": None, "省": "province",
    "市": "city", "区": None, "详细地址": "address", "负责人": "owner", "所属部门": None,
    "备注": "notes", "创建时间": None,
}  # fmt: skip
FXIAOKE_CONTACTS = {
    "姓名": "name", "客户名称": "company_name", "手机1": "mobile", "电话1": "phone",
    "邮件": "email", "性别": "gender", "生日": "birthday", "职务": None, "负责人": "owner",
}  # fmt: skip
HANDMADE = {
    "序号": None, "客户姓名*": "name", "手机号码（必填）": "mobile", "联系电话": "phone",
    "电子邮箱": "email", "所在省份": "province", "城市": "city", "地址": "address",
    "生日": "birthday", "会员编号": "code", "客户标签": "tags", "备注说明": "notes",
}  # fmt: skip


@pytest.mark.parametrize(
    "headers", [ZOHO_CONTACTS, ZOHO_ACCOUNTS, FXIAOKE_CUSTOMERS, HANDMADE],
    ids=["zoho-contacts", "zoho-accounts", "fxiaoke-customers", "handmade"],
)  # fmt: skip
def test_customer_headers_are_guessed(headers):
    mapping = guess_mapping(list(headers), ImportKind.CUSTOMERS)
    assert mapping == {h: f for h, f in headers.items() if f}


def test_fxiaoke_contacts_name_the_person_and_their_company():
    mapping = guess_mapping(list(FXIAOKE_CONTACTS), ImportKind.CUSTOMERS)
    # 客户名称 names the customer when nothing else does; beside 姓名 it is the company.
    assert mapping["姓名"] == "name" and mapping["客户名称"] != "name"
    assert mapping["手机1"] == "mobile" and mapping["邮件"] == "email"


def test_order_and_interaction_headers():
    orders = guess_mapping(
        ["订单号", "客户手机", "下单日期", "商品名称", "数量", "实付金额（元）", "渠道"],
        ImportKind.ORDERS,
    )
    assert orders == {
        "订单号": "order_no", "客户手机": "mobile", "下单日期": "ordered_on",
        "商品名称": "product", "数量": "quantity", "实付金额（元）": "amount", "渠道": "channel",
    }  # fmt: skip
    english = guess_mapping(["Order ID", "Email", "Order Date", "Total", "Qty"], ImportKind.ORDERS)
    assert english == {"Order ID": "order_no", "Email": "email", "Order Date": "ordered_on",
                       "Total": "amount", "Qty": "quantity"}  # fmt: skip
    visits = guess_mapping(
        ["客户编号", "跟进方式", "跟进时间", "跟进内容"], ImportKind.INTERACTIONS
    )
    assert visits == {"客户编号": "code", "跟进方式": "interaction_kind",
                      "跟进时间": "occurred_at", "跟进内容": "subject"}  # fmt: skip


def test_each_field_is_filled_from_one_column_and_custom_fields_match_by_label():
    mapping = guess_mapping(
        ["手机", "手机号码", "会员等级", "姓名"], ImportKind.CUSTOMERS, [("level", "会员等级")]
    )
    assert list(mapping.values()).count("mobile") == 1
    assert mapping["会员等级"] == "custom:level"
    assert "custom:level" in {t.key for t in targets(ImportKind.CUSTOMERS, [("level", "会员等级")])}


def test_header_keys_ignore_width_case_marks_and_notes():
    assert header_key("ＥＭＡＩＬ（必填）*") == header_key("e-mail") != ""
    assert header_key(" Date of Birth ") == "dateofbirth"
