"""The stream formats on the small real samples in tests/data/stream (built by
scripts/make_stream_samples.py): WARC, RSS, Atom and one-article-per-line JSON Lines,
each with broken records that must be reported and never stop the rest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsweave.ingest import read_bytes, read_inputs, read_path
from newsweave.ingest.feeds import fragment_text
from newsweave.model import Problem, RawDocument


@pytest.fixture(scope="module")
def stream_dir(data_dir: Path) -> Path:
    return data_dir / "stream"


def split(items: list[RawDocument | Problem]) -> tuple[list[RawDocument], list[Problem]]:
    docs = [i for i in items if isinstance(i, RawDocument)]
    problems = [i for i in items if isinstance(i, Problem)]
    return docs, problems


def test_warc_html_records_become_articles_and_bad_records_problems(stream_dir: Path) -> None:
    docs, problems = split(list(read_path(stream_dir / "events.warc.gz")))
    titles = [d.title for d in docs]
    assert "Syrian President assures victory in Aleppo" in titles
    assert "Assad confident of Aleppo victory, ignores ceasefire appeals" in titles
    aleppo = [d for d in docs if d.source.endswith(("worldnews.example", "wire.example"))]
    assert all(d.published == dt.date(2016, 12, 8) for d in aleppo)
    assert all(d.url.startswith("https://") for d in docs)
    reasons = {p.where.rsplit("#", 1)[1]: p.reason for p in problems}
    assert reasons["https://img.example/a.png"] == "not an HTML page (image/png)"
    assert "404" in reasons["https://gone.example/x"]
    assert reasons["https://cut.example/"].startswith("record cut short")
    # Request and warcinfo records hold no page: skipped without a problem.
    assert len(docs) + len(problems) == 14


def test_warc_read_from_bytes_matches_the_streaming_path(stream_dir: Path) -> None:
    path = stream_dir / "events.warc.gz"
    from_bytes = list(read_bytes(str(path), path.read_bytes()))
    from_path = list(read_path(path))
    assert from_bytes == from_path


def test_garbage_named_warc_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    bad = tmp_path / "bad.warc"
    bad.write_bytes(b"WARC/1.0\r\nthis header never ends" + bytes(100))
    docs, problems = split(list(read_inputs([str(bad)])))
    assert not docs
    assert problems and "WARC" in problems[0].reason


def test_rss_entries_with_an_entry_without_text(stream_dir: Path) -> None:
    docs, problems = split(list(read_path(stream_dir / "feed.rss")))
    assert not problems
    assert len(docs) == 4
    assert docs[0].title.startswith("Turing's Law")
    assert docs[0].source == "Sample Wire"
    assert docs[0].published == dt.date(2017, 6, 1)
    assert docs[1].url == "https://news1.example/story/1"
    assert "\n\n" in docs[1].text  # paragraphs of the HTML content are kept apart
    # An entry with a title and no text is a headline-only item: kept for the cleaner.
    assert (docs[3].title, docs[3].text) == ("An entry without text", "")
    assert docs[3].origin.endswith("feed.rss#4")


def test_atom_entries(stream_dir: Path) -> None:
    docs, problems = split(list(read_path(stream_dir / "feed.atom")))
    assert not problems
    assert [d.published for d in docs] == [dt.date(2017, 6, 4), dt.date(2017, 6, 1)]
    assert all(d.source == "Sample Atom News" and d.text for d in docs)


def test_feed_that_is_not_xml_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "news.rss"
    bad.write_text("<rss><channel><item><title>unclosed", encoding="utf-8")
    docs, problems = split(list(read_inputs([str(bad)])))
    assert not docs
    assert problems[-1].skipped


def test_one_article_per_line_jsonl_with_bad_lines(stream_dir: Path) -> None:
    docs, problems = split(list(read_path(stream_dir / "articles.jsonl")))
    assert len(docs) == 7  # line 5, a title with blank text, is a headline-only article
    assert docs[0].source == "paper0.example"
    assert docs[0].published == dt.date(2017, 6, 1)
    assert docs[0].group is None  # loose articles, to be clustered
    wheres = {p.where.rsplit(":", 1)[1]: p.reason for p in problems}
    assert list(wheres) == ["3"]
    assert wheres["3"].startswith("invalid JSON")


def test_fragment_text_drops_scripts_and_keeps_paragraphs() -> None:
    html = "<p>One &amp; two.</p><script>var x;</script><p>Three <b>four</b>.</p>"
    assert fragment_text(html) == "One & two.\n\nThree four."


def test_warc_on_stdin_is_recognised(stream_dir: Path) -> None:
    import io

    data = (stream_dir / "events.warc.gz").read_bytes()
    docs, problems = split(list(read_inputs(["-"], stdin=io.BytesIO(data))))
    assert len(docs) == 11
    assert len(problems) == 3
