"""The digest: events of a stream, each summarized, ranked and grouped by day (WCEP style).

An event's rank is the number of independent outlets that report it (syndicated copies
were folded by dedupe and count once), each outlet weighted by how closely its article
sticks to the event, discounted by the event's age: a story reported by many outlets today
outranks one reported by as many last week, and an "event" that gathered loosely related
articles (a false merge) ranks below a tight one of the same size, so a raw article count
never decides alone. An outlet's weight is the cosine of its article to the rest of the
event (leave-one-out centroid of content-term vectors) relative to the median of that cosine
over the digest, capped at 1: a typical member counts fully, a stray one by its share.
Each event gets a headline-length summary (about 30 words) and its longer brief from the
default summarizer.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import partial

from newsweave.config import Budget, Settings
from newsweave.dedupe import independent_sources, outlet_key
from newsweave.model import Article, Cluster, DigestEvent, Problem, replace
from newsweave.pipeline.batch import cluster_label, make_brief
from newsweave.runners import Runner, partition
from newsweave.runners.local import LocalRunner
from newsweave.segment import SegmentedCluster
from newsweave.summarize import summarize_cluster
from newsweave.summarize.headline import HEADLINE_BUDGET
from newsweave.tokens import content_terms

HEADLINE_WORDS = HEADLINE_BUDGET  # the brief leads with the same choice
HALF_LIFE_DAYS = 2.0  # an event's weight halves every two days of age


def event_day(cluster: Cluster) -> dt.date | None:
    """The day an event is listed under: when it was first reported."""
    days = [a.published for a in cluster.articles if a.published is not None]
    return min(days) if days else None


def latest_day(cluster: Cluster) -> dt.date | None:
    days = [a.published for a in cluster.articles if a.published is not None]
    return max(days) if days else None


def rank_score(
    sources: float, last: dt.date | None, now: dt.date | None, half_life: float
) -> float:
    """Weighted sources, halved for every ``half_life`` days the event is older than now."""
    if last is None or now is None:
        return float(sources)
    age = max(0, (now - last).days)
    return float(sources * 0.5 ** (age / half_life))


def _unit_vector(article: Article) -> dict[str, float]:
    counts = Counter(content_terms(f"{article.title}\n{article.text}"))
    vector = {t: 1.0 + math.log(n) for t, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {t: v / norm for t, v in vector.items()}


def cohesion(cluster: Cluster) -> list[float]:
    """Each article's cosine to the centroid of the event's other articles (one article:
    an empty list, nothing to compare with)."""
    if len(cluster.articles) < 2:
        return []
    vectors = [_unit_vector(a) for a in cluster.articles]
    total: Counter[str] = Counter()
    for vector in vectors:
        total.update(vector)
    out = []
    for vector in vectors:
        rest = {t: w - vector.get(t, 0.0) for t, w in total.items()}
        norm = math.sqrt(sum(w * w for w in rest.values()))
        dot = sum(w * rest.get(t, 0.0) for t, w in vector.items())
        out.append(dot / norm if norm else 0.0)
    return out


def weighted_sources(cluster: Cluster, scores: Sequence[float], typical: float) -> float:
    """Independent outlets, each weighted by its closest article's cohesion relative to the
    digest's typical cohesion (capped at 1); a single-article event is one outlet."""
    if not scores or typical <= 0:
        return float(independent_sources(cluster.articles))
    best: dict[str, float] = {}
    for article, score in zip(cluster.articles, scores, strict=True):
        key = outlet_key(article)
        best[key] = max(best.get(key, 0.0), min(1.0, score / typical))
    return sum(best.values())


def rank_events(
    clusters: Sequence[Cluster], top: int | None = None, half_life: float = HALF_LIFE_DAYS
) -> list[tuple[Cluster, float]]:
    """The ``top`` events by score, best first (ties: more articles, then newer)."""
    days = [d for c in clusters if (d := latest_day(c)) is not None]
    now = max(days) if days else None
    scores = [cohesion(c) for c in clusters]
    pooled = sorted(s for per_event in scores for s in per_event)
    typical = statistics.median(pooled) if pooled else 0.0
    scored = [
        (c, rank_score(weighted_sources(c, s, typical), latest_day(c), now, half_life))
        for c, s in zip(clusters, scores, strict=True)
    ]
    scored.sort(key=lambda cs: (-cs[1], -len(cs[0].articles), -_ordinal(latest_day(cs[0]))))
    return scored[:top] if top else scored


def _ordinal(day: dt.date | None) -> int:
    return day.toordinal() if day else 0


def headline(cluster: Cluster | SegmentedCluster, words: int = HEADLINE_WORDS) -> str:
    """A headline-length summary: the sentences the default summarizer picks in ``words``."""
    summary = summarize_cluster(cluster, Budget(words=words))
    return " ".join(s.text for s in summary)


def summarize_event(cluster: Cluster, score: float, settings: Settings) -> DigestEvent:
    doc = SegmentedCluster.from_cluster(cluster)  # split once for the brief and the headline
    brief = replace(make_brief(doc, settings), headline=headline(doc))
    return DigestEvent(
        cluster_id=cluster.id,
        day=event_day(cluster),
        last_day=latest_day(cluster),
        score=score,
        independent_sources=independent_sources(cluster.articles),
        articles=len(cluster.articles),
        copies=sum(len(a.copies) for a in cluster.articles),
        brief=brief,
    )


def summarize_ranked(ranked: tuple[Cluster, float], settings: Settings) -> DigestEvent:
    """``summarize_event`` of one ``rank_events`` pair: the unit a runner maps."""
    cluster, score = ranked
    return summarize_event(cluster, score, settings)


def digest_events(
    clusters: Iterable[Cluster],
    settings: Settings | None = None,
    top: int | None = None,
    half_life: float = HALF_LIFE_DAYS,
    tick: Callable[[int], None] | None = None,
    runner: Runner | None = None,
) -> tuple[list[DigestEvent], list[Problem]]:
    """The digest's events, summarized by ``runner`` (default: here, one by one), and a
    Problem for each event whose summary failed. Ranking needs every cluster, so it runs
    here; only the summaries, independent of each other, go to the runner."""
    settings = settings or Settings()
    ranked = rank_events(list(clusters), top, half_life)
    results = (runner or LocalRunner()).map(
        partial(summarize_ranked, settings=settings),
        ranked,
        lambda pair: cluster_label(pair[0]),
        tick,
    )
    events, failed = partition(results)
    return sorted(events, key=lambda e: (-_ordinal(e.day), -e.score)), failed
