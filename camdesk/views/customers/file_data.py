"""What a customer file shows, read in one background job."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from camdesk.services.core import users
from camdesk.services.core.lunar_days import lunar_text, parse_lunar
from camdesk.services.customers import custom_fields, interactions, points
from camdesk.services.customers import history as history_service
from camdesk.services.customers import orders as order_service
from camdesk.services.customers import tags as tag_service
from camdesk.services.customers.files import CustomerRecord, get_customer
from camdesk.services.lists import page as customer_list
from camdesk.services.value import explain as value_explain

if TYPE_CHECKING:
    from camdesk.db import Database


@dataclass(frozen=True)
class EditorData:
    """Everything the form shows, read in one background job."""

    record: CustomerRecord | None
    fields: list[custom_fields.FieldInfo]
    owners: list[users.UserInfo]
    tags: list[str]
    orders: list[order_service.OrderRow]
    summary: order_service.PurchaseSummary | None
    history: list[history_service.ChangeEntry]
    value: value_explain.ValueFile | None = None
    points: list[points.Entry] | None = None
    timeline: list[interactions.InteractionRow] | None = None
    tag_colors: dict[str, str] | None = None


def load_editor_data(db: Database, customer_id: uuid.UUID | None) -> EditorData:
    record = get_customer(db, customer_id) if customer_id else None
    return EditorData(
        record=record,
        fields=custom_fields.list_fields(db),
        owners=users.list_users(db),
        tags=customer_list.tag_names(db),
        orders=order_service.list_orders(db, customer_id) if customer_id else [],
        summary=order_service.purchase_summary(db, customer_id) if customer_id else None,
        history=history_service.customer_history(db, customer_id) if customer_id else [],
        value=value_explain.value_file(db, customer_id) if customer_id else None,
        points=points.ledger(db, customer_id) if customer_id else None,
        timeline=interactions.list_interactions(db, customer_id) if customer_id else None,
        tag_colors=tag_service.tag_colors(db),
    )


def lunar_shown(code: str | None) -> str:
    """A stored lunar birthday ("L06-15") as Chinese readers write it (闰六月十五)."""
    if not code:
        return ""
    try:
        return lunar_text(parse_lunar(code))
    except ValueError:
        return code
