"""Briefs (a paragraph or more): concept coverage solved as an integer program.

Gillick and Favre (2009): a concept is a word bigram (stemmed; pairs of two stop words are
not concepts), and the brief is the set of sentences that covers the most concept weight
within the word budget, each concept counted once, which is what removes redundancy. Our
concept weight is the cluster's evidence that the concept matters (``concepts.py``): a vote
per article that mentions it, discounted by how late the article first mentions it and by how
little the article agrees with the rest of the cluster. A concept found in only one sentence
is no evidence of anything and weighs nothing.

Candidates are the content sentences (``filters.py``), without datelines and labels
(``compress.py``). Constraints: never two sentences that state the same fact, and a sentence
that opens with a pronoun or connective only with its antecedent sentence (``order.py``).
``ilp.py`` solves the program under a time limit, with a greedy fallback.
"""

from __future__ import annotations

import itertools
from typing import Any

from newsweave.config import Budget
from newsweave.segment import SegmentedCluster, word_count
from newsweave.summarize.compress import CLUTTER_RULES, Compression, compress
from newsweave.summarize.concepts import article_agreement, position_vote
from newsweave.summarize.headline import HEADLINE_BUDGET, TITLE_VOTE, select_headline
from newsweave.summarize.ilp import CoverageProblem, Solution, solve
from newsweave.summarize.order import leans_back
from newsweave.summarize.picks import Pick, pick_text
from newsweave.summarize.units import (
    Unit,
    antecedents,
    content_sentences,
    introductions,
    preview,
    rounded,
    same_fact_pairs,
)
from newsweave.tokens import STOP_WORDS, content_terms, stem, words

NO_LIMIT = 10**9
# Candidates kept for the program, by concept weight per word: a constant, which keeps the
# time per article flat on 50-article clusters. On the Multi-News dev set, 40 to 100 gave the
# same ROUGE within 0.05.
MAX_CANDIDATES = 50
# Compression in briefs: only datelines and running-story labels, pure clutter to a reader.
# Attribution, weekday, aside and clause removal cost ROUGE-2 on the Multi-News dev set
# (16.13 -> 15.90 with all careful rules): in a paragraph there is room for them, and the
# references keep them. Headlines, where a few words decide whether a lead fits, use them all.
BRIEF_RULES = CLUTTER_RULES
MIN_SENTENCES = 2  # a concept must recur to count as something the cluster stresses
# The lead is chosen as a headline is, within a headline's words: the digest shows that
# headline, so both read the same (cached) choice.
LEAD_WORDS = HEADLINE_BUDGET


def bigram_concepts(text: str) -> list[str]:
    tokens = [stem(w) for w in words(text)]
    return list(
        dict.fromkeys(
            f"{a} {b}"
            for a, b in itertools.pairwise(tokens)
            if not (a in STOP_WORDS and b in STOP_WORDS)
        )
    )


def title_concepts(doc: SegmentedCluster, agreement: dict[str, float]) -> dict[str, float]:
    """Content words of the articles' titles as concepts of their own ("^word"): a title is
    its editor's summary of the article, so a brief should say what the titles say. A title
    word weighs as much as in a headline (``TITLE_VOTE`` first-sentence mentions, times the
    article's agreement). Datasets without titles (Multi-News) are unaffected."""
    weights: dict[str, float] = {}
    for article in doc.cluster.articles:
        for term in dict.fromkeys(_title_key(t) for t in content_terms(article.title)):
            vote = TITLE_VOTE * agreement.get(article.id, 1.0)
            weights[term] = weights.get(term, 0.0) + vote
    return weights


def _title_key(term: str) -> str:
    """A title word's concept: the stem without a final "e", so that a title's "ceasefire"
    and a sentence's "ceasefires" (stem "ceasefir") are one concept."""
    return "^" + (term[:-1] if term.endswith("e") and len(term) > 4 else term)


def unit_concepts_of(
    text: str, weights: dict[str, float], bigrams: list[str] | None = None, titled: bool = True
) -> list[str]:
    """The weighted concepts a text covers: its recurring bigrams (``bigrams`` when the
    caller has them) and, when the cluster has titles (``titled``), its title words."""
    found = [c for c in (bigram_concepts(text) if bigrams is None else bigrams) if c in weights]
    if not titled:
        return found
    keys = dict.fromkeys(_title_key(t) for t in content_terms(text))
    return found + [t for t in keys if t in weights]


def concept_weights(
    doc: SegmentedCluster, agreement: dict[str, float], per_sentence: list[list[str]]
) -> dict[str, float]:
    """Position-discounted, agreement-weighted article votes for every recurring bigram."""
    first: dict[tuple[str, str], int] = {}
    sentences_with: dict[str, int] = {}
    for sentence, concepts in zip(doc.sentences, per_sentence, strict=True):
        for concept in concepts:
            sentences_with[concept] = sentences_with.get(concept, 0) + 1
            first.setdefault((sentence.article_id, concept), sentence.index)
    weights: dict[str, float] = {}
    for (article_id, concept), index in first.items():
        if sentences_with[concept] >= MIN_SENTENCES:
            vote = agreement[article_id] * position_vote(index)
            weights[concept] = weights.get(concept, 0.0) + vote
    return weights


def brief_units(doc: SegmentedCluster, content: list[int]) -> list[Unit]:
    """Each content sentence without its dateline or label."""
    units = []
    for i in content:
        text = doc.sentences[i].text
        compression = compress(text, only=BRIEF_RULES)
        if compression.rules:
            short = compression.text(text)
            units.append(Unit(i, short, word_count(short), compression))
        else:
            units.append(Unit(i, text, word_count(text)))
    return units


def shortlist(doc: SegmentedCluster, content: list[int], values: dict[int, float]) -> list[int]:
    """The ``MAX_CANDIDATES`` content sentences with the most concept weight per word, in
    text order."""
    lengths = {i: max(1, word_count(doc.sentences[i].text)) for i in content}
    order = sorted(content, key=lambda i: (-values[i] / lengths[i], i))
    return sorted(order[:MAX_CANDIDATES])


def lead_unit(doc: SegmentedCluster, budget: Budget) -> Unit | None:
    """The brief's first sentence: the one the headline strategy picks (the lead that best
    covers what the titles and leads of the cluster stress), whole when it fits the budget.
    A brief that opens with it states the core news first, as a news story does."""
    words = LEAD_WORDS if budget.words is None else min(LEAD_WORDS, budget.words)
    picks = select_headline(doc, Budget(words=words))
    if not picks:
        return None
    pick = picks[0]
    # The sentence's own brief form, unless it opens with a connective the headline's form
    # dropped ("And despite ..."): the lead cannot lean on a sentence before it.
    whole = brief_units(doc, [pick.index])[0]
    fits = budget.words is None or whole.words <= budget.words
    if fits and not leans_back(whole.text):
        return whole
    text = pick_text(doc, pick)
    if not pick.spans:
        return Unit(pick.index, text, word_count(text))
    start = doc.sentences[pick.index].start
    spans = tuple((a - start, b - start) for a, b in pick.spans)
    rules = tuple(str(r) for r in pick.explain.get("compression", ()))
    return Unit(pick.index, text, word_count(text), Compression(spans, rules))


def select_brief(doc: SegmentedCluster, budget: Budget) -> list[Pick]:
    content, rejected = content_sentences(doc)
    if not content:  # rather a short or odd line than an empty brief
        content = [i for i, terms in enumerate(doc.terms) if terms]
    if not content:
        return []
    lead = lead_unit(doc, budget)
    agreement = article_agreement(doc)
    per_sentence = [bigram_concepts(s.text) for s in doc.sentences]
    weights = concept_weights(doc, agreement, per_sentence)
    titles = title_concepts(doc, agreement)
    weights.update(titles)
    alone = {
        i: sum(
            weights[c]
            for c in unit_concepts_of(doc.sentences[i].text, weights, per_sentence[i], bool(titles))
        )
        for i in content
    }
    units = brief_units(doc, shortlist(doc, content, alone))
    if lead is not None:
        units = [lead, *(u for u in units if u.index != lead.index or u.text != lead.text)]
    unit_concepts = [
        unit_concepts_of(
            u.text, weights, None if u.compression else per_sentence[u.index], bool(titles)
        )
        for u in units
    ]
    ids: dict[str, int] = {}
    concepts = [[ids.setdefault(c, len(ids)) for c in cs] for cs in unit_concepts]
    concept_weight = [0.0] * len(ids)
    for concept, cid in ids.items():
        concept_weight[cid] = weights[concept]
    conflicts = same_fact_pairs(doc, units)
    needs, orphans = antecedents(doc, units)
    introduced_by, unintroduced = introductions(doc, units)
    orphans |= unintroduced
    problem = CoverageProblem(
        lengths=[NO_LIMIT if k in orphans else u.words for k, u in enumerate(units)],
        concepts=concepts,
        weights=concept_weight,
        budget=budget.words if budget.words is not None else NO_LIMIT,
        conflicts=[(a, b) for a, others in conflicts.items() for b in others if a < b],
        requires=list(needs.items()),
        requires_any=list(introduced_by.items()),
        max_units=budget.sentences,
        fixed=(0,) if lead is not None else (),
    )
    solution = fill(problem, solve(problem), units)
    chosen = set(solution.chosen)
    picks = []
    for k in solution.chosen:
        unit = units[k]
        sentence = doc.sentences[unit.index]
        own = problem.value([k])
        marginal = solution.value - problem.value([j for j in solution.chosen if j != k])
        explain: dict[str, Any] = {
            "strategy": f"brief: concept coverage integer program ({solution.method})",
            "scores": rounded(
                {
                    "concept_weight": own,
                    "unique_contribution": marginal,
                    "weight_per_word": own / max(1, unit.words),
                    "article_agreement": agreement[sentence.article_id],
                    "position_vote": position_vote(sentence.index),
                }
            ),
            "position_in_article": sentence.index,
            "words": unit.words,
            "top_concepts": sorted(unit_concepts[k], key=lambda c: (-weights[c], c))[:5],
            "won_over": _runners_up(units, problem, chosen, conflicts, k),
            "summary_objective": round(solution.value, 4),
        }
        if unit.compression is not None:
            explain["compression"] = list(unit.compression.rules)
        if k in needs:
            explain["needs_previous_sentence"] = True
        if k == solution.chosen[0]:
            explain["filtered_out"] = rejected
        if lead is not None and k == 0:
            explain["lead"] = True
        picks.append(Pick(unit.index, own, explain, unit.spans(doc)))
    return picks


def fill(problem: CoverageProblem, solution: Solution, units: list[Unit]) -> Solution:
    """Spend words the program left over: add, best weight per word first, any sentence that
    still fits and breaks no constraint. Its concepts may already be covered (which is why
    the program was indifferent to it), but a brief that stops short says less."""
    chosen = list(solution.chosen)
    order = sorted(
        range(len(units)), key=lambda k: (-problem.value([k]) / max(1, units[k].words), k)
    )
    for k in order:
        if k not in chosen and problem.feasible([*chosen, k]):
            chosen.append(k)
    if len(chosen) == len(solution.chosen):
        return solution
    return Solution(tuple(sorted(chosen)), problem.value(chosen), solution.method + ", filled")


def _runners_up(
    units: list[Unit],
    problem: CoverageProblem,
    chosen: set[int],
    conflicts: dict[int, set[int]],
    k: int,
) -> list[dict[str, Any]]:
    """The two strongest sentences left out that compete with ``k``: those stating the same
    fact, else those of the highest weight per word, and why the program preferred ``k``."""
    rivals = sorted(conflicts.get(k, set()) - chosen, key=lambda j: (-problem.value([j]), j))
    if not rivals:
        others = [j for j in range(len(units)) if j not in chosen]
        rivals = sorted(others, key=lambda j: (-problem.value([j]) / max(1, units[j].words), j))
    out = []
    for j in rivals[:2]:
        if j in conflicts.get(k, set()):
            why = "states the same fact; this sentence adds more to the whole summary"
        else:
            why = "adds less uncovered concept weight per word than the chosen set"
        out.append(
            {
                "sentence": preview(units[j].text),
                "concept_weight": round(problem.value([j]), 4),
                "words": units[j].words,
                "why_not": why,
            }
        )
    return out
