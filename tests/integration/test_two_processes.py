"""Two camdesk processes on one database: nobody's edit or import is lost or doubled."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from camdesk.db import open_database
from camdesk.errors import ConflictError
from camdesk.services.core.users import local_actor
from camdesk.services.customers.files import ContactData, as_edited, get_customer, update_customer
from camdesk.services.lists.page import ListQuery, count_customers
from tests.factories import make_customer
from tests.integration.conftest import finish, start_cli, start_python

EDIT_ELSEWHERE = """
import sys, uuid
from camdesk.db import open_database
from camdesk.services.customers.files import ContactData, as_edited, get_customer, update_customer
from camdesk.services.core.users import local_actor
db = open_database(sys.argv[1])
record = get_customer(db, uuid.UUID(sys.argv[2]))
change = {"tags": {"tags": (*record.tags, "展会")},
          "contacts": {"contacts": (*record.contacts, ContactData(name="郑助理"))}}[sys.argv[3]]
update_customer(db, record.id, as_edited(record, **change), expected_version=record.version,
                actor=local_actor(db))
db.close()
"""


@pytest.mark.parametrize("change", ["tags", "contacts"])
def test_a_colleagues_tag_or_contact_is_not_saved_over(target, change):
    db = open_database(target)
    actor = local_actor(db)
    mine = make_customer(db, actor, kind="company", name="海纳科技有限公司", tags=("VIP",),
                         contacts=(ContactData(name="吴经理"),))  # fmt: skip
    code, _out, err = finish(start_python(EDIT_ELSEWHERE, target, str(mine.id), change))
    assert code == 0, err
    theirs = get_customer(db, mine.id)
    with pytest.raises(ConflictError) as caught:
        update_customer(db, mine.id, as_edited(mine, city="上海"),
                        expected_version=mine.version, actor=actor)  # fmt: skip
    assert caught.value.theirs == theirs
    kept = get_customer(db, mine.id)
    assert "展会" in kept.tags if change == "tags" else len(kept.contacts) == 2
    db.close()


def _workbook(path: Path, rows: int, *, codes: bool) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["客户名称", "客户编号", "手机号码"] if codes else ["客户名称", "手机号码"])
    for n in range(rows):
        name, mobile = f"客户{n:05d}", f"139{n:08d}"
        sheet.append([name, f"K{n:05d}", mobile] if codes else [name, mobile])
    book.save(path)
    return path


@pytest.mark.parametrize("codes", [False, True], ids=["without codes", "with codes"])
def test_two_imports_of_one_file_at_once_create_each_customer_once(target, tmp_path, codes):
    rows = 1000
    sheet = _workbook(tmp_path / "customers.xlsx", rows, codes=codes)
    imports = [start_cli("import", "--db", target, str(sheet)) for _ in range(2)]
    results = [finish(p) for p in imports]
    for code, _out, err in results:
        assert code == 0, err
        assert "Traceback" not in err
    db = open_database(target)
    assert count_customers(db, ListQuery()) == rows
    db.close()


def test_piping_the_cli_into_a_reader_that_stops_early_ends_quietly(tmp_path):
    path = str(tmp_path / "many.db")
    assert finish(start_cli("demo", "--db", path, "--customers", "3000", "--orders", "0"))[0] == 0
    find = start_cli("find", "--db", path, "--limit", "3000", "1")
    assert find.stdout is not None
    find.stdout.readline()  # like `| head -1`: read a line, then go away
    find.stdout.close()
    _, err = find.communicate(timeout=60)
    assert find.returncode == 0 and err == "", err


def test_two_colleagues_planning_follow_ups_at_once_plan_each_customer_once(target):
    """`followups plan` in two processes on one database: each customer without a planned
    follow-up gets exactly one, whoever ran first; the other run finds nothing to do."""
    from sqlalchemy import func, select

    from camdesk.models import FollowUp, FollowUpStatus

    made = finish(start_cli("demo", "--db", target, "--customers", "300", "--orders", "600"))
    assert made[0] == 0, made[2]
    planning = [start_cli("followups", "plan", "--db", target) for _ in range(2)]  # at once
    runs = [finish(p) for p in planning]
    for code, _out, err in runs:
        assert code == 0 and "Traceback" not in err, err
    db = open_database(target)
    with db.read() as session:
        planned = session.execute(
            select(FollowUp.customer_id, func.count())
            .where(FollowUp.status == FollowUpStatus.PLANNED, FollowUp.deleted_at.is_(None))
            .group_by(FollowUp.customer_id)
        ).all()  # fmt: skip
    assert len(planned) == count_customers(db, ListQuery()) == 300
    assert {n for _, n in planned} == {1}
    db.close()
