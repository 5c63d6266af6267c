"""Errors a user can act on.

Everything a person can fix (a locked database, a file that is not a camdesk
database, an invalid field, a conflicting edit) raises a subclass of
:class:`CamdeskError`.  Its ``message`` is already the text to show; the GUI
translates it through the ``camdesk.errors`` context and the CLI prints it as
is.  Any other exception is a bug.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from camdesk.i18n import QT_TRANSLATE_NOOP

LIST_SEPARATOR = QT_TRANSLATE_NOOP("errors", ", ")  # between the words of a listed tuple


class Term(str):
    """A word inside a message that is itself translated, e.g. a status ("in progress"):
    the GUI shows it in the UI language (its ``context``), the CLI as the English source."""

    context: str

    def __new__(cls, context: str, text: str) -> Term:
        term = super().__new__(cls, text)
        term.context = context
        return term


class CamdeskError(Exception):
    """Base class of errors with a message meant for the user.

    Attributes:
        message: English source text, with ``{name}`` placeholders.
        params: values for the placeholders.
    """

    message = QT_TRANSLATE_NOOP("errors", "Something went wrong.")

    def __init__(self, message: str | None = None, **params: Any) -> None:
        if message is not None:
            self.message = message
        self.params = params
        super().__init__(self.text())

    def text(self) -> str:
        """The message with its placeholders filled in (a tuple of words as a list)."""
        if not self.params:
            return self.message
        shown = {k: ", ".join(v) if isinstance(v, tuple) else v for k, v in self.params.items()}
        return self.message.format(**shown)


class DatabaseError(CamdeskError):
    """The database cannot be opened or used as it is."""


class NotCamdeskDatabase(DatabaseError):
    message = QT_TRANSLATE_NOOP(
        "errors",
        "{path} is not a camdesk database. Choose a camdesk database file, or create a new one.",
    )


class NewerSchemaError(DatabaseError):
    message = QT_TRANSLATE_NOOP(
        "errors",
        "{path} was written by a newer camdesk (schema {revision}). Update camdesk to open it; the file was not changed.",
    )


class DatabaseLocked(DatabaseError):
    message = QT_TRANSLATE_NOOP(
        "errors",
        "The database is busy: another user or program is writing to it. Wait a moment and try again.",
    )


class DatabaseBusy(DatabaseLocked):  # the file by name, and for how long
    message = QT_TRANSLATE_NOOP(
        "errors",
        "{path} is busy: another program has held it locked for more than {seconds} seconds. Close the other program (or wait for it to finish) and try again.",
    )


class DatabaseDamaged(DatabaseError):
    message = QT_TRANSLATE_NOOP(
        "errors",
        "{path} is a camdesk database, but it is damaged. It was not changed. Open your latest backup, or copy what can still be read into a new file with “camdesk recover --db {path} --to NEW.db”.",
    )


class DatabaseReadOnly(DatabaseError):
    message = QT_TRANSLATE_NOOP(
        "errors",
        "{path} can only be read. Nothing was changed. To change it, get write access to the file and its folder, or copy it somewhere you can write to.",
    )


class DatabaseInterrupted(DatabaseError):
    message = QT_TRANSLATE_NOOP(
        "errors",
        "A save to {path} was interrupted (a crash or power cut left its journal, {journal}). camdesk needs write access to the file and its folder to finish putting it back as it was; until then it cannot be opened. Nothing was changed.",
    )


class DiskFull(DatabaseError):
    message = QT_TRANSLATE_NOOP(
        "errors",
        "The disk holding {path} is full. Nothing was written. Free some space on it and try again.",
    )


class DatabaseUnreadable(DatabaseError):
    message = QT_TRANSLATE_NOOP(
        "errors",
        "{path} cannot be opened: {reason}. Check that the file exists and that you may read it.",
    )


class DatabaseUnreachable(DatabaseError):
    message = QT_TRANSLATE_NOOP("errors", "Cannot connect to the database {url}: {reason}")


@dataclass(frozen=True)
class FieldProblem:
    """One invalid field: which one and why (English source text)."""

    field: str
    message: str
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)

    def text(self) -> str:
        return self.message.format(**self.params) if self.params else self.message


class ValidationError(CamdeskError):
    """One or more fields hold values that cannot be saved.

    Attributes:
        problems: the invalid fields, in form order.
    """

    message = QT_TRANSLATE_NOOP("errors", "Some fields need attention: {fields}.")

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = problems
        super().__init__(fields=", ".join(p.field for p in problems))


class NotFound(CamdeskError):
    message = QT_TRANSLATE_NOOP(
        "errors",
        "This record no longer exists; someone may have deleted it. Refresh the list and try again.",
    )


class ConflictError(CamdeskError):
    """Someone else saved a newer version of the record being saved.

    Attributes:
        theirs: the record as it is now in the database (a plain value object).
        changed_by: display name of whoever saved it.
    """

    message = QT_TRANSLATE_NOOP(
        "errors",
        "{changed_by} changed this customer at {changed_at} while you were editing. Nothing was overwritten: compare both versions and save again.",
    )

    def __init__(self, *, theirs: Any, changed_by: str, changed_at: str) -> None:
        self.theirs = theirs
        super().__init__(changed_by=changed_by, changed_at=changed_at)


class FollowUpChanged(CamdeskError):
    """A follow-up was moved, reassigned or closed by someone else since it was shown."""

    message = QT_TRANSLATE_NOOP(
        "errors",
        "{changed_by} changed the follow-up for {customer} at {changed_at}. Nothing was overwritten: look at it as it is now and try again.",
    )


class FollowUpClosed(CamdeskError):
    """A follow-up someone closed meanwhile: one whole sentence per state, so each
    language says the state in its own words."""

    message = QT_TRANSLATE_NOOP(
        "errors",
        "The follow-up for {customer} is no longer planned; only planned follow-ups can be done, skipped, moved or cancelled.",
    )
    BY_STATUS: ClassVar[dict[str, str]] = {
        "done": QT_TRANSLATE_NOOP(
            "errors",
            "The follow-up for {customer} was already marked done; only planned follow-ups can be done, skipped, moved or cancelled.",
        ),
        "skipped": QT_TRANSLATE_NOOP(
            "errors",
            "The follow-up for {customer} was already skipped; only planned follow-ups can be done, skipped, moved or cancelled.",
        ),
        "cancelled": QT_TRANSLATE_NOOP(
            "errors",
            "The follow-up for {customer} was already cancelled; only planned follow-ups can be done, skipped, moved or cancelled.",
        ),
    }

    def __init__(self, *, customer: str, status: str) -> None:
        self.message = self.BY_STATUS.get(status, type(self).message)
        self.status = status
        super().__init__(customer=customer)


class SurveyChanged(CamdeskError):
    """A survey or a response was changed by someone else since it was shown."""

    message = QT_TRANSLATE_NOOP(
        "errors",
        "{changed_by} changed this survey or response at {changed_at}. Nothing was overwritten: look at it as it is now and try again.",
    )


class FeedbackChanged(CamdeskError):
    """A feedback item was moved or edited by someone else since it was shown."""

    message = QT_TRANSLATE_NOOP(
        "errors",
        "{changed_by} changed FB-{number} at {changed_at}. Nothing was overwritten: look at it as it is now and try again.",
    )


class FeedbackRulesChanged(CamdeskError):
    """The team's feedback settings were changed by someone else since they were shown."""

    message = QT_TRANSLATE_NOOP(
        "errors",
        "{changed_by} changed the feedback settings at {changed_at}. Nothing was overwritten: look at them as they are now and change them again.",
    )


class TagChanged(CamdeskError):
    """A tag was renamed, recoloured, merged or deleted by someone else since it was shown."""

    message = QT_TRANSLATE_NOOP(
        "errors",
        "{changed_by} changed the tag {name} at {changed_at}. Nothing was overwritten: look at the tags as they are now and try again.",
    )


class FieldChanged(CamdeskError):
    """A custom field was changed (or retired) by someone else since it was shown."""

    message = QT_TRANSLATE_NOOP(
        "errors",
        "{changed_by} changed the custom field {label} at {changed_at}. Nothing was overwritten: look at it as it is now and change it again.",
    )


class FieldInUse(CamdeskError):
    """A change to a custom field would leave stored values without their field's meaning."""

    choice = QT_TRANSLATE_NOOP(
        "errors",
        "{label}: {value} is in use (customer files: {count}), so it stays a choice. Retype it on its own line to rename it in those files too, or keep it.",
    )
    kind = QT_TRANSLATE_NOOP(
        "errors",
        "{label} holds values (customer files: {count}), so its type stays as it is. Add a new field of the other type instead.",
    )


class FeedbackStepRefused(CamdeskError):
    """A workflow step feedback cannot take from where it is (``current`` and ``wanted``
    are :class:`Term`s)."""

    message = QT_TRANSLATE_NOOP(
        "errors",
        "FB-{number} is “{current}”: it cannot go to “{wanted}” from there. Next it can be: {allowed}.",
    )


class OrderChanged(CamdeskError):
    """An order was edited or deleted by someone else since it was shown."""

    message = QT_TRANSLATE_NOOP(
        "errors",
        "{changed_by} changed this order at {changed_at}. Nothing was overwritten: look at it as it is now and try again.",
    )


class DuplicateCode(CamdeskError):
    message = QT_TRANSLATE_NOOP("errors", "The customer code {code} is already used by {name}.")


class UndoError(CamdeskError):
    message = QT_TRANSLATE_NOOP(
        "errors", "This change can no longer be undone: the customer was changed since."
    )


class ImportFileError(CamdeskError):
    """A file that cannot be read as a table of data."""

    message = QT_TRANSLATE_NOOP(
        "errors",
        "{path} is not a spreadsheet camdesk can read. Save it as .xlsx, .xls or .csv and try again.",
    )


class PasswordProtected(ImportFileError):
    message = QT_TRANSLATE_NOOP(
        "errors",
        "{path} is protected by a password. Open it in your spreadsheet program, remove the password (or save an unprotected copy) and try again.",
    )


class EmptyFile(ImportFileError):
    message = QT_TRANSLATE_NOOP(
        "errors", "{path} holds no data (sheet {sheet} has no rows). Choose another file or sheet."
    )


class UnknownSheet(ImportFileError):
    message = QT_TRANSLATE_NOOP(
        "errors", "{path} has no sheet named {sheet}. Its sheets are: {sheets}."
    )


class FileMissing(ImportFileError):
    message = QT_TRANSLATE_NOOP(
        "errors", "{path} cannot be read: {reason}. Check the name and that you may read it."
    )


class CannotWriteFile(CamdeskError):
    message = QT_TRANSLATE_NOOP(
        "errors",
        "{path} cannot be written: {reason}. Choose another folder or name; nothing was written.",
    )


class SheetTooLarge(ImportFileError):
    message = QT_TRANSLATE_NOOP(
        "errors",
        "{path} is larger than camdesk imports at once: at most {rows} rows and {columns} columns a sheet. Split it into smaller files (or remove what lies far outside the table, such as a stray cell at the sheet's last row or column) and import them one after the other.",
    )


class CellTooLong(ImportFileError):
    message = QT_TRANSLATE_NOOP(
        "errors",
        "{path} has a cell of more than {limit} characters, which is not a table camdesk can read. Check the file's separators and quotes, or save it from your spreadsheet program as .xlsx.",
    )


class UnknownEncoding(ImportFileError):
    message = QT_TRANSLATE_NOOP(
        "errors",
        "The text of {path} is in an encoding camdesk does not recognise. Save it as CSV UTF-8 and try again.",
    )


class Cancelled(CamdeskError):
    """The user cancelled a long job; it wrote nothing."""

    message = QT_TRANSLATE_NOOP("errors", "Cancelled; nothing was written.")
