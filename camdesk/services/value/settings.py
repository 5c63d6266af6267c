"""The value rules a team sets (thresholds, tier conditions, policies) and the fitted model.

Both are JSON documents in ``value_setting``, shared by everyone on the database:
``rules`` is what people choose; ``model`` is what the last full recompute
learned from the data (RFM cut points, ABC thresholds, BG/NBD and Gamma-Gamma
parameters), which lets a customer whose orders changed be scored again without
recomputing everyone.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from camdesk.models import ValueSetting, utcnow
from camdesk.services.core.context import Actor
from camdesk.services.value.clv import BgNbd, GammaGamma
from camdesk.services.value.lifecycle import StageRules
from camdesk.services.value.pareto import Thresholds
from camdesk.services.value.rfm import Cuts
from camdesk.services.value.tiers import Condition, Policy, Tier, TierRules

WEEK = 7.0  # the models' time unit, in days
# The CLV parameters describe the whole population and move slowly: a recompute
# reuses them for up to this many days while the number of paying customers stays
# within REFIT_CHANGE of the fit's, and fits again otherwise (or when asked).
REFIT_DAYS = 7
REFIT_CHANGE = 0.05


@dataclass(frozen=True)
class ValueRules:
    """What a team decides.  ``horizon_days``: how far predicted value looks ahead."""

    stage: StageRules = field(default_factory=StageRules)
    tiers: TierRules = field(default_factory=TierRules)
    abc_a: float = 0.80
    abc_b: float = 0.15
    horizon_days: int = 365
    points_per_yuan: float = 1.0  # loyalty points an order earns per yuan paid


@dataclass(frozen=True)
class ValueModel:
    """What the last full recompute learned from the data.

    ``fitted_on`` and ``fitted_buyers``: when the BG/NBD and Gamma-Gamma parameters
    were last fitted, and on how many paying customers (see :data:`REFIT_DAYS`).
    """

    as_of: date
    cuts: Cuts
    abc: Thresholds
    bgnbd: BgNbd | None
    gamma_gamma: GammaGamma | None
    fitted_on: date | None = None
    fitted_buyers: int = 0


def rules_to_json(rules: ValueRules) -> str:
    tiers = rules.tiers
    return json.dumps({
        "stage": asdict(rules.stage), "abc_a": rules.abc_a, "abc_b": rules.abc_b,
        "horizon_days": rules.horizon_days, "points_per_yuan": rules.points_per_yuan,
        "tiers": {
            "high": [asdict(c) for c in tiers.high], "mid": [asdict(c) for c in tiers.mid],
            "policies": {t.value: asdict(p) for t, p in tiers.policies.items()},
        },
    }, ensure_ascii=False)  # fmt: skip


def rules_from_json(text: str) -> ValueRules:
    data = json.loads(text)
    tiers = data["tiers"]
    return ValueRules(
        stage=StageRules(**data["stage"]),
        tiers=TierRules(
            high=tuple(Condition(**c) for c in tiers["high"]),
            mid=tuple(Condition(**c) for c in tiers["mid"]),
            policies={Tier(k): Policy(**p) for k, p in tiers["policies"].items()},
        ),
        abc_a=data["abc_a"], abc_b=data["abc_b"], horizon_days=data["horizon_days"],
        points_per_yuan=data.get("points_per_yuan", 1.0),
    )  # fmt: skip


def model_to_json(model: ValueModel) -> str:
    def finite(values: tuple[float, ...]) -> list[float | None]:
        return [v if abs(v) != float("inf") else None for v in values]

    return json.dumps({
        "as_of": model.as_of.isoformat(),
        "cuts": {k: finite(v) for k, v in asdict(model.cuts).items()},
        "abc": finite((model.abc.a_min, model.abc.b_min)),
        "bgnbd": asdict(model.bgnbd) if model.bgnbd else None,
        "gamma_gamma": asdict(model.gamma_gamma) if model.gamma_gamma else None,
        "fitted_on": model.fitted_on.isoformat() if model.fitted_on else None,
        "fitted_buyers": model.fitted_buyers,
    })  # fmt: skip


def model_from_json(text: str) -> ValueModel:
    data = json.loads(text)

    def number(v: float | None) -> float:
        return float("inf") if v is None else float(v)

    cuts = {k: tuple(number(v) for v in values) for k, values in data["cuts"].items()}
    return ValueModel(
        as_of=date.fromisoformat(data["as_of"]),
        cuts=Cuts(**cuts),
        abc=Thresholds(*(number(v) for v in data["abc"])),
        bgnbd=BgNbd(**data["bgnbd"]) if data["bgnbd"] else None,
        gamma_gamma=GammaGamma(**data["gamma_gamma"]) if data["gamma_gamma"] else None,
        fitted_on=date.fromisoformat(data["fitted_on"]) if data.get("fitted_on") else None,
        fitted_buyers=int(data.get("fitted_buyers", 0)),
    )


def load_rules(session: Session) -> ValueRules:
    row = session.get(ValueSetting, "rules")
    return rules_from_json(row.value) if row else ValueRules()


def load_model(session: Session) -> ValueModel | None:
    row = session.get(ValueSetting, "model")
    return model_from_json(row.value) if row else None


def store(session: Session, key: str, value: str, actor: Actor | None) -> None:
    row = session.get(ValueSetting, key)
    if row is None:
        row = ValueSetting(key=key, value=value, updated_at=utcnow())
        session.add(row)
    row.value, row.updated_at = value, utcnow()
    row.updated_by = actor.user_id if actor else None


def as_dict(model: ValueModel) -> dict[str, Any]:
    """The model as the CLI's --json prints it."""
    data: dict[str, Any] = json.loads(model_to_json(model))
    if data["bgnbd"]:
        data["bgnbd"]["time_unit"] = "weeks"
    return data
