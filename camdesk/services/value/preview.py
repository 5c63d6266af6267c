"""Changing the value rules: check them, preview who would move, then apply.

:func:`preview` runs the whole recompute under the proposed rules without
writing anything and compares the result with the stored tiers and stages;
:func:`apply_rules` stores the rules and recomputes in one transaction, so what
was previewed (as of the same day, on the same data) is exactly what happens.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from camdesk.db import Database
from camdesk.errors import CamdeskError
from camdesk.i18n import QT_TRANSLATE_NOOP
from camdesk.models import Customer, CustomerValue
from camdesk.services.core.context import Actor
from camdesk.services.core.progress import step as report_step
from camdesk.services.value.facts import read_facts
from camdesk.services.value.recompute import Summary, fit_model, recompute, score
from camdesk.services.value.settings import ValueRules, load_model
from camdesk.services.value.store import SLICE

Progress = Callable[[int, int], None]
LISTED = 1000  # customers listed by name in a preview (the counts cover everyone)


class RulesError(CamdeskError):
    """Rules that cannot work together."""

    message = QT_TRANSLATE_NOOP("errors", "These value rules cannot be used.")


STAGE_ORDER = QT_TRANSLATE_NOOP(
    "errors",
    "A customer must count as new for fewer days than it takes to fall silent, and fall "
    "silent before churning: now new {new}, silent {silent}, churned {churn} days.",
)
ABC_SHARES = QT_TRANSLATE_NOOP(
    "errors",
    "Classes A and B must each hold more than 0% of revenue and together at most 100%: "
    "now A {a}% and B {b}%.",
)


def check_rules(rules: ValueRules) -> None:
    """Raise :class:`RulesError` with the reason if the rules cannot work."""
    stage = rules.stage
    if not 0 < stage.new_days < stage.silent_days < stage.churn_days:
        raise RulesError(STAGE_ORDER, new=stage.new_days, silent=stage.silent_days,
                         churn=stage.churn_days)  # fmt: skip
    if not (rules.abc_a > 0 and rules.abc_b > 0 and rules.abc_a + rules.abc_b <= 1 + 1e-9):
        raise RulesError(ABC_SHARES, a=round(rules.abc_a * 100), b=round(rules.abc_b * 100))


@dataclass(frozen=True)
class Moved:
    """A customer whose tier or stage would change."""

    id: uuid.UUID
    name: str
    measure: str  # "tier" or "stage"
    old: str | None
    new: str


@dataclass
class Preview:
    """What applying the rules would change, as of ``as_of``.

    Attributes:
        tiers, stages: (old, new) -> how many customers would move so; old is None
            for customers not valued yet.
        moved: up to :data:`LISTED` of those customers, by name.
    """

    as_of: date
    customers: int = 0
    tiers: Counter[tuple[str | None, str]] = field(default_factory=Counter)
    stages: Counter[tuple[str | None, str]] = field(default_factory=Counter)
    moved: list[Moved] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.tiers.values()) + sum(self.stages.values())


def preview(db: Database, rules: ValueRules, *, as_of: date | None = None,
            progress: Progress | None = None,
            cancelled: Callable[[], bool] | None = None) -> Preview:  # fmt: skip
    """Who would change tier or stage if ``rules`` were applied as of ``as_of``."""
    check_rules(rules)
    day = as_of or date.today()

    def step(done: int) -> None:
        report_step(progress, cancelled, done, 4)

    step(0)
    with db.read() as session:
        previous = load_model(session)
        facts = read_facts(session, day)
        stored = {
            ident: (tier, stage)
            for ident, tier, stage in session.execute(
                select(CustomerValue.customer_id, CustomerValue.tier, CustomerValue.stage)
            )
        }
    step(1)
    model = fit_model(facts, rules, day, previous)
    step(2)
    rows = score(facts, rules, model, day)
    step(3)
    result = Preview(as_of=day, customers=len(rows))
    listed: list[tuple[uuid.UUID, str, str | None, str]] = []
    for start in range(0, len(rows), SLICE):  # a slice's values at a time (see Scored)
        columns = rows.columns(start, start + SLICE)
        for ident, tier, stage in zip(columns["customer_id"], columns["tier"], columns["stage"],
                                      strict=True):  # fmt: skip
            old_tier, old_stage = stored.get(ident, (None, None))
            for measure, old, new in (("tier", old_tier, tier), ("stage", old_stage, stage)):
                if old != new:
                    (result.tiers if measure == "tier" else result.stages)[(old, new)] += 1
                    if len(listed) < LISTED:
                        listed.append((ident, measure, old, new))
    with db.read() as session:
        wanted = list({m[0] for m in listed})
        names = {ident: name for ident, name in session.execute(
            select(Customer.id, Customer.name).where(Customer.id.in_(wanted)))}  # fmt: skip
    result.moved = sorted((Moved(ident, names.get(ident, ""), measure, old, new)
                           for ident, measure, old, new in listed),
                          key=lambda m: (m.name, m.measure))  # fmt: skip
    step(4)
    return result


def apply_rules(db: Database, rules: ValueRules, actor: Actor | None, *,
                as_of: date | None = None, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None) -> Summary:  # fmt: skip
    """Make ``rules`` the team's rules and recompute everyone (one transaction)."""
    check_rules(rules)
    return recompute(db, actor, as_of=as_of, progress=progress, cancelled=cancelled,
                     rules=rules)  # fmt: skip
