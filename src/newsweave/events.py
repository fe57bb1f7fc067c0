"""The stream API: inputs of any format in, cleaned articles and then events out.

Everything here is a generator, so a stream of any length passes through in bounded
memory: documents are cleaned in small chunks (lines repeated across the articles of a
chunk are site chrome, as in ``clean.clean_documents``), and events are emitted by the
clusterer as soon as they close.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from newsweave.clean import clean_documents
from newsweave.cluster import THRESHOLD, WINDOW_DAYS, EventClusterer
from newsweave.ingest import read_inputs
from newsweave.model import Article, Cluster, Problem, RawDocument

CHUNK = 256  # documents cleaned together: enough to spot repeated chrome, small in memory

Tick = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class Grouped:
    """An article and the group its input gave it (a dataset or clusters-file line)."""

    article: Article
    group: str | None
    reference: str | None = None


def clean_stream(
    items: Iterable[RawDocument | Problem], chunk: int = CHUNK
) -> Iterator[Grouped | Problem]:
    """Clean documents chunk by chunk; Problems pass through in order."""
    pending: list[RawDocument] = []

    def flush() -> Iterator[Grouped | Problem]:
        for doc, result in zip(pending, clean_documents(pending), strict=True):
            yield (
                result if isinstance(result, Problem) else Grouped(result, doc.group, doc.reference)
            )
        pending.clear()

    for item in items:
        if isinstance(item, Problem):
            yield item
            continue
        pending.append(item)
        if len(pending) >= chunk:
            yield from flush()
    yield from flush()


def read_articles(paths: Iterable[str]) -> Iterator[Grouped | Problem]:
    """Every cleaned article of the inputs, with its given group, or a Problem."""
    return clean_stream(read_inputs(paths))


def cluster_events(
    items: Iterable[Grouped | Problem],
    *,
    window_days: int = WINDOW_DAYS,
    threshold: float = THRESHOLD,
    deduplicate: bool = True,
    keep_groups: bool = False,
    tick: Tick | None = None,
) -> Iterator[Cluster | Problem]:
    """Events of a stream of articles, each as soon as it closes; Problems pass through.

    With ``keep_groups`` articles whose input already grouped them (a clusters file
    written by ``newsweave cluster``, a dataset) keep that grouping, so clustering twice
    changes nothing; only loose articles are clustered.
    """
    clusterer = EventClusterer(window_days, threshold, deduplicate=deduplicate)
    given: dict[str, list[Article]] = {}
    references: dict[str, str | None] = {}
    for item in items:
        if isinstance(item, Problem):
            yield item
            continue
        if keep_groups and item.group is not None:
            given.setdefault(item.group, []).append(item.article)
            references.setdefault(item.group, item.reference)
        else:
            yield from clusterer.add(item.article)
        if tick:
            tick(1)
    yield from clusterer.close_all()
    for group, articles in given.items():
        yield Cluster(group, tuple(articles), references[group])
