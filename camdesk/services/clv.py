"""Predictive customer lifetime value: BG/NBD and Gamma-Gamma, fitted by maximum likelihood.

BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way") says how
many more purchases a customer will make and how likely they are still "alive",
from three numbers per customer:

* ``x``: repeat purchases (distinct purchase days after the first);
* ``t_x``: time from the first to the last purchase (recency);
* ``T``: time from the first purchase to the end of the period (age).

Gamma-Gamma (Fader, Hardie & Lee 2005, "RFM and CLV") says how much a customer
spends per purchase, from ``x`` and the mean spend ``m`` of the repeat purchases
(the first purchase is left out, as in the papers).  Both models are fitted by
minimising the negative log-likelihood over log-parameters with SciPy; customers
with the same summary are counted once with a weight, so a fit over 100,000
customers costs about what one over their distinct summaries costs.

Time is in a unit the caller chooses (camdesk uses weeks, as the papers do).
This module knows nothing of databases: :mod:`camdesk.services.value` feeds it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.optimize import OptimizeResult, minimize
from scipy.special import gammaln, hyp2f1

Floats = NDArray[np.float64]


@dataclass(frozen=True)
class BgNbd:
    """BG/NBD parameters: purchase rate ~ Gamma(r, alpha), drop-out ~ Beta(a, b)."""

    r: float
    alpha: float
    a: float
    b: float
    log_likelihood: float | None = None  # set by a fit

    def p_alive(self, x: ArrayLike, t_x: ArrayLike, t: ArrayLike) -> Floats:
        """Probability each customer is still active at the end of their period."""
        x, t_x, t = _floats(x, t_x, t)
        return 1.0 / (1.0 + self._odds_dead(x, t_x, t))

    def expected_purchases(self, horizon: float, x: ArrayLike, t_x: ArrayLike,
                           t: ArrayLike) -> Floats:  # fmt: skip
        """Expected purchases in the next ``horizon`` time units, given each customer's past."""
        x, t_x, t = _floats(x, t_x, t)
        r, alpha, a, b = self.r, self.alpha, self.a, self.b
        z = horizon / (alpha + t + horizon)
        tail = ((alpha + t) / (alpha + t + horizon)) ** (r + x) * hyp2f1(
            r + x, b + x, a + b + x - 1.0, z
        )
        expected = (a + b + x - 1.0) / (a - 1.0) * (1.0 - tail)
        return np.asarray(expected / (1.0 + self._odds_dead(x, t_x, t)), dtype=np.float64)

    def _odds_dead(self, x: Floats, t_x: Floats, t: Floats) -> Floats:
        r, alpha, a, b = self.r, self.alpha, self.a, self.b
        repeat = x > 0
        odds = np.zeros_like(x)
        xs = x[repeat]
        odds[repeat] = (a / (b + xs - 1.0)) * ((alpha + t[repeat]) / (alpha + t_x[repeat])) ** (
            r + xs
        )
        return odds


@dataclass(frozen=True)
class GammaGamma:
    """Gamma-Gamma spend parameters: spend ~ Gamma(p, nu), nu ~ Gamma(q, v)."""

    p: float
    q: float
    v: float
    log_likelihood: float | None = None  # set by a fit

    def expected_spend(self, x: ArrayLike, m: ArrayLike) -> Floats:
        """Expected spend per purchase; the population mean for customers without repeats."""
        x, m = _floats(x, m)
        p, q, v = self.p, self.q, self.v
        mean = p * v / (q - 1.0) if q > 1.0 else float("nan")
        with np.errstate(invalid="ignore", divide="ignore"):
            given = (v + x * m) * p / (p * x + q - 1.0)
        return np.where(x > 0, given, mean)


class FitError(ValueError):
    """The data cannot support a fit (too few customers or no repeat purchases)."""


def bgnbd_log_likelihood(params: ArrayLike, x: Floats, t_x: Floats, t: Floats) -> Floats:
    """Each summary's BG/NBD log-likelihood (eq. 6 of the paper, in logs)."""
    r, alpha, a, b = np.asarray(params, dtype=np.float64)
    head = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    beta = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    stay = -(r + x) * np.log(alpha + t)
    repeat = x > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        leave = np.where(
            repeat, np.log(a) - np.log(np.where(repeat, b + x - 1.0, 1.0))
            - (r + x) * np.log(alpha + t_x), -np.inf,
        )  # fmt: skip
    return np.asarray(head + beta + np.logaddexp(stay, leave), dtype=np.float64)


def fit_bgnbd(x: ArrayLike, t_x: ArrayLike, t: ArrayLike,
              start: BgNbd | None = None) -> BgNbd:  # fmt: skip
    """Maximum-likelihood BG/NBD parameters for these customers.

    Raises:
        FitError: fewer than 10 customers, or none bought twice.
    """
    x, t_x, t = _floats(x, t_x, t)
    if len(x) < 10 or not np.any(x > 0):
        raise FitError("too few customers with repeat purchases to fit BG/NBD")
    (ux, utx, ut), weight = _distinct(x, t_x, t)

    def cost(log_params: Floats) -> float:
        values = bgnbd_log_likelihood(np.exp(log_params), ux, utx, ut)
        return -float(np.dot(weight, values)) / len(x)

    guess = [start.r, start.alpha, start.a, start.b] if start else [1.0, float(t.mean()), 1, 1]
    best = _minimize(cost, np.log(guess))
    r, alpha, a, b = (float(v) for v in np.exp(best.x))
    return BgNbd(r, alpha, a, b, log_likelihood=-float(best.fun) * len(x))


def gamma_gamma_log_likelihood(params: ArrayLike, x: Floats, m: Floats) -> Floats:
    """Each repeat buyer's Gamma-Gamma log-likelihood of their mean spend ``m`` over ``x``."""
    p, q, v = np.asarray(params, dtype=np.float64)
    return np.asarray(
        gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * np.log(v)
        + (p * x - 1.0) * np.log(m) + p * x * np.log(x) - (p * x + q) * np.log(v + x * m),
        dtype=np.float64,
    )  # fmt: skip


def fit_gamma_gamma(x: ArrayLike, m: ArrayLike, start: GammaGamma | None = None) -> GammaGamma:
    """Maximum-likelihood Gamma-Gamma parameters from repeat buyers (``x > 0``, ``m > 0``).

    Raises:
        FitError: fewer than 10 repeat buyers with a positive spend.
    """
    x, m = _floats(x, m)
    keep = (x > 0) & (m > 0)
    x, m = x[keep], m[keep]
    if len(x) < 10:
        raise FitError("too few repeat buyers to fit Gamma-Gamma")
    (ux, um), weight = _distinct(x, m)

    def cost(log_params: Floats) -> float:
        return -float(np.dot(weight, gamma_gamma_log_likelihood(np.exp(log_params), ux, um)))

    guess = [start.p, start.q, start.v] if start else [1.0, 1.0, float(np.mean(m))]
    best = _minimize(lambda v: cost(v) / len(x), np.log(guess))
    p, q, v = (float(value) for value in np.exp(best.x))
    return GammaGamma(p, q, v, log_likelihood=-float(best.fun) * len(x))


def _minimize(cost: Callable[[Floats], float], start: Floats) -> OptimizeResult:
    """L-BFGS-B to get close, then Nelder-Mead to polish (robust on flat likelihoods)."""
    first = minimize(cost, start, method="L-BFGS-B", bounds=[(-12.0, 12.0)] * len(start))
    return minimize(cost, first.x, method="Nelder-Mead",
                    options={"xatol": 1e-7, "fatol": 1e-10, "maxiter": 4000})  # fmt: skip


def _floats(*arrays: ArrayLike) -> tuple[Floats, ...]:
    return tuple(np.asarray(a, dtype=np.float64) for a in arrays)


def _distinct(*columns: Floats) -> tuple[tuple[Floats, ...], Floats]:
    """The distinct rows of the columns and how often each occurs."""
    stacked = np.column_stack(columns)
    rows, counts = np.unique(stacked, axis=0, return_counts=True)
    return tuple(rows[:, i] for i in range(rows.shape[1])), counts.astype(np.float64)
