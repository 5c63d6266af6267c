"""Duplicate detection: shared keys, alike names in one place, groups of any size."""

from __future__ import annotations

from camdesk.services.customers.files import delete_customers
from camdesk.services.data.dedupe import find_duplicates
from tests.factories import make_customer


def _groups(db) -> dict[frozenset[str], tuple[int, tuple[str, ...]]]:
    return {frozenset(g.names): (g.score, g.reasons) for g in find_duplicates(db)}


def test_shared_keys_and_chains_make_one_group(db, actor):
    make_customer(db, actor, name="王芳", mobile="13800000001", email=None, city="上海")
    make_customer(db, actor, name="王芳芳", mobile="13800000001", email="f@x.cn", city="北京")
    make_customer(db, actor, name="Fang Wang", mobile=None, email="F@X.cn", city="广州")
    make_customer(db, actor, name="无关", mobile="13900000000", city="深圳")
    groups = _groups(db)
    assert groups == {frozenset({"王芳", "王芳芳", "Fang Wang"}): (95, ("mobile", "email"))}


def test_alike_names_count_only_in_one_place_and_without_conflicting_keys(db, actor):
    make_customer(db, actor, name="张伟", mobile=None, city="杭州")
    make_customer(db, actor, name="张玮", mobile=None, city="杭州")  # same pinyin: a typo?
    make_customer(db, actor, name="张伟", mobile=None, city="成都")  # another city
    make_customer(db, actor, name="李娜", mobile="13800000011", city="杭州")
    make_customer(db, actor, name="李娜", mobile="13800000022", city="杭州")  # two people
    make_customer(db, actor, name="陈静", mobile=None, city="南京", company_name="星辰科技")
    make_customer(db, actor, name="陈晶", mobile=None, city="苏州", company_name="星辰科技")
    groups = _groups(db)
    assert set(groups) == {frozenset({"张伟", "张玮"}), frozenset({"陈静", "陈晶"})}
    score, reasons = groups[frozenset({"张伟", "张玮"})]
    assert reasons == ("name+city",) and 50 <= score < 70
    assert groups[frozenset({"陈静", "陈晶"})][1] == ("name+company",)


def test_deleted_customers_are_not_duplicates(db, actor):
    first = make_customer(db, actor, name="甲", mobile="13800000001")
    make_customer(db, actor, name="乙", mobile="13800000001")
    assert len(find_duplicates(db)) == 1
    delete_customers(db, [first.id], actor)
    assert find_duplicates(db) == []


def test_names_that_sound_alike_pair_on_a_mobile_one_digit_off_or_the_same_birthday(db, actor):
    from datetime import date

    make_customer(db, actor, name="何欣怡", mobile=None, email="hxy@a.cn", city="成都")
    make_customer(db, actor, name="何欣怡", mobile="13811112222", city="成都")  # no key shared
    make_customer(db, actor, name="林晓峰", mobile="13912345678", city="厦门")
    make_customer(db, actor, name="林小峰", mobile="13912345679", city="泉州")  # a typo
    make_customer(db, actor, name="周婷", mobile=None, birthday=date(1990, 4, 1), city="上海")
    make_customer(db, actor, name="周亭", mobile=None, birthday=date(1990, 4, 1), city="北京")
    # Not pairs: the same birthday but different mobiles; mobiles two digits apart; names
    # that sound alike but one digit off with different emails.
    make_customer(db, actor, name="吴磊", mobile="13700000001", birthday=date(1988, 1, 1))
    make_customer(db, actor, name="吴蕾", mobile="13700000099", birthday=date(1988, 1, 1))
    make_customer(db, actor, name="郑凯", mobile="13600000011", email="a@z.cn")
    make_customer(db, actor, name="郑楷", mobile="13600000012", email="b@z.cn")
    groups = _groups(db)
    assert set(groups) == {frozenset({"何欣怡"}), frozenset({"林晓峰", "林小峰"}),
                           frozenset({"周婷", "周亭"})}  # fmt: skip
    assert groups[frozenset({"何欣怡"})][1] == ("name+city",)
    assert groups[frozenset({"林晓峰", "林小峰"})] == (80, ("sound+mobile",))
    assert groups[frozenset({"周婷", "周亭"})] == (75, ("sound+birthday",))
