"""Headline summaries: the short-budget strategy (one sentence of about 30 words).

A short budget holds one sentence, so which sentence leads decides everything, and a lead
that is a few words too long is lost unless it is compressed. The units are the content
sentences near the top of each article, each in its full form and its compressed forms
(``compress.shortenings``). An exact integer program (``ilp.py``) picks the unit that best
covers the terms the cluster stresses: terms of the articles' titles (an editor's own
summary of the article) and terms the articles mention early, each vote weighted by how
central its article is, plus a lead bonus, since a news lead is written to stand alone.
Sentences that lean on a previous one (a pronoun or connective first) are left out: a
headline has no previous sentence.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from newsweave.config import Budget
from newsweave.segment import SegmentedCluster, word_count
from newsweave.summarize.clauses import has_main_clause
from newsweave.summarize.compress import CLUTTER_RULES, compress, shortenings
from newsweave.summarize.concepts import article_agreement, position_vote, term_weights
from newsweave.summarize.ilp import CoverageProblem, solve
from newsweave.summarize.picks import Pick
from newsweave.summarize.units import (
    Unit,
    antecedents,
    content_sentences,
    introductions,
    preview,
    rounded,
    same_fact_pairs,
)
from newsweave.tokens import content_terms

LEAD_SENTENCES = 8  # how deep into each article a headline looks
# A title term counts like mentions in two articles' first sentences: a title is a summary.
TITLE_VOTE = 2.0
LEAD_BONUS = 1.0  # the lead bonus of a first sentence, in units of one first-sentence vote
MAX_UNITS = 1  # one complete, informative sentence
# A headline's words when none are asked for (the digest's headlines, the brief's lead):
# one long news sentence, the length of WCEP's headline summaries.
HEADLINE_BUDGET = 30
# Units given to the program, best standalone value per unit first: a constant, so that a
# 50-article cluster (hundreds of lead sentences and their shortenings) stays fast.
MAX_CANDIDATES = 60


def headline_units(
    doc: SegmentedCluster, eligible: list[int], budget: int | None = None, relaxed: bool = False
) -> list[Unit]:
    """Full and compressed forms of the eligible sentences near the top of each article
    (cut early only as far as ``budget`` words need). Only sentences that end as sentences
    end, or (``relaxed``) that read as a main clause where the article's text stops (a text
    cut off before its full stop; not a title or label line above the story)."""
    units: list[Unit] = []
    for i in eligible:
        sentence = doc.sentences[i]
        if sentence.index >= LEAD_SENTENCES:
            continue
        last = i + 1 == len(doc.sentences) or doc.sentences[i + 1].article_id != sentence.article_id
        title = doc.articles[sentence.article_id].title.strip()
        cut_off = relaxed and last and sentence.text != title and has_main_clause(sentence.text)
        if not (_complete(sentence.text) or cut_off):
            continue
        seen = {sentence.text}
        clutter = compress(sentence.text, only=CLUTTER_RULES)
        if clutter.rules:  # "ZURICH (AP) — Messi was banned": the headline starts at Messi
            text = clutter.text(sentence.text)
            seen.add(text)
            units.append(Unit(i, text, word_count(text), clutter))
        else:
            units.append(Unit(i, sentence.text, word_count(sentence.text)))
        for compression in shortenings(sentence.text, budget):
            text = compression.text(sentence.text)
            if text not in seen:
                seen.add(text)
                units.append(Unit(i, text, word_count(text), compression))
    return units


def _complete(text: str) -> bool:
    """Ends as a sentence ends: a headline is a sentence, not a title or a label."""
    return text.rstrip("\"'”’) ").endswith((".", "!", "?"))


def standalone(doc: SegmentedCluster, units: list[Unit]) -> list[Unit]:
    """Units that read on their own: no pronoun or connective needing a previous sentence,
    no definite description of something only an earlier sentence introduced."""
    needs, orphans = antecedents(doc, units)
    introduced_by, unintroduced = introductions(doc, units, roles=False)
    leaning = needs.keys() | orphans | introduced_by.keys() | unintroduced
    return [u for k, u in enumerate(units) if k not in leaning]


# Per segmented cluster and budget: a digest asks for the headline, and the brief for its lead.
_HEADLINES: WeakKeyDictionary[SegmentedCluster, dict[Budget, list[Pick]]] = WeakKeyDictionary()


def select_headline(doc: SegmentedCluster, budget: Budget) -> list[Pick]:
    known = _HEADLINES.setdefault(doc, {})
    if budget not in known:
        known[budget] = _select_headline(doc, budget)
    return list(known[budget])


def _select_headline(doc: SegmentedCluster, budget: Budget) -> list[Pick]:
    content, rejected = content_sentences(doc)
    units = standalone(doc, headline_units(doc, content, budget.words))
    if budget.words is not None and not any(u.words <= budget.words for u in units):
        # Nothing that passed the filters fits: rather a quote or a short line than nothing.
        # Still whole sentences, though: a subheading ("‘No truce’") is not a summary.
        relaxed = [i for i, terms in enumerate(doc.terms) if terms]
        units = standalone(doc, headline_units(doc, relaxed, budget.words, relaxed=True))
    if not units:
        return []
    words = budget.words if budget.words is not None else max(u.words for u in units)
    agreement = article_agreement(doc)
    weights = term_weights(doc, agreement, TITLE_VOTE)
    ids: dict[str, int] = {}
    concepts = [
        [ids.setdefault(t, len(ids)) for t in dict.fromkeys(content_terms(u.text))] for u in units
    ]
    concept_weights = [0.0] * len(ids)
    for term, cid in ids.items():
        concept_weights[cid] = weights.get(term, 0.0)
    bonus = [
        LEAD_BONUS
        * position_vote(doc.sentences[u.index].index)
        * agreement[doc.sentences[u.index].article_id]
        for u in units
    ]
    if len(units) > MAX_CANDIDATES:
        standalone_value = [
            sum(concept_weights[c] for c in cs) + b for cs, b in zip(concepts, bonus, strict=True)
        ]
        keep = sorted(
            sorted(range(len(units)), key=lambda k: (-standalone_value[k], k))[:MAX_CANDIDATES]
        )
        units = [units[k] for k in keep]
        concepts = [concepts[k] for k in keep]
        bonus = [bonus[k] for k in keep]
    max_units = MAX_UNITS if budget.sentences is None else min(MAX_UNITS, budget.sentences)
    conflicts = same_fact_pairs(doc, units)
    problem = CoverageProblem(
        lengths=[u.words for u in units],
        concepts=concepts,
        weights=concept_weights,
        budget=words,
        bonus=bonus,
        conflicts=[(a, b) for a, others in conflicts.items() for b in others if a < b],
        max_units=max_units,
    )
    solution = solve(problem)
    alone = sorted(range(len(units)), key=lambda k: (-problem.value([k]), k))
    picks = []
    for k in solution.chosen:
        unit = units[k]
        sentence = doc.sentences[unit.index]
        rivals = [j for j in alone if units[j].index != unit.index][:2]
        explain: dict[str, Any] = {
            "strategy": f"headline: exact concept coverage (integer program, {solution.method})",
            "scores": rounded(
                {
                    "objective": problem.value([k]),
                    "lead_bonus": bonus[k],
                    "article_agreement": agreement[sentence.article_id],
                }
            ),
            "position_in_article": sentence.index,
            "words": unit.words,
            "won_over": [
                {
                    "sentence": preview(units[j].text),
                    "objective": round(problem.value([j]), 4),
                    "why_not": "over budget"
                    if units[j].words > words
                    else "covers less of what the cluster stresses",
                }
                for j in rivals
            ],
            "filtered_out": rejected,
        }
        if unit.compression is not None:
            explain["compression"] = list(unit.compression.rules)
        picks.append(Pick(unit.index, problem.value([k]), explain, unit.spans(doc)))
    return picks
