"""Clustering quality against a reference grouping: B-cubed and the adjusted Rand index.

B-cubed (Bagga & Baldwin 1998; Amigó et al. 2009) scores every item: precision is the
share of its predicted cluster that truly belongs with it, recall the share of its true
cluster that was put with it; both are averaged over items. Unlike pair counting it does
not let a few big clusters dominate, which suits news events of very different sizes.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from newsweave.cluster import THRESHOLD, WINDOW_DAYS, EventClusterer
from newsweave.model import Article, Cluster, Problem, RawDocument
from newsweave.pipeline.cleaning import clean


@dataclass(frozen=True, slots=True)
class ClusterScores:
    precision: float
    recall: float
    f1: float
    ari: float
    items: int
    true_clusters: int
    predicted_clusters: int

    def to_dict(self) -> dict[str, float | int]:
        return {
            "bcubed_precision": self.precision,
            "bcubed_recall": self.recall,
            "bcubed_f1": self.f1,
            "adjusted_rand_index": self.ari,
            "items": self.items,
            "true_clusters": self.true_clusters,
            "predicted_clusters": self.predicted_clusters,
        }


def bcubed(truth: Sequence[Hashable], predicted: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of two labelings of the same items."""
    if len(truth) != len(predicted):
        raise ValueError("both labelings must cover the same items")
    if not truth:
        return 0.0, 0.0, 0.0
    pairs = Counter(zip(truth, predicted, strict=True))
    true_sizes = Counter(truth)
    predicted_sizes = Counter(predicted)
    # Every item of a (true, predicted) cell sees the same cell: sum per cell, not per item.
    precision = sum(n * n / predicted_sizes[p] for (_, p), n in pairs.items()) / len(truth)
    recall = sum(n * n / true_sizes[t] for (t, _), n in pairs.items()) / len(truth)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score_clustering(
    truth: Mapping[str, Hashable], predicted: Mapping[str, Hashable]
) -> ClusterScores:
    """Scores of a predicted clustering of the items in ``truth`` (item -> label maps)."""
    # Imported here: scikit-learn costs every command ~0.35 s of start-up otherwise.
    from sklearn.metrics import adjusted_rand_score

    missing = set(truth) - set(predicted)
    if missing:
        raise ValueError(f"{len(missing)} items have no predicted cluster")
    items = sorted(truth)
    t = [truth[i] for i in items]
    p = [predicted[i] for i in items]
    precision, recall, f1 = bcubed(t, p)
    return ClusterScores(
        precision=precision,
        recall=recall,
        f1=f1,
        ari=float(adjusted_rand_score(t, p)),
        items=len(items),
        true_clusters=len(set(t)),
        predicted_clusters=len(set(p)),
    )


@dataclass(frozen=True, slots=True)
class ReclusterResult:
    scores: ClusterScores
    rejected: tuple[Problem, ...]  # articles the cleaner rejected: scored as singletons
    unreadable: tuple[Problem, ...]  # input problems: not articles, not scored
    threshold: float  # the join probability used (the join model's own when none was given)


def recluster(
    items: Iterable[RawDocument | Problem],
    *,
    window_days: int = WINDOW_DAYS,
    threshold: float | None = THRESHOLD,
    seed: int = 0,
    tick: Callable[[int], None] | None = None,
) -> ReclusterResult:
    """Pool the articles of a dataset's clusters, shuffle them, re-cluster them as one
    stream and score the result against the dataset's grouping.

    The shuffle matters: a dataset lists each cluster's articles together, which would
    make a single-pass clusterer look better than it is on a real stream. Dated articles
    are then put in time order, as a stream delivers them. Articles the
    cleaner rejects (pages of pure boilerplate) stay in the scoring as singletons, so
    rejecting an article never raises the score.
    """
    docs: list[RawDocument] = []
    unreadable: list[Problem] = []
    for item in items:
        if isinstance(item, Problem):
            unreadable.append(item)
        elif item.group is not None:
            docs.append(item)
        elif item.label is not None:  # a labelled stream: one article a line
            docs.append(replace(item, group=item.label))
        else:
            unreadable.append(Problem(item.origin, "article belongs to no cluster: not scored"))
    group_of = {d.origin: d.group for d in docs}
    truth: dict[str, Hashable] = {}
    predicted: dict[str, Hashable] = {}
    articles: list[Article] = []
    rejected: list[Problem] = []
    for result in clean(docs):
        if isinstance(result, Problem):
            rejected.append(result)
            truth[result.where] = group_of[result.where]
            predicted[result.where] = f"rejected:{result.where}"
        else:
            articles.append(result.article)
            truth[result.article.id] = result.group
    random.Random(seed).shuffle(articles)
    # A real stream arrives in time order; dated articles are replayed that way (the sort
    # is stable, so articles of one day stay shuffled), undated ones come last.
    articles.sort(key=lambda a: a.published or dt.date.max)
    clusterer = EventClusterer(window_days, threshold, deduplicate=False)
    closed: list[Cluster] = []
    for article in articles:
        closed.extend(clusterer.add(article))
        if tick:
            tick(1)
    closed.extend(clusterer.close_all())
    for number, cluster in enumerate(closed):
        for article in cluster.articles:
            predicted[article.id] = number
    assert clusterer.threshold is not None  # set by the clusterer when none was given
    return ReclusterResult(
        score_clustering(truth, predicted), tuple(rejected), tuple(unreadable), clusterer.threshold
    )
