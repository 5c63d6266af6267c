"""The tag manager: every tag with its colour and how many customers carry it; colour,
rename, merge into another, delete.  Renames, merges and deletions change the files of
everyone carrying the tag, as one action the customer list's Undo takes back."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from camdesk.services.core.changes import Changes
from camdesk.services.core.context import Actor
from camdesk.services.customers.tags import TagInfo
from camdesk.views.background import run_read, run_write
from camdesk.views.form_parts import error_line, named_button, pick_table, say_refusal
from camdesk.views.palette import SERIES

if TYPE_CHECKING:
    from camdesk.db import Database


class TagsDialog(QDialog):
    """Manage the team's tags.

    Attributes:
        tags: the live tags as last read, by name.
    """

    def __init__(self, *, db: Database, actor: Actor,
                 undoable: Callable[[uuid.UUID, str], None],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("tagsDialog")
        self._db, self._actor, self._undoable = db, actor, undoable
        self.tags: list[TagInfo] = []
        self.table = pick_table(self, "tagTable", 2)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._enable)
        self.color_button = named_button(self, "tagColor", self.choose_color)
        self.plain_button = named_button(self, "tagNoColor", lambda: self.recolor(None))
        self.rename_button = named_button(self, "tagRename", self.rename)
        self.merge_button = named_button(self, "tagMerge", self.merge)
        self.delete_button = named_button(self, "tagDelete", self.delete)
        self.error = error_line(self)
        buttons = QVBoxLayout()
        for button in (self.color_button, self.plain_button, self.rename_button,
                       self.merge_button, self.delete_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self.retranslate()
        self.resize(560, 420)
        self.load()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Tags"))
        self.table.setHorizontalHeaderLabels([self.tr("Tag"), self.tr("Customers")])
        self.color_button.setText(self.tr("Colour…"))
        self.plain_button.setText(self.tr("No colour"))
        self.rename_button.setText(self.tr("Rename…"))
        self.merge_button.setText(self.tr("Merge into…"))
        self.delete_button.setText(self.tr("Delete…"))

    def load(self, chosen: uuid.UUID | None = None) -> None:
        from camdesk.services.customers.tags import list_tags

        db = self._db
        self._enable(False)
        run_read(lambda _state: list_tags(db), self, lambda tags: self._show(tags, chosen))

    def _show(self, tags: list[TagInfo], chosen: uuid.UUID | None) -> None:
        self.tags = tags
        self.table.setRowCount(len(tags))
        for row, tag in enumerate(tags):
            name = QTableWidgetItem(tag.name)
            if tag.color:
                name.setData(Qt.ItemDataRole.DecorationRole, QColor(tag.color))
            count = QTableWidgetItem(QLocale().toString(tag.customers))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, count)
        at = next((i for i, t in enumerate(tags) if t.id == chosen), 0 if tags else -1)
        if at >= 0:
            self.table.selectRow(at)
        self._enable()

    def current(self) -> TagInfo | None:
        row = self.table.currentRow()
        return self.tags[row] if 0 <= row < len(self.tags) else None

    def _enable(self, on: bool = True) -> None:
        tag = self.current()
        for button in (self.color_button, self.rename_button, self.delete_button):
            button.setEnabled(on and tag is not None)
        self.plain_button.setEnabled(on and tag is not None and bool(tag.color))
        self.merge_button.setEnabled(on and tag is not None and len(self.tags) > 1)

    # ------------------------------------------------------------------ actions

    def choose_color(self) -> None:
        tag = self.current()
        if tag is None:
            return
        for index, color in enumerate(SERIES[:16]):  # the app's palette first
            QColorDialog.setCustomColor(index, QColor(color))
        picked = QColorDialog.getColor(QColor(tag.color or SERIES[0]), self,
                                       self.tr("Colour of %1").replace("%1", tag.name))  # fmt: skip
        if picked.isValid():
            self.recolor(picked.name())

    def recolor(self, color: str | None) -> None:
        from camdesk.services.customers.tags import set_color

        tag = self.current()
        if tag is not None:
            self._write(lambda: set_color(self._db, self._actor, tag, color), tag.id, "")

    def rename(self) -> None:
        from camdesk.services.customers.tags import rename_tag

        tag = self.current()
        if tag is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename tag"),
                                        self.tr("New name of %1:").replace("%1", tag.name),
                                        text=tag.name)  # fmt: skip
        if ok and name.strip() and name.strip() != tag.name:
            message = self.tr("Renamed the tag %1 to %2.").replace("%1", tag.name).replace(
                "%2", name.strip())  # fmt: skip
            self._write(lambda: rename_tag(self._db, self._actor, tag, name), tag.id, message)

    def merge(self) -> None:
        from camdesk.services.customers.tags import merge_tags

        tag = self.current()
        others = [t for t in self.tags if tag is not None and t.id != tag.id]
        if tag is None or not others:
            return
        name, ok = QInputDialog.getItem(
            self, self.tr("Merge tags"),
            self.tr("Every customer tagged %1 gets this tag instead, and %1 is gone:")
            .replace("%1", tag.name), [t.name for t in others], 0, False)  # fmt: skip
        into = next((t for t in others if t.name == name), None)
        if ok and into is not None:
            message = self.tr("Merged the tag %1 into %2.").replace("%1", tag.name).replace(
                "%2", into.name)  # fmt: skip
            self._write(lambda: merge_tags(self._db, self._actor, tag, into), into.id, message)

    def delete(self) -> None:
        from camdesk.services.customers.tags import delete_tag

        tag = self.current()
        if tag is None:
            return
        asked = QMessageBox.question(self, self.tr("Delete tag"), self.tr(
            "Delete the tag %1? It is taken off %n customer(s); Undo in the customer list "
            "puts it back.", "", tag.customers).replace("%1", tag.name))  # fmt: skip
        if asked == QMessageBox.StandardButton.Yes:
            message = self.tr("Deleted the tag %1.").replace("%1", tag.name)
            self._write(lambda: delete_tag(self._db, self._actor, tag), None, message)

    def _write(self, work: Callable[[], Changes], chosen: uuid.UUID | None, message: str) -> None:
        def done(changes: Changes) -> None:
            if changes.action is not None and message:
                self._undoable(changes.action, message)
            self.load(chosen)

        def failed(exc: BaseException) -> None:
            self._enable()
            if say_refusal(self, self.error, exc):
                self.load(chosen)  # what it refused was shown from an older reading

        self.error.hide()
        self._enable(False)
        run_write(lambda _state: work(), self, done, failed)
