"""Demo databases with realistic Chinese customer data.

Faker's zh_CN gives weighted surnames (polyphone surnames such as 曾, 单, 解
at their natural rate) and addresses; the rest comes from
:mod:`camdesk.services.demo.reference`: real province/city pairs, every current
mobile prefix, varied company names, products.  Purchases follow the shape
real customer bases have: some never buy, many buy once, a minority brings
most of the revenue (heavy-tailed purchase rates), and some stopped buying.
Everything is written in one transaction: a cancelled run leaves nothing.
"""

from __future__ import annotations

import itertools
import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import numpy as np
from faker import Faker
from pypinyin import Style, lazy_pinyin

from camdesk.db import Database
from camdesk.errors import Cancelled
from camdesk.models import FollowUp, Interaction, Order, new_id
from camdesk.services.core.bulk import indexes_rebuilt, insert_rows
from camdesk.services.core.changelog import ChangeWriter
from camdesk.services.core.changes import EVERYTHING, Changes, Kind
from camdesk.services.core.context import Actor
from camdesk.services.core.lunar_days import lunar_code
from camdesk.services.core.users import ensure_user
from camdesk.services.core.validation import normalize_phone
from camdesk.services.customers.builder import TABLES, NewCustomers
from camdesk.services.customers.record import ContactData, CustomerData
from camdesk.services.demo import daily
from camdesk.services.demo import reference as ref
from camdesk.services.demo.after_sales import TABLES as AFTER_SALES
from camdesk.services.demo.after_sales import add_after_sales
from camdesk.services.followups.chinese_dates import lunar_of

Progress = Callable[[int, int], None]
CHUNK = 5000
AREA_CODES = {"北京": "10", "上海": "21", "天津": "22", "重庆": "23", "广州": "20", "深圳": "755",
              "杭州": "571", "南京": "25", "成都": "28", "武汉": "27", "西安": "29", "苏州": "512",
              "郑州": "371", "长沙": "731", "青岛": "532", "济南": "531", "福州": "591",
              "厦门": "592", "沈阳": "24", "大连": "411", "合肥": "551", "宁波": "574"}  # fmt: skip
EMAIL_DOMAINS = (
    "qq.com",
    "163.com",
    "126.com",
    "sina.com",
    "gmail.com",
    "outlook.com",
    "139.com",
    "foxmail.com",
)
SALES_REPS = (
    ("sales.wang", "王静"),
    ("sales.li", "李强"),
    ("sales.zhang", "张敏"),
    ("sales.liu", "刘洋"),
    ("sales.chen", "陈磊"),
    ("sales.zhao", "赵婷"),
)


@dataclass(frozen=True)
class DemoSpec:
    """How big a demo to make.

    Attributes:
        customers: number of customer files (about one in eight is a company).
        orders: number of purchase records spread over the last three years.
        seed: the same seed gives the same data.
        today: the day the data ends (default: today).
    """

    customers: int
    orders: int
    seed: int = 7
    today: date | None = None


@dataclass(frozen=True)
class DemoResult:
    customers: int
    companies: int
    contacts: int
    orders: int
    interactions: int
    tags: int
    follow_ups: int = 0
    feedback: int = 0
    responses: int = 0
    churn_reasons: int = 0

    @property
    def changes(self) -> Changes:
        """New customers of every kind of data (and users who own them); no undo."""
        return Changes.of(EVERYTHING & ~Kind.VALUES & ~Kind.SEGMENTS, None)


class _Maker:
    """Draws one customer at a time from the seeded generators."""

    def __init__(self, spec: DemoSpec, owners: list[uuid.UUID]) -> None:
        self.rng = random.Random(spec.seed)
        self.faker = Faker("zh_CN")
        self.faker.seed_instance(spec.seed)
        person = self.faker.provider("faker.providers.person")
        surnames = person.last_names
        self.surnames = list(surnames)
        self.surname_weights = list(itertools.accumulate(surnames.values()))
        self.first_names = list(person.first_names)
        self.provinces = list(ref.PROVINCE_WEIGHTS)
        self.province_weights = list(itertools.accumulate(ref.PROVINCE_WEIGHTS.values()))
        self.owners = owners
        self.today = spec.today or date.today()
        self.company_names: set[str] = set()

    def person_name(self) -> str:
        rng = self.rng
        if rng.random() < 0.03:
            return f"{rng.choice(ref.ENGLISH_FIRST)} {rng.choice(ref.ENGLISH_LAST)}"
        surname = rng.choices(self.surnames, cum_weights=self.surname_weights)[0]
        if rng.random() < 0.35:
            return surname + rng.choice(self.first_names)
        size = 1 if rng.random() < 0.25 else 2
        return surname + "".join(rng.choice(ref.GIVEN_CHARS) for _ in range(size))

    def company_name(self, city: str) -> tuple[str, str]:
        rng = self.rng
        for _ in range(20):
            trade, industry = rng.choice(ref.COMPANY_TRADES)
            root = rng.choice(ref.COMPANY_ROOTS)
            if rng.random() < 0.3:
                root += rng.choice(ref.COMPANY_ROOTS)[0]
            name = f"{city}{root}{trade}{rng.choice(ref.COMPANY_FORMS)}"
            if name not in self.company_names or len(self.company_names) > 2_000_000:
                self.company_names.add(name)
                return name, industry
        return f"{city}{root}{trade}{rng.randint(2, 99)}号{rng.choice(ref.COMPANY_FORMS)}", industry

    def landline(self, area: str) -> str | None:
        """A local number of the city's length (8 digits in 北京 010 or 杭州 0571, 7 in some
        cities such as 厦门 0592), as the form and the import accept it."""
        for digits in (8, 7):
            number = (
                f"+86{area}{self.rng.randrange(2 * 10 ** (digits - 1), 9 * 10 ** (digits - 1))}"
            )
            try:
                return normalize_phone(number)
            except ValueError:
                continue
        return None

    def mobile(self) -> str:
        return f"+86{self.rng.choice(ref.MOBILE_PREFIXES)}{self.rng.randrange(10**8):08d}"

    def email(self, name: str) -> str:
        base = "".join(lazy_pinyin(name, style=Style.NORMAL)).replace(" ", ".").lower()
        base = "".join(c for c in base if c.isascii() and (c.isalnum() or c == ".")) or "user"
        # Six digits: people with the same name rarely share an address (a test checks).
        return f"{base}{self.rng.randrange(10**6):06d}@{self.rng.choice(EMAIL_DOMAINS)}"

    def place(self) -> tuple[str, str]:
        province = self.rng.choices(self.provinces, cum_weights=self.province_weights)[0]
        return province, self.rng.choice(ref.PROVINCE_CITIES[province])

    def customer(self, index: int) -> CustomerData:
        """One customer file as a person would type it (the form's rules then check it)."""
        rng = self.rng
        province, city = self.place()
        company = rng.random() < 0.12
        row: dict[str, Any] = {
            "code": f"KH{index + 1:07d}" if rng.random() < 0.7 else None,
            "province": province,
            "city": city,
            "address": self.faker.street_address(),
            "source": rng.choice(ref.SOURCES),
            "owner_id": rng.choice(self.owners) if rng.random() < 0.8 else None,
            "preferences": rng.choice(ref.PREFERENCES) or None,
        }
        if company:
            name, industry = self.company_name(city)
            row.update(
                kind="company",
                name=name,
                industry=industry,
                company_size=rng.choice(ref.COMPANY_SIZES),
                mobile=self.mobile(),
            )
            if city in AREA_CODES and rng.random() < 0.6:
                row["phone"] = self.landline(AREA_CODES[city])
            if rng.random() < 0.5:
                row["email"] = f"info{rng.randrange(10**6):06d}@{rng.choice(EMAIL_DOMAINS)}"
            row["contacts"] = self.contacts()
        else:
            name = self.person_name()
            row.update(
                kind="person",
                name=name,
                mobile=self.mobile() if rng.random() < 0.97 else None,
                gender=rng.choice(("female", "male")),
            )
            if rng.random() < 0.6:
                age_days = rng.randint(18 * 365, 75 * 365)
                row["birthday"] = self.today - timedelta(days=age_days)
                if age_days > 50 * 365 and rng.random() < 0.4:  # older customers keep 农历生日
                    row["lunar_birthday"] = lunar_code(lunar_of(row["birthday"]))
            if rng.random() < 0.55:
                row["email"] = self.email(name)
            if rng.random() < 0.25:
                row["company_name"] = self.company_name(city)[0]
        row["tags"] = tuple(rng.sample(ref.TAGS, rng.choice((0, 0, 0, 1, 1, 2))))
        return CustomerData(**row)

    def contacts(self) -> tuple[ContactData, ...]:
        return tuple(
            ContactData(
                name=self.person_name(), title=self.rng.choice(ref.TITLES), mobile=self.mobile()
            )
            for _ in range(self.rng.choice((1, 1, 2, 2, 3)))
        )

    def contact_times(self, rng: np.random.Generator) -> list[datetime]:
        """When the customer was called, written to, visited: a few times in two years."""
        return [
            _at(self.today - timedelta(days=self.rng.randint(0, 720)), self.rng)
            for _ in range(min(int(rng.poisson(2.0)), 10))
        ]


def _purchase_counts(rng: np.random.Generator, customers: int, orders: int) -> np.ndarray:
    """Orders per customer: 15% never buy, the rest at heavy-tailed rates (Pareto-like)."""
    buyers = rng.random(customers) >= 0.15
    if orders < buyers.sum():
        keep = rng.choice(np.flatnonzero(buyers), size=orders, replace=False)
        buyers[:] = False
        buyers[keep] = True
    counts = buyers.astype(np.int64)
    rest = orders - int(counts.sum())
    if rest > 0 and buyers.any():
        weights = rng.gamma(shape=0.35, scale=1.0, size=customers) * buyers
        counts += rng.multinomial(rest, weights / weights.sum())
    return counts


def _at(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(rng.randint(8, 20), rng.randint(0, 59)), tzinfo=UTC)


def generate(
    db: Database,
    spec: DemoSpec,
    actor: Actor,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DemoResult:
    """Fill ``db`` with demo customers, contacts, tags, orders, interactions and follow-ups."""
    owners = [ensure_user(db, login, name).id for login, name in SALES_REPS]
    maker = _Maker(spec, owners)
    nprng = np.random.default_rng(spec.seed)
    counts = _purchase_counts(nprng, spec.customers, spec.orders)
    total = spec.customers + int(counts.sum())
    done = 0
    now = datetime.now(UTC)
    stats = {"companies": 0, "contacts": 0, "interactions": 0, "follow_ups": 0}

    def step(amount: int) -> None:
        nonlocal done
        done += amount
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(done, total)

    with db.write() as session:
        builder = NewCustomers(session, ChangeWriter(session, actor, uuid.uuid4()), {},
                               many=True)  # fmt: skip
        builder.know_tags(ref.TAGS)  # the team's own tags of these names are used, not made twice
        span = 3 * 365  # days of history
        kinds: list[bool] = []
        conn = session.connection()
        with indexes_rebuilt(conn, (*TABLES, Interaction, FollowUp, Order), spec.customers):
            for start in range(0, spec.customers, CHUNK):
                interactions, tasks = [], []
                for index in range(start, min(start + CHUNK, spec.customers)):
                    data = maker.customer(index)
                    created = now - timedelta(days=maker.rng.randint(0, span))
                    times = maker.contact_times(nprng)
                    ident = builder.add(builder.check(data), created_at=created,
                                        last_contact_at=max(times, default=None))  # fmt: skip
                    interactions += [daily.interaction(maker.rng, ident, at, data.owner_id)
                                     for at in times]  # fmt: skip
                    tasks += daily.follow_ups(maker.rng, maker.today, ident, data.owner_id, now)
                    kinds.append(data.kind == "company")
                    stats["companies"] += data.kind == "company"
                    stats["contacts"] += len(data.contacts)
                builder.write(keys=True)
                insert_rows(conn, Interaction, interactions)
                insert_rows(conn, FollowUp, tasks)
                stats["interactions"] += len(interactions)
                stats["follow_ups"] += len(tasks)
                step(len(kinds) - start)
            for chunk in _orders(maker, nprng, builder.made, kinds, counts, actor):
                insert_rows(conn, Order, chunk)
                step(len(chunk))
        with indexes_rebuilt(conn, AFTER_SALES, spec.customers // 2):  # orders indexed again
            after = add_after_sales(conn, maker.rng, builder.made, actor, maker.today)
    db.analyze()  # statistics for the planner after a bulk load
    return DemoResult(
        customers=spec.customers,
        companies=stats["companies"],
        contacts=stats["contacts"],
        orders=int(counts.sum()),
        interactions=stats["interactions"],
        follow_ups=stats["follow_ups"],
        tags=len(ref.TAGS),
        feedback=after.feedback,
        responses=after.responses,
        churn_reasons=after.churn_reasons,
    )


def _orders(
    maker: _Maker,
    rng: np.random.Generator,
    ids: list[uuid.UUID],
    companies: list[bool],
    counts: np.ndarray,
    actor: Actor,
) -> Iterator[list[dict[str, Any]]]:
    """Purchase rows in chunks: each buyer active over a window; a third stopped buying."""
    today = maker.today
    horizon = 3 * 365
    n = len(ids)
    first = rng.integers(0, horizon, size=n)  # days after the start of the window
    stopped = rng.random(n) < 0.33
    last = np.where(stopped, first + (horizon - first) * rng.random(n) * 0.6, horizon)
    last = np.minimum(last, np.where(stopped, horizon - 180, horizon)).astype(np.int64)
    last = np.maximum(last, first)
    spend = rng.gamma(shape=4.0, scale=0.25, size=n)  # customer's spending level
    owner = np.repeat(np.arange(n), counts)
    total = len(owner)
    start_day = today - timedelta(days=horizon)
    person_products = [i for i, p in enumerate(ref.PRODUCTS) if p[1] != "企业采购"]
    stamp = datetime.now(UTC)
    for begin in range(0, total, 50_000):
        who = owner[begin : begin + 50_000]
        offsets = first[who] + (rng.random(len(who)) * (last[who] - first[who] + 1)).astype(
            np.int64
        )
        noise = np.exp(rng.normal(0.0, 0.2, size=len(who)))
        quantity = rng.geometric(0.7, size=len(who))
        picks = rng.random(len(who))
        rows = []
        for k, customer in enumerate(who.tolist()):
            if companies[customer]:
                product = ref.PRODUCTS[int(picks[k] * len(ref.PRODUCTS))]
            else:
                product = ref.PRODUCTS[person_products[int(picks[k] * len(person_products))]]
            name, category, price, cost_share = product
            amount = int(price * 100 * int(quantity[k]) * float(noise[k]) * float(spend[customer]))
            amount = max(amount, 100)
            rows.append(
                {
                    "id": new_id(),
                    "customer_id": ids[customer],
                    "ordered_on": start_day + timedelta(days=int(min(offsets[k], horizon))),
                    "order_no": None,
                    "product": name,
                    "category": category,
                    "quantity": int(quantity[k]),
                    "amount": amount,
                    "cost": amount * cost_share // 100,
                    "channel": maker.rng.choice(ref.CHANNELS),
                    "notes": None,
                    "created_at": stamp,
                    "updated_at": stamp,
                    "version": 1,
                    "updated_by": actor.user_id,
                    "deleted_at": None,
                }
            )
        yield rows
