"""Search as the list and the CLI use it: Chinese names, pinyin, phones, email."""

from __future__ import annotations

import pytest

from camdesk.services.customers.search import KeySource, build_keys, parse_query
from camdesk.services.lists.page import ListQuery, count_customers, fetch_page
from tests.factories import make_customer


def names(db, text):
    rows = fetch_page(db, ListQuery(search=text), 0, 50)
    assert count_customers(db, ListQuery(search=text)) == len(rows)
    return sorted(r.name for r in rows)


@pytest.fixture
def people(db, actor):
    for name, mobile, email in [
        ("张三", "13812345678", "zhangsan@example.com"),
        ("张三丰", "13987654321", "sanfeng@wudang.cn"),
        ("李四", "15011112222", None),
        ("曾国藩", "18600001234", "zeng@qing.cn"),
        ("单雄信", "17712340000", None),
        ("解缙", "13300009999", None),
        ("区小明", "13100008888", None),
        ("John Smith", "13600005555", "john.smith@corp.com"),
    ]:
        make_customer(db, actor, name=name, mobile=mobile, email=email)
    make_customer(
        db,
        actor,
        kind="company",
        name="北京小米科技有限公司",
        mobile=None,
        phone="010-87654321",
        code="KH-2024-001",
    )


def test_two_character_chinese_name(db, people):
    assert names(db, "张三") == ["张三", "张三丰"]
    assert names(db, "三丰") == ["张三丰"]
    assert names(db, "李") == ["李四"]


def test_full_pinyin_and_initials(db, people):
    assert names(db, "zhangsan") == ["张三", "张三丰"]
    assert names(db, "zhangsanf") == ["张三丰"]
    assert names(db, "zsf") == ["张三丰"]
    assert names(db, "zs") == ["张三", "张三丰"]
    assert names(db, "lisi") == ["李四"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zeng", "曾国藩"),
        ("zgf", "曾国藩"),
        ("shan", "单雄信"),
        ("sxx", "单雄信"),
        ("xiejin", "解缙"),
        ("ouxiaoming", "区小明"),
    ],
)
def test_polyphone_surnames_in_every_reading(db, people, query, expected):
    assert expected in names(db, query)


def test_phone_fragments(db, people):
    assert names(db, "1234") == sorted(["张三", "单雄信", "曾国藩"])
    assert names(db, "138 1234 5678") == ["张三"]
    assert names(db, "+86 138-1234-5678") == ["张三"]
    assert names(db, "87654321") == ["北京小米科技有限公司", "张三丰"]
    assert names(db, "01087654321") == ["北京小米科技有限公司"]
    assert names(db, "010 8765") == ["北京小米科技有限公司"]


def test_email_company_and_code(db, people):
    assert names(db, "wudang") == ["张三丰"]
    assert names(db, "john.smith@") == ["John Smith"]
    assert names(db, "smith") == ["John Smith"]
    assert names(db, "小米") == ["北京小米科技有限公司"]
    assert names(db, "xiaomi") == ["北京小米科技有限公司", "区小明"]  # xiaoming too
    assert names(db, "xiaomikeji") == ["北京小米科技有限公司"]
    assert names(db, "2024-001") == ["北京小米科技有限公司"]


def test_all_terms_must_match(db, people):
    assert names(db, "张 1381") == ["张三"]
    assert names(db, "张三 wudang") == ["张三丰"]
    assert names(db, "nobody") == []


def test_deleted_customers_are_not_found(db, actor, people):
    from camdesk.services.customers.files import delete_customers

    row = fetch_page(db, ListQuery(search="lisi"), 0, 1)[0]
    delete_customers(db, [row.id], actor)
    assert names(db, "lisi") == []


def test_edit_updates_search_keys(db, actor):
    from camdesk.services.customers.files import as_edited, update_customer

    record = make_customer(db, actor, name="王小二")
    update_customer(
        db,
        record.id,
        as_edited(record, name="王大锤"),
        expected_version=record.version,
        actor=actor,
    )
    assert names(db, "小二") == []
    assert names(db, "dachui") == ["王大锤"]


def test_short_and_odd_queries_never_fail(db, people):
    everyone = names(db, "")
    assert len(everyone) == 9 and names(db, "  ") == everyone  # blanks search nothing
    # SQL wildcards, quotes and FTS5 operators are plain characters nobody's keys hold.
    for text in ["%", "_", '"', "'", "*", "x@", "()", "NEAR", "AND", "a"]:
        assert names(db, text) == [], text
    assert names(db, "1") == everyone  # every customer has a 1 in a phone number
    assert names(db, "12") == ["单雄信", "张三", "曾国藩", "李四"]  # 1381234..., 1771234...
    assert names(db, "张3") == ["张三", "张三丰"]  # 张 in the name and 3 in the mobile


def test_phrase_does_not_span_two_names():
    words, _ = build_keys(KeySource(name="王张", person=True, company_name="三星"))
    assert " 王 张 0 三 星 " in words


def test_parse_query_routes_terms():
    kinds = [t.kind.value for t in parse_query("张三 zs 1381 a@b.cn")]
    assert kinds == ["cjk", "word", "digits", "other"]


@pytest.mark.parametrize(
    "e164",
    [
        "+8613812345678",
        "+8619912345678",
        "+8616612345678",
        "+861087654321",
        "+862112345678",
        "+8675512345678",
        "+14155552671",
    ],
)
def test_phone_fast_paths_agree_with_libphonenumber(e164):
    import re

    import phonenumbers

    from camdesk.services.core.validation import display_phone, phone_digits

    number = phonenumbers.parse(e164, "CN")
    home = phonenumbers.region_code_for_number(number) == "CN"
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if home
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    assert display_phone(e164) == phonenumbers.format_number(number, fmt)
    assert phone_digits(e164) == re.sub(r"\D", "", display_phone(e164))


def test_search_results_keep_the_list_order(db, actor):
    for name in ["张伟", "张伟", "张三", "张丽", "章伟", "张伟明"]:
        make_customer(db, actor, name=name)
    for descending in (False, True):
        # The search-only query takes a shortcut; adding a filter that every match passes
        # takes the general path. Both must give the same order.
        fast = fetch_page(db, ListQuery(search="zh", descending=descending), 0, 50)
        general = fetch_page(
            db, ListQuery(search="zh", kind="person", descending=descending), 0, 50
        )
        assert [r.id for r in fast] == [r.id for r in general]
        from camdesk.services.customers.search import sort_key

        keys = [sort_key(r.name) for r in fast]
        assert len(keys) == 6
        assert keys == sorted(keys, reverse=descending)


@pytest.mark.parametrize(
    ("name", "person", "expected"),
    [("曾志伟", True, "zengzhiwei"), ("单田芳", True, "shantianfang"), ("曾", True, "zeng"),
     ("曾志伟", False, "cengzhiwei"), ("重庆火锅店", False, "chongqinghuoguodian"),
     ("Amy Anderson", True, "amy anderson"), ("A公司", False, "agongsi")],
)  # fmt: skip
def test_sort_keys_read_surnames_as_surnames(name, person, expected):
    from camdesk.services.customers.search import sort_key

    assert sort_key(name, person=person) == expected


def test_chinese_mobile_rules_depend_on_five_digits_only():
    """normalize_phone's shortcut decides a whole 5-digit block by one number of it."""
    import phonenumbers

    for block in range(10000, 20000):
        results = {
            phonenumbers.is_valid_number(phonenumbers.parse(f"+86{block}{tail}"))
            for tail in ("000000", "999999", "123456", "505050")
        }
        assert len(results) == 1, block


@pytest.mark.parametrize(
    "raw",
    ["13812345678", "+86 138 1234 5678", "86-138-1234-5678", "8613812345678", "(+86)138-1234-5678",
     "14912345678", "19412345678", "1381234567", "138123456789", "+1 415 555 2671",
     "010-8765 4321", "+86 10 8765 4321", "0086 13812345678", "1 38 12345678"],
)  # fmt: skip
def test_phone_shortcut_agrees_with_libphonenumber(raw):
    import phonenumbers

    from camdesk.services.core.validation import normalize_phone

    number = phonenumbers.parse(raw, "CN")
    expected = (
        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        if phonenumbers.is_valid_number(number)
        else None
    )
    try:
        found: str | None = normalize_phone(raw)
    except ValueError:
        found = None
    assert found == expected


@pytest.mark.parametrize(
    "raw",
    ["Zhang.San@Example.CN", "a@b.cn", "A+b@qq.com", "li_4%x@mail.163.com", "x@foo.test",
     "x@foo.local", "x@foo.123", "x@1.2.3.4", "a..b@qq.com", ".a@qq.com", "a.@qq.com",
     "a@-qq.com", "a@qq-.com", "a@qq..com", "a@qq.c", "张三@例子.中国", "a b@qq.com",
     "x" * 65 + "@qq.com", "a@" + "b" * 64 + ".com", "ok@sub.domain.example.org", "a@b.co",
     " spaced@qq.com "],
)  # fmt: skip
def test_email_shortcut_agrees_with_email_validator(raw):
    from email_validator import EmailNotValidError, validate_email

    from camdesk.services.core.validation import normalize_email

    try:
        expected: str | None = validate_email(raw.strip(), check_deliverability=False).normalized
        expected = expected.lower()
    except EmailNotValidError:
        expected = None
    try:
        found: str | None = normalize_email(raw)
    except ValueError:
        found = None
    assert found == expected
