"""Summary invariants that every summarizer must keep."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsweave.evaluation.baselines  # noqa: F401  (registers the baselines by name)
from checks import redundant_pairs
from newsweave.config import Budget, Settings
from newsweave.model import Cluster
from newsweave.pipeline import load, make_brief
from newsweave.segment import SegmentedCluster
from newsweave.summarize import SUMMARIZERS, summarize_cluster

DEV_SLICE = Path(__file__).parent / "data" / "ingest" / "multinews-sample.jsonl"


def _clusters(example_cluster: Cluster) -> list[Cluster]:
    return [example_cluster, *load([str(DEV_SLICE)]).clusters]


@pytest.mark.parametrize("name", sorted(SUMMARIZERS))
@pytest.mark.parametrize("words", [30, 100, 230])
def test_summary_invariants(example_cluster: Cluster, name: str, words: int) -> None:
    for cluster in _clusters(example_cluster):
        summary = summarize_cluster(cluster, Budget(words=words), name)
        articles = {a.id: a for a in cluster.articles}
        assert sum(len(s.text.split()) for s in summary) <= words
        for sentence in summary:
            if sentence.kept:  # compressed: the kept spans, joined, are the text
                kept = "".join(articles[sentence.article_id].text[s:e] for s, e in sentence.kept)
                assert kept[:1].upper() + kept[1:] == sentence.text
                assert sentence.start <= sentence.kept[0][0] <= sentence.kept[-1][1] <= sentence.end
                continue
            # traceable: the offsets select exactly the text in the cleaned article
            assert (
                articles[sentence.article_id].text[sentence.start : sentence.end] == sentence.text
            )
            assert sentence.support[0] == sentence.article_id
            assert set(sentence.support) <= set(articles)
            assert 1 <= sentence.independent_sources <= len(sentence.support)
        assert redundant_pairs([s.text for s in summary]) == []  # no fact stated twice


def test_sentence_budget_and_determinism(example_cluster: Cluster) -> None:
    doc = SegmentedCluster.from_cluster(example_cluster)
    first = summarize_cluster(doc, Budget(words=None, sentences=2))
    assert len(first) == 2
    assert summarize_cluster(example_cluster, Budget(words=None, sentences=2)) == first


def test_example_brief_states_huge_step_and_cites_three_articles(
    example_cluster: Cluster,
) -> None:
    brief = make_brief(example_cluster, Settings(words=100))
    assert sum(len(s.text.split()) for s in brief.summary) <= 100
    assert any("huge step" in s.text for s in brief.summary)
    assert len({a for s in brief.summary for a in s.support}) >= 3
    text = json.dumps(brief.to_dict()["summary"])
    for junk in ("Just in", "ADVERTISEMENT", "ZUHYX", "Reporting by"):
        assert junk not in text


def test_fact_reported_by_several_outlets_lists_them_all(example_cluster: Cluster) -> None:
    brief = make_brief(example_cluster, Settings(words=100))
    huge = next(s for s in brief.summary if "huge step" in s.text)
    assert len(huge.support) >= 2
    assert huge.independent_sources == len(huge.support)


def test_budget_smaller_than_any_sentence_warns(example_cluster: Cluster) -> None:
    brief = make_brief(example_cluster, Settings(words=3))
    assert brief.summary == ()
    assert brief.warnings == ("no sentence of this cluster fits the budget of 3 words",)
