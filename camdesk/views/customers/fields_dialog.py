"""Settings > Custom fields: the business's own fields on the customer files.

Choose a field to change it, or start a new one; each is saved on its own, as the
surveys are.  A choice edited on its line is renamed, in the files holding it too (an
undoable action).  Up and Down set the order the file and the list show them in; Retire
takes one out of the files (its values are kept).  When a field's values enter or leave
the search, the customers holding them are searched anew behind a progress dialog.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.services.core.changes import Changes, Kind, Written
from camdesk.services.core.context import Actor
from camdesk.services.customers.custom_fields import FieldInfo
from camdesk.services.customers.field_settings import FieldDraft, FieldSaved
from camdesk.views.background import TaskState, run_write, write_with_progress
from camdesk.views.combo import choose
from camdesk.views.form_parts import error_line, named_button, say_refusal

if TYPE_CHECKING:
    from camdesk.db import Database

KINDS = (
    ("text", QT_TRANSLATE_NOOP("fields", "Text")),
    ("number", QT_TRANSLATE_NOOP("fields", "Number")),
    ("date", QT_TRANSLATE_NOOP("fields", "Date")),
    ("choice", QT_TRANSLATE_NOOP("fields", "Choice")),
)
SEARCHABLE = ("text", "choice")


def renamed_in_place(before: Sequence[str], after: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """The choices edited on their own line: the old text is gone from ``after`` and the
    new one was not in ``before`` (a line deleted and another added elsewhere is not)."""
    return tuple((old, new) for old, new in zip(before, after, strict=False)
                 if old != new and old not in after and new not in before)  # fmt: skip


def kind_name(kind: str) -> str:
    return next((QCoreApplication.translate("fields", label) for k, label in KINDS if k == kind),
                kind)  # fmt: skip


class FieldsDialog(QDialog):
    """Define the custom fields.

    Attributes:
        fields: the live fields as stored (after every save), in their order.
    """

    def __init__(self, *, db: Database, actor: Actor, fields: list[FieldInfo],
                 undoable: Callable[[uuid.UUID, str], None] | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("fieldsDialog")
        self._db, self._actor, self._undoable = db, actor, undoable
        self.fields = fields
        self.list = QListWidget(self)
        self.list.setObjectName("fieldList")
        self.list.currentRowChanged.connect(self._chosen)
        self.new_button = named_button(self, "newField", self.start_new)
        self.up_button = named_button(self, "fieldUp", lambda: self.move_field(-1))
        self.down_button = named_button(self, "fieldDown", lambda: self.move_field(1))
        self.retire_button = named_button(self, "retireField", self.retire)
        self.label = QLineEdit(self)
        self.label.setObjectName("fieldLabel")
        self.label.setMaxLength(100)
        self.kind = QComboBox(self)
        self.kind.setObjectName("fieldKind")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.choices = QPlainTextEdit(self)
        self.choices.setObjectName("fieldChoices")
        self.choices.setTabChangesFocus(True)
        self.choices_label = QLabel(self)
        self.required = QCheckBox(self)
        self.required.setObjectName("fieldRequired")
        self.searchable = QCheckBox(self)
        self.searchable.setObjectName("fieldSearchable")
        self.in_list = QCheckBox(self)
        self.in_list.setObjectName("fieldInList")
        self.save_button = named_button(self, "saveField", self.save)
        self.error = error_line(self)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("fieldOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        self._build()
        self.retranslate()
        self.resize(720, 460)
        self._fill(None)

    def _build(self) -> None:
        self.form = QFormLayout()
        self.name_label, self.kind_label = QLabel(self), QLabel(self)
        self.form.addRow(self.name_label, self.label)
        self.form.addRow(self.kind_label, self.kind)
        self.form.addRow(self.choices_label, self.choices)
        for box in (self.required, self.searchable, self.in_list):
            self.form.addRow("", box)
        right = QVBoxLayout()
        right.addLayout(self.form, 1)
        right.addWidget(self.error)
        right.addWidget(self.outcome)
        right.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        order = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.retire_button):
            order.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(order)
        left.addWidget(self.new_button)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Custom fields"))
        self.new_button.setText(self.tr("New field"))
        self.up_button.setText(self.tr("Up"))
        self.down_button.setText(self.tr("Down"))
        self.retire_button.setText(self.tr("Retire…"))
        self.name_label.setText(self.tr("Name"))
        self.kind_label.setText(self.tr("Type"))
        self.choices_label.setText(self.tr("Choices"))
        self.choices.setPlaceholderText(self.tr("One choice per line"))
        self.choices.setToolTip(self.tr(
            "One choice per line. Edit a choice on its line to rename it: the files holding "
            "it are renamed with it."))  # fmt: skip
        self.required.setText(self.tr("Required when a file is saved"))
        self.searchable.setText(self.tr("Found by the search box"))
        self.in_list.setText(self.tr("Shown as a column of the customer list"))
        self.save_button.setText(self.tr("Save field"))
        kind = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        for code, label in KINDS:
            self.kind.addItem(QCoreApplication.translate("fields", label), code)
        self.kind.blockSignals(False)
        choose(self.kind, kind or "text")
        for row, field in enumerate(self.fields[: self.list.count()]):
            self.list.item(row).setText(self._item_text(field))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ showing

    def _fill(self, chosen: object) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for field in self.fields:
            item = QListWidgetItem(self._item_text(field))
            item.setData(Qt.ItemDataRole.UserRole, field.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((i for i, f in enumerate(self.fields) if f.id == chosen), -1)
        if row < 0 and self.fields and chosen is None:
            row = 0
        if row >= 0:
            self.list.setCurrentRow(row)
            self._chosen(row)
        else:
            self.start_new()

    def _item_text(self, field: FieldInfo) -> str:
        notes = [kind_name(field.kind)]
        if field.required:
            notes.append(self.tr("required"))
        if field.searchable:
            notes.append(self.tr("searchable"))
        return f"{field.label}  ({', '.join(notes)})"

    def current(self) -> FieldInfo | None:
        """The field being changed (None: a new one)."""
        row = self.list.currentRow()
        return self.fields[row] if 0 <= row < len(self.fields) else None

    def _chosen(self, row: int) -> None:
        if 0 <= row < len(self.fields):
            self._show(self.fields[row])
        self._enable()

    def _show(self, field: FieldInfo | None) -> None:
        self.label.setText(field.label if field else "")
        choose(self.kind, field.kind if field else "text")
        self.choices.setPlainText("\n".join(field.choices) if field else "")
        self.required.setChecked(bool(field and field.required))
        self.searchable.setChecked(bool(field and field.searchable))
        self.in_list.setChecked(bool(field and field.show_in_list))
        self._kind_changed()
        self.error.hide()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.choices.setVisible(kind == "choice")
        self.choices_label.setVisible(kind == "choice")
        self.searchable.setEnabled(kind in SEARCHABLE)
        if kind not in SEARCHABLE:
            self.searchable.setChecked(False)

    def _enable(self, on: bool = True) -> None:
        row, field = self.list.currentRow(), self.current()
        self.save_button.setEnabled(on)
        self.new_button.setEnabled(on)
        self.up_button.setEnabled(on and field is not None and row > 0)
        self.down_button.setEnabled(on and field is not None and row < len(self.fields) - 1)
        self.retire_button.setEnabled(on and field is not None)

    def start_new(self) -> None:
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.list.blockSignals(False)
        self._show(None)
        self._enable()
        self.label.setFocus()

    def draft(self) -> FieldDraft:
        lines = (line.strip() for line in self.choices.toPlainText().splitlines())
        choices = tuple(c for c in lines if c)
        field = self.current()
        return FieldDraft(self.label.text(), self.kind.currentData(), choices,
                          required=self.required.isChecked(),
                          searchable=self.searchable.isChecked(),
                          show_in_list=self.in_list.isChecked(),
                          renamed=renamed_in_place(field.choices if field else (), choices))  # fmt: skip

    # ------------------------------------------------------------------ saving

    def save(self) -> None:
        """Save the field shown (in the background), new or changed."""
        from camdesk.services.customers.field_settings import add_field
        from camdesk.services.lists.segments import change_field

        db, actor, field, draft = self._db, self._actor, self.current(), self.draft()

        self._write(lambda: add_field(db, actor, draft) if field is None
                    else change_field(db, actor, field, draft))  # fmt: skip

    def move_field(self, step: int) -> None:
        from camdesk.services.customers.field_settings import move_field

        db, field = self._db, self.current()
        if field is None:
            return
        self._write(lambda: Written(FieldSaved(field, False), move_field(db, field, step)))

    def retire(self) -> None:
        from camdesk.services.customers.field_settings import retire_field

        db, actor, field = self._db, self._actor, self.current()
        if field is None:
            return
        asked = QMessageBox.question(self, self.tr("Retire field"), self.tr(
            "Retire %1? The files stop showing it and the list stops filtering and "
            "searching it. Its values are kept.").replace("%1", field.label))  # fmt: skip
        if asked != QMessageBox.StandardButton.Yes:
            return
        self._write(lambda: retire_field(db, actor, field), keep=False)

    def _write(self, work: Callable[[], Written[FieldSaved]], *, keep: bool = True) -> None:
        """Run ``work`` in the background, then show the fields as stored."""
        from camdesk.services.customers.custom_fields import list_fields

        db = self._db

        def run(_state: object) -> Written[tuple[FieldSaved, list[FieldInfo]]]:
            written = work()
            return Written((written.value, list_fields(db)), written.changes)

        def done(result: Written[tuple[FieldSaved, list[FieldInfo]]]) -> None:
            saved, self.fields = result.value
            self._fill(saved.field.id if keep else None)
            if saved.renamed:
                message = self.tr("Renamed a choice of %1 in %n customer file(s).", "",
                                  saved.renamed).replace("%1", saved.field.label)  # fmt: skip
                self.outcome.setText(message + " " + self.tr("The list's Undo takes it back."))
                self.outcome.show()
                if result.changes.action is not None and self._undoable is not None:
                    self._undoable(result.changes.action, message)
            if saved.reindex:
                self._reindex(saved.field)

        def failed(exc: BaseException) -> None:
            self._enable()
            say_refusal(self, self.error, exc)

        self._enable(False)
        self.error.hide()
        self.outcome.hide()
        run_write(run, self, done, failed)

    def _reindex(self, field: FieldInfo) -> None:
        """Search the customers holding the field's values anew."""
        from camdesk.services.customers.field_settings import reindex_field

        db = self._db

        def work(state: TaskState) -> Written[int]:
            count = reindex_field(db, field.id, progress=state.progress,
                                  cancelled=state.cancelled)  # fmt: skip
            return Written(count, Changes.of(Kind.FILES, None))

        self.reindexing = write_with_progress(
            self, self.tr("Updating the search for %1…").replace("%1", field.label),
            self.tr("Stop"), work, lambda _result: None)  # fmt: skip
