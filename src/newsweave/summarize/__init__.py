"""Summarize: extractive, budgeted, cited multi-document summaries.

Every summarizer implements ``select(doc, budget) -> list[Pick]`` over a segmented cluster;
this module turns picks into ordered, support-counted ``SummarySentence`` records, so all
implementations share one notion of traceability. Implementations are looked up by name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from newsweave.errors import ConfigError
from newsweave.model import Cluster, SummarySentence
from newsweave.summarize._document import Budget, SegmentedCluster, word_count
from newsweave.summarize._select import Pick, chronological, to_summary

__all__ = [
    "DEFAULT_SUMMARIZER",
    "SUMMARIZERS",
    "Budget",
    "Pick",
    "SegmentedCluster",
    "Summarizer",
    "get_summarizer",
    "register",
    "summarize_cluster",
    "word_count",
]


class Summarizer(Protocol):
    name: str

    def select(self, doc: SegmentedCluster, budget: Budget) -> list[Pick]: ...


def _centroid() -> Summarizer:
    from newsweave.summarize.centroid import CentroidSummarizer

    return CentroidSummarizer()


def _weave() -> Summarizer:
    from newsweave.summarize.weave import WeaveSummarizer

    return WeaveSummarizer()


def _weave_submodular() -> Summarizer:
    from newsweave.summarize.weave import SubmodularWeaveSummarizer

    return SubmodularWeaveSummarizer()


# name -> factory; factories import lazily so optional peers cost nothing until used.
SUMMARIZERS: dict[str, Callable[[], Summarizer]] = {
    "centroid.v1": _centroid,
    "weave.v2": _weave,
    "weave.submodular": _weave_submodular,
}
ALIASES: dict[str, str] = {
    "default": "weave.v2",
    "newsweave": "weave.v2",
    "v1": "centroid.v1",
    "v2": "weave.v2",
}
DEFAULT_SUMMARIZER = "default"


def register(name: str, factory: Callable[[], Summarizer], *aliases: str) -> None:
    SUMMARIZERS[name] = factory
    for alias in aliases:
        ALIASES[alias] = name


def get_summarizer(name: str = DEFAULT_SUMMARIZER) -> Summarizer:
    key = ALIASES.get(name, name)
    if key not in SUMMARIZERS:
        known = ", ".join(sorted([*SUMMARIZERS, *ALIASES]))
        raise ConfigError(f"unknown summarizer '{name}' (available: {known})")
    return SUMMARIZERS[key]()


def summarize_cluster(
    cluster: Cluster | SegmentedCluster,
    budget: Budget | None = None,
    summarizer: str | Summarizer = DEFAULT_SUMMARIZER,
) -> tuple[SummarySentence, ...]:
    """The summary of one cluster, in reading order, each sentence with its support."""
    doc = (
        cluster if isinstance(cluster, SegmentedCluster) else SegmentedCluster.from_cluster(cluster)
    )
    impl = get_summarizer(summarizer) if isinstance(summarizer, str) else summarizer
    picks = impl.select(doc, budget or Budget())
    return to_summary(doc, chronological(doc, picks))


def _register_peers() -> None:
    """The peer summarizers (lead, sumy's) are selectable by name like our own."""
    from newsweave.summarize.peers import PEERS

    for name, (factory, aliases) in PEERS.items():
        register(name, factory, *aliases)


_register_peers()
