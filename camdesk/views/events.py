"""App-wide change notifications: after a write, one signal says what changed.

Writes go through :func:`camdesk.views.background.run_write`, which announces the
:class:`~camdesk.services.core.changes.Changes` its service returned. A screen listens
through :class:`Freshness`: it reloads at once if it is showing, else it only notes that
it is stale and reloads when it is next shown, so a hidden screen never re-scans a
million customers for an edit nobody is looking at.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

from camdesk.services.core.changes import Changes, Kind


class AppEvents(QObject):
    """Signals every view may listen to.

    Signals:
        changed(Changes): a write changed data (which customers, which kinds, its action).
        language_changed(str): the UI language was switched (code applied).
    """

    changed = Signal(object)
    language_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        _LISTENING.add(self)


_LISTENING: weakref.WeakSet[AppEvents] = weakref.WeakSet()


def announce(changes: Changes) -> None:
    """Tell every screen what a write changed (nothing is said for no change)."""
    if changes:
        for events in list(_LISTENING):
            events.changed.emit(changes)


class Freshness(QObject):
    """Keeps a screen current with the data it shows.

    ``reload(changes)`` runs on the GUI thread after a change of one of ``kinds``: at
    once while ``screen`` is visible, else once when it is next shown (with every
    change since merged into one).
    """

    def __init__(self, screen: QWidget, events: AppEvents, kinds: Kind,
                 reload: Callable[[Changes], None]) -> None:  # fmt: skip
        super().__init__(screen)
        self._screen = screen
        self._kinds = kinds
        self._reload = reload
        self.pending: Changes | None = None  # what changed while hidden
        events.changed.connect(self._on_changed)
        screen.installEventFilter(self)

    @property
    def stale(self) -> bool:
        return self.pending is not None

    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches(self._kinds):
            return
        if self._screen.isVisible():
            self._reload(changes)
        else:
            self.pending = changes if self.pending is None else self.pending | changes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._screen and event.type() == QEvent.Type.Show and self.pending:
            pending, self.pending = self.pending, None
            self._reload(pending)
        return False
