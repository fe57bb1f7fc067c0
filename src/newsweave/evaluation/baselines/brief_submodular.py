"""Briefs by submodular coverage (the "weave.submodular" alternative to the default ILP).

Every content sentence is a candidate, in its carefully compressed form (``compress.py``).
The greedy of ``submodular.py`` picks candidates that best cover the cluster's important
sentences (early in their article, in articles that agree with the cluster), never two that
state the same fact, and a sentence that opens with a pronoun only after its antecedent.
"""

from __future__ import annotations

from typing import Any

from newsweave.config import Budget
from newsweave.evaluation.baselines.submodular import greedy_coverage, similarity
from newsweave.segment import SegmentedCluster, word_count
from newsweave.summarize.compress import compress
from newsweave.summarize.concepts import article_agreement, sentence_importance, term_weights
from newsweave.summarize.headline import select_headline
from newsweave.summarize.picks import Pick
from newsweave.summarize.units import (
    Unit,
    antecedents,
    content_sentences,
    preview,
    rounded,
    same_fact_pairs,
)
from newsweave.summarize.weave import strategy_for
from newsweave.tokens import content_terms

NO_LIMIT = 10**9
# Candidates kept for the greedy: enough for every dev cluster of typical size (median 70
# sentences) and, being a constant, what keeps time per article flat on 50-article clusters.
MAX_CANDIDATES = 150


def shortlist(
    doc: SegmentedCluster, content: list[int], importance: list[float], agreement: dict[str, float]
) -> list[int]:
    """The ``MAX_CANDIDATES`` content sentences with the best cheap prescore (importance x
    mean term weight), in sentence order; all of them when there are fewer."""
    if len(content) <= MAX_CANDIDATES:
        return content
    weights = term_weights(doc, agreement)

    def prescore(i: int) -> float:
        terms = doc.terms[i]
        return importance[i] * sum(weights[t] for t in terms) / max(1, len(terms))

    best = sorted(content, key=lambda i: (-prescore(i), i))[:MAX_CANDIDATES]
    return sorted(best)


def brief_units(doc: SegmentedCluster, content: list[int]) -> list[Unit]:
    units = []
    for i in content:
        text = doc.sentences[i].text
        compression = compress(text)
        if compression.rules:
            short = compression.text(text)
            units.append(Unit(i, short, word_count(short), compression))
        else:
            units.append(Unit(i, text, word_count(text)))
    return units


def select_brief_submodular(doc: SegmentedCluster, budget: Budget) -> list[Pick]:
    content, rejected = content_sentences(doc)
    if not content:
        return []
    agreement = article_agreement(doc)
    importance = sentence_importance(doc, agreement)
    in_content = set(content)
    # Only content sentences need covering: boilerplate that survived cleaning is no target.
    targets = [w if i in in_content else 0.0 for i, w in enumerate(importance)]
    units = brief_units(doc, shortlist(doc, content, importance, agreement))
    sim = similarity(doc.ordered_terms, [content_terms(u.text) for u in units])
    conflicts = same_fact_pairs(doc, units)
    needs, orphans = antecedents(doc, units)
    for k in orphans:
        conflicts.setdefault(k, set())
    lengths = [NO_LIMIT if k in orphans else u.words for k, u in enumerate(units)]
    steps = greedy_coverage(
        sim,
        targets,
        lengths,
        budget.words if budget.words is not None else NO_LIMIT,
        conflicts,
        needs,
        budget.sentences,
        parts=[doc.article_order[doc.sentences[u.index].article_id] for u in units],
    )
    picks = []
    for rank, step in enumerate(steps, 1):
        unit = units[step.unit]
        sentence = doc.sentences[unit.index]
        explain: dict[str, Any] = {
            "strategy": "brief: submodular coverage (Lin and Bilmes 2011), greedy",
            "rank": rank,
            "scores": rounded(
                {
                    "coverage_gain": step.gain,
                    "gain_per_word": step.ratio,
                    "importance": importance[unit.index],
                    "article_agreement": agreement[sentence.article_id],
                }
            ),
            "position_in_article": sentence.index,
            "words": unit.words,
            "won_over": [
                {"sentence": preview(units[j].text), "gain_per_word": round(r, 4)}
                for j, r in step.runners_up
            ],
        }
        if step.blocked:
            explain["left_out_as_same_fact"] = [preview(units[j].text) for j in step.blocked][:3]
        if unit.compression is not None:
            explain["compression"] = list(unit.compression.rules)
        if step.unit in needs:
            explain["needs_previous_sentence"] = True
        if rank == 1:
            explain["filtered_out"] = rejected
        picks.append(Pick(unit.index, step.gain, explain, unit.spans(doc)))
    return picks


class SubmodularWeaveSummarizer:
    """weave.v2 with Lin-Bilmes submodular coverage for briefs instead of the integer program
    (kept for comparison: on the Multi-News dev set it scored lower, docs/summarizer.md)."""

    name = "weave.submodular"

    def select(self, doc: SegmentedCluster, budget: Budget) -> list[Pick]:
        if strategy_for(budget) == "headline":
            return select_headline(doc, budget)
        return select_brief_submodular(doc, budget)
