"""The coherence guard: unrelated articles are never summarized into one brief silently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsweave.cli import main
from newsweave.coherence import check, split
from newsweave.config import Settings
from newsweave.language import detect_language
from newsweave.model import Cluster
from newsweave.pipeline import load, make_brief
from newsweave.pipeline.digest import cohesion, weighted_sources
from newsweave.web import create_app

COHERENCE = Path(__file__).parent / "data" / "coherence"
UNRELATED = load([str(COHERENCE / "unrelated-pairs.jsonl")]).clusters

GERMAN = (
    "Der syrische Präsident Baschar al-Assad hat eine Waffenruhe in Aleppo abgelehnt. Die "
    "Rebellen verlieren immer mehr Gebiete im Osten der Stadt, und die Vereinten Nationen "
    "warnen vor einer humanitären Katastrophe für die Zivilisten, die noch dort leben."
)


def test_the_table_holds_twenty_unrelated_pairs() -> None:
    assert len(UNRELATED) == 20
    assert all(len(c.articles) == 2 for c in UNRELATED)


@pytest.mark.parametrize("cluster", UNRELATED, ids=[c.id for c in UNRELATED])
def test_an_unrelated_pair_is_never_a_silent_brief(cluster: Cluster) -> None:
    brief = make_brief(cluster, Settings(words=60, analyze=False))
    assert any("look like 2 different events" in w for w in brief.warnings)
    assert [len(part.articles) for part in split(cluster)] == [1, 1]


def test_the_example_is_one_event(example_cluster: Cluster) -> None:
    assert check(example_cluster).one_event
    assert make_brief(example_cluster, Settings(analyze=False)).warnings == ()
    assert split(example_cluster) == [example_cluster]


def test_summarize_warns_and_split_gives_a_brief_per_event(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = str(COHERENCE / "unrelated-pairs.jsonl")
    assert main(["summarize", path, "--words", "40", "--no-analysis"]) == 0
    captured = capsys.readouterr()
    assert captured.err.count("different events") == 20
    assert "--split" in captured.err
    assert main(["summarize", path, "--words", "40", "--no-analysis", "--split"]) == 0
    captured = capsys.readouterr()
    assert "different events" not in captured.err
    assert captured.out.count("_Brief of 1 article from 1 source") == 40


def test_api_returns_the_warning(tmp_path: Path) -> None:
    client = TestClient(create_app(db=f"sqlite:///{tmp_path / 'api.db'}"))
    articles = [
        {"title": a.title, "text": a.text}
        for cluster in UNRELATED[:2]
        for a in cluster.articles[:1]
    ]
    created = client.post("/api/clusters", json={"articles": articles, "analyze": False})
    assert created.status_code == 201, created.text
    body = created.json()
    assert any("different events" in w for w in body["warnings"])
    assert body["warnings"] == body["brief"]["warnings"]
    again = client.get(f"/api/clusters/{body['id']}").json()
    assert again["warnings"] == body["warnings"]


def test_languages_are_detected_and_never_mixed_silently(example_cluster: Cluster) -> None:
    assert {a.language for a in example_cluster.articles} == {"en"}
    assert detect_language(GERMAN) == "de"
    mixed = make_brief([*(a.text for a in example_cluster.articles[:2]), GERMAN])
    assert [a.language for a in mixed.articles] == ["en", "en", "de"]
    assert any("2 languages (de: 1, en: 2)" in w for w in mixed.warnings)
    parts = split(Cluster("mixed", mixed.articles))
    assert sorted(len(p.articles) for p in parts) == [1, 2]


def test_a_stray_article_weighs_less_in_the_digest_rank(example_cluster: Cluster) -> None:
    stray = UNRELATED[0].articles[0]
    merged = Cluster("merged", (*example_cluster.articles, stray))
    scores = cohesion(merged)
    assert scores[-1] < min(scores[:-1])  # the stray page sticks least to the event
    typical = sorted(scores)[len(scores) // 2]
    assert weighted_sources(merged, scores, typical) < len(merged.articles)
    assert weighted_sources(example_cluster, cohesion(example_cluster), typical) == 4.0


def test_split_keeps_every_article(example_cluster: Cluster) -> None:
    merged = Cluster("merged", (*example_cluster.articles, *UNRELATED[1].articles))
    parts = split(merged)
    assert sorted(a.id for p in parts for a in p.articles) == sorted(a.id for a in merged.articles)
    assert json.dumps([p.id for p in parts])  # ids are plain strings


def test_the_clusterer_keeps_languages_apart(example_cluster: Cluster) -> None:
    from newsweave.cluster import cluster_articles
    from newsweave.model import replace

    english = example_cluster.articles[0]
    # The same story, marked German: it shares every word, yet never joins the English event.
    german = replace(english, id="de-copy", language="de", origin="de.txt")
    events = cluster_articles([english, *example_cluster.articles[1:], german], deduplicate=False)
    assert [sorted(a.language for a in e.articles) for e in events] == [["en"] * 4, ["de"]]
