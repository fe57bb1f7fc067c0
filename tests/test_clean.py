"""The cleaner: golden files of the example cluster, and one case per kind of junk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.clean import classify_line, clean_documents, clean_text, repeated_lines
from newsweave.ingest import read_inputs
from newsweave.model import Article, Problem, RawDocument

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


# Lines each fast path exists for (its pattern matches), besides the fixtures' own lines.
_FAST_PATH_HITS = [
    "Share on Facebook", "John Smith wrote:", "Posted by jane99", "Sign up for our newsletter",
    "Getty Images", "Photo by Ann Lee / AP Photo", "5 mins ago", "Updated 2 hours ago",
    "3 min read", "12K views", "Jane Roe is a staff writer at the Post.",
    "Contact the author at jane@example.com", "(Reporting by Jane Doe; editing by Tom Lee)",
    "The talks ended. - Reuters", "BREAKING NEWS:", "Advertisement", "Copyright 2018 AP",
    "Published 10:12 a.m. ET Dec. 8, 2016", "Privacy policy", "Load more",
]  # fmt: skip


def _fixture_lines(root: Path) -> list[str]:
    lines = set(_FAST_PATH_HITS)
    paths = [str(p) for p in sorted((root / "tests" / "data").rglob("*")) if p.is_file()]
    for doc in read_inputs([*paths, str(root / "examples")]):
        if isinstance(doc, RawDocument):
            lines.update(" ".join(line.split()) for line in doc.text.splitlines())
    lines.discard("")
    return sorted(lines)


def test_fast_paths_of_line_rules_agree_with_their_patterns() -> None:
    """The cleaner tries its costly patterns behind cheap tests (the case-insensitive ones
    on the lower case, the searches after a look at the line's end or a substring): on
    every line of the test data and on lines made to match, each decides as its pattern."""
    from newsweave import clean

    lines = _fixture_lines(Path(__file__).resolve().parents[1])
    assert len(lines) > 1000
    lowered = [
        (clean.PROMPT, clean.PROMPT_LOWER),
        (clean.UI_LABEL, clean.UI_LABEL_LOWER),
        (clean.FOOTER_LINK, clean.FOOTER_LINK_LOWER),
        (clean.TICKER_HEADER, clean.TICKER_HEADER_LOWER),
        (clean.ADVERTISEMENT, clean.ADVERTISEMENT_LOWER),
        (clean.WIRE_CREDIT, clean.WIRE_CREDIT_LOWER),
        (clean.TIMESTAMP, clean.TIMESTAMP_LOWER),
    ]
    hits = 0
    for line in lines:
        lower = line.lower()
        for full, fast in lowered:
            assert bool(full.match(line)) == bool(fast.match(lower)), (full.pattern[:30], line)
        assert clean._relative_time(line) == bool(clean.RELATIVE_TIME.search(line)), line
        assert clean._bio(line, lower) == bool(clean.BIO.match(line)), line
        found = clean.TRAILING_CREDIT.search(line)
        fast_found = clean._trailing_credit(line)
        assert (fast_found and fast_found.span()) == (found and found.span()), line
        agency = bool(clean.PHOTO_AGENCY.search(line))
        assert agency <= clean.has_any(lower, clean.AGENCY_HINTS), line
        count = bool(clean.TRAILING_COUNT.search(line))
        assert count <= lower.endswith(clean._COUNT_ENDS), line
        separator = bool(clean._TICKER_SEPARATOR.search(line))
        assert separator <= clean.has_any(line, clean._SEPARATOR_MARKS), line
        hits += agency + count + bool(found) + clean._bio(line, lower)
    assert hits >= 8  # the made-up lines do reach the patterns


def test_a_lowered_pattern_must_not_name_upper_case() -> None:
    import re

    from newsweave.clean import _lowered

    with pytest.raises(ValueError, match="upper-case"):
        _lowered(re.compile(r"^[A-Z]+ photo", re.IGNORECASE))


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        # a WCEP-dev title: UTF-8 curly quotes decoded as Latin-1
        (
            "â\x80\x98No discussion of security arrangementsâ\x80\x99 after ex-spy discharged",
            "‘No discussion of security arrangements’ after ex-spy discharged",
        ),
        # a Multi-News-dev sentence: cp1252 apostrophes left as C1 characters
        (
            "the Community of Christ\x92s USA National Council",
            "the Community of Christ’s USA National Council",
        ),
        (
            "Itâ€™s a deal, said Ã‰douard Philippe",
            "It’s a deal, said Édouard Philippe",
        ),  # via cp1252
    ],
)
def test_mojibake_and_latin1_read_punctuation_are_repaired(raw: str, fixed: str) -> None:
    body = f"{raw}. The talks resumed in Geneva on Monday after a pause of two weeks."
    (article,) = clean_documents([RawDocument(origin="a.txt", text=body, title=raw)])
    assert isinstance(article, Article)
    assert article.title == fixed
    assert article.text.startswith(fixed)


@pytest.mark.parametrize(
    "text", ["Pelé’s goal in the final", "Ñandú and año», in Spanish", "a café’s “terrace”"]
)
def test_text_that_only_looks_like_mojibake_is_left_alone(text: str) -> None:
    body = f"{text}. The talks resumed in Geneva on Monday after a pause of two weeks."
    (article,) = clean_documents([RawDocument(origin="a.txt", text=body, title="Talks resume")])
    assert isinstance(article, Article)
    assert article.text.startswith(text)


TWEET_CHROME = (
    "Tweet with a location\n\nYou can add location information to your Tweets, such as your city "
    "or precise location, from the web and via third-party applications. You always have the "
    "option to delete your Tweet location history. Learn more"
)
ARCHIVE_NOTICE = (
    "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet "
    "Archive. Flowing in every day, these data are added to the Wayback Machine after an "
    "embargo period."
)


@pytest.mark.parametrize("text", [TWEET_CHROME, ARCHIVE_NOTICE])
def test_a_page_that_is_only_an_archive_or_embed_notice_is_reported_not_counted(text: str) -> None:
    (problem,) = clean_documents([RawDocument(origin="mn.jsonl:3#2", text=text)])
    assert isinstance(problem, Problem)
    assert problem.where == "mn.jsonl:3#2"
    assert problem.reason == "not an article: only a web archive's or a social embed's notice"


def test_an_embed_notice_inside_an_article_goes_and_the_story_stays() -> None:
    story = "Megan Rapinoe knelt during the national anthem before the match in Chicago."
    (article,) = clean_documents([RawDocument(origin="a.txt", text=f"{story}\n\n{TWEET_CHROME}")])
    assert isinstance(article, Article)
    assert article.text == story


def test_an_error_page_is_reported_with_what_it_says() -> None:
    text = (
        "Sorry, the page you requested could not be found.\n\nIf you are trying to reach a page "
        "from a bookmark, the page URL may have changed. If you are looking for an older news "
        "story, it may no longer be here."
    )
    (problem,) = clean_documents([RawDocument(origin="gone.html", text=text, title="Page")])
    assert isinstance(problem, Problem)
    assert problem.reason.startswith("not an article: an error page")
    assert "could not be found" in problem.reason
