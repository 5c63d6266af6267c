"""Reminders: a follow-up coming due shows (a banner without a system tray), opens the
customer, snoozes and comes back when the snooze ends."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import QApplication

from camdesk.services.followups import tasks
from camdesk.services.followups.tasks import Plan
from camdesk.views.background import wait_for_all
from camdesk.views.customers.editor import CustomerFile
from tests.factories import make_customer


def test_a_due_reminder_shows_opens_the_customer_and_snoozes(qtbot, qapp, controller):
    db, actor = controller.db, controller.actor
    window = controller.window
    reminders = window.reminders
    now = datetime.now().astimezone().replace(hour=10, minute=0, second=0, microsecond=0)
    customer = make_customer(db, actor, name="提醒我")
    soon = (now + timedelta(minutes=5)).time()
    tasks.add_follow_up(db, Plan(customer.id, now.date(), due_at_time=soon, purpose="确认送货",
                                 assignee_id=actor.user_id), actor)  # fmt: skip
    with qtbot.waitSignal(reminders.shown, timeout=10000) as shown:
        reminders.check(now)
    assert shown.args[0].customer == "提醒我"
    banner = window.reminder_banner
    assert not banner.isHidden() and "提醒我" in banner.label.text()
    assert "10:05" in banner.label.text() and "确认送货" in banner.label.text()
    reminders.snooze(now)
    assert banner.isHidden()
    reminders.check(now + timedelta(minutes=2))  # still snoozed: nothing new
    wait_for_all()
    qapp.processEvents()
    assert banner.isHidden()
    with qtbot.waitSignal(reminders.shown, timeout=10000):
        reminders.check(now + timedelta(minutes=11))  # the snooze is over
    banner.open_button.click()
    assert banner.isHidden()

    def opened() -> list[CustomerFile]:
        return [w for w in QApplication.topLevelWidgets() + window.findChildren(CustomerFile)
                if isinstance(w, CustomerFile) and w.isVisible()]  # fmt: skip

    qtbot.waitUntil(lambda: bool(opened()), timeout=10000)
    dialog = opened()[0]
    qtbot.waitUntil(dialog.isEnabled, timeout=10000)
    assert dialog.inputs["name"].text() == "提醒我"
