"""The import wizard: choose a file, check the column mapping, check the rows, import.

Reading the file, the dry run and the import run in the background with
progress and cancel; the mapping is guessed (or remembered for files with the
same headers) and shown beside sample values; problems are listed by row and
column before anything is written, and the rejected rows can be saved as a
workbook to fix and import again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from camdesk.errors import CamdeskError, Cancelled
from camdesk.services.core.context import Actor
from camdesk.services.data import cleaning
from camdesk.services.data.imports import peers
from camdesk.services.data.imports.fields import ImportKind, guess_mapping, targets
from camdesk.services.data.imports.report import (
    LEFT_OUT,
    FieldChange,
    ImportOptions,
    ImportReport,
    OnMatch,
    OwnerPolicy,
    RowProblem,
)
from camdesk.services.data.sheets import Table, read_table, sheet_names
from camdesk.services.feedback.surveys import SurveyInfo
from camdesk.views.background import TaskState, run_read, run_write
from camdesk.views.combo import choose
from camdesk.views.errors import show_error
from camdesk.views.events import AppEvents
from camdesk.views.files import ask_open_file
from camdesk.views.i18n import error_text
from camdesk.views.settings import Settings

if TYPE_CHECKING:
    from camdesk.db import Database

SHOWN_PROBLEMS = 200


def message_text(problem: RowProblem) -> str:
    """What is wrong with a cell, in the UI language."""
    text = QCoreApplication.translate("errors", problem.message)
    text = text.format(**problem.params) if problem.params else text
    if problem.dropped:
        text += " " + QCoreApplication.translate("errors", LEFT_OUT)
    return text


def change_text(change: FieldChange, *, dry_run: bool) -> str:
    """'Row 3, 林晓峰: Name 林晓峰 → 林小峰' in the UI language."""
    from camdesk.views.customers.labels import field_label

    if change.field == "notes":  # a note is added to the contact log, never replaced
        text = (QCoreApplication.translate("ImportWizard", "Row %1, %2: a note will be added: %3")
                if dry_run else
                QCoreApplication.translate("ImportWizard", "Row %1, %2: a note was added: %3"))  # fmt: skip
        note = str(change.new or "")
        note = note if len(note) <= 60 else note[:59] + "…"
        return (
            text.replace("%1", str(change.row)).replace("%2", change.customer).replace("%3", note)
        )
    if dry_run:
        text = QCoreApplication.translate("ImportWizard", "Row %1, %2: %3 will change: %4 → %5")
    else:
        text = QCoreApplication.translate("ImportWizard", "Row %1, %2: %3 changed: %4 → %5")
    shown = [str(change.row), change.customer, field_label(change.field)]
    shown += ["—" if v in (None, "") else str(v) for v in (change.old, change.new)]
    for index, value in enumerate(shown, start=1):
        text = text.replace(f"%{index}", value)
    return text


def problem_text(problem: RowProblem) -> str:
    """'Row 5, 手机: “1.38E+10” lost its last digits …' in the UI language."""
    if problem.column:
        where = QCoreApplication.translate("ImportWizard", "Row %1, %2: %3")
    else:
        where = QCoreApplication.translate("ImportWizard", "Row %1: %3")
    return (where.replace("%1", str(problem.row)).replace("%2", problem.column)
            .replace("%3", message_text(problem)))  # fmt: skip


def _run_import(db: Database, table: Table, options: ImportOptions, actor: Actor,
                state: TaskState) -> ImportReport:  # fmt: skip
    from camdesk.services.data.imports.kinds import importer
    from camdesk.services.data.imports.report import ImportRefused

    try:
        return importer(options.kind)(db, table, options, actor, progress=state.progress,
                                      cancelled=state.cancelled)  # fmt: skip
    except ImportRefused as refused:
        return refused.report


class ImportWizard(QWizard):
    """Bring customers, orders or interactions in from a spreadsheet.

    Attributes:
        table: the sheet read (None until read).
        report: the last dry run's or import's summary.
    """

    def __init__(self, *, db: Database, actor: Actor, settings: Settings, events: AppEvents,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import"))
        self.db, self.actor, self.settings, self.events = db, actor, settings, events
        self.table: Table | None = None
        self.report: ImportReport | None = None
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.run_page = RunPage(self)
        for page in (self.file_page, self.mapping_page, self.check_page, self.run_page):
            self.addPage(page)
        self.resize(820, 560)

    @property
    def kind(self) -> ImportKind:
        return ImportKind(self.file_page.kind.currentData())

    def import_options(self, *, dry_run: bool) -> ImportOptions:
        page = self.check_page
        return ImportOptions(kind=self.kind, mapping=self.mapping_page.mapping(),
                             on_match=OnMatch(page.on_match.currentData()),
                             create_missing=page.create_missing.isChecked(),
                             all_or_nothing=page.all_or_nothing.isChecked(), dry_run=dry_run,
                             owners=OwnerPolicy(page.owners.currentData()),
                             survey=page.survey.currentText().strip(),
                             source=Path(self.file_page.path.text()).name)  # fmt: skip


class FilePage(QWizardPage):
    """The file, its sheet and what it holds; the sheet is read in the background."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(self.tr("Excel (.xlsx, .xls) or CSV; exports from Zoho CRM and FxiaoKe work as they are."))  # fmt: skip
        self.path = QLineEdit(self)
        self.path.setObjectName("importPath")
        self.path.setReadOnly(True)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        self.sheet = QComboBox(self)
        self.sheet.setObjectName("importSheet")
        self.kind = QComboBox(self)
        self.kind.setObjectName("importKind")
        for kind, label in ((ImportKind.CUSTOMERS, self.tr("Customers")),
                            (ImportKind.CONTACTS, self.tr("Contacts of companies")),
                            (ImportKind.ORDERS, self.tr("Orders")),
                            (ImportKind.INTERACTIONS, self.tr("Interactions")),
                            (ImportKind.RESPONSES, self.tr("Survey answers"))):  # fmt: skip
            self.kind.addItem(label, kind.value)
        self.status = QLabel(self)
        self.status.setObjectName("importFileStatus")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.tr("It holds"), self.kind)
        form.addRow(self.status)
        self.sheet.currentIndexChanged.connect(self._read)
        self._reading = 0

    def _browse(self) -> None:
        chosen = ask_open_file(
            self, self.tr("Import from"),
            self.tr("Spreadsheets (*.xlsx *.xls *.ods *.csv *.txt);;All files (*)"),
            settings=self.owner.settings, kind="import")  # fmt: skip
        if chosen is not None:
            self.choose(chosen)

    def choose(self, path: Path) -> None:
        """Use this file: list its sheets and read the first (both in the background)."""
        self.path.setText(str(path))
        self.owner.table = None
        self._reading += 1
        ticket = self._reading
        self.completeChanged.emit()
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.blockSignals(False)
        self.status.setText(self.tr("Reading…"))

        def listed(names: list[str]) -> None:
            if ticket != self._reading:
                return
            self.sheet.blockSignals(True)
            for name in names:
                self.sheet.addItem(name or path.name, name)
            self.sheet.blockSignals(False)
            self.sheet.setEnabled(len(names) > 1)
            self._read()

        run_read(lambda _s: sheet_names(path), self, listed, lambda exc: self._failed(ticket, exc))  # fmt: skip

    def _failed(self, ticket: int, exc: BaseException) -> None:
        if ticket != self._reading:
            return
        if isinstance(exc, CamdeskError):
            self.status.setText(error_text(exc))
        else:
            show_error(self, exc)

    def _read(self) -> None:
        path, sheet = Path(self.path.text()), self.sheet.currentData()
        self._reading += 1
        ticket = self._reading
        self.owner.table = None
        self.status.setText(self.tr("Reading…"))
        self.completeChanged.emit()

        def done(table: Table) -> None:
            if ticket != self._reading:
                return
            self.owner.table = table
            self.status.setText(self.tr("%1 rows, %2 columns (header in row %3).")
                                .replace("%1", f"{len(table.rows):,}")
                                .replace("%2", str(len(table.headers)))
                                .replace("%3", str(table.header_row)))  # fmt: skip
            self.completeChanged.emit()

        run_read(lambda _s: read_table(path, sheet or None), self, done, lambda exc: self._failed(ticket, exc))  # fmt: skip

    def isComplete(self) -> bool:
        return self.owner.table is not None


class MappingPage(QWizardPage):
    """One line per column: its header, sample values, and the field it fills."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr("Columns are matched by their headers; change any that is wrong. A column with no field of its own becomes a new field; columns left on “Do not import” are ignored."))  # fmt: skip
        self.grid = QTableWidget(0, 3, self)
        self.grid.setObjectName("importMapping")
        self.grid.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Sample values"), self.tr("Field")])  # fmt: skip
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.grid.verticalHeader().hide()
        self.grid.setColumnWidth(0, 180)
        self.grid.setColumnWidth(1, 320)
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid)
        self.boxes: list[QComboBox] = []

    def initializePage(self) -> None:
        table = self.owner.table
        assert table is not None
        kind = self.owner.kind
        with_fields = []
        if kind is ImportKind.CUSTOMERS:
            from camdesk.services.customers import custom_fields

            with_fields = [(f.key, f.label) for f in custom_fields.list_fields(self.owner.db)]
        remembered = self.owner.settings.import_mapping(table.headers)
        mapping = remembered or guess_mapping(table.headers, kind, with_fields)
        if kind is ImportKind.CUSTOMERS and not remembered:
            mapping = peers.keep_other_columns(table.headers, table.rows, mapping)
        self.grid.setRowCount(len(table.headers))
        self.boxes = []
        for row, header in enumerate(table.headers):
            samples = [
                cleaning.text(r[row]) or ""
                for r in table.rows[:5]
                if row < len(r) and r[row] is not None
            ]
            for column, text in ((0, header), (1, " | ".join(samples)[:200])):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.grid.setItem(row, column, item)
            box = QComboBox(self.grid)
            if peers.is_system_column(header):
                box.addItem(self.tr("Do not import (the other program's record keeping)"), "")
                box.setToolTip(
                    self.tr(
                        "Who created or changed the record and when, as the "
                        "program it comes from keeps it: not customer data."
                    )
                )
            else:
                box.addItem(self.tr("Do not import"), "")
            if kind is ImportKind.CUSTOMERS:
                box.addItem(
                    self.tr("New field “%1”").replace("%1", header), peers.NEW_FIELD + header
                )
            for target in targets(kind, with_fields):
                label = target.label if target.key.startswith("custom:") else (
                    QCoreApplication.translate("import", target.label))  # fmt: skip
                box.addItem(label, target.key)
            choose(box, mapping.get(header, ""))
            self.grid.setCellWidget(row, 2, box)
            self.boxes.append(box)

    def mapping(self) -> dict[str, str]:
        table = self.owner.table
        assert table is not None
        return {h: b.currentData() for h, b in zip(table.headers, self.boxes, strict=True)
                if b.currentData()}  # fmt: skip

    def validatePage(self) -> bool:
        table = self.owner.table
        assert table is not None
        self.owner.settings.remember_import_mapping(table.headers, self.mapping())
        return bool(self.mapping())


class CheckPage(QWizardPage):
    """Options, and a dry run over every row before anything is written."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Check the rows"))
        self.on_match = QComboBox(self)
        self.on_match.setObjectName("importOnMatch")
        for value, label in ((OnMatch.FILL, self.tr("Fill in what the customer's file leaves empty")),
                             (OnMatch.UPDATE, self.tr("Overwrite the customer's file with the row")),
                             (OnMatch.SKIP, self.tr("Skip the row")),
                             (OnMatch.NEW, self.tr("Import it as a new customer"))):  # fmt: skip
            self.on_match.addItem(label, value.value)
        self.owners = QComboBox(self)
        self.owners.setObjectName("importOwners")
        for policy, label in ((OwnerPolicy.CREATE, self.tr("Create them as users")),
                              (OwnerPolicy.EMPTY, self.tr("Import those customers without an owner")),
                              (OwnerPolicy.REFUSE, self.tr("Do not import those rows"))):  # fmt: skip
            self.owners.addItem(label, policy.value)
        self.unknown_owners = QLabel(self)
        self.unknown_owners.setObjectName("importUnknownOwners")
        self.unknown_owners.setWordWrap(True)
        self.survey = QComboBox(self)
        self.survey.setObjectName("importSurvey")
        self.survey.setEditable(True)  # a new name makes a new survey
        self.survey.setToolTip(self.tr("The survey of answers whose row names none; a name "
                                       "that is not a survey yet makes a new one"))  # fmt: skip
        self.create_missing = QCheckBox(self.tr("Create customers that are not found"), self)
        self.all_or_nothing = QCheckBox(self.tr("Import nothing if any row has a problem"), self)
        self.summary = QLabel(self)
        self.summary.setObjectName("importCheckSummary")
        self.summary.setWordWrap(True)
        self.problems = QListWidget(self)
        self.problems.setObjectName("importProblems")
        self.problems.setWordWrap(True)
        self.progress = QProgressBar(self)
        form = QFormLayout()
        form.addRow(self.tr("Rows matching a customer (code, mobile or email)"), self.on_match)
        form.addRow(self.unknown_owners)
        form.addRow(self.tr("Owners who are not users"), self.owners)
        form.addRow(self.tr("Survey"), self.survey)
        form.addRow(self.create_missing)
        form.addRow(self.all_or_nothing)
        self._owner_rows = (self.unknown_owners, self.owners, form.labelForField(self.owners))
        self._survey_rows = (self.survey, form.labelForField(self.survey))
        self._show_owners({})
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        self.on_match.currentIndexChanged.connect(self._check)
        self.owners.currentIndexChanged.connect(self._check)
        self.create_missing.toggled.connect(self._check)
        self.all_or_nothing.toggled.connect(self._check)
        self.survey.currentTextChanged.connect(lambda _t: self._check())
        self._state: TaskState | None = None
        self._checked = False
        self.setCommitPage(True)  # nothing is written until the user confirms the count
        self._confirm(None)

    def initializePage(self) -> None:
        kind = self.owner.kind
        customers, answers = kind is ImportKind.CUSTOMERS, kind is ImportKind.RESPONSES
        self.on_match.setEnabled(customers)
        self.create_missing.setEnabled(not customers and not answers)
        for widget in self._survey_rows:
            if widget is not None:
                widget.setVisible(answers)
        if answers:
            self._offer_surveys()
        else:
            self._check()

    def _offer_surveys(self) -> None:
        """The surveys there are, then the file's own name as a new one (checked once in)."""
        from camdesk.services.feedback.surveys import list_surveys

        db, text = self.owner.db, self.owner.file_page.path.text()
        path = Path(text) if text else None

        def offered(surveys: list[SurveyInfo]) -> None:
            self.survey.blockSignals(True)
            self.survey.clear()
            for survey in surveys:
                self.survey.addItem(survey.name)
            stem = path.stem if path is not None else ""
            if stem and stem not in [s.name for s in surveys]:
                self.survey.addItem(stem)
            active = next((s.name for s in surveys if s.active), stem)
            self.survey.setCurrentText(active)
            self.survey.blockSignals(False)
            self._check()

        run_read(lambda _s: list_surveys(db), self, offered)

    def _check(self) -> None:
        table = self.owner.table
        if table is None or self.wizard() is None:
            return
        if self._state is not None:
            self._state.cancel()
        self._checked = False
        self.completeChanged.emit()
        self.summary.setText(self.tr("Checking every row…"))
        self.problems.clear()
        options, db, actor = (
            self.owner.import_options(dry_run=True),
            self.owner.db,
            self.owner.actor,
        )

        def done(report: ImportReport) -> None:
            self.owner.report = report
            self.progress.setValue(100)
            self._show_owners(report.unknown_owners)
            show_report(self.summary, self.problems, report, dry_run=True)
            self._confirm(report)
            self._checked = True
            self.completeChanged.emit()

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, Cancelled):  # a newer check replaced this one
                show_error(self, exc)

        self._state = run_read(lambda state: _run_import(db, table, options, actor, state), self, done, failed, progress=lambda n, total: self.progress.setValue(n * 100 // max(total, 1)))  # fmt: skip

    def isComplete(self) -> bool:
        return self._checked

    def _confirm(self, report: ImportReport | None) -> None:
        """The button that imports says how many rows it writes (the check's count)."""
        count = report.created + report.updated if report is not None else 0
        text = self.tr("Import %n row(s)", "", count) if report is not None else self.tr("Import")
        self.setButtonText(QWizard.WizardButton.CommitButton, text)
        if report is not None:
            self.summary.setText(self.summary.text() + "\n" + self.tr(
                "Import %n row(s)? Nothing is written until you click the button below.", "",
                count))  # fmt: skip

    def _show_owners(self, unknown: dict[str, int]) -> None:
        """List the owners the file names who are not users, with their rows."""
        for widget in self._owner_rows:
            if widget is not None:
                widget.setVisible(bool(unknown))
        names = self.tr(", ", "between names in a list").join(
            self.tr("%1 (%n row(s))", "", count).replace("%1", name)
            for name, count in sorted(unknown.items(), key=lambda item: -item[1])
        )  # fmt: skip
        self.unknown_owners.setText(self.tr("Owners in the file who are not users: %1").replace(
            "%1", names))  # fmt: skip


def show_report(
    summary: QLabel, problems: QListWidget, report: ImportReport, *, dry_run: bool
) -> None:
    """Counts in ``summary``, the first problems in ``problems``."""
    if dry_run:
        text = QCoreApplication.translate(
            "ImportWizard", "%1 rows: %2 new, %3 to update, %4 skipped, %5 refused."
        )
    elif report.written:
        text = QCoreApplication.translate(
            "ImportWizard",
            "Done. %1 rows: %2 new, %3 updated, %6 unchanged, %4 skipped, %5 refused.",
        )
    else:
        text = QCoreApplication.translate(
            "ImportWizard", "Nothing was imported: %5 of %1 rows have problems."
        )
    for index, value in enumerate((report.rows, report.created, report.updated, report.skipped,
                                   report.rejected, report.unchanged), start=1):  # fmt: skip
        text = text.replace(f"%{index}", f"{value:,}")
    if report.dropped_values:
        text += " " + QCoreApplication.translate(
            "ImportWizard", "%1 values that cannot be stored are left out (listed below)."
        ).replace("%1", f"{report.dropped_values:,}")  # fmt: skip
    if report.created_customers:
        text += " " + QCoreApplication.translate("ImportWizard", "%1 customers created.").replace(
            "%1", f"{report.created_customers:,}")  # fmt: skip
    summary.setText(text)
    problems.clear()
    ordered = sorted(report.problems, key=lambda p: p.row)
    problems.addItems([problem_text(p) for p in ordered[:SHOWN_PROBLEMS]])
    problems.addItems(
        [change_text(c, dry_run=dry_run) for c in report.field_changes[:SHOWN_PROBLEMS]]
    )
    if len(ordered) > SHOWN_PROBLEMS:
        problems.addItem(QCoreApplication.translate("ImportWizard", "… and %1 more.").replace(
            "%1", f"{len(ordered) - SHOWN_PROBLEMS:,}"))  # fmt: skip


class RunPage(QWizardPage):
    """The import itself, with progress and cancel; then what happened."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Import"))
        self.progress = QProgressBar(self)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.problems = QListWidget(self)
        self.problems.setWordWrap(True)
        self.save_errors = QPushButton(self.tr("Save the rows that were not imported…"), self)
        self.save_errors.setObjectName("saveRejected")
        self.save_errors.clicked.connect(self._save_errors)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.save_errors)
        self._done = False
        self.setFinalPage(True)

    def initializePage(self) -> None:
        self._done = False
        self.save_errors.setEnabled(False)
        self.cancel.setEnabled(True)
        self.summary.setText(self.tr("Importing…"))
        table, options = self.owner.table, self.owner.import_options(dry_run=False)
        db, actor = self.owner.db, self.owner.actor
        assert table is not None

        def done(report: ImportReport) -> None:
            self.owner.report = report
            show_report(self.summary, self.problems, report, dry_run=False)
            self._finish(bool(report.problems))  # what it wrote was announced

        def failed(exc: BaseException) -> None:
            self._finish(False)
            if isinstance(exc, CamdeskError):
                self.summary.setText(error_text(exc) + " " + self.tr("Nothing was imported."))
            else:
                show_error(self, exc)

        state = run_write(lambda s: _run_import(db, table, options, actor, s), self, done, failed, progress=lambda n, total: self.progress.setValue(n * 100 // max(total, 1)))  # fmt: skip
        self.cancel.clicked.connect(lambda: state.cancel())

    def _finish(self, rejected: bool) -> None:
        self._done = True
        self.cancel.setEnabled(False)
        self.progress.setValue(100)
        self.save_errors.setEnabled(rejected)
        self.completeChanged.emit()

    def _save_errors(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save rejected rows"),
                                              "rejected.xlsx", self.tr("Excel workbook (*.xlsx)"))  # fmt: skip
        if path:
            self.write_errors(Path(path))

    def write_errors(self, path: Path) -> None:
        """Write the rejected rows to ``path`` in the background (thousands of rows take a while)."""
        table, report = self.owner.table, self.owner.report
        if table is None or report is None:
            return
        # Messages in the UI language, made here: translating is the GUI thread's work.
        texts = {id(p): message_text(p) for p in report.problems}

        def work(_state: TaskState) -> int:
            from camdesk.services.data.imports.rejected import write_error_workbook

            return write_error_workbook(table, report, path, lambda p: texts[id(p)])

        def done(count: int) -> None:
            self.summary.setText(self.tr("%1 rejected rows saved to %2.")
                                 .replace("%1", f"{count:,}").replace("%2", str(path)))  # fmt: skip

        run_read(work, self, done)

    def isComplete(self) -> bool:
        return self._done
