"""Many new customers at once (an import): the same files as one at a time, and on SQLite
the search rows written on a worker thread meanwhile, with cancel and failures honoured."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from dataclasses import fields

import pytest
from sqlalchemy import func, select

from camdesk.errors import Cancelled
from camdesk.models import ChangeLog, Contact, Customer, CustomerSearch, CustomerTag, CustomValue
from camdesk.services.core import bulk
from camdesk.services.core.changelog import ChangeWriter
from camdesk.services.customers import builder as builder_module
from camdesk.services.customers.builder import NewCustomers
from camdesk.services.customers.custom_fields import define_field
from camdesk.services.customers.files import ContactData, CustomerData, field_infos, get_customer
from camdesk.services.lists.page import ListQuery, count_customers, fetch_page

TABLES = (Customer, CustomerSearch, Contact, CustomerTag, CustomValue, ChangeLog)


def _data(n: int) -> CustomerData:
    """Customers as an import has them: people and companies, some with contacts, tags and
    a searchable custom value."""
    if n % 3 == 0:
        return CustomerData(kind="company", name=f"杭州海纳{n}号科技有限公司",  # type: ignore[arg-type]
                            contacts=(ContactData(name=f"周婷{n}", mobile=f"1390000{n:04d}"),),
                            tags=("VIP", "展会"), custom={"level": "金卡"})  # fmt: skip
    return CustomerData(name=f"林晓峰{n}", mobile=f"1380001{n:04d}", email=f"lin{n}@example.cn",
                        tags=("老客户",) if n % 2 else (), custom={"level": "银卡"})  # fmt: skip


def _checked(db, actor, count: int) -> list[dict]:
    with db.write() as session:
        definitions = {f.key: f for f in field_infos(session)}
        made = NewCustomers(session, ChangeWriter(session, actor, uuid.uuid4()), definitions)
        return [made.check(_data(n)) for n in range(count)]


def _builder(session, actor) -> NewCustomers:
    definitions = {f.key: f for f in field_infos(session)}
    return NewCustomers(session, ChangeWriter(session, actor, uuid.uuid4()), definitions,
                        many=True)  # fmt: skip


def _counts(db) -> dict[str, int]:
    with db.read() as session:
        return {
            m.__tablename__: session.scalar(select(func.count()).select_from(m)) for m in TABLES
        }


def _file(db, ident: uuid.UUID) -> dict:
    record = get_customer(db, ident)
    skip = {"id", "created_at", "updated_at", "last_contact_at"}
    kept = {f.name: getattr(record, f.name) for f in fields(record) if f.name not in skip}
    kept["contacts"] = [(c.name, c.mobile) for c in record.contacts]
    return kept


def _stored(db, ident: uuid.UUID) -> tuple:
    with db.read() as session:
        search = session.execute(select(CustomerSearch.words, CustomerSearch.subs,
                                        CustomerSearch.sort_key)
                                 .where(CustomerSearch.customer_id == ident)).one()  # fmt: skip
        logged = session.execute(select(ChangeLog.table_name, ChangeLog.op, ChangeLog.new)
                                 .where(ChangeLog.row_id == ident)).all()  # fmt: skip
    return tuple(search), sorted(logged, key=str)


@pytest.fixture
def level(db):
    define_field(db, "level", "会员等级", "choice", ("金卡", "银卡"), searchable=True)


def test_many_at_once_store_what_one_at_a_time_store(db, actor, level, monkeypatch):
    monkeypatch.setattr(builder_module, "CHUNK", 4)
    monkeypatch.setattr(builder_module, "PART", 4)  # several parts behind the search rows
    rows = _checked(db, actor, 13)
    with db.write() as session:
        one = _builder(session, actor)
        singly = [one.add(values) for values in rows]
        one.finish()
    with db.write() as session:
        steps: list[int] = []
        together = _builder(session, actor).add_many(rows, step=steps.append)
    assert len(together) == len(set(together)) == 13
    assert steps == sorted(steps) and steps[-1] == 13
    for first, second in zip(singly, together, strict=True):
        assert _file(db, first) == _file(db, second)
        assert _stored(db, first) == _stored(db, second)
    counts = _counts(db)
    assert counts["customer"] == counts["customer_search"] == 26
    assert counts["contact"] == 2 * 5 and counts["custom_value"] == 26
    for query in ("林晓峰7", "linxiaofeng", "周婷9", "13800010004", "金卡"):
        hits = {r.id for r in fetch_page(db, ListQuery(search=query), 0, 50)}
        assert (hits & set(singly)) and len(hits & set(singly)) == len(hits & set(together)), query


def _held_worker(monkeypatch, which: int) -> threading.Event:
    """The ``which``-th worker (from 1) waits for the returned event before it writes: the
    body surely runs while it is busy."""
    go, started = threading.Event(), []

    class Held(threading.Thread):
        def run(self) -> None:
            started.append(self)
            if len(started) == which:
                go.wait(10)
            super().run()

    monkeypatch.setattr(bulk, "Thread", Held)
    return go


@pytest.mark.parametrize(("held", "cancel_at"), [(1, 1), (4, 7)], ids=["keys", "change-log"])
def test_a_cancel_while_the_search_rows_are_written_leaves_the_database_as_it_was(
    db, actor, level, monkeypatch, held, cancel_at
):
    """12 customers in 4 parts of 3: cancelled while the first part's search rows are held
    (the next part's keys being built) or the last part's (the change log being built)."""
    monkeypatch.setattr(builder_module, "CHUNK", 3)
    monkeypatch.setattr(builder_module, "PART", 3)
    go = _held_worker(monkeypatch, held)
    rows = _checked(db, actor, 12)
    before = _counts(db)
    busy = []

    def step(done: int) -> None:
        if done >= cancel_at:
            busy.append(any(t.name == "camdesk-bulk" for t in threading.enumerate()))
            go.set()  # the statement starts: the cancel interrupts it or finds it done
            raise Cancelled()

    with pytest.raises(Cancelled), db.write() as session:
        _builder(session, actor).add_many(rows, step=step)
    go.set()
    assert busy == [db.engine.dialect.name == "sqlite"]  # only SQLite writes behind
    assert _counts(db) == before
    assert not any(t.name == "camdesk-bulk" for t in threading.enumerate())
    with db.write() as session:  # the connection and the search index are sound
        _builder(session, actor).add_many(rows, step=lambda n: None)
    assert count_customers(db, ListQuery(search="林晓峰4")) == 1


def test_a_failure_while_writing_the_search_rows_is_raised_and_rolls_back(
    db, actor, level, monkeypatch
):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("only SQLite writes the search rows on a worker thread")
    monkeypatch.setattr(builder_module, "CHUNK", 3)
    monkeypatch.setattr(builder_module, "PART", 3)
    monkeypatch.setattr(bulk, "_from_stage", lambda *_a: "INSERT INTO customer_search "
                        "(customer_id) VALUES (NULL)")  # fmt: skip
    rows = _checked(db, actor, 9)
    before = _counts(db)
    with pytest.raises(sqlite3.IntegrityError), db.write() as session:
        _builder(session, actor).add_many(rows, step=lambda n: None)
    assert _counts(db) == before
