"""What a team sets for feedback: service levels, categories, churn reasons, the loop.

One JSON document (``feedback_setting`` "rules") shared by everyone on the database. Lists
are kept as (key, label) with a retired flag: a retired category or reason stays readable on
the items that carry it and is no longer offered.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from camdesk.db import Database
from camdesk.errors import FeedbackRulesChanged, ValidationError
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.models import FeedbackSetting, Severity, User, utcnow
from camdesk.services.core.changes import Changes, Kind, Written
from camdesk.services.core.context import Actor
from camdesk.services.core.validation import Checker, clean_text

RULES_KEY = "rules"


@dataclass(frozen=True)
class Choice:
    """One entry of an editable list: its key (stored on items), label, and whether it is
    still offered."""

    key: str
    label: str
    retired: bool = False


# The lists a new database starts with; labels are English sources, shown translated
# (context "feedback") until a team renames them.
CATEGORIES = (
    Choice("quality", QT_TRANSLATE_NOOP("feedback", "Product quality")),
    Choice("delivery", QT_TRANSLATE_NOOP("feedback", "Delivery")),
    Choice("price", QT_TRANSLATE_NOOP("feedback", "Price")),
    Choice("service", QT_TRANSLATE_NOOP("feedback", "Service attitude")),
    Choice("other", QT_TRANSLATE_NOOP("feedback", "Other")),
)
CHURN_REASONS = (
    Choice("price", QT_TRANSLATE_NOOP("feedback", "Price")),
    Choice("quality", QT_TRANSLATE_NOOP("feedback", "Quality")),
    Choice("service", QT_TRANSLATE_NOOP("feedback", "Service")),
    Choice("competitor", QT_TRANSLATE_NOOP("feedback", "Went to a competitor")),
    Choice("moved", QT_TRANSLATE_NOOP("feedback", "Moved away")),
    Choice("no_need", QT_TRANSLATE_NOOP("feedback", "No longer needs it")),
    Choice("other", QT_TRANSLATE_NOOP("feedback", "Other")),
)
SEVERITIES = tuple(Severity)  # most urgent first, for screens that list them
SLA_HOURS = {Severity.URGENT: 4, Severity.HIGH: 24, Severity.NORMAL: 72, Severity.LOW: 168}


@dataclass(frozen=True)
class FeedbackRules:
    """The team's feedback settings.

    Attributes:
        sla_hours: hours to resolve, by severity (the due time of a new item).
        categories, churn_reasons: the editable lists.
        follow_up_hours: a complaint or a detractor's response plans a follow-up for the
            customer's owner due within this many hours.
        check_after_days: resolving a complaint plans a satisfaction check this many days
            later (0: none).
    """

    sla_hours: dict[Severity, int] = field(default_factory=lambda: dict(SLA_HOURS))
    categories: tuple[Choice, ...] = CATEGORIES
    churn_reasons: tuple[Choice, ...] = CHURN_REASONS
    follow_up_hours: int = 24
    check_after_days: int = 3

    def due(self, severity: Severity, received_at: datetime) -> datetime:
        """When feedback of ``severity`` received at ``received_at`` should be resolved."""
        return received_at + timedelta(hours=self.sla_hours.get(severity, SLA_HOURS[severity]))

    def offered(self, choices: tuple[Choice, ...]) -> tuple[Choice, ...]:
        return tuple(c for c in choices if not c.retired)


def to_json(rules: FeedbackRules) -> str:
    return json.dumps({
        "sla_hours": {s.value: h for s, h in rules.sla_hours.items()},
        "categories": [asdict(c) for c in rules.categories],
        "churn_reasons": [asdict(c) for c in rules.churn_reasons],
        "follow_up_hours": rules.follow_up_hours, "check_after_days": rules.check_after_days,
    }, ensure_ascii=False)  # fmt: skip


def from_json(text: str) -> FeedbackRules:
    data = json.loads(text)
    default = FeedbackRules()
    return replace(
        default,
        sla_hours={**default.sla_hours,
                   **{Severity(k): int(v) for k, v in data.get("sla_hours", {}).items()}},
        categories=tuple(Choice(**c) for c in data.get("categories", ())) or default.categories,
        churn_reasons=tuple(Choice(**c) for c in data.get("churn_reasons", ()))
        or default.churn_reasons,
        follow_up_hours=int(data.get("follow_up_hours", default.follow_up_hours)),
        check_after_days=int(data.get("check_after_days", default.check_after_days)),
    )  # fmt: skip


def load_rules(session: Session) -> FeedbackRules:
    row = session.get(FeedbackSetting, RULES_KEY)
    return from_json(row.value) if row else FeedbackRules()


def store_rules(session: Session, rules: FeedbackRules, actor: Actor | None) -> None:
    row = session.get(FeedbackSetting, RULES_KEY)
    if row is None:
        row = FeedbackSetting(key=RULES_KEY, value="", updated_at=utcnow())
        session.add(row)
    row.value, row.updated_at = to_json(rules), utcnow()
    row.updated_by = actor.user_id if actor else None


def read_rules(db: Database) -> FeedbackRules:
    """The team's feedback settings, read in their own transaction."""
    with db.read() as session:
        return load_rules(session)


@dataclass(frozen=True)
class SeenRules:
    """The settings as a user was shown them: ``stamp`` tells a later change apart."""

    rules: FeedbackRules
    stamp: datetime | None  # when they were last stored (None: never, the defaults)


HOURS_RANGE = QT_TRANSLATE_NOOP("errors", "Give a whole number from {low} to {high}.")
NO_LABEL = QT_TRANSLATE_NOOP("errors", "Every entry of the list needs a name.")
SAME_LABEL = QT_TRANSLATE_NOOP("errors", "“{value}” is in the list twice.")
NONE_OFFERED = QT_TRANSLATE_NOOP("errors", "Keep at least one entry offered.")


def read_seen(db: Database) -> SeenRules:
    with db.read() as session:
        row = session.get(FeedbackSetting, RULES_KEY)
        return (
            SeenRules(from_json(row.value), row.updated_at)
            if row
            else SeenRules(FeedbackRules(), None)
        )


def save_rules(
    db: Database, rules: FeedbackRules, actor: Actor, seen: SeenRules
) -> Written[SeenRules]:
    """Store the team's settings as a user changed them from ``seen``.

    Someone else's change since is :class:`FeedbackRulesChanged` (nothing is written). An
    entry of a list is never lost: one left out is kept, retired (items carry its key);
    a new entry (empty key) gets a key of its own.
    """
    check = Checker()
    for severity, hours in rules.sla_hours.items():
        _whole(check, f"sla_hours.{severity.value}", hours, 1, 8760)
    _whole(check, "follow_up_hours", rules.follow_up_hours, 1, 720)
    _whole(check, "check_after_days", rules.check_after_days, 0, 90)
    with db.write() as session:
        row = session.get(FeedbackSetting, RULES_KEY)
        stamp = row.updated_at if row is not None else None
        if stamp != seen.stamp:
            who = (
                session.scalar(select(User.display_name).where(User.id == row.updated_by))
                if row
                else None
            )
            when = stamp or seen.stamp
            assert when is not None  # they differ, so one of them is a time
            raise FeedbackRulesChanged(
                changed_by=who or "?", changed_at=f"{when.astimezone():%Y-%m-%d %H:%M}"
            )
        before = load_rules(session)
        kept = replace(
            rules,
            categories=_merged(check, "categories", rules.categories, before.categories),
            churn_reasons=_merged(
                check, "churn_reasons", rules.churn_reasons, before.churn_reasons
            ),
        )
        if check.problems:
            raise ValidationError(check.problems)
        store_rules(session, kept, actor)
        session.flush()
        stamp = session.get(FeedbackSetting, RULES_KEY).updated_at  # type: ignore[union-attr]
    return Written(SeenRules(kept, stamp), Changes.of(Kind.FEEDBACK))


def _whole(check: Checker, name: str, value: int, low: int, high: int) -> None:
    if not low <= value <= high:
        check.fail(name, HOURS_RANGE, low=low, high=high)


def _merged(check: Checker, name: str, given: tuple[Choice, ...],
            before: tuple[Choice, ...]) -> tuple[Choice, ...]:  # fmt: skip
    """``given`` checked, new entries keyed, and entries of ``before`` left out kept retired."""
    taken = {c.key for c in (*before, *given) if c.key}
    found: list[Choice] = []
    seen: set[str] = set()
    for choice in given:
        label = clean_text(choice.label)
        if not label:
            check.fail(name, NO_LABEL)
            continue
        if label.casefold() in seen:
            check.fail(name, SAME_LABEL, value=label)
        seen.add(label.casefold())
        key = choice.key
        if not key:
            key = next(f"custom_{n}" for n in itertools.count(1) if f"custom_{n}" not in taken)
            taken.add(key)
        found.append(Choice(key, label[:40], choice.retired))
    given_keys = {c.key for c in found}
    found += [replace(c, retired=True) for c in before if c.key not in given_keys]
    if not any(not c.retired for c in found):
        check.fail(name, NONE_OFFERED)
    return tuple(found)
