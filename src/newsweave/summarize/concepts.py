"""What a cluster stresses: position-discounted, agreement-weighted votes per term.

Every article that mentions a term casts a vote for it. A vote counts more when the article
mentions the term early, because news writing puts the key facts first (the inverted
pyramid), and when the article agrees with the rest of the cluster, so that an off-topic page
scraped into a cluster (a common accident in web datasets) cannot steer the summary. Titles,
an editor's own summary of an article, cast votes of their own.
"""

from __future__ import annotations

import math

from newsweave.segment import SegmentedCluster
from newsweave.tokens import content_terms

# Position at which a mention's vote has halved: about the end of a news lead (3-4 sentences).
HALF_VOTE_POSITION = 4.0
# Floor for an article's agreement, so that a lone dissenting article still counts a little.
MIN_AGREEMENT = 0.05


def position_vote(index: int) -> float:
    """The vote of a mention in the ``index``-th sentence of its article (1 for the first)."""
    return HALF_VOTE_POSITION / (HALF_VOTE_POSITION + index)


def article_agreement(doc: SegmentedCluster) -> dict[str, float]:
    """How much each article agrees with the rest of the cluster: the cosine between its
    term counts and the summed counts of the other articles, scaled so that the most central
    article has 1. A cluster of one article trusts it fully."""
    vectors: dict[str, dict[str, int]] = {a.id: {} for a in doc.cluster.articles}
    for sentence, terms in zip(doc.sentences, doc.ordered_terms, strict=True):
        vec = vectors[sentence.article_id]
        for term in terms:
            vec[term] = vec.get(term, 0) + 1
    if len(vectors) < 2:
        return dict.fromkeys(vectors, 1.0)
    total: dict[str, int] = {}
    for vec in vectors.values():
        for term, count in vec.items():
            total[term] = total.get(term, 0) + count
    scores: dict[str, float] = {}
    for article_id, vec in vectors.items():
        dot = sum(count * (total[term] - count) for term, count in vec.items())
        norm_own = math.sqrt(sum(count * count for count in vec.values()))
        norm_rest = math.sqrt(sum((n - vec.get(term, 0)) ** 2 for term, n in total.items()))
        scores[article_id] = dot / (norm_own * norm_rest) if norm_own and norm_rest else 0.0
    top = max(scores.values()) or 1.0
    return {a: max(score / top, MIN_AGREEMENT) for a, score in scores.items()}


def term_weights(
    doc: SegmentedCluster, agreement: dict[str, float], title_vote: float = 0.0
) -> dict[str, float]:
    """Per term: the sum over articles of agreement x position vote of its first mention,
    plus ``title_vote`` x agreement for each article title that contains it."""
    first: dict[tuple[str, str], int] = {}
    for sentence, terms in zip(doc.sentences, doc.ordered_terms, strict=True):
        for term in terms:
            first.setdefault((sentence.article_id, term), sentence.index)
    weights: dict[str, float] = {}
    for (article_id, term), index in first.items():
        weights[term] = weights.get(term, 0.0) + agreement[article_id] * position_vote(index)
    if title_vote:
        for article in doc.cluster.articles:
            for term in set(content_terms(article.title)):
                vote = title_vote * agreement.get(article.id, 1.0)
                weights[term] = weights.get(term, 0.0) + vote
    return weights


def sentence_importance(doc: SegmentedCluster, agreement: dict[str, float]) -> list[float]:
    """How much the summary should cover each sentence: its position vote in its article
    times its article's agreement with the cluster."""
    return [position_vote(s.index) * agreement[s.article_id] for s in doc.sentences]
