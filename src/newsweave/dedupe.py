"""Near-duplicate detection: syndicated copies and updated versions of one story.

Each article becomes a MinHash of its word shingles (datasketch); an LSH index finds
earlier articles whose estimated Jaccard similarity passes a threshold. The first article
of a story is kept as its representative and later copies are folded into it, their
outlets recorded in ``Article.also_published_by``: ten copies of one wire story are one
source, not ten, so support counts and event rankings stay honest.

Streaming: the index remembers at most ``capacity`` recent articles (oldest forgotten
first), so memory and time per article stay bounded however long the stream runs.
"""

from __future__ import annotations

import functools
import zlib
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from newsweave.clean import is_headline_only
from newsweave.errors import MissingExtraError
from newsweave.model import Article, replace
from newsweave.tokens import remembered, words

# Three-word shingles: long enough that two different articles on one event share few of
# them (they reuse names and phrases, rarely three words in a row), short enough that a
# dropped sentence or changed byline only touches a small share of a copy's shingles.
SHINGLE_WORDS = 3
# Estimated Jaccard similarity from which two articles are one story. A copy with one of
# its n sentences dropped and a new byline keeps about (n-1)/(n+1) of the shingles: 0.9 for
# a long story, 0.5 for a three-sentence brief, so the threshold sits below that. Distinct
# reports of one event measure below 0.3 on the dev sets, while the pairs above 0.4 there
# are versions of one wire story (docs/benchmarks-stream.md, duplicate detection).
THRESHOLD = 0.4
NUM_PERM = 128
CAPACITY = 50_000
# A headline has a handful of shingles, too few for MinHash's estimate (its error is about
# 1/sqrt(NUM_PERM) = 0.09): two headlines sharing 2 of 8 shingles could pass 0.4. Texts
# this short keep their exact shingle set and candidates are confirmed by exact Jaccard.
EXACT_SHINGLES = 64


def outlet_key(article: Article) -> str:
    """Who an article speaks for: its outlet when known, else the article itself."""
    return (article.source or "").strip().lower() or f"article:{article.id}"


def independent_sources(articles: Sequence[Article]) -> int:
    return len({outlet_key(a) for a in articles})


if TYPE_CHECKING:
    from datasketch import MinHash, MinHashLSH


def _datasketch() -> Any:
    """datasketch comes with the ``stream`` extra; the core install runs without it."""
    try:
        import datasketch
    except ImportError as exc:
        raise MissingExtraError("stream", "duplicate detection") from exc
    return datasketch


_WORD_HASHES: dict[str, int] = {}
WORD_HASHES = 500_000  # words remembered
_MIX = (
    np.uint64(0x9E3779B1),
    np.uint64(0x85EBCA77),
)  # odd 32-bit multipliers (golden ratio, murmur)
_LOW32 = np.uint64(0xFFFFFFFF)


def _crc32(word: str) -> int:
    return zlib.crc32(word.encode())


def _word_hashes(tokens: list[str]) -> list[int]:
    """crc32 of each word (instead of datasketch's default sha1: ~5x faster and stable
    across processes), remembered."""
    return remembered(_WORD_HASHES, WORD_HASHES, _crc32, tokens)


def shingle_hashes(tokens: list[str]) -> NDArray[np.uint64]:
    """32-bit hashes of the text's distinct 3-word shingles, stable across processes.

    Each word is hashed once (crc32, remembered) and a shingle's hash mixes its words'
    (multiply and xor, order-sensitive): the same sets as hashing joined shingle strings
    up to 32-bit collisions, at half the cost, since no shingle string is built."""
    if len(tokens) < SHINGLE_WORDS:
        joined = [zlib.crc32(" ".join(tokens).encode())] if tokens else []
        return np.array(joined, dtype=np.uint64)
    h = np.array(_word_hashes(tokens), dtype=np.uint64)
    mixed = np.sort(((h[:-2] * _MIX[0]) ^ (h[1:-1] * _MIX[1]) ^ h[2:]) & _LOW32)
    # np.unique, as a sort and a mask: the same sorted values at a fifth of its overhead.
    return mixed[np.concatenate(([True], mixed[1:] != mixed[:-1]))]


@functools.cache
def _reused(num_perm: int) -> dict[str, Any]:
    """datasketch draws a MinHash's random permutations each time one is made, which
    costs more than hashing an article's shingles: draw them once (same seed, same values)
    and pass them, with their scheme where datasketch has schemes (2.0 on)."""
    template = _datasketch().MinHash(num_perm=num_perm, hashfunc=int)
    reused = {"permutations": template.permutations}
    if getattr(template, "scheme", None) is not None:
        reused["scheme"] = template.scheme
    return reused


def signature(hashes: NDArray[np.uint64], num_perm: int = NUM_PERM) -> MinHash:
    """The MinHash of a text's shingle hashes (``shingle_hashes``)."""
    minhash: MinHash = _datasketch().MinHash(num_perm=num_perm, hashfunc=int, **_reused(num_perm))
    minhash.update_batch(hashes.tolist())
    return minhash


def outlet_of_copy(article: Article) -> str:
    """How a folded copy is named in ``also_published_by``: its outlet, else where it came from."""
    return article.source or article.url or article.origin or article.id


@dataclass
class Deduplicator:
    """Finds, for each new article, an earlier article it is a near-copy of."""

    threshold: float = THRESHOLD
    num_perm: int = NUM_PERM
    capacity: int = CAPACITY
    _lsh: MinHashLSH = field(init=False, repr=False)
    _signatures: dict[str, MinHash] = field(init=False, default_factory=dict, repr=False)
    _short: dict[str, frozenset[int]] = field(init=False, default_factory=dict, repr=False)
    _order: deque[str] = field(init=False, default_factory=deque, repr=False)

    def __post_init__(self) -> None:
        self._lsh = _datasketch().MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)

    def __len__(self) -> int:
        return len(self._signatures)

    def original_of(self, key: str, text: str) -> str | None:
        """The key of the most similar remembered article at or above the threshold, or
        ``None``; in that case ``text`` is remembered under ``key`` as a new original."""
        return self.original_of_words(key, words(text))

    def original_of_words(self, key: str, tokens: list[str]) -> str | None:
        """``original_of`` for text already split by ``tokens.words``."""
        hashes = shingle_hashes(tokens)
        minhash = signature(hashes, self.num_perm)
        short = frozenset(hashes.tolist()) if len(hashes) <= EXACT_SHINGLES else None
        best, best_score = None, self.threshold
        for candidate in self._lsh.query(minhash):
            other = self._short.get(candidate)
            if short is not None and other is not None:
                score = len(short & other) / len(short | other)
            else:
                score = minhash.jaccard(self._signatures[candidate])
            if score >= best_score:
                best, best_score = candidate, score
        if best is not None:
            return str(best)
        if key in self._signatures:  # the same id twice: the same article again
            return key
        self._remember(key, minhash, short)
        return None

    def _remember(self, key: str, minhash: MinHash, short: frozenset[int] | None) -> None:
        self._lsh.insert(key, minhash)
        self._signatures[key] = minhash
        if short is not None:
            self._short[key] = short
        self._order.append(key)
        while len(self._order) > self.capacity:
            old = self._order.popleft()
            self._lsh.remove(old)
            del self._signatures[old]
            self._short.pop(old, None)


Tokens = tuple[list[str], list[str]]  # words of the title, words of the body


def tokenize(article: Article) -> Tokens:
    """Split once; dedupe and clustering both read the words (the byline is not part of
    them). A headline-only article's text is its title: its words are read once, as a title."""
    if is_headline_only(article):
        return words(article.title), []
    return words(article.title), words(article.text)


def fold(original: Article, copy: Article) -> Article:
    """``original`` with ``copy``'s outlet and where it was read (and the copy's own
    copies) added."""
    outlets = [*original.also_published_by]
    for outlet in (outlet_of_copy(copy), *copy.also_published_by):
        if outlet not in outlets:
            outlets.append(outlet)
    found = (copy.url or copy.origin or copy.id, *copy.copies)
    return replace(original, also_published_by=tuple(outlets), copies=(*original.copies, *found))


def dedupe(articles: Iterable[Article], dedup: Deduplicator | None = None) -> list[Article]:
    """The articles with near-copies folded into their first occurrence, order kept."""
    dedup = dedup or Deduplicator()
    kept: dict[str, Article] = {}
    for article in articles:
        title_words, body_words = tokenize(article)
        original = dedup.original_of_words(article.id, title_words + body_words)
        if original is None:
            kept[article.id] = article
        else:
            kept[original] = fold(kept[original], article)
    return list(kept.values())
