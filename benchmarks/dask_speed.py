"""Scale-out: summarizing the Multi-News dev clusters here versus on a Dask LocalCluster.

The same ``make_briefs`` call runs once with the in-process runner and then with a
``DaskRunner`` of ``--dask-workers`` worker processes (one thread each): a first run on
fresh workers (each imports newsweave and warms its caches) and a second, warm one. Cluster
start and stop are timed apart, since a long-lived cluster pays them once. Every Dask run's
briefs are checked to be identical (as JSON) to the local ones.

Wall-clock times depend on what else the machine runs: the section reports the load
average before and after, and the CPU time the client process spent (the scheduler of a
LocalCluster runs in it and competes with the workers for cores).

Run alone: ``PYTHONPATH=src python -m benchmarks.dask_speed [--data-dir DIR] [--limit K]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks._common import default_data_dir, load_average, stamp
from newsweave.config import Settings
from newsweave.model import Cluster
from newsweave.pipeline import load, make_briefs
from newsweave.render import render
from newsweave.runners import Runner
from newsweave.runners.local import LocalRunner

NAME = "dask_speed"
TITLE = "Dask scale-out: local runner against a LocalCluster"
DATA_FILE = "multinews-dev.jsonl"
WARM_UP = 3  # clusters summarized here first, so the local run is warm like the second Dask run


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dask-workers", type=int, default=2, help="worker processes of the LocalCluster"
    )
    parser.add_argument(
        "--dask-repeat", type=int, default=3, help="timed runs of each runner (interleaved)"
    )


@dataclass
class Run:
    wall: float  # seconds
    client_cpu: float  # CPU seconds of this process
    worker_cpu: float  # CPU seconds of the Dask workers (0 for the local runner)


def worker_cpu(runner: Runner) -> float:
    """CPU seconds the Dask workers have used so far (0 for a runner without workers)."""
    client = getattr(runner, "client", None)
    return float(sum(client.run(time.process_time).values())) if client else 0.0


def summarize(runner: Runner, clusters: list[Cluster], expected: str | None) -> Run:
    """One timed ``make_briefs``; its output must equal ``expected`` (the local run's)."""
    workers_before = worker_cpu(runner)
    wall, cpu = time.perf_counter(), time.process_time()
    briefs, failed = make_briefs(clusters, Settings(), runner)
    run = Run(time.perf_counter() - wall, time.process_time() - cpu, 0.0)
    run.worker_cpu = worker_cpu(runner) - workers_before
    if failed:
        raise RuntimeError(f"{len(failed)} clusters failed, first: {failed[0]}")
    if expected is not None and render(briefs, "json") != expected:
        raise RuntimeError(f"the briefs made by {runner.description} differ from the local ones")
    return run


def _row(label: str, runs: list[Run], clusters: int, local_best: float) -> str:
    best = min(r.wall for r in runs)
    median = statistics.median(r.wall for r in runs)
    client = statistics.median(r.client_cpu for r in runs)
    workers = statistics.median(r.worker_cpu for r in runs)
    return (
        f"| {label} | {len(runs)} | {best:.2f} | {median:.2f} | {clusters / best:.1f} | "
        f"{local_best / best:.2f}× | {client:.2f} | {workers:.2f} |"
    )


def cpu_bound(local: list[Run], warm: list[Run], clusters: int, workers: int) -> str:
    """What the CPU times say, whatever else ran: Dask's cost per cluster, and the speedup
    on an otherwise idle machine (the workers, and the client beside them, each getting
    all the CPU they can use of this machine's cores)."""
    local_cpu = statistics.median(r.client_cpu for r in local)
    worker_cpu = statistics.median(r.worker_cpu for r in warm)
    client_cpu = statistics.median(r.client_cpu for r in warm)
    cores = os.cpu_count() or 1
    ideal = max(worker_cpu / min(workers, cores), (worker_cpu + client_cpu) / cores)
    got_local = statistics.median(r.client_cpu / r.wall for r in local)
    got_workers = statistics.median(r.worker_cpu / r.wall for r in warm)
    return (
        f"Cores actually obtained (CPU s / wall s): {got_local:.2f} by the local runner, "
        f"{got_workers:.2f} by the {workers} Dask workers together; the rest went to other "
        "jobs. "
        f"CPU per cluster: {1000 * local_cpu / clusters:.1f} ms in the local runner, "
        f"{1000 * worker_cpu / clusters:.1f} ms on a Dask worker "
        f"({100 * (worker_cpu / local_cpu - 1):+.0f}% for task and data transfer) plus "
        f"{1000 * client_cpu / clusters:.1f} ms in the client. On an idle machine a warm run "
        f"would take about {ideal:.1f} s against {local_cpu:.1f} s locally, a speedup of "
        f"about {local_cpu / ideal:.1f}× (an estimate from CPU times, not a measurement)."
    )


def run(args: argparse.Namespace) -> str:
    from newsweave.runners.dask import MAX_BATCH, DaskRunner

    path = Path(getattr(args, "data_dir", None) or default_data_dir()) / DATA_FILE
    limit = getattr(args, "limit", None)
    workers = getattr(args, "dask_workers", 2)
    repeat = getattr(args, "dask_repeat", 3)
    clusters = load([str(path)]).clusters[:limit]
    articles = sum(len(c.articles) for c in clusters)
    load_before = load_average()

    local_runner = LocalRunner()
    make_briefs(clusters[:WARM_UP], Settings())  # imports and caches, as warm workers have
    expected = render(make_briefs(clusters, Settings())[0], "json")
    local: list[Run] = []
    warm: list[Run] = []
    start = time.perf_counter()
    with DaskRunner(workers=workers) as runner:
        started = time.perf_counter() - start
        cold = summarize(runner, clusters, expected)
        for _ in range(repeat):  # interleaved, so a burst of other work hits both alike
            local.append(summarize(local_runner, clusters, None))
            warm.append(summarize(runner, clusters, expected))
        start = time.perf_counter()
    stopped = time.perf_counter() - start
    best = min(r.wall for r in local)
    end_to_end = Run(started + cold.wall + stopped, cold.client_cpu, cold.worker_cpu)
    label = f"Dask, {workers} workers"
    rows = [
        _row("local runner (this process)", local, len(clusters), best),
        _row(f"{label}, warm workers", warm, len(clusters), best),
        _row(f"{label}, first run (fresh workers)", [cold], len(clusters), best),
        _row(f"{label}, start + first run + stop", [end_to_end], len(clusters), best),
    ]
    lines = [
        f"## {TITLE}",
        "",
        f"`make_briefs` on {len(clusters)} clusters ({articles} articles) of `{DATA_FILE}`, "
        "default settings (100 words, analysis on): the in-process runner against a "
        f"`DaskRunner` LocalCluster of {workers} worker processes (1 thread each; tasks of "
        f"up to {MAX_BATCH} clusters), "
        f"{repeat} runs each, interleaved. Every Dask run's briefs were checked identical "
        "(as JSON) to the local run's.",
        "",
        "| run | runs | best wall s | median wall s | clusters/s (best) | speedup (best) "
        "| client CPU s | workers CPU s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
        f"Cluster start: {started:.2f} s; stop: {stopped:.2f} s. The machine has "
        f"{os.cpu_count()} cores; load average (1/5/15 min) before the runs: {load_before}. "
        "With as many workers as cores, the client process (which also hosts the "
        "LocalCluster's scheduler) and any other job compete with the workers for the same "
        "cores, so the speedup stays below the worker count, and a busy machine lowers it "
        "further: compare the wall times with the CPU times.",
        "",
        cpu_bound(local, warm, len(clusters), workers),
        "",
        stamp(argparse.Namespace(limit=limit)),
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dask_speed")
    parser.add_argument("--data-dir", default=str(default_data_dir()), help="dev-set folder")
    parser.add_argument("--limit", type=int, help="only the first K clusters")
    add_arguments(parser)
    print(run(parser.parse_args()))


if __name__ == "__main__":  # Dask's worker processes re-import the main module
    main()
