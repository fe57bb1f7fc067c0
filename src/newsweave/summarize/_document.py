"""The segmented view of a cluster that every summarizer reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from newsweave.model import Article, Cluster, Sentence
from newsweave.segment import split_sentences
from newsweave.tokens import content_terms


@dataclass(frozen=True)
class Budget:
    """A length budget: whitespace words, sentences, or both (whichever binds first)."""

    words: int | None = 100
    sentences: int | None = None

    def allows(self, words: int, sentences: int) -> bool:
        if self.words is not None and words > self.words:
            return False
        return self.sentences is None or sentences <= self.sentences

    def __str__(self) -> str:
        parts = [f"{self.words} words"] if self.words is not None else []
        if self.sentences is not None:
            parts.append(f"{self.sentences} sentences")
        return ", ".join(parts) or "unbounded"


def word_count(text: str) -> int:
    return len(text.split())


@dataclass(eq=False)
class SegmentedCluster:
    """A cluster split into sentences once, with the term sets similarity needs."""

    cluster: Cluster
    sentences: list[Sentence] = field(default_factory=list)

    @classmethod
    def from_cluster(cls, cluster: Cluster) -> SegmentedCluster:
        sentences = [s for a in cluster.articles for s in split_sentences(a)]
        return cls(cluster, sentences)

    @cached_property
    def articles(self) -> dict[str, Article]:
        return {a.id: a for a in self.cluster.articles}

    @cached_property
    def article_order(self) -> dict[str, int]:
        return {a.id: i for i, a in enumerate(self.cluster.articles)}

    @cached_property
    def ordered_terms(self) -> list[list[str]]:
        """Content terms of each sentence in reading order (bigrams need the order)."""
        return [content_terms(s.text) for s in self.sentences]

    @cached_property
    def terms(self) -> list[frozenset[str]]:
        return [frozenset(terms) for terms in self.ordered_terms]

    @cached_property
    def article_frequency(self) -> dict[str, int]:
        """In how many articles each term occurs: the cluster's notion of importance."""
        per_article: dict[str, set[str]] = {}
        for sentence, sentence_terms in zip(self.sentences, self.terms, strict=True):
            per_article.setdefault(sentence.article_id, set()).update(sentence_terms)
        counts: dict[str, int] = {}
        for terms in per_article.values():
            for term in terms:
                counts[term] = counts.get(term, 0) + 1
        return counts

    def sentences_of(self, article_id: str) -> list[int]:
        return [i for i, s in enumerate(self.sentences) if s.article_id == article_id]
