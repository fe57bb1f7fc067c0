"""Speed and memory: time per cluster of every system (from the quality run), the shared
reading/cleaning/segmenting steps, peak memory, and a chart of quality against speed."""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc

from benchmarks._common import DEV_SETS, DOCS, DevRun, dev_run, peak_rss_mib, stamp
from newsweave.evaluation.compare import SystemResult
from newsweave.segment import SegmentedCluster

NAME = "speed"
TITLE = "time per cluster, memory, quality against speed"

CHART = "benchmarks-quality-speed.png"
MEMORY_SAMPLE = 10  # clusters per system traced for peak memory (tracing slows code ~5x)


def _ms(seconds: float) -> str:
    ms = 1000 * seconds
    return f"{ms:.1f}" if ms >= 1 else f"{ms:.2f}"


def _rate(count: int, seconds: float) -> str:
    if seconds <= 0:
        return "—"
    rate = count / seconds
    return f"{rate:.0f}" if rate >= 10 else f"{rate:.2f}"


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _traced_peak_mib(run: DevRun, result: SystemResult) -> float:
    """Largest Python-heap peak of one system summarizing one cluster, over a sample."""
    peak = 0
    for cluster in run.dataset.clusters[:MEMORY_SAMPLE]:
        doc = SegmentedCluster.from_cluster(cluster)
        tracemalloc.start()
        result.system.run(doc, cluster.reference or "", run.report["words"])
        peak = max(peak, tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    return peak / 1024**2


def _segment_seconds(run: DevRun) -> list[float]:
    out = []
    for cluster in run.dataset.clusters:
        start = time.perf_counter()
        SegmentedCluster.from_cluster(cluster)
        out.append(time.perf_counter() - start)
    return out


def speed_table(run: DevRun) -> str:
    n = len(run.dataset.clusters)
    segment = _segment_seconds(run)
    lines = [
        f"### {run.label}: {n} clusters, budget {run.report['words']} words",
        "",
        "| step or system | median ms per cluster | p95 ms | mean ms | clusters per second "
        f"| peak traced MiB per cluster (first {MEMORY_SAMPLE}) |",
        "|---|---:|---:|---:|---:|---:|",
        f"| read + clean (shared) | — | — | {_ms(run.load_seconds / max(1, n))} "
        f"| {_rate(n, run.load_seconds)} | — |",
        f"| segment into sentences (shared) | {_ms(statistics.median(segment))} "
        f"| {_ms(_percentile(segment, 0.95))} | {_ms(statistics.fmean(segment))} "
        f"| {_rate(n, sum(segment))} | — |",
    ]
    for result in run.results:
        seconds = result.seconds
        lines.append(
            f"| {result.system.name} | {_ms(statistics.median(seconds))} "
            f"| {_ms(_percentile(seconds, 0.95))} | {_ms(statistics.fmean(seconds))} "
            f"| {_rate(n, sum(seconds))} "
            f"| {_traced_peak_mib(run, result):.2f} |"
        )
    return "\n".join(lines) + "\n"


def chart(runs: list[DevRun]) -> str:
    """R2 against median time per cluster, one panel per dev set; returns the file name."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(runs), figsize=(5.2 * len(runs), 4.2), squeeze=False)
    for ax, run in zip(axes[0], runs, strict=True):
        rows = {row["system"]: row for row in run.report["systems"]}
        for result in run.results:
            name = result.system.name
            x = max(1000 * statistics.median(result.seconds), 1e-3)
            y = rows[name]["rouge2"]["mean"]
            low, high = rows[name]["rouge2"]["low"], rows[name]["rouge2"]["high"]
            color = "C3" if name == "newsweave" else ("C7" if name == "oracle" else "C0")
            ax.errorbar(x, y, yerr=[[y - low], [high - y]], fmt="o", color=color, capsize=3)
            ax.annotate(name, (x, y), textcoords="offset points", xytext=(6, 4), fontsize=9)
        ax.set_xscale("log")
        ax.set_xlabel("median ms per cluster (log scale)")
        ax.set_ylabel("ROUGE-2 F1 x100 (95% CI)")
        ax.set_title(f"{run.label}, {run.report['words']} words")
        ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    DOCS.mkdir(parents=True, exist_ok=True)
    fig.savefig(DOCS / CHART, dpi=110)
    plt.close(fig)
    return CHART


def run(args: argparse.Namespace) -> str:
    runs = [dev_run(args, filename, label) for filename, label in DEV_SETS]
    parts = [
        f"## Speed: {TITLE}",
        "",
        stamp(args),
        "",
        "Times are wall-clock per cluster in one process, taken during the quality run; a "
        "system's time covers its own work from the segmented cluster to its sentences (the "
        "shared reading, cleaning and segmenting are listed separately). **The machine is "
        "shared with other jobs**, so absolute times carry that load (see the load average "
        "above); ratios between systems measured in the same run are more trustworthy. Peak "
        "memory: the Python heap peak (tracemalloc) while one system summarizes one cluster, "
        f"largest over the first {MEMORY_SAMPLE} clusters.",
        "",
    ]
    for dev in runs:
        parts.append(speed_table(dev))
    parts.append(f"Peak resident memory of the whole benchmark process: {peak_rss_mib():.0f} MiB.")
    parts.append("")
    name = chart(runs)
    parts.append(f"![ROUGE-2 against time per cluster]({name})")
    parts.append("")
    return "\n".join(parts)
