"""The Dask runner on a real LocalCluster of two worker processes: the same briefs as the
in-process runner, failures turned into Problems, the CLI's --dask end to end, and a clean
error without the extra."""

from __future__ import annotations

import json
import math
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsweave.cli import main
from newsweave.config import Settings
from newsweave.errors import MissingExtraError, NewsweaveError
from newsweave.model import Brief, Cluster, Problem, replace
from newsweave.pipeline import make_briefs
from newsweave.pipeline.digest import digest_events
from newsweave.render import render
from newsweave.runners.dask import MAX_BATCH, DaskRunner, batch_size, batches
from newsweave.runners.local import LocalRunner

STREAM_SLICE = "stream/multinews-slice.jsonl"  # 25 Multi-News dev clusters
EVAL_SLICE = "eval/multinews-sample.jsonl"  # 4 Multi-News dev clusters with references


@pytest.fixture(scope="module")
def dask_runner() -> Iterator[DaskRunner]:
    with DaskRunner(workers=2) as runner:  # a real LocalCluster: 2 processes, no dashboard
        yield runner


@pytest.fixture(scope="module")
def clusters(example_cluster: Cluster, slice_clusters: list[Cluster]) -> list[Cluster]:
    return [example_cluster, *slice_clusters]


def as_json(briefs: list[Brief]) -> str:
    return render(briefs, "json", explain=True)


def test_model_objects_survive_pickling(clusters: list[Cluster]) -> None:
    (brief,), _ = make_briefs(clusters[:1])
    for obj in (clusters[0], brief):
        assert pickle.loads(pickle.dumps(obj)) == obj


def test_briefs_on_dask_are_identical_to_local(
    dask_runner: DaskRunner, clusters: list[Cluster]
) -> None:
    assert dask_runner.threads == 2
    local, local_failed = make_briefs(clusters, Settings(), LocalRunner())
    ticks: list[int] = []
    remote, remote_failed = make_briefs(clusters, Settings(), dask_runner, ticks.append)
    assert local_failed == remote_failed == []
    assert [b.cluster_id for b in remote] == [c.id for c in clusters]  # input order
    assert as_json(remote) == as_json(local)
    assert sum(ticks) == len(clusters)


def test_digest_events_on_dask_are_identical_to_local(
    dask_runner: DaskRunner, slice_clusters: list[Cluster]
) -> None:
    local = digest_events(slice_clusters, Settings(words=60))
    remote = digest_events(slice_clusters, Settings(words=60), runner=dask_runner)
    assert [e.to_dict() for e in remote[0]] == [e.to_dict() for e in local[0]]
    assert remote[1] == local[1] == []


def test_a_bad_cluster_is_a_problem_and_the_others_finish(
    dask_runner: DaskRunner, clusters: list[Cluster]
) -> None:
    # A cluster built by hand with an article whose text is not text.
    first = clusters[0].articles[0]
    bad = replace(
        clusters[0],
        id="bad-text",
        articles=(replace(first, text=None), *clusters[0].articles[1:]),
    )
    batch = [clusters[1], bad, *clusters[2:]]
    for runner in (LocalRunner(), dask_runner):
        briefs, failed = make_briefs(batch, Settings(), runner)
        assert [b.cluster_id for b in briefs] == [c.id for c in batch if c is not bad]
        (problem,) = failed
        assert problem.where == "cluster bad-text"
        assert problem.reason.startswith("failed: TypeError:")


def test_a_raising_function_fails_only_its_item_and_order_is_kept(
    dask_runner: DaskRunner,
) -> None:
    numbers = [float(n) for n in range(-1, 30)]
    # Few tasks in flight, several items each: the sliding window and the batches.
    dask_runner.window, dask_runner.batch = 3, 4
    try:
        ticks: list[int] = []
        results = dask_runner.map(math.sqrt, numbers, lambda n: f"number {n:g}", ticks.append)
    finally:
        dask_runner.window = dask_runner.batch = None
    assert results[0] == Problem("number -1", "failed: ValueError: math domain error")
    assert results[1:] == [math.sqrt(n) for n in numbers[1:]]  # its batch-mates included
    assert LocalRunner().map(math.sqrt, numbers, lambda n: f"number {n:g}") == results
    assert sum(ticks) == len(numbers)


def test_batches_keep_every_worker_busy() -> None:
    assert batch_size(range(10), 8) == 1  # short input: one item per task
    assert batch_size(range(40), 8) == 5
    assert batch_size(range(10_000), 8) == MAX_BATCH
    assert batch_size(iter(range(10)), 8) == MAX_BATCH  # unknown length
    assert [len(b) for b in batches("abcdefg", 3)] == [3, 3, 1]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsweave", *args], capture_output=True, text=True, check=False
    )


def test_digest_cli_on_a_dask_scheduler_matches_the_local_run(
    dask_runner: DaskRunner, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["digest", str(data_dir / STREAM_SLICE), "--format", "json"]
    assert main(args) == 0  # the reference: in this process, without Dask
    local = capsys.readouterr().out
    remote = run_cli(*args, "--dask", dask_runner.address)
    assert remote.returncode == 0, remote.stderr
    assert remote.stdout == local
    days = json.loads(remote.stdout)["days"]
    assert sum(len(day["events"]) for day in days) == 25
    assert f"running on a Dask cluster at {dask_runner.address}" in remote.stderr
    assert "Traceback" not in remote.stderr and "INFO" not in remote.stderr


def test_summarize_cli_with_dask_prints_the_local_briefs(
    dask_runner: DaskRunner, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["summarize", str(data_dir / "summarize"), "--format", "json", "-q"]
    assert main(args) == 0
    local = capsys.readouterr().out
    assert main([*args, "--dask", dask_runner.address]) == 0
    assert capsys.readouterr().out == local
    assert len(json.loads(local)) == 10


def without_timings(report: dict[str, Any]) -> dict[str, Any]:
    """An eval report minus what differs between any two runs: its date and the speeds."""
    report = {k: v for k, v in report.items() if k != "date"}
    for dataset in report["datasets"]:
        for row in dataset["systems"]:
            for key in ("ms_per_cluster", "ms_median", "ms_p95", "clusters_per_second"):
                row.pop(key)
    return report


def test_eval_cli_on_a_local_dask_cluster_matches_the_local_run(
    data_dir: Path, tmp_path: Path
) -> None:
    common = [str(data_dir / EVAL_SLICE), "--systems", "newsweave,lead,oracle"]
    outputs = {}
    for name in ("local", "dask"):
        out, predictions = tmp_path / f"{name}.json", tmp_path / name
        args = ["eval", *common, "-o", str(out), "--predictions-dir", str(predictions)]
        if name == "local":
            assert main(args) == 0  # the reference: in this process, without Dask
        else:  # a bare --dask: the command starts (and stops) its own LocalCluster
            result = run_cli(*args, "--dask", "--workers", "2")
            assert result.returncode == 0, result.stderr
            assert "running on a local Dask cluster of 2 worker processes" in result.stderr
        outputs[name] = (json.loads(out.read_text(encoding="utf-8")), predictions)
    (local, local_dir), (remote, remote_dir) = outputs["local"], outputs["dask"]
    assert without_timings(remote) == without_timings(local)
    assert remote["datasets"][0]["clusters"] == 4 and remote["datasets"][0]["failed"] == []
    for system in ("newsweave", "lead", "oracle"):
        file = f"{system}.jsonl"
        assert (remote_dir / file).read_text() == (local_dir / file).read_text()


def test_without_the_dask_extra_the_error_says_what_to_install(
    example_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    with pytest.raises(MissingExtraError) as caught:
        DaskRunner(workers=1)
    assert caught.value.extra == "dask"
    assert main(["summarize", str(example_dir), "-q", "--dask"]) == 1
    err = capsys.readouterr().err
    assert "pip install 'newsweave[dask]'" in err and "Traceback" not in err


def test_an_unreachable_scheduler_is_a_clear_error() -> None:
    address = "tcp://127.0.0.1:9"  # the discard port: nobody listens there
    with pytest.raises(NewsweaveError, match=f"cannot reach the Dask scheduler at {address}: "):
        DaskRunner(address, connect_timeout=0.5)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--workers", "2"], "--workers sets the size of a local Dask cluster: add --dask"),
        (["--dask", "tcp://127.0.0.1:8786", "--workers", "2"], "--workers is for a local"),
        (["--dask", "notes.jsonl"], "'notes.jsonl' is not a scheduler address"),
    ],
)
def test_dask_option_mistakes_are_clear_errors(
    example_dir: Path, options: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summarize", str(example_dir), "-q", *options]) == 1
    assert message in capsys.readouterr().err
