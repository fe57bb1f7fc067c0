"""Summarizer speed: time per cluster on the brief dev set, and time per article as clusters
grow from 2 to 50 articles (dev clusters concatenated), with a plot.

Timed per cluster with ``time.perf_counter``: segmentation (``SegmentedCluster.from_cluster``)
plus selection and support counting (``summarize_cluster``), pinned to one core. Loading and
cleaning the dataset are not timed.

    python -m benchmarks.summarizer_speed [--data DIR] [--limit N] [--summarizers a,b]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from collections.abc import Sequence
from pathlib import Path

from newsweave.config import Budget
from newsweave.model import Article, Cluster
from newsweave.pipeline import load
from newsweave.segment import SegmentedCluster
from newsweave.summarize import summarize_cluster

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
SIZES = (2, 5, 10, 20, 30, 40, 50)
BRIEF_WORDS = 228


def pin_to_one_core() -> str:
    """Run on one core, as the target is stated; returns what was done."""
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core}"
    return "not pinned (no sched_setaffinity)"


def time_cluster(cluster: Cluster, summarizer: str, budget: Budget) -> float:
    return time_cluster_both(cluster, summarizer, budget)[0]


def time_cluster_both(cluster: Cluster, summarizer: str, budget: Budget) -> tuple[float, float]:
    """(wall seconds, CPU seconds): on a shared machine the CPU time shows the cost without
    the waits for other processes."""
    start, cpu = time.perf_counter(), time.process_time()
    doc = SegmentedCluster.from_cluster(cluster)
    summarize_cluster(doc, budget, summarizer)
    return time.perf_counter() - start, time.process_time() - cpu


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def concatenated(clusters: Sequence[Cluster], size: int, offset: int) -> Cluster:
    """A synthetic cluster of ``size`` articles drawn in order from consecutive dev clusters."""
    pool: list[Article] = [a for c in clusters for a in c.articles]
    picked = [pool[(offset + i) % len(pool)] for i in range(size)]
    # article ids must be unique inside a cluster
    articles = tuple(
        Article(id=f"{a.id}#{i}", text=a.text, title=a.title, source=a.source)
        for i, a in enumerate(picked)
    )
    return Cluster(f"concat-{size}-{offset}", articles)


def measure(clusters: Sequence[Cluster], summarizer: str) -> dict[str, float]:
    budget = Budget(words=BRIEF_WORDS)
    for cluster in clusters[:3]:  # warm caches and imports
        time_cluster(cluster, summarizer, budget)
    both = [time_cluster_both(c, summarizer, budget) for c in clusters]
    times = [wall for wall, _ in both]
    cpu = [c for _, c in both]
    return {
        "median_ms": 1000 * statistics.median(times),
        "p95_ms": 1000 * percentile(times, 0.95),
        "max_ms": 1000 * max(times),
        "cpu_median_ms": 1000 * statistics.median(cpu),
        "cpu_p95_ms": 1000 * percentile(cpu, 0.95),
        "clusters": len(times),
    }


def scaling(clusters: Sequence[Cluster], summarizer: str, repeats: int) -> list[dict[str, float]]:
    budget = Budget(words=BRIEF_WORDS)
    rows = []
    for size in SIZES:
        times = [
            time_cluster(concatenated(clusters, size, r * 53), summarizer, budget)
            for r in range(repeats)
        ]
        median = statistics.median(times)
        rows.append({"articles": size, "ms": 1000 * median, "ms_per_article": 1000 * median / size})
    return rows


def plot(rows_by_summarizer: dict[str, list[dict[str, float]]], path: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    for name, rows in rows_by_summarizer.items():
        sizes = [r["articles"] for r in rows]
        left.plot(sizes, [r["ms"] for r in rows], marker="o", label=name)
        right.plot(sizes, [r["ms_per_article"] for r in rows], marker="o", label=name)
    left.set(xlabel="articles per cluster", ylabel="ms per cluster", title="time per cluster")
    right.set(xlabel="articles per cluster", ylabel="ms per article", title="time per article")
    right.set_ylim(bottom=0)
    left.legend()
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return True


def run(args: argparse.Namespace) -> str:
    """The speed section of docs/benchmarks.md, as Markdown."""
    pinned = pin_to_one_core()
    data = Path(getattr(args, "data", None) or DEFAULT_DATA)
    limit = getattr(args, "limit", None)
    names = (getattr(args, "summarizers", None) or "default,centroid.v1").split(",")
    clusters = load([str(data / "multinews-dev.jsonl")]).clusters
    if limit:
        clusters = clusters[:limit]
    repeats = getattr(args, "repeats", None) or 5
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load_avg = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        "## Summarizer speed",
        "",
        f"{len(clusters)} clusters of `multinews-dev.jsonl`, budget {BRIEF_WORDS} words; per "
        "cluster: segmentation + selection + support counting (`time.perf_counter`), "
        f"{pinned}. Machine: {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {load_avg:.2f} at start, {stamp}.",
        "",
        "| summarizer | median ms | p95 ms | max ms | CPU median ms | CPU p95 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in names:
        m = measure(clusters, name)
        lines.append(
            f"| {name} | {m['median_ms']:.1f} | {m['p95_ms']:.1f} | {m['max_ms']:.1f} "
            f"| {m['cpu_median_ms']:.1f} | {m['cpu_p95_ms']:.1f} |"
        )
    lines += [
        "",
        "Scaling: clusters of 2 to 50 articles concatenated from dev clusters, "
        f"median of {repeats}.",
        "",
        "| summarizer | " + " | ".join(f"{s} art." for s in SIZES) + " |",
        "| --- | " + " | ".join("---:" for _ in SIZES) + " |",
    ]
    rows_by_name = {name: scaling(clusters, name, repeats) for name in names}
    for name, rows in rows_by_name.items():
        cells = " | ".join(f"{r['ms']:.0f} ms ({r['ms_per_article']:.1f}/art.)" for r in rows)
        lines.append(f"| {name} | {cells} |")
    image = ROOT / "docs" / "img" / "summarizer_speed.png"
    if plot(rows_by_name, image):
        lines += ["", f"![time per cluster and per article]({image.relative_to(ROOT / 'docs')})"]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", help="folder with multinews-dev.jsonl")
    parser.add_argument("--limit", type=int, help="first N clusters only")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--summarizers", default="default,centroid.v1")
    print(run(parser.parse_args(argv)))


if __name__ == "__main__":
    main()
