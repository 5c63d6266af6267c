"""Declarative base, shared column types and the mixins every edited table uses."""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, datetime
from typing import Annotated, Any, ClassVar

from sqlalchemy import DateTime, Enum, Integer, MetaData, String, Text, TypeDecorator, Uuid
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> uuid.UUID:
    """A time-ordered UUID (version 7): merges across replicas, inserts stay local."""
    import uuid6

    return uuid.UUID(int=uuid6.uuid7().int)


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out; stored as UTC on every backend.

    SQLite keeps no zone, so values are normalised to UTC before storing and
    tagged as UTC when read; naive datetimes are refused as a programming error.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; camdesk stores aware UTC times")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def str_enum(cls: type[enum.Enum], name: str) -> Enum:
    """An enum column stored as its plain string values with a CHECK (readable by any tool)."""
    return Enum(
        cls,
        name=name,
        native_enum=False,
        length=20,
        create_constraint=True,
        values_callable=lambda e: [m.value for m in e],
    )


UUIDPK = Annotated[uuid.UUID, mapped_column(Uuid, primary_key=True, default=new_id)]
Str40 = Annotated[str, mapped_column(String(40))]
Str100 = Annotated[str, mapped_column(String(100))]
Str200 = Annotated[str, mapped_column(String(200))]
Str320 = Annotated[str, mapped_column(String(320))]
LongText = Annotated[str, mapped_column(Text)]
Timestamp = Annotated[datetime, mapped_column(UTCDateTime)]


class Base(DeclarativeBase):
    """Declarative base with the project-wide naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime, uuid.UUID: Uuid}


class Tracked:
    """Columns every table that people edit carries.

    ``version`` is SQLAlchemy's optimistic-locking counter: an UPDATE that
    finds another version than the one it read fails instead of overwriting.
    ``deleted_at`` is a tombstone, so sync and audit can see deletions.

    Attributes:
        id: UUIDv7 primary key.
        created_at, updated_at: UTC times of creation and of the last change.
        updated_by: the user who made the last change, if known.
        version: optimistic-locking counter, starting at 1.
        deleted_at: when the row was deleted, or None while it is alive.
    """

    id: Mapped[UUIDPK]
    created_at: Mapped[Timestamp] = mapped_column(default=utcnow)
    updated_at: Mapped[Timestamp] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    version: Mapped[int] = mapped_column(Integer, default=1)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}
