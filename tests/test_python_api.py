"""The Python API as a newcomer guesses it, and the one clean step behind every way in."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import newsweave
from newsweave.config import Settings
from newsweave.errors import ConfigError, NoInputError
from newsweave.model import Article, RawDocument, article_id
from newsweave.pipeline.stream import read_articles
from newsweave.web import create_app


def _texts(example_dir: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(example_dir.glob("*.txt"))]


def test_summarize_texts_gives_a_brief_with_title_and_renderings(example_dir: Path) -> None:
    brief = newsweave.summarize_texts(_texts(example_dir), words=80)
    assert len(brief.sources) == 4
    # named after the article its first sentence (the lead) comes from, whose first line
    # "date 2016-12-08 Assad confident ..." carries the date, as in a text file
    assert brief.title == "Assad confident of Aleppo victory, ignores ceasefire appeals"
    assert dt.date(2016, 12, 8) in {s.published for s in brief.sources}
    assert brief.to_markdown().startswith(f"# {brief.title}\n")
    assert f"<h1>{brief.title}</h1>" in brief.to_html()
    assert json.loads(brief.to_json())["cluster_id"] == brief.cluster_id
    assert sum(len(s.text.split()) for s in brief.summary) <= 80
    for sentence in brief.summary:
        # support as the numbers a reader sees, in the same order as the article ids
        assert sentence.sources == tuple(brief.source_number(a) for a in sentence.support)
        assert all(1 <= n <= 4 for n in sentence.sources)


def test_make_brief_takes_plain_texts_and_cleans_them(example_dir: Path) -> None:
    texts = _texts(example_dir)
    brief = newsweave.make_brief(texts, Settings(words=60, analyze=False))
    assert len(brief.articles) == 4
    removed = {line.reason for a in brief.articles for line in a.removed}
    assert "ticker" in removed or "advertisement" in removed  # the web junk was cleaned
    assert newsweave.make_brief([*texts, texts[0]]).sources == brief.sources  # a repeat is one


def test_make_brief_of_nothing_usable_says_why() -> None:
    with pytest.raises(NoInputError, match="text-1: empty article"):
        newsweave.make_brief(["   \n  "])


def test_article_built_by_hand_gets_an_id_and_a_date() -> None:
    article = Article(text="Rebels left the old city.", published="2016-12-07T18:30:00Z")
    assert article.id == article_id("", "Rebels left the old city.")
    assert article.published == dt.date(2016, 12, 7)
    moment = dt.datetime(2016, 12, 7, 18, 30, tzinfo=dt.UTC)
    assert Article(text="x", published=moment).published == dt.date(2016, 12, 7)
    raw = RawDocument(origin="a.txt", text="x", published="December 7, 2016")
    assert raw.published == dt.date(2016, 12, 7)
    with pytest.raises(ValueError, match="expected a date"):
        Article(text="x", published="last Tuesday")


def test_settings_take_a_datetime_and_refuse_nonsense() -> None:
    assert Settings(reference_date="2016-12-08T10:00:00").reference_date == dt.date(2016, 12, 8)
    with pytest.raises(ConfigError, match="reference date"):
        Settings(reference_date="soon")


def test_api_accepts_a_published_datetime(tmp_path: Path) -> None:
    client = TestClient(create_app(db=f"sqlite:///{tmp_path / 'api.db'}"))
    body = {
        "text": "Rebels abandoned the old city of Aleppo on Wednesday, monitors said.",
        "published": "2016-12-07T10:00:00",
    }
    created = client.post("/api/articles", json=body)
    assert created.status_code == 201, created.text
    assert created.json()["articles"][0]["published"] == "2016-12-07"
    bad = client.post("/api/articles", json={**body, "published": "someday"})
    assert bad.status_code == 422


def test_import_and_version_stay_light() -> None:
    code = (
        "import sys, newsweave; from newsweave.cli import main; main(['--version']);"
        "print(sorted(m for m in ('numpy', 'scipy', 'newsweave.pipeline', 'newsweave.analyze')"
        " if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["newsweave 0.1.0", "[]"]
    assert result.stderr == ""


CHROME = "Follow our live coverage on the app"


def _stream_with_chrome(tmp_path: Path) -> Path:
    """Four articles of one site whose page chrome repeats a short line in three."""
    lines = []
    for n, place in enumerate(["Aleppo", "Homs", "Idlib", "Raqqa"], 1):
        body = f"Fighting went on near {place} on Tuesday, monitors said.\n"
        body += f"Residents of {place} described shelling through the night."
        if n < 4:
            body = f"{body}\n{CHROME}"
        lines.append(json.dumps({"title": f"Fighting near {place}", "text": body}))
    path = tmp_path / "stream.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_one_article_gets_one_text_from_summarize_cluster_and_the_api(tmp_path: Path) -> None:
    path = _stream_with_chrome(tmp_path)
    batch = {a.title: a.text for c in newsweave.load([str(path)]).clusters for a in c.articles}
    stream = {g.article.title: g.article.text for g in read_articles([str(path)])}  # type: ignore[union-attr]
    client = TestClient(create_app(db=f"sqlite:///{tmp_path / 'api.db'}"))
    upload = [("file", ("stream.jsonl", path.read_bytes(), "application/x-ndjson"))]
    created = client.post("/api/articles", files=upload)
    assert created.status_code == 201, created.text
    api = {}
    for item in created.json()["articles"]:
        detail = client.get(f"/api/articles/{item['id']}").json()
        api[detail["title"]] = detail["text"]
    assert batch == stream == api
    assert len(batch) == 4
    assert all(CHROME not in text for text in batch.values())  # chrome of the run removed
