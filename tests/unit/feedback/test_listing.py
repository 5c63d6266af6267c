"""The feedback list: the team's items filtered, searched and sorted in SQL, page by page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from camdesk.services.core.users import ensure_user
from camdesk.services.feedback.listing import (
    NOBODY,
    FeedbackQuery,
    FeedbackSort,
    State,
    count_feedback,
    feedback_page,
)
from camdesk.services.feedback.workflow import FeedbackData, Ref, add_feedback, move
from tests.factories import make_customer

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def _seed(db, actor):
    """Five items: two of 何欣怡's, one each of 林晓峰, 曾晓燕 and 周杰 (the last two closed
    or resolved); one open item past due."""
    he = make_customer(db, actor, name="何欣怡", mobile="13800138001")
    lin = make_customer(db, actor, name="林晓峰", mobile="13900139002")
    zeng = make_customer(db, actor, name="曾晓燕", mobile="13700137003")
    zhou = make_customer(db, actor, name="周杰", mobile="13600136004")
    wang = ensure_user(db, "wang", "王经理")
    day = timedelta(days=1)

    def add(customer, kind, text, severity, category, days_ago, **given):
        data = FeedbackData(customer.id, kind, text, severity=severity, category=category,
                            received_at=NOW - days_ago * day, **given)  # fmt: skip
        return add_feedback(db, data, actor).value

    late = add(he, "complaint", "快递把包装压坏了", "high", "delivery", 5)  # due 4 days ago
    add(he, "suggestion", "希望增加夜间配送", "low", None, 1, assignee_id=wang.id)
    add(lin, "complaint", "质量问题：杯子有裂纹", "urgent", "quality", 0.05)
    done = add(zeng, "praise", "客服态度很好", "normal", "service", 2)
    move(db, Ref(done.id, 1), "in_progress", actor)
    shut = add(zhou, "question", "发票怎么开", "normal", None, 3)
    version = move(db, Ref(shut.id, 1), "in_progress", actor).value
    move(db, Ref(shut.id, version), "resolved", actor, resolution="已寄出")
    return late, wang


def _numbers(db, query, offset=0, limit=50):
    return [r.number for r in feedback_page(db, query, offset, limit, now=NOW)]


def test_the_list_shows_open_items_newest_first_and_counts_them(db, actor):
    _seed(db, actor)
    query = FeedbackQuery()
    assert count_feedback(db, query, now=NOW) == 4  # the resolved question is not open
    assert _numbers(db, query) == [3, 2, 4, 1]
    assert _numbers(db, FeedbackQuery(state=State.ALL)) == [3, 2, 4, 5, 1]
    # Pages by position walk the same order.
    assert _numbers(db, query, 1, 2) == [2, 4]


def test_overdue_and_the_other_filters_narrow_the_list(db, actor):
    late, wang = _seed(db, actor)
    overdue = FeedbackQuery(state=State.OVERDUE)
    assert _numbers(db, overdue) == [late.number]
    assert count_feedback(db, overdue, now=NOW) == 1
    assert _numbers(db, FeedbackQuery(kind="complaint")) == [3, 1]
    assert _numbers(db, FeedbackQuery(state=State.ALL, status="resolved")) == [5]
    assert _numbers(db, FeedbackQuery(severity="urgent")) == [3]
    assert _numbers(db, FeedbackQuery(category="quality")) == [3]
    assert _numbers(db, FeedbackQuery(state=State.ALL, category="")) == [2, 5]  # no category
    assert _numbers(db, FeedbackQuery(assignee=wang.id)) == [2]
    assert _numbers(db, FeedbackQuery(assignee=NOBODY)) == [3, 4, 1]


def test_search_finds_an_item_by_number_customer_pinyin_or_description(db, actor):
    _seed(db, actor)
    every = FeedbackQuery(state=State.ALL)

    def found(text):
        return sorted(_numbers(db, FeedbackQuery(search=text, state=State.ALL)))

    assert found("FB-4") == [4]
    assert found("fb 5") == [5]
    assert found("何欣怡") == [1, 2]
    assert found("lxf") == [3]  # the customer's initials
    assert found("13700137003") == [4]  # the customer's mobile
    assert found("裂纹") == [3]  # words of the description
    assert found("100%") == []  # a wildcard character is a character
    assert count_feedback(db, every, now=NOW) == 5


def test_each_column_sorts_in_sql_in_its_own_order(db, actor):
    _seed(db, actor)

    def order(sort, descending=False):
        return _numbers(db, FeedbackQuery(state=State.ALL, sort=sort, descending=descending))

    assert order(FeedbackSort.NUMBER) == [1, 2, 3, 4, 5]
    assert order(FeedbackSort.RECEIVED) == [1, 5, 4, 2, 3]
    assert order(FeedbackSort.SEVERITY) == [3, 1, 4, 5, 2]  # urgent, high, normal, low
    assert order(FeedbackSort.SEVERITY, descending=True) == [2, 5, 4, 1, 3]
    assert order(FeedbackSort.STATUS) == [
        1,
        3,
        2,
        4,
        5,
    ]  # new, new, assigned, in progress, resolved
    assert order(FeedbackSort.KIND) == [1, 3, 2, 4, 5]  # complaint, suggestion, praise, question
    assert order(FeedbackSort.CATEGORY) == [2, 5, 1, 3, 4]  # none first, then by code
    assert order(FeedbackSort.ASSIGNEE, descending=True)[0] == 2  # the only one taken on
    assert order(FeedbackSort.CUSTOMER) == [1, 2, 3, 4, 5]  # He, Lin, Zeng, Zhou
    assert order(FeedbackSort.DUE)[0] == 1
