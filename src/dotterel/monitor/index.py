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


__all__ = ["Baseline", "INDEX_FLOOR", "exposure", "expected_conflict", "p_at_least", "p_at_most", "robust_index",
           "p_away", "p_toward"]
