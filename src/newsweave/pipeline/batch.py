"""Batch: inputs in, one brief per cluster out (``newsweave summarize``, the REST API).

ingest -> clean (``cleaning.clean``) -> group -> segment -> summarize -> analyze -> Brief.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import BinaryIO

from newsweave import coherence
from newsweave.analyze import analyze_cluster
from newsweave.config import Budget, Settings
from newsweave.errors import NoInputError
from newsweave.ingest import read_inputs
from newsweave.ingest.text import parse_text
from newsweave.model import Article, Brief, Cluster, Problem, RawDocument, Source, replace
from newsweave.pipeline.cleaning import Grouped, clean, clean_articles
from newsweave.runners import Runner, partition
from newsweave.runners.local import LocalRunner
from newsweave.segment import SegmentedCluster
from newsweave.summarize import get_summarizer, summarize_cluster

Progress = Callable[[int], None]
LOOSE_GROUP = "__loose__"
# What make_brief and summarize_texts take besides a Cluster: texts, articles or documents.
ArticleLike = str | Article | RawDocument


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


def group_articles(items: Iterable[Grouped | Problem]) -> Loaded:
    """Group cleaned articles into clusters: dataset lines keep their grouping, loose files
    (text, HTML, single-article records) form one cluster together."""
    loaded = Loaded()
    groups: dict[str, list[Article]] = {}
    references: dict[str, str | None] = {}
    for item in items:
        if isinstance(item, Problem):
            loaded.problems.append(item)
            continue
        key = item.group if item.group is not None else LOOSE_GROUP
        groups.setdefault(key, []).append(item.article)
        references.setdefault(key, item.reference)
    for key, articles in groups.items():
        cid = cluster_id(articles) if key == LOOSE_GROUP else key
        loaded.clusters.append(Cluster(cid, tuple(articles), references.get(key)))
    return loaded


def group_documents(items: Iterable[RawDocument | Problem]) -> Loaded:
    """Clean raw documents (one run) and group them into clusters."""
    return group_articles(clean(items))


def load(paths: Iterable[str], stdin: BinaryIO | None = None) -> Loaded:
    """Read and clean every input; never raises for a bad input, reports it instead."""
    return group_documents(read_inputs(paths, stdin))


def as_document(item: ArticleLike, n: int) -> RawDocument:
    """A text, an Article built by hand or a RawDocument, as a document for the clean step
    (a text's first line is its headline when it has more than one paragraph, as in a
    text file)."""
    if isinstance(item, RawDocument):
        return item
    if isinstance(item, Article):
        return RawDocument(
            origin=item.origin or f"article-{n}",
            text=item.text,
            title=item.title,
            source=item.source,
            url=item.url,
            published=item.published,
            byline=item.byline,
        )
    lines = [line for line in item.splitlines() if line.strip()]
    # Read as a text file is ("date 2016-12-08 Title ..." dates the article, not its title).
    return replace(parse_text(f"text-{n}", item), title_in_text=len(lines) > 1)


def cluster_of(items: Sequence[ArticleLike]) -> tuple[Cluster, list[Problem]]:
    """Texts or articles cleaned (one run) into one cluster, and the problems met."""
    articles, problems = clean_articles(as_document(item, n) for n, item in enumerate(items, 1))
    # The same article given twice is one article, not two sources agreeing.
    first: dict[tuple[str, str], Article] = {}
    for article in articles:
        first.setdefault((article.title, article.text), article)
    unique = tuple(first.values())
    return Cluster(cluster_id(unique), unique), problems


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


def make_brief(
    cluster: Cluster | SegmentedCluster | Sequence[ArticleLike], settings: Settings | None = None
) -> Brief:
    """Summarize one cluster into a Brief. ``cluster`` is a Cluster of cleaned articles (as
    ``load`` returns), an already segmented one, or texts / Articles / RawDocuments, which
    are cleaned first."""
    settings = settings or Settings()
    problems: list[Problem] = []
    if not isinstance(cluster, Cluster | SegmentedCluster):
        cluster, problems = cluster_of(cluster)
        if not cluster.articles:
            reasons = "; ".join(str(p) for p in problems) or "nothing given"
            raise NoInputError(f"no usable article: {reasons}")
    doc = (
        cluster if isinstance(cluster, SegmentedCluster) else SegmentedCluster.from_cluster(cluster)
    )
    cluster = doc.cluster
    budget = Budget(words=settings.words, sentences=settings.sentences)
    summarizer = get_summarizer(settings.summarizer)
    sources = sources_of(cluster)
    number = {s.article_id: s.number for s in sources}
    summary = tuple(
        replace(s, sources=tuple(number[a] for a in s.support))
        for s in summarize_cluster(doc, budget, summarizer)
    )
    warnings = [str(p) for p in problems]
    warnings += coherence.check(cluster).warnings()  # never a mixed brief without a word
    if not summary:
        warnings.append(f"no sentence of this cluster fits the budget of {budget}")
    brief = Brief(
        cluster_id=cluster.id,
        summary=summary,
        sources=sources,
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


def summarize_texts(
    texts: Sequence[ArticleLike], settings: Settings | None = None, **options: object
) -> Brief:
    """The brief of a few articles given as texts (or Articles): the shortest way in.

    ``options`` are ``Settings`` fields (``words=60``, ``analyze=False``...)."""
    settings = (settings or Settings()).replace(**options) if options else settings
    return make_brief(list(texts), settings)


def split_events(clusters: Iterable[Cluster]) -> list[Cluster]:
    """Each cluster cut into the events (and languages) its articles form
    (``coherence.split``); a coherent cluster stays whole."""
    return [part for cluster in clusters for part in coherence.split(cluster)]


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
