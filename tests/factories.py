"""Factories for test data: customers and orders built through the services."""

from __future__ import annotations

import itertools
from typing import Any

from camdesk.db import Database
from camdesk.services.context import Actor
from camdesk.services.customers import CustomerData, CustomerRecord, create_customer

_numbers = itertools.count(1)


def customer_data(**overrides: Any) -> CustomerData:
    n = next(_numbers)
    values: dict[str, Any] = {
        "name": f"测试客户{n}",
        "mobile": f"139{n:08d}",
        "city": "杭州",
        "province": "浙江",
    }
    values.update(overrides)
    return CustomerData(**values)


def make_customer(db: Database, actor: Actor, **overrides: Any) -> CustomerRecord:
    return create_customer(db, customer_data(**overrides), actor)
