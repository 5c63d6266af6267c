"""Follow-ups exported as iCalendar and read back as a calendar program reads them."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from icalendar import Calendar

from camdesk.models import FollowUpKind
from camdesk.services.core.users import ensure_user
from camdesk.services.followups import tasks
from camdesk.services.followups.ics import export_ics
from camdesk.services.followups.tasks import Plan, Ref
from tests.factories import make_customer


def test_the_ics_file_reads_back_with_each_planned_follow_up(db, actor, tmp_path):
    other = ensure_user(db, "wang", "王经理")
    customer = make_customer(db, actor, name="林晓峰", code="KH001", mobile="13800138000")
    whole_day = tasks.add_follow_up(db, Plan(customer.id, date(2026, 12, 20), purpose="回访满意度",
                                             assignee_id=actor.user_id), actor).value  # fmt: skip
    timed = tasks.add_follow_up(db, Plan(customer.id, date(2026, 12, 21), FollowUpKind.CARE,
                                         time(9, 30), "生日问候", actor.user_id), actor).value  # fmt: skip
    done = tasks.add_follow_up(db, Plan(customer.id, date(2026, 11, 2),
                                        assignee_id=actor.user_id), actor).value  # fmt: skip
    tasks.complete(db, Ref(done, 1), actor, outcome="ok", at=datetime(2026, 11, 2, 3, tzinfo=UTC))
    tasks.add_follow_up(db, Plan(customer.id, date(2026, 12, 22), assignee_id=other.id), actor)
    path = tmp_path / "mine.ics"
    result = export_ics(
        db, path, assignee=actor.user_id, kind_names={"return": "回访", "care": "关怀"}
    )
    assert result.events == 2
    calendar = Calendar.from_ical(path.read_bytes())
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {f"{whole_day}@camdesk", f"{timed}@camdesk"}  # not the done one
    first = events[f"{whole_day}@camdesk"]
    assert str(first["summary"]) == "回访: 林晓峰 · 回访满意度"
    assert first.decoded("dtstart") == date(2026, 12, 20)
    assert first.decoded("dtend") == date(2026, 12, 21)
    assert "13800138000" in str(first["description"]) and "KH001" in str(first["description"])
    second = events[f"{timed}@camdesk"]
    start = second.decoded("dtstart")
    assert start == datetime.combine(date(2026, 12, 21), time(9, 30)).astimezone()
    assert (second.decoded("dtend") - start).total_seconds() == 1800
    assert str(second["summary"]).startswith("关怀: ")
    everyone = export_ics(db, tmp_path / "all.ics")
    assert everyone.events == 3


def test_a_failed_export_leaves_no_half_file(db, actor, tmp_path, monkeypatch):
    customer = make_customer(db, actor)
    tasks.add_follow_up(db, Plan(customer.id, date(2026, 12, 20)), actor)
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "out.ics"
    path.write_bytes(b"the previous export")

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("camdesk.services.followups.ics.os.replace", full_disk)
    with pytest.raises(OSError):
        export_ics(db, path)
    assert path.read_bytes() == b"the previous export"
    assert [p.name for p in folder.iterdir()] == ["out.ics"]
