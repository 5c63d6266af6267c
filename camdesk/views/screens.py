"""The window's areas, declared once: adding a screen (the calendar, feedback) is one entry.

Each :class:`Screen` names its title (translated in context "Screens"), its icon,
its shortcut and how to build its page. A page works on the database the window hands it
(``attach(db, actor)``) and may offer two signals the window connects by name:
``edit_requested(uuid)`` opens a customer's file, ``show_customers(tuple)`` shows the
customer list narrowed to criteria, ``badge_changed(int)`` puts a count on the screen's
navigation entry (follow-ups due).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QStyle, QWidget

from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.services.core.context import Actor
from camdesk.views.events import AppEvents
from camdesk.views.settings import Settings

if TYPE_CHECKING:
    from camdesk.db import Database


@dataclass(frozen=True)
class Context:
    """What a page is built with."""

    db: Database | None
    actor: Actor | None
    settings: Settings
    events: AppEvents
    preview: Path | None  # a local file shown before it is open (the customer list only)


class Page(Protocol):
    def attach(self, db: Database, actor: Actor) -> None: ...


@dataclass(frozen=True)
class Screen:
    key: str
    title: str  # marked for translation in context "Screens"
    icon: QStyle.StandardPixmap  # the fallback when the icon set's file is missing
    shortcut: str
    make: Callable[[Context], QWidget]
    icon_name: str = ""  # the icon set's name for it (camdesk/resources/icons)


def _customers(c: Context) -> QWidget:
    from camdesk.views.customers.page import CustomersPage

    return CustomersPage(db=c.db, actor=c.actor, settings=c.settings, events=c.events,
                         preview=c.preview)  # fmt: skip


def _value(c: Context) -> QWidget:
    from camdesk.views.value.page import ValuePage

    return ValuePage(db=c.db, actor=c.actor, events=c.events)


def _calendar(c: Context) -> QWidget:
    from camdesk.views.followups.page import CalendarPage

    return CalendarPage(db=c.db, actor=c.actor, events=c.events, settings=c.settings)


def _feedback(c: Context) -> QWidget:
    from camdesk.views.feedback.page import FeedbackPage

    return FeedbackPage(db=c.db, actor=c.actor, events=c.events)


def _trends(c: Context) -> QWidget:
    from camdesk.views.trends.page import TrendsPage

    return TrendsPage(db=c.db, actor=c.actor, events=c.events)


def _duplicates(c: Context) -> QWidget:
    from camdesk.views.data.duplicates import DuplicatesPage

    return DuplicatesPage(db=c.db, actor=c.actor, events=c.events)


def _quality(c: Context) -> QWidget:
    from camdesk.views.data.quality import QualityPage

    return QualityPage(db=c.db, actor=c.actor, events=c.events)


SP = QStyle.StandardPixmap
SCREENS: tuple[Screen, ...] = (
    Screen("customers", QT_TRANSLATE_NOOP("Screens", "Customer files"),
           SP.SP_FileDialogDetailedView, "Ctrl+1", _customers, "users"),
    Screen("calendar", QT_TRANSLATE_NOOP("Screens", "Follow-ups"),
           SP.SP_FileDialogContentsView, "Ctrl+2", _calendar, "calendar-days"),
    Screen("feedback", QT_TRANSLATE_NOOP("Screens", "Feedback"),
           SP.SP_MessageBoxInformation, "Ctrl+3", _feedback, "message-circle"),
    Screen("value", QT_TRANSLATE_NOOP("Screens", "Customer value"),
           SP.SP_FileDialogInfoView, "Ctrl+4", _value, "gem"),
    Screen("trends", QT_TRANSLATE_NOOP("Screens", "Trends"),
           SP.SP_FileDialogInfoView, "Ctrl+5", _trends, "chart-line"),
    Screen("duplicates", QT_TRANSLATE_NOOP("Screens", "Duplicates"),
           SP.SP_FileDialogListView, "Ctrl+6", _duplicates, "copy"),
    Screen("quality", QT_TRANSLATE_NOOP("Screens", "Data quality"),
           SP.SP_MessageBoxWarning, "Ctrl+7", _quality, "shield-check"),
)  # fmt: skip
