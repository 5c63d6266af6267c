"""Saved segments and bulk actions on the customer list.

A "Segment" box lists the team's saved segments: choosing one lists its
customers (live).  The Segments menu saves the current filters as a segment,
edits or deletes the chosen one; the bulk menu assigns an owner to every customer of the list (one undoable action)
or exports them, and adds or removes a tag (see :mod:`tag_actions`).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtWidgets import QComboBox, QInputDialog, QMenu, QMessageBox, QToolButton, QWidget

from camdesk.services.core.changes import Changes
from camdesk.views.background import TaskState, run_read, run_write
from camdesk.views.combo import choose
from camdesk.views.customers.list_page import ListPage
from camdesk.views.customers.tag_actions import TagActions
from camdesk.views.errors import show_error

if TYPE_CHECKING:
    from camdesk.services.lists.segments import SegmentInfo
    from camdesk.views.customers.segment_dialog import SegmentDialog


class SegmentActions(QObject):
    """The segment box and the two menus, working on ``page``."""

    def __init__(self, page: ListPage, widget: QWidget) -> None:
        super().__init__(widget)
        self.page, self.widget = page, widget
        self.segments: list[SegmentInfo] = []
        self.box = QComboBox(widget)
        self.box.setObjectName("segmentBox")
        self.box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.box.setMinimumContentsLength(8)
        self.box.activated.connect(self._chosen)
        self.menu_button, self.bulk_button = QToolButton(widget), QToolButton(widget)
        for button in (self.menu_button, self.bulk_button):
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(widget)
        self.save_action = self.menu.addAction("", self.save_current)
        self.edit_action = self.menu.addAction("", self.edit_chosen)
        self.delete_action = self.menu.addAction("", self.delete_chosen)
        self.menu_button.setMenu(self.menu)
        self.bulk = QMenu(widget)
        self.owner_action = self.bulk.addAction("", self.assign_all)
        self.export_action = self.bulk.addAction("", lambda: page.export_list())
        self.bulk.addSeparator()
        self.tags = TagActions(page, widget, self.bulk, page.selected_ids)
        self.bulk_button.setMenu(self.bulk)
        for widget in (self.box, self.menu_button, self.bulk_button):
            page.filters.tools.addWidget(widget)
        self.retranslate()

    def retranslate(self) -> None:
        self.menu_button.setText(self.tr("Segments"))
        self.bulk_button.setText(self.tr("Everyone listed"))
        self.save_action.setText(self.tr("Save these filters as a segment…"))
        self.edit_action.setText(self.tr("Edit this segment…"))
        self.delete_action.setText(self.tr("Delete this segment"))
        self.tags.retranslate()
        self.owner_action.setText(self.tr("Assign an owner to everyone listed…"))
        self.export_action.setText(self.tr("Export everyone listed to Excel…"))
        self._fill()

    # -- the segment box -----------------------------------------------------------

    def load(self) -> None:
        db = self.page.db
        if db is None:
            return

        def work(_state: TaskState) -> list[SegmentInfo]:
            from camdesk.services.lists.segments import list_segments

            return list_segments(db)

        run_read(work, self, self._loaded, lambda exc: show_error(self.widget, exc))

    def _loaded(self, segments: list[SegmentInfo]) -> None:
        self.segments = segments
        self._fill()

    def chosen(self) -> SegmentInfo | None:
        ident = self.box.currentData()  # the id as text: Qt compares text, not UUID objects
        return next((s for s in self.segments if str(s.id) == ident), None)

    def _fill(self) -> None:
        current = self.box.currentData()
        self.box.blockSignals(True)
        self.box.clear()
        self.box.addItem(self.tr("All customers"), None)
        for segment in self.segments:
            self.box.addItem(segment.name, str(segment.id))
        choose(self.box, current)
        self.box.blockSignals(False)
        has = self.chosen() is not None
        self.edit_action.setEnabled(has)
        self.delete_action.setEnabled(has)

    def _chosen(self, _index: int = 0) -> None:
        segment = self.chosen()
        self._fill()
        if segment is None:
            self.page.filters.show_criteria(())
        else:
            self.page.filters.show_criteria(segment.criteria, search=segment.search)

    def choose(self, segment_id: uuid.UUID) -> None:
        """List the customers of this segment (as choosing it in the box does)."""
        choose(self.box, str(segment_id))
        self._chosen()

    # -- saving --------------------------------------------------------------------

    def _dialog(self, segment: SegmentInfo | None) -> SegmentDialog | None:
        db, actor = self.page.db, self.page.actor
        if db is None or actor is None:
            return None
        from camdesk.services.lists import page as customer_list
        from camdesk.services.lists import segments
        from camdesk.views.customers.segment_dialog import SegmentDialog

        query = self.page.model.query
        dialog = SegmentDialog(
            count=lambda q: customer_list.count_customers(db, q),
            save=lambda name, criteria, **k: segments.save_segment(db, name, criteria, actor, **k),
            choices=self.page.filters.choices, segment=segment,
            criteria=segments.as_criteria(query), search=query.search, parent=self.widget,
        )  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._saved(dialog.saved))
        dialog.open()
        return dialog

    def save_current(self) -> SegmentDialog | None:
        """A new segment from the filters shown now (window-modal dialog)."""
        return self._dialog(None)

    def edit_chosen(self) -> SegmentDialog | None:
        segment = self.chosen()
        return self._dialog(segment) if segment else None

    def _saved(self, segment: SegmentInfo | None) -> None:
        if segment is None:
            return
        self.segments = [s for s in self.segments if s.id != segment.id] + [segment]
        self.segments.sort(key=lambda s: s.name)
        self._fill()
        self.choose(segment.id)

    def delete_chosen(self) -> None:
        segment, db, actor = self.chosen(), self.page.db, self.page.actor
        if segment is None or db is None or actor is None:
            return
        answer = QMessageBox.question(
            self.widget, self.tr("Delete segment"),
            self.tr("Delete the segment %1? Its customers stay as they are.")
            .replace("%1", segment.name),
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return
        from camdesk.services.lists.segments import delete_segment

        def done(_none: object) -> None:
            self.segments = [s for s in self.segments if s.id != segment.id]
            self.box.setCurrentIndex(0)
            self._chosen()

        run_write(lambda _s: delete_segment(db, segment.id, actor), self, done, lambda exc: show_error(self.widget, exc))  # fmt: skip

    # -- bulk actions --------------------------------------------------------------

    def assign_all(self) -> None:
        owners = self.page.filters.choices.owners if self.page.filters.choices else []
        names = [self.tr("(nobody)"), *(u.display_name for u in owners)]
        count = QLocale().toString(self.page.model.rowCount())
        name, ok = QInputDialog.getItem(
            self.widget, self.tr("Assign an owner"),
            self.tr("Owner of the %1 customers listed:").replace("%1", count), names, 0, False,
        )  # fmt: skip
        if not ok:
            return
        owner = next((u.id for u in owners if u.display_name == name), None)
        self._bulk(lambda db, ids, actor: _assign(db, ids, owner, actor),
                   self.tr("Assigned the customers listed to %1.").replace("%1", name))  # fmt: skip

    def _bulk(self, action: object, message: str) -> None:
        db, actor, query = self.page.db, self.page.actor, self.page.model.query
        if db is None or actor is None:
            return

        def work(_state: TaskState) -> Changes:
            from camdesk.services.lists.page import ordered_ids

            return action(db, ordered_ids(db, query), actor)  # type: ignore[operator]

        def done(changes: Changes) -> None:
            if changes.action is not None:
                self.page.remember_action(changes.action, message)

        run_write(work, self, done, lambda exc: show_error(self.widget, exc))  # fmt: skip


def _assign(db: object, ids: list[uuid.UUID], owner: uuid.UUID | None,
            actor: object) -> Changes:  # fmt: skip
    from camdesk.services.lists.segments import assign_owner

    return assign_owner(db, ids, owner, actor)  # type: ignore[arg-type]
