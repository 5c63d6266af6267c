"""Translatable names of customer fields and values, shared by form, history and conflicts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from camdesk.i18n import QT_TRANSLATE_NOOP

CONTEXT = "CustomerFields"

FIELD_LABELS = {
    "kind": QT_TRANSLATE_NOOP("CustomerFields", "Type"),
    "code": QT_TRANSLATE_NOOP("CustomerFields", "Customer code"),
    "name": QT_TRANSLATE_NOOP("CustomerFields", "Name"),
    "gender": QT_TRANSLATE_NOOP("CustomerFields", "Gender"),
    "birthday": QT_TRANSLATE_NOOP("CustomerFields", "Birthday"),
    "lunar_birthday": QT_TRANSLATE_NOOP("CustomerFields", "Lunar birthday"),
    "mobile": QT_TRANSLATE_NOOP("CustomerFields", "Mobile"),
    "phone": QT_TRANSLATE_NOOP("CustomerFields", "Other phone"),
    "email": QT_TRANSLATE_NOOP("CustomerFields", "Email"),
    "province": QT_TRANSLATE_NOOP("CustomerFields", "Province"),
    "city": QT_TRANSLATE_NOOP("CustomerFields", "City"),
    "address": QT_TRANSLATE_NOOP("CustomerFields", "Address"),
    "source": QT_TRANSLATE_NOOP("CustomerFields", "Source channel"),
    "company_name": QT_TRANSLATE_NOOP("CustomerFields", "Company"),
    "industry": QT_TRANSLATE_NOOP("CustomerFields", "Industry"),
    "company_size": QT_TRANSLATE_NOOP("CustomerFields", "Company size"),
    "preferences": QT_TRANSLATE_NOOP("CustomerFields", "Preferences"),
    "notes": QT_TRANSLATE_NOOP("CustomerFields", "Notes"),
    "owner_id": QT_TRANSLATE_NOOP("CustomerFields", "Owner"),
    "tags": QT_TRANSLATE_NOOP("CustomerFields", "Tags"),
    "contacts": QT_TRANSLATE_NOOP("CustomerFields", "Contacts"),
    "title": QT_TRANSLATE_NOOP("CustomerFields", "Title"),
}
VALUE_LABELS = {
    "person": QT_TRANSLATE_NOOP("CustomerFields", "Person"),
    "company": QT_TRANSLATE_NOOP("CustomerFields", "Company"),
    "female": QT_TRANSLATE_NOOP("CustomerFields", "Female"),
    "male": QT_TRANSLATE_NOOP("CustomerFields", "Male"),
    "other": QT_TRANSLATE_NOOP("CustomerFields", "Other"),
}
OPERATIONS = {
    "insert": QT_TRANSLATE_NOOP("CustomerFields", "created"),
    "update": QT_TRANSLATE_NOOP("CustomerFields", "changed"),
    "delete": QT_TRANSLATE_NOOP("CustomerFields", "deleted"),
    "restore": QT_TRANSLATE_NOOP("CustomerFields", "restored"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def field_label(name: str, custom_labels: dict[str, str] | None = None) -> str:
    """The label of a field (custom fields by their own label)."""
    if name.startswith("custom:"):
        return (custom_labels or {}).get(name[7:], name[7:])
    return tr(FIELD_LABELS[name]) if name in FIELD_LABELS else name


def show_value(name: str | None, value: Any, owners: dict[str, str] | None = None) -> str:
    """A stored value as a person reads it."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if name == "owner_id":
        return (owners or {}).get(str(value), str(value))
    if isinstance(value, str) and value in VALUE_LABELS and name in ("kind", "gender"):
        return tr(VALUE_LABELS[value])
    if isinstance(value, dict):
        return ", ".join(f"{field_label(k)}: {v}" for k, v in value.items() if v)
    return str(value)
