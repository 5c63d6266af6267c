"""The command line: exit codes, output shapes, errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from camdesk.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_info_demo_find(tmp_path: Path, capsys):
    db = str(tmp_path / "c.db")
    assert run(capsys, "init", "--db", db)[0] == 0
    code, out, _ = run(capsys, "demo", "--db", db, "--customers", "200", "--orders", "1000")
    assert code == 0 and "200 customers" in out
    code, out, _ = run(capsys, "info", "--db", db, "--json")
    facts = json.loads(out)
    assert facts["counts"]["customers"] == 200
    assert facts["counts"]["orders"] == 1000
    assert facts["schema_revision"] and facts["mode"] == "local"
    code, out, err = run(capsys, "find", "--db", db, "--json", "--limit", "5")
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 5
    assert {"id", "code", "name", "kind", "phones", "email", "company", "city", "owner"} <= set(
        lines[0]
    )
    # An empty query lists customers in the list's default order (by name in pinyin).
    from pypinyin import lazy_pinyin

    keys = ["".join(lazy_pinyin(line["name"].lower())) for line in lines]
    assert keys == sorted(keys)
    code, out, err = run(capsys, "find", "--db", db, lines[0]["name"])
    assert code == 0 and lines[0]["name"] in out and "match" in err


def test_bad_usage_exits_2(tmp_path: Path, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["find", "--limit", "many"])
    assert caught.value.code == 2
    with pytest.raises(SystemExit) as caught:
        main(["demo", "--db", str(tmp_path / "x.db"), "--customers", "-5"])
    assert caught.value.code == 2
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2


def test_user_errors_exit_1_with_one_line(tmp_path: Path, capsys):
    bad = tmp_path / "notes.db"
    bad.write_text("just some notes")
    code, _out, err = run(capsys, "info", "--db", str(bad))
    assert code == 1
    assert err.count("\n") == 1 and "not a camdesk database" in err
    assert "Traceback" not in err
    code, _, err = run(capsys, "find", "--db", str(tmp_path / "missing.db"), "x")
    assert code == 1 and "does not exist" in err


def test_console_script_runs_as_module(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "camdesk", "info", "--db", str(tmp_path / "none.db")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("camdesk: ") and "Traceback" not in result.stderr


@pytest.mark.postgres
def test_cli_accepts_a_postgres_url(postgresql_db, capsys):
    url = postgresql_db.url.render_as_string(hide_password=False)
    code, out, _ = run(capsys, "info", "--db", url, "--json")
    assert code == 0 and json.loads(out)["backend"] == "postgresql"


def test_import_and_export_commands(tmp_path: Path, capsys):
    db = str(tmp_path / "c.db")
    sheet = tmp_path / "in.csv"
    sheet.write_text("姓名,手机,下单日期\n张三,13812345678,\n李四,1.38E+10,\n", encoding="gbk")
    code, out, err = run(capsys, "import", "--db", db, str(sheet), "--dry-run")
    assert code == 0 and out.splitlines()[-1].startswith("2 rows: 2 new, 0 updated, 0 unchanged")
    assert "1 values left out" in out and "dry run: nothing written" in out
    assert "row 3 [手机]" in err and "scientific" in err and "imported without this value" in err
    code, out, err = run(capsys, "import", "--db", db, str(sheet), "--dry-run", "--strict")
    assert code == 1 and "1 new" in out and "1 refused" in out  # a refused row: exit 1
    code, _, err = run(capsys, "import", "--db", db, str(sheet), "--all-or-nothing")
    assert code == 1 and "nothing was imported" in err
    errors = tmp_path / "errors.xlsx"
    code, out, err = run(capsys, "import", "--db", db, str(sheet), "--errors", str(errors))
    assert code == 0 and "2 new" in out and errors.exists()
    code, out, err = run(capsys, "import", "--db", db, str(sheet), "--on-match", "update")
    assert "1 unchanged" in out  # 张三 again, by mobile: nothing new, nothing written
    orders = tmp_path / "orders.csv"
    orders.write_text("手机,下单日期,金额\n13812345678,2025-01-02,99.5\n", encoding="utf-8")
    code, out, _ = run(capsys, "import", "--db", db, str(orders), "--kind", "orders")
    assert code == 0 and "1 new" in out
    out_file = tmp_path / "out.xlsx"
    code, out, _ = run(capsys, "export", "--db", db, str(out_file), "--query", "张三")
    assert code == 0 and "1 customers" in out and out_file.exists()
    code, out, _ = run(capsys, "export", "--db", db, str(tmp_path / "o.csv"), "--kind", "orders")
    assert code == 0 and "1 orders" in out
    zoho = tmp_path / "zoho.xlsx"
    code, out, _ = run(capsys, "export", "--db", db, str(zoho), "--layout", "zoho")
    sheets = openpyxl.load_workbook(zoho)
    written = sum(sheets[name].max_row - 1 for name in ("Contacts", "Accounts"))
    assert code == 0 and f"{written} customers" in out
    assert sheets.sheetnames == ["Contacts", "Accounts"]
    assert [c.value for c in sheets["Contacts"][1]][:3] == [
        "Contact Owner",
        "First Name",
        "Last Name",
    ]
    assert {row[2].value for row in sheets["Contacts"].iter_rows(min_row=2)} == {"张三", "李四"}
    with pytest.raises(SystemExit) as bad:
        main(["export", "--db", db, str(tmp_path / "out.pdf")])
    assert bad.value.code == 2
    code, _, err = run(capsys, "import", "--db", db, str(tmp_path / "missing.xlsx"))
    assert code == 1 and "missing.xlsx" in err and "Traceback" not in err


def test_dedupe_command(tmp_path: Path, capsys):
    db = str(tmp_path / "c.db")
    sheet = tmp_path / "in.csv"
    sheet.write_text("姓名,手机\n张三,13812345678\n张叁,13812345678\n", encoding="utf-8")
    # on-match "new": the second row would otherwise update the first
    assert run(capsys, "import", "--db", db, str(sheet), "--on-match", "new")[0] == 0
    code, out, err = run(capsys, "dedupe", "--db", db, "--json")
    [group] = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and group["score"] == 95 and group["reasons"] == ["mobile"]
    assert sorted(group["names"]) == ["张三", "张叁"] and len(group["ids"]) == 2
    assert "1 groups" in err


def test_followups_and_log_commands(tmp_path: Path, capsys):
    from datetime import date

    from icalendar import Calendar

    from camdesk.db import open_database
    from camdesk.services.core.users import local_actor
    from tests.factories import make_customer

    db_path = str(tmp_path / "f.db")
    db = open_database(db_path)
    make_customer(db, local_actor(db), name="陈晨", code="KH100")
    make_customer(db, local_actor(db), name="刘柳", code="KH101")
    db.close()
    code, out, _ = run(capsys, "followups", "plan", "--db", db_path, "--dry-run", "--json")
    assert code == 0 and json.loads(out) == {"planned": 2, "dry_run": True, "return": 2,
                                             "wake": 0, "winback": 0}  # fmt: skip
    today = date.today()
    code, out, _ = run(capsys, "followups", "add", "--db", db_path, "--customer", "KH100",
                       "--due", today.isoformat(), "--type", "care", "--every", "1m",
                       "--purpose", "月度关怀")  # fmt: skip
    assert code == 0
    ident = out.strip()
    code, out, _ = run(capsys, "followups", "plan", "--db", db_path)
    assert code == 0 and "planned 1 follow-ups" in out  # KH100 has one already
    code, out, _ = run(capsys, "followups", "due", "--db", db_path, "--json")
    due = [json.loads(line) for line in out.splitlines()]
    assert [(d["code"], d["type"], d["purpose"]) for d in due] == [("KH100", "care", "月度关怀")]
    code, out, _ = run(capsys, "followups", "done", ident, "--db", db_path, "--outcome", "已问候",
                       "--channel", "wechat")  # fmt: skip
    assert code == 0 and "next on" in out
    code, out, _ = run(capsys, "followups", "done", ident, "--db", db_path, "--outcome", "again")
    assert code == 1  # done already: refused with its reason, one line
    code, out, _ = run(capsys, "followups", "due", "--db", db_path, "--days", "400")
    lines = out.splitlines()  # the series' next month for 陈晨, the return visit for 刘柳
    assert len(lines) == 2 and "月度关怀" in lines[0] and "刘柳" in lines[1]
    ics = tmp_path / "f.ics"
    code, out, _ = run(capsys, "followups", "export-ics", str(ics), "--db", db_path)
    assert code == 0 and len(Calendar.from_ical(ics.read_bytes()).walk("VEVENT")) == 2
    code, out, _ = run(capsys, "log", "--db", db_path, "--customer", "KH101", "--channel", "wechat",
                       "--summary", "发了新品图")  # fmt: skip
    assert code == 0
    for argv, says in ((["log", "--db", db_path, "--customer", "NOPE", "--summary", "x"],
                        "no customer has the code"), (["followups", "--db", db_path], "say what to do")):  # fmt: skip
        with pytest.raises(SystemExit) as caught:
            main(argv)
        assert caught.value.code == 2 and says in capsys.readouterr().err


def test_feedback_commands_take_a_complaint_from_new_to_closed(tmp_path: Path, capsys):
    from camdesk.db import open_database
    from camdesk.services.core.users import ensure_user, local_actor
    from tests.factories import make_customer

    db_path = str(tmp_path / "fb.db")
    db = open_database(db_path)
    make_customer(db, local_actor(db), name="何欣怡", code="KH200")
    ensure_user(db, "wangfang", "王芳")
    db.close()
    code, out, _ = run(capsys, "feedback", "add", "--db", db_path, "--customer", "KH200",
                       "--type", "complaint", "--severity", "urgent", "--category", "delivery",
                       "--channel", "wechat", "--description", "快递把包装压坏了")  # fmt: skip
    assert code == 0 and out.startswith("FB-1  due ")
    code, out, err = run(capsys, "feedback", "move", "FB-1", "--db", db_path, "--to", "closed")
    assert code == 1 and "cannot go to “closed”" in err  # refused with its reason, one line
    for to, extra in [("assigned", ["--user", "王芳"]), ("in_progress", []),
                      ("resolved", ["--resolution", "补发新品"]),
                      ("informed", ["--note", "电话告知"]), ("closed", [])]:  # fmt: skip
        code, out, err = run(capsys, "feedback", "move", "fb-1", "--db", db_path, "--to", to,
                             *extra)  # fmt: skip
        assert (code, out.strip()) == (0, f"FB-1: {to}"), err
    code, out, _ = run(capsys, "feedback", "list", "--db", db_path, "--json")
    [listed] = [json.loads(line) for line in out.splitlines()]
    assert (listed["number"], listed["status"], listed["assignee"], listed["resolution"]) == (
        "FB-1", "closed", "王芳", "补发新品")  # fmt: skip
    code, out, _ = run(capsys, "feedback", "list", "--db", db_path, "--open")
    assert (code, out) == (0, "")
    code, _out, err = run(capsys, "feedback", "move", "FB-9", "--db", db_path, "--to", "closed")
    assert code == 1 and "no longer exists" in err


def test_report_trends_prints_and_writes_the_monthly_figures(tmp_path: Path, capsys):
    from datetime import UTC, datetime

    from openpyxl import load_workbook

    from camdesk.db import open_database
    from camdesk.services.core.users import local_actor
    from camdesk.services.feedback.surveys import (
        ResponseData,
        SurveyData,
        add_response,
        save_survey,
    )
    from camdesk.services.feedback.workflow import FeedbackData, add_feedback
    from tests.factories import make_customer

    db_path = str(tmp_path / "trends.db")
    db = open_database(db_path)
    actor = local_actor(db)
    customer = make_customer(db, actor, name="何欣怡", code="KH300")
    survey = save_survey(db, SurveyData("回访", asks_nps=True), actor).value
    now = datetime.now(UTC)
    for nps in (10, 9, 2):
        add_response(db, ResponseData(customer.id, survey, nps=nps, answered_at=now), actor)
    add_feedback(db, FeedbackData(customer.id, "complaint", "少发一件", category="delivery"), actor)
    db.close()
    month = f"{now.astimezone():%Y-%m}"
    xlsx = tmp_path / "trends.xlsx"
    code, out, err = run(capsys, "report", "trends", "--db", db_path, "--from", month, "--to",
                         month, "--json", "--xlsx", str(xlsx))  # fmt: skip
    assert code == 0, err
    figures = json.loads(out.splitlines()[-1])
    [row] = figures["months"]
    assert (row["month"], row["nps"], row["nps_responses"], row["received"]) == (
        month,
        33.3,
        3,
        1,
    )  # (2 promoters - 1 detractor) / 3
    assert figures["categories"] == [{"category": "delivery", "items": 1, "median_hours": None}]
    sheet = list(load_workbook(xlsx, read_only=True)["Months"].iter_rows(values_only=True))
    assert sheet[1][0] == month and sheet[1][5] == 33.3
    code, out, _ = run(capsys, "report", "trends", "--db", db_path, "--from", month)
    assert code == 0 and month in out and "delivery" in out
    for wrong, said in ((["--segment", "没有"], "no segment is called"),
                        (["--from", "March"], "--from must be a month")):  # fmt: skip
        with pytest.raises(SystemExit) as stop:
            main(["report", "trends", "--db", db_path, *wrong])
        assert stop.value.code == 2 and said in capsys.readouterr().err


def test_imports_are_listed_and_one_is_undone(tmp_path: Path, capsys):
    db = str(tmp_path / "c.db")
    sheet = tmp_path / "名单.csv"
    sheet.write_text("姓名,手机\n张三,13812345678\n李四,13912345678\n", encoding="utf-8")
    code, _, _ = run(capsys, "import", "--db", db, str(sheet))
    assert code == 0
    code, out, _ = run(capsys, "imports", "list", "--db", db, "--json")
    [listed] = [json.loads(line) for line in out.splitlines()]
    assert (listed["file"], listed["rows"], listed["created"], listed["undone_at"]) == (
        "名单.csv", 2, 2, None)  # fmt: skip
    code, out, _ = run(capsys, "imports", "undo", "--db", db, listed["id"][:8])
    assert code == 0 and "import undone; 0 changes kept" in out
    code, out, _ = run(capsys, "find", "--db", db, "张三")
    assert "张三" not in out
    code, out, _ = run(capsys, "imports", "list", "--db", db)
    assert "undone" in out and "名单.csv" in out
    code, _, err = run(capsys, "imports", "undo", "--db", db, listed["id"])
    assert code == 1 and "undone already" in err
