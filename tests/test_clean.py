"""The cleaner: golden files of the example cluster, and one case per kind of junk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.clean import classify_line, clean_documents, clean_text, repeated_lines
from newsweave.ingest import read_inputs
from newsweave.model import Article, RawDocument

GOLDEN = Path(__file__).parent / "data" / "expected" / "clean"


def _example_articles(example_dir: Path) -> list[tuple[str, Article]]:
    docs = [d for d in read_inputs([str(example_dir)]) if isinstance(d, RawDocument)]
    out = []
    for doc, article in zip(docs, clean_documents(docs), strict=True):
        assert isinstance(article, Article)
        out.append((Path(doc.origin).stem, article))
    return out


def test_clean_matches_hand_checked_golden_files(example_dir: Path) -> None:
    articles = _example_articles(example_dir)
    assert len(articles) == 4
    for name, article in articles:
        expected = (GOLDEN / f"{name}.txt").read_text()
        assert article.title + "\n\n" + article.text + "\n" == expected, name
        removed = json.loads((GOLDEN / f"{name}.removed.json").read_text())
        assert [{"reason": r.reason, "text": r.text} for r in article.removed] == removed


def test_clean_keeps_every_content_paragraph_of_the_example(example_dir: Path) -> None:
    junk = ("Just in", "ADVERTISEMENT", "ZUHYX", "Reporting by", "-Reuters", "By John Irish")
    for _, article in _example_articles(example_dir):
        for marker in junk:
            assert marker not in article.text
    by_name = dict(_example_articles(example_dir))
    wire = by_name["003_d2ef1a798e36d1e6"]
    assert wire.text.startswith("Backers of the Syrian opposition")
    assert wire.text.endswith("The opposition is ready to negotiate without preconditions.”")
    assert wire.byline == "John Irish"
    assert wire.source == "Reuters"  # from the "-Reuters" credit: the outlet of a bare text file
    fused = by_name["001_6be8777cac49712f"]
    assert fused.title == "Assad confident of Aleppo victory, ignores ceasefire appeals"
    assert fused.published is not None and fused.published.isoformat() == "2016-12-08"
    assert fused.text.startswith("Syrian President Bashar al-Assad said victory in Aleppo")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Just in:", "ticker"),
        ("Markets rally // Storm hits coast // Election results due", "ticker"),
        ("ADVERTISEMENT", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Share this article", "share/subscribe prompt"),
        ("Subscribe to our newsletter for daily updates", "share/subscribe prompt"),
        ("READ MORE: Syria talks collapse", "share/subscribe prompt"),
        ("Photo: Jane Doe/Getty Images", "photo credit"),
        ("(AP Photo/Hassan Ammar)", "photo credit"),
        ("By John Irish", "byline"),
        ("By Sarah El Deeb and Bassem Mroue, Associated Press", "byline"),
        ("| PARIS", "dateline"),
        ("(Reporting by John Irish, editing by Ros Russell)", "wire credit"),
        ("-Reuters", "wire credit"),
        ("© 2016 Thomson Reuters", "wire credit"),
        ("Updated 12:41 GMT, 8 December 2016", "timestamp"),
    ],
)
def test_classify_line_flags_junk(line: str, reason: str) -> None:
    assert classify_line(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Syrian government forces have seized about 80 percent of east Aleppo.",
        "By Wednesday morning the rebels had abandoned the enclave, retreating south.",
        "Subscribers to the service will be notified by email when the talks resume next week.",
        "Read the statement, Kerry told reporters, and you will see we have been consistent.",
        "The photo showed children sitting in the rubble of a school that had been hit twice.",
        "‘No truce’",
        "NATO foreign ministers met in Brussels on Tuesday.",
    ],
)
def test_classify_line_keeps_content(line: str) -> None:
    assert classify_line(line) is None


def test_clean_strips_fused_dateline_and_trailing_credit() -> None:
    cleaned = clean_text(
        "BEIJING (AP) — Twenty-one miners were killed.\n\n"
        "Rescue work continued. (Reporting by Li Wei; Editing by Tom Brown)"
    )
    assert cleaned.text == "Twenty-one miners were killed.\n\nRescue work continued."
    assert [r.reason for r in cleaned.removed] == ["dateline", "wire credit"]


def test_clean_drops_title_repeated_at_start_of_text() -> None:
    cleaned = clean_text("Quake hits coast A strong quake hit the coast.", "Quake hits coast")
    assert cleaned.text == "A strong quake hit the coast."


def test_lines_repeated_across_many_articles_are_site_chrome() -> None:
    chrome = "Follow our live coverage on the app"
    content = "The minister said the talks would resume on Monday in Geneva after a pause."
    texts = [f"Story {i} begins here with news.\n{chrome}\n{content}" for i in range(4)]
    repeated = repeated_lines(texts)
    docs = [RawDocument(origin=f"a{i}.txt", text=t, title=f"T{i}") for i, t in enumerate(texts)]
    cleaned = clean_documents(docs)
    assert "follow our live coverage on the app" in repeated
    for article in cleaned:
        assert isinstance(article, Article)
        assert chrome not in article.text
        assert content in article.text  # long sentence-like lines are content, even repeated


def test_clean_is_idempotent(example_dir: Path) -> None:
    for _, article in _example_articles(example_dir):
        again = clean_text(article.text, article.title)
        assert again.text == article.text
