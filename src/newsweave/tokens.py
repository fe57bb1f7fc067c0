"""Word-level text features shared by the summarizers, dedupe and clustering.

Kept dependency-light and fast: a regex tokenizer, scikit-learn's English stop list and a
tiny suffix stripper (enough to make "attack"/"attacks"/"attacked" one term, which is all
sentence similarity needs).

The stop list is scikit-learn's ``ENGLISH_STOP_WORDS`` (BSD-3-Clause), shipped as a data
file: importing scikit-learn for 318 words cost every command about 0.35 s of start-up
(``python -X importtime``), a third of summarizing the example. A test checks the file
against scikit-learn's list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib.resources import files
from typing import TypeVar

ENGLISH_STOP_WORDS: frozenset[str] = frozenset(
    files("newsweave").joinpath("data/stop_words_en.txt").read_text(encoding="utf-8").split()
)

STOP_WORDS: frozenset[str] = frozenset(ENGLISH_STOP_WORDS) | {
    "said", "says", "say", "told", "according", "also", "would", "could", "mr", "mrs", "ms",
    "just", "like", "year", "years", "new", "one", "two",
}  # fmt: skip

# Possessive quantifiers (Python 3.11): nothing after a run of letters can need part of
# it back, so the matches are the same and the scan is a third faster.
T = TypeVar("T")

_WORD = re.compile(r"[^\W_]++(?:['’.-][^\W_]++)*+", re.UNICODE)


# Letters whose lower case depends on where they stand or adds a character: capital
# dotted I (İ becomes i and a combining dot, which is no word character) and capital
# sigma (final or not, by the letter after it).
_CONTEXT_LOWER = ("\u0130", "\u03a3")


def words(text: str) -> list[str]:
    """Lower-cased word tokens (keeps "al-Assad", "U.S", "don't" whole)."""
    if not has_any(text, _CONTEXT_LOWER):
        # Found in the lower-cased text: lowering a letter keeps it a letter in place, so
        # these are the tokens lowered one by one, at two thirds of the cost (the
        # stream's hot path). The apostrophes are both inside words, so either is kept.
        return _WORD.findall(text.lower().replace("’", "'"))
    found = _WORD.findall(text)
    if not found:
        return []
    return "\n".join(found).lower().replace("’", "'").split("\n")


def has_any(text: str, parts: tuple[str, ...]) -> bool:
    """Whether ``text`` contains one of ``parts``."""
    # A loop, not ``any()`` over a generator: called for most lines of every article.
    for part in parts:  # noqa: SIM110
        if part in text:
            return True
    return False


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light, deterministic suffix stripper (not Porter: we need speed and stability)."""
    for suffix, minimum in (("'s", 3), ("ies", 4), ("ing", 5), ("ed", 4), ("es", 4), ("s", 3)):
        if word.endswith(suffix) and len(word) - len(suffix) >= minimum - 1:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def content_terms(text: str) -> list[str]:
    """Stemmed content words: stop words and pure numbers' punctuation dropped."""
    return terms_of_words(words(text))


def _term(word: str) -> str:
    """The content term of a word, or "" for a stop word or a lone letter."""
    return stem(word) if (word not in STOP_WORDS and len(word) > 1) or word.isdigit() else ""


def remembered(
    cache: dict[str, T], limit: int, compute: Callable[[str], T], keys: Sequence[str]
) -> list[T]:
    """``[compute(k) for k in keys]``, each value remembered in ``cache``: a stream's words
    come back, so the hot paths (terms, shingle hashes, token ids) compute each word once.
    Bounded: past ``limit`` entries the cache starts again (rare words come and go)."""
    try:
        # ``map`` over the bound lookup: the same list as a comprehension, a fifth faster.
        return list(map(cache.__getitem__, keys))
    except KeyError:
        if len(cache) >= limit:
            cache.clear()
        for key in keys:
            if key not in cache:
                cache[key] = compute(key)
        return [cache[k] for k in keys]


_TERMS: dict[str, str] = {}  # word -> _term(word)
TERMS_REMEMBERED = 500_000


def word_terms(tokens: list[str]) -> list[str]:
    """The content term of each token, "" for a stop word or a lone letter."""
    return remembered(_TERMS, TERMS_REMEMBERED, _term, tokens)


def terms_of_words(tokens: list[str]) -> list[str]:
    """``content_terms`` of already tokenized text (callers that need both reuse ``words``)."""
    return list(filter(None, word_terms(tokens)))
