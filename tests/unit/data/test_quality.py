"""Data quality: who cannot be reached, whose phone or email is wrong, who has no city."""

from __future__ import annotations

from sqlalchemy import update

from camdesk.models import Customer
from camdesk.services.data.quality import (
    BAD_EMAIL,
    BAD_MOBILE,
    NO_CITY,
    UNREACHABLE,
    quality_issues,
)
from tests.factories import make_customer


def test_customers_needing_attention_are_listed_with_why(db, actor):
    make_customer(db, actor, name="好客户", mobile="13800000001", city="杭州")
    make_customer(db, actor, name="找不到", mobile=None, email=None, city="杭州")
    make_customer(db, actor, name="没城市", mobile="13800000002", city=None)
    broken = make_customer(db, actor, name="旧数据", mobile="13800000003", email="a@b.cn")
    with db.write() as session:  # as another tool left it, past the form's checks
        session.execute(update(Customer).where(Customer.id == broken.id)
                        .values(mobile="+8614900000000", email="not-an-email"))  # fmt: skip
    found = {issue.name: issue.messages for issue in quality_issues(db)}
    assert found == {
        "找不到": (UNREACHABLE,),
        "没城市": (NO_CITY,),
        "旧数据": (BAD_MOBILE, BAD_EMAIL),
    }


def test_each_wrong_value_is_named_with_why(db, actor, qapp):
    """ "mobile 138...: 12 digits", not "invalid mobile": the field, the value, the reason."""
    from camdesk.views.data.quality import finding_text

    people = {"多一位": ("+86138000000011", "a@b.cn"), "没人用的号段": ("+8614900000000", "x@y.cn"),
              "邮箱没有@": ("13800000001", "zhang.example.cn"), "座机乱码": (None, "z@y.cn")}  # fmt: skip
    for name, (mobile, email) in people.items():
        made = make_customer(db, actor, name=name, mobile="13800000009", city="杭州")
        with db.write() as session:  # as another tool left them, past the form's checks
            session.execute(update(Customer).where(Customer.id == made.id)
                            .values(mobile=mobile, email=email,
                                    phone="abc-123" if name == "座机乱码" else None))  # fmt: skip
    found = {i.name: [finding_text(p) for p in i.problems] for i in quality_issues(db)}
    assert found["多一位"] == ["mobile +86138000000011: 12 digits, where a mainland mobile has 11"]
    assert found["没人用的号段"] == ["mobile +8614900000000: no network gives out numbers like it"]
    assert found["邮箱没有@"] == ["email zhang.example.cn: no @ in it"]
    assert found["座机乱码"] == ["phone abc-123: not a phone number"]


def test_standardize_tidies_stored_values_and_can_be_undone(db, actor):
    from camdesk.services.customers.files import get_customer
    from camdesk.services.customers.undo import undo
    from camdesk.services.data.quality import standardize
    from camdesk.services.lists.page import ListQuery, count_customers

    messy = make_customer(db, actor, name="王芳", mobile="13800000001", city="杭州")
    tidy = make_customer(db, actor, name="李娜", mobile="13800000002", city="杭州")
    with db.write() as session:  # as an old tool or another program stored them
        session.execute(update(Customer).where(Customer.id == messy.id).values(
            name="Ｗａｎｇ  Fang", email="Wang.Fang@QQ.com", mobile="138 0000 0001",
            province="浙江省", city="杭州市"))  # fmt: skip
    result = standardize(db, actor)
    assert result.customers == 1
    record = get_customer(db, messy.id)
    assert (record.name, record.email, record.mobile, record.province, record.city) == (
        "Ｗａｎｇ  Fang",  # a name is free text: kept as typed, found all the same
        "wang.fang@qq.com",
        "+8613800000001",
        "浙江",
        "杭州",
    )
    assert get_customer(db, tidy.id).version == tidy.version  # untouched
    assert count_customers(db, ListQuery(search="wang fang")) == 1
    assert standardize(db, actor).customers == 0  # idempotent
    undo(db, result.change_id, actor)
    assert get_customer(db, messy.id).city == "杭州市"


def test_what_an_import_left_out_stays_listed_until_the_field_is_filled(db, actor, tmp_path):
    """A bad cell costs only its value, and the value is not lost: the data quality list
    shows it (with the reason) until someone fills the field or keeps the file as it is."""
    import openpyxl

    from camdesk.services.customers.files import as_edited, get_customer, update_customer
    from camdesk.services.data.imports.customers import ImportOptions, OwnerPolicy, import_customers
    from camdesk.services.data.imports.fields import ImportKind, guess_mapping
    from camdesk.services.data.quality import dismiss_left_out
    from camdesk.services.data.sheets import read_table

    book = openpyxl.Workbook()
    book.active.append(["客户名称", "手机", "邮箱", "城市", "负责人"])
    book.active.append(["李四", "13812345678", "li@example", "杭州", "王芳"])
    book.active.append(["张三", "13912345678", "zhang@example.cn", "杭州", None])
    book.save(tmp_path / "in.xlsx")
    table = read_table(tmp_path / "in.xlsx")
    options = ImportOptions(mapping=guess_mapping(table.headers, ImportKind.CUSTOMERS),
                            owners=OwnerPolicy.EMPTY)  # fmt: skip
    report = import_customers(db, table, options, actor)
    assert (report.created, report.dropped_values) == (2, 1)
    [issue] = quality_issues(db)
    assert issue.name == "李四" and issue.problems == ()
    assert [(k.field, k.value, k.message.format(**k.params)) for k in issue.left_out] == [
        ("email", "li@example", "“li@example” is not a valid email address."),
        ("owner", "王芳", "No user is called “王芳”."),
    ]
    record = get_customer(db, issue.customer_id)
    update_customer(db, record.id, as_edited(record, email="li@example.com"),
                    expected_version=record.version, actor=actor)  # fmt: skip
    [issue] = quality_issues(db)
    assert [k.field for k in issue.left_out] == ["owner"]
    assert dismiss_left_out(db, issue.customer_id).value == 2
    assert quality_issues(db) == []


def test_a_required_field_left_empty_is_listed_by_its_label(db, actor):
    """An import keeps a row whose required field is empty; this list is where it shows."""
    from camdesk.services.customers.custom_fields import define_field
    from camdesk.services.data.quality import REQUIRED_EMPTY

    define_field(db, "level", "会员等级", "text", required=True)
    define_field(db, "note", "爱好", "text")  # not required: never listed
    make_customer(db, actor, name="有等级", mobile="13800000001", city="杭州",
                  custom={"level": "金卡"})  # fmt: skip
    from camdesk.services.data.imports.customers import ImportOptions, import_customers
    from camdesk.services.data.sheets import Table

    table = Table("", ("姓名", "手机", "城市"), [("没等级", "13800000002", "杭州")], [2], 1)
    mapping = {"姓名": "name", "手机": "mobile", "城市": "city"}
    assert import_customers(db, table, ImportOptions(mapping=mapping), actor).created == 1
    found = {issue.name: issue.problems for issue in quality_issues(db)}
    assert list(found) == ["没等级"]
    assert [(p.message, dict(p.params)) for p in found["没等级"]] == [
        (REQUIRED_EMPTY, {"label": "会员等级"})]  # fmt: skip
