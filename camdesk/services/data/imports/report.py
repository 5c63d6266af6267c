"""What an import is asked to do, and what it did: options, row problems, the summary."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from camdesk.errors import CamdeskError
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.services.core.changes import NOTHING, Changes, Kind
from camdesk.services.data.imports.fields import ColumnMap, ImportKind


class OnMatch(StrEnum):
    """What to do with a row that matches an existing customer."""

    FILL = "fill"  # fill only what the customer's file leaves empty (tags are added)
    UPDATE = "update"  # the row's values replace the stored ones
    SKIP = "skip"
    NEW = "new"


@dataclass(frozen=True)
class FieldChange:
    """What a matched row changes in a customer's file: shown before anything is written."""

    row: int
    customer: str  # the customer's name as stored
    field: str  # a field key ("name", "notes", "tags", "custom:<key>")
    old: Any
    new: Any


class OwnerPolicy(StrEnum):
    """What to do with an owner (负责人) that is not a camdesk user."""

    CREATE = "create"  # make the user, then own the customer
    EMPTY = "empty"  # import the customer without an owner
    REFUSE = "refuse"  # refuse the row


@dataclass(frozen=True)
class ImportOptions:
    """How to import.

    Attributes:
        mapping: header -> field key (see :mod:`import_fields`); unmapped columns are ignored.
        on_match: for customer rows matching an existing customer (code, mobile, email).
        create_missing: orders and interactions whose customer is not found create it.
        all_or_nothing: import nothing if any row has a problem.
        dry_run: check and count only; write nothing.
        owners: for owners that are not users (customer rows).
        strict: a bad cell refuses its whole row; otherwise the row is imported without
            that value, which is reported like a refusal (row, column, value, reason).
        survey: the survey of answers whose row names none (survey answers).
        source: the file's name, for the import history.
    """

    kind: ImportKind = ImportKind.CUSTOMERS
    mapping: ColumnMap = field(default_factory=dict)
    on_match: OnMatch = OnMatch.FILL
    create_missing: bool = False
    all_or_nothing: bool = False
    dry_run: bool = False
    owners: OwnerPolicy = OwnerPolicy.EMPTY
    strict: bool = False
    survey: str = ""
    source: str = ""


@dataclass(frozen=True)
class RowProblem:
    """Why a row was not imported: its row number in the file, column, value and reason."""

    row: int
    column: str
    value: str
    message: str  # English source text, context "errors"
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    dropped: bool = False  # the row was imported without this value

    def text(self) -> str:
        text = self.message.format(**self.params) if self.params else self.message
        return f"{text} {LEFT_OUT}" if self.dropped else text


LEFT_OUT = QT_TRANSLATE_NOOP("errors", "(The row is imported without this value.)")


@dataclass
class ImportReport:
    """The summary of an import (or of a dry run: what it would do).

    Attributes:
        rows: data rows read.
        created, updated, unchanged, skipped: customers (or orders, interactions) by
            outcome; ``unchanged`` rows matched a customer and held nothing new.
        created_customers: customers created for orders or interactions that had none.
        problems: every problem found, in row order; a row may have several. A problem
            marked ``dropped`` cost only its value: the row was imported without it.
        unknown_owners: owners named in the file that are not users, with their row counts.
        field_changes: what the matched rows change, field by field (a dry run: would
            change); a note a row adds to the contact log is a change of "notes".
        notes_added: notes the rows added to their customers' contact logs.
        written: whether the database was changed.
        change_id: the change-log id of everything written.
        kinds: the kinds of data this import writes (customer files; orders, ...).
    """

    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    created_customers: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    unknown_owners: dict[str, int] = field(default_factory=dict)
    field_changes: list[FieldChange] = field(default_factory=list)
    notes_added: int = 0
    dry_run: bool = False
    written: bool = False
    change_id: uuid.UUID | None = None
    kinds: Kind = Kind.FILES

    @property
    def changes(self) -> Changes:
        """What was written: any customer may have changed; the action names them."""
        if not self.written:
            return NOTHING
        return Changes.of(self.kinds, None, self.change_id)

    def add(self, problems: Iterable[RowProblem]) -> None:
        self.problems.extend(problems)

    def stop_before_writing(self, options: ImportOptions) -> bool:
        """After the check: whether to stop here (a dry run).

        Raises:
            ImportRefused: all-or-nothing was asked and some rows have problems.
        """
        if self.problems and options.all_or_nothing:
            raise ImportRefused(self, count=len({p.row for p in self.problems}))
        return options.dry_run

    @property
    def rejected_rows(self) -> list[int]:
        """Numbers of the rows that were not imported because of a problem."""
        return sorted({p.row for p in self.problems if not p.dropped})

    @property
    def dropped_values(self) -> int:
        """Values left out of rows that were imported without them."""
        return sum(1 for p in self.problems if p.dropped)

    @property
    def rejected(self) -> int:
        return len(self.rejected_rows)


class ImportRefused(CamdeskError):
    """All-or-nothing was asked and some rows have problems: nothing was imported."""

    message = QT_TRANSLATE_NOOP(
        "errors",
        "{count} rows have problems, so nothing was imported. Fix them (the error list says where) and import again, or import the good rows only.",
    )

    def __init__(self, report: ImportReport, count: int | None = None) -> None:
        self.report = report
        super().__init__(count=report.rejected if count is None else count)
