"""Run systems side by side on a dataset and report ROUGE with its uncertainty.

``evaluate`` produces a plain dict (what ``--output`` writes as JSON); ``to_markdown``
renders it as the table the CLI prints. Scores are means x100 over clusters with 95%
bootstrap intervals; each system is compared with the baseline (newsweave when it runs)
by a paired bootstrap test on the same clusters.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsweave.errors import NewsweaveError
from newsweave.evaluation.bootstrap import (
    DEFAULT_SAMPLES,
    DEFAULT_SEED,
    bootstrap_ci,
    paired_test,
)
from newsweave.evaluation.datasets import Dataset
from newsweave.evaluation.rouge import METRICS, Scorer
from newsweave.evaluation.systems import NEWSWEAVE, System
from newsweave.model import Cluster, Problem
from newsweave.runners import Runner
from newsweave.runners.local import LocalRunner
from newsweave.segment import SegmentedCluster

__all__ = ["SystemResult", "evaluate", "resolve_words", "to_markdown"]

Advance = Callable[[int], None]
LABELS = {"rouge1": "R1", "rouge2": "R2", "rougeLsum": "RLsum"}


@dataclass
class SystemResult:
    """One system's outputs and per-cluster numbers, in dataset order."""

    system: System
    ids: list[str] = field(default_factory=list)  # the clusters scored (failed ones left out)
    summaries: list[list[str]] = field(default_factory=list)
    scores: dict[str, list[float]] = field(default_factory=lambda: {m: [] for m in METRICS})
    seconds: list[float] = field(default_factory=list)
    words: list[int] = field(default_factory=list)


def resolve_words(dataset: Dataset, words: int | None) -> int:
    """A fixed budget, or (``None``) the dataset's mean reference length, rounded."""
    if words is not None:
        return words
    return max(1, round(dataset.mean_reference_words()))


# One system's output on one cluster: the cut summary, its seconds, its ROUGE scores.
Output = tuple[list[str], float, dict[str, float]]


@dataclass(frozen=True)
class ClusterRun:
    """Every system on one cluster, which is segmented once and shared: the unit of work
    a runner maps (picklable, so it can run on a Dask worker)."""

    systems: tuple[System, ...]
    words: int
    scorer: Scorer

    def __call__(self, cluster: Cluster) -> list[Output]:
        doc = SegmentedCluster.from_cluster(cluster)
        reference = cluster.reference or ""
        outputs = []
        for system in self.systems:
            summary, seconds = system.run(doc, reference, self.words)
            outputs.append((summary, seconds, self.scorer.score(reference, summary).as_dict()))
        return outputs


def run_systems(
    dataset: Dataset,
    systems: Sequence[System],
    words: int,
    scorer: Scorer,
    advance: Advance | None = None,
    runner: Runner | None = None,
) -> tuple[list[SystemResult], list[Problem]]:
    """Every system on every cluster, by ``runner`` (default: here, one cluster after the
    other); a cluster that fails is left out of every system's results and reported."""
    results = [SystemResult(system) for system in systems]

    def progress(clusters: int) -> None:
        if advance:
            advance(clusters * len(systems))

    outcomes = (runner or LocalRunner()).map(
        ClusterRun(tuple(systems), words, scorer),
        dataset.clusters,
        lambda cluster: f"{dataset.name}: cluster {cluster.id}",
        progress,
    )
    failed = []
    for cluster, outcome in zip(dataset.clusters, outcomes, strict=True):
        if isinstance(outcome, Problem):
            failed.append(outcome)
            continue
        for result, (summary, seconds, scores) in zip(results, outcome, strict=True):
            result.ids.append(cluster.id)
            result.summaries.append(summary)
            result.seconds.append(seconds)
            result.words.append(sum(len(s.split()) for s in summary))
            for metric in METRICS:
                result.scores[metric].append(scores[metric])
    return results, failed


def _interval(scores: list[float]) -> dict[str, float]:
    ci = bootstrap_ci(scores)
    return {"mean": 100 * ci.mean, "low": 100 * ci.low, "high": 100 * ci.high}


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    at = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[at]


def _speed(seconds: list[float]) -> dict[str, float]:
    ms = [1000 * s for s in seconds]
    total = sum(seconds)
    return {
        "ms_per_cluster": statistics.fmean(ms) if ms else 0.0,
        "ms_median": statistics.median(ms) if ms else 0.0,
        "ms_p95": _percentile(ms, 0.95),
        "clusters_per_second": len(seconds) / total if total > 0 else 0.0,
    }


def evaluate(
    dataset: Dataset,
    systems: Sequence[System],
    words: int | None,
    scorer: Scorer | None = None,
    advance: Advance | None = None,
    runner: Runner | None = None,
) -> tuple[dict[str, Any], list[SystemResult]]:
    """Score ``systems`` on ``dataset`` at ``words`` (``None``: auto) and build the report.
    ``runner`` summarizes and scores the clusters (default: here, one after the other)."""
    scorer = scorer or Scorer()
    budget = resolve_words(dataset, words)
    results, failed = run_systems(dataset, systems, budget, scorer, advance, runner)
    if not results[0].ids:
        raise NewsweaveError(f"{dataset.name}: no cluster could be evaluated ({failed[0]})")
    names = [s.name for s in systems]
    baseline = NEWSWEAVE if NEWSWEAVE in names else names[0]
    base = next(r for r in results if r.system.name == baseline)
    rows = []
    for result in results:
        row: dict[str, Any] = {
            "system": result.system.name,
            "implementation": result.system.implementation,
            **{metric: _interval(result.scores[metric]) for metric in METRICS},
            "mean_words": statistics.fmean(result.words) if result.words else 0.0,
            **_speed(result.seconds),
        }
        if result is not base:
            row["vs_" + baseline] = {
                metric: _paired(base.scores[metric], result.scores[metric]) for metric in METRICS
            }
        row["per_cluster"] = {m: [round(100 * v, 4) for v in result.scores[m]] for m in METRICS}
        rows.append(row)
    report: dict[str, Any] = {
        "dataset": dataset.name,
        "path": dataset.path,
        "clusters": len(base.ids),
        "ids": base.ids,
        "skipped": [str(p) for p in dataset.problems if p.skipped],
        "failed": [str(p) for p in failed],
        "words": budget,
        "words_mode": "auto" if words is None else "fixed",
        "mean_reference_words": dataset.mean_reference_words(),
        "baseline": baseline,
        "bootstrap": {"samples": DEFAULT_SAMPLES, "seed": DEFAULT_SEED, "confidence": 0.95},
        "systems": rows,
    }
    return report, results


def _paired(base: list[float], other: list[float]) -> dict[str, float]:
    """Baseline minus other, in points: positive means the baseline is better."""
    test = paired_test(base, other)
    return {
        "difference": 100 * test.difference,
        "low": 100 * test.low,
        "high": 100 * test.high,
        "p_value": test.p_value,
    }


def _ms(value: float) -> str:
    return f"{value:.1f}" if value >= 1 else f"{value:.2f}"


def to_markdown(report: dict[str, Any]) -> str:
    """One dataset's report as a Markdown table, headed by what was measured."""
    baseline = report["baseline"]
    lines = [
        f"### {report['dataset']}: {report['clusters']} clusters, {report['words']} words "
        f"({report['words_mode']}; mean reference {report['mean_reference_words']:.1f} words)",
        "",
        f"| system | R1 | R2 | RLsum | R2 95% CI | mean words | ms per cluster "
        f"| R2 {baseline} − system (p) |",
        "|---|---:|---:|---:|---|---:|---:|---|",
    ]
    for row in report["systems"]:
        r2 = row["rouge2"]
        versus = row.get("vs_" + baseline)
        paired = (
            f"{versus['rouge2']['difference']:+.2f} (p={versus['rouge2']['p_value']:.3f})"
            if versus
            else "—"
        )
        name = row["system"]
        if row["implementation"] != name and name == baseline:
            name = f"{name} ({row['implementation']})"
        lines.append(
            f"| {name} | {row['rouge1']['mean']:.2f} | {r2['mean']:.2f} "
            f"| {row['rougeLsum']['mean']:.2f} | {r2['low']:.2f}–{r2['high']:.2f} "
            f"| {row['mean_words']:.1f} | {_ms(row['ms_per_cluster'])} | {paired} |"
        )
    return "\n".join(lines) + "\n"
