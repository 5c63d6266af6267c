"""People who use camdesk: owners of customers, authors of changes."""

from __future__ import annotations

import enum

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from camdesk.models.base import Base, Str100, Tracked, str_enum


class Role(enum.StrEnum):
    ADMIN = "admin"
    MANAGER = "manager"
    SALES = "sales"


class User(Tracked, Base):
    """A user of the database (账号).

    Attributes:
        username: login name, unique.
        display_name: the name shown as owner and in the change history.
        password_hash: set once logins are introduced; None means no password.
    """

    __tablename__ = "app_user"

    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[Str100]
    role: Mapped[Role] = mapped_column(str_enum(Role, "user_role"), default=Role.SALES)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
