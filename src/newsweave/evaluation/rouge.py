"""ROUGE through Google's ``rouge-score``, the implementation most published numbers use.

``RougeScorer(['rouge1', 'rouge2', 'rougeLsum'], use_stemmer=True)``, F1. ROUGE-Lsum needs
one sentence per line; rouge-score's own splitter needs NLTK data, so references are split
with our segmenter and system outputs keep the sentences they were built from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsweave.errors import MissingExtraError
from newsweave.segment import sentence_spans

__all__ = ["METRICS", "RougeScores", "Scorer", "as_lines"]

METRICS = ("rouge1", "rouge2", "rougeLsum")


@dataclass(frozen=True, slots=True)
class RougeScores:
    """F1 of one summary against one reference, in [0, 1]."""

    rouge1: float
    rouge2: float
    rougeLsum: float

    def as_dict(self) -> dict[str, float]:
        return {"rouge1": self.rouge1, "rouge2": self.rouge2, "rougeLsum": self.rougeLsum}


def as_lines(text: str) -> str:
    """A text with one sentence per line, the form ROUGE-Lsum expects."""
    return "\n".join(text[start:end] for start, end in sentence_spans(text))


class Scorer:
    """A reusable scorer (building the Porter stemmer once)."""

    def __init__(self) -> None:
        try:
            from rouge_score import rouge_scorer, tokenizers
        except ImportError as exc:
            raise MissingExtraError("eval", "ROUGE scoring") from exc
        self._scorer: Any = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
        # The same tokenizer the scorer uses, for the oracle's fast incremental search.
        self.tokenizer: Any = tokenizers.DefaultTokenizer(use_stemmer=True)

    def score(self, reference: str, sentences: Sequence[str]) -> RougeScores:
        """Score a summary given as its sentences against a reference text."""
        prediction = "\n".join(s.replace("\n", " ") for s in sentences)
        result = self._scorer.score(as_lines(reference), prediction)
        return RougeScores(*(float(result[m].fmeasure) for m in METRICS))

    def tokens(self, text: str) -> list[str]:
        return list(self.tokenizer.tokenize(text))
