"""Who is acting, from which device: stamped on every change."""

from __future__ import annotations

import getpass
import os
import socket
import uuid
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from camdesk import APP_NAME


def data_dir() -> Path:
    """camdesk's per-user data folder (``CAMDESK_DATA_DIR`` overrides it, e.g. in tests)."""
    override = os.environ.get("CAMDESK_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / "camdesk.db"


def device_id() -> str:
    """A stable id for this installation, created on first use."""
    path = data_dir() / "device-id"
    try:
        value = path.read_text().strip()
        if value:
            return value
    except OSError:
        pass
    value = f"{socket.gethostname()[:20]}-{uuid.uuid4().hex[:8]}"
    path.write_text(value)
    return value


def os_username() -> str:
    try:
        return getpass.getuser()
    except OSError:  # no login name (some containers)
        return "user"


@dataclass(frozen=True)
class Actor:
    """The user and device a change is made by.

    Attributes:
        user_id: the camdesk user, or None for changes made by tools.
        device_id: the installation, for the change log and sync.
    """

    user_id: uuid.UUID | None
    device_id: str
