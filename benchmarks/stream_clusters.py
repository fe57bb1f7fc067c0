"""Event clustering quality: ``newsweave eval-clusters`` on the dev sets.

Pools the articles of every dev cluster, shuffles them, re-clusters them as one stream and
scores the result (B-cubed P/R/F1, adjusted Rand index). Also sweeps the join threshold,
so the default can be judged, and gives the ceiling left by the data: dev articles that
share nothing with the rest of their cluster (crawler notices, video players) cannot be
placed by any text method.

    PYTHONPATH=src python -m benchmarks.stream_clusters [--data DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

from benchmarks._stream_data import base_parser, data_dir, machine
from newsweave.cluster import THRESHOLD
from newsweave.evaluation.cluster_metrics import recluster
from newsweave.ingest import read_inputs
from newsweave.model import Problem, RawDocument

SWEEP = (0.10, 0.14, 0.18, 0.22, 0.26)
SEEDS = (0, 1, 2)


def _row(name: str, threshold: float, items: list[RawDocument | Problem], seed: int) -> str:
    start = time.perf_counter()
    result = recluster(items, threshold=threshold, seed=seed)
    elapsed = time.perf_counter() - start
    s = result.scores
    return (
        f"| {name} | {threshold:.2f} | {seed} | {s.items} | {s.true_clusters} | "
        f"{s.predicted_clusters} | {s.precision:.3f} | {s.recall:.3f} | **{s.f1:.3f}** | "
        f"{s.ari:.3f} | {len(result.rejected)} | {elapsed:.1f} s |"
    )


def run(args: argparse.Namespace) -> str:
    folder = data_dir(args)
    lines = [
        "## Event clustering (eval-clusters)",
        "",
        f"{dt.date.today().isoformat()}; {machine()}.",
        "",
        "Articles of all dev clusters pooled, shuffled (seed), re-clustered as one stream; "
        "rejected = articles the cleaner rejected, scored as singletons. Dev sets have no "
        "dates, so the time window never splits anything here.",
        "",
        "| dataset | threshold | seed | articles | true | predicted | B³ P | B³ R | B³ F1 | "
        "ARI | rejected | time |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    datasets = {name: list(read_inputs([str(folder / f"{name}.jsonl")])) for name in
                ("multinews-dev", "wcep-dev")}  # fmt: skip
    for name, items in datasets.items():
        for seed in SEEDS:
            lines.append(_row(name, THRESHOLD, items, seed))
    for threshold in SWEEP:
        if threshold != THRESHOLD:
            lines.append(_row("multinews-dev", threshold, datasets["multinews-dev"], 0))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(run(base_parser(__doc__.splitlines()[0]).parse_args()))
