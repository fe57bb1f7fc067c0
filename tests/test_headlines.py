"""Headline-only and snippet articles are first-class, from every reader to the digest.

The material (tests/data/headlines, built by scripts/make_stream_samples.py) is real WCEP
dev headlines: a title-only RSS feed, a JSON Lines file whose items' text is their title,
and a one-line text file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.clean import clean_document, is_headline_only
from newsweave.cli import main
from newsweave.cluster import cluster_articles
from newsweave.dedupe import Deduplicator, dedupe
from newsweave.evaluation.cluster_metrics import recluster
from newsweave.ingest import read_bytes, read_inputs
from newsweave.model import Article, Problem, RawDocument
from newsweave.pipeline import load, make_brief
from newsweave.pipeline.stream import read_articles


@pytest.fixture(scope="module")
def headlines(data_dir: Path) -> Path:
    return data_dir / "headlines"


def articles_of(paths: list[Path]) -> tuple[list[Article], list[Problem]]:
    items = list(read_articles([str(p) for p in paths]))
    return (
        [i.article for i in items if not isinstance(i, Problem)],
        [i for i in items if isinstance(i, Problem)],
    )


def test_a_title_without_text_becomes_an_article_whose_text_is_its_headline() -> None:
    title = "Explosion at Japan restaurant injures 42"
    for text in ("", "   ", title):  # no body, a blank body, a body repeating the title
        article = clean_document(RawDocument("feed#1", text, title=title))
        assert isinstance(article, Article)
        assert (article.title, article.text) == (title, title)
        assert is_headline_only(article)
        assert not any(r.reason == "title repeated in text" for r in article.removed)


def test_title_and_snippet_keeps_the_snippet_as_text() -> None:
    snippet = "Police in Sapporo are searching for the cause of the blast."
    article = clean_document(
        RawDocument("feed#2", snippet, title="Explosion at Japan restaurant injures 42")
    )
    assert isinstance(article, Article)
    assert article.text == snippet
    assert not is_headline_only(article)


def test_only_neither_title_nor_text_is_rejected() -> None:
    problem = clean_document(RawDocument("x.jsonl:4", " ", title=""))
    assert isinstance(problem, Problem)
    assert problem.reason == "empty article: no title and no text"
    # Text that is all boilerplate and no title: nothing is left to show.
    junk = clean_document(RawDocument("x.jsonl:5", "Advertisement\n\nShare this article"))
    assert isinstance(junk, Problem)
    assert junk.reason == "empty article: no title and no text after cleaning"


def test_bodiless_page_titled_like_page_furniture_is_not_a_headline() -> None:
    menu = clean_document(RawDocument("x.warc#3", "Home", title="Menu"))
    assert isinstance(menu, Problem)
    assert menu.reason == (
        "empty article: no text, and the title is page furniture (share/subscribe prompt)"
    )
    # Real headlines that start like a prompt or a ticker are long, and kept.
    for title in (
        "Watch: Winston Peters labels National leader's question 'unadulterated nonsense'",
        "BREAKING: Iraqi forces CHARGE into Mosul airport in a bid to ERADICATE ISIS militants",
    ):
        assert isinstance(clean_document(RawDocument("feed#9", "", title=title)), Article)


def test_title_only_rss_feed(headlines: Path) -> None:
    articles, problems = articles_of([headlines / "feed.rss"])
    assert not problems
    assert len(articles) == 18  # six two-headline stories and six single ones
    assert all(is_headline_only(a) and a.published for a in articles)
    assert articles[0].text == "US grand jury impaneled for Russia probe: report"


def test_jsonl_of_titles_keeps_every_headline_and_reports_the_empty_line(headlines: Path) -> None:
    articles, problems = articles_of([headlines / "titles.jsonl"])
    assert [(p.where.rsplit(":", 1)[1], p.reason) for p in problems] == [
        ("4", "empty article: no title and no text")
    ]
    assert len(articles) == 19  # the 18 headlines and a syndicator's copy of one
    assert all(a.text == a.title for a in articles)


def test_jsonl_title_alone_or_with_null_text() -> None:
    lines = [
        {"title": "Montenegro becomes 29th NATO member"},
        {"title": "Defying Russia, Montenegro finally joins NATO", "text": None},
        {"headline": "Strasbourg Christmas market gunman shot dead by French police"},
    ]
    data = "\n".join(json.dumps(line) for line in lines).encode()
    docs = list(read_bytes("items.jsonl", data))
    assert all(isinstance(d, RawDocument) for d in docs)
    assert [d.title for d in docs if isinstance(d, RawDocument)] == [
        line.get("title") or line.get("headline") for line in lines
    ]


def test_one_line_text_file_is_a_dated_headline(headlines: Path) -> None:
    articles, problems = articles_of([headlines / "title-only.txt"])
    assert not problems
    (article,) = articles
    assert article.text == article.title == "US grand jury impaneled for Russia probe: report"
    assert article.published is not None and article.published.isoformat() == "2017-06-01"


def test_html_page_with_a_headline_and_no_body() -> None:
    page = (
        b"<html><head><title>Defying Russia, Montenegro finally joins NATO</title></head>"
        b"<body><nav><a href='/'>Home</a></nav></body></html>"
    )
    (doc,) = list(read_bytes("page.html", page))
    assert isinstance(doc, RawDocument)
    article = clean_document(doc)
    assert isinstance(article, Article)
    assert article.text == "Defying Russia, Montenegro finally joins NATO"


def test_distinct_headlines_are_not_folded_and_identical_ones_are(headlines: Path) -> None:
    articles, _ = articles_of([headlines / "titles.jsonl"])
    kept = dedupe(articles)
    # The one exact repeat (a syndicator's copy) is folded; every other headline stays,
    # including the two of one story that share a run of words ("grand jury in Russia probe").
    assert len(kept) == len(articles) - 1
    (folded,) = [a for a in kept if a.also_published_by]
    assert folded.title == "US grand jury impaneled for Russia probe: report"
    assert folded.also_published_by == ("syndicator.example",)


def test_short_texts_are_compared_exactly() -> None:
    """MinHash's estimate is too coarse for a headline's few shingles: two headlines
    sharing 2 of 8 shingles (Jaccard 0.25) must never pass the 0.4 threshold."""
    dedup = Deduplicator()
    assert dedup.original_of("a", "Trump fires FBI director James Comey over Russia") is None
    assert dedup.original_of("b", "Trump fires FBI chief James Comey amid Russia probe") is None
    assert dedup.original_of("c", "trump fires FBI director James Comey over Russia!") == "a"


def test_headline_stream_clusters_into_its_events(headlines: Path) -> None:
    result = recluster(read_inputs([str(headlines / "titles.jsonl")]))
    assert [p.where.rsplit(":", 1)[1] for p in result.unreadable] == ["4"]
    assert result.scores.items == 19
    assert result.scores.true_clusters == 12
    assert result.scores.precision == 1.0
    assert result.scores.recall >= 0.8


def test_digest_shows_headline_only_events(
    headlines: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["digest", str(headlines / "feed.rss"), "--format", "json", "-q"]) == 0
    data = json.loads(capsys.readouterr().out)
    events = [e for day in data["days"] for e in day["events"]]
    assert sum(e["articles"] for e in events) == 18
    texts = json.dumps([e["brief"]["summary"] for e in events])
    assert "Strasbourg Christmas market gunman shot dead by French police" in texts


def test_brief_of_headline_only_cluster_cites_its_headlines(headlines: Path) -> None:
    articles, _ = articles_of([headlines / "feed.rss"])
    (cluster, *_) = cluster_articles(articles)
    brief = make_brief(cluster)
    assert brief.summary
    titles = {a.title for a in cluster.articles}
    assert all(s.text.rstrip(".") in {t.rstrip(".") for t in titles} for s in brief.summary)


def test_summarize_loads_a_headline_file(headlines: Path) -> None:
    loaded = load([str(headlines / "title-only.txt")])
    assert not loaded.problems
    (cluster,) = loaded.clusters
    assert cluster.articles[0].text.startswith("US grand jury")
