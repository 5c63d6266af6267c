"""The lunar birthday on the customer form: typed or filled from the birthday, saved."""

from __future__ import annotations

from datetime import date

from camdesk.services.customers.files import get_customer
from tests.factories import make_customer


def test_the_lunar_birthday_is_filled_from_the_birthday_and_saved(qtbot, controller):
    db, actor = controller.db, controller.actor
    ident = make_customer(db, actor, name="中秋生", birthday=date(1990, 10, 3)).id
    dialog = controller.window.customers.open_editor(ident)
    qtbot.waitUntil(dialog.isEnabled, timeout=10000)
    assert dialog.lunar_birthday.text() == ""
    dialog.lunar_from_birthday.click()
    assert dialog.lunar_birthday.text() == "八月十五"  # 1990-10-03 was 农历八月十五
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save()
    assert get_customer(db, ident).lunar_birthday == "08-15"
    again = controller.window.customers.open_editor(ident)
    qtbot.waitUntil(again.isEnabled, timeout=10000)
    assert again.lunar_birthday.text() == "八月十五" and not again.is_dirty()
    again.lunar_birthday.setText("十三月初一")
    again.save()
    qtbot.waitUntil(lambda: again.errors["lunar_birthday"].isVisible(), timeout=10000)
    assert "not a lunar month and day" in again.errors["lunar_birthday"].text()
