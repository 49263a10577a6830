"""The escalation index and the change test, on one dyad's per-period masses (docs/monitor.md).

Inputs per period t: conflict mass C_t (sum over the dyad's conflict clusters, quad 3-4, of
weight x |PLOVER score| / 10), cooperation mass K_t (same over quad 1-2), and D_t, the number of
documents the store holds for that period (everything published, not only about this dyad).

- Baseline: the `baseline` periods before t that lie inside the store's coverage (periods from the first
  one with any document); with fewer than `min_baseline` of them there is no index and no test.
- Exposure e_t = clip(sqrt(D_t / mean D over the baseline), 1/3, 3): a period with four times the usual
  news volume is expected to surface about twice as many reported happenings (square root: coverage
  grows much faster than the number of distinct happenings it reveals).
- Net hostility h_t = (C_t - K_t) / e_t.
- Escalation index I_t = (h_t - median h_baseline) / max(1.4826 x MAD h_baseline, 0.5): a robust z-score
  against the dyad's own recent past; 0 is normal, +3 is three robust deviations more hostile.

The change test (quasi-Poisson, continuous in the mass) is in `p_toward` / `p_away`.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


INDEX_FLOOR = 0.5
PRIOR_MASS = 0.5  # added to the baseline conflict mass so a quiet baseline still has a positive rate
MIN_TOWARD_MASS = 1.0  # an escalation needs at least about one material-conflict happening
MIN_AWAY_BASELINE = 1.0  # de-escalation needs a baseline with about one material-conflict happening a period


@dataclass(frozen=True, slots=True)
class Baseline:
    n: int
    mean_docs: float
    conflict: list[float]
    hostility: list[float]


def exposure(docs: float, mean_docs: float) -> float:
    if mean_docs <= 0 or docs <= 0:
        return 1.0
    return min(3.0, max(1 / 3, math.sqrt(docs / mean_docs)))


def robust_index(h: float, base: Sequence[float]) -> float:
    med = statistics.median(base)
    mad = statistics.median(abs(x - med) for x in base)
    return (h - med) / max(1.4826 * mad, INDEX_FLOOR)


def _dispersion(values: Sequence[float]) -> float:
    mean = sum(values) / len(values)
    if mean <= 0 or len(values) < 2:
        return 1.0
    return max(1.0, statistics.variance(values) / mean)


def p_at_least(k: float, lam: float) -> float:
    """P(X >= k) for X ~ Poisson(lam), continuous in k (regularised lower incomplete gamma)."""
    from scipy.special import gammainc  # imported on use: scipy is slow to import

    return 1.0 if k <= 0 else float(gammainc(k, lam))


def p_at_most(k: float, lam: float) -> float:
    """P(X <= k) for X ~ Poisson(lam), continuous in k (regularised upper incomplete gamma)."""
    from scipy.special import gammaincc

    return float(gammaincc(k + 1.0, lam))


def expected_conflict(base: Baseline, e: float) -> float:
    return e * (sum(base.conflict) + PRIOR_MASS) / base.n


def p_toward(c: float, base: Baseline, e: float) -> float | None:
    """p-value that this period's conflict mass is above the baseline rate; None when not testable."""
    lam = expected_conflict(base, e)
    if c < MIN_TOWARD_MASS or c <= lam:
        return 1.0
    phi = _dispersion(base.conflict)
    return p_at_least(c / phi, lam / phi)


def p_away(c_window: float, base: Baseline, e_window: Sequence[float]) -> float:
    """p-value that the conflict mass of the last periods is below the baseline rate."""
    mean_c = sum(base.conflict) / base.n
    lam = sum(expected_conflict(base, e) for e in e_window)
    if mean_c < MIN_AWAY_BASELINE or c_window >= lam:
        return 1.0
    phi = _dispersion(base.conflict)
    return p_at_most(c_window / phi, lam / phi)


@dataclass(frozen=True, slots=True)
class Computed:
    """Per-period arrays of one dyad's series (NaN where a period has too little baseline)."""

    has_base: np.ndarray  # bool
    n_base: np.ndarray
    exposure: np.ndarray
    hostility: np.ndarray
    index: np.ndarray
    expected: np.ndarray  # e_t x baseline conflict rate
    rate: np.ndarray  # baseline conflict rate per period (with the prior)
    mean_conflict: np.ndarray
    dispersion: np.ndarray


def compute(conflict: np.ndarray, cooperation: np.ndarray, docs: np.ndarray, first_covered: int, baseline: int,
            min_baseline: int) -> Computed:
    """The index and the test inputs for every period at once (same definitions as the scalar functions).

    Periods without any stored document are outside the coverage: they get no index and are skipped by
    the baselines (a month with no news is not a calm month), so the baseline is the last `baseline`
    covered periods.
    """
    covered = np.flatnonzero(docs > 0)
    covered = covered[covered >= first_covered]
    full = len(conflict)
    part = _compute(conflict[covered], cooperation[covered], docs[covered], baseline, min_baseline)

    def spread(values: np.ndarray, fill: float | bool) -> np.ndarray:
        out = np.full(full, fill, dtype=values.dtype if values.dtype != bool else bool)
        out[covered] = values
        return out

    return Computed(**{name: spread(getattr(part, name), False if name == "has_base" else
                                    (0 if name == "n_base" else (1.0 if name == "dispersion" else np.nan)))
                       for name in Computed.__slots__})


def _compute(conflict: np.ndarray, cooperation: np.ndarray, docs: np.ndarray, baseline: int,
             min_baseline: int) -> Computed:
    first_covered = 0
    n = len(conflict)
    idx = np.arange(n)
    lo = np.maximum(first_covered, idx - baseline)
    n_base = np.where(idx > lo, idx - lo, 0)
    has = n_base >= min_baseline
    # window matrix: row i holds periods lo_i .. i-1, NaN-padded to `baseline` columns
    cols = lo[:, None] + np.arange(baseline)[None, :]
    valid = cols < idx[:, None]
    cols = np.clip(cols, 0, max(n - 1, 0))

    def window(values: np.ndarray) -> np.ndarray:
        return np.where(valid, values[cols], np.nan) if n else np.zeros((0, baseline))

    wd, wc, wk = window(docs), window(conflict), window(cooperation)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_docs = np.where(has, np.nansum(wd, axis=1) / np.maximum(n_base, 1), 0.0)

        def expo(d: np.ndarray, m: np.ndarray) -> np.ndarray:
            ok = (m > 0) & (d > 0)
            return np.where(ok, np.clip(np.sqrt(np.where(ok, d / np.where(m > 0, m, 1), 1)), 1 / 3, 3), 1.0)

        e = expo(docs, mean_docs)
        we = expo(np.nan_to_num(wd), mean_docs[:, None])
        wh = np.where(valid, (wc - wk) / we, np.nan)
        h = (conflict - cooperation) / e
        med = np.nanmedian(np.where(has[:, None], wh, 0.0), axis=1)
        mad = np.nanmedian(np.abs(np.where(has[:, None], wh, 0.0) - med[:, None]), axis=1)
        index = (h - med) / np.maximum(1.4826 * mad, INDEX_FLOOR)
        sum_c = np.nansum(wc, axis=1)
        nb = np.maximum(n_base, 1)
        rate = (sum_c + PRIOR_MASS) / nb
        mean_c = sum_c / nb
        var_c = np.nansum((wc - mean_c[:, None]) ** 2, axis=1) / np.maximum(n_base - 1, 1)
        phi = np.where((mean_c > 0) & (n_base >= 2), np.maximum(1.0, var_c / np.where(mean_c > 0, mean_c, 1)), 1.0)
    nan = np.full(n, np.nan)
    return Computed(has_base=has, n_base=n_base, exposure=np.where(has, e, nan), hostility=np.where(has, h, nan),
                    index=np.where(has, index, nan), expected=np.where(has, e * rate, nan), rate=rate,
                    mean_conflict=mean_c, dispersion=phi)


def p_toward_all(conflict: np.ndarray, c: Computed) -> np.ndarray:
    """p_toward for every period (1 where not testable)."""
    from scipy.special import gammainc

    lam = c.expected
    ok = c.has_base & (conflict >= MIN_TOWARD_MASS) & (conflict > np.nan_to_num(lam, nan=np.inf))
    with np.errstate(invalid="ignore", divide="ignore"):
        p = gammainc(np.where(ok, conflict / c.dispersion, 1.0), np.where(ok, lam / c.dispersion, 1.0))
    return np.where(ok, p, 1.0)


def p_away_all(conflict: np.ndarray, c: Computed, sustain: int) -> np.ndarray:
    """p_away for every period: the last `sustain` periods against the baseline before them."""
    from scipy.special import gammaincc

    n = len(conflict)
    out = np.ones(n)
    covered = np.flatnonzero(c.has_base | (c.n_base > 0) | ~np.isnan(c.exposure))
    for k in range(sustain - 1, len(covered)):
        i, f = int(covered[k]), int(covered[k - sustain + 1])  # the last `sustain` covered periods
        if not c.has_base[f] or not c.has_base[i]:
            continue
        if c.mean_conflict[f] < MIN_AWAY_BASELINE:
            continue
        window = covered[k - sustain + 1:k + 1]
        cw = float(conflict[window].sum())
        lam = float(c.rate[f] * c.exposure[window].sum())
        if cw >= lam:
            continue
        out[i] = float(gammaincc(cw / c.dispersion[f] + 1.0, lam / c.dispersion[f]))
    return out


__all__ = ["Baseline", "Computed", "compute", "p_away_all", "p_toward_all", "INDEX_FLOOR", "exposure", "expected_conflict", "p_at_least", "p_at_most", "robust_index",
           "p_away", "p_toward"]
