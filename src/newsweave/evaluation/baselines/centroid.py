"""v1: cluster-centroid scoring with a lead prior and greedy, redundancy-aware selection."""

from __future__ import annotations

import math

from newsweave.config import Budget
from newsweave.segment import SegmentedCluster, word_count
from newsweave.summarize.picks import Pick, is_redundant

MIN_WORDS = 6
MAX_WORDS = 60


def _eligible(text: str) -> bool:
    n = word_count(text)
    return MIN_WORDS <= n <= MAX_WORDS and not text.rstrip().endswith(("?", ":"))


class CentroidSummarizer:
    """Scores a sentence by how many articles share its content words (a multi-document
    centroid), damped by length and boosted early in its article; then fills the budget
    greedily, skipping sentences that restate an already chosen fact."""

    name = "centroid.v1"

    def select(self, doc: SegmentedCluster, budget: Budget) -> list[Pick]:
        df = doc.article_frequency
        n_articles = max(1, len(doc.cluster.articles))
        scored: list[tuple[float, int, dict[str, float]]] = []
        for i, (sentence, terms) in enumerate(zip(doc.sentences, doc.terms, strict=True)):
            if not terms or not _eligible(sentence.text):
                continue
            centrality = sum(df[t] / n_articles for t in terms) / math.sqrt(len(terms))
            position = 1.0 / (1.0 + 0.15 * sentence.index)
            score = centrality * (0.6 + 0.4 * position)
            scored.append(
                (score, i, {"centrality": round(centrality, 4), "position": round(position, 4)})
            )
        scored.sort(key=lambda item: (-item[0], item[1]))
        chosen: list[Pick] = []
        words = 0
        for score, i, parts in scored:
            n = word_count(doc.sentences[i].text)
            if not budget.allows(words + n, len(chosen) + 1):
                continue
            if is_redundant(doc, i, [p.index for p in chosen]):
                continue
            chosen.append(Pick(i, score, {"scores": parts}))
            words += n
        return chosen
