"""The systems an evaluation compares, and the one length rule they all obey.

A system turns a segmented cluster (plus, for the oracle, the reference) into summary
sentences. Every output is then cut to the same number of whitespace words, so no system
gains ROUGE recall by writing more.

* ``newsweave`` (alias ``default``): the current default summarizer, whatever it is.
* any registered summarizer by name (``lead``, ``lexrank``, ``textrank``, ``lsa``, ``klsum``,
  ``centroid.v1``...). Those that rank sentences (the peers) fill the budget in rank order
  and have the last sentence cut; the others select within the budget themselves.
* ``oracle``: the greedy ROUGE oracle, the extractive ceiling.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from newsweave.config import Budget
from newsweave.errors import ConfigError
from newsweave.evaluation.oracle import greedy_oracle
from newsweave.evaluation.rouge import Scorer
from newsweave.segment import SegmentedCluster, word_count
from newsweave.summarize import Pick, get_summarizer
from newsweave.summarize.order import reading_order
from newsweave.summarize.picks import chronological, pick_text

__all__ = [
    "DEFAULT_SYSTEMS",
    "NEWSWEAVE",
    "ORACLE",
    "System",
    "cut_to_words",
    "make_system",
    "parse_systems",
]

NEWSWEAVE = "newsweave"
ORACLE = "oracle"
DEFAULT_SYSTEMS = (NEWSWEAVE, "lead", "lexrank", "textrank", "lsa", "klsum", ORACLE)


@runtime_checkable
class Ranking(Protocol):
    """A summarizer that can order every sentence of a cluster by preference."""

    def rank(self, doc: SegmentedCluster) -> list[int]: ...


Produce = Callable[[SegmentedCluster, str, int], list[str]]


@dataclass(frozen=True)
class System:
    name: str  # as the user asked for it
    implementation: str  # what actually ran, e.g. "centroid.v1" for "newsweave"
    produce: Produce

    def run(self, doc: SegmentedCluster, reference: str, words: int) -> tuple[list[str], float]:
        """The cut summary and the seconds the system took (the cut not included)."""
        # A fresh view shares the sentences but not the cached features, so no system
        # is timed on work another one did.
        fresh = SegmentedCluster(doc.cluster, doc.sentences)
        start = time.perf_counter()
        sentences = self.produce(fresh, reference, words)
        elapsed = time.perf_counter() - start
        return cut_to_words(sentences, words), elapsed


def cut_to_words(sentences: Sequence[str], words: int) -> list[str]:
    """The first ``words`` whitespace words of the summary, sentence boundaries kept."""
    out: list[str] = []
    left = words
    for sentence in sentences:
        tokens = sentence.split()
        if not tokens:
            continue
        if left <= 0:
            break
        out.append(" ".join(tokens[:left]) if len(tokens) > left else sentence.strip())
        left -= min(left, len(tokens))
    return out


def parse_systems(spec: str) -> list[str]:
    names = [n.strip() for n in spec.split(",") if n.strip()]
    if not names:
        raise ConfigError("--systems needs at least one system name")
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ConfigError(f"--systems names {', '.join(duplicates)} more than once")
    return names


def _texts(
    doc: SegmentedCluster,
    picks: Sequence[Pick],
    order: Callable[[SegmentedCluster, Sequence[Pick]], list[Pick]] = chronological,
) -> list[str]:
    """The picked sentences as the summary shows them (compressed ones as compressed), in
    ``order``: document order for the ranking peers, the product's reading order for a
    summarizer that selects (what ``summarize_cluster`` shows a user is what is scored)."""
    return [pick_text(doc, p) for p in order(doc, picks)]


def _fill_ranked(ranker: Ranking) -> Produce:
    def produce(doc: SegmentedCluster, reference: str, words: int) -> list[str]:
        picks: list[Pick] = []
        used = 0
        for index in ranker.rank(doc):
            n = word_count(doc.sentences[index].text)
            if n == 0:
                continue
            picks.append(Pick(index))
            used += n
            if used >= words:
                break
        return _texts(doc, picks)

    return produce


def make_system(name: str, scorer: Scorer) -> System:
    """Resolve a system name; an unknown name is a ``ConfigError`` listing the known ones."""
    if name == ORACLE:

        def oracle(doc: SegmentedCluster, reference: str, words: int) -> list[str]:
            sentences = [s.text for s in doc.sentences]
            return greedy_oracle(sentences, reference, words, scorer.tokens)

        return System(ORACLE, "greedy ROUGE-1+2 oracle", oracle)
    try:
        summarizer = get_summarizer("default" if name == NEWSWEAVE else name)
    except ConfigError as exc:
        raise ConfigError(f"{exc}; or '{ORACLE}'") from None
    if isinstance(summarizer, Ranking):
        return System(name, summarizer.name, _fill_ranked(summarizer))

    def selected(doc: SegmentedCluster, reference: str, words: int) -> list[str]:
        return _texts(doc, summarizer.select(doc, Budget(words=words)), reading_order)

    return System(name, summarizer.name, selected)
