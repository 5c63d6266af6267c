"""Customer files through the service: create, edit, delete, undo, validation, conflicts."""

from __future__ import annotations

from datetime import date

import pytest

from camdesk.errors import ConflictError, NotFound, UndoError, ValidationError
from camdesk.services.customers import files as customers
from camdesk.services.customers import undo
from camdesk.services.customers.custom_fields import define_field
from camdesk.services.customers.files import ContactData, as_edited, get_customer, update_customer
from camdesk.services.customers.history import customer_history
from tests.factories import customer_data, customer_notes, make_customer


def test_create_stores_normalised_values(db, actor):
    record = make_customer(
        db,
        actor,
        name="  张三 ",
        mobile="138 1234 5678",
        email="Zhang.San@Example.COM",
        birthday=date(1990, 5, 1),
        tags=("VIP", "老客户"),
    )
    again = get_customer(db, record.id)
    assert again.name == "张三"
    assert again.mobile == "+8613812345678"
    assert again.email == "zhang.san@example.com"  # one spelling: matching ignores case
    assert again.tags == ("VIP", "老客户")
    assert again.version == 1
    assert again.owner_name == ""


def test_free_text_is_kept_as_typed_and_identifiers_are_normalised(db, actor):
    from camdesk.services.lists.page import ListQuery, count_customers

    record = make_customer(
        db, actor, name=" ＡＢＣ　公司 ", mobile="１３８１２３４５６７８", code="Ｋ００１",
        email=" Li@Example.CN", notes="展会上认识，对新品感兴趣。\n  第二行",
        preferences="喜欢：绿茶；不要：咖啡", address="杭州市西湖区文三路１号", province="浙江省",
        city="杭州市", tags=("VIP、老客户；重点",),
    )  # fmt: skip
    again = get_customer(db, record.id)
    assert again.name == "ＡＢＣ　公司"  # only the ends trimmed
    assert customer_notes(db, record.id) == ["展会上认识，对新品感兴趣。\n  第二行"]
    assert again.preferences == "喜欢：绿茶；不要：咖啡"
    assert again.address == "杭州市西湖区文三路１号"
    assert (again.mobile, again.code, again.email) == ("+8613812345678", "K001", "li@example.cn")
    assert (again.province, again.city) == ("浙江", "杭州")  # places have one spelling
    assert again.tags == ("VIP、老客户；重点",)  # the service takes tags already split
    assert count_customers(db, ListQuery(search="abc")) == 1  # found as if half-width
    assert count_customers(db, ListQuery(search="K001")) == 1


def test_validation_reports_every_bad_field_and_saves_nothing(db, actor):
    data = customer_data(name="", mobile="12345", email="not-an-email", birthday=date(2999, 1, 1))
    with pytest.raises(ValidationError) as caught:
        customers.create_customer(db, data, actor)
    assert [p.field for p in caught.value.problems] == ["name", "mobile", "email", "birthday"]
    from camdesk.services.lists.page import count_customers

    assert count_customers(db) == 0


def test_customer_code_is_unique_among_live_customers(db, actor):
    first = make_customer(db, actor, code="C001", name="王五")
    with pytest.raises(ValidationError) as caught:
        make_customer(db, actor, code="C001")
    assert caught.value.problems[0].field == "code"
    assert "王五" in caught.value.problems[0].text()
    customers.delete_customers(db, [first.id], actor)
    assert make_customer(db, actor, code="C001").code == "C001"


def test_edit_records_each_changed_field(db, actor):
    record = make_customer(db, actor, name="李雷", city="北京")
    edited = update_customer(
        db,
        record.id,
        as_edited(record, city="上海", preferences="喜欢绿茶"),
        expected_version=record.version,
        actor=actor,
    ).value
    assert edited.version == record.version + 1
    history = customer_history(db, record.id)
    latest = [(e.field, e.old, e.new) for e in history if e.txn_id == history[0].txn_id]
    assert sorted(latest) == [("city", "北京", "上海"), ("preferences", None, "喜欢绿茶")]
    assert history[0].user == actor_name(db, actor)


def actor_name(db, actor):
    from camdesk.services.core.users import list_users

    return next(u.display_name for u in list_users(db) if u.id == actor.user_id)


def test_conflicting_edit_keeps_both_versions(db, actor):
    record = make_customer(db, actor, name="韩梅梅", city="北京")
    theirs = update_customer(
        db,
        record.id,
        as_edited(record, city="广州"),
        expected_version=record.version,
        actor=actor,
    ).value
    with pytest.raises(ConflictError) as caught:
        update_customer(
            db,
            record.id,
            as_edited(record, city="深圳"),
            expected_version=record.version,
            actor=actor,
        )
    assert caught.value.theirs.city == "广州"
    assert caught.value.theirs.version == theirs.version
    assert actor_name(db, actor) in caught.value.text()
    assert get_customer(db, record.id).city == "广州"


def test_delete_is_a_tombstone_and_undo_restores(db, actor):
    record = make_customer(db, actor, name="赵六")
    txn = customers.delete_customers(db, [record.id], actor).action
    with pytest.raises(NotFound):
        get_customer(db, record.id)
    undo.undo(db, txn, actor)
    assert get_customer(db, record.id).name == "赵六"
    ops = [e.op for e in customer_history(db, record.id) if e.field is None]
    assert ops == ["restore", "delete", "insert"]


def test_undo_of_edit_puts_old_values_back(db, actor):
    record = make_customer(db, actor, name="孙七", city="南京", tags=("A",))
    edited = update_customer(
        db,
        record.id,
        as_edited(record, city="苏州", tags=("B",)),
        expected_version=record.version,
        actor=actor,
    ).value
    undo.undo(db, undo.last_action(db, record.id), actor)
    back = get_customer(db, record.id)
    assert (back.city, back.tags) == ("南京", ("A",))
    assert back.version > edited.version


def test_undo_refuses_when_changed_since(db, actor):
    record = make_customer(db, actor, name="周八", city="南京")
    edited = update_customer(
        db, record.id, as_edited(record, city="苏州"), expected_version=1, actor=actor
    ).value
    first_edit = undo.last_action(db, record.id)
    update_customer(
        db, record.id, as_edited(edited, city="无锡"), expected_version=edited.version, actor=actor
    )
    with pytest.raises(UndoError):
        undo.undo(db, first_edit, actor)
    assert get_customer(db, record.id).city == "无锡"


def test_company_with_contacts(db, actor):
    record = make_customer(
        db,
        actor,
        kind="company",
        name="杭州海纳科技有限公司",
        industry="软件",
        contacts=(ContactData(name="吴经理", mobile="13900001111", title="采购"),),
    )
    assert [c.name for c in record.contacts] == ["吴经理"]
    contact = record.contacts[0]
    edited = update_customer(
        db,
        record.id,
        as_edited(
            record,
            contacts=(
                ContactData(id=contact.id, name="吴经理", mobile="13900002222", title="采购"),
                ContactData(name="郑助理"),
            ),
        ),
        expected_version=record.version,
        actor=actor,
    ).value
    assert [(c.name, c.mobile) for c in edited.contacts] == [
        ("吴经理", "+8613900002222"),
        ("郑助理", None),
    ]
    tables = {e.table for e in customer_history(db, record.id)}
    assert tables == {"customer", "contact"}


def test_custom_fields_are_typed(db, actor):
    define_field(db, "level", "会员等级", "choice", ("金卡", "银卡"))
    define_field(db, "budget", "预算", "number")
    record = make_customer(db, actor, custom={"level": "金卡", "budget": "1200.50"})
    assert record.custom["level"] == "金卡"
    assert str(record.custom["budget"]).startswith("1200.5")
    with pytest.raises(ValidationError) as caught:
        make_customer(db, actor, custom={"level": "铜卡", "budget": "很多"})
    assert [p.field for p in caught.value.problems] == ["custom:level", "custom:budget"]


def test_a_lunar_birthday_is_kept_in_one_form_and_nonsense_is_refused(db, actor):
    from camdesk.errors import ValidationError
    from camdesk.services.customers.files import get_customer

    for typed, stored in (("闰六月十五", "L06-15"), ("八月十五", "08-15"), ("腊月廿三", "12-23"),
                          ("8/15", "08-15"), ("农历 正月初一", "01-01")):  # fmt: skip
        made = make_customer(db, actor, lunar_birthday=typed)
        assert get_customer(db, made.id).lunar_birthday == stored
    with pytest.raises(ValidationError) as refused:
        make_customer(db, actor, lunar_birthday="十三月初一")
    assert [p.field for p in refused.value.problems] == ["lunar_birthday"]
