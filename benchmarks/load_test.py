"""Load test of the REST API: concurrent clients creating clusters on a real server.

Starts ``newsweave serve`` on a free loopback port over a fresh store (a temp SQLite file
unless ``--db`` names another), then sends ``--requests`` ``POST /api/clusters`` requests
from ``--clients`` concurrent clients, each cluster made of one dev-set cluster's articles
sent inline. Reports latency percentiles and throughput, and checks for zero errors and
zero lost writes: every 201 must be readable back, and the store's row counts must match
exactly what was sent.

Runnable alone: ``python benchmarks/load_test.py [--requests 200] [--clients 20]``.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from tests.servers import serve_process, throwaway_postgres

ROOT = Path(__file__).resolve().parent.parent
DATA_NAME = "multinews-dev.jsonl"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--requests", type=int, default=200, help="requests to send (200)")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients (20)")
    parser.add_argument(
        "--data", help=f"dev-set JSONL (default: the nearest shared/data/{DATA_NAME})"
    )
    parser.add_argument("--clusters", type=int, default=50, help="dev-set clusters to cycle (50)")
    parser.add_argument("--db", help="store URL (default: a fresh temp SQLite file)")
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="start a throwaway PostgreSQL server (Debian's binaries) and use it as the store",
    )


def find_data(given: str | None) -> Path:
    if given:
        return Path(given)
    if os.environ.get("NEWSWEAVE_DATA"):
        return Path(os.environ["NEWSWEAVE_DATA"]) / DATA_NAME
    for parent in [ROOT, *ROOT.parents]:
        candidate = parent / "shared" / "data" / DATA_NAME
        if candidate.exists():
            return candidate
    raise SystemExit(f"cannot find {DATA_NAME}: pass --data PATH or set NEWSWEAVE_DATA")


def dev_clusters(path: Path, limit: int) -> list[list[dict[str, str]]]:
    """Articles of the first ``limit`` dev-set clusters (references are not used)."""
    clusters = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            articles = [
                {"text": a["text"], "title": a.get("title", "")}
                for a in record["articles"]
                if a.get("text", "").strip()
            ]
            if articles:
                clusters.append(articles)
            if len(clusters) >= limit:
                break
    return clusters


@contextmanager
def newsweave_database() -> Iterator[str]:
    """A throwaway PostgreSQL server with an empty ``newsweave`` database; yields its URL."""
    import psycopg

    with throwaway_postgres() as base:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE newsweave")
        yield f"{base}/newsweave"


@dataclass
class Outcome:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    created: dict[int, int] = field(default_factory=dict)  # cluster id -> articles sent
    elapsed: float = 0.0


async def send_all(base: str, jobs: list[list[dict[str, str]]], clients: int) -> Outcome:
    outcome = Outcome()
    queue: asyncio.Queue[list[dict[str, str]]] = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(http: httpx.AsyncClient) -> None:
        while True:
            try:
                articles = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            start = time.perf_counter()
            try:
                response = await http.post("/api/clusters", json={"articles": articles})
            except httpx.HTTPError as exc:
                outcome.errors.append(f"{type(exc).__name__}: {exc}")
                continue
            outcome.latencies.append(time.perf_counter() - start)
            if response.status_code != 201:
                outcome.errors.append(f"{response.status_code}: {response.text[:200]}")
                continue
            outcome.created[response.json()["id"]] = len(response.json()["article_ids"])

    async with httpx.AsyncClient(base_url=base, timeout=600, limits=limits) as http:
        start = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        outcome.elapsed = time.perf_counter() - start
    return outcome


def check_writes(base: str, db: str, outcome: Outcome) -> list[tuple[str, int, int]]:
    """(what, expected, found) for every count that must match; reads back every cluster."""
    from newsweave.store import open_store

    listed = httpx.get(f"{base}/api/clusters", params={"limit": 1}).json()["total"]
    readable = sum(
        httpx.get(f"{base}/api/clusters/{cid}").status_code == 200 for cid in outcome.created
    )
    store = open_store(db)
    counts = store.counts()
    store.close()
    articles = sum(outcome.created.values())
    return [
        ("clusters listed by the API", len(outcome.created), listed),
        ("clusters read back one by one", len(outcome.created), readable),
        ("cluster rows", len(outcome.created), counts["clusters"]),
        ("brief rows", len(outcome.created), counts["briefs"]),
        ("article rows", articles, counts["articles"]),
        ("cluster-article rows", articles, counts["cluster_articles"]),
    ]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def machine() -> str:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, load average {load}"
    )


def run(args: argparse.Namespace) -> str:
    requests = getattr(args, "requests", 200)
    clients = getattr(args, "clients", 20)
    clusters = dev_clusters(find_data(getattr(args, "data", None)), getattr(args, "clusters", 50))
    jobs = [clusters[i % len(clusters)] for i in range(requests)]
    workdir = Path(tempfile.mkdtemp(prefix="newsweave-load-"))
    started = dt.datetime.now(dt.UTC)
    load_before = machine()
    try:
        with ExitStack() as stack:
            db = getattr(args, "db", None) or str(workdir / "load.db")
            if getattr(args, "postgres", False):
                db = stack.enter_context(newsweave_database())
            base = stack.enter_context(serve_process(db, workdir / "serve.log"))
            outcome = asyncio.run(send_all(base, jobs, clients))
            checks = check_writes(base, db, outcome)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    lost = [c for c in checks if c[1] != c[2]]
    lat_ms = [x * 1000 for x in outcome.latencies]
    backend = "PostgreSQL" if db.startswith("postgres") else "SQLite (WAL)"
    lines = [
        "## REST API load test",
        "",
        f"{requests} `POST /api/clusters` requests from {clients} concurrent clients on loopback, "
        f"each a dev-set cluster of {min(map(len, clusters))}-{max(map(len, clusters))} articles "
        f"sent inline (summarized and stored per request); store: {backend}.",
        "",
        f"- date: {started:%Y-%m-%d %H:%M} UTC",
        f"- machine before: {load_before}",
        f"- machine after: {machine()}",
        "",
        "| requests | errors | lost writes | throughput | p50 | p90 | p95 | p99 | max |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {requests} | {len(outcome.errors)} | {len(lost)} | "
        f"{len(outcome.latencies) / outcome.elapsed:.1f} req/s | "
        + " | ".join(f"{percentile(lat_ms, q):.0f} ms" for q in (50, 90, 95, 99))
        + f" | {max(lat_ms, default=float('nan')):.0f} ms |",
        "",
        "| row count check | expected | found |",
        "|---|---:|---:|",
        *(f"| {what} | {want} | {got} |" for what, want, got in checks),
        "",
        f"mean latency {statistics.fmean(lat_ms):.0f} ms; wall time {outcome.elapsed:.1f} s.",
    ]
    if outcome.errors:
        lines += ["", "Errors (first 5):", *(f"- {e}" for e in outcome.errors[:5])]
    verdict = "PASS" if not outcome.errors and not lost else "FAIL"
    lines += ["", f"**{verdict}**: {len(outcome.errors)} errors, {len(lost)} mismatched counts."]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(parser)
    report = run(parser.parse_args())
    print(report)
    return 0 if "**PASS**" in report else 1


if __name__ == "__main__":
    sys.exit(main())
