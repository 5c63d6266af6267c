"""Survey answers imported from a questionnaire tool's export: matched to customers by code,
mobile or email, scores read as people write them, never twice, follow-ups only for recent
detractors."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
from sqlalchemy import func, select

from camdesk.models import FollowUp
from camdesk.services.data.imports.customers import ImportOptions
from camdesk.services.data.imports.fields import ImportKind, guess_mapping
from camdesk.services.data.imports.responses import import_responses
from camdesk.services.data.sheets import read_table
from camdesk.services.feedback.scores import scores_of
from camdesk.services.feedback.surveys import SurveyData, list_surveys, responses_of, save_survey
from tests.factories import make_customer

# As 问卷星 exports a return-visit questionnaire (its own columns kept).
HEADER = ["序号", "提交答卷时间", "所用时间", "来源", "1、您的手机号", "2、客户编号",
          "3、您对本次服务的满意度", "4、您向朋友推荐我们的可能性有多大？(0-10分)",
          "5、其他意见和建议"]  # fmt: skip


def _book(tmp_path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    for row in rows:
        book.active.append(row)
    path = tmp_path / "售后回访.xlsx"
    book.save(path)
    return path


def _run(db, actor, path, **options):
    table = read_table(path)
    mapping = guess_mapping(table.headers, ImportKind.RESPONSES)
    return import_responses(db, table, ImportOptions(kind=ImportKind.RESPONSES, mapping=mapping,
                                                     **options), actor)  # fmt: skip


def test_a_questionnaire_export_maps_its_columns():
    mapping = guess_mapping(HEADER, ImportKind.RESPONSES)
    assert mapping == {"提交答卷时间": "answered_at", "1、您的手机号": "mobile",
                       "2、客户编号": "code", "3、您对本次服务的满意度": "csat",
                       "4、您向朋友推荐我们的可能性有多大？(0-10分)": "nps",
                       "5、其他意见和建议": "comment"}  # fmt: skip


def test_answers_find_their_customers_and_import_once(db, actor, tmp_path):
    he = make_customer(db, actor, name="何欣怡", mobile="13800138001")
    lin = make_customer(db, actor, name="林晓峰", code="K-002", mobile=None)
    recent = (datetime.now() - timedelta(days=2)).strftime("%Y-%m-%d %H:%M:%S")
    rows = [
        ["1", "2026-03-02 10:15:00", "95秒", "微信", "138 0013 8001", None, "非常满意", "10", None],
        ["2", recent, "60秒", "微信", None, "K-002", "2", "3分", "等了一周才回复"],
        ["3", "2026-03-05 09:00:00", "30秒", "手机", "13900000000", None, "4", "9", None],
        ["4", "2026-03-06 09:00:00", "30秒", "手机", "13800138001", None, "很好", "8", None],
        ["5", "2026-03-07 09:00:00", "30秒", "手机", "13800138001", None, "4", "12", None],
    ]
    path = _book(tmp_path, rows)
    report = _run(db, actor, path, survey="2026 售后回访")
    assert (report.created, report.skipped) == (2, 0)
    problems = {(p.row, p.column, p.value) for p in report.problems}
    assert problems == {
        (4, "1、您的手机号", "13900000000"),  # nobody has this mobile
        (5, "3、您对本次服务的满意度", "很好"),  # not a score
        (6, "4、您向朋友推荐我们的可能性有多大？(0-10分)", "12"),  # NPS is 0 to 10
    }
    [survey] = list_surveys(db)
    assert (survey.name, survey.asks_csat, survey.asks_nps) == ("2026 售后回访", True, True)
    [answer] = responses_of(db, he.id)
    assert (answer.csat, answer.nps, answer.answered_at) == (
        5,
        10,
        datetime(2026, 3, 2, 10, 15).astimezone().astimezone(UTC),
    )  # local times
    [unhappy] = responses_of(db, lin.id)
    assert (unhappy.csat, unhappy.nps, unhappy.comment) == (2, 3, "等了一周才回复")
    assert (scores_of(db, lin.id).nps, scores_of(db, lin.id).csat) == (3, 2)
    with db.read() as session:  # the recent detractor is followed up; once
        assert session.scalar(select(func.count()).select_from(FollowUp)
                              .where(FollowUp.customer_id == lin.id)) == 1  # fmt: skip
    again = _run(db, actor, path, survey="2026 售后回访")
    assert (again.created, again.skipped) == (0, 2)
    assert len(responses_of(db, he.id)) == 1


def test_old_detractors_are_history_and_a_known_survey_keeps_its_questions(db, actor, tmp_path):
    he = make_customer(db, actor, name="何欣怡", mobile="13800138001")
    save_survey(db, SurveyData("满意度回访", asks_csat=True, asks_nps=False), actor)
    old = (datetime.now() - timedelta(days=200)).strftime("%Y-%m-%d %H:%M")
    path = _book(tmp_path, [["1", old, "9秒", "短信", "13800138001", None, "1", None, "太慢"]])
    report = _run(db, actor, path, survey="满意度回访")
    assert (report.created, report.problems) == (1, [])
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(FollowUp)) == 0
    assert scores_of(db, he.id).csat == 1
    # NPS given for a survey that does not ask it is refused, and said so.
    path = _book(tmp_path, [["1", old, "9秒", "短信", "13800138001", None, None, "9", None]])
    refused = _run(db, actor, path, survey="满意度回访")
    assert refused.created == 0 and refused.problems[0].column.startswith("4、")


def test_without_a_survey_the_rows_say_what_is_missing(db, actor, tmp_path):
    make_customer(db, actor, name="何欣怡", mobile="13800138001")
    path = _book(tmp_path, [["1", "2026-03-02 10:15", "9秒", "短信", "13800138001", None, "4",
                             None, None]])  # fmt: skip
    report = _run(db, actor, path, dry_run=True)
    assert report.created == 0 and "which survey" in report.problems[0].message
