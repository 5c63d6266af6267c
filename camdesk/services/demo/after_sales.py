"""The demo's after-sales data: feedback, satisfaction answers and churn reasons.

Proportions as a shop sees them: about a quarter of buyers gave feedback (complaints most,
concentrated in delivery and quality), nearly half answered a survey (NPS mostly promoters
with a tail of detractors; CSAT following it), and customers who stopped buying answered
worse towards the end. Those whose last order is more than a year old (the lifecycle will
call them churned) have a reason recorded for two in five of them.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, func, select

from camdesk.models import (
    ChurnReason,
    CustomerScore,
    Feedback,
    FeedbackKind,
    FeedbackStatus,
    FeedbackStep,
    Order,
    Severity,
    Survey,
    SurveyResponse,
    new_id,
)
from camdesk.services.core.bulk import insert_rows
from camdesk.services.core.context import Actor
from camdesk.services.feedback.rules import SLA_HOURS

CHUNK = 5000
TABLES = (Feedback, FeedbackStep, SurveyResponse, ChurnReason, CustomerScore)  # bulk-loaded here
KINDS = (FeedbackKind.COMPLAINT, FeedbackKind.QUESTION, FeedbackKind.SUGGESTION,
         FeedbackKind.PRAISE)  # fmt: skip
KIND_WEIGHTS = (45, 25, 15, 15)
CATEGORIES = ("delivery", "quality", "price", "service", "other")
COMPLAINT_WEIGHTS = (40, 30, 10, 15, 5)
OTHER_WEIGHTS = (20, 25, 20, 20, 15)
SEVERITIES = (Severity.URGENT, Severity.HIGH, Severity.NORMAL, Severity.LOW)
SEVERITY_WEIGHTS = (5, 20, 60, 15)
RESOLVE_HOURS = {Severity.URGENT: 3, Severity.HIGH: 18, Severity.NORMAL: 45, Severity.LOW: 90}
NPS_HAPPY = (1, 1, 1, 1, 1, 2, 3, 6, 12, 20, 18)  # weights of 0..10
NPS_LEAVING = (2, 2, 3, 4, 5, 6, 7, 8, 6, 4, 3)
REASONS = ("price", "quality", "service", "competitor", "moved", "no_need", "other")
REASON_WEIGHTS = (25, 15, 10, 25, 8, 12, 5)
SAYINGS = {
    FeedbackKind.COMPLAINT: ("快递太慢，等了一个星期", "包装破损，商品有划痕", "尺码不对，要换货",
                             "客服回复太慢", "少发了一件", "价格比别家贵"),
    FeedbackKind.QUESTION: ("发票怎么开？", "能不能货到付款？", "会员积分怎么用？"),
    FeedbackKind.SUGGESTION: ("希望有夜间配送", "希望多一些小包装", "希望增加微信支付"),
    FeedbackKind.PRAISE: ("送货很快，服务很好", "质量不错，会再来", "客服很耐心"),
}  # fmt: skip


@dataclass(frozen=True)
class AfterSales:
    feedback: int
    responses: int
    churn_reasons: int


def add_after_sales(conn: Connection, rng: random.Random, ids: Sequence[uuid.UUID],
                    actor: Actor, today: date) -> AfterSales:  # fmt: skip
    """Feedback, one survey's answers and churn reasons for the customers ``ids``."""
    now = datetime.now(UTC)
    survey = new_id()
    insert_rows(conn, Survey, [{
        "id": survey, "name": "售后满意度回访", "asks_csat": True, "asks_nps": True,
        "questions": '["哪里可以做得更好？"]', "active": True, "created_at": now,
        "updated_at": now, "version": 1, "updated_by": actor.user_id,
    }])  # fmt: skip
    number = int(conn.scalar(select(func.max(Feedback.number))) or 0)
    made = AfterSales(0, 0, 0)
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start : start + CHUNK])
        spans = dict(((c, (a, b)) for c, a, b in conn.execute(
            select(Order.customer_id, func.min(Order.ordered_on), func.max(Order.ordered_on))
            .where(Order.customer_id.in_(chunk)).group_by(Order.customer_id))))  # fmt: skip
        items, steps, answers, reasons = [], [], [], []
        for customer, (first, last) in spans.items():
            leaving = (today - last).days > 180
            if rng.random() < 0.25:
                for _ in range(rng.choice((1, 1, 1, 2, 3))):
                    number += 1
                    item, item_steps = _feedback(rng, customer, number, first, last, now, actor)
                    items.append(item)
                    steps += item_steps
            if rng.random() < 0.45:
                for _ in range(rng.choice((1, 1, 2))):
                    answers.append(_answer(rng, survey, customer, first, last, leaving, now, actor))
            if (today - last).days > 366 and rng.random() < 0.4:
                reasons.append(_reason(rng, customer, last + timedelta(days=366), now, actor))
        insert_rows(conn, Feedback, items)
        insert_rows(conn, FeedbackStep, steps)
        insert_rows(conn, SurveyResponse, answers)
        insert_rows(conn, ChurnReason, reasons)
        insert_rows(conn, CustomerScore, _latest(answers))  # new customers: no earlier answers
        made = AfterSales(made.feedback + len(items), made.responses + len(answers),
                          made.churn_reasons + len(reasons))  # fmt: skip
    return made


def _latest(answers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found: dict[uuid.UUID, dict[str, Any]] = {}
    for answer in sorted(answers, key=lambda a: a["answered_at"]):
        found[answer["customer_id"]] = {"customer_id": answer["customer_id"],
                                        "nps": answer["nps"], "nps_at": answer["answered_at"],
                                        "csat": answer["csat"], "csat_at": answer["answered_at"]}  # fmt: skip
    return list(found.values())


def _moment(rng: random.Random, first: date, last: date, now: datetime) -> datetime:
    """A moment from the first order to a month after the last one, never after now
    (drawn within what has passed, so recent buyers do not pile up on today)."""
    today = now.astimezone().date()
    end = min(last + timedelta(days=30), today)
    day = first + timedelta(days=rng.randint(0, max((end - first).days, 0)))
    at = datetime.combine(day, time(rng.randint(8, 21), rng.randint(0, 59))).astimezone()
    return min(at.astimezone(UTC), now - timedelta(minutes=rng.randint(5, 600)))


def _feedback(rng: random.Random, customer: uuid.UUID, number: int, first: date, last: date,
              now: datetime, actor: Actor) -> tuple[dict[str, Any], list[dict[str, Any]]]:  # fmt: skip
    kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
    weights = COMPLAINT_WEIGHTS if kind is FeedbackKind.COMPLAINT else OTHER_WEIGHTS
    severity = rng.choices(SEVERITIES, SEVERITY_WEIGHTS)[0]
    received = _moment(rng, first, last, now)
    resolved: datetime | None = received + timedelta(
        hours=rng.expovariate(1 / RESOLVE_HOURS[severity])
    )
    status = FeedbackStatus.CLOSED
    if resolved is not None and resolved > now:
        resolved, status = None, FeedbackStatus.IN_PROGRESS
    closed = resolved + timedelta(hours=rng.randint(1, 48)) if resolved else None
    if closed is not None and closed > now:
        closed, status = None, FeedbackStatus.RESOLVED
    ident = new_id()
    item = {
        "id": ident, "number": number, "customer_id": customer, "order_id": None, "kind": kind,
        "channel": rng.choice(("call", "wechat", "sms", "email")),
        "category": rng.choices(CATEGORIES, weights)[0], "severity": severity,
        "description": rng.choice(SAYINGS[kind]), "assignee_id": None, "status": status,
        "received_at": received, "due_at": received + timedelta(hours=SLA_HOURS[severity]),
        "resolution": "已处理并回访客户" if resolved else None, "resolved_at": resolved,
        "informed_at": closed, "closed_at": closed, "reopened": 0, "created_at": received,
        "updated_at": now, "updated_by": actor.user_id, "version": 1, "deleted_at": None,
    }  # fmt: skip
    moves: list[tuple[FeedbackStatus | None, FeedbackStatus, datetime]] = [
        (None, FeedbackStatus.NEW, received)
    ]
    if resolved:
        moves.append((FeedbackStatus.NEW, FeedbackStatus.RESOLVED, resolved))
    else:
        started = received + timedelta(minutes=rng.randint(10, 240))
        moves.append((FeedbackStatus.NEW, FeedbackStatus.IN_PROGRESS, min(started, now)))
    if closed:
        moves.append((FeedbackStatus.RESOLVED, FeedbackStatus.CLOSED, closed))
    steps = [{"id": new_id(), "feedback_id": ident, "from_status": old, "to_status": new,
              "user_id": actor.user_id, "at": at, "note": None} for old, new, at in moves]  # fmt: skip
    return item, steps


def _answer(rng: random.Random, survey: uuid.UUID, customer: uuid.UUID, first: date, last: date,
            leaving: bool, now: datetime, actor: Actor) -> dict[str, Any]:  # fmt: skip
    at = _moment(rng, first, last, now)
    near_end = leaving and (last - at.date()).days < 90
    nps = rng.choices(range(11), NPS_LEAVING if near_end and rng.random() < 0.5 else NPS_HAPPY)[0]
    csat = max(1, min(5, round(nps / 2.2) + rng.choice((-1, 0, 0, 1))))
    return {
        "id": new_id(), "survey_id": survey, "customer_id": customer, "feedback_id": None,
        "answered_at": at, "csat": csat, "nps": nps,
        "comment": rng.choice(("送货慢", "价格偏高", "客服态度差")) if nps <= 6 and rng.random() < 0.5
        else None,
        "answers": None, "channel": rng.choice(("sms", "wechat", "call")), "source": "import",
        "created_at": at, "updated_at": now, "updated_by": actor.user_id, "version": 1,
        "deleted_at": None,
    }  # fmt: skip


def _reason(rng: random.Random, customer: uuid.UUID, on: date, now: datetime,
            actor: Actor) -> dict[str, Any]:  # fmt: skip
    return {
        "id": new_id(), "customer_id": customer, "reason": rng.choices(REASONS, REASON_WEIGHTS)[0],
        "note": None, "on": on, "source": "stage", "created_at": now, "updated_at": now,
        "updated_by": actor.user_id, "version": 1, "deleted_at": None,
    }  # fmt: skip
