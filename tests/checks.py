"""Checks shared by tests that are independent of the code under test."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from rouge_score import rouge_scorer

# Two summary sentences that share half their stemmed word bigrams (ROUGE-2 F1, Google's
# rouge-score: a tokenizer and stemmer that are not ours) say the same thing twice. On the
# example and the shipped dev slices the closest distinct pair scores 0.43 ("One person is
# in critical condition." / "One person is in custody ...").
REDUNDANT_R2 = 0.5
_SCORER = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)


def redundant_pairs(texts: Sequence[str]) -> list[tuple[str, str, float]]:
    """Pairs of sentences that restate each other, by an independent measure."""
    found = []
    for a, b in combinations(texts, 2):
        score = _SCORER.score(a, b)["rouge2"].fmeasure
        if score >= REDUNDANT_R2:
            found.append((a, b, round(score, 3)))
    return found
