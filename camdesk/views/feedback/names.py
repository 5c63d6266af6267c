"""Translated names of feedback's codes: types, severities, statuses, categories."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.services.feedback.rules import CATEGORIES, CHURN_REASONS, Choice

KIND_NAMES = {
    "complaint": QT_TRANSLATE_NOOP("FeedbackNames", "Complaint"),
    "suggestion": QT_TRANSLATE_NOOP("FeedbackNames", "Suggestion"),
    "praise": QT_TRANSLATE_NOOP("FeedbackNames", "Praise"),
    "question": QT_TRANSLATE_NOOP("FeedbackNames", "Question"),
}
SEVERITY_NAMES = {
    "urgent": QT_TRANSLATE_NOOP("FeedbackNames", "Urgent"),
    "high": QT_TRANSLATE_NOOP("FeedbackNames", "High"),
    "normal": QT_TRANSLATE_NOOP("FeedbackNames", "Normal"),
    "low": QT_TRANSLATE_NOOP("FeedbackNames", "Low"),
}
STATUS_NAMES = {
    "new": QT_TRANSLATE_NOOP("FeedbackNames", "New"),
    "assigned": QT_TRANSLATE_NOOP("FeedbackNames", "Assigned"),
    "in_progress": QT_TRANSLATE_NOOP("FeedbackNames", "In progress"),
    "resolved": QT_TRANSLATE_NOOP("FeedbackNames", "Resolved"),
    "informed": QT_TRANSLATE_NOOP("FeedbackNames", "Customer informed"),
    "closed": QT_TRANSLATE_NOOP("FeedbackNames", "Closed"),
}
_DEFAULT_LABELS = {c.label for c in (*CATEGORIES, *CHURN_REASONS)}


def _named(names: dict[str, str], code: str | None) -> str:
    if not code:
        return ""
    return QCoreApplication.translate("FeedbackNames", names[code]) if code in names else code


def kind_name(code: str | None) -> str:
    return _named(KIND_NAMES, code)


def severity_name(code: str | None) -> str:
    return _named(SEVERITY_NAMES, code)


def status_name(code: str | None) -> str:
    return _named(STATUS_NAMES, code)


def choice_name(choice: Choice) -> str:
    """A category or churn reason: camdesk's own labels translated, a team's as typed."""
    if choice.label in _DEFAULT_LABELS:
        return QCoreApplication.translate("feedback", choice.label)
    return choice.label


def category_name(key: str | None, choices: tuple[Choice, ...]) -> str:
    found = next((c for c in choices if c.key == key), None)
    return choice_name(found) if found else (key or "")
