"""Near-duplicate detection: syndicated copies and updated versions of one story.

Each article becomes a MinHash of its word shingles; an LSH index (banding) finds
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

import numpy as np
from numpy.typing import NDArray

from newsweave.clean import is_headline_only
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


# MinHash with datasketch's "affine32" scheme (its default since 2.0), in numpy here:
# datasketch's per-call overhead (a Python ``int`` per shingle, object construction, its
# LSH's byte swaps) cost 0.35 ms an article, an eighth of the stream's whole budget, for
# work numpy does in a third of that. The values are datasketch's for the same seed (a
# test checks signatures and the band split against it), so the same copies are found.
SEED = 1
_FMIX32 = (np.uint32(0x85EBCA6B), np.uint32(0xC2B2AE35))  # MurmurHash3's finalizer
_MAX32 = np.uint32(0xFFFFFFFF)
Signature = NDArray[np.uint32]


@functools.cache
def _permutations(num_perm: int) -> tuple[Signature, Signature]:
    """Affine permutations ``h -> a * h + b mod 2**32`` (odd ``a``: a bijection), drawn as
    datasketch draws them from the same seed."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _fmix32(h: Signature) -> Signature:
    """MurmurHash3's avalanche: weak input hashes become uniform before the permutations."""
    h = h ^ (h >> np.uint32(16))
    h = h * _FMIX32[0]
    h = h ^ (h >> np.uint32(13))
    h = h * _FMIX32[1]
    out: Signature = h ^ (h >> np.uint32(16))
    return out


def signature(hashes: NDArray[np.uint64], num_perm: int = NUM_PERM) -> Signature:
    """The MinHash of a text's shingle hashes (``shingle_hashes``): per permutation, the
    least permuted hash (all ones for an empty text)."""
    if not len(hashes):
        return np.full(num_perm, _MAX32, dtype=np.uint32)
    a, b = _permutations(num_perm)
    mixed = _fmix32(hashes.astype(np.uint32))
    permuted = np.multiply(mixed[:, None], a)
    permuted += b  # in place: one (shingles x permutations) array instead of two
    out: Signature = permuted.min(axis=0)
    return out


def estimated_jaccard(one: Signature, other: Signature) -> float:
    """The share of permutations whose least hashes agree: an unbiased Jaccard estimate."""
    return float(np.count_nonzero(one == other)) / len(one)


BAND_GRID = 4001  # points on [0, 1] at which the banding's error is integrated


@functools.cache
def bands_for(threshold: float, num_perm: int) -> tuple[int, int]:
    """The (bands, rows) split of ``num_perm`` with the least error: the chance that two
    texts below ``threshold`` become candidates plus the chance that two above it do not,
    integrated over their similarity (datasketch's criterion, equal weights; 32 bands of 4
    rows at 0.4 and 128 permutations). All splits at once, on one grid (trapezoid rule)."""
    splits = [(b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)]
    bands, rows = (np.array(column, dtype=float)[:, None] for column in zip(*splits, strict=True))
    s = np.linspace(0.0, 1.0, BAND_GRID)
    caught = 1.0 - (1.0 - s**rows) ** bands
    missed = np.where(s <= threshold, caught, 1.0 - caught)
    error = (missed[:, :-1] + missed[:, 1:]).sum(axis=1)  # x step / 2, the same for all
    return splits[int(np.argmin(error))]


class BandIndex:
    """Locality-sensitive hashing of signatures: two texts are candidates when every row
    of some band agrees, so similar pairs meet with the S-curve probability of
    ``bands_for`` and the rest rarely do. Candidates come in insertion order (stable
    across processes, unlike a set of strings)."""

    def __init__(self, threshold: float, num_perm: int) -> None:
        self.bands, self.rows = bands_for(threshold, num_perm)
        self._tables: list[dict[bytes, dict[str, None]]] = [{} for _ in range(self.bands)]

    def _keys(self, sig: Signature) -> list[bytes]:
        raw, width = sig.tobytes(), self.rows * sig.itemsize
        return [raw[i * width : (i + 1) * width] for i in range(self.bands)]

    def query(self, sig: Signature) -> list[str]:
        found: dict[str, None] = {}
        for table, key in zip(self._tables, self._keys(sig), strict=True):
            members = table.get(key)
            if members:
                found.update(members)
        return list(found)

    def insert(self, name: str, sig: Signature) -> None:
        for table, key in zip(self._tables, self._keys(sig), strict=True):
            table.setdefault(key, {})[name] = None

    def remove(self, name: str, sig: Signature) -> None:
        for table, key in zip(self._tables, self._keys(sig), strict=True):
            members = table.get(key)
            if members is not None:
                members.pop(name, None)
                if not members:
                    del table[key]


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


def outlet_of_copy(article: Article) -> str:
    """How a folded copy is named in ``also_published_by``: its outlet, else where it came from."""
    return article.source or article.url or article.origin or article.id


@dataclass
class Deduplicator:
    """Finds, for each new article, an earlier article it is a near-copy of."""

    threshold: float = THRESHOLD
    num_perm: int = NUM_PERM
    capacity: int = CAPACITY
    _index: BandIndex = field(init=False, repr=False)
    _signatures: dict[str, Signature] = field(init=False, default_factory=dict, repr=False)
    _short: dict[str, frozenset[int]] = field(init=False, default_factory=dict, repr=False)
    _order: deque[str] = field(init=False, default_factory=deque, repr=False)

    def __post_init__(self) -> None:
        self._index = BandIndex(self.threshold, self.num_perm)

    def __len__(self) -> int:
        return len(self._signatures)

    def original_of(self, key: str, text: str) -> str | None:
        """The key of the most similar remembered article at or above the threshold, or
        ``None``; in that case ``text`` is remembered under ``key`` as a new original."""
        return self.original_of_words(key, words(text))

    def original_of_words(self, key: str, tokens: list[str]) -> str | None:
        """``original_of`` for text already split by ``tokens.words``."""
        hashes = shingle_hashes(tokens)
        sig = signature(hashes, self.num_perm)
        short = frozenset(hashes.tolist()) if len(hashes) <= EXACT_SHINGLES else None
        best, best_score = None, self.threshold
        for candidate in self._index.query(sig):
            other = self._short.get(candidate)
            if short is not None and other is not None:
                score = len(short & other) / len(short | other)
            else:
                score = estimated_jaccard(sig, self._signatures[candidate])
            if score >= best_score:
                best, best_score = candidate, score
        if best is not None:
            return str(best)
        if key in self._signatures:  # the same id twice: the same article again
            return key
        self._remember(key, sig, short)
        return None

    def _remember(self, key: str, sig: Signature, short: frozenset[int] | None) -> None:
        self._index.insert(key, sig)
        self._signatures[key] = sig
        if short is not None:
            self._short[key] = short
        self._order.append(key)
        while len(self._order) > self.capacity:
            old = self._order.popleft()
            self._index.remove(old, self._signatures.pop(old))
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
