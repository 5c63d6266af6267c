"""Demo data looks like a real customer base."""

from __future__ import annotations

import re
from collections import Counter
from contextlib import ExitStack

import pytest
from sqlalchemy import func, select

from camdesk.db import open_database
from camdesk.models import Contact, Customer, CustomerKind, Order
from camdesk.services.core.users import local_actor
from camdesk.services.core.validation import normalize_phone
from camdesk.services.demo import reference as ref
from camdesk.services.demo.build import DemoSpec, generate
from camdesk.services.lists.page import ListQuery, count_customers
from tests.conftest import postgresql_schema


@pytest.fixture(scope="module",
                params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])  # fmt: skip
def demo(request, tmp_path_factory):
    """One demo database per backend for the tests that only read it (it takes seconds)."""
    with ExitStack() as stack:
        if request.param == "sqlite":
            target = tmp_path_factory.mktemp("demo") / "demo.db"
        else:
            target = stack.enter_context(postgresql_schema())
        db = open_database(target)
        stack.callback(db.close)
        result = generate(db, DemoSpec(customers=3000, orders=20000, seed=3), local_actor(db))
        yield db, result


def test_counts_and_kinds(demo):
    db, result = demo
    assert count_customers(db) == 3000 == result.customers
    with db.read() as s:
        assert s.execute(select(func.count()).select_from(Order)).scalar() == 20000
        companies = s.execute(
            select(func.count()).where(Customer.kind == CustomerKind.COMPANY)
        ).scalar()
        assert 0.08 < companies / 3000 < 0.17
        with_contacts = s.execute(select(func.count(func.distinct(Contact.customer_id)))).scalar()
        assert with_contacts == companies


def test_places_phones_and_names_are_realistic(demo):
    db, _ = demo
    with db.read() as s:
        rows = s.execute(
            select(Customer.name, Customer.kind, Customer.province, Customer.city, Customer.mobile)
        ).all()
    assert all(city in ref.PROVINCE_CITIES[province] for _, _, province, city, _ in rows)
    prefixes = {m[3:6] for *_, m in rows if m}
    assert len(prefixes) > 40  # all current prefixes, not just 13x/15x/18x
    assert all(re.fullmatch(r"\+861\d{10}", m) for *_, m in rows if m)
    emails = [e for e in _emails(db) if e]
    assert len(set(emails)) > 0.99 * len(emails)  # different people, different addresses
    # Demo customers pass the checks a typed (or imported) customer must pass.
    assert all(normalize_phone(m) == m for *_, m in rows if m)
    assert all(normalize_phone(f"+86{p}12345678") for p in ref.MOBILE_PREFIXES)
    people = [n for n, k, *_ in rows if k == CustomerKind.PERSON]
    assert any(n[0] in "曾单解仇查区朴" for n in people)
    assert any(re.fullmatch(r"[A-Za-zü]+ [A-Za-zü]+", n) for n in people)
    companies = [n for n, k, *_ in rows if k == CustomerKind.COMPANY]
    assert len(set(companies)) > 0.95 * len(companies)


def test_purchases_have_a_realistic_spread(demo):
    db, _ = demo
    with db.read() as s:
        per_customer = dict(
            s.execute(
                select(Order.customer_id, func.sum(Order.amount)).group_by(Order.customer_id)
            ).all()
        )
        counts = Counter(
            dict(
                s.execute(select(Order.customer_id, func.count()).group_by(Order.customer_id)).all()
            )
        )
        days = s.execute(select(func.min(Order.ordered_on), func.max(Order.ordered_on))).one()
    never = 3000 - len(per_customer)
    assert 0.10 < never / 3000 < 0.20  # some never buy
    once = sum(1 for c in counts.values() if c == 1)
    assert once / len(counts) > 0.15  # many buy once
    revenue = sorted(per_customer.values(), reverse=True)
    top = sum(revenue[: len(revenue) // 5]) / sum(revenue)
    assert top > 0.5  # a minority brings most revenue
    assert (days[1] - days[0]).days > 2 * 365  # three years of history


def test_search_finds_demo_customers(demo):
    db, _ = demo
    assert count_customers(db, ListQuery(search="KH00000")) >= 1
    assert count_customers(db, ListQuery(search="zhang")) > 10


def test_same_seed_same_names(db, actor, tmp_path):
    from camdesk.db import open_database

    generate(db, DemoSpec(customers=50, orders=100, seed=9), actor)
    other = open_database(tmp_path / "other.db")
    from camdesk.services.core.users import local_actor

    generate(other, DemoSpec(customers=50, orders=100, seed=9), local_actor(other))

    def names(d):
        with d.read() as s:
            return sorted(s.execute(select(Customer.name)).scalars())

    assert names(db) == names(other)
    other.close()


def _emails(db) -> list[str | None]:
    with db.read() as session:
        return list(session.execute(select(Customer.email)).scalars())


def test_demo_data_uses_the_teams_own_tags_of_the_same_names(db, actor):
    from camdesk.services.lists.page import tag_names
    from tests.factories import make_customer

    make_customer(db, actor, name="老王", tags=("VIP",))
    generate(db, DemoSpec(30, 60, seed=3), actor)
    names = tag_names(db)
    assert names.count("VIP") == 1 and set(ref.TAGS) <= set(names)
    assert count_customers(db, ListQuery(tag="VIP")) >= 1


def test_daily_work_and_lunar_birthdays_in_realistic_proportions(demo):
    from datetime import date

    from camdesk.models import FollowUp, Interaction
    from camdesk.services.followups import agenda

    db, result = demo
    with db.read() as s:
        contacts = s.scalar(select(func.count()).select_from(Interaction))
        planned = s.scalar(select(func.count(func.distinct(FollowUp.customer_id)))
                           .where(FollowUp.status == "planned"))  # fmt: skip
        overdue = s.scalar(select(func.count()).where(
            FollowUp.status == "planned", FollowUp.due_on < date.today()))  # fmt: skip
        kinds = Counter(s.scalars(select(FollowUp.kind)).all())
        last = s.execute(select(Customer.last_contact_at, func.max(Interaction.occurred_at))
                         .join(Interaction, Interaction.customer_id == Customer.id)
                         .group_by(Customer.id).limit(50)).all()  # fmt: skip
    assert contacts == result.interactions and 1.5 < contacts / 3000 < 2.5
    assert result.follow_ups == sum(kinds.values())
    assert 0.8 < planned / 3000 < 0.9  # most customers have one planned
    assert 0.1 < overdue / planned < 0.3  # some are overdue
    assert kinds.most_common(1)[0][0].value == "return" and len(kinds) == 5
    assert all(a == b for a, b in last)  # "last contact" agrees with the log
    assert agenda.overdue(db, agenda.EVERYONE)  # the calendar reads them
    # A share of older customers keep a lunar birthday (one fixture: the demo is slow to make)
    from camdesk.services.core.lunar_days import parse_lunar
    from camdesk.services.followups.chinese_dates import lunar_of

    with db.read() as s:
        rows = s.execute(select(Customer.birthday, Customer.lunar_birthday)
                         .where(Customer.birthday.is_not(None))).all()  # fmt: skip
    lunar = [(b, lb) for b, lb in rows if lb]
    assert 0.03 < len(lunar) / len(rows) < 0.3
    assert all(parse_lunar(lb) == lunar_of(b) for b, lb in lunar)  # the day they were born
    assert min(b for b, _ in lunar).year < max(b for b, _ in rows).year - 40


def test_after_sales_data_in_realistic_proportions(demo):
    from camdesk.models import CustomerScore, Feedback, FeedbackKind, SurveyResponse

    db, result = demo
    with db.read() as session:
        kinds = Counter(session.scalars(select(Feedback.kind)).all())
        complaints = Counter(session.scalars(
            select(Feedback.category).where(Feedback.kind == FeedbackKind.COMPLAINT)).all())  # fmt: skip
        nps = session.scalars(select(SurveyResponse.nps)).all()
        responders = session.scalar(select(func.count(func.distinct(SurveyResponse.customer_id))))
        scored = session.scalar(select(func.count()).select_from(CustomerScore))
        late_open = session.scalar(select(func.count()).select_from(Feedback).where(
            Feedback.resolved_at.is_(None), Feedback.status == "closed"))  # fmt: skip
    assert result.feedback == sum(kinds.values()) and result.responses == len(nps)
    assert kinds.most_common(1)[0][0] is FeedbackKind.COMPLAINT
    assert {c for c, _ in complaints.most_common(2)} == {"delivery", "quality"}
    promoters = sum(v >= 9 for v in nps) / len(nps)
    detractors = sum(v <= 6 for v in nps) / len(nps)
    assert promoters > 0.4 and 0.05 < detractors < promoters  # mostly promoters, with a tail
    assert scored == responders  # every answering customer has their latest scores
    assert late_open == 0  # a closed item was resolved
