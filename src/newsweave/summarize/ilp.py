"""Concept coverage as an integer program (Gillick and Favre 2009), with a greedy fallback.

Choose units (sentences or compressions of them) to maximise the total weight of the
concepts they cover plus each chosen unit's own bonus, under a word budget::

    max  sum_j w_j c_j + sum_i b_i s_i
    s.t. sum_i len_i s_i <= L                      (budget)
         c_j <= sum_{i covers j} s_i               (a concept counts once, if some unit has it)
         s_i + s_k <= 1   for conflicting pairs     (same fact twice, two versions of a sentence)
         s_i <= s_k       when i needs k            (a pronoun needs its antecedent sentence)
         s_i <= sum_{k in A_i} s_k                 ("the request" needs a unit that names it)
         sum_i s_i <= K                             (optional sentence budget)

Because concept weights are non-negative, Gillick and Favre's ``s_i <= c_j`` constraints are
implied at the optimum and left out, which keeps the program small. ``scipy.optimize.milp``
(HiGHS) solves it under a time limit; if it does not prove an answer in time, or scipy fails,
the budgeted greedy of Lin and Bilmes (2010) (gain per word, then the best single unit) answers
instead, so no cluster is ever slow.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

# Seconds: a safety net only, far above what the node and gap limits below take (a few ms),
# so that it never decides an answer under normal load. If it does trigger, HiGHS's best
# solution so far or the greedy one (whichever is better) is used: no cluster is ever slow.
TIME_LIMIT = 1.0
# Deterministic effort limits: the same problem always gets the same answer, whatever the
# machine's load (a time limit alone would not promise that). Within 2% of the optimum is
# plenty for a summary, and about halves the solver's time on news clusters.
NODE_LIMIT = 50
REL_GAP = 0.02


@dataclass(frozen=True)
class CoverageProblem:
    lengths: Sequence[int]
    concepts: Sequence[Sequence[int]]  # concept ids each unit covers
    weights: Sequence[float]  # per concept id, non-negative
    budget: int
    bonus: Sequence[float] = ()  # per unit; empty means none
    conflicts: Sequence[tuple[int, int]] = ()
    requires: Sequence[tuple[int, int]] = ()  # (i, k): i may be chosen only with k
    # (i, (k, ...)): i may be chosen only with at least one of the k
    requires_any: Sequence[tuple[int, tuple[int, ...]]] = ()
    fixed: Sequence[int] = ()  # units that must be chosen (the brief's lead)
    max_units: int | None = None

    def value(self, chosen: Sequence[int]) -> float:
        covered = {c for i in chosen for c in self.concepts[i]}
        total = sum(self.weights[c] for c in covered)
        if self.bonus:
            total += sum(self.bonus[i] for i in chosen)
        return float(total)

    def feasible(self, chosen: Sequence[int]) -> bool:
        picked = set(chosen)
        if sum(self.lengths[i] for i in picked) > self.budget:
            return False
        if self.max_units is not None and len(picked) > self.max_units:
            return False
        if any(a in picked and b in picked for a, b in self.conflicts):
            return False
        if not all(k in picked for i, k in self.requires if i in picked):
            return False
        if not set(self.fixed) <= picked:
            return False
        return all(picked & set(ks) for i, ks in self.requires_any if i in picked)


@dataclass(frozen=True)
class Solution:
    chosen: tuple[int, ...]
    value: float
    method: str  # "ilp" (proven optimal), "ilp, best found ...", "greedy" (fallback), "empty"
    notes: dict[str, float] = field(default_factory=dict)


def solve(problem: CoverageProblem, time_limit: float = TIME_LIMIT) -> Solution:
    """The best feasible set of units: exact when HiGHS proves it in time, else greedy."""
    n = len(problem.lengths)
    if n == 0 or problem.budget <= 0:
        return Solution((), 0.0, "empty")
    if problem.max_units == 1 and not (problem.requires or problem.requires_any or problem.fixed):
        return _best_single(problem)
    greedy = solve_greedy(problem)
    found = _solve_milp(problem, time_limit, greedy.value)
    if isinstance(found, float):
        return Solution(greedy.chosen, greedy.value, "greedy, within 2% of the LP bound")
    if found is not None and problem.feasible(found):
        value = problem.value(found)
        if value >= greedy.value - 1e-9:
            method = "ilp" if found.proven else "ilp, best found within the effort limit"
            return Solution(tuple(sorted(found)), value, method, {"greedy_value": greedy.value})
    return greedy


def _best_single(problem: CoverageProblem) -> Solution:
    """One unit at most: the optimum is the single fitting unit of most value (ties: the
    earliest), found exactly without a solver."""
    fitting = [i for i in range(len(problem.lengths)) if problem.lengths[i] <= problem.budget]
    if not fitting:
        return Solution((), 0.0, "empty")
    best = max(fitting, key=lambda i: (problem.value([i]), -i))
    return Solution((best,), problem.value([best]), "exact, one unit")


def reduce_concepts(problem: CoverageProblem) -> tuple[list[float], list[list[int]], list[float]]:
    """An equivalent, smaller program: concepts covered by the same set of units act as one
    (their weights add up), and a concept only one unit covers is that unit's own bonus, since
    at the optimum it is covered exactly when the unit is chosen. Returns (unit bonus, units
    covering each remaining concept group, group weight)."""
    n = len(problem.lengths)
    bonus = [float(b) for b in problem.bonus] if problem.bonus else [0.0] * n
    covering: dict[int, list[int]] = {}
    for i, concepts in enumerate(problem.concepts):
        for c in set(concepts):
            covering.setdefault(c, []).append(i)
    groups: dict[tuple[int, ...], float] = {}
    for c, units in covering.items():
        weight = float(problem.weights[c])
        if weight <= 0:
            continue
        if len(units) == 1:
            bonus[units[0]] += weight
        else:
            key = tuple(units)
            groups[key] = groups.get(key, 0.0) + weight
    keys = sorted(groups)
    return bonus, [list(k) for k in keys], [groups[k] for k in keys]


def _solve_milp(
    problem: CoverageProblem, time_limit: float, good_enough: float | None = None
) -> _Found | float | None:
    """HiGHS on the reduced program. With ``good_enough`` (a known solution's value), first
    solve the LP relaxation: if that value is within ``REL_GAP`` of the LP bound, the known
    solution is already as good as the integer program would be asked for, and the bound
    (a float) is returned instead of solving it."""
    # Imported here: scipy.optimize costs 0.45 s of start-up, which commands that never
    # summarize (``cluster``, ``--help``) should not pay.
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_matrix

    n = len(problem.lengths)
    bonus_list, covering, group_weights = reduce_concepts(problem)
    m = len(covering)
    bonus = np.asarray(bonus_list, dtype=float)
    objective = -np.concatenate([bonus, np.asarray(group_weights, dtype=float)])
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    lower: list[float] = []
    upper: list[float] = []

    def add_row(entries: Sequence[tuple[int, float]], lo: float, hi: float) -> None:
        row = len(lower)
        for col, val in entries:
            rows.append(row)
            cols.append(col)
            vals.append(val)
        lower.append(lo)
        upper.append(hi)

    fits = [length <= problem.budget for length in problem.lengths]
    add_row(
        [(i, float(length)) for i, length in enumerate(problem.lengths) if fits[i]],
        0,
        problem.budget,
    )
    if problem.max_units is not None:
        add_row([(i, 1.0) for i in range(n)], 0, problem.max_units)
    for c, units in enumerate(covering):
        add_row([(n + c, 1.0), *((i, -1.0) for i in units)], -np.inf, 0)
    for a, b in problem.conflicts:
        add_row([(a, 1.0), (b, 1.0)], -np.inf, 1)
    for a, b in problem.requires:
        add_row([(a, 1.0), (b, -1.0)], -np.inf, 0)
    for a, alternatives in problem.requires_any:
        add_row([(a, 1.0), *((b, -1.0) for b in alternatives)], -np.inf, 0)
    matrix = coo_matrix((vals, (rows, cols)), shape=(len(lower), n + m)).tocsr()
    floor = np.zeros(n + m)
    floor[list(problem.fixed)] = 1.0
    if good_enough is not None:
        try:
            relaxed = milp(
                objective,
                constraints=LinearConstraint(matrix, lower, upper),
                bounds=Bounds(floor, np.concatenate([np.asarray(fits, float), np.ones(m)])),
            )
        except (ValueError, RuntimeError):
            relaxed = None
        if relaxed is not None and relaxed.status == 0 and relaxed.fun is not None:
            bound = -float(relaxed.fun)
            if good_enough >= (1 - REL_GAP) * bound:
                return bound
    try:
        result = milp(
            objective,
            constraints=LinearConstraint(matrix, lower, upper),
            # Concept variables may be continuous: with binary sentences, the optimum sets each
            # to min(1, number of chosen units covering it), an integer anyway.
            integrality=np.concatenate([np.ones(n), np.zeros(m)]),
            bounds=Bounds(floor, np.concatenate([np.asarray(fits, float), np.ones(m)])),
            options={
                "time_limit": time_limit,
                "node_limit": NODE_LIMIT,
                "mip_rel_gap": REL_GAP,
                "presolve": True,
            },
        )
    except (ValueError, RuntimeError):  # a solver failure must never fail a brief
        return None
    if result.status not in (0, 1) or result.x is None:  # 1: time limit, best found so far
        return None
    return _Found([i for i in range(n) if result.x[i] > 0.5], proven=result.status == 0)


class _Found(list[int]):
    """Units HiGHS chose, and whether it proved them optimal."""

    def __init__(self, units: list[int], proven: bool) -> None:
        super().__init__(units)
        self.proven = proven


def solve_greedy(problem: CoverageProblem) -> Solution:
    """Budgeted greedy: add the unit with the best gain per word while it fits; return the
    better of that set and the best single unit (the 1/2(1-1/e) guarantee of Khuller et al.)."""
    n = len(problem.lengths)
    bonus = list(problem.bonus) if problem.bonus else [0.0] * n
    conflicts: dict[int, set[int]] = {}
    for a, b in problem.conflicts:
        conflicts.setdefault(a, set()).add(b)
        conflicts.setdefault(b, set()).add(a)
    needs: dict[int, set[int]] = {}
    for a, b in problem.requires:
        needs.setdefault(a, set()).add(b)
    any_of: dict[int, list[set[int]]] = {}
    for a, alternatives in problem.requires_any:
        any_of.setdefault(a, []).append(set(alternatives))

    def ready(i: int, chosen: set[int]) -> bool:
        return needs.get(i, set()) <= chosen and all(alt & chosen for alt in any_of.get(i, ()))

    concept_sets = [set(c) for c in problem.concepts]

    def gain(i: int, covered: set[int]) -> float:
        return sum(problem.weights[c] for c in concept_sets[i] - covered) + bonus[i]

    chosen: list[int] = list(problem.fixed)
    covered: set[int] = {c for i in chosen for c in concept_sets[i]}
    used = sum(problem.lengths[i] for i in chosen)
    blocked: set[int] = {b for i in chosen for b in {i} | conflicts.get(i, set())}
    while problem.max_units is None or len(chosen) < problem.max_units:
        best, best_ratio = -1, 0.0
        for i in range(n):
            if i in blocked or used + problem.lengths[i] > problem.budget:
                continue
            if not ready(i, set(chosen)):
                continue
            ratio = gain(i, covered) / max(1, problem.lengths[i])
            if ratio > best_ratio:
                best, best_ratio = i, ratio
        if best < 0:
            break
        chosen.append(best)
        covered |= concept_sets[best]
        used += problem.lengths[best]
        blocked |= {best} | conflicts.get(best, set())
    singles = [i for i in range(n) if problem.lengths[i] <= problem.budget and ready(i, set())]
    if singles and not problem.fixed:
        single = max(singles, key=lambda i: (gain(i, set()), -i))
        if gain(single, set()) > problem.value(chosen):
            return Solution((single,), gain(single, set()), "greedy")
    if not chosen:
        return Solution((), 0.0, "empty")
    return Solution(tuple(sorted(chosen)), problem.value(chosen), "greedy")
