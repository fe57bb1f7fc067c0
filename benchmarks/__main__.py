"""``python -m benchmarks``: run the benchmark sections and assemble docs/benchmarks.md.

Each section is a module exposing ``NAME``, ``TITLE`` and ``run(args) -> str`` (Markdown,
starting with its own ``## `` heading); it may add options with ``add_arguments(parser)``.
A section's Markdown is kept in ``docs/benchmarks/<NAME>.md``, and the page is those files
concatenated in the order of ``SECTIONS``, so ``--only`` re-runs one section and keeps the
others as they were last measured. To add a section, write its module and list it here.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from benchmarks import (
    analysis_speed,
    cleaning,
    coherence,
    dask_speed,
    load_test,
    quality,
    quote_attribution,
    reading_order,
    salience_cv,
    segmentation,
    semantic_candidates,
    semantic_support,
    speed,
    stream_cluster_bounds,
    stream_clusters,
    stream_dedupe,
    stream_throughput,
    stream_tune,
    summarizer_cv,
    summarizer_speed,
)
from benchmarks._common import DOCS, default_data_dir, utc_now
from newsweave.evaluation import DEFAULT_SYSTEMS, parse_systems


class Standalone:
    """A benchmark module written to run alone (``python -m benchmarks.X``), listed as a
    section: it gets its own option defaults, with the page's data folder."""

    def __init__(
        self, module: ModuleType, name: str, title: str, data_file: str = "", **defaults: Any
    ) -> None:
        self.module, self.NAME, self.TITLE, self.defaults = module, name, title, defaults
        self.data_file = data_file  # for modules whose --data names a file, not a folder

    def run(self, args: argparse.Namespace) -> str:
        data = str(Path(args.data_dir) / self.data_file) if self.data_file else args.data_dir
        options = {**self.defaults, "data": data}
        if args.limit and "limit" in self.defaults:
            options["limit"] = args.limit
        return str(self.module.run(argparse.Namespace(**options)))


SECTIONS: list[Any] = [
    quality,
    speed,
    Standalone(
        summarizer_speed,
        "summarizer_speed",
        "summarizer time per cluster and per article",
        limit=None,
        repeats=5,
        summarizers="default,centroid.v1",
    ),
    Standalone(
        summarizer_cv,
        "summarizer_cv",
        summarizer_cv.TITLE,
        limit=None,
        only=None,
        partial=str(DOCS / "benchmarks" / "summarizer_cv.md"),
    ),
    Standalone(salience_cv, "salience_cv", salience_cv.TITLE, limit=None),
    Standalone(
        segmentation,
        "segmentation",
        "sentence splitters: accuracy and speed",
        limit=400,
        repeat=3,
        only=None,
        errors=None,
    ),
    analysis_speed,
    quote_attribution,
    reading_order,
    cleaning,
    Standalone(stream_clusters, "stream_clusters", "event clustering on dated streams (B-cubed)"),
    Standalone(
        stream_tune, "stream_tune", "event clustering: fitting the join model", encoder="wordllama"
    ),
    Standalone(
        stream_tune,
        "stream_tune_lexical",
        "event clustering: the join model of the lexical path",
        encoder="none",
    ),
    Standalone(semantic_support, "semantic_support", "support counting of paraphrased facts"),
    Standalone(
        semantic_candidates,
        "semantic_candidates",
        "semantic encoders: speed and clustering quality",
        quick=False,
    ),
    Standalone(stream_cluster_bounds, "stream_cluster_bounds", "event clustering: batch bounds"),
    Standalone(
        stream_throughput,
        "stream_throughput",
        "clustering throughput on a 20,000-article stream",
        articles=stream_throughput.ARTICLES,
    ),
    Standalone(stream_dedupe, "stream_dedupe", "duplicate detection"),
    Standalone(
        load_test,
        "load_test",
        "REST API under load",
        data_file="multinews-dev.jsonl",
        requests=200,
        clients=20,
        clusters=50,
        db=None,
        postgres=False,
    ),
    coherence,
    dask_speed,
]

HEADER = """# Benchmarks

Produced by `python -m benchmarks` from the repository root (options: `--only SECTION`,
`--limit K`, `--data-dir DIR`, `--systems A,B`); each section says when and on which machine it
was measured. Sections: {sections}. Page assembled {date}.

"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    names = [s.NAME for s in SECTIONS]
    parser.add_argument(
        "--only",
        action="append",
        choices=names,
        metavar="SECTION",
        help=f"run only this section (repeatable; one of {', '.join(names)})",
    )
    parser.add_argument(
        "--data-dir",
        default=str(default_data_dir()),
        help="folder holding multinews-dev.jsonl and wcep-dev.jsonl (default: ../shared/data)",
    )
    parser.add_argument("--limit", type=int, help="only the first K clusters of each dev set")
    parser.add_argument(
        "--systems",
        type=parse_systems,
        default=list(DEFAULT_SYSTEMS),
        help=f"systems to compare (default: {','.join(DEFAULT_SYSTEMS)})",
    )
    for section in SECTIONS:
        if isinstance(section, ModuleType) and hasattr(section, "add_arguments"):
            section.add_arguments(parser)
    return parser


def assemble() -> str:
    parts = []
    for section in SECTIONS:
        path = DOCS / "benchmarks" / f"{section.NAME}.md"
        if path.is_file():
            parts.append(path.read_text(encoding="utf-8").rstrip() + "\n")
    listed = ", ".join(f"`{s.NAME}` ({s.TITLE})" for s in SECTIONS)
    return HEADER.format(sections=listed, date=utc_now()) + "\n".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    chosen = [s for s in SECTIONS if not args.only or s.NAME in args.only]
    (DOCS / "benchmarks").mkdir(parents=True, exist_ok=True)
    for section in chosen:
        print(f"section {section.NAME}: {section.TITLE}", flush=True)
        start = time.perf_counter()
        markdown = section.run(args)
        (DOCS / "benchmarks" / f"{section.NAME}.md").write_text(markdown, encoding="utf-8")
        print(f"section {section.NAME} done in {time.perf_counter() - start:.0f} s", flush=True)
    (DOCS / "benchmarks.md").write_text(assemble(), encoding="utf-8")
    print(f"wrote {DOCS / 'benchmarks.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
