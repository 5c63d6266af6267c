"""Customer files: customers (people and companies), contacts, tags, custom fields."""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from camdesk.models.base import Base, Str40, Str100, Str200, Tracked, UTCDateTime, str_enum


class CustomerKind(enum.StrEnum):
    PERSON = "person"
    COMPANY = "company"


class Gender(enum.StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


class FieldKind(enum.StrEnum):
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    CHOICE = "choice"


ALIVE = text("deleted_at IS NULL")


class Customer(Tracked, Base):
    """A customer file: a person or a company.

    Attributes:
        code: the business's own customer number (客户编号), unique among live customers.
        sort_key: pinyin/latin form of the name for ordering lists the way Chinese readers expect.
        mobile, phone: E.164 numbers (mobile and another line).
        company_name: for a person, the company they work for.
        last_contact_at: time of the latest interaction, kept by the interaction service.
    """

    __tablename__ = "customer"

    kind: Mapped[CustomerKind] = mapped_column(str_enum(CustomerKind, "customer_kind"))
    code: Mapped[str | None] = mapped_column(String(40))
    name: Mapped[Str200]
    sort_key: Mapped[Str200] = mapped_column(default="")
    gender: Mapped[Gender | None] = mapped_column(str_enum(Gender, "gender"))
    birthday: Mapped[date | None] = mapped_column(Date)
    lunar_birthday: Mapped[str | None] = mapped_column(String(6))  # "08-15", leap "L06-15"
    mobile: Mapped[str | None] = mapped_column(String(20))
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(320))
    province: Mapped[str | None] = mapped_column(String(40))
    city: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(String(300))
    source: Mapped[str | None] = mapped_column(String(40))
    company_name: Mapped[str | None] = mapped_column(String(200))
    industry: Mapped[str | None] = mapped_column(String(60))
    company_size: Mapped[str | None] = mapped_column(String(20))
    preferences: Mapped[str | None] = mapped_column(Text)
    # Retired: notes are dated entries of the contact log now (migration 0011 moved them
    # there). Kept, always empty, so older change-log entries still name a column.
    notes: Mapped[str | None] = mapped_column(Text)
    owner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    last_contact_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    contacts: Mapped[list[Contact]] = relationship(
        back_populates="customer", order_by="[Contact.created_at, Contact.id]"
    )  # contacts saved together keep the order they were entered in (ids are time-ordered)

    __table_args__ = (
        Index(
            "uq_customer_code_alive",
            "code",
            unique=True,
            sqlite_where=text("code IS NOT NULL AND deleted_at IS NULL"),
            postgresql_where=text("code IS NOT NULL AND deleted_at IS NULL"),
        ),
        # One index per sortable list column: (tombstone, column, id) lets the list
        # page through a million rows in order without sorting them.
        *(
            Index(f"ix_customer_list_{col}", "deleted_at", col, "id")
            for col in (
                "sort_key",
                "kind",
                "mobile",
                "email",
                "city",
                "company_name",
                "owner_id",
                "last_contact_at",
                "code",
                "created_at",
            )
        ),
    )


class Contact(Tracked, Base):
    """A contact person of a company customer."""

    __tablename__ = "contact"

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), index=True)
    name: Mapped[Str100]
    title: Mapped[str | None] = mapped_column(String(60))
    mobile: Mapped[str | None] = mapped_column(String(20))
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(320))
    notes: Mapped[str | None] = mapped_column(Text)

    customer: Mapped[Customer] = relationship(back_populates="contacts")


class Tag(Tracked, Base):
    """A label customers can carry (VIP, 老客户, ...)."""

    __tablename__ = "tag"

    name: Mapped[Str40]
    color: Mapped[str | None] = mapped_column(String(9))

    __table_args__ = (
        Index("uq_tag_name_alive", "name", unique=True, sqlite_where=ALIVE, postgresql_where=ALIVE),
    )


class CustomerTag(Base):
    """Which customer carries which tag; changes are recorded on the customer."""

    __tablename__ = "customer_tag"

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), primary_key=True)
    tag_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tag.id"), primary_key=True)

    __table_args__ = (Index("ix_customer_tag_tag", "tag_id", "customer_id"),)


class CustomField(Tracked, Base):
    """A field the business adds to customer files (text, number, date or choice)."""

    __tablename__ = "custom_field"

    key: Mapped[Str40]
    label: Mapped[Str100]
    kind: Mapped[FieldKind] = mapped_column(str_enum(FieldKind, "field_kind"))
    choices: Mapped[list[str]] = mapped_column(JSON, default=list)
    position: Mapped[int] = mapped_column(Integer, default=0)
    show_in_list: Mapped[bool] = mapped_column(Boolean, default=False)
    required: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    searchable: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    __table_args__ = (
        Index(
            "uq_custom_field_key_alive",
            "key",
            unique=True,
            sqlite_where=ALIVE,
            postgresql_where=ALIVE,
        ),
    )


class CustomValue(Base):
    """One customer's value of one custom field, typed by the field's kind."""

    __tablename__ = "custom_value"

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), primary_key=True)
    field_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("custom_field.id"), primary_key=True)
    value_text: Mapped[str | None] = mapped_column(String(500))
    value_number: Mapped[Decimal | None] = mapped_column(Numeric(18, 4))
    value_date: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        Index("ix_custom_value_text", "field_id", "value_text"),
        Index("ix_custom_value_number", "field_id", "value_number"),
        Index("ix_custom_value_date", "field_id", "value_date"),
    )


class CustomerSearch(Base):
    """Search keys of one customer, derived data kept by the customer service.

    ``words`` holds space-separated tokens (single CJK characters, pinyin in all
    readings of the surname, initials, latin words) for token and prefix search;
    ``subs`` holds lower-case text (phones as digits, email, code, names) for
    substring search.  The integer key gives SQLite's FTS5 a stable rowid.
    """

    __tablename__ = "customer_search"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), unique=True)
    words: Mapped[str] = mapped_column(Text, default="")
    subs: Mapped[str] = mapped_column(Text, default="")
    # The customer's sort key again, so search results sort without visiting customers.
    sort_key: Mapped[str] = mapped_column(String(200), default="", server_default="")

    # Covering index: ordering matches reads this, not the wide rows holding the keys.
    __table_args__ = (Index("ix_customer_search_order", "id", "sort_key", "customer_id"),)


__all__ = [
    "Contact",
    "CustomField",
    "CustomValue",
    "Customer",
    "CustomerKind",
    "CustomerSearch",
    "CustomerTag",
    "FieldKind",
    "Gender",
    "Tag",
]
