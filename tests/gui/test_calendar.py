"""The follow-up calendar: month counts, the day's agenda, done with an outcome, moved by
keyboard and by drag, overdue and the badge, planning with progress."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialog, QMessageBox

from camdesk.models import FollowUp, FollowUpKind
from camdesk.services.followups import tasks
from camdesk.services.followups.agenda import Scope, day_agenda
from camdesk.services.followups.recurrence import Unit, every
from camdesk.services.followups.tasks import Plan
from camdesk.views.followups.agenda_model import AgendaModel, refs_to_mime
from camdesk.views.followups.dialogs import CompleteDialog
from camdesk.views.followups.month import COUNTS_ROLE, MonthModel
from tests.factories import make_customer

TODAY = date.today()


def _calendar(qtbot, controller):
    window = controller.window
    page = window.calendar
    with qtbot.waitSignal(page.loaded, timeout=10000):
        window.nav.setCurrentRow(window.stack.indexOf(page))
        page.go_to(TODAY)
    return page


def _plan(controller, customer, due, **more):
    return tasks.add_follow_up(
        controller.db, Plan(customer.id, due, **more), controller.actor
    ).value


def _select(table, row=0):
    table.setFocus()
    table.selectRow(row)


def test_the_month_counts_and_the_day_agenda(qtbot, controller):
    customer = make_customer(controller.db, controller.actor, name="孙悦")
    _plan(controller, customer, TODAY, purpose="回访满意度")
    _plan(controller, customer, TODAY, purpose="节日问候", kind=FollowUpKind.CARE)
    page = _calendar(qtbot, controller)
    counts = page.month_model.index_of(TODAY).data(COUNTS_ROLE)
    assert counts == {"return": {"planned": 1}, "care": {"planned": 1}}
    assert sorted(r.purpose for r in page.agenda_model.rows) == ["回访满意度", "节日问候"]
    assert page.agenda_model.data(page.agenda_model.index(0, 1)) == "孙悦"
    assert "2" in page.day_label.text()


def test_completing_from_the_agenda_logs_the_outcome_and_plans_the_next(qtbot, controller, monkeypatch):  # fmt: skip
    from camdesk.services.customers.interactions import list_interactions

    customer = make_customer(controller.db, controller.actor, name="钱多多")
    _plan(controller, customer, TODAY, rule=every(2, Unit.WEEKS, TODAY))
    page = _calendar(qtbot, controller)

    def answer(dialog: CompleteDialog) -> int:
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.outcome.setPlainText("满意，要了新品目录")
        dialog.channel.setCurrentIndex(dialog.channel.findData("wechat"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CompleteDialog, "exec", answer)
    _select(page.agenda)
    assert page.buttons["done"].isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.buttons["done"].click()
    assert (TODAY + timedelta(days=14)).isoformat() in page.status.text()
    (entry,) = list_interactions(controller.db, customer.id)
    assert (entry.kind, entry.outcome) == ("wechat", "满意，要了新品目录")
    assert [r.status for r in page.agenda_model.rows] == ["done"]
    later = day_agenda(controller.db, TODAY + timedelta(days=14))
    assert [(r.customer, r.status) for r in later] == [("钱多多", "planned")]


def test_rescheduling_by_keyboard_and_by_drag(qtbot, controller, monkeypatch):
    customer = make_customer(controller.db, controller.actor, name="李雷")
    ident = _plan(controller, customer, TODAY)
    page = _calendar(qtbot, controller)
    _select(page.agenda)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        qtbot.keyClick(page.agenda, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert page.agenda_model.rows == []
    with controller.db.read() as session:
        assert session.get(FollowUp, ident).due_on == TODAY + timedelta(days=1)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.go_to(TODAY + timedelta(days=1))
    (row,) = page.agenda_model.rows
    target = TODAY + timedelta(days=3)
    drag = page.agenda_model.mimeData([page.agenda_model.index(0, 0)])
    cell = page.month.visualRect(page.month_model.index_of(target)).center()
    drop = QDropEvent(cell.toPointF(), Qt.DropAction.MoveAction, drag,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.month.dropEvent(drop)
    with controller.db.read() as session:
        assert session.get(FollowUp, ident).due_on == target
    assert page.month_model.index_of(target).data(COUNTS_ROLE) == {"return": {"planned": 1}}
    stale = refs_to_mime([tasks.Ref(row.id, row.version)])  # the version before the drag
    drop = QDropEvent(QPoint(cell.x(), cell.y()).toPointF(), Qt.DropAction.MoveAction, stale,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    shown: list[BaseException] = []
    monkeypatch.setattr("camdesk.views.errors.show_error", lambda _parent, exc: shown.append(exc))
    page.month.dropEvent(drop)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert type(shown[0]).__name__ == "FollowUpChanged"  # someone moved it since: refused


def test_the_overdue_list_and_the_badge_follow_the_work(qtbot, controller, monkeypatch):
    actor = controller.actor
    customer = make_customer(controller.db, actor, name="周到")
    _plan(controller, customer, TODAY - timedelta(days=3), assignee_id=actor.user_id)
    _plan(controller, customer, TODAY - timedelta(days=1), assignee_id=actor.user_id)
    page = _calendar(qtbot, controller)
    window = controller.window
    assert len(page.overdue_model.rows) == 2 and page.badge == 2
    row = window.stack.indexOf(page)
    assert window.nav.item(row).text().endswith("(2)")
    assert page.tabs.tabText(1).endswith("(2)")
    page.tabs.setCurrentIndex(1)
    _select(page.overdue, 0)
    page.overdue.selectAll()
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.buttons["cancel"].click()
    assert page.overdue_model.rows == [] and page.badge == 0
    assert window.nav.item(row).text() == "Follow-ups"


def test_planning_shows_progress_and_plans_each_customer_once(qtbot, controller, monkeypatch):
    for n in range(3):
        make_customer(controller.db, controller.actor, name=f"客户{n}")
    page = _calendar(qtbot, controller)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.plan_button.click()
    assert "3" in page.status.text()
    due = TODAY + timedelta(days=180)  # low value, never contacted: an interval after entry
    assert len(day_agenda(controller.db, due)) == 3
    assert page.month_model.counts == {} or due not in page.month_model.counts
    page.plan_button.click()  # nothing changes, so nothing reloads: the status says so
    qtbot.waitUntil(lambda: "nothing new" in page.status.text(), timeout=10000)


def test_filters_narrow_the_calendar_to_a_user_and_a_type(qtbot, controller):
    from camdesk.services.core.users import ensure_user

    other = ensure_user(controller.db, "wang", "王经理")
    customer = make_customer(controller.db, controller.actor)
    _plan(controller, customer, TODAY, assignee_id=controller.actor.user_id)
    _plan(controller, customer, TODAY, assignee_id=other.id, kind=FollowUpKind.CARE)
    controller.window.calendar.attach(controller.db, controller.actor)  # the new user listed
    page = _calendar(qtbot, controller)
    assert page.scope == Scope(assignee=controller.actor.user_id)  # my follow-ups first
    assert len(page.agenda_model.rows) == 1
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.filters.user.setCurrentIndex(1)  # everyone's
    assert len(page.agenda_model.rows) == 2
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.filters.kind.setCurrentIndex(page.filters.kind.findData("care"))
    assert [r.assignee for r in page.agenda_model.rows] == ["王经理"]


def test_models_follow_qt_rules(qtbot, controller, qtmodeltester):
    customer = make_customer(controller.db, controller.actor)
    _plan(controller, customer, TODAY)
    agenda = AgendaModel()
    agenda.set_rows(day_agenda(controller.db, TODAY))
    qtmodeltester.check(agenda)
    month = MonthModel()
    month.show(TODAY, 6)
    qtmodeltester.check(month)


def test_exporting_my_follow_ups_to_a_calendar_file(qtbot, controller, tmp_path):
    from icalendar import Calendar

    customer = make_customer(controller.db, controller.actor, name="吕方")
    _plan(controller, customer, TODAY, purpose="报价", assignee_id=controller.actor.user_id)
    page = _calendar(qtbot, controller)
    path = tmp_path / "mine.ics"
    page.export_ics(path)
    qtbot.waitUntil(lambda: "Wrote 1 follow-up to" in page.status.text(), timeout=10000)
    (event,) = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert str(event["summary"]) == "Return visit: 吕方 · 报价"


def test_planning_birthday_care_from_the_calendar(qtbot, controller, monkeypatch):
    from camdesk.views.followups.care import CareDialog

    soon = TODAY + timedelta(days=10)
    make_customer(controller.db, controller.actor, name="寿星", birthday=soon.replace(year=1980))
    make_customer(controller.db, controller.actor, name="农历寿星", lunar_birthday="腊月初八")
    page = _calendar(qtbot, controller)

    def answer(dialog: CareDialog) -> int:
        assert dialog.birthdays.isChecked() and dialog.purpose.text() == "Birthday care"
        dialog.horizon.setValue(20)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CareDialog, "exec", answer)
    page.care_button.click()
    qtbot.waitUntil(lambda: "Planned" in page.status.text(), timeout=10000)
    with controller.db.read() as session:
        from sqlalchemy import select

        planned = session.execute(select(FollowUp.kind, FollowUp.purpose, FollowUp.origin_key)
                                  .where(FollowUp.origin == "care")).all()  # fmt: skip
    assert [(k.value, p) for k, p, _ in planned] == [("care", "Birthday care")]
    assert planned[0][2] == f"birthday:{soon.isoformat()}"  # 腊月初八 is further than 20 days


def test_a_care_message_is_copied_and_logged_as_sent(qtbot, controller, monkeypatch):
    from PySide6.QtGui import QGuiApplication

    from camdesk.services.customers.interactions import list_interactions
    from camdesk.views.followups.care import MessageDialog

    customer = make_customer(controller.db, controller.actor, name="欧阳娜娜", gender="female")
    _plan(controller, customer, TODAY, kind=FollowUpKind.CARE, purpose="生日关怀")
    page = _calendar(qtbot, controller)
    seen = []

    def answer(dialog: MessageDialog) -> int:
        seen.append(dialog.message)
        dialog.channel.setCurrentIndex(1)  # SMS
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MessageDialog, "exec", answer)
    _select(page.agenda)
    page.buttons["message"].click()
    qtbot.waitUntil(lambda: "Copied" in page.status.text(), timeout=10000)
    assert seen[0].startswith("欧阳女士，祝您生日快乐")
    assert QGuiApplication.clipboard().text() == seen[0]
    (entry,) = list_interactions(controller.db, customer.id)
    assert (entry.kind, entry.subject, entry.notes) == ("sms", "生日关怀", seen[0])
