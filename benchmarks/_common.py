"""What every benchmark section shares: paths, the machine description, and one cached
evaluation run per dataset so sections that read the same run do not repeat it."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsweave.evaluation import Dataset, Scorer, evaluate, make_system, read_dataset
from newsweave.evaluation.compare import SystemResult

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

# The dev sets the sections use: file name and a short label for tables.
DEV_SETS = (("multinews-dev.jsonl", "Multi-News dev"), ("wcep-dev.jsonl", "WCEP dev"))


def default_data_dir() -> Path:
    """``../shared/data`` next to the repository (a git worktree may sit one level deeper)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        candidate = base / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared" / "data"


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gib() -> float:
    try:
        with open("/proc/meminfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) / 1024**2
    except OSError:
        pass
    return 0.0


def machine() -> str:
    """One line: CPU model, cores, RAM, OS, Python."""
    return (
        f"{_cpu_model()}, {os.cpu_count()} cores, {_ram_gib():.1f} GiB RAM, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stamp(args: argparse.Namespace) -> str:
    """The 'measured when and where' line every section starts with."""
    limit = f" Limited to the first {args.limit} clusters of each set." if args.limit else ""
    return (
        f"Measured {utc_now()} on {machine()}; load average (1/5/15 min) at the end: "
        f"{load_average()}.{limit}"
    )


@dataclass
class DevRun:
    label: str
    dataset: Dataset
    report: dict[str, Any]
    results: list[SystemResult]
    load_seconds: float  # reading and cleaning the whole file
    seconds: float  # summarizing and scoring with every system


_RUNS: dict[tuple[str, int | None, tuple[str, ...]], DevRun] = {}


def dev_run(args: argparse.Namespace, filename: str, label: str) -> DevRun:
    """All systems on one dev set at its auto budget, once per process."""
    key = (filename, args.limit, tuple(args.systems))
    if key not in _RUNS:
        path = Path(args.data_dir) / filename
        start = time.perf_counter()
        dataset = read_dataset(str(path), limit=args.limit)
        load_seconds = time.perf_counter() - start
        scorer = Scorer()
        systems = [make_system(name, scorer) for name in args.systems]
        print(f"  {label}: {len(dataset.clusters)} clusters x {len(systems)} systems", flush=True)
        start = time.perf_counter()
        report, results = evaluate(dataset, systems, None, scorer)
        _RUNS[key] = DevRun(
            label, dataset, report, results, load_seconds, time.perf_counter() - start
        )
    return _RUNS[key]
