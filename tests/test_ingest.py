"""Each input format, and each kind of bad input with its exact message."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from newsweave.dates import parse_date
from newsweave.ingest import read_bytes, read_inputs
from newsweave.ingest.text import parse_text
from newsweave.model import Problem, RawDocument
from newsweave.pipeline import load


def _items(*paths: Path | str) -> tuple[list[RawDocument], list[Problem]]:
    docs, problems = [], []
    for item in read_inputs([str(p) for p in paths]):
        (docs if isinstance(item, RawDocument) else problems).append(item)
    return docs, problems  # type: ignore[return-value]


def test_text_file_title_and_fused_date(example_dir: Path) -> None:
    doc = parse_text("x.txt", " date 2016-12-08 Assad confident of victory\n\nBody text here.")
    assert doc.published == dt.date(2016, 12, 8)
    assert doc.text.splitlines()[0] == "Assad confident of victory"
    loaded = load([str(example_dir / "001_6be8777cac49712f.txt")])
    (article,) = loaded.clusters[0].articles
    assert article.title == "Assad confident of Aleppo victory, ignores ceasefire appeals"
    assert article.published == dt.date(2016, 12, 8)


def test_folder_is_read_recursively_in_order(example_dir: Path) -> None:
    docs, problems = _items(example_dir)
    assert problems == []
    assert [Path(d.origin).name[:3] for d in docs] == ["000", "001", "002", "003"]


def test_html_page_through_trafilatura(data_dir: Path) -> None:
    loaded = load([str(data_dir / "ingest" / "assad-page.html")])
    assert loaded.problems == []
    (article,) = loaded.clusters[0].articles
    assert article.title == "Assad confident of Aleppo victory, ignores ceasefire appeals"
    assert article.published == dt.date(2016, 12, 8)
    assert article.source == "Daily Example"
    assert article.byline == "Jane Reporter"
    assert "huge step" in article.text
    assert "Celebrity wedding" not in article.text
    assert "Subscribe to our newsletter" not in article.text


@pytest.mark.parametrize("name", ["wcep-sample.jsonl", "wcep-sample.jsonl.gz"])
def test_dataset_jsonl_keeps_clusters_and_references(data_dir: Path, name: str) -> None:
    loaded = load([str(data_dir / "ingest" / name)])
    assert loaded.problems == []
    assert [c.id for c in loaded.clusters] == ["wcep-0002", "wcep-0004"]
    assert all(c.reference for c in loaded.clusters)
    assert loaded.clusters[0].articles[0].title.startswith("Turing's Law")


def test_multinews_joined_documents_split_into_articles(data_dir: Path) -> None:
    joined = load([str(data_dir / "ingest" / "multinews-joined.jsonl")])
    separate = load([str(data_dir / "ingest" / "multinews-sample.jsonl")])
    assert len(joined.clusters[0].articles) == len(separate.clusters[0].articles) >= 2
    assert joined.clusters[0].reference == separate.clusters[0].reference


def test_json_file_with_one_record_and_stdin() -> None:
    record = b'{"articles": [{"title": "T", "text": "One sentence here. Another one."}]}'
    (doc,) = list(read_bytes("cluster.json", record))
    assert isinstance(doc, RawDocument) and doc.title == "T"
    stdin = io.BytesIO(b"Headline\n\nA sentence of the body. And another.")
    (from_stdin,) = list(read_inputs(["-"], stdin=stdin))
    assert isinstance(from_stdin, RawDocument)
    assert from_stdin.origin == "-"
    assert from_stdin.title_in_text


def test_article_per_line_jsonl_with_time_and_source() -> None:
    line = (
        b'{"title": "T", "text": "Body.", "url": "https://www.example.org/a", '
        b'"time": "2019-03-01 10:00:00"}'
    )
    (doc,) = list(read_bytes("stream.jsonl", line))
    assert isinstance(doc, RawDocument)
    assert doc.published == dt.date(2019, 3, 1)
    assert doc.source == "example.org"
    assert doc.group is None


BAD = Path(__file__).parent / "data" / "bad"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "report.pdf",
            "report.pdf: unsupported file type '.pdf' (newsweave reads .atom, .htm, .html, .json, "
            ".json.gz, .jsonl, .jsonl.gz, .md, .ndjson, .rss, .text, .txt, .warc, .warc.gz, "
            ".xhtml, .xml)",
        ),
        ("binary.txt", "binary.txt: binary content, not text"),
        ("empty.txt", "empty.txt: empty file: no text"),
        ("whitespace.txt", "whitespace.txt: empty file: no text"),
    ],
)
def test_bad_file_is_reported_with_exact_message(name: str, message: str) -> None:
    loaded = load([str(BAD / name)])
    assert loaded.clusters == []
    assert [str(p) for p in loaded.problems] == [f"{BAD}/{message}"]
    assert all(p.skipped for p in loaded.problems)


def test_invalid_utf8_falls_back_and_says_so() -> None:
    loaded = load([str(BAD / "cp1252.txt")])
    (problem,) = loaded.problems
    assert str(problem) == f"{BAD}/cp1252.txt: not valid UTF-8 (byte 3); decoded as cp1252"
    assert not problem.skipped
    (article,) = loaded.clusters[0].articles
    assert article.title == "Café owners protest new rules"
    assert "“desperate”" in article.text


def test_malformed_json_lines_are_reported_by_line_and_good_lines_kept() -> None:
    loaded = load([str(BAD / "mixed.jsonl")])
    assert [c.id for c in loaded.clusters] == ["c1"]
    assert [str(p) for p in loaded.problems] == [
        f"{BAD}/mixed.jsonl:2: invalid JSON (invalid control character at column 44)",
        f"{BAD}/mixed.jsonl:3#1: record has no 'text' string",
        f"{BAD}/mixed.jsonl:4: expected a JSON object, got a list",
    ]


def test_missing_path_and_bad_inputs_do_not_stop_good_ones(example_dir: Path) -> None:
    loaded = load(["does/not/exist.txt", str(BAD), str(example_dir)])
    assert len(loaded.clusters) == 2  # the mixed.jsonl cluster and the loose files
    loose = next(c for c in loaded.clusters if c.id != "c1")
    assert len(loose.articles) == 5  # four example articles + the cp1252 one
    assert "does/not/exist.txt: no such file or directory" in [str(p) for p in loaded.problems]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-12-06", dt.date(2016, 12, 6)),
        ("2016-12-06T23:30:00-05:00", dt.date(2016, 12, 6)),
        ("Tue, 06 Dec 2016 10:00:00 GMT", dt.date(2016, 12, 6)),  # RSS
        ("December 6, 2016", dt.date(2016, 12, 6)),
        ("6 December 2016 10:31 GMT", dt.date(2016, 12, 6)),
        ("2016/12/06", dt.date(2016, 12, 6)),
        (1481018400, dt.date(2016, 12, 6)),  # epoch seconds
        ("yesterday", None),  # no year: not a date we can place
        ("5", None),
        ("garbage 2016 text", None),
        (True, None),
        (10**30, None),
    ],
)
def test_dates_as_news_records_write_them(value: object, expected: dt.date | None) -> None:
    assert parse_date(value) == expected
