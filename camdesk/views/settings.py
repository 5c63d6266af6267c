"""Settings, declared once, typed, with defaults, over QSettings.

User preferences (language, databases) live apart from window state (sizes,
column layouts), so resetting the layout never loses a preference.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8
T = TypeVar("T", str, bool, int, list[str])


class Option(Generic[T]):
    """One setting, declared once: its key, its default (whose type it keeps)."""

    def __init__(self, key: str, default: T, doc: str = "") -> None:
        self.key = key
        self.default: T = default
        self.__doc__ = doc

    @overload
    def __get__(self, settings: None, owner: type) -> Option[T]: ...
    @overload
    def __get__(self, settings: Settings, owner: type) -> T: ...
    def __get__(self, settings: Settings | None, owner: type) -> Option[T] | T:
        if settings is None:
            return self
        return settings.read(self.key, self.default)

    def __set__(self, settings: Settings, value: T) -> None:
        settings.store.setValue(self.key, value)


class Settings:
    """camdesk's settings.

    Attributes:
        store: the QSettings behind it (INI format in the user's config folder).
    """

    language = Option(
        "preferences/language", "", "UI language code (zh_CN, en), or empty to follow the system."
    )
    last_database = Option(
        "preferences/last_database",
        "",
        "Path or URL of the database opened last (empty: the default file).",
    )
    recent_databases = Option[list[str]](
        "preferences/recent_databases", [], "Databases opened lately, newest first."
    )
    customer_columns = Option[list[str]](
        "preferences/customer_custom_columns",
        [],
        "Custom fields (keys) the user chose to show in the customer list.",
    )
    customer_hidden_columns = Option[list[str]](
        "preferences/customer_hidden_columns",
        [],
        "Custom fields (keys) shown in the list by the team's settings that the user hid.",
    )
    calendar_first = Option(
        "preferences/calendar_first",
        True,
        "Open on the follow-up calendar when the user has follow-ups due today or overdue.",
    )

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "camdesk", "camdesk"
        )

    def read(self, key: str, default: Any) -> Any:
        """The value at ``key`` as the type of ``default`` (the default if unreadable)."""
        value = self.store.value(key, default)
        if isinstance(default, list):
            if value is None or value == "":
                return []
            return [str(v) for v in value] if isinstance(value, list) else [str(value)]
        if isinstance(default, bool):
            return value in (True, "true", "1", 1)
        try:
            return type(default)(value)
        except (TypeError, ValueError):
            return default

    # -- preferences ---------------------------------------------------------------

    def remember_database(self, target: str) -> None:
        recent = [target, *(r for r in self.recent_databases if r != target)][:MAX_RECENT]
        self.recent_databases = recent
        self.last_database = target

    def import_mapping(self, headers: tuple[str, ...]) -> dict[str, str]:
        """The column mapping last used for a file with these headers ({} if none)."""
        raw = self.store.value(f"preferences/import_mappings/{_signature(headers)}", "")
        try:
            found = json.loads(str(raw)) if raw else {}
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}

    def remember_import_mapping(self, headers: tuple[str, ...], mapping: dict[str, str]) -> None:
        key = f"preferences/import_mappings/{_signature(headers)}"
        self.store.setValue(key, json.dumps(mapping, ensure_ascii=False))

    def last_folder(self, kind: str) -> str:
        """The folder a file dialog for ``kind`` ("database", "import", "export") used last."""
        return str(self.read(f"preferences/last_folders/{kind}", ""))

    def remember_folder(self, kind: str, folder: str) -> None:
        self.store.setValue(f"preferences/last_folders/{kind}", folder)

    # -- window state --------------------------------------------------------------

    def window_state(self, name: str) -> QByteArray | None:
        value = self.store.value(f"state/{name}")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, name: str, value: QByteArray) -> None:
        self.store.setValue(f"state/{name}", value)

    def sync(self) -> None:
        self.store.sync()


def _signature(headers: tuple[str, ...]) -> str:
    return hashlib.sha1("\x1f".join(headers).encode()).hexdigest()[:16]
