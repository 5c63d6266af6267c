"""The value screen: counts for a seeded database, click-through to the list, recompute."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from camdesk.models import CustomerValue
from camdesk.services.core.users import local_actor
from camdesk.services.value.recompute import recompute
from camdesk.views.palette import STAGE_COLORS
from tests.value_seed import AS_OF, seed


def open_value_screen(qtbot, controller, *, computed: bool = True):
    db = controller.window.db
    actor = local_actor(db)
    seed(db, actor)
    if computed:
        recompute(db, actor, as_of=AS_OF)
    window = controller.window
    window.show()
    window.nav.setCurrentRow(window.stack.indexOf(window.value))
    page = window.value
    qtbot.waitUntil(lambda: page.report is not None, timeout=10000)
    return db, window, page


def stored(db, column) -> dict[str, int]:
    with db.read() as session:
        return dict(session.execute(select(column, func.count()).group_by(column)).all())


def test_counts_match_the_database_and_a_bar_click_lists_its_customers(qtbot, controller):
    db, window, page = open_value_screen(qtbot, controller)
    tiers, stages = stored(db, CustomerValue.tier), stored(db, CustomerValue.stage)
    shown = {page.tiers.table.item(r, 0).text(): int(page.tiers.table.item(r, 1).text())
             for r in range(page.tiers.table.rowCount())}  # fmt: skip
    assert shown == {"High value": tiers.get("high", 0), "Mid value": tiers.get("mid", 0),
                     "Low value": tiers.get("low", 0)}  # fmt: skip
    assert page.stages.chart.values == [float(stages.get(s, 0)) for s in
        ("potential", "new", "active", "loyal", "silent", "churned")]  # fmt: skip
    assert "17 customers" in page.status.text() and AS_OF.isoformat() in page.status.text()
    assert "High value: " in page.tiers.chart.tips[0]  # what hovering the bar shows
    # Each bar says its count, and each tier and stage has its colour from the app's palette.
    assert page.tiers.chart.value_labels == [str(tiers.get(t, 0)) for t in ("high", "mid", "low")]
    brushes = page.stages.chart.bars.opts["brushes"]
    assert [b.color().name() for b in brushes] == [STAGE_COLORS[s] for s in
        ("potential", "new", "active", "loyal", "silent", "churned")]  # fmt: skip

    chart = page.stages.chart
    churned = 5
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton,
                     pos=chart.bar_center(churned).toPoint())  # fmt: skip
    customers = window.customers
    qtbot.waitUntil(lambda: window.stack.currentWidget() is customers, timeout=5000)
    assert customers.filters.value_filters["stage"].currentData() == "churned"
    qtbot.waitUntil(lambda: customers.model.rowCount() == stages["churned"], timeout=10000)
    qtbot.waitUntil(lambda: customers.model.data(customers.model.index(0, 0)) == "Dan")


def test_a_segment_row_and_a_pareto_region_list_their_customers(qtbot, controller):
    db, window, page = open_value_screen(qtbot, controller)
    page.tabs.setCurrentIndex(1)
    segments = stored(db, CustomerValue.segment)
    row = next(n for n, r in enumerate(page.segments.rows) if r.count)
    code = page.segments.rows[row].code
    page.segments.table.cellClicked.emit(row, 0)  # as a click on the row's cell
    customers = window.customers
    qtbot.waitUntil(lambda: customers.model.rowCount() == segments[code], timeout=10000)

    window.nav.setCurrentRow(window.stack.indexOf(page))
    page.tabs.setCurrentIndex(2)
    pareto = page.pareto
    qtbot.waitUntil(lambda: pareto.isVisible(), timeout=5000)
    where = pareto.point_to_widget(pareto.bounds[0] / 2, 50).toPoint()
    qtbot.mouseMove(pareto.viewport(), where)
    qtbot.waitUntil(lambda: "class A" in pareto.tip, timeout=5000)
    qtbot.mouseClick(pareto.viewport(), Qt.MouseButton.LeftButton, pos=where)
    classes = stored(db, CustomerValue.abc)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is customers, timeout=5000)
    assert "ABC class: A" in customers.filters.extra_label.text()
    qtbot.waitUntil(lambda: customers.model.rowCount() == classes["A"], timeout=10000)


def test_recompute_from_the_screen_in_the_background(qtbot, controller):
    db, _window, page = open_value_screen(qtbot, controller, computed=False)
    assert "not been computed" in page.status.text()
    page.recompute_button.click()
    assert not page.recompute_button.isEnabled() and page.progress.isVisible()
    today = date.today().isoformat()
    qtbot.waitUntil(lambda: today in page.status.text(), timeout=20000)
    assert page.recompute_button.isEnabled() and not page.progress.isVisible()
    assert sum(r.count for r in page.tiers.rows) == 17
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(CustomerValue)) == 17


def test_customer_file_explains_tier_and_stage_with_their_history(qtbot, controller):
    from camdesk.views.customers.editor import CustomerFile

    db = controller.window.db
    actor = local_actor(db)
    ids = seed(db, actor)
    recompute(db, actor, as_of=AS_OF)
    recompute(db, actor, as_of=date(2025, 7, 1))  # Ann falls silent
    controller.set_language("en")  # as the app starts: English plural forms loaded
    dialog = controller.window.customers.open_editor(ids["Ann"])
    assert isinstance(dialog, CustomerFile)
    qtbot.waitUntil(dialog.isEnabled, timeout=10000)
    tab = dialog.value_tab
    assert dialog.tabs.isTabVisible(dialog.tabs.indexOf(tab))
    assert tab.values["tier"].text() == "High value"
    assert tab.values["tier_reason"].text() == "ABC class = A: this customer has A."
    assert tab.values["stage"].text() == "Silent"
    assert "212 days ago" in tab.values["stage_reason"].text()  # 2024-12-01 to 2025-07-01
    assert "Follow up every 30 day" in tab.values["policy"].text()
    days = tab.values["orders"].text().split(" ")[0]
    assert (
        tab.values["orders"]
        .text()
        .startswith(f"{days} day with an order" if days == "1" else f"{days} days with an order")
    )
    history = [[tab.history.item(r, c).text() for c in range(4)]
               for r in range(tab.history.rowCount())]  # fmt: skip
    assert history[0] == ["2025-07-01", "Lifecycle stage", "Active", "Silent"]
    assert ["2024-12-31", "Value tier", "—", "High value"] in history


def test_changing_a_threshold_previews_then_applies(qtbot, controller):
    from camdesk.services.value.settings import load_rules

    db, _window, page = open_value_screen(qtbot, controller)
    before = stored(db, CustomerValue.stage)
    dialog = page.open_rules()
    form = dialog.form
    assert not dialog.apply_button.isEnabled()
    form.churn_days.setValue(300)  # Dan's last order was 426 days before; more churn now?
    form.silent_days.setValue(100)
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20000)
    seen = dialog.preview
    assert dialog.apply_button.isEnabled() and "would change stage" in dialog.summary.text()
    assert dialog.moves.rowCount() == len(seen.tiers) + len(seen.stages) > 0
    form.loyal.setValue(4)  # any edit invalidates the preview
    assert dialog.preview is None and not dialog.apply_button.isEnabled()
    form.loyal.setValue(5)
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20000)
    seen = dialog.preview
    with qtbot.waitSignal(dialog.applied, timeout=20000):
        dialog.apply_button.click()
    after = stored(db, CustomerValue.stage)
    moved = sum(seen.stages.values())
    assert (
        moved == sum(abs(after.get(s, 0) - before.get(s, 0)) for s in after | before) // 2 or moved
    )
    with db.read() as session:
        assert load_rules(session).stage.churn_days == 300
    qtbot.waitUntil(lambda: page.report is not None and page.report.rules.stage.churn_days == 300,
                    timeout=10000)  # fmt: skip


def test_a_tier_condition_that_makes_no_sense_is_explained(qtbot, controller):
    _db, _window, page = open_value_screen(qtbot, controller)
    dialog = page.open_rules()
    table = dialog.form.conditions[next(iter(dialog.form.conditions))].table
    table.cellWidget(table.rowCount() - 1, 2).setText("lots")
    dialog.preview_button.click()
    assert "not valid" in dialog.summary.text() and dialog.preview is None
    dialog.form.silent_days.setValue(dialog.form.churn_days.value() + 10)
    table.cellWidget(table.rowCount() - 1, 2).setText("13")
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: "fall silent before churning" in dialog.summary.text(), timeout=10000)
    assert dialog.preview is None and not dialog.apply_button.isEnabled()


def test_deleting_a_customer_updates_the_value_figures(qtbot, controller, monkeypatch):
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QMessageBox

    _db, window, page = open_value_screen(qtbot, controller)
    churned = page.report.stages["churned"]
    customers = window.customers
    customers.model.refresh()  # seeded behind its back
    qtbot.waitUntil(lambda: customers.model.rowCount() == 17, timeout=10000)
    row = next(r for r in range(17) if customers.model.data(customers.model.index(r, 0)) == "Dan")
    customers.view.selectionModel().select(
        customers.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    customers.delete_selected()
    window.nav.setCurrentRow(window.stack.indexOf(page))
    qtbot.waitUntil(lambda: page.report.stages["churned"] == churned - 1, timeout=15000)
    assert page.report.customers == 16


def test_a_clv_band_lists_the_customers_predicted_in_it(qtbot, controller):
    db, window, page = open_value_screen(qtbot, controller)
    page.tabs.setCurrentIndex(3)
    chart = page.clv_chart
    qtbot.waitUntil(chart.isVisible, timeout=5000)
    band = next(n for n, (_s, _e, count) in enumerate(page.report.clv_bands) if count)
    start, end, count = page.report.clv_bands[band]
    assert "customers" in chart.tips[band]
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton,
                     pos=chart.bar_center(band).toPoint())  # fmt: skip
    customers = window.customers
    qtbot.waitUntil(lambda: window.stack.currentWidget() is customers, timeout=5000)
    qtbot.waitUntil(lambda: customers.model.rowCount() == count, timeout=10000)
    with db.read() as session:
        top = float("inf") if end is None else end * 100
        clvs = session.scalars(select(CustomerValue.clv).where(CustomerValue.clv.is_not(None)))
        assert count == sum(start * 100 <= c < top for c in clvs)


def test_a_one_day_buyer_is_not_called_certainly_active(qtbot, controller):
    db = controller.window.db
    actor = local_actor(db)
    ids = seed(db, actor)
    recompute(db, actor, as_of=date(2026, 6, 1))  # Bob bought once, in 2024: churned by now
    dialog = controller.window.customers.open_editor(ids["Bob"])
    qtbot.waitUntil(dialog.isEnabled, timeout=10000)
    tab = dialog.value_tab
    assert tab.values["stage"].text() == "Churned"
    text = tab.values["clv"].text()
    assert "cannot be told from a single day" in text and "100%" not in text
    ann = controller.window.customers.open_editor(ids["Ann"])  # a repeat buyer: a figure
    qtbot.waitUntil(ann.isEnabled, timeout=10000)
    assert "probability still active" in ann.value_tab.values["clv"].text()
