"""Tagging many customers at once from the list's bulk menu: add or remove a tag on everyone
listed or on the selected customers, and open the tag manager.  Each is one action the
list's Undo takes back."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from camdesk.services.core.changes import Changes
from camdesk.views.background import TaskState, run_write
from camdesk.views.errors import show_error

if TYPE_CHECKING:
    from camdesk.db import Database
    from camdesk.services.core.context import Actor
    from camdesk.views.customers.list_page import ListPage

Retag = Callable[["Database", list[uuid.UUID], str, "Actor"], Changes]


class TagActions(QObject):
    """The tag entries of the bulk menu, working on ``page``."""

    def __init__(self, page: ListPage, widget: QWidget, menu: QMenu,
                 selected: Callable[[], list[uuid.UUID]]) -> None:  # fmt: skip
        super().__init__(widget)
        self.page, self.widget, self._selected = page, widget, selected
        self.add_all = menu.addAction("", lambda: self.retag(adding=True, everyone=True))
        self.remove_all = menu.addAction("", lambda: self.retag(adding=False, everyone=True))
        menu.addSeparator()
        self.add_selected = menu.addAction("", lambda: self.retag(adding=True, everyone=False))
        self.remove_selected = menu.addAction("",
                                              lambda: self.retag(adding=False, everyone=False))  # fmt: skip
        self.manage = menu.addAction("", self.open_manager)
        self.manage.setObjectName("manageTags")
        menu.aboutToShow.connect(self._enable)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_all.setText(self.tr("Add a tag to everyone listed…"))
        self.remove_all.setText(self.tr("Remove a tag from everyone listed…"))
        self.add_selected.setText(self.tr("Add a tag to the selected customers…"))
        self.remove_selected.setText(self.tr("Remove a tag from the selected customers…"))
        self.manage.setText(self.tr("Manage tags…"))

    def _enable(self) -> None:
        some = bool(self._selected())
        self.add_selected.setEnabled(some)
        self.remove_selected.setEnabled(some)

    def retag(self, *, adding: bool, everyone: bool, tag: str | None = None) -> None:
        """Ask for a tag (unless given), then add it to or remove it from the customers."""
        ids = None if everyone else self._selected()
        count = QLocale().toString(self.page.model.rowCount() if ids is None else len(ids))
        if tag is None:
            tags = self.page.filters.choices.tags if self.page.filters.choices else []
            if adding:
                prompt = (self.tr("Tag to add to the %1 customers listed:") if everyone
                          else self.tr("Tag to add to the %1 selected customers:"))  # fmt: skip
            else:
                prompt = (self.tr("Tag to remove from the %1 customers listed:") if everyone
                          else self.tr("Tag to remove from the %1 selected customers:"))  # fmt: skip
            title = self.tr("Add a tag") if adding else self.tr("Remove a tag")
            tag, ok = QInputDialog.getItem(self.widget, title, prompt.replace("%1", count),
                                           tags, 0, adding)  # fmt: skip
            if not ok or not tag.strip():
                return
        name = tag.strip()
        if adding:
            message = (self.tr("Tagged the customers listed “%1”.") if everyone
                       else self.tr("Tagged the selected customers “%1”."))  # fmt: skip
        else:
            message = (self.tr("Took “%1” off the customers listed.") if everyone
                       else self.tr("Took “%1” off the selected customers."))  # fmt: skip
        self._run(_add if adding else _remove, ids, name, message.replace("%1", name))

    def _run(self, action: Retag, ids: list[uuid.UUID] | None, tag: str, message: str) -> None:
        db, actor, query = self.page.db, self.page.actor, self.page.model.query
        if db is None or actor is None:
            return

        def work(_state: TaskState) -> Changes:
            from camdesk.services.lists.page import ordered_ids

            return action(db, ordered_ids(db, query) if ids is None else ids, tag, actor)

        def done(changes: Changes) -> None:
            if changes.action is not None:
                self.page.remember_action(changes.action, message)

        run_write(work, self, done, lambda exc: show_error(self.widget, exc))

    def open_manager(self) -> QWidget | None:
        """The tag manager (colour, rename, merge, delete), over the list."""
        db, actor = self.page.db, self.page.actor
        if db is None or actor is None:
            return None
        from camdesk.views.customers.tags_dialog import TagsDialog

        dialog = TagsDialog(db=db, actor=actor, undoable=self.page.remember_action,
                            parent=self.widget)  # fmt: skip
        self.dialog = dialog
        dialog.open()
        return dialog


def _add(db: Database, ids: list[uuid.UUID], tag: str, actor: Actor) -> Changes:
    from camdesk.services.customers.tags import add_tag

    return add_tag(db, ids, tag, actor)


def _remove(db: Database, ids: list[uuid.UUID], tag: str, actor: Actor) -> Changes:
    from camdesk.services.customers.tags import remove_tag

    return remove_tag(db, ids, tag, actor)
