"""How much the cross-source analysis adds to a summary run of a 10-article cluster.

The dev sets have no cluster of ten articles (Multi-News tops out at nine), so each test
cluster pools the articles of consecutive Multi-News dev clusters until it holds ten: the
cost of the analysis depends on the amount of text and of quotes and figures to compare,
not on whether the articles tell one story. Without the dev data, the example cluster's
articles are repeated to ten.

For each cluster we time ``make_brief`` with and without analysis (best of ``--repeat``
runs each) and report the difference, in CPU time (robust to other jobs on the machine)
and in wall-clock time.

Run alone: ``PYTHONPATH=src python -m benchmarks.analysis_speed [--data-dir DIR]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import time
from pathlib import Path

from newsweave.config import Settings
from newsweave.model import Article, Cluster, replace
from newsweave.pipeline import load, make_brief

NAME = "analysis_speed"
TITLE = "Analysis speed"
ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "aleppo-2016-12"
BUDGET_MS = 50.0
ARTICLES = 10


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--analysis-clusters", type=int, default=20, help="10-article clusters to time"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best of)")


def ten_article_clusters(data_dir: Path | None, count: int) -> tuple[list[Cluster], str]:
    path = data_dir / "multinews-dev.jsonl" if data_dir else None
    if path is not None and path.exists():
        articles = [a for c in load([str(path)]).clusters for a in c.articles]
        source = f"Multi-News dev articles pooled ten at a time ({path.name})"
    else:
        base = list(load([str(EXAMPLE)]).clusters[0].articles)
        articles = [replace(base[i % len(base)], id=f"copy{i}") for i in range(ARTICLES * count)]
        source = "the example cluster's articles, repeated"
    clusters = []
    for k in range(count):
        chunk: list[Article] = articles[k * ARTICLES : (k + 1) * ARTICLES]
        if len(chunk) < ARTICLES:
            break
        clusters.append(Cluster(f"bench-{k}", tuple(chunk)))
    return clusters, source


def best_ms(cluster: Cluster, settings: Settings, repeat: int) -> tuple[float, float]:
    """(CPU ms, wall-clock ms) of one ``make_brief``, each the best of ``repeat`` runs."""
    cpu, wall = [], []
    for _ in range(repeat):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        make_brief(cluster, settings)
        cpu.append((time.process_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start_wall) * 1000)
    return min(cpu), min(wall)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def _row(label: str, values: list[float], bold: bool = False) -> str:
    cells = [f"{statistics.median(values):.1f}", f"{_p95(values):.1f}", f"{max(values):.1f}"]
    if bold:
        cells = [f"**{c}**" for c in cells]
    return f"| {label} | " + " | ".join(cells) + " |"


def run(args: argparse.Namespace) -> str:
    data_dir = Path(args.data_dir) if getattr(args, "data_dir", None) else None
    count = getattr(args, "analysis_clusters", 20)
    repeat = getattr(args, "repeat", 3)
    clusters, source = ten_article_clusters(data_dir, count)
    measured: dict[str, list[float]] = {k: [] for k in ("cpu0", "cpu1", "wall0", "wall1")}
    words = []
    for cluster in clusters:
        make_brief(cluster, Settings())  # warm caches (regexes, stemmer) once per cluster
        cpu0, wall0 = best_ms(cluster, Settings(analyze=False), repeat)
        cpu1, wall1 = best_ms(cluster, Settings(analyze=True), repeat)
        for key, value in (("cpu0", cpu0), ("cpu1", cpu1), ("wall0", wall0), ("wall1", wall1)):
            measured[key].append(value)
        words.append(sum(len(a.text.split()) for a in cluster.articles))
    added_cpu = [b - a for a, b in zip(measured["cpu0"], measured["cpu1"], strict=True)]
    added_wall = [b - a for a, b in zip(measured["wall0"], measured["wall1"], strict=True)]
    load1, load5, _ = os.getloadavg()
    verdict = "within" if _p95(added_cpu) <= BUDGET_MS else "over"
    return "\n".join(
        [
            f"## {TITLE}",
            "",
            f"{len(clusters)} clusters of {ARTICLES} articles ({source}); "
            f"median {statistics.median(words):.0f} words per cluster; best of {repeat} runs.",
            "CPU time is the process's own time, so it holds while other jobs share the "
            "machine; wall-clock time is what a user waits on a busy machine.",
            "",
            "| per cluster | median ms | p95 ms | max ms |",
            "|---|---|---|---|",
            _row("CPU, summary only (`--no-analysis`)", measured["cpu0"]),
            _row("CPU, summary + analysis", measured["cpu1"]),
            _row("CPU added by analysis", added_cpu, bold=True),
            _row("wall clock added by analysis", added_wall),
            "",
            f"Budget: at most {BUDGET_MS:.0f} ms added for a 10-article cluster; the p95 of "
            f"CPU time added is {verdict} it.",
            "",
            f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()} "
            f"({os.cpu_count()} CPUs, {platform.python_implementation()} "
            f"{platform.python_version()}), load average {load1:.1f} / {load5:.1f} (1 / 5 min): "
            "other jobs shared the machine.",
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.analysis_speed")
    shared = ROOT.parent / "shared" / "data"
    parser.add_argument(
        "--data-dir", default=str(shared) if shared.exists() else None, help="dev-set folder"
    )
    add_arguments(parser)
    print(run(parser.parse_args()))


if __name__ == "__main__":
    main()
