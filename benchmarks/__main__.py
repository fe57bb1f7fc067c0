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
from types import ModuleType

from benchmarks import analysis_speed, quality, quote_attribution, speed
from benchmarks._common import DOCS, default_data_dir, utc_now
from newsweave.evaluation import DEFAULT_SYSTEMS, parse_systems

SECTIONS: list[ModuleType] = [quality, speed, analysis_speed, quote_attribution]

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
        if hasattr(section, "add_arguments"):
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
