"""Loading demo data from the File menu: a size to choose, and a warning when the database
already holds customers (demo ones join them for good)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from camdesk.services.lists.page import count_customers
from camdesk.views.data.demo_dialog import DemoDialog
from tests.factories import make_customer


def _answer(choose) -> None:
    """Act on the demo dialog as soon as it is shown (its exec() waits for the user)."""

    def act() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, DemoDialog) and w.isVisible()), None)  # fmt: skip
        if dialog is None:
            QTimer.singleShot(20, act)
            return
        choose(dialog)

    QTimer.singleShot(0, act)


def test_the_demo_asks_how_much_and_warns_about_the_customers_already_there(qtbot, controller):
    db = controller.db
    make_customer(db, controller.actor, name="何欣怡")
    window = controller.window
    window.customers.model.refresh()
    qtbot.waitUntil(lambda: window.customer_count == 1, timeout=10000)
    seen = {}

    def cancel(dialog: DemoDialog) -> None:
        seen["sizes"] = [dialog.size_box.itemText(i) for i in range(dialog.size_box.count())]
        seen["warning"] = dialog.warning.text()
        dialog.reject()

    _answer(cancel)
    window.demo_action.trigger()
    assert seen["sizes"][0] == "1,000 customers, 10,000 orders"
    assert "already holds 1 customer." in seen["warning"] and "New database" in seen["warning"]
    assert count_customers(db) == 1  # cancelled: nothing added

    def smallest(dialog: DemoDialog) -> None:
        dialog.size_box.setCurrentIndex(0)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    _answer(smallest)
    window.demo_action.trigger()
    qtbot.waitUntil(lambda: count_customers(db) == 1001, timeout=60000)
