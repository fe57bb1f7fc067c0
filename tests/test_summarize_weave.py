"""The default summarizer (weave.v2) keeps the skeleton's summary invariants, on the example
cluster and on real dev-set clusters, for brief and headline budgets."""

from __future__ import annotations

import itertools
import json

import pytest

from checks import redundant_pairs
from newsweave.config import Budget, Settings
from newsweave.model import Article, Brief, Cluster, SummarySentence
from newsweave.pipeline import make_brief
from newsweave.segment import SegmentedCluster
from newsweave.summarize import ALIASES, get_summarizer, summarize_cluster
from newsweave.summarize.weave import strategy_for
from newsweave.tokens import content_terms

BUDGETS = [Budget(words=28), Budget(words=100), Budget(words=228), Budget(words=None, sentences=3)]


def check_traceable(cluster: Cluster, sentence: SummarySentence) -> None:
    article = next(a for a in cluster.articles if a.id == sentence.article_id)
    source = article.text[sentence.start : sentence.end]
    if not sentence.kept:
        assert sentence.text == source
        return
    spans = list(sentence.kept)
    assert spans == sorted(spans)
    assert all(sentence.start <= a < b <= sentence.end for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(spans))
    joined = "".join(article.text[a:b] for a, b in spans)
    # the one allowed normalisation: the first letter upper-cased
    assert sentence.text == joined[:1].upper() + joined[1:]
    assert len(sentence.text) < len(source)


def check_invariants(
    cluster: Cluster, summary: tuple[SummarySentence, ...], budget: Budget
) -> None:
    words = sum(len(s.text.split()) for s in summary)
    if budget.words is not None:
        assert words <= budget.words
    if budget.sentences is not None:
        assert len(summary) <= budget.sentences
    for s in summary:
        check_traceable(cluster, s)
        assert s.article_id in s.support
    assert redundant_pairs([s.text for s in summary]) == []


@pytest.mark.parametrize("budget", BUDGETS, ids=str)
def test_invariants_on_example_and_dev_slices(
    budget: Budget, example_cluster: Cluster, slice_clusters: list[Cluster]
) -> None:
    for cluster in [example_cluster, *slice_clusters]:
        summary = summarize_cluster(cluster, budget)
        assert summary, cluster.id
        check_invariants(cluster, summary, budget)


def test_example_brief_keeps_the_skeleton_checks(example_cluster: Cluster) -> None:
    brief = make_brief(example_cluster, Settings(words=100))
    assert any("huge step" in s.text for s in brief.summary)
    cited = {a for s in brief.summary for a in s.support}
    assert len(cited) >= 3
    text = " ".join(s.text for s in brief.summary)
    for junk in ("Just in", "ADVERTISEMENT", "ZUHYX", "Reporting by"):
        assert junk not in text


def test_headline_budget_gives_one_complete_sentence(slice_clusters: list[Cluster]) -> None:
    for cluster in slice_clusters:
        summary = summarize_cluster(cluster, Budget(words=28))
        assert len(summary) == 1
        (sentence,) = summary
        assert len(sentence.text.split()) <= 28
        assert sentence.text[0].isupper() and sentence.text.rstrip("\"”’'").endswith((".", "!"))
        assert sentence.explain["strategy"].startswith("headline")


def test_same_input_same_output(example_cluster: Cluster, slice_clusters: list[Cluster]) -> None:
    for cluster in [example_cluster, *slice_clusters]:
        for budget in BUDGETS:
            first = summarize_cluster(SegmentedCluster.from_cluster(cluster), budget)
            second = summarize_cluster(SegmentedCluster.from_cluster(cluster), budget)
            assert [s.to_dict() for s in first] == [s.to_dict() for s in second]


def test_explain_says_scores_support_and_why_it_won(example_cluster: Cluster) -> None:
    brief = make_brief(example_cluster, Settings(words=100))
    for sentence in brief.summary:
        explain = sentence.explain
        assert explain["strategy"].startswith("brief")
        assert {"concept_weight", "unique_contribution", "weight_per_word"} <= set(
            explain["scores"]
        )
        assert explain["top_concepts"]
        assert explain["supported_by"] == list(sentence.support)
        assert explain["won_over"]
        for rival in explain["won_over"]:
            assert rival["why_not"] and rival["sentence"]


def test_brief_with_compressed_sentences_round_trips_through_json(
    slice_clusters: list[Cluster],
) -> None:
    compressed = 0
    for cluster in slice_clusters:
        brief = make_brief(cluster, Settings(words=28))
        again = Brief.from_dict(json.loads(json.dumps(brief.to_dict())))
        assert again == brief
        compressed += sum(1 for s in brief.summary if s.kept)
    assert compressed > 0  # the slice exercises compression


def test_default_is_weave_and_v1_stays_selectable(example_cluster: Cluster) -> None:
    assert ALIASES["default"] == ALIASES["newsweave"] == "weave.v2"
    assert get_summarizer("default").name == "weave.v2"
    for name in ("centroid.v1", "weave.submodular"):
        other = summarize_cluster(example_cluster, Budget(words=100), name)
        assert other
        check_invariants(example_cluster, other, Budget(words=100))


def test_strategy_follows_the_budget() -> None:
    assert strategy_for(Budget(words=28)) == "headline"
    assert strategy_for(Budget(words=100)) == "brief"
    assert strategy_for(Budget(words=None, sentences=1)) == "headline"
    assert strategy_for(Budget(words=None, sentences=5)) == "brief"


def test_a_cluster_of_only_short_lines_still_gets_a_summary() -> None:
    cluster = Cluster(
        "short",
        (
            Article(id="a", text="Aleppo falls.\n\nRebels leave the city."),
            Article(id="b", text="Aleppo has fallen.\n\nCivilians wait."),
        ),
    )
    for budget in (Budget(words=28), Budget(words=100)):
        summary = summarize_cluster(cluster, budget)
        assert summary
        check_invariants(cluster, summary, budget)


def test_every_supporting_article_has_its_matching_sentence(example_cluster: Cluster) -> None:
    brief = make_brief(example_cluster)
    texts = {a.id: a.text for a in example_cluster.articles}
    supported = [s for s in brief.summary if len(s.support) > 1]
    assert supported, "the example has facts reported by several outlets"
    for sentence in brief.summary:
        assert len(sentence.support_spans) == len(sentence.support)
        assert sentence.support_spans[0] == (sentence.start, sentence.end)
        own = set(content_terms(texts[sentence.article_id][sentence.start : sentence.end]))
        for article_id, (start, end) in zip(
            sentence.support[1:], sentence.support_spans[1:], strict=True
        ):
            theirs = set(content_terms(texts[article_id][start:end]))
            assert len(own & theirs) >= 3, (sentence.text, texts[article_id][start:end])
