"""Options and plumbing shared by the stream commands (cluster, digest, eval-clusters)."""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from newsweave.cli import _output
from newsweave.cli._args import non_negative_int, similarity
from newsweave.cluster import MAX_SPAN_DAYS, THRESHOLD, WINDOW_DAYS
from newsweave.cluster_join import LEXICAL, SEMANTIC
from newsweave.model import Cluster, Problem


def add_clustering_options(parser: argparse.ArgumentParser) -> None:
    add_join_options(parser)
    parser.add_argument(
        "--no-dedupe", action="store_true", help="keep syndicated copies as separate articles"
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress or warnings")


def add_join_options(parser: argparse.ArgumentParser) -> None:
    """When an article joins an event: the window and the join threshold."""
    parser.add_argument(
        "--window-days",
        type=non_negative_int,
        default=WINDOW_DAYS,
        metavar="N",
        help=f"an article joins an event within N days of its reports (default {WINDOW_DAYS}; "
        f"an event never spans more than {MAX_SPAN_DAYS} days)",
    )
    parser.add_argument(
        "--threshold",
        type=similarity,
        default=THRESHOLD,
        help="join probability from which an article joins an event (default: the join "
        f"model's own, {SEMANTIC.threshold} with the semantic extra, {LEXICAL.threshold} without)",
    )


@dataclass
class Collector:
    """Splits a stream of clusters and problems, keeping counts for the final summary."""

    problems: list[Problem] = field(default_factory=list)
    articles: int = 0
    copies: int = 0  # syndicated copies folded into the articles

    def clusters(self, items: Iterable[Cluster | Problem], quiet: bool) -> Iterator[Cluster]:
        for item in items:
            if isinstance(item, Problem):
                self.problems.append(item)
                if not quiet:
                    _output.warn(str(item))
                continue
            self.articles += len(item.articles)
            self.copies += sum(len(a.copies) for a in item.articles)
            yield item

    def summary(self, events: int) -> None:
        """The end-of-run lines: articles used, inputs rejected (by reason), copies, events."""
        _output.summarize_rejected(self.problems, self.articles)
        plural = "ies" if self.copies != 1 else "y"
        _output.stderr.print(
            f"{self.copies:,} syndicated cop{plural} folded into their originals; "
            f"{events:,} events",
            highlight=False,
        )
