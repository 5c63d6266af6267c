"""Translated names of contact channels and directions (联系方式), used wherever contacts show."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from camdesk.i18n import QT_TRANSLATE_NOOP

CHANNEL_NAMES = {
    "call": QT_TRANSLATE_NOOP("Channels", "Phone call"),
    "sms": QT_TRANSLATE_NOOP("Channels", "SMS"),
    "wechat": QT_TRANSLATE_NOOP("Channels", "WeChat"),
    "email": QT_TRANSLATE_NOOP("Channels", "Email"),
    "visit": QT_TRANSLATE_NOOP("Channels", "Visit"),
    "meeting": QT_TRANSLATE_NOOP("Channels", "Meeting"),
    "chat": QT_TRANSLATE_NOOP("Channels", "Online chat"),
    "note": QT_TRANSLATE_NOOP("Channels", "Note"),
}
DIRECTION_NAMES = {
    "out": QT_TRANSLATE_NOOP("Channels", "Outgoing"),
    "in": QT_TRANSLATE_NOOP("Channels", "Incoming"),
}


def channel_name(code: str) -> str:
    return QCoreApplication.translate("Channels", CHANNEL_NAMES.get(code, code))


def direction_name(code: str | None) -> str:
    return (
        QCoreApplication.translate("Channels", DIRECTION_NAMES[code])
        if code in DIRECTION_NAMES
        else ""
    )
