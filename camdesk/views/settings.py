"""Settings, declared once, typed, with defaults, over QSettings.

User preferences (language, databases) live apart from window state (sizes,
column layouts), so resetting the layout never loses a preference.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8


class Settings:
    """camdesk's settings.

    Attributes:
        store: the QSettings behind it (INI format in the user's config folder).
    """

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "camdesk", "camdesk"
        )

    def _get(self, key: str, default: Any, kind: type) -> Any:
        value = self.store.value(key, default)
        if kind is list:
            if value is None or value == "":
                return []
            return [str(v) for v in value] if isinstance(value, list) else [str(value)]
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default

    # -- preferences ---------------------------------------------------------------

    @property
    def language(self) -> str:
        """UI language code ("zh_CN", "en"), or "" to follow the system."""
        return str(self._get("preferences/language", "", str))

    @language.setter
    def language(self, value: str) -> None:
        self.store.setValue("preferences/language", value)

    @property
    def last_database(self) -> str:
        """Path or URL of the database opened last ("" for the default file)."""
        return str(self._get("preferences/last_database", "", str))

    @last_database.setter
    def last_database(self, value: str) -> None:
        self.store.setValue("preferences/last_database", value)

    @property
    def recent_databases(self) -> list[str]:
        return list(self._get("preferences/recent_databases", [], list))

    def remember_database(self, target: str) -> None:
        recent = [target, *(r for r in self.recent_databases if r != target)][:MAX_RECENT]
        self.store.setValue("preferences/recent_databases", recent)
        self.last_database = target

    @property
    def customer_columns(self) -> list[str]:
        """Custom fields (keys) the user chose to show in the customer list."""
        return list(self._get("preferences/customer_custom_columns", [], list))

    @customer_columns.setter
    def customer_columns(self, keys: list[str]) -> None:
        self.store.setValue("preferences/customer_custom_columns", keys)

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
        return str(self._get(f"preferences/last_folders/{kind}", "", str))

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
