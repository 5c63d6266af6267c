"""Change the value rules: edit, preview who moves between tiers and stages, then apply."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from camdesk.errors import CamdeskError, Cancelled
from camdesk.services.core.context import Actor
from camdesk.services.value.settings import ValueRules
from camdesk.views.background import TaskState, run_read, run_write
from camdesk.views.errors import ERROR_STYLE, show_error
from camdesk.views.i18n import error_text
from camdesk.views.value.panels import fill_table, read_only_table
from camdesk.views.value.rules_form import RulesForm
from camdesk.views.value_names import value_name

if TYPE_CHECKING:
    from camdesk.db import Database
    from camdesk.services.value.preview import Preview


class RulesDialog(QDialog):
    """The team's value rules, changed only after a preview of their effect.

    Signals:
        applied(): the new rules were stored and every customer recomputed.

    Attributes:
        preview: the last preview of the rules as entered (None once they change).
    """

    applied = Signal()

    def __init__(self, *, db: Database, actor: Actor, rules: ValueRules,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("rulesDialog")
        self._db, self._actor = db, actor
        self.preview: Preview | None = None
        self._job: TaskState | None = None
        self.form = RulesForm(self)
        self.form.show_rules(rules)
        self.form.changed.connect(self._on_changed)
        self.summary = QLabel(self)
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        self.moves = read_only_table(self, "previewMoves")
        self.customers = read_only_table(self, "previewCustomers")
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.preview_button = QPushButton(self)
        self.preview_button.setObjectName("previewRules")
        self.preview_button.clicked.connect(self.run_preview)
        self.buttons = QDialogButtonBox(self)
        self.apply_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("applyRules")
        self.apply_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self._cancel)
        tables = QHBoxLayout()
        tables.addWidget(self.moves, 1)
        tables.addWidget(self.customers, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.preview_button)
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.summary)
        layout.addLayout(tables, 1)
        layout.addLayout(bottom)
        self.resize(980, 760)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Value rules"))
        self.preview_button.setText(self.tr("Preview the changes"))
        self.apply_button.setText(self.tr("Apply to every customer"))
        if self.preview is None:
            self.summary.setStyleSheet("")
            self.summary.setText(self.tr(
                "Change the rules, then preview: you will see how many customers move "
                "between tiers and stages, and which, before anything is changed."))  # fmt: skip

    def _on_changed(self) -> None:
        self.preview = None
        self.apply_button.setEnabled(False)
        self.moves.setRowCount(0)
        self.customers.setRowCount(0)
        self._retranslate()

    def _rules(self) -> ValueRules | None:
        try:
            return self.form.rules()
        except ValueError:
            self._problem(self.tr(
                "A tier condition is not valid: a value must be a number, or A, B or C for "
                "the ABC class."))  # fmt: skip
            return None

    def _problem(self, text: str) -> None:
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setText(text)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.form.setEnabled(not busy)
        self.preview_button.setEnabled(not busy)
        if busy:
            self.apply_button.setEnabled(False)

    def _failed(self, exc: BaseException) -> None:
        self._job = None
        self._busy(False)
        if isinstance(exc, Cancelled):
            return
        if isinstance(exc, CamdeskError):
            self._problem(error_text(exc))
        else:
            show_error(self, exc)

    def _moved(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def run_preview(self) -> None:
        """Work out in the background who the rules as entered would move."""
        rules = self._rules()
        if rules is None or self._job is not None:
            return
        db = self._db

        def work(state: TaskState) -> Preview:
            from camdesk.services.value.preview import preview

            return preview(db, rules, progress=state.progress, cancelled=state.cancelled)

        def done(found: Preview) -> None:
            self._job = None
            self._busy(False)
            self.show_preview(found)

        self._busy(True)
        self._job = run_read(work, self, done, self._failed, progress=self._moved)

    def show_preview(self, found: Preview) -> None:
        self.preview = found
        self.apply_button.setEnabled(True)
        locale = QLocale()
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr(
            "As of %1, %2 of %3 customers would change tier and %4 would change stage.")
            .replace("%1", found.as_of.isoformat())
            .replace("%2", locale.toString(sum(found.tiers.values())))
            .replace("%3", locale.toString(found.customers))
            .replace("%4", locale.toString(sum(found.stages.values()))))  # fmt: skip
        what = {"tier": self.tr("Value tier"), "stage": self.tr("Lifecycle stage")}
        rows = [(what[measure], value_name(measure, old) or self.tr("(not valued)"),
                 value_name(measure, new), locale.toString(count))
                for measure, counter in (("tier", found.tiers), ("stage", found.stages))
                for (old, new), count in counter.most_common()]  # fmt: skip
        fill_table(self.moves, [self.tr("What"), self.tr("From"), self.tr("To"),
                                self.tr("Customers")], rows, numeric=(3,))  # fmt: skip
        fill_table(self.customers, [self.tr("Customer"), self.tr("What"), self.tr("From"),
                                    self.tr("To")],
                   [(m.name, what[m.measure], value_name(m.measure, m.old) or "—",
                     value_name(m.measure, m.new)) for m in found.moved])  # fmt: skip

    def apply(self) -> None:
        """Store the previewed rules and recompute everyone (in the background)."""
        rules = self._rules()
        if rules is None or self.preview is None or self._job is not None:
            return
        db, actor, as_of = self._db, self._actor, self.preview.as_of

        def work(state: TaskState) -> object:
            from camdesk.services.value.preview import apply_rules

            return apply_rules(db, rules, actor, as_of=as_of, progress=state.progress,
                               cancelled=state.cancelled)  # fmt: skip

        def done(_summary: object) -> None:
            self._job = None
            self._busy(False)
            self.applied.emit()
            self.accept()

        self._busy(True)
        self._job = run_write(work, self, done, self._failed, progress=self._moved)  # fmt: skip

    def _cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
        else:
            self.reject()
