"""The team's feedback settings and surveys, changed from the Feedback screen."""

from __future__ import annotations

from PySide6.QtCore import Qt

from camdesk.models import Severity
from camdesk.services.feedback.rules import read_rules
from camdesk.services.feedback.surveys import list_surveys
from tests.gui.test_feedback_list import _open


def _settings(qtbot, page):
    page.open_settings()
    qtbot.waitUntil(lambda: getattr(page, "settings_dialog", None) is not None
                    and page.settings_dialog.isVisible(), timeout=10000)  # fmt: skip
    dialog, page.settings_dialog = page.settings_dialog, None
    return dialog


def test_service_levels_and_categories_are_changed_for_the_team(qtbot, controller):
    page = _open(qtbot, controller)
    dialog = _settings(qtbot, page)
    dialog.hours[Severity.URGENT].setValue(2)
    dialog.check_days.setValue(0)
    table = dialog.categories.table
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert names == ["Product quality", "Delivery", "Price", "Service attitude", "Other"]
    table.item(1, 0).setText("物流配送")  # renamed
    table.item(4, 1).setCheckState(Qt.CheckState.Unchecked)  # "Other" no longer offered
    row = dialog.categories.add_entry("包装破损")
    assert row == 5
    with qtbot.waitSignal(dialog.finished, timeout=10000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    rules = read_rules(controller.db)
    assert (rules.sla_hours[Severity.URGENT], rules.check_after_days) == (2, 0)
    assert [(c.label, c.retired) for c in rules.categories] == [
        ("Product quality", False), ("物流配送", False), ("Price", False),
        ("Service attitude", False), ("Other", True), ("包装破损", False)]  # fmt: skip
    # The list's category filter offers what the team now has (the change reloads it),
    # and still the retired one: old items carry it.
    combo = page.filters.category
    qtbot.waitUntil(lambda: "包装破损" in [combo.itemText(i) for i in range(combo.count())],
                    timeout=10000)  # fmt: skip
    assert "Other" in [combo.itemText(i) for i in range(combo.count())]


def test_a_change_made_meanwhile_is_shown_not_overwritten(qtbot, controller):
    page = _open(qtbot, controller)
    first, second = _settings(qtbot, page), _settings(qtbot, page)
    first.follow_up.setValue(8)
    with qtbot.waitSignal(first.finished, timeout=10000):
        first.buttons.button(first.buttons.StandardButton.Save).click()
    second.follow_up.setValue(48)
    second.buttons.button(second.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not second.error.isHidden(), timeout=10000)
    assert "changed the feedback settings" in second.error.text()
    assert "Nothing was overwritten" in second.error.text()
    assert second.isVisible() and read_rules(controller.db).follow_up_hours == 8
    second.reject()
    # A wrong entry is refused naming the list it is in; nothing is stored.
    third = _settings(qtbot, page)
    third.reasons.add_entry(" ")
    third.buttons.button(third.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not third.error.isHidden(), timeout=10000)
    assert third.error.text() == "Churn reasons: Every entry of the list needs a name."
    assert len(read_rules(controller.db).churn_reasons) == 7


def test_a_survey_is_defined_and_later_no_longer_offered(qtbot, controller):
    page = _open(qtbot, controller)
    page.open_surveys()
    qtbot.waitUntil(lambda: getattr(page, "surveys_dialog", None) is not None
                    and page.surveys_dialog.isVisible(), timeout=10000)  # fmt: skip
    dialog = page.surveys_dialog
    assert dialog.list.count() == 0 and dialog.csat.isChecked() and dialog.nps.isChecked()
    dialog.save_button.click()  # no name yet
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=10000)
    dialog.name.setText("售后回访")
    dialog.nps.setChecked(False)
    dialog.questions.setPlainText("送货速度如何？\n\n包装是否完好？")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=10000)
    [survey] = list_surveys(controller.db)
    assert (survey.name, survey.asks_csat, survey.asks_nps, survey.questions, survey.active) == (
        "售后回访", True, False, ("送货速度如何？", "包装是否完好？"), True)  # fmt: skip
    dialog.active.setChecked(False)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.list.item(0).text() == "售后回访 (not offered)", timeout=10000)
    assert list_surveys(controller.db, active_only=True) == []
