"""Is a cluster one event? The guard behind ``summarize`` and ``POST /api/clusters``.

A brief of articles about different events reads as one story that never happened, so the
articles a user gives are checked before they are summarized: two articles belong to one
event when they are linked, directly or through other articles of the cluster, by a
similarity of at least ``LINK`` (single link: a story's later reports may share more with
each other than with the first one) and, when both are dated, were published within the
clusterer's time window of each other. A page with no story (``cluster.is_non_article``:
a crawl notice, a video player) links to nothing, as in the clusterer. Languages are never
mixed silently either: articles in different (detected) languages are reported as such.

The similarity is the clusterer's article representation (``cluster.article_terms``: body,
lead, title and named things) compared by cosine; no document frequencies, which a handful
of articles cannot estimate. On the dev sets (docs/benchmarks.md, coherence) unrelated
article pairs score above ``LINK`` about 1 time in 100, and the articles of real clusters
that fall below it are mostly pages with no story at all (video pages, crawl notices).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsweave.cluster import WINDOW_DAYS, article_terms, is_non_article
from newsweave.model import Article, Cluster

LINK = 0.15


def _vector(article: Article) -> dict[str, float]:
    vector = {t: 1.0 + math.log(c) for t, c in article_terms(article).items() if c > 0}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {t: v / norm for t, v in vector.items()}


def similarity_matrix(articles: Sequence[Article]) -> list[list[float]]:
    vectors = [_vector(a) for a in articles]
    n = len(vectors)
    matrix = [[1.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            small, large = sorted((vectors[i], vectors[j]), key=len)
            score = sum(w * large.get(t, 0.0) for t, w in small.items())
            matrix[i][j] = matrix[j][i] = score
    return matrix


def _close_in_time(a: dt.date | None, b: dt.date | None, window: int) -> bool:
    return a is None or b is None or abs((a - b).days) <= window


def event_groups(
    articles: Sequence[Article], link: float = LINK, window_days: int = WINDOW_DAYS
) -> list[list[int]]:
    """The articles (by index) grouped into events, in order of first appearance."""
    matrix = similarity_matrix(articles)
    # Pages with no story (crawl notices, video players) are alike across stories: never a link.
    pages = [not is_non_article(a) for a in articles]
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            if (
                pages[i]
                and pages[j]
                and matrix[i][j] >= link
                and _close_in_time(articles[i].published, articles[j].published, window_days)
            ):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(articles)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


@dataclass(frozen=True, slots=True)
class Coherence:
    """What the guard found: the events (as article indices) and the languages."""

    groups: tuple[tuple[int, ...], ...]
    languages: dict[str, int]  # detected language -> articles (unknown ones left out)

    @property
    def one_event(self) -> bool:
        return len(self.groups) <= 1

    @property
    def one_language(self) -> bool:
        return len(self.languages) <= 1

    def warnings(self) -> list[str]:
        out = []
        if not self.one_event:
            listed = "; ".join(
                "articles " + ", ".join(str(i + 1) for i in g)
                if len(g) > 1
                else f"article {g[0] + 1}"
                for g in self.groups
            )
            out.append(
                f"these articles look like {len(self.groups)} different events ({listed}): "
                "the brief mixes them. Summarize them apart (newsweave summarize --split), or "
                "group a stream into events with 'newsweave cluster' or 'newsweave digest'"
            )
        if not self.one_language:
            counts = ", ".join(f"{lang}: {n}" for lang, n in sorted(self.languages.items()))
            out.append(f"articles in {len(self.languages)} languages ({counts})")
        return out


def check(cluster: Cluster) -> Coherence:
    articles = cluster.articles
    groups = event_groups(articles) if len(articles) > 1 else [list(range(len(articles)))]
    languages = Counter(a.language for a in articles if a.language)
    return Coherence(tuple(tuple(g) for g in groups), dict(languages))


def split(cluster: Cluster) -> list[Cluster]:
    """One cluster per event and language; a coherent cluster comes back unchanged."""
    found = check(cluster)
    if found.one_event and found.one_language:
        return [cluster]
    parts: list[Cluster] = []
    for group in found.groups:
        members = [cluster.articles[i] for i in group]
        known = Counter(a.language for a in members if a.language)
        # An article whose language was not detected (a headline, a caption) goes with the
        # event's main language rather than making a part of its own.
        main = known.most_common(1)[0][0] if known else ""
        by_language: dict[str, list[Article]] = {}
        for article in members:
            by_language.setdefault(article.language or main, []).append(article)
        for part in by_language.values():
            parts.append(Cluster(f"{cluster.id}-{len(parts) + 1}", tuple(part)))
    return parts
