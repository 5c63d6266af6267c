"""BG/NBD and Gamma-Gamma on the CDNOW sample: the published fit, and lifetimes' predictions."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from camdesk.services.value.clv import BgNbd, FitError, GammaGamma, fit_bgnbd, fit_gamma_gamma

CDNOW = (
    Path(__file__).resolve().parents[2] / "data" / "cdnow" / "CDNOW_sample.txt"
)  # MIT, see README
END = date(1997, 9, 30)  # end of the calibration period


@pytest.fixture(scope="module")
def cdnow() -> tuple[np.ndarray, ...]:
    """x, t_x, T (weeks) and mean repeat spend, purchases counted by distinct day."""
    if not CDNOW.exists():
        pytest.skip(f"the CDNOW sample is not at {CDNOW}")
    spend: dict[str, dict[date, float]] = defaultdict(lambda: defaultdict(float))
    for line in CDNOW.read_text().splitlines():
        customer, _, day, _, dollars = line.split()
        when = date(int(day[:4]), int(day[4:6]), int(day[6:]))
        if when <= END:
            spend[customer][when] += float(dollars)
    x, t_x, t, m = [], [], [], []
    for days in spend.values():
        ordered = sorted(days)
        x.append(len(ordered) - 1)
        t_x.append((ordered[-1] - ordered[0]).days / 7)
        t.append((END - ordered[0]).days / 7)
        m.append(np.mean([days[d] for d in ordered[1:]]) if len(ordered) > 1 else 0.0)
    return tuple(np.array(v, dtype=float) for v in (x, t_x, t, m))


def test_bgnbd_reproduces_the_published_cdnow_estimates(cdnow: tuple[np.ndarray, ...]) -> None:
    x, t_x, t, _ = cdnow
    fit = fit_bgnbd(x, t_x, t)
    published = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
    for name, value in published.items():
        assert getattr(fit, name) == pytest.approx(value, rel=0.01), name
    assert fit.log_likelihood == pytest.approx(-9582.4, abs=0.5)


def test_gamma_gamma_reproduces_the_published_cdnow_estimates(
    cdnow: tuple[np.ndarray, ...],
) -> None:
    x, _, _, m = cdnow
    assert int((x > 0).sum()) == 946
    fit = fit_gamma_gamma(x, m)
    for name, value in {"p": 6.25, "q": 3.74, "v": 15.44}.items():
        assert getattr(fit, name) == pytest.approx(value, rel=0.01), name


def test_predictions_agree_with_lifetimes_on_the_same_fit(cdnow: tuple[np.ndarray, ...]) -> None:
    lifetimes = pytest.importorskip("lifetimes")
    import pandas as pd

    x, t_x, t, m = cdnow
    ours, spend = fit_bgnbd(x, t_x, t), fit_gamma_gamma(x, m)
    theirs = lifetimes.BetaGeoFitter()
    theirs.params_ = pd.Series({"r": ours.r, "alpha": ours.alpha, "a": ours.a, "b": ours.b})
    for horizon in (10.0, 39.0, 52.0):
        expected = theirs.conditional_expected_number_of_purchases_up_to_time(horizon, x, t_x, t)
        assert ours.expected_purchases(horizon, x, t_x, t) == pytest.approx(
            np.asarray(expected), rel=1e-6
        )
    alive = theirs.conditional_probability_alive(x, t_x, t)
    assert ours.p_alive(x, t_x, t) == pytest.approx(np.asarray(alive), rel=1e-6)
    gg = lifetimes.GammaGammaFitter()
    gg.params_ = pd.Series({"p": spend.p, "q": spend.q, "v": spend.v})
    repeat = x > 0
    profit = gg.conditional_expected_average_profit(pd.Series(x[repeat]), pd.Series(m[repeat]))
    assert spend.expected_spend(x[repeat], m[repeat]) == pytest.approx(np.asarray(profit), 1e-9)


def test_lifetimes_own_fit_agrees_with_ours(cdnow: tuple[np.ndarray, ...]) -> None:
    lifetimes = pytest.importorskip("lifetimes")
    x, t_x, t, _ = cdnow
    ours = fit_bgnbd(x, t_x, t)
    theirs = lifetimes.BetaGeoFitter().fit(x, t_x, t).params_
    for name in ("r", "alpha", "a", "b"):
        assert getattr(ours, name) == pytest.approx(float(theirs[name]), rel=0.01), name


def test_customers_without_repeats() -> None:
    fit = BgNbd(0.243, 4.414, 0.793, 2.426)
    assert fit.p_alive([0], [0], [30]) == pytest.approx([1.0])  # no repeat: never seen leaving
    assert GammaGamma(6.25, 3.74, 15.44).expected_spend([0], [0]) == pytest.approx(
        [6.25 * 15.44 / 2.74]
    )  # the population mean
    with pytest.raises(FitError):
        fit_bgnbd([0] * 20, [0] * 20, [10] * 20)
    with pytest.raises(FitError):
        fit_gamma_gamma([1, 2], [10.0, 20.0])


@pytest.mark.parametrize("params", [(0.24, 4.4, 0.79, 2.4), (1.5, 0.7, 3.0, 25.0)])
def test_the_fits_follow_the_exact_slope_of_the_likelihood(cdnow, params) -> None:
    """The fits climb the likelihood along its derivatives: they must match finite differences."""
    from scipy.optimize import approx_fprime

    from camdesk.services.value.clv import _bgnbd, _gamma_gamma

    x, t_x, t, m = cdnow
    repeat = (x > 0) & (m > 0)

    def purchases(v: np.ndarray) -> float:
        return float(np.sum(_bgnbd(np.exp(v), x, t_x, t, gradient=False)[0]))

    def spend(v: np.ndarray) -> float:
        return float(np.sum(_gamma_gamma(np.exp(v), x[repeat], m[repeat], gradient=False)[0]))

    for total, slopes, at in (
        (purchases, _bgnbd(np.array(params), x, t_x, t, gradient=True)[1], np.log(params)),
        (spend, _gamma_gamma(np.array(params[:3]), x[repeat], m[repeat], gradient=True)[1],
         np.log(params[:3])),
    ):  # fmt: skip
        assert slopes is not None
        expected = approx_fprime(at, total, 1e-7)
        assert np.allclose(slopes.sum(axis=1), expected, rtol=1e-4, atol=1e-3)
