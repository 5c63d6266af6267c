"""Users: the owners of customers and the authors of changes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from camdesk.db import Database
from camdesk.errors import DatabaseReadOnly
from camdesk.models import Role, User
from camdesk.services.core.context import Actor, device_id, os_username


@dataclass(frozen=True)
class UserInfo:
    id: uuid.UUID
    username: str
    display_name: str
    role: str


def last_change(session: Session, row: Any) -> dict[str, str]:
    """Who last changed ``row`` (a versioned row) and when, as a conflict message names
    them: ``changed_by`` and ``changed_at`` (local time)."""
    who = session.scalar(select(User.display_name).where(User.id == row.updated_by))
    return {"changed_by": who or "?", "changed_at": f"{row.updated_at.astimezone():%Y-%m-%d %H:%M}"}


def ensure_user(db: Database, username: str, display_name: str | None = None) -> UserInfo:
    """Find a user by login name, creating it if needed (the first user is an admin).

    Under a lock: two processes starting at once on a new PostgreSQL database would
    otherwise both create the user and one would fail on its unique name. A user that
    exists is only read (opening a database to read it writes nothing).
    """
    with db.read() as session:
        user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
        if user is not None:
            return UserInfo(user.id, user.username, user.display_name, user.role.value)
    with db.write(lock="users") as session:
        user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
        if user is None:
            first = session.execute(select(User.id).limit(1)).first() is None
            user = User(
                username=username,
                display_name=display_name or username,
                role=Role.ADMIN if first else Role.SALES,
            )
            session.add(user)
            session.flush()
        return UserInfo(user.id, user.username, user.display_name, user.role.value)


def find_user(db: Database, name: str) -> uuid.UUID | None:
    """The user whose login or display name is ``name`` (any case), if there is one."""
    with db.read() as session:
        return session.scalar(select(User.id).where(
            User.deleted_at.is_(None),
            (func.lower(User.username) == name.lower()) | (func.lower(User.display_name) == name.lower()),
        ))  # fmt: skip


def user_named(session: Session, name: str) -> uuid.UUID:
    """The user whose login or display name is ``name``, created (as sales) if none is.

    For imports that name owners who are not users yet; runs in the caller's transaction."""
    user = session.execute(
        select(User).where(
            User.deleted_at.is_(None),
            (func.lower(User.username) == name.lower()) | (func.lower(User.display_name) == name.lower()),
        )
    ).scalars().first()  # fmt: skip
    if user is None:
        user = User(username=name, display_name=name, role=Role.SALES)
        session.add(user)
        session.flush()
    return user.id


def local_actor(db: Database) -> Actor:
    """The actor for this desktop: the OS login as a camdesk user, on this device (no user
    on a database that can only be read and does not know this login: it writes nothing)."""
    try:
        user = ensure_user(db, os_username())
    except DatabaseReadOnly:
        return Actor(user_id=None, device_id=device_id())
    return Actor(user_id=user.id, device_id=device_id())


def list_users(db: Database) -> list[UserInfo]:
    with db.read() as session:
        users = session.execute(
            select(User).where(User.deleted_at.is_(None)).order_by(User.display_name)
        ).scalars()
        return [UserInfo(u.id, u.username, u.display_name, u.role.value) for u in users]
