"""The cleaner on web pages and their text dumps.

tests/data/clean_web holds three text dumps and one HTML page made by
``python -m benchmarks.webchrome`` (dev templates): dev-set article bodies wrapped in menus,
tickers, cookie banners, share bars, captions, newsletters, "Most read" lists, comments and
footers. Each comes with its labelled lines (.json), so the tests check every line: each
body paragraph is kept, each junk line is gone.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.clean import INLINE_DATELINE, classify_line, clean_documents, clean_text, repaired
from newsweave.ingest import read_inputs
from newsweave.model import Article, RawDocument

DUMPS = ("dump-mn-dev-0107-1", "dump-mn-dev-0107-0", "dump-wcep-0668-0")


def _norm(text: str) -> str:
    return " ".join(text.split())


def _labels(folder: Path, name: str) -> dict[str, object]:
    data = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _clean(paths: list[Path]) -> list[Article]:
    docs = [d for d in read_inputs([str(p) for p in paths]) if isinstance(d, RawDocument)]
    assert len(docs) == len(paths)
    articles = clean_documents(docs)
    assert all(isinstance(a, Article) for a in articles)
    return [a for a in articles if isinstance(a, Article)]


def _assert_clean(article: Article, labels: dict[str, object]) -> None:
    lines = labels["lines"]
    assert isinstance(lines, list)
    kept = {_norm(article.title), *(_norm(p) for p in article.text.split("\n\n"))}
    for item in lines:
        # the labels hold the dump's bytes as read: cp1252 punctuation as C1 characters
        text, label = _norm(repaired(item["text"])), item["label"]
        if label == "body":
            dateline = INLINE_DATELINE.match(text)
            body = text[dateline.end() :] if dateline else text
            assert body in kept or text in kept, f"body paragraph lost: {text[:80]}"
        elif label != "title":
            assert text not in kept, f"{label} line kept: {text}"


@pytest.fixture(scope="module")
def folder(data_dir: Path) -> Path:
    return data_dir / "clean_web"


@pytest.mark.parametrize("name", DUMPS)
def test_text_dump_keeps_every_body_paragraph_and_no_junk_line(folder: Path, name: str) -> None:
    (article,) = _clean([folder / f"{name}.txt"])
    labels = _labels(folder, name)
    _assert_clean(article, labels)
    # the headline, not the menu's first item
    assert article.title == repaired(
        str(labels["title"])
    )  # the headline, not the menu's first item


def test_text_dump_specific_lines(folder: Path) -> None:
    (article,) = _clean([folder / "dump-mn-dev-0107-1.txt"])
    text = article.text
    assert text.startswith(
        "A worldwide church based in Independence, Mo., could soon change its policies"
    )  # the dateline "INDEPENDENCE, Mo. —" is stripped
    assert "“I’m thrilled for the fact he could be ordained" in text
    assert text.endswith("it would only affect Community of Christ churches in the United States.")
    for junk in (
        "Join us on Telegram",
        "2 views",
        "Advertisement - scroll to continue",
        "Article continues below",
        "Never miss a story",
        "Fake news as usual",
        "Turkey Says Saudis, Qatar Should Attend Syria Peace Talks",
        "This site uses cookies",
        "Photo by Omar Fischer / AFP",
        "Hiro Lindqvist",
        "Copyright ©",
    ):
        assert junk not in text, junk
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Real Estate"] == "page header"  # above the headline
    assert reasons["Privacy Policy"] == "footer link"
    assert reasons["1. Turkey Says Saudis, Qatar Should Attend Syria Peace Talks"] in (
        "link list",
        "after the article",
    )
    assert reasons["Written by Hiro Lindqvist"] == "byline"
    assert article.byline == "Hiro Lindqvist"


def test_one_event_of_two_dumps_cleans_both(folder: Path) -> None:
    names = ("dump-mn-dev-0107-1", "dump-mn-dev-0107-0")
    articles = _clean([folder / f"{n}.txt" for n in names])
    for article, name in zip(articles, names, strict=True):
        _assert_clean(article, _labels(folder, name))


def test_html_page_keeps_the_story_and_drops_the_chrome(folder: Path) -> None:
    (article,) = _clean([folder / "page-mn-dev-0107-1.html"])
    _assert_clean(article, _labels(folder, "page-mn-dev-0107-1"))
    assert "Community of Christ" in article.text


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("We use cookies and similar technologies to personalize content.", "consent banner"),
        ("Accept All Cookies", "consent banner"),
        ("Manage preferences", "share/subscribe prompt"),
        ("3.4K shares", "social count"),
        ("Facebook 120 Twitter 45", "social count"),
        ("Updated 24 minutes ago", "timestamp"),
        ("NewsFan · 4 hours ago", "timestamp"),
        ("10:10 PM July 12, 2018", "timestamp"),
        ("6 min read", "timestamp"),
        ("Nadia Costa | Staff Writer", "byline"),
        ("Story by Rosa Fischer", "byline"),
        ("Kofi Walsh is Atlas Wire's Staff Writer.", "author bio"),
        ("Follow Scott Stump on Twitter and Google+.", "author bio"),
        ("Rescue workers search the area. (Courtesy Ines Chen)", "photo credit"),
        ("Protesters gather in central Berlin. [Priya Delgado/Al Jazeera]", "photo credit"),
        ("— Ad —", "advertisement"),
        ("Advertisement - scroll to continue", "advertisement"),
        ("Storm hits coast • Markets rally • Election results due", "ticker"),
        ("DEVELOPING: Police helicopter crashes in eastern Turkey", "ticker"),
        ("Staff writer Paul Walsh contributed to this report.", "wire credit"),
        ("Get breaking news alerts straight to your inbox.", "share/subscribe prompt"),
        ("Recommended: Pakistan declares Hafiz Saeed a terrorist", "share/subscribe prompt"),
    ],
)
def test_classify_web_junk(line: str, reason: str) -> None:
    assert classify_line(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        # em dashes around an aside are not a ticker's separators
        "Organizers said students face violence — physical, emotional and discursive — daily.",
        "Jan. 5, 2018:",  # a timeline entry's date introduces the next paragraph
        "503-294-4004",
        "GEORGE STEPHANOPOULOS: How is that going to change in the next--",  # a transcript
        "The law requires websites to ask before they store cookies on a device.",
    ],
)
def test_classify_keeps_web_lookalikes(line: str) -> None:
    assert classify_line(line) is None


def test_lists_the_story_makes_are_kept() -> None:
    story = (
        "Rihanna has topped the dance chart again, her twentieth number one.\n"
        "Here is a recap of her number ones so far:\n"
        '"Pon De Replay," Oct. 8, 2005\n"SOS," May 13, 2006\n"Umbrella," Aug. 4, 2007\n'
        "The singer is now two behind Madonna, who holds the record with many more.\n"
        "Ingredients\nFlour\nSugar\nEggs\n"
        "Mix them all together and bake the cake for forty minutes in a hot oven."
    )
    cleaned = clean_text(story)
    assert cleaned.removed == ()


def test_a_list_closing_the_story_is_kept_above_the_footer() -> None:
    dump = (
        "Rihanna has topped the dance chart again, her twentieth number one.\n"
        "She now trails only Madonna for the all-time chart record on the list.\n"
        "Here is a recap of her number ones so far:\n"
        '"Pon De Replay," Oct. 8, 2005\n"SOS," May 13, 2006\n'
        '"Umbrella" (featuring Jay-Z), July 7, 2007 (two weeks at No. 1)\n'
        '"Disturbia," Sept. 13, 2008\n"Rude Boy," May 15, 2010\n'
        "Share this article\nPrivacy Policy\nTerms of Use\nContact Us"
    )
    cleaned = clean_text(dump)
    assert cleaned.text.endswith('"Rude Boy," May 15, 2010')
    assert '"SOS," May 13, 2006' in cleaned.text
    assert "Privacy Policy" not in cleaned.text


def test_a_page_without_prose_keeps_its_lines() -> None:
    poem = "Ms Opal Route to DC\nPlease check weekly\nHer Success Is Our Success\nMeet Miss Lee"
    assert clean_text(poem).text.count("\n\n") == 3


def test_menu_and_footer_runs_around_a_story_are_removed() -> None:
    dump = (
        "Home\nWorld\nPolitics\nSport\n"
        "Quake shakes northern Chile coast\n"
        "A strong earthquake shook the northern coast of Chile on Tuesday, officials said.\n"
        "The quake was felt in the coastal city of Iquique, where buildings swayed.\n"
        "Most popular\nMarkets rally on trade hopes\nStorm batters the coast overnight\n"
        "New museum opens downtown\nPrivacy Policy\nTerms of Use"
    )
    cleaned = clean_text(dump, title_in_text=True)
    assert cleaned.title == "Quake shakes northern Chile coast"
    assert cleaned.text.startswith("A strong earthquake")
    assert cleaned.text.endswith("where buildings swayed.")
    reasons = {r.text: r.reason for r in cleaned.removed}
    assert reasons["Politics"] == "page header"
    assert reasons["Storm batters the coast overnight"] == "link list"
    assert reasons["Privacy Policy"] == "footer link"


def test_a_run_of_short_lines_needs_one_furniture_line() -> None:
    # Nothing in this closing list is recognisably page furniture: it stays.
    story = (
        "The agency keeps a list of what is known to cause cancer in humans, and it grows.\n"
        "Known human carcinogens\nAcetaldehyde\nBenzene\nRadon-222 and its decay products"
    )
    assert clean_text(story).removed == ()
