"""ROUGE wrapper, the word cut, and the bootstrap statistics on cases with known answers."""

from __future__ import annotations

import math

import numpy as np
import pytest

from newsweave.evaluation import Scorer, cut_to_words
from newsweave.evaluation.bootstrap import bootstrap_ci, paired_test
from newsweave.evaluation.rouge import as_lines


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    return Scorer()


def test_identical_summary_scores_one(scorer: Scorer) -> None:
    reference = "The storm hit the coast on Monday. Thousands of homes lost power."
    scores = scorer.score(
        reference, ["The storm hit the coast on Monday.", "Thousands of homes lost power."]
    )
    assert scores.rouge1 == pytest.approx(1.0)
    assert scores.rouge2 == pytest.approx(1.0)
    assert scores.rougeLsum == pytest.approx(1.0)


def test_partial_overlap_matches_hand_computed_f1(scorer: Scorer) -> None:
    # reference tokens: the cat sat | summary tokens: the cat ran -> unigram overlap 2 of 3.
    scores = scorer.score("The cat sat.", ["The cat ran."])
    assert scores.rouge1 == pytest.approx(2 / 3)
    assert scores.rouge2 == pytest.approx(1 / 2)  # bigram "the cat" of 2 on each side


def test_rouge_lsum_sees_reference_sentences_on_separate_lines(scorer: Scorer) -> None:
    assert as_lines("First point here. Second point there.") == (
        "First point here.\nSecond point there."
    )
    # Sentence order does not matter to ROUGE-Lsum once both sides are split.
    swapped = scorer.score(
        "First point here. Second point there.", ["Second point there.", "First point here."]
    )
    assert swapped.rougeLsum == pytest.approx(1.0)
    assert swapped.rouge2 < 1.0


def test_cut_keeps_the_first_words_and_sentence_boundaries() -> None:
    sentences = ["One two three.", "Four five six seven.", "Eight nine."]
    assert cut_to_words(sentences, 5) == ["One two three.", "Four five"]
    assert cut_to_words(sentences, 3) == ["One two three."]
    assert cut_to_words(sentences, 100) == sentences
    cut = cut_to_words(["  spaced   out  words here  ", "", "next one"], 4)
    assert cut == ["spaced   out  words here"]  # trimmed, otherwise untouched
    assert sum(len(s.split()) for s in cut_to_words(sentences, 7)) == 7


def test_bootstrap_of_a_constant_has_zero_width() -> None:
    interval = bootstrap_ci([0.4] * 50)
    assert interval.mean == pytest.approx(0.4)
    assert interval.low == pytest.approx(0.4)
    assert interval.high == pytest.approx(0.4)


def test_bootstrap_of_two_points_spans_the_exact_distribution() -> None:
    # Resampling {0, 1} twice gives means 0, 0.5, 1 with probabilities 1/4, 1/2, 1/4:
    # the 2.5th and 97.5th percentiles are exactly 0 and 1.
    interval = bootstrap_ci([0.0, 1.0])
    assert (interval.low, interval.mean, interval.high) == (0.0, 0.5, 1.0)


def test_bootstrap_of_a_proportion_matches_the_normal_approximation() -> None:
    n, p = 400, 0.25
    scores = [1.0] * int(n * p) + [0.0] * int(n * (1 - p))
    interval = bootstrap_ci(scores, samples=4000)
    half_width = 1.96 * math.sqrt(p * (1 - p) / n)  # 0.0424
    assert interval.low == pytest.approx(p - half_width, abs=0.006)
    assert interval.high == pytest.approx(p + half_width, abs=0.006)


def test_bootstrap_is_deterministic_for_a_seed() -> None:
    scores = list(np.linspace(0, 1, 37) ** 2)
    assert bootstrap_ci(scores) == bootstrap_ci(scores)
    assert bootstrap_ci(scores, seed=1) != bootstrap_ci(scores, seed=2)


def test_paired_test_known_answers() -> None:
    rng = np.random.default_rng(0)
    base = list(rng.uniform(0.2, 0.5, size=60))
    same = paired_test(base, base)
    assert same.difference == 0.0
    assert same.p_value == 1.0
    better = paired_test([b + 0.05 for b in base], base)
    assert better.difference == pytest.approx(0.05)
    assert better.low == pytest.approx(0.05)
    assert better.p_value < 0.01
    noisy = paired_test(list(rng.uniform(0.2, 0.5, size=60)), base)
    assert noisy.low < noisy.difference < noisy.high
    assert noisy.p_value > 0.05  # two draws of the same distribution
    with pytest.raises(ValueError, match="equal length"):
        paired_test([0.1], [0.1, 0.2])
