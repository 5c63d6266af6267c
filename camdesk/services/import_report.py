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
from camdesk.services.import_fields import ColumnMap, ImportKind


class OnMatch(StrEnum):
    """What to do with a row that matches an existing customer."""

    UPDATE = "update"
    SKIP = "skip"
    NEW = "new"


@dataclass(frozen=True)
class ImportOptions:
    """How to import.

    Attributes:
        mapping: header -> field key (see :mod:`import_fields`); unmapped columns are ignored.
        on_match: for customer rows matching an existing customer (code, mobile, email).
        create_missing: orders and interactions whose customer is not found create it.
        all_or_nothing: import nothing if any row has a problem.
        dry_run: check and count only; write nothing.
    """

    kind: ImportKind = ImportKind.CUSTOMERS
    mapping: ColumnMap = field(default_factory=dict)
    on_match: OnMatch = OnMatch.UPDATE
    create_missing: bool = False
    all_or_nothing: bool = False
    dry_run: bool = False


@dataclass(frozen=True)
class RowProblem:
    """Why a row was not imported: its row number in the file, column, value and reason."""

    row: int
    column: str
    value: str
    message: str  # English source text, context "errors"
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)

    def text(self) -> str:
        return self.message.format(**self.params) if self.params else self.message


@dataclass
class ImportReport:
    """The summary of an import (or of a dry run: what it would do).

    Attributes:
        rows: data rows read.
        created, updated, skipped: customers (or orders, interactions) by outcome.
        created_customers: customers created for orders or interactions that had none.
        problems: every problem found, in row order; a row may have several.
        written: whether the database was changed.
        change_id: the change-log id of everything written.
    """

    rows: int = 0
    created: int = 0
    updated: int = 0
    skipped: int = 0
    created_customers: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    dry_run: bool = False
    written: bool = False
    change_id: uuid.UUID | None = None

    def add(self, problems: Iterable[RowProblem]) -> None:
        self.problems.extend(problems)

    def stop_before_writing(self, options: ImportOptions) -> bool:
        """After the check: whether to stop here (a dry run).

        Raises:
            ImportRefused: all-or-nothing was asked and some rows have problems.
        """
        if self.problems and options.all_or_nothing:
            raise ImportRefused(self)
        return options.dry_run

    @property
    def rejected_rows(self) -> list[int]:
        """Numbers of the rows that were not imported because of a problem."""
        return sorted({p.row for p in self.problems})

    @property
    def rejected(self) -> int:
        return len(self.rejected_rows)


class ImportRefused(CamdeskError):
    """All-or-nothing was asked and some rows have problems: nothing was imported."""

    message = QT_TRANSLATE_NOOP(
        "errors",
        "{count} rows have problems, so nothing was imported. Fix them (the error list says where) and import again, or import the good rows only.",
    )

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        super().__init__(count=report.rejected)
