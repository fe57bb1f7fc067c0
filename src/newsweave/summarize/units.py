"""Candidate units shared by the strategies: content sentences, compressed, with constraints."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsweave.segment import SegmentedCluster
from newsweave.summarize.compress import Compression
from newsweave.summarize.filters import rejection
from newsweave.summarize.order import leans_back
from newsweave.summarize.picks import SAME_FACT, overlap


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


def content_sentences(doc: SegmentedCluster) -> tuple[list[int], dict[str, int]]:
    """Indices of sentences fit for a summary, and how many were rejected for each reason."""
    kept: list[int] = []
    rejected: dict[str, int] = {}
    for i, sentence in enumerate(doc.sentences):
        reason = rejection(sentence.text)
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


def antecedents(doc: SegmentedCluster, units: list[Unit]) -> tuple[dict[int, int], set[int]]:
    """For units that open with a pronoun or connective: the unit of the previous sentence of
    the same article they need (its first, fullest form), and the units that have none."""
    whole: dict[int, int] = {}
    for k, unit in enumerate(units):
        whole.setdefault(unit.index, k)  # the first (fullest) form of each sentence
    needs: dict[int, int] = {}
    orphans: set[int] = set()
    for k, unit in enumerate(units):
        sentence = doc.sentences[unit.index]
        if sentence.index == 0 or not leans_back(unit.text):
            continue
        previous = unit.index - 1
        if previous in whole and doc.sentences[previous].article_id == sentence.article_id:
            needs[k] = whole[previous]
        else:
            orphans.add(k)
    return needs, orphans


def preview(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


def rounded(values: dict[str, float]) -> dict[str, Any]:
    return {k: round(v, 4) for k, v in values.items()}
