"""App-wide change notifications: after a change, one signal says what changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    """Signals every view may listen to.

    Signals:
        customers_changed(list): ids of customers created, edited, deleted or restored.
        language_changed(str): the UI language was switched (code applied).
        values_changed(): value measures (tier, stage, segment, CLV) were recomputed.
        action_done(object): an action (its change-log id) wrote to the database; the
            customers it touched are found from the log (imports, undo).
    """

    customers_changed = Signal(list)
    values_changed = Signal()
    action_done = Signal(object)
    language_changed = Signal(str)
