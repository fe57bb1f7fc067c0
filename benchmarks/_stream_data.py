"""Dev-set access shared by the stream benchmarks (clusters, throughput, dedupe)."""

from __future__ import annotations

import argparse
import os
import platform
from pathlib import Path

from newsweave.model import Problem
from newsweave.pipeline.cleaning import Grouped
from newsweave.pipeline.stream import read_articles

ROOT = Path(__file__).resolve().parent.parent


def data_dir(args: argparse.Namespace | None = None) -> Path:
    """The shared dev data: --data, $NEWSWEAVE_DATA, or a shared/data folder beside the repo."""
    given = getattr(args, "data", None) or os.environ.get("NEWSWEAVE_DATA")
    candidates = [Path(given)] if given else []
    candidates += [ROOT.parent / "shared" / "data", ROOT.parent.parent / "shared" / "data"]
    for candidate in candidates:
        if (candidate / "multinews-dev.jsonl").exists():
            return candidate
    raise SystemExit("dev data not found: pass --data DIR or set NEWSWEAVE_DATA")


def grouped_articles(path: Path) -> list[Grouped]:
    return [g for g in read_articles([str(path)]) if not isinstance(g, Problem)]


def machine() -> str:
    load = os.getloadavg()
    return (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, load average {load[0]:.1f} at start "
        "(the machine is shared with other jobs)"
    )


def base_parser(description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", help="folder with multinews-dev.jsonl and wcep-dev.jsonl")
    return parser
