"""Translated names and colours of follow-up types and states (one palette everywhere)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtGui import QColor

from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.services.followups.states import OVERDUE

KIND_NAMES = {
    "return": QT_TRANSLATE_NOOP("FollowUps", "Return visit"),
    "care": QT_TRANSLATE_NOOP("FollowUps", "Care"),
    "wake": QT_TRANSLATE_NOOP("FollowUps", "Wake-up"),
    "winback": QT_TRANSLATE_NOOP("FollowUps", "Win-back"),
    "other": QT_TRANSLATE_NOOP("FollowUps", "Other"),
}
STATE_NAMES = {
    "planned": QT_TRANSLATE_NOOP("FollowUps", "Planned"),
    OVERDUE: QT_TRANSLATE_NOOP("FollowUps", "Overdue"),
    "done": QT_TRANSLATE_NOOP("FollowUps", "Done"),
    "skipped": QT_TRANSLATE_NOOP("FollowUps", "Skipped"),
    "cancelled": QT_TRANSLATE_NOOP("FollowUps", "Cancelled"),
}
# One colour per type, readable on white and told apart by colour-blind eyes (Okabe-Ito).
KIND_COLOURS = {
    "return": QColor("#0072B2"),
    "care": QColor("#CC79A7"),
    "wake": QColor("#E69F00"),
    "winback": QColor("#009E73"),
    "other": QColor("#666666"),
}
OVERDUE_COLOUR = QColor("#C0392B")
DONE_COLOUR = QColor("#7F8C8D")


def kind_name(code: str) -> str:
    return QCoreApplication.translate("FollowUps", KIND_NAMES.get(code, code))


def state_name(code: str) -> str:
    return QCoreApplication.translate("FollowUps", STATE_NAMES.get(code, code))


def day_text(day: date, form: QLocale.FormatType | str = QLocale.FormatType.LongFormat) -> str:
    """A day in the UI language (long form by default, or a Qt date pattern)."""
    return QLocale().toString(QDate(day.year, day.month, day.day), form)


def legend_html() -> str:
    """What the month view's colours mean, as one line of coloured marks."""
    marks = [f'<span style="color:{KIND_COLOURS[k].name()}">■</span> {kind_name(k)}'
             for k in KIND_NAMES]  # fmt: skip
    late = QCoreApplication.translate("FollowUps", "Overdue")
    done = QCoreApplication.translate("FollowUps", "Done")
    marks += [f'<span style="color:{OVERDUE_COLOUR.name()}">12</span> {late}',
              f'<span style="color:{DONE_COLOUR.name()}">12</span> {done}']  # fmt: skip
    return " &nbsp; ".join(marks)
