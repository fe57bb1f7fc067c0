"""The pipeline as one readable sequence: ingest -> clean -> segment -> summarize -> brief.

This is the Python API that the CLI, the web app, the store and the Dask runner all call.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import BinaryIO

from newsweave.analyze import analyze_cluster
from newsweave.clean import clean_documents
from newsweave.config import Settings
from newsweave.ingest import read_inputs
from newsweave.model import Article, Brief, Cluster, Problem, RawDocument, Source, replace
from newsweave.runners import Runner, partition
from newsweave.runners.local import LocalRunner
from newsweave.summarize import Budget, SegmentedCluster, get_summarizer, summarize_cluster

Progress = Callable[[int], None]
LOOSE_GROUP = "__loose__"


@dataclass
class Loaded:
    """Clusters read from inputs, and every input that was skipped or used with a caveat."""

    clusters: list[Cluster] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def skipped(self) -> list[Problem]:
        return [p for p in self.problems if p.skipped]


def cluster_id(articles: Sequence[Article]) -> str:
    digest = hashlib.sha1("\x00".join(a.id for a in articles).encode(), usedforsecurity=False)
    return "c-" + digest.hexdigest()[:12]


def group_documents(items: Iterable[RawDocument | Problem]) -> Loaded:
    """Group raw documents into clusters: dataset lines keep their grouping, loose files
    (text, HTML, single-article records) form one cluster together."""
    loaded = Loaded()
    groups: dict[str, list[RawDocument]] = {}
    references: dict[str, str | None] = {}
    for item in items:
        if isinstance(item, Problem):
            loaded.problems.append(item)
            continue
        key = item.group if item.group is not None else LOOSE_GROUP
        groups.setdefault(key, []).append(item)
        references.setdefault(key, item.reference)
    for key, docs in groups.items():
        articles: list[Article] = []
        for result in clean_documents(docs):
            if isinstance(result, Problem):
                loaded.problems.append(result)
            else:
                articles.append(result)
        if not articles:
            continue
        cid = cluster_id(articles) if key == LOOSE_GROUP else key
        loaded.clusters.append(Cluster(cid, tuple(articles), references.get(key)))
    return loaded


def load(paths: Iterable[str], stdin: BinaryIO | None = None) -> Loaded:
    """Read and clean every input; never raises for a bad input, reports it instead."""
    return group_documents(read_inputs(paths, stdin))


def display_title(article: Article, words: int = 12) -> str:
    """The article's title, or its opening words when it has none (dataset records)."""
    if article.title:
        return article.title
    opening = article.text.split()
    return " ".join(opening[:words]) + (" …" if len(opening) > words else "")


def sources_of(cluster: Cluster) -> tuple[Source, ...]:
    return tuple(
        Source(
            number=i,
            article_id=a.id,
            title=display_title(a),
            source=a.source,
            url=a.url,
            published=a.published,
            origin=a.origin,
        )
        for i, a in enumerate(cluster.articles, 1)
    )


def make_brief(cluster: Cluster | SegmentedCluster, settings: Settings | None = None) -> Brief:
    """Summarize one cluster (or an already segmented one) into a Brief."""
    settings = settings or Settings()
    doc = (
        cluster if isinstance(cluster, SegmentedCluster) else SegmentedCluster.from_cluster(cluster)
    )
    cluster = doc.cluster
    budget = Budget(words=settings.words, sentences=settings.sentences)
    summarizer = get_summarizer(settings.summarizer)
    summary = summarize_cluster(doc, budget, summarizer)
    warnings = []
    if not summary:
        warnings.append(f"no sentence of this cluster fits the budget of {budget}")
    brief = Brief(
        cluster_id=cluster.id,
        summary=summary,
        sources=sources_of(cluster),
        summarizer=summarizer.name,
        warnings=tuple(warnings),
        budget_words=settings.words,
        articles=cluster.articles,
    )
    if not settings.analyze:
        return brief
    analysis = analyze_cluster(doc, settings.reference_date)
    return replace(
        brief,
        quotes=analysis.quotes,
        claims=analysis.claims,
        disagreements=analysis.disagreements,
        timeline=analysis.timeline,
        people=analysis.people,
    )


def cluster_label(cluster: Cluster) -> str:
    """How a cluster is named in a problem report."""
    return f"cluster {cluster.id}"


def make_briefs(
    clusters: Iterable[Cluster],
    settings: Settings | None = None,
    runner: Runner | None = None,
    progress: Progress | None = None,
) -> tuple[list[Brief], list[Problem]]:
    """A brief per cluster, in order, made by ``runner`` (default: here, one by one; a
    ``DaskRunner`` spreads them over a cluster). A cluster whose brief fails is a Problem,
    and the others are still made."""
    settings = settings or Settings()
    get_summarizer(settings.summarizer)  # an unknown name is one error, not one per cluster
    results = (runner or LocalRunner()).map(
        partial(make_brief, settings=settings), clusters, cluster_label, progress
    )
    return partition(results)


def summarize_paths(
    paths: Iterable[str],
    settings: Settings | None = None,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    runner: Runner | None = None,
) -> tuple[list[Brief], list[Problem]]:
    """Read inputs and make one brief per cluster found in them."""
    loaded = load(paths, stdin)
    briefs, failed = make_briefs(loaded.clusters, settings, runner, progress)
    return briefs, loaded.problems + failed
