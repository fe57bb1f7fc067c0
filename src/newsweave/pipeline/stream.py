"""The stream: inputs of any format in, cleaned articles and then events out.

Everything here is a generator, so a stream of any length passes through in bounded
memory: documents are cleaned a window at a time (``cleaning.clean``), and events are
emitted by the clusterer as soon as they close.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from newsweave.cluster import THRESHOLD, WINDOW_DAYS, EventClusterer
from newsweave.ingest import read_inputs
from newsweave.model import Article, Cluster, Problem
from newsweave.pipeline.cleaning import Grouped, clean

Tick = Callable[[int], None]


def read_articles(paths: Iterable[str]) -> Iterator[Grouped | Problem]:
    """Every cleaned article of the inputs, with its given group, or a Problem."""
    return clean(read_inputs(paths))


def cluster_events(
    items: Iterable[Grouped | Problem],
    *,
    window_days: int = WINDOW_DAYS,
    threshold: float | None = THRESHOLD,
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
