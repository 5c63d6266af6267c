"""Interactions move a customer's last contact without disturbing edits."""

from __future__ import annotations

from datetime import UTC, datetime

from camdesk.services.customers.files import as_edited, get_customer, update_customer
from camdesk.services.customers.interactions import list_interactions, log_interaction
from tests.factories import make_customer


def test_last_contact_follows_the_newest_interaction(db, actor):
    record = make_customer(db, actor)
    newer = datetime(2026, 5, 2, 9, 30, tzinfo=UTC)
    log_interaction(db, record.id, actor, kind="call", occurred_at=newer, subject="回访")
    log_interaction(
        db, record.id, actor, kind="wechat", occurred_at=datetime(2026, 1, 1, tzinfo=UTC)
    )
    assert get_customer(db, record.id).last_contact_at == newer
    assert [i.kind for i in list_interactions(db, record.id)] == ["call", "wechat"]


def test_logging_a_call_does_not_conflict_with_an_open_edit(db, actor):
    record = make_customer(db, actor, city="北京")
    log_interaction(db, record.id, actor, kind="visit", occurred_at=datetime.now(UTC))
    saved = update_customer(
        db, record.id, as_edited(record, city="上海"), expected_version=record.version, actor=actor
    ).value
    assert saved.city == "上海"
