"""Candidate units shared by the strategies: content sentences, compressed, with constraints."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from newsweave.analyze.lexicon import ROLE_WORDS
from newsweave.analyze.quotes import quote_spans
from newsweave.segment import SegmentedCluster
from newsweave.summarize.compress import Compression
from newsweave.summarize.filters import rejection
from newsweave.summarize.order import definite_head, leans_back, mentions
from newsweave.summarize.picks import SAME_FACT, overlap
from newsweave.tokens import stem


@dataclass(frozen=True)
class Unit:
    """A sentence in one form (whole, or compressed) that a strategy may choose."""

    index: int  # sentence index in the cluster
    text: str
    words: int
    compression: Compression | None = None  # None: the whole sentence

    def spans(self, doc: SegmentedCluster) -> tuple[tuple[int, int], ...]:
        """Kept spans in article offsets; empty when the whole sentence is kept."""
        if self.compression is None:
            return ()
        start = doc.sentences[self.index].start
        return tuple((start + a, start + b) for a, b in self.compression.spans)


# Per segmented cluster, read once: the brief asks for them again for its lead (a headline).
_CONTENT: WeakKeyDictionary[SegmentedCluster, tuple[list[int], dict[str, int]]] = (
    WeakKeyDictionary()
)


def content_sentences(doc: SegmentedCluster) -> tuple[list[int], dict[str, int]]:
    """Indices of sentences fit for a summary, and how many were rejected for each reason."""
    if doc not in _CONTENT:
        _CONTENT[doc] = _content_sentences(doc)
    kept, rejected = _CONTENT[doc]
    return list(kept), dict(rejected)


def _content_sentences(doc: SegmentedCluster) -> tuple[list[int], dict[str, int]]:
    kept: list[int] = []
    rejected: dict[str, int] = {}
    for i, sentence in enumerate(doc.sentences):
        reason = rejection(sentence.text, lead=sentence.index == 0)
        if reason is None and not doc.terms[i]:
            reason = "no content words"
        if reason is None:
            kept.append(i)
        else:
            rejected[reason] = rejected.get(reason, 0) + 1
    return kept, rejected


def same_fact_pairs(doc: SegmentedCluster, units: list[Unit]) -> dict[int, set[int]]:
    """Units that may not appear together: two forms of one sentence, or two sentences that
    state the same fact (the skeleton's redundancy rule)."""
    conflicts: dict[int, set[int]] = {k: set() for k in range(len(units))}
    for a in range(len(units)):
        terms_a = doc.terms[units[a].index]
        for b in range(a + 1, len(units)):
            same = units[a].index == units[b].index
            if same or overlap(terms_a, doc.terms[units[b].index]) >= SAME_FACT:
                conflicts[a].add(b)
                conflicts[b].add(a)
    return conflicts


# Reasons a sentence is a heading or a stray label rather than text: a pronoun after one
# leans on the text before the heading ("'No truce'" / "But Mr Assad ruled out ...").
_HEADING_REASONS = frozenset({"fragment", "no end punctuation"})
_MAX_HEADINGS_SKIPPED = 2


def _previous_text_sentence(doc: SegmentedCluster, index: int) -> int | None:
    """The sentence before ``index`` in its article, skipping subheadings; None at the top."""
    article = doc.sentences[index].article_id
    previous = index - 1
    for _ in range(_MAX_HEADINGS_SKIPPED + 1):
        if previous < 0 or doc.sentences[previous].article_id != article:
            return None
        if rejection(doc.sentences[previous].text) not in _HEADING_REASONS:
            return previous
        previous -= 1
    return None


_INSIDE: WeakKeyDictionary[SegmentedCluster, frozenset[int]] = WeakKeyDictionary()


def inside_quotes(doc: SegmentedCluster) -> frozenset[int]:
    """Sentences that begin inside a quotation opened in an earlier sentence: the second and
    later sentences of a long quote ("Some have said that it is to contain China.") read as
    the reporter's own words without the sentence that names the speaker."""
    if doc not in _INSIDE:
        _INSIDE[doc] = frozenset(_inside_quotes(doc))
    return _INSIDE[doc]


def _inside_quotes(doc: SegmentedCluster) -> set[int]:
    inside: set[int] = set()
    by_article: dict[str, list[int]] = {}
    for i, sentence in enumerate(doc.sentences):
        by_article.setdefault(sentence.article_id, []).append(i)
    for article_id, indices in by_article.items():
        spans = quote_spans(doc.articles[article_id].text)
        if not spans:
            continue
        for i in indices:
            start = doc.sentences[i].start
            if any(span.open < start < span.close for span in spans):
                inside.add(i)
    return inside


def antecedents(doc: SegmentedCluster, units: list[Unit]) -> tuple[dict[int, int], set[int]]:
    """For units that open with a pronoun or connective, or inside a quotation begun in an
    earlier sentence: the unit of the previous sentence of the same article they need (its
    first, fullest form; a subheading in between is skipped), and the units that have
    none."""
    whole: dict[int, int] = {}
    for k, unit in enumerate(units):
        whole.setdefault(unit.index, k)  # the first (fullest) form of each sentence
    needs: dict[int, int] = {}
    orphans: set[int] = set()
    quoted = inside_quotes(doc)
    for k, unit in enumerate(units):
        sentence = doc.sentences[unit.index]
        if sentence.index == 0 or not (leans_back(unit.text) or unit.index in quoted):
            continue
        previous = _previous_text_sentence(doc, unit.index)
        if previous is not None and previous in whole:
            needs[k] = whole[previous]
        else:
            orphans.add(k)
    return needs, orphans


def introductions(
    doc: SegmentedCluster, units: list[Unit], roles: bool = True
) -> tuple[dict[int, tuple[int, ...]], set[int]]:
    """For units that open with a definite description of something their article named
    before ("In the request, ...", "The move ..."): the units that name it too (any article,
    the previous sentence of its own included), one of which must come with it; and the
    units no candidate introduces. ``roles``: whether a role ("The GOP lawmaker claimed")
    counts as a back-reference."""
    needs: dict[int, tuple[int, ...]] = {}
    orphans: set[int] = set()
    heads = [definite_head(u.text) for u in units]

    def names(index: int, text: str, head: str) -> bool:
        # The sentence's stemmed terms rule most sentences out before its words are read.
        return stem(head) in doc.terms[index] and mentions(text, head)

    for k, unit in enumerate(units):
        head = heads[k]
        sentence = doc.sentences[unit.index]
        if head is None or sentence.index == 0:
            continue
        article = doc.articles[sentence.article_id]
        earlier = range(unit.index - sentence.index, unit.index)
        named_before = any(names(i, doc.sentences[i].text, head) for i in earlier)
        # "The GOP lawmaker claimed ...": in a brief, a role always refers to someone named
        # before (``roles``); a headline may describe its subject by role.
        if not ((roles and head in ROLE_WORDS) or mentions(article.title, head) or named_before):
            continue  # a first mention ("The smoke of battle ..."): nothing to lean on
        previous = _previous_text_sentence(doc, unit.index)
        named = tuple(
            j
            for j, other in enumerate(units)
            if other.index != unit.index
            and (other.index == previous or names(other.index, other.text, head))
            and heads[j] != head
        )
        if named:
            needs[k] = named
        else:
            orphans.add(k)
    return needs, orphans


def preview(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


def rounded(values: dict[str, float]) -> dict[str, Any]:
    return {k: round(v, 4) for k, v in values.items()}
