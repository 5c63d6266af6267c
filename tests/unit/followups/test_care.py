"""Care tasks for birthdays (Gregorian and lunar) and festivals, on working days, once."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from camdesk.models import FollowUp
from camdesk.services.followups.care import CarePlan, due_for, plan_care
from camdesk.services.followups.chinese_dates import Festival
from camdesk.services.lists.criteria import Criterion
from tests.factories import make_customer

TODAY = date(2025, 9, 20)


def _care(db, customer):
    with db.read() as session:
        return session.execute(select(FollowUp.kind, FollowUp.due_on, FollowUp.origin_key,
                                      FollowUp.purpose)
                               .where(FollowUp.customer_id == customer.id)).all()  # fmt: skip


def test_due_days_move_off_holidays_but_never_past_the_occasion():
    # National Day 2025: three days ahead is 28 September, a 调休 working Sunday.
    assert due_for(date(2025, 10, 1), 3, TODAY) == (date(2025, 9, 28), True)
    # Two days ahead of 5 October is 3 October (holiday): moved on, but not past the 5th.
    assert due_for(date(2025, 10, 5), 2, TODAY) == (date(2025, 10, 5), True)
    assert due_for(date(2025, 9, 23), 7, TODAY) == (
        date(2025, 9, 22),
        True,
    )  # not before today (a Saturday: Monday)


def test_birthdays_coming_up_get_one_care_task_each(db, actor):
    solar = make_customer(db, actor, name="阳历", birthday=date(1980, 10, 8))
    lunar = make_customer(db, actor, name="农历", birthday=date(1975, 3, 1),
                          lunar_birthday="八月十五")  # 2025-10-06, the lunar one counts  # fmt: skip
    far = make_customer(db, actor, name="远", birthday=date(1990, 3, 1))
    make_customer(db, actor, name="公司", kind="company")
    first = plan_care(db, actor, CarePlan(days_ahead=3, horizon_days=30, purpose="生日关怀"),
                      today=TODAY).value  # fmt: skip
    assert (first.planned, first.provisional) == (2, 0)
    (kind, due, key, purpose), = _care(db, solar)  # fmt: skip
    # 8 October minus 3 days is 5 October, inside the National Day holiday: moved on to the
    # next working day, 9 October, which is past the birthday, so the birthday itself.
    assert (kind.value, due, key, purpose) == ("care", date(2025, 10, 8), "birthday:2025-10-08",
                                               "生日关怀")  # fmt: skip
    assert _care(db, lunar)[0][1:3] == (date(2025, 10, 6), "birthday:2025-10-06")
    assert _care(db, far) == []
    again = plan_care(db, actor, CarePlan(days_ahead=3, horizon_days=30), today=TODAY).value
    assert (again.planned, again.already) == (0, 2)


def test_festival_care_for_a_segment(db, actor):
    shanghai = make_customer(db, actor, name="上海客户", city="上海")
    make_customer(db, actor, name="杭州客户", city="杭州")
    plan = CarePlan(days_ahead=2, festival=Festival.MID_AUTUMN, year=2025,
                    criteria=(Criterion("city", "=", "上海"),), purpose="中秋问候")  # fmt: skip
    done = plan_care(db, actor, plan, today=TODAY).value
    assert (done.planned, done.occasion) == (1, date(2025, 10, 6))
    (kind, due, key, purpose), = _care(db, shanghai)  # fmt: skip
    assert kind.value == "care"
    assert (due, key, purpose) == (date(2025, 10, 6), "festival:mid_autumn:2025", "中秋问候")
    assert plan_care(db, actor, plan, today=TODAY).value.planned == 0


def test_a_festival_in_a_year_without_the_official_calendar_is_provisional(db, actor):
    make_customer(db, actor)
    plan = CarePlan(days_ahead=1, festival=Festival.SPRING, year=2099)
    summary = plan_care(db, actor, plan, today=TODAY).value
    assert (summary.planned, summary.provisional) == (1, 1)
