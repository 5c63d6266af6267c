"""Feedback from the customer file: record a complaint and work it through to closed."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from camdesk.services.core.users import ensure_user
from camdesk.services.feedback.queries import list_feedback, steps_of
from camdesk.views.feedback.dialogs import NewFeedbackDialog, StepDialog
from tests.factories import make_customer


def _dialog(qtbot, kind):
    qtbot.waitUntil(lambda: any(isinstance(w, kind) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=10000)  # fmt: skip
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def test_a_complaint_recorded_from_the_list_is_worked_to_closed_in_the_file(qtbot, controller):
    db, actor = controller.db, controller.actor
    ensure_user(db, "wangfang", "王芳")
    customer = make_customer(db, actor, name="何欣怡")
    page = controller.window.customers
    page.model.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    page.view.selectRow(0)
    file = page.new_feedback()  # Ctrl+Shift+F on the list
    new = _dialog(qtbot, NewFeedbackDialog)
    assert file.current_tab() == "feedback"
    assert "王芳" in [new.assignee.itemText(i) for i in range(new.assignee.count())]
    new.kind.setCurrentIndex(0)  # complaint
    new.severity.setCurrentIndex(1)  # high
    new.category.setCurrentIndex(new.category.findText("Delivery"))
    assert not new.buttons.button(new.buttons.StandardButton.Save).isEnabled()  # what was said?
    new.description.setPlainText("快递把包装压坏了")
    new.buttons.button(new.buttons.StandardButton.Save).click()
    tab = file.feedback
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=10000)
    assert [tab.table.item(0, c).text() for c in (0, 2, 3, 4, 5)] == [
        "FB-1", "Complaint", "High", "Delivery", "New"]  # fmt: skip
    assert file.tabs.tabText(file.tabs.indexOf(tab)) == "Feedback (1)"
    tab.table.selectRow(0)
    assert [n for n, b in tab.buttons.items() if b.isEnabled()] == ["assign", "start"]

    def step(name, fill=None):
        tab.table.selectRow(0)
        tab.buttons[name].click()
        if fill is not None:
            dialog = _dialog(qtbot, StepDialog)
            fill(dialog)
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: tab.table.item(0, 5) is not None
                        and tab.table.item(0, 5).text() == wanted[name], timeout=10000)  # fmt: skip

    wanted = {"assign": "Assigned", "start": "In progress", "resolve": "Resolved",
              "inform": "Customer informed", "close": "Closed", "reopen": "In progress"}  # fmt: skip
    step("assign", lambda d: d.assignee.setCurrentIndex(d.assignee.findText("王芳")))
    step("start")
    step("resolve", lambda d: d.text.setPlainText("补发新品并致歉"))
    step("inform", lambda d: d.text.setPlainText("电话告知，客户满意"))
    step("close")
    tab.table.selectRow(0)
    assert [n for n, b in tab.buttons.items() if b.isEnabled()] == ["reopen"]
    [row] = list_feedback(db, customer_id=customer.id)
    assert (row.status, row.assignee, row.resolution) == ("closed", "王芳", "补发新品并致歉")
    assert [s.to_status for s in steps_of(db, row.id)] == [
        "new", "assigned", "in_progress", "resolved", "informed", "closed"]  # fmt: skip


def test_a_colleagues_step_meanwhile_is_said_and_the_tab_shows_it_as_it_is(qtbot, controller):
    from camdesk.services.feedback.workflow import FeedbackData, Ref, add_feedback, move

    db, actor = controller.db, controller.actor
    customer = make_customer(db, actor, name="林晓峰")
    added = add_feedback(db, FeedbackData(customer.id, "question", "发票怎么开？"), actor).value
    file = controller.window.customers.open_editor(customer.id)
    tab = file.feedback
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=10000)
    move(db, Ref(added.id, 1), "in_progress", actor)  # someone else, elsewhere
    tab.table.selectRow(0)
    tab.buttons["start"].click()
    qtbot.waitUntil(lambda: not tab.error.isHidden(), timeout=10000)
    assert "changed FB-1" in tab.error.text() and "Nothing was overwritten" in tab.error.text()
    qtbot.waitUntil(lambda: tab.table.item(0, 5).text() == "In progress", timeout=10000)


def test_the_file_shows_latest_scores_and_records_why_a_churned_customer_left(qtbot, controller):
    from datetime import UTC, date, datetime

    from camdesk.models import CustomerValue, FollowUp, FollowUpKind, ValueChange, new_id
    from camdesk.services.feedback.churn import churn_state
    from camdesk.services.feedback.surveys import (
        ResponseData,
        SurveyData,
        add_response,
        save_survey,
    )
    from camdesk.views.feedback.churn_dialog import ChurnDialog

    db, actor = controller.db, controller.actor
    customer = make_customer(db, actor, name="曾晓燕")
    survey = save_survey(db, SurveyData("回访", asks_nps=True), actor).value
    add_response(db, ResponseData(customer.id, survey, nps=3, csat=2,
                                  answered_at=datetime(2026, 9, 1, 4, tzinfo=UTC)), actor)  # fmt: skip
    with db.write() as session:  # the lifecycle found them churned
        session.add(CustomerValue(customer_id=customer.id, as_of=date(2026, 11, 30), tier="low",
                                  stage="churned", computed_at=datetime.now(UTC)))  # fmt: skip
        session.add(ValueChange(id=new_id(), customer_id=customer.id, on=date(2026, 10, 2),
                                measure="stage", old="active", new="churned",
                                recorded_at=datetime.now(UTC)))  # fmt: skip
    file = controller.window.customers.open_editor(customer.id)
    tab = file.feedback
    qtbot.waitUntil(lambda: "Latest NPS 3" in tab.standing.text(), timeout=10000)
    assert "latest CSAT 2" in tab.standing.text()
    assert "churned since 2026-10-02" in tab.standing.text()
    assert tab.churn_button.text() == "Why did they leave?…"
    tab.churn_button.click()
    dialog = _dialog(qtbot, ChurnDialog)
    dialog.reason.setCurrentIndex(dialog.reason.findText("Went to a competitor"))
    dialog.note.setPlainText("去了隔壁店")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: "left on 2026-10-02: Went to a competitor" in tab.standing.text(),
                    timeout=10000)  # fmt: skip
    assert tab.churn_button.text() == "Mark as lost…"
    assert churn_state(db, customer.id).latest.note == "去了隔壁店"
    with db.read() as session:  # the win-back follow-up, named in the user's language
        [task] = session.query(FollowUp).filter(FollowUp.kind == FollowUpKind.WINBACK).all()
        assert task.purpose == "Went to a competitor: 去了隔壁店"


def test_survey_answers_recorded_in_the_file_update_the_scores_and_close_the_loop(qtbot,
                                                                                controller):  # fmt: skip
    from sqlalchemy import select

    from camdesk.models import FollowUp
    from camdesk.services.feedback.surveys import SurveyData, responses_of, save_survey
    from camdesk.services.feedback.workflow import FeedbackData, Ref, add_feedback, move
    from camdesk.views.combo import index_of
    from camdesk.views.feedback.response_dialog import ResponseDialog

    db, actor = controller.db, controller.actor
    customer = make_customer(db, actor, name="林晓峰")
    save_survey(db, SurveyData("旧问卷", asks_nps=True, active=False), actor)  # not offered
    save_survey(db, SurveyData("售后回访", asks_csat=True, asks_nps=True,
                               questions=("包装是否完好？",)), actor)  # fmt: skip
    item = add_feedback(db, FeedbackData(customer.id, "complaint", "杯子有裂纹"), actor).value
    version = move(db, Ref(item.id, 1), "in_progress", actor).value
    move(db, Ref(item.id, version), "resolved", actor, resolution="已换新", plan_check=False)
    file = controller.window.customers.open_editor(customer.id)
    tab = file.feedback
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1 and tab.response_button.isEnabled(),
                    timeout=10000)  # fmt: skip
    qtbot.waitUntil(lambda: "No survey answers yet" in tab.standing.text(), timeout=10000)
    tab.response_button.click()
    dialog = _dialog(qtbot, ResponseDialog)
    assert [dialog.survey.itemText(i) for i in range(dialog.survey.count())] == ["售后回访"]
    assert list(dialog.answers) == ["包装是否完好？"]
    dialog.nps.setCurrentIndex(index_of(dialog.nps, 3))
    dialog.csat.setCurrentIndex(index_of(dialog.csat, 2))
    dialog.answers["包装是否完好？"].setText("完好")
    dialog.comment.setPlainText("换货太慢")
    dialog.about.setCurrentIndex(index_of(dialog.about, item.id))  # after the complaint
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: "Latest NPS 3" in tab.standing.text(), timeout=10000)
    assert "latest CSAT 2" in tab.standing.text()
    [answer] = responses_of(db, customer.id)
    assert (answer.nps, answer.csat, answer.comment, answer.answers, answer.feedback_number) == (
        3, 2, "换货太慢", {"包装是否完好？": "完好"}, item.number)  # fmt: skip
    with db.read() as session:  # a detractor: the owner follows up (and the complaint did)
        purposes = session.scalars(select(FollowUp.origin_key)
                                   .where(FollowUp.customer_id == customer.id)).all()  # fmt: skip
    assert any(key.startswith("detractor:") for key in purposes if key)
