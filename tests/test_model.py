"""The data model survives JSON unchanged."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from newsweave.config import Settings
from newsweave.model import Article, Brief, Cluster, RemovedLine, Sentence
from newsweave.pipeline import make_brief


def test_brief_round_trips_through_json(example_cluster: Cluster) -> None:
    brief = make_brief(example_cluster, Settings(words=100))
    again = Brief.from_dict(json.loads(json.dumps(brief.to_dict())))
    assert again == brief
    assert isinstance(again.articles[1].published, dt.date)


@given(
    text=st.text(min_size=1, max_size=200),
    title=st.text(max_size=40),
    day=st.none() | st.dates(),
    removed=st.lists(st.tuples(st.text(max_size=20), st.sampled_from(["ticker", "byline"]))),
)
def test_article_round_trip_property(
    text: str, title: str, day: dt.date | None, removed: list[tuple[str, str]]
) -> None:
    article = Article(
        id="a1",
        text=text,
        title=title,
        published=day,
        removed=tuple(RemovedLine(t, r) for t, r in removed),
    )
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article


def test_sentence_and_cluster_round_trip() -> None:
    article = Article(id="a", text="One. Two.")
    cluster = Cluster("c", (article,), reference="Ref.")
    assert Cluster.from_dict(cluster.to_dict()) == cluster
    sentence = Sentence("a", 1, "Two.", 5, 9)
    assert Sentence.from_dict(sentence.to_dict()) == sentence


def test_shipped_stop_list_is_scikit_learns() -> None:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as reference

    from newsweave.tokens import ENGLISH_STOP_WORDS

    assert reference == ENGLISH_STOP_WORDS


def _words_one_by_one(text: str) -> list[str]:
    """The tokenizer's definition: each word found in the text, then lower-cased."""
    from newsweave.tokens import _WORD

    return [word.lower().replace("’", "'") for word in _WORD.findall(text)]


def test_words_found_in_the_lower_case_are_the_words_lowered_one_by_one(
    example_dir: Path,
) -> None:
    """``words`` finds tokens in the lower-cased text (the stream's hot path): the same
    tokens as lowering each word found, on news text and on the letters whose lower case
    depends on context or adds a character."""
    from newsweave.tokens import words

    texts = [p.read_text(encoding="utf-8") for p in sorted(example_dir.rglob("*.txt"))]
    texts += [
        "İstanbul'da İLK: the İzmir ferry",  # İ lowers to i and a combining dot
        "ΟΔΟΣ:Α and ΣΟΦΙΑ σοφία ΌΣΟΣ'Α",  # Σ lowers by the letter after it
        "Straße STRASSE ǅemal ﬁnance Ⅻ K ſ",  # ligatures, digraphs, numerals, odd folds
        "al-Assad’s U.S. don’t 3.5% O’Neill's e-mail--sent",
        "",
    ]
    for text in texts:
        assert words(text) == _words_one_by_one(text), text[:40]


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_words_equal_the_words_lowered_one_by_one_on_any_text(text: str) -> None:
    from newsweave.tokens import words

    assert words(text) == _words_one_by_one(text)
