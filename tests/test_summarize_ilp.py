"""The concept-coverage integer program and its greedy fallback, on cases small enough to
solve by hand."""

from __future__ import annotations

import itertools

from newsweave.summarize.ilp import CoverageProblem, solve, solve_greedy


def brute_force(problem: CoverageProblem) -> float:
    best = 0.0
    n = len(problem.lengths)
    for r in range(n + 1):
        for subset in itertools.combinations(range(n), r):
            if problem.feasible(subset):
                best = max(best, problem.value(subset))
    return best


# Three sentences, budget 10 words. Greedy by gain per word takes the short, dense sentence 0
# (value 3 for 3 words) and then cannot fit sentence 1; the optimum is sentences 1 + 2,
# which together cover concepts a, b, c, d (weights 3 + 2 + 2 + 2 = 9) in exactly 10 words.
TRAP = CoverageProblem(
    lengths=[3, 8, 2],
    concepts=[[0], [0, 1, 2], [3]],
    weights=[3.0, 2.0, 2.0, 2.0],
    budget=10,
)


def test_ilp_finds_the_known_optimum() -> None:
    solution = solve(TRAP)
    assert solution.method == "ilp"
    assert solution.chosen == (1, 2)
    assert solution.value == 9.0 == brute_force(TRAP)


def test_greedy_alone_misses_it_which_is_why_the_program_is_solved_exactly() -> None:
    greedy = solve_greedy(TRAP)
    assert greedy.method == "greedy"
    assert greedy.value < 9.0
    assert TRAP.feasible(greedy.chosen)


def test_a_concept_counts_once_however_many_sentences_cover_it() -> None:
    problem = CoverageProblem(
        lengths=[5, 5, 5], concepts=[[0], [0], [1]], weights=[4.0, 1.0], budget=10
    )
    solution = solve(problem)
    assert solution.value == 5.0
    assert set(solution.chosen) in ({0, 2}, {1, 2})


def test_conflicts_requirements_and_sentence_budget_are_respected() -> None:
    problem = CoverageProblem(
        lengths=[4, 4, 4, 4],
        concepts=[[0], [1], [2], [3]],
        weights=[5.0, 4.0, 3.0, 1.0],
        budget=100,
        conflicts=[(0, 1)],
        requires=[(2, 3)],  # 2 (a pronoun sentence) only with 3 (its antecedent)
        max_units=2,
    )
    solution = solve(problem)
    assert problem.feasible(solution.chosen)
    # {0, 1} conflict and {2} needs {3}, so with two sentences the best is 0 + 3.
    assert solution.chosen == (0, 3)
    assert solution.value == 6.0 == brute_force(problem)


def test_time_limit_falls_back_to_a_feasible_greedy_answer() -> None:
    n = 40
    problem = CoverageProblem(
        lengths=[3 + (i * 7) % 11 for i in range(n)],
        concepts=[[i % 17, (i * 5) % 23 + 17, (i * 3) % 13 + 40] for i in range(n)],
        weights=[1.0 + (c % 5) for c in range(53)],
        budget=30,
    )
    solution = solve(problem, time_limit=1e-9)
    greedy = solve_greedy(problem)
    # No time to prove anything: the answer is the greedy one, and it is feasible.
    assert solution.method == "greedy"
    assert (solution.chosen, solution.value) == (greedy.chosen, greedy.value)
    assert problem.feasible(solution.chosen)


def test_empty_problem_and_zero_budget() -> None:
    assert solve(CoverageProblem([], [], [], 10)).chosen == ()
    assert solve(CoverageProblem([3], [[0]], [1.0], 0)).chosen == ()
