"""A date box people can type into: 1988-03-15, 19880315, 1988/3/15 and 1988年3月15日.

``QDateEdit`` edits sections, so typing a whole date appended digits to the empty value
("—1988031519880315") and fell back to nothing; its calendar opened in January 1900. This
field is a line edit read by the import's own date reader (the same forms a spreadsheet
cell may hold), with a calendar button that opens near a plausible day, and a clear button.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from camdesk.services.data.cleaning import day


def parse_date(text: str) -> date | None:
    """The date typed, None for an empty box.

    Raises:
        ValueError: the text is not a date in a form camdesk reads.
    """
    text = text.strip()
    if not text:
        return None
    found = day(text)
    if found is None:
        raise ValueError(text)
    return found


class DateField(QWidget):
    """A date typed or picked, or none.

    Signals:
        date_changed(): the text now means another date (or none, or nothing readable).

    Attributes:
        edit: the line edit holding the text.
        calendar: the month view the button opens.
    """

    date_changed = Signal()

    def __init__(self, *, latest: date | None = None, usual_age_years: int = 0,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        """``latest``: the last day allowed in the calendar (a birthday: today);
        ``usual_age_years``: how far back the calendar opens when the box is empty."""
        super().__init__(parent)
        self._usual_age = usual_age_years
        self.edit = QLineEdit(self)
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(lambda _t: self.date_changed.emit())
        self.button = QToolButton(self)
        self.button.setObjectName("calendarButton")
        self.button.setText("▾")
        self.button.clicked.connect(self.open_calendar)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setMinimumDate(QDate(1900, 1, 1))
        if latest is not None:
            self.calendar.setMaximumDate(QDate(latest.year, latest.month, latest.day))
        self.calendar.clicked.connect(self._on_calendar_clicked)
        self.calendar.activated.connect(self._on_calendar_clicked)
        self._menu = QMenu(self)
        holder = QWidgetAction(self._menu)
        holder.setDefaultWidget(self.calendar)
        self._menu.addAction(holder)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("YYYY-MM-DD, e.g. 1988-03-15 or 19880315"))
        self.button.setToolTip(self.tr("Pick a date from the calendar"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- value ---------------------------------------------------------------------

    def value(self) -> date | None:
        """The date shown; None when empty or not readable (see :meth:`is_readable`)."""
        try:
            return parse_date(self.edit.text())
        except ValueError:
            return None

    def is_readable(self) -> bool:
        """Whether the text is empty or a date."""
        try:
            parse_date(self.edit.text())
        except ValueError:
            return False
        return True

    def set_value(self, value: date | None) -> None:
        self.edit.setText(value.isoformat() if value else "")

    def tidy(self) -> None:
        """Show a readable date in the standard form (after typing 19880315)."""
        value = self.value()
        if value is not None:
            self.set_value(value)

    # -- calendar ------------------------------------------------------------------

    def open_calendar(self) -> None:
        """Open the month view at the date shown, else at the usual age back from today."""
        shown = self.value()
        if shown is None:
            today = date.today()
            year = max(1900, today.year - self._usual_age)
            shown = date(year, today.month, min(today.day, 28))
        start = QDate(shown.year, shown.month, shown.day)
        self.calendar.setSelectedDate(start)
        self.calendar.setCurrentPage(start.year(), start.month())
        self._menu.popup(self.mapToGlobal(QPoint(0, self.height())))

    def _on_calendar_clicked(self, picked: QDate) -> None:
        self.set_value(date(picked.year(), picked.month(), picked.day()))
        self._menu.hide()
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)
