"""The greedy extractive oracle: the ceiling an extractive summarizer could reach.

It knows the reference. At each step it adds the sentence that most raises ROUGE-1 F1 +
ROUGE-2 F1 against it, until no sentence raises the score or the word budget is full. A
sentence that would overflow the budget is scored by the words that fit, exactly as the
harness will cut it. Tokens and n-gram counts come from rouge-score's own tokenizer, so the
search optimizes the same numbers the scorer reports, without re-tokenizing the summary
at every step.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

__all__ = ["greedy_oracle"]

Tokenize = Callable[[str], list[str]]


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(overlap: int, predicted: int, target: int) -> float:
    if overlap == 0 or predicted == 0 or target == 0:
        return 0.0
    precision, recall = overlap / predicted, overlap / target
    return 2 * precision * recall / (precision + recall)


Bag = Counter[tuple[str, ...]]


class _Side:
    """One n-gram order: the reference's counts and the summary's so far."""

    def __init__(self, reference: list[str], n: int) -> None:
        self.n = n
        self.reference = _ngrams(reference, n)
        self.target = sum(self.reference.values())
        self.summary: Bag = Counter()
        self.overlap = 0
        self.predicted = 0

    def gain(self, bag: Bag) -> int:
        """How much the clipped overlap grows if ``bag`` joins the summary."""
        grown = 0
        for gram, count in bag.items():
            limit = self.reference.get(gram, 0)
            if limit:
                have = self.summary.get(gram, 0)
                grown += min(limit, have + count) - min(limit, have)
        return grown

    def f1_with(self, bag: Bag, size: int) -> float:
        return _f1(self.overlap + self.gain(bag), self.predicted + size, self.target)

    def add(self, bag: Bag, size: int) -> None:
        self.overlap += self.gain(bag)
        self.predicted += size
        self.summary.update(bag)


def greedy_oracle(
    sentences: Sequence[str], reference: str, words: int, tokenize: Tokenize
) -> list[str]:
    """The oracle summary as its sentences, in reading order, at most ``words`` words."""
    ref_tokens = tokenize(reference)
    sides = (_Side(ref_tokens, 1), _Side(ref_tokens, 2))
    split = [s.split() for s in sentences]
    bags = [_bags(tokenize(s)) for s in sentences]
    chosen: dict[int, str] = {}  # sentence index -> text used (the last may be cut)
    best_value = 0.0
    used = 0
    while used < words:
        room = words - used
        best: tuple[float, int, str, tuple[tuple[Bag, int], ...]] | None = None
        for i, sentence_words in enumerate(split):
            if i in chosen or not sentence_words:
                continue
            if len(sentence_words) <= room:
                text, grams = sentences[i], bags[i]
            else:
                text = " ".join(sentence_words[:room])
                grams = _bags(tokenize(text))
            value = sum(
                side.f1_with(bag, size) for side, (bag, size) in zip(sides, grams, strict=True)
            )
            if value > best_value + 1e-12 and (best is None or value > best[0]):
                best = (value, i, text, grams)
        if best is None:
            break
        best_value, index, text, grams = best
        chosen[index] = text
        for side, (bag, size) in zip(sides, grams, strict=True):
            side.add(bag, size)
        used += len(text.split())
    return [chosen[i] for i in sorted(chosen)]


def _bags(tokens: list[str]) -> tuple[tuple[Bag, int], ...]:
    """Unigram and bigram counts of a sentence, with their totals."""
    return tuple((_ngrams(tokens, n), max(0, len(tokens) - n + 1)) for n in (1, 2))
