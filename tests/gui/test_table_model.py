"""The customer list model: pages, sorting, Qt model rules."""

from __future__ import annotations

from PySide6.QtCore import Qt

from camdesk.services.lists.page import (
    ListQuery,
    SortKey,
    count_customers,
    fetch_page,
    page_anchors,
)
from camdesk.views.background import run_read
from camdesk.views.customers.table_model import CustomerTableModel
from tests.factories import make_customer
from tests.gui.conftest import run_now


def make_model(db, runner=run_now, page_size=100):
    model = CustomerTableModel(
        count=lambda q: count_customers(db, q),
        page=lambda q, offset, limit, anchor: fetch_page(db, q, offset, limit, anchor),
        anchors=lambda q, size: page_anchors(db, q, size),
        runner=runner,
    )
    model.page_size = page_size
    model.anchor_delay_ms = 0
    return model


def test_model_rules_without_data(sqlite_db, qtmodeltester):
    model = make_model(sqlite_db)
    model.set_query(ListQuery())
    qtmodeltester.check(model)


def test_model_rules_with_data(sqlite_db, qtmodeltester):
    from camdesk.services.core.users import local_actor

    actor = local_actor(sqlite_db)
    for n in range(30):
        make_customer(sqlite_db, actor, name=f"客户{n}", tags=("VIP",))
    model = make_model(sqlite_db, page_size=7)
    model.set_query(ListQuery())
    qtmodeltester.check(model)
    assert model.rowCount() == 30


def test_pages_load_on_demand_in_the_background(sqlite_db, qtbot):
    from camdesk.services.core.users import local_actor

    actor = local_actor(sqlite_db)
    for n in range(25):
        make_customer(sqlite_db, actor, name=f"客户{n:02d}")
    model = make_model(sqlite_db, runner=run_read, page_size=10)  # real threads
    with qtbot.waitSignal(model.count_changed, timeout=5000) as blocker:
        model.set_query(ListQuery())
    assert blocker.args == [25]
    assert model.data(model.index(0, 0)) == "客户00"
    assert model.data(model.index(22, 0)) is None  # not loaded yet: asked for, not waited on
    with qtbot.waitSignal(model.dataChanged, timeout=5000):
        pass
    assert model.data(model.index(22, 0)) == "客户22"


def test_sorting_by_a_header_asks_sql(sqlite_db):
    from camdesk.services.core.users import local_actor

    actor = local_actor(sqlite_db)
    for name, city in [("甲", "上海"), ("乙", "北京"), ("丙", "广州")]:
        make_customer(sqlite_db, actor, name=name, city=city)
    model = make_model(sqlite_db)
    model.set_query(ListQuery())
    city = [c.key for c in model.columns].index("city")
    model.sort(city, Qt.SortOrder.DescendingOrder)
    assert model.query.sort is SortKey.CITY and model.query.descending
    assert [model.data(model.index(r, city)) for r in range(3)] == ["广州", "北京", "上海"]
    tags = [c.key for c in model.columns].index("tags")
    model.sort(tags)  # not sortable: nothing changes
    assert model.query.sort is SortKey.CITY


def test_days_since_contact_shows_days_and_sorts_the_longest_first(sqlite_db):
    from datetime import UTC, datetime, timedelta

    from camdesk.services.core.users import local_actor
    from camdesk.services.customers.interactions import log_interaction

    actor = local_actor(sqlite_db)
    now = datetime.now(UTC)
    for name, days in [("近", 2), ("远", 40)]:
        customer = make_customer(sqlite_db, actor, name=name)
        log_interaction(sqlite_db, customer.id, actor, kind="call",
                        occurred_at=now - timedelta(days=days))  # fmt: skip
    make_customer(sqlite_db, actor, name="无")
    model = make_model(sqlite_db)
    model.set_query(ListQuery())
    days = [c.key for c in model.columns].index("contact_days")
    model.sort(days, Qt.SortOrder.AscendingOrder)  # ascending days: the latest contact first
    assert model.query.sort is SortKey.LAST_CONTACT and model.query.descending
    shown = [(model.data(model.index(r, 0)), model.data(model.index(r, days))) for r in range(3)]
    assert shown[:2] == [("近", 2), ("远", 40)]


def test_custom_columns(sqlite_db):
    from camdesk.services.core.users import local_actor
    from camdesk.services.customers.custom_fields import define_field

    actor = local_actor(sqlite_db)
    define_field(sqlite_db, "level", "等级", "text")
    make_customer(sqlite_db, actor, name="甲", custom={"level": "金卡"})
    model = make_model(sqlite_db)
    model.set_custom_columns([("level", "等级")])
    last = model.columnCount() - 1
    assert model.headerData(last, Qt.Orientation.Horizontal) == "等级"
    assert model.data(model.index(0, last)) == "金卡"


def test_resorting_reuses_the_count(sqlite_db):
    from camdesk.services.core.users import local_actor

    actor = local_actor(sqlite_db)
    for name in ("甲", "乙"):
        make_customer(sqlite_db, actor, name=name)
    counted = []

    def count(query):
        counted.append(query)
        return count_customers(sqlite_db, query)

    model = CustomerTableModel(
        count=count, page=lambda q, o, n, a: fetch_page(sqlite_db, q, o, n, a), runner=run_now
    )
    model.page_size = 1  # a full first page: the length is not known without counting
    model.set_query(ListQuery())
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert len(counted) == 1 and model.rowCount() == 2
    model.set_query(ListQuery(search="甲"))
    assert len(counted) == 2 and model.rowCount() == 1


def test_far_pages_use_anchors_and_show_the_same_rows(sqlite_db):
    from camdesk.services.core.users import local_actor

    actor = local_actor(sqlite_db)
    for n in range(30):
        make_customer(sqlite_db, actor, name=f"客户{n:02d}")
    model = make_model(sqlite_db, page_size=7)
    model.set_query(ListQuery())
    assert model._anchors is not None and len(model._anchors) == 5
    names = []
    for row in range(30):
        model.row_at(row)  # asks for the page (answered at once by the synchronous runner)
        names.append(model.data(model.index(row, 0)))
    assert names == [f"客户{n:02d}" for n in range(30)]


def test_first_page_shows_before_the_count_arrives(sqlite_db):
    from camdesk.services.core.users import local_actor

    actor = local_actor(sqlite_db)
    for n in range(12):
        make_customer(sqlite_db, actor, name=f"客户{n:02d}")
    waiting = []

    def later(op, _owner, on_success, on_failure=None, **_):
        waiting.append((op, on_success))

    model = make_model(sqlite_db, runner=later, page_size=5)
    model.set_query(ListQuery())
    op, on_success = waiting.pop(0)
    on_success(op(None))  # the first page arrives
    assert model.rowCount() == 5 and model.data(model.index(0, 0)) == "客户00"
    op, on_success = waiting.pop(0)
    on_success(op(None))  # then the count
    assert model.rowCount() == 12


def test_a_sort_superseded_before_its_page_scan_starts_skips_the_scan(sqlite_db):
    from camdesk.services.core.users import local_actor

    actor = local_actor(sqlite_db)
    for n in range(30):
        make_customer(sqlite_db, actor, name=f"客户{n:02d}")
    queued: list = []  # jobs wait here until run, as in a busy worker thread

    def later(op, _owner, on_success, on_failure=None, **_):
        queued.append((op, on_success))

    scanned: list[ListQuery] = []
    model = CustomerTableModel(
        count=lambda q: count_customers(sqlite_db, q),
        page=lambda q, offset, limit, anchor: fetch_page(sqlite_db, q, offset, limit, anchor),
        anchors=lambda q, size: scanned.append(q) or page_anchors(sqlite_db, q, size),
        runner=later,
    )
    model.page_size, model.anchor_delay_ms = 7, 0

    def run_next() -> None:
        op, on_success = queued.pop(0)
        on_success(op(None))

    model.set_query(ListQuery())
    while not model.counted:  # the first page, then the count, which queues the scan
        run_next()
    assert queued and not scanned
    model.sort(0, Qt.SortOrder.DescendingOrder)  # before the scan of the old order starts
    while queued:
        run_next()
    assert [q.descending for q in scanned] == [True]  # only the newest order was scanned
    assert model._anchors is not None and model.data(model.index(0, 0)) == "客户29"


def test_tier_and_stage_cells_carry_their_colour_and_scores_show(sqlite_db, qtmodeltester):
    from datetime import UTC, date, datetime

    from PySide6.QtGui import QColor

    from camdesk.models import CustomerScore, CustomerValue
    from camdesk.services.core.users import local_actor
    from camdesk.views.palette import STAGE_COLORS, TIER_COLORS

    actor = local_actor(sqlite_db)
    valued = make_customer(sqlite_db, actor, name="何欣怡")
    make_customer(sqlite_db, actor, name="林晓峰")  # not valued yet, never asked
    with sqlite_db.write() as session:
        session.add(CustomerValue(customer_id=valued.id, as_of=date(2026, 11, 30), tier="high",
                                  stage="churned", computed_at=datetime.now(UTC)))  # fmt: skip
        session.add(CustomerScore(customer_id=valued.id, nps=0, csat=1))
    model = make_model(sqlite_db)
    model.set_query(ListQuery())
    qtmodeltester.check(model)
    keys = [c.key for c in model.columns]
    decoration = Qt.ItemDataRole.DecorationRole

    def cell(row, key, role=Qt.ItemDataRole.DisplayRole):
        return model.index(row, keys.index(key)).data(role)

    assert cell(0, "tier", decoration) == QColor(TIER_COLORS["high"])
    assert cell(0, "stage", decoration) == QColor(STAGE_COLORS["churned"])
    assert cell(0, "name", decoration) is None
    assert cell(1, "tier", decoration) is None  # no tier, no colour
    assert (cell(0, "nps"), cell(0, "csat")) == (0, 1)  # a zero is a score
    assert (cell(1, "nps"), cell(1, "csat")) == ("", "")
