"""One change signal: a write says exactly what it changed, and only screens on view reload."""

from __future__ import annotations

from camdesk.services.core.changes import Changes, Kind
from camdesk.services.customers.files import get_customer
from camdesk.views.events import announce
from tests.factories import make_customer


def test_a_save_announces_its_customer_and_the_action_undo_takes_back(qtbot, controller):
    record = make_customer(controller.db, controller.actor, name="王芳", city="北京")
    page = controller.window.customers
    dialog = page.open_editor(record.id)
    qtbot.waitUntil(dialog.isEnabled, timeout=10000)
    dialog.city.setCurrentText("上海")
    with qtbot.waitSignal(controller.events.changed, timeout=10000) as saved:
        dialog.save()
    changes = saved.args[0]
    assert changes.kinds == Kind.FILES and changes.customers == {record.id}
    assert page._undo_stack == [changes.action]  # the save's own action, not a second read
    with qtbot.waitSignal(controller.events.changed, timeout=10000) as undone:
        page.undo_last()
    assert undone.args[0].customers == {record.id}
    assert get_customer(controller.db, record.id).city == "北京"


def test_an_unchanged_save_announces_nothing_and_offers_no_undo(qtbot, controller):
    record = make_customer(controller.db, controller.actor, name="李四")
    heard: list[Changes] = []
    controller.events.changed.connect(heard.append)
    page = controller.window.customers
    dialog = page.open_editor(record.id)
    qtbot.waitUntil(dialog.isEnabled, timeout=10000)
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save()
    assert heard == [] and page._undo_stack == []


def test_a_hidden_screen_waits_until_it_is_shown(qtbot, controller, monkeypatch):
    window = controller.window
    value = window.value
    window.nav.setCurrentRow(window.stack.indexOf(value))  # seen once: built and read
    qtbot.waitUntil(lambda: value.report is not None, timeout=10000)
    window.nav.setCurrentRow(window.stack.indexOf(window.customers))
    assert not value.isVisible()
    reads: list[int] = []
    monkeypatch.setattr(type(value), "reload", lambda self: reads.append(1))
    announce(Changes.of(Kind.VALUES, None))
    announce(Changes.of(Kind.FILES, [make_customer(controller.db, controller.actor).id]))
    assert reads == [] and value.freshness.stale  # no scan for a screen nobody sees
    announce(Changes.of(Kind.SEGMENTS))  # nothing the value screen shows
    window.nav.setCurrentRow(window.stack.indexOf(value))
    assert reads == [1] and not value.freshness.stale  # once, for both changes
    announce(Changes.of(Kind.VALUES, None))
    assert reads == [1, 1]  # on view: at once
    announce(Changes.of(Kind.SEGMENTS))
    assert reads == [1, 1]


def test_changes_merge_and_name_everyone_when_one_side_does():
    import uuid

    one, two, act = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    both = Changes.of(Kind.FILES, [one]) | Changes.of(Kind.ORDERS, [two], act)
    assert both == Changes(Kind.FILES | Kind.ORDERS, frozenset({one, two}), act)
    assert (both | Changes.of(Kind.VALUES, None)).customers is None
    assert not Changes() and both.touches(Kind.ORDERS) and not both.touches(Kind.VALUES)
