"""Submodular coverage (Lin and Bilmes 2011), greedy under a word budget.

The summary S should *cover* the cluster: each sentence i is represented by what S says about
it, ``C_i(S) = sum_{j in S} sim(i, j)``, saturated at a fraction ``alpha`` of what the whole
cluster says about it, so that one topic cannot soak up the budget. Sentences that matter
more weigh more::

    F(S) = sum_i importance_i * min(C_i(S), alpha * C_i(V))

The second term of Lin and Bilmes rewards drawing on several parts ``P_k`` of the cluster
(here: its articles), with diminishing returns, so that a brief cites the articles that carry
the story rather than the longest one::

    + lambda * sum_k sqrt(sum_{j in S & P_k} r_j),   r_j = sum_i importance_i * sim(i, j) / N

F is monotone submodular, so the cost-scaled greedy below (gain per word**r) is near-optimal
in practice (Lin and Bilmes 2010).

Similarity is the cosine of tf-idf vectors, with idf taken from the cluster's own sentences:
the cluster is the only corpus we have, and no model is downloaded.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix, diags

ALPHA = 0.5  # saturation: half of each sentence's total similarity to the cluster
DIVERSITY = 1.0  # lambda: one unit of diversity reward per unit of coverage
COST_SCALE = 0.3  # gain / words**r; r < 1 offsets the greedy's pull towards short sentences


@dataclass(frozen=True)
class Step:
    """One greedy choice, with the alternatives it beat (for ``--explain``)."""

    unit: int
    gain: float
    ratio: float
    runners_up: tuple[tuple[int, float], ...] = ()  # (unit, ratio), best first
    blocked: dict[int, str] = field(default_factory=dict)  # strong units left out, and why


def tfidf_rows(
    term_lists: Sequence[Sequence[str]], vocabulary: dict[str, int], idf: dict[str, float]
) -> csr_matrix:
    """L2-normalised tf-idf rows over ``vocabulary`` (unknown terms are ignored)."""
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, terms in enumerate(term_lists):
        counts: dict[str, int] = {}
        for term in terms:
            if term in vocabulary:
                counts[term] = counts.get(term, 0) + 1
        for term, count in counts.items():
            rows.append(r)
            cols.append(vocabulary[term])
            vals.append(count * idf[term])
    matrix = csr_matrix((vals, (rows, cols)), shape=(len(term_lists), max(1, len(vocabulary))))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(diags(1.0 / norms) @ matrix)


def similarity(
    sentences: Sequence[Sequence[str]], units: Sequence[Sequence[str]]
) -> NDArray[np.float64]:
    """Cosine similarity of every sentence (rows) to every candidate unit (columns)."""
    n = len(sentences)
    df: dict[str, int] = {}
    for terms in sentences:
        for term in set(terms):
            df[term] = df.get(term, 0) + 1
    vocabulary = {term: i for i, term in enumerate(sorted(df))}
    idf = {term: math.log((n + 1) / count) for term, count in df.items()}
    rows = tfidf_rows(sentences, vocabulary, idf)
    cols = tfidf_rows(units, vocabulary, idf)
    return np.asarray((rows @ cols.T).toarray(), dtype=float)


def greedy_coverage(
    sim: NDArray[np.float64],
    importance: Sequence[float],
    lengths: Sequence[int],
    budget: int,
    conflicts: dict[int, set[int]] | None = None,
    requires: dict[int, int] | None = None,
    max_units: int | None = None,
    parts: Sequence[int] | None = None,
    alpha: float = ALPHA,
    diversity: float = DIVERSITY,
) -> list[Step]:
    """Units (columns of ``sim``) chosen greedily to maximise F within ``budget`` words.
    ``conflicts[j]``: units that may not join j; ``requires[j]``: a unit j may only follow."""
    conflicts = conflicts or {}
    requires = requires or {}
    weight = np.asarray(importance, dtype=float)
    cap = alpha * sim.sum(axis=1)
    covered = np.zeros(sim.shape[0])
    base = 0.0
    steps: list[Step] = []
    chosen: set[int] = set()
    excluded: set[int] = set()
    used = 0
    n_units = sim.shape[1]
    part_of = list(parts) if parts is not None else [0] * n_units
    reward = (weight @ sim) / max(1, sim.shape[0])
    part_sums: dict[int, float] = {}
    while max_units is None or len(steps) < max_units:
        # value of adding each unit, for all units at once
        values = weight @ np.minimum(covered[:, None] + sim, cap[:, None])
        gains = values - base
        if diversity:
            now = np.array([part_sums.get(p, 0.0) for p in part_of])
            gains = gains + diversity * (np.sqrt(now + reward) - np.sqrt(now))
        scored: list[tuple[float, int]] = []
        for j in range(n_units):
            if j in chosen or j in excluded or used + lengths[j] > budget:
                continue
            if j in requires and requires[j] not in chosen:
                continue
            scored.append((float(gains[j]) / max(1, lengths[j]) ** COST_SCALE, j))
        if not scored:
            break
        scored.sort(key=lambda item: (-item[0], item[1]))
        ratio, best = scored[0]
        if ratio <= 0:
            break
        blocked = {k: "restates it" for k in conflicts.get(best, set()) if k not in excluded}
        steps.append(
            Step(best, float(gains[best]), ratio, tuple((j, r) for r, j in scored[1:3]), blocked)
        )
        chosen.add(best)
        excluded |= conflicts.get(best, set())
        used += lengths[best]
        covered += sim[:, best]
        base = float(values[best])
        part_sums[part_of[best]] = part_sums.get(part_of[best], 0.0) + float(reward[best])
    return steps
