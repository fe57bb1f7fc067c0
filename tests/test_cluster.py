"""Event clustering and its evaluation on real text: a Multi-News dev slice and the
example cluster."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from newsweave.cluster import (
    LEAD_WEIGHT,
    LEAD_WORDS,
    MAX_SPAN_DAYS,
    DocumentFrequencies,
    EventClusterer,
    article_terms,
    cluster_articles,
    is_non_article,
    named_things,
)
from newsweave.embed import get_encoder
from newsweave.evaluation.cluster_metrics import bcubed, recluster, score_clustering
from newsweave.ingest import read_inputs
from newsweave.model import Cluster, replace
from newsweave.tokens import terms_of_words, words


def test_bcubed_on_hand_computed_cases() -> None:
    assert bcubed(["a", "a", "b"], [1, 1, 2]) == (1.0, 1.0, 1.0)
    precision, recall, f1 = bcubed(["a", "a", "b", "b"], [1, 1, 1, 1])
    assert (precision, recall) == (0.5, 1.0)
    assert f1 == pytest.approx(2 / 3)
    precision, recall, _ = bcubed(["a", "a", "a"], [1, 2, 3])
    assert precision == 1.0
    assert recall == pytest.approx(1 / 3)


def test_scores_include_adjusted_rand_index() -> None:
    scores = score_clustering({"x": "a", "y": "a", "z": "b"}, {"x": 0, "y": 0, "z": 1})
    assert scores.ari == 1.0
    assert scores.true_clusters == 2
    with pytest.raises(ValueError, match="no predicted cluster"):
        score_clustering({"x": "a"}, {})


def test_reclustering_a_multinews_slice(data_dir: Path) -> None:
    result = recluster(read_inputs([str(data_dir / "stream" / "multinews-slice.jsonl")]))
    scores = result.scores
    assert scores.items == 70
    assert scores.true_clusters == 25
    # Measured 0.99 / 0.77 / 0.87 on this slice; the full dev set is in docs/benchmarks.md.
    assert scores.precision >= 0.95
    assert scores.f1 >= 0.8


def test_example_articles_form_one_event(example_cluster: Cluster) -> None:
    (event,) = cluster_articles(example_cluster.articles)
    assert len(event.articles) == 4


def test_an_event_is_bounded_in_time(example_cluster: Cluster) -> None:
    day = dt.date(2016, 12, 8)
    first = [replace(a, published=day) for a in example_cluster.articles[:2]]
    # The same story told again a month later is a new event.
    later = [
        replace(a, id=a.id + "-later", published=day + dt.timedelta(days=30), source="other")
        for a in example_cluster.articles[2:]
    ]
    clusterer = EventClusterer(window_days=3, deduplicate=False)
    closed = [c for a in [*first, *later] for c in clusterer.add(a)]
    assert [len(c.articles) for c in closed] == [2]  # closed as soon as time moved on
    assert [len(c.articles) for c in clusterer.close_all()] == [2]
    assert clusterer.open_events == 0


def test_an_event_never_spans_more_than_a_week(example_cluster: Cluster) -> None:
    """The same story reported every other day for three weeks is a sequence of events:
    each article is within the window of the last, but an event stops taking articles
    MAX_SPAN_DAYS after its first report (a budget fight is not one 2011-2018 event)."""
    start = dt.date(2016, 12, 1)
    reports = [
        replace(a, id=f"{a.id}-{n}", published=start + dt.timedelta(days=2 * n), source=f"o{n}")
        for n, a in enumerate(example_cluster.articles * 3)
    ]
    for encoder in (None, *([get_encoder()] if get_encoder() else [])):
        clusterer = EventClusterer(window_days=3, deduplicate=False, encoder=encoder)
        events = [c for a in reports for c in clusterer.add(a)] + clusterer.close_all()
        assert len(events) >= 2
        for event in events:
            days = [a.published for a in event.articles if a.published]
            assert max(days) - min(days) <= dt.timedelta(days=MAX_SPAN_DAYS)
        assert sum(len(e.articles) for e in events) == len(reports)


def test_open_events_are_capped(example_cluster: Cluster) -> None:
    clusterer = EventClusterer(max_open=1, threshold=1.0, deduplicate=False)  # nothing joins
    closed = [c for a in example_cluster.articles for c in clusterer.add(a)]
    assert len(closed) == 3
    assert clusterer.open_events == 1


def test_named_things_skip_sentence_initial_words() -> None:
    text = "Rebels said Bashar al-Assad spoke. The Bank of England met in London."
    assert named_things(text) == ["@bashar_al-assad", "@bank_of_england", "@london"]


CRAWL_NOTICE = (
    "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet "
    "Archive. Flowing in every day, these data are added to the Wayback Machine after an "
    "embargo period."
)


@pytest.mark.parametrize("deduplicate", [True, False])
def test_non_article_pages_stay_alone(example_cluster: Cluster, deduplicate: bool) -> None:
    # The same crawler notice stands in for a missing page beside many stories; copies of
    # it are not one event (nor one syndicated story), and they do not join the stories.
    aleppo = example_cluster.articles
    notices = [
        replace(aleppo[i], id=f"notice-{i}", title="", text=CRAWL_NOTICE, source=f"s{i}")
        for i in range(3)
    ]
    wall = replace(aleppo[0], id="wall", title="", text="JavaScript is disabled\n\n"
                   "You need to enable JavaScript to use SoundCloud")  # fmt: skip
    stream = [aleppo[0], notices[0], aleppo[1], notices[1], wall, aleppo[2], notices[2], aleppo[3]]
    events = cluster_articles(stream, deduplicate=deduplicate)
    assert [len(e.articles) for e in events] == [4, 1, 1, 1, 1]
    assert {a.id for a in events[0].articles} == {a.id for a in aleppo}
    assert all(not a.also_published_by for e in events for a in e.articles)


def test_non_article_needs_a_short_page(example_cluster: Cluster) -> None:
    article = example_cluster.articles[0]
    assert not is_non_article(article)
    quoting = replace(
        article, text=f"{article.text}\n\nAn archived copy is on the Wayback Machine."
    )
    assert not is_non_article(quoting)  # a real article may mention such things
    assert is_non_article(replace(article, text=CRAWL_NOTICE))
    expired = "The article you have been looking for has expired and is not longer available."
    assert is_non_article(replace(article, text=expired))


def test_lead_occurrences_count_twice(example_cluster: Cluster) -> None:
    article = replace(example_cluster.articles[0], title="")  # body terms only
    body = words(article.text)
    raw = Counter(terms_of_words(body))
    lead = Counter(terms_of_words(body[:LEAD_WORDS]))
    later = set(terms_of_words(body[LEAD_WORDS:])) - set(lead)
    assert lead and later
    counts = article_terms(article)
    assert all(counts[t] == raw[t] + LEAD_WEIGHT * n for t, n in lead.items())
    assert all(counts[t] == raw[t] for t in later)


@pytest.mark.parametrize("max_terms", [10_000, 40])
def test_add_and_weigh_equals_add_then_weights(example_cluster: Cluster, max_terms: int) -> None:
    """The fused hot loop gives the numbers of the two steps it replaces, also when the
    table is pruned (a small cap makes the example articles prune it)."""
    fused, stepwise = DocumentFrequencies(max_terms), DocumentFrequencies(max_terms)
    assert len(example_cluster.articles) == 4
    for article in example_cluster.articles * 3:
        counts = dict(Counter(terms_of_words(words(article.text))))
        stepwise.add(counts)
        assert fused.add_and_weigh(counts) == stepwise.weights(counts)
        assert fused.counts == stepwise.counts
    seen = {t for a in example_cluster.articles for t in terms_of_words(words(a.text))}
    assert (len(fused.counts) < len(seen)) == (max_terms < len(seen))  # pruned when capped
