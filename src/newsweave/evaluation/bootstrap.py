"""Bootstrap statistics over clusters: confidence intervals and the paired test.

Clusters are the unit of resampling (Koehn 2004; Berg-Kirkpatrick et al. 2012): a score's
uncertainty comes from which events happened to be in the dev set. A fixed seed makes every
report reproducible to the last digit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = [
    "DEFAULT_SAMPLES",
    "DEFAULT_SEED",
    "Interval",
    "PairedTest",
    "bootstrap_ci",
    "paired_test",
]

DEFAULT_SAMPLES = 1000
DEFAULT_SEED = 20161208


@dataclass(frozen=True, slots=True)
class Interval:
    mean: float
    low: float
    high: float


@dataclass(frozen=True, slots=True)
class PairedTest:
    """System A minus system B: mean difference, its interval, and a two-sided p-value."""

    difference: float
    low: float
    high: float
    p_value: float


def _resample_means(values: np.ndarray, samples: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(values), size=(samples, len(values)))
    means: np.ndarray = values[picks].mean(axis=1)
    return means


def bootstrap_ci(
    scores: Sequence[float],
    confidence: float = 0.95,
    samples: int = DEFAULT_SAMPLES,
    seed: int = DEFAULT_SEED,
) -> Interval:
    """Percentile bootstrap interval of the mean of per-cluster scores."""
    values = np.asarray(scores, dtype=float)
    if values.size == 0:
        raise ValueError("no scores to resample")
    means = _resample_means(values, samples, seed)
    tail = (1.0 - confidence) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return Interval(float(values.mean()), float(low), float(high))


def paired_test(
    a: Sequence[float],
    b: Sequence[float],
    confidence: float = 0.95,
    samples: int = DEFAULT_SAMPLES,
    seed: int = DEFAULT_SEED,
) -> PairedTest:
    """Paired bootstrap test of ``mean(a) - mean(b)`` over the same clusters.

    The p-value is the share of resampled differences that land at least as far from the
    observed difference as the observed difference is from zero: the bootstrap
    distribution shifted to the null hypothesis of no difference, two-sided.
    """
    diffs = np.asarray(a, dtype=float) - np.asarray(b, dtype=float)
    if diffs.size == 0 or len(a) != len(b):
        raise ValueError("paired scores must be non-empty and of equal length")
    observed = float(diffs.mean())
    means = _resample_means(diffs, samples, seed)
    tail = (1.0 - confidence) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    extreme = np.abs(means - observed) >= abs(observed) - 1e-12
    p_value = float((extreme.sum() + 1) / (samples + 1))
    return PairedTest(observed, float(low), float(high), min(1.0, p_value))
