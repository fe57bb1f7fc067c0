"""Summarize: extractive, budgeted, cited multi-document summaries.

Every summarizer implements ``select(doc, budget) -> list[Pick]`` over a segmented cluster;
this module turns picks into ordered, support-counted ``SummarySentence`` records, so all
implementations share one notion of traceability. Implementations are looked up by name:
the product's own here, the baselines an evaluation compares against (lead, sumy's peers,
earlier experiments) are registered by ``newsweave.evaluation.baselines`` and loaded only
when such a name is asked for, so ``import newsweave`` pulls in none of them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Protocol

from newsweave.config import Budget
from newsweave.errors import ConfigError
from newsweave.model import Cluster, SummarySentence
from newsweave.segment import SegmentedCluster
from newsweave.summarize.picks import Pick, chronological, to_summary

__all__ = [
    "DEFAULT_SUMMARIZER",
    "SUMMARIZERS",
    "Pick",
    "Summarizer",
    "get_summarizer",
    "register",
    "summarize_cluster",
]

# Where the evaluation's baselines register themselves (see the module docstring).
BASELINES_MODULE = "newsweave.evaluation.baselines"


class Summarizer(Protocol):
    name: str

    def select(self, doc: SegmentedCluster, budget: Budget) -> list[Pick]: ...


def _weave() -> Summarizer:
    from newsweave.summarize.weave import WeaveSummarizer

    return WeaveSummarizer()


# name -> factory; factories import lazily so a summarizer costs nothing until used.
SUMMARIZERS: dict[str, Callable[[], Summarizer]] = {"weave.v2": _weave}
ALIASES: dict[str, str] = {"default": "weave.v2", "newsweave": "weave.v2", "v2": "weave.v2"}
DEFAULT_SUMMARIZER = "default"


def register(name: str, factory: Callable[[], Summarizer], *aliases: str) -> None:
    SUMMARIZERS[name] = factory
    for alias in aliases:
        ALIASES[alias] = name


def known_summarizers() -> list[str]:
    """Every selectable name, the evaluation's baselines included."""
    importlib.import_module(BASELINES_MODULE)
    return sorted([*SUMMARIZERS, *ALIASES])


def get_summarizer(name: str = DEFAULT_SUMMARIZER) -> Summarizer:
    key = ALIASES.get(name, name)
    if key not in SUMMARIZERS:
        importlib.import_module(BASELINES_MODULE)  # a baseline asked for by name
        key = ALIASES.get(name, name)
    if key not in SUMMARIZERS:
        raise ConfigError(
            f"unknown summarizer '{name}' (available: {', '.join(known_summarizers())})"
        )
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
