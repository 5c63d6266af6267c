"""Why customers left: recorded for a churned stage or by hand, with a win-back follow-up."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from camdesk.errors import ValidationError
from camdesk.models import CustomerValue, FollowUp, FollowUpKind, ValueChange, new_id
from camdesk.services.feedback.churn import ChurnData, churn_state, record_churn
from tests.factories import make_customer


def _churned(db, customer_id, on):
    with db.write() as session:
        session.add(CustomerValue(customer_id=customer_id, as_of=on, tier="low", stage="churned",
                                  computed_at=datetime.now(UTC)))  # fmt: skip
        session.add(ValueChange(id=new_id(), customer_id=customer_id, on=on, measure="stage",
                                old="active", new="churned", recorded_at=datetime.now(UTC)))  # fmt: skip


def test_a_churned_customer_asks_for_a_reason_until_one_is_recorded(db, actor):
    customer = make_customer(db, actor, name="何欣怡")
    assert not churn_state(db, customer.id).needs_reason  # not churned
    _churned(db, customer.id, date(2026, 9, 14))
    state = churn_state(db, customer.id)
    assert (state.churned_on, state.needs_reason) == (date(2026, 9, 14), True)
    record_churn(db, ChurnData(customer.id, "competitor", "去了隔壁店"), actor)
    state = churn_state(db, customer.id)
    assert not state.needs_reason
    assert (state.latest.reason, state.latest.note, state.latest.on, state.latest.source) == (
        "competitor",
        "去了隔壁店",
        date(2026, 9, 14),
        "stage",
    )


def test_marking_a_customer_lost_by_hand_can_plan_a_win_back(db, actor):
    customer = make_customer(db, actor, name="林晓峰")
    recorded = record_churn(db, ChurnData(customer.id, "price", "嫌贵", on=date(2026, 11, 2),
                                          plan_winback=True), actor).value  # fmt: skip
    state = churn_state(db, customer.id)
    assert (state.latest.source, state.latest.on, state.needs_reason) == (
        "hand",
        date(2026, 11, 2),
        False,
    )
    with db.read() as session:
        task = session.get(FollowUp, recorded.follow_up_id)
        assert (task.kind, task.origin_key) == (FollowUpKind.WINBACK, f"winback:{recorded.id}")
        assert task.purpose == "Price: 嫌贵"  # the reason as the team's list names it
    # A screen names the reason in the user's language.
    again = record_churn(db, ChurnData(customer.id, "price", "还是嫌贵", plan_winback=True,
                                       reason_name="价格"), actor).value  # fmt: skip
    with db.read() as session:
        assert session.get(FollowUp, again.follow_up_id).purpose == "价格: 还是嫌贵"


def test_an_unknown_reason_or_a_future_day_is_refused_and_nothing_is_kept(db, actor):
    customer = make_customer(db, actor, name="曾晓燕")
    with pytest.raises(ValidationError):
        record_churn(db, ChurnData(customer.id, "weather"), actor)
    with pytest.raises(ValidationError):
        record_churn(db, ChurnData(customer.id, "price", on=date(2999, 1, 1)), actor)
    with db.read() as session:
        assert session.scalars(select(FollowUp.id)).all() == []
    assert churn_state(db, customer.id).latest is None
