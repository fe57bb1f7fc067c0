"""Shared by every summarizer: support counting, redundancy, ordering, output records."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from newsweave.dedupe import independent_sources
from newsweave.model import SummarySentence
from newsweave.segment import SegmentedCluster

# Two sentences state the same fact when their content-term sets overlap this much
# (Ochiai coefficient). Measured on the example cluster's paraphrased Assad sentences
# (0.62) and on unrelated sentence pairs of dev clusters (< 0.3).
SAME_FACT = 0.5


@dataclass(frozen=True)
class Pick:
    """A sentence a summarizer chose, by its index in ``SegmentedCluster.sentences``."""

    index: int
    score: float = 0.0
    explain: dict[str, Any] = field(default_factory=dict)
    # Kept character spans of the article text when the sentence was compressed
    # (see ``SummarySentence.kept``); empty means the whole sentence.
    spans: tuple[tuple[int, int], ...] = ()


def join_spans(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The compressed sentence: the kept spans joined as they are, first letter upper-cased
    (the one normalisation a compressed sentence may carry)."""
    joined = "".join(text[start:end] for start, end in spans)
    return joined[:1].upper() + joined[1:]


def pick_text(doc: SegmentedCluster, pick: Pick) -> str:
    sentence = doc.sentences[pick.index]
    if not pick.spans:
        return sentence.text
    return join_spans(doc.articles[sentence.article_id].text, pick.spans)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def is_redundant(doc: SegmentedCluster, index: int, chosen: Sequence[int]) -> bool:
    terms = doc.terms[index]
    return any(overlap(terms, doc.terms[j]) >= SAME_FACT for j in chosen)


def support_of(doc: SegmentedCluster, index: int) -> tuple[tuple[str, int], ...]:
    """Articles that report the fact of sentence ``index``, each with its sentence that
    reports it most closely: the sentence's own article first, then the others."""
    own = doc.sentences[index]
    terms = doc.terms[index]
    supporters = [(own.article_id, index)]
    for article in doc.cluster.articles:
        if article.id == own.article_id:
            continue
        score, best = max(
            ((overlap(terms, doc.terms[j]), j) for j in doc.sentences_of(article.id)),
            default=(0.0, -1),
        )
        if score >= SAME_FACT:
            supporters.append((article.id, best))
    return tuple(supporters)


def chronological(doc: SegmentedCluster, picks: Sequence[Pick]) -> list[Pick]:
    """Reading order: by article date (undated last), then article order, then position."""

    def key(pick: Pick) -> tuple[int, str, int, int]:
        sentence = doc.sentences[pick.index]
        article = doc.articles[sentence.article_id]
        date = article.published.isoformat() if article.published else "9999"
        return (0, date, doc.article_order[article.id], sentence.index)

    return sorted(picks, key=key)


def to_summary(doc: SegmentedCluster, picks: Sequence[Pick]) -> tuple[SummarySentence, ...]:
    out = []
    for pick in picks:
        sentence = doc.sentences[pick.index]
        found = support_of(doc, pick.index)
        support = tuple(article_id for article_id, _ in found)
        spans = tuple((doc.sentences[j].start, doc.sentences[j].end) for _, j in found)
        out.append(
            SummarySentence(
                text=pick_text(doc, pick),
                article_id=sentence.article_id,
                start=sentence.start,
                end=sentence.end,
                support=support,
                independent_sources=independent_sources([doc.articles[a] for a in support]),
                score=round(pick.score, 4),
                explain={**pick.explain, "supported_by": list(support)}
                if pick.explain
                else pick.explain,
                kept=pick.spans,
                support_spans=spans,
            )
        )
    return tuple(out)
