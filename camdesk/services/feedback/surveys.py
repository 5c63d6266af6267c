"""Satisfaction surveys (满意度调查): what a survey asks, and the answers customers give.

A survey asks CSAT (1-5), NPS (0-10) or both, and any extra questions. A response
belongs to one customer and one survey, and may rate a resolved feedback item (the check
after resolving it). Writing responses keeps each customer's latest scores
(:mod:`.scores`) and lets the loop plan a follow-up for a detractor (:mod:`.loop`).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from camdesk.db import Database
from camdesk.errors import NotFound, SurveyChanged, ValidationError
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.models import Customer, Feedback, Survey, SurveyResponse, new_id
from camdesk.services.core.changelog import ChangeWriter, Op
from camdesk.services.core.changes import Changes, Kind, Written
from camdesk.services.core.context import Actor
from camdesk.services.core.users import last_change
from camdesk.services.core.validation import FUTURE_DATE, Checker
from camdesk.services.customers.interactions import CHANNELS
from camdesk.services.feedback import loop, scores
from camdesk.services.feedback.rules import FeedbackRules, load_rules
from camdesk.services.feedback.workflow import DONE, LEEWAY, UNKNOWN_CHANNEL

NOTHING_ASKED = QT_TRANSLATE_NOOP("errors", "A survey asks CSAT, NPS or at least one question.")
CSAT_RANGE = QT_TRANSLATE_NOOP("errors", "CSAT is a whole number from 1 to 5, not “{value}”.")
NPS_RANGE = QT_TRANSLATE_NOOP("errors", "NPS is a whole number from 0 to 10, not “{value}”.")
NOT_ASKED = QT_TRANSLATE_NOOP("errors", "This survey does not ask for it.")
NO_ANSWER = QT_TRANSLATE_NOOP("errors", "Give a score, an answer or a comment.")
NOT_RESOLVED = QT_TRANSLATE_NOOP(
    "errors", "A response can rate only this customer's resolved feedback."
)
NAME_TAKEN = QT_TRANSLATE_NOOP("errors", "Another survey is called “{value}”.")


@dataclass(frozen=True)
class SurveyData:
    name: str
    asks_csat: bool = True
    asks_nps: bool = False
    questions: tuple[str, ...] = ()
    active: bool = True


@dataclass(frozen=True)
class SurveyInfo(SurveyData):
    id: uuid.UUID = field(default_factory=uuid.uuid4)
    version: int = 1


@dataclass(frozen=True)
class ResponseData:
    """One customer's answers as a user records them (or an import reads them)."""

    customer_id: uuid.UUID
    survey_id: uuid.UUID
    csat: int | None = None
    nps: int | None = None
    comment: str | None = None
    answers: tuple[tuple[str, str], ...] = ()  # (question, answer)
    answered_at: datetime | None = None
    feedback_id: uuid.UUID | None = None
    channel: str | None = None


@dataclass(frozen=True)
class Recorded:
    id: uuid.UUID
    follow_up_id: uuid.UUID | None  # the detractor's follow-up the loop planned, if any


def save_survey(db: Database, data: SurveyData, actor: Actor,
                survey: SurveyInfo | None = None) -> Written[uuid.UUID]:  # fmt: skip
    """Define a survey, or change ``survey`` (as the user saw it)."""
    check = Checker()
    name = check.text("name", data.name, 100, required=True)
    questions = [q for q in (check.text("questions", q, 500) for q in data.questions) if q]
    if not (data.asks_csat or data.asks_nps or questions):
        check.fail("questions", NOTHING_ASKED)
    txn = uuid.uuid4()
    with db.write() as session:
        taken = session.scalar(select(Survey.id).where(
            Survey.name == name, Survey.deleted_at.is_(None),
            Survey.id != (survey.id if survey else uuid.UUID(int=0))))  # fmt: skip
        if taken is not None:
            check.fail("name", NAME_TAKEN, value=name)
        if check.problems:
            raise ValidationError(check.problems)
        values = {"name": name, "asks_csat": data.asks_csat, "asks_nps": data.asks_nps,
                  "questions": json.dumps(questions, ensure_ascii=False), "active": data.active}  # fmt: skip
        log = ChangeWriter(session, actor, txn)
        if survey is None:
            row = Survey(id=new_id(), updated_by=actor.user_id, **values)
            session.add(row)
            session.flush()
            log.add("survey", row.id, Op.INSERT)
        else:
            row = _current_survey(session, survey)
            log.fields("survey", row.id, [(k, getattr(row, k), v) for k, v in values.items()
                                          if getattr(row, k) != v], row.version)  # fmt: skip
            for key, value in values.items():
                setattr(row, key, value)
            row.updated_by = actor.user_id
        ident = row.id
    return Written(ident, Changes.of(Kind.FEEDBACK, (), txn))


def list_surveys(db: Database, *, active_only: bool = False) -> list[SurveyInfo]:
    with db.read() as session:
        statement = select(Survey).where(Survey.deleted_at.is_(None)).order_by(Survey.name)
        if active_only:
            statement = statement.where(Survey.active.is_(True))
        return [_info(row) for row in session.scalars(statement)]


def _info(row: Survey) -> SurveyInfo:
    return SurveyInfo(name=row.name, asks_csat=row.asks_csat, asks_nps=row.asks_nps,
                      questions=tuple(json.loads(row.questions)), active=row.active, id=row.id,
                      version=row.version)  # fmt: skip


def _current_survey(session: Session, survey: SurveyInfo) -> Survey:
    row = session.get(Survey, survey.id)
    if row is None or row.deleted_at is not None:
        raise NotFound()
    if row.version != survey.version:
        raise _changed(session, row)
    return row


def _changed(session: Session, row: Survey | SurveyResponse) -> SurveyChanged:
    return SurveyChanged(**last_change(session, row))


def add_response(db: Database, data: ResponseData, actor: Actor) -> Written[Recorded]:
    """Record one response; a detractor's plans a follow-up for the customer's owner."""
    txn = uuid.uuid4()
    with db.write() as session:
        survey = session.get(Survey, data.survey_id)
        if survey is None or survey.deleted_at is not None:
            raise NotFound(what="survey")
        values = checked_response(session, survey, data)
        recorded = write_responses(session, ChangeWriter(session, actor, txn), [values],
                                   load_rules(session))[0]  # fmt: skip
    kinds = Kind.FEEDBACK | (Kind.FOLLOWUPS if recorded.follow_up_id else Kind.NONE)
    return Written(recorded, Changes.of(kinds, [data.customer_id], txn))


def checked_response(session: Session, survey: Survey, data: ResponseData) -> dict[str, object]:
    """The row to store for ``data``; every problem at once, as a ValidationError."""
    check = Checker()
    questions = json.loads(survey.questions)
    answers = {q: a for q, a in ((q, (a or "").strip()) for q, a in data.answers) if a}
    values: dict[str, object] = {
        "survey_id": survey.id, "customer_id": data.customer_id, "feedback_id": data.feedback_id,
        "csat": data.csat, "nps": data.nps,
        "comment": check.text("comment", data.comment, 20_000, multiline=True),
        "answers": json.dumps(answers, ensure_ascii=False) if answers else None,
        "channel": data.channel or None, "answered_at": data.answered_at or datetime.now(UTC),
    }  # fmt: skip
    if data.csat is not None and not survey.asks_csat:
        check.fail("csat", NOT_ASKED)
    if data.nps is not None and not survey.asks_nps:
        check.fail("nps", NOT_ASKED)
    if data.csat is not None and not 1 <= data.csat <= 5:
        check.fail("csat", CSAT_RANGE, value=data.csat)
    if data.nps is not None and not 0 <= data.nps <= 10:
        check.fail("nps", NPS_RANGE, value=data.nps)
    if any(q not in questions for q in answers):
        check.fail("answers", NOT_ASKED)
    if data.csat is None and data.nps is None and not answers and not values["comment"]:
        check.fail("csat", NO_ANSWER)
    at = values["answered_at"]
    assert isinstance(at, datetime)
    if at > datetime.now(UTC) + LEEWAY:
        check.fail("answered_at", FUTURE_DATE, value=f"{at.astimezone():%Y-%m-%d %H:%M}")
    if values["channel"] and values["channel"] not in CHANNELS:
        check.fail("channel", UNKNOWN_CHANNEL, value=values["channel"])
    customer = session.get(Customer, data.customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFound(what="customer")
    if data.feedback_id is not None:
        item = session.get(Feedback, data.feedback_id)
        if item is None or item.customer_id != data.customer_id or item.status not in DONE:
            check.fail("feedback", NOT_RESOLVED)
    if check.problems:
        raise ValidationError(check.problems)
    return values


def write_responses(session: Session, log: ChangeWriter, rows: Sequence[dict[str, object]],
                    rules: FeedbackRules, source: str = "hand",
                    follow_up_after: datetime | None = None) -> list[Recorded]:  # fmt: skip
    """Store checked response rows; keep the latest scores; plan detractors' follow-ups
    (only for answers given after ``follow_up_after``, when given: an import of last
    year's answers is history, not today's work)."""
    made = []
    now = datetime.now(UTC)
    for values in rows:
        row = SurveyResponse(id=new_id(), source=source, updated_by=log.actor.user_id, **values)
        session.add(row)
        made.append(row)
    session.flush()
    recorded = []
    for row in made:
        log.add("survey_response", row.id, Op.INSERT)
        if follow_up_after is not None and row.answered_at <= follow_up_after:
            recorded.append(Recorded(row.id, None))
            continue
        planned = loop.after_answer(session, log, rules, customer_id=row.customer_id,
                                    response_id=row.id, nps=row.nps, csat=row.csat,
                                    comment=row.comment, at=now)  # fmt: skip
        recorded.append(Recorded(row.id, planned))
    scores.refresh(session, (row.customer_id for row in made))
    return recorded


@dataclass(frozen=True)
class ResponseRow:
    """A response as the customer file lists it."""

    id: uuid.UUID
    version: int
    survey: str
    answered_at: datetime
    csat: int | None
    nps: int | None
    comment: str | None
    answers: dict[str, str]
    feedback_number: int | None


def responses_of(db: Database, customer_id: uuid.UUID, limit: int = 200) -> list[ResponseRow]:
    """A customer's responses, newest first."""
    with db.read() as session:
        rows = session.execute(
            select(SurveyResponse.id, SurveyResponse.version, Survey.name,
                   SurveyResponse.answered_at, SurveyResponse.csat, SurveyResponse.nps,
                   SurveyResponse.comment, SurveyResponse.answers, Feedback.number)
            .join(Survey, Survey.id == SurveyResponse.survey_id)
            .outerjoin(Feedback, Feedback.id == SurveyResponse.feedback_id)
            .where(SurveyResponse.customer_id == customer_id,
                   SurveyResponse.deleted_at.is_(None))
            .order_by(SurveyResponse.answered_at.desc(), SurveyResponse.id.desc())
            .limit(limit)
        ).all()  # fmt: skip
    return [ResponseRow(*row[:7], json.loads(row[7]) if row[7] else {}, row[8]) for row in rows]


def delete_response(db: Database, ident: uuid.UUID, version: int, actor: Actor) -> Changes:
    """Delete a response recorded by mistake (a tombstone); the latest scores follow."""
    txn = uuid.uuid4()
    with db.write() as session:
        row = session.get(SurveyResponse, ident)
        if row is None or row.deleted_at is not None:
            raise NotFound()
        if row.version != version:
            raise _changed(session, row)
        now = datetime.now(UTC)
        ChangeWriter(session, actor, txn).fields(
            "survey_response", row.id, [("deleted_at", None, now)], row.version
        )
        row.deleted_at, row.updated_by = now, actor.user_id
        session.flush()
        scores.refresh(session, [row.customer_id])
        customer = row.customer_id
    return Changes.of(Kind.FEEDBACK, [customer], txn)
