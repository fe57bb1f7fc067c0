"""``newsweave digest``/``cluster``/``eval-clusters`` end to end on the stream samples."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsweave.cli import main
from newsweave.evaluation.cluster_metrics import recluster
from newsweave.ingest import read_inputs
from newsweave.model import Cluster
from newsweave.pipeline import load
from newsweave.pipeline.digest import rank_score

ALEPPO_TITLES = {
    "Syrian President assures victory in Aleppo",
    "Assad confident of Aleppo victory, ignores ceasefire appeals",
    "Syrian rebels 'discussing evacuation' of Aleppo with US",
    'U.S.\' Kerry urges Russia to show "grace" in Geneva Aleppo talks',
}


@pytest.fixture(scope="module")
def warc(data_dir: Path) -> str:
    return str(data_dir / "stream" / "events.warc.gz")


def run_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    assert main(args) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_digest_of_a_warc_gives_three_events(warc: str, capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(["digest", warc, "--format", "json", "--quiet"], capsys)
    events = [e for day in data["days"] for e in day["events"]]
    assert len(events) == 3
    aleppo = [e for e in events if "Aleppo" in json.dumps(e["brief"]["sources"])]
    assert len(aleppo) == 1
    titles = {s["title"] for s in aleppo[0]["brief"]["sources"]}
    assert titles == ALEPPO_TITLES
    assert aleppo[0]["independent_sources"] == 4
    # Grouped by day, newest first; each event with a headline of about 30 words.
    assert [d["day"] for d in data["days"]] == ["2016-12-08", "2016-12-07", "2016-12-06"]
    for event in events:
        assert 0 < len(event["brief"]["headline"].split()) <= 30
        assert event["brief"]["summary"]


def test_digest_reports_rejected_records(warc: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", warc, "--top", "1"]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("### ") == 1
    assert "not an HTML page (image/png)" in captured.err
    assert "record cut short" in captured.err
    assert "4 inputs rejected" in captured.err


def test_digest_html(warc: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", warc, "--format", "html", "--quiet"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!doctype html>")
    assert page.count('<article class="brief event">') == 3


def test_syndicated_copies_count_once(
    warc: str, tmp_path: Path, example_cluster: Cluster, capsys: pytest.CaptureFixture[str]
) -> None:
    wire = next(a for a in example_cluster.articles if a.title.startswith("Assad confident"))
    copies = tmp_path / "copies.jsonl"
    lines = [
        {"title": wire.title, "text": f"By Reporter {n}\n\n{wire.text}", "source": outlet,
         "time": "2016-12-08"}
        for n, outlet in enumerate(["paper-a.example", "paper-b.example"])
    ]  # fmt: skip
    copies.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    data = run_json(["digest", warc, str(copies), "--format", "json", "-q"], capsys)
    events = [e for day in data["days"] for e in day["events"]]
    aleppo = max(events, key=lambda e: e["articles"])
    assert aleppo["articles"] == 4
    assert aleppo["copies"] == 2
    assert aleppo["independent_sources"] == 4
    folded = [a for a in aleppo["brief"]["articles"] if a["also_published_by"]]
    assert folded[0]["also_published_by"] == ["paper-a.example", "paper-b.example"]
    assert folded[0]["copies"] == [f"{copies}:1", f"{copies}:2"]  # each copy can be found


def test_cluster_output_is_read_back_by_other_commands(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "clusters.jsonl"
    assert main(["cluster", str(data_dir / "stream"), "--output", str(out), "-q"]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(set(r) == {"id", "articles"} for r in records)
    aleppo = next(r for r in records if len(r["articles"]) == 4)
    assert {a["title"] for a in aleppo["articles"]} == ALEPPO_TITLES
    loaded = load([str(out)])
    assert not loaded.skipped
    assert len(loaded.clusters) == len(records)
    back = next(c for c in loaded.clusters if c.id == aleppo["id"])
    published = sorted(a.published.isoformat() for a in back.articles if a.published)
    assert published == sorted(a["published"] for a in aleppo["articles"])
    assert {a.source for a in back.articles} == {a["source"] for a in aleppo["articles"]}
    # The digest keeps the grouping of a clusters file.
    data = run_json(["digest", str(out), "--format", "json", "-q"], capsys)
    assert sum(len(d["events"]) for d in data["days"]) == len(records)


def test_eval_clusters_command(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(data_dir / "stream" / "multinews-slice.jsonl")
    data = run_json(["eval-clusters", path, "--format", "json", "-q"], capsys)
    assert data["items"] == 70
    assert data["bcubed_f1"] >= 0.8
    # The command reports what the Python API computes on the same stream and seed.
    scores = recluster(read_inputs([path]), seed=0).scores
    assert data["bcubed_f1"] == pytest.approx(scores.f1)
    assert data["adjusted_rand_index"] == pytest.approx(scores.ari)


def test_commands_fail_cleanly_without_articles(tmp_path: Path) -> None:
    empty = tmp_path / "empty.rss"
    empty.write_text("not a feed", encoding="utf-8")
    assert main(["digest", str(empty), "-q"]) == 1
    assert main(["cluster", str(empty), "-q", "-o", str(tmp_path / "c.jsonl")]) == 1
    assert not (tmp_path / "c.jsonl").exists()


def test_rank_prefers_more_sources_and_recent_events() -> None:
    today = dt.date(2016, 12, 8)
    assert rank_score(4, today, today, 2.0) > rank_score(2, today, today, 2.0)
    assert rank_score(4, today, today, 2.0) > rank_score(
        4, today - dt.timedelta(days=3), today, 2.0
    )


def test_dedupe_needs_no_extra(
    example_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    # MinHash and its LSH index are our own numpy code: dedupe runs on the core install.
    monkeypatch.setitem(sys.modules, "datasketch", None)  # as if not installed
    out = tmp_path / "c.jsonl"
    assert main(["cluster", str(example_dir), "-q", "-o", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_digest_store_saves_every_event_and_the_rejections(
    warc: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsweave.store import open_store

    db = f"sqlite:///{tmp_path / 'digest.db'}"
    data = run_json(["digest", warc, "--format", "json", "--quiet", "--store", db], capsys)
    printed = {e["cluster_id"]: e["brief"] for day in data["days"] for e in day["events"]}
    store = open_store(db)
    try:
        stored = [store.get_cluster(s.id) for s in store.list_clusters()]
        counts = store.counts()
    finally:
        store.close()
    assert len(stored) == 3
    for record in stored:
        brief = printed[record.brief.cluster_id]
        assert record.brief.headline == brief["headline"]
        assert [a.title for a in record.brief.articles] == [a["title"] for a in brief["articles"]]
    aleppo = next(r for r in stored if len(r.brief.articles) == 4)
    assert {a.title for a in aleppo.brief.articles} == ALEPPO_TITLES
    # The WARC's four rejected records are kept once, with the run's first event.
    assert counts["rejections"] == 4
    assert sorted(len(r.rejections) for r in stored) == [0, 0, 4]
    assert any("record cut short" in p.reason for r in stored for p in r.rejections)


def _as_labelled_stream(dataset: Path, out: Path) -> int:
    """One article a line with its event, as a labelled news stream is delivered."""
    lines = []
    for record in map(json.loads, dataset.read_text(encoding="utf-8").splitlines()):
        for article in record["articles"]:
            lines.append(json.dumps({**article, "event": record["id"]}))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def test_eval_clusters_reads_a_labelled_stream(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dataset = data_dir / "stream" / "multinews-slice.jsonl"
    stream = tmp_path / "labelled.jsonl"
    assert _as_labelled_stream(dataset, stream) == 70
    as_clusters = run_json(["eval-clusters", str(dataset), "--format", "json", "-q"], capsys)
    as_stream = run_json(["eval-clusters", str(stream), "--format", "json", "-q"], capsys)
    assert as_stream["items"] == 70
    assert as_stream["true_clusters"] == as_clusters["true_clusters"] == 25


def test_labels_are_answers_not_groupings(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given to `cluster`, a labelled stream is clustered from its text: the labels would
    # otherwise be copied to the output and every event would look perfect.
    stream = tmp_path / "labelled.jsonl"
    _as_labelled_stream(data_dir / "stream" / "multinews-slice.jsonl", stream)
    out = tmp_path / "clusters.jsonl"
    assert main(["cluster", str(stream), "--output", str(out), "-q"]) == 0
    ids = {json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert not ids & {f"mn-dev-{n:04d}" for n in range(1, 251)}
