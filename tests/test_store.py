"""The store against SQLite and a real PostgreSQL server (started by conftest)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from newsweave.errors import ConfigError, NotFoundError, StoreError
from newsweave.model import Brief, Cluster, Person, Problem, Quote, TimelineEntry, replace
from newsweave.pipeline import make_brief
from newsweave.store import open_store, schema
from newsweave.store.engine import normalize_url
from newsweave.store.repository import Store
from newsweave.store.search import MAX_QUERY_CHARS, fold, query_terms

EMPTY = {
    "articles": 0,
    "clusters": 0,
    "cluster_articles": 0,
    "briefs": 0,
    "brief_analysis": 0,
    "rejections": 0,
    "cluster_search": 0,
}


@pytest.fixture
def brief(example_cluster: Cluster) -> Brief:
    return make_brief(example_cluster)


@pytest.fixture
def analysed(brief: Brief) -> Brief:
    """The example brief with analysis items taken from its own articles' text."""
    first = brief.articles[0]
    return replace(
        brief,
        quotes=(
            Quote(
                "It's true that Aleppo will be a win for us",
                "Bashar al-Assad",
                "president",
                (first.id,),
            ),
        ),
        timeline=(
            TimelineEntry(
                dt.date(2016, 12, 8), "Assad interview published", "Thursday", (first.id,)
            ),
        ),
        people=(Person("Bashar al-Assad", "person", ("president",), 4, (first.id,)),),
    )


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    yield opened
    opened.close()


def test_new_store_is_at_the_latest_schema_version(store: Store) -> None:
    assert store.version() == schema.LATEST
    assert store.migrate() == []  # opening again applies nothing
    assert store.counts() == EMPTY


def test_brief_round_trips_with_its_articles_and_analysis(store: Store, analysed: Brief) -> None:
    record = store.save_brief(analysed, problems=[Problem("bad.pdf", "unsupported format")])
    loaded = store.get_cluster(record.id)
    assert loaded.brief == analysed
    assert loaded.rejections == (Problem("bad.pdf", "unsupported format"),)
    assert loaded.summary.title == analysed.title
    assert loaded.summary.article_count == 4
    assert [a.article.id for a in store.get_articles(list(loaded.article_ids))] == [
        a.id for a in analysed.articles
    ]
    assert store.analysis(record.id, "quote") == [analysed.quotes[0].to_dict()]
    assert store.analysis(record.id, "person") == [analysed.people[0].to_dict()]
    assert store.counts() == {
        **EMPTY,
        "articles": 4,
        "clusters": 1,
        "cluster_articles": 4,
        "briefs": 1,
        "brief_analysis": sum(
            len(part)
            for part in (
                analysed.quotes,
                analysed.claims,
                analysed.disagreements,
                analysed.timeline,
                analysed.people,
            )
        ),
        "rejections": 1,
        "cluster_search": 1,
    }


def test_stored_articles_are_reused_not_copied(store: Store, brief: Brief) -> None:
    ids = store.add_articles(brief.articles)
    record = store.save_brief(brief, {a.id: i for a, i in zip(brief.articles, ids, strict=True)})
    assert list(record.article_ids) == ids
    assert store.counts()["articles"] == 4
    assert store.get_article(ids[0]).article == brief.articles[0]


def test_list_is_newest_first_and_pages(store: Store, brief: Brief) -> None:
    first = store.save_brief(brief).id
    second = store.save_brief(brief).id
    assert [c.id for c in store.list_clusters()] == [second, first]
    assert [c.id for c in store.list_clusters(limit=1, offset=1)] == [first]
    assert store.count_clusters() == 2


def test_a_failed_write_leaves_nothing_behind(store: Store, brief: Brief) -> None:
    # A rejection without a location violates NOT NULL at the very end of the transaction,
    # after the articles, cluster and brief rows were inserted.
    broken = Problem(None, "no location")  # type: ignore[arg-type]
    with pytest.raises(StoreError):
        store.save_brief(brief, problems=[broken])
    assert store.counts() == EMPTY


def test_delete_removes_the_cluster_but_keeps_articles(store: Store, analysed: Brief) -> None:
    record = store.save_brief(analysed, problems=[Problem("x", "y")])
    store.delete_cluster(record.id)
    assert store.counts() == {**EMPTY, "articles": 4}
    with pytest.raises(NotFoundError):
        store.get_cluster(record.id)
    with pytest.raises(NotFoundError):
        store.delete_cluster(record.id)


def test_unknown_ids_raise_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.get_article(12345)
    assert store.get_articles([12345]) == []


def test_migration_from_version_1_backfills_analysis(
    store_url: str, analysed: Brief, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = Store.open(store_url, migrate=False)
    assert old.migrate(target=1) == [1]
    assert old.version() == 1
    # Version 1 has no brief_analysis or cluster_search table: save as the version-1
    # code did, without them.
    monkeypatch.setattr("newsweave.store.repository.analysis_rows", lambda *_: [])
    monkeypatch.setattr("newsweave.store.repository.search_rows", lambda *_: [])
    record = old.save_brief(analysed)
    old.close()
    monkeypatch.undo()

    upgraded = open_store(store_url)
    assert upgraded.version() == schema.LATEST
    assert upgraded.get_cluster(record.id).brief == analysed
    assert [q["speaker"] for q in upgraded.analysis(record.id, "quote")] == ["Bashar al-Assad"]
    assert len(upgraded.analysis(record.id, "timeline")) == 1
    upgraded.close()


def test_concurrent_writers_lose_nothing(store: Store, brief: Brief) -> None:
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            for _ in range(3):
                store.save_brief(brief)
        except BaseException as exc:  # collected and reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    counts = store.counts()
    assert counts["clusters"] == counts["briefs"] == 24
    assert counts["articles"] == counts["cluster_articles"] == 96


def test_stores_opened_at_once_migrate_once(store_url: str) -> None:
    """Two servers starting together on an empty database: one creates the schema."""
    opened: list[Store] = []
    errors: list[BaseException] = []

    def open_one() -> None:
        try:
            opened.append(open_store(store_url))
        except BaseException as exc:  # collected and reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert [s.version() for s in opened] == [schema.LATEST] * 4
    for s in opened:
        s.close()


def test_urls_map_to_the_right_driver(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert normalize_url("briefs.db") == "sqlite:///briefs.db"
    assert normalize_url("postgresql://u@127.0.0.1/db") == "postgresql+psycopg://u@127.0.0.1/db"
    assert normalize_url("postgres://u@127.0.0.1/db") == "postgresql+psycopg://u@127.0.0.1/db"
    monkeypatch.setenv("NEWSWEAVE_DB", str(tmp_path / "env.db"))
    assert normalize_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    with pytest.raises(ConfigError, match="unsupported database"):
        open_store("mysql://u@127.0.0.1/db")


def test_sqlite_store_uses_wal(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "wal.db"))
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    store.close()


# --- search ---------------------------------------------------------------------------


def test_search_matches_every_word_in_any_part_of_the_brief(store: Store, brief: Brief) -> None:
    aleppo = store.save_brief(brief).id
    sao_paulo = store.save_brief(
        replace(
            brief,
            cluster_id="sp",
            headline="Flooding in São Paulo",
            people=(Person("José Ñúñez", "person"),),
        )
    ).id
    found = {
        query: [c.id for c in store.list_clusters(query=query)]
        for query in (
            "ALEPPO",  # headline and summary, any case
            "Kerry geneva",  # a person and an article title: every word, anywhere
            "kerry nonexistent-word",  # one word missing: no match
            "reuters",  # an outlet
            "al-assad",  # a quote speaker, with its hyphen
            "sao paulo",  # accents folded in the text ...
            "JOSÉ ÑUÑEZ",  # ... and in the query
            "   ",  # no words: everything
        )
    }
    assert found == {
        "ALEPPO": [sao_paulo, aleppo],  # the second brief keeps the example's summary
        "Kerry geneva": [sao_paulo, aleppo],
        "kerry nonexistent-word": [],
        "reuters": [sao_paulo, aleppo],
        "al-assad": [sao_paulo, aleppo],
        "sao paulo": [sao_paulo],
        "JOSÉ ÑUÑEZ": [sao_paulo],
        "   ": [sao_paulo, aleppo],
    }
    assert store.count_clusters("paulo") == 1
    assert store.count_clusters("nonexistent-word") == 0
    assert store.count_clusters() == 2


def test_search_wildcards_and_quotes_match_literally(store: Store, brief: Brief) -> None:
    plain = store.save_brief(replace(brief, headline="Snowfall delays talks")).id
    odd = {
        headline: store.save_brief(replace(brief, cluster_id=headline, headline=headline)).id
        for headline in (
            "Turnout 100% in district_9",
            r"Court file C:\cases\2016 and 1/2 of votes",
            'Mayor\'s "shambles" remark <img src=x onerror=alert(1)>',
        )
    }
    percent, backslash, quoted = odd.values()
    cases = {
        "%": [percent],
        "_": [percent],
        "0%": [percent],
        "6%": [],  # as a wildcard, "%" would match the brief holding "2016"
        "t_r": [],  # "_" is not any one character ("turnout")
        "\\": [backslash],
        "/": [backslash],  # SQLAlchemy's own escape character, escaped in turn
        "c:\\cases": [backslash],
        "mayor's": [quoted],
        '"shambles"': [quoted],
        "<img src=x onerror=alert(1)>": [quoted],
        "%%": [],
        "snowfall": [plain],
    }
    found = {q: [c.id for c in store.list_clusters(query=q)] for q in cases}
    assert found == cases
    assert {q: store.count_clusters(q) for q in cases} == {q: len(ids) for q, ids in cases.items()}


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    query=st.text(alphabet=st.sampled_from("aeoAEÉé%_\\/'\"<> \x00\t\u0301ßS-"), max_size=12)
    | st.text(max_size=12)
)
def test_any_query_finds_what_the_folded_texts_hold(store: Store, brief: Brief, query: str) -> None:
    """Whatever the query holds (wildcards, escapes, NUL, combining marks), the database
    finds exactly the briefs whose stored search text holds every folded word."""
    if not store.count_clusters():
        for headline in ("Straße 50% é_e", "ÉA\\/'\"<>-s", "Snowfall delays talks"):
            store.save_brief(replace(brief, cluster_id=headline, headline=headline))
    with store.engine.connect() as conn:
        texts = dict(conn.execute(select(schema.cluster_search)).tuples().all())
    terms = query_terms(query)
    expected = sorted((cid for cid, text in texts.items() if all(t in text for t in terms)))
    assert [c.id for c in store.list_clusters(query=query)] == expected[::-1]
    assert store.count_clusters(query) == len(expected)


def test_search_results_page_newest_first(store: Store, brief: Brief) -> None:
    ids = [store.save_brief(replace(brief, headline=f"Aleppo update {n}")).id for n in range(5)]
    store.save_brief(replace(brief, headline="Unrelated", summary=(), people=(), quotes=()))
    # "aleppo" is in every example article title, so search by the headline's own word.
    assert [c.id for c in store.list_clusters(limit=2, offset=1, query="update")] == [
        ids[3],
        ids[2],
    ]
    assert store.count_clusters("update") == 5


def test_search_query_length_is_bounded(store: Store) -> None:
    assert store.list_clusters(query="x" * MAX_QUERY_CHARS) == []
    with pytest.raises(ConfigError, match="longer than 200"):
        store.list_clusters(query="x" * (MAX_QUERY_CHARS + 1))
    with pytest.raises(ConfigError):
        store.count_clusters("x" * (MAX_QUERY_CHARS + 1))


def test_search_text_folds_case_accents_and_invisible_characters() -> None:
    assert fold("  São\tPAULO\u00adś  Straße ﬁnal ") == "sao paulos strasse final"
    assert fold("nul\x00byte") == "nul byte"
    assert query_terms("Assad ASSAD  assad al-Assad") == ["assad", "al-assad"]
    assert query_terms(None) == query_terms("") == []


def test_migration_from_version_2_backfills_search(
    store_url: str, analysed: Brief, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = Store.open(store_url, migrate=False)
    assert old.migrate(target=2) == [1, 2]
    # Version 2 has no cluster_search table: save as the version-2 code did, without it.
    monkeypatch.setattr("newsweave.store.repository.search_rows", lambda *_: [])
    first = old.save_brief(analysed).id
    second = old.save_brief(replace(analysed, cluster_id="b", headline="Vote in São Paulo")).id
    old.close()
    monkeypatch.undo()

    upgraded = open_store(store_url)
    assert upgraded.version() == 3
    assert [c.id for c in upgraded.list_clusters(query="bashar")] == [second, first]
    assert [c.id for c in upgraded.list_clusters(query="sao paulo")] == [second]
    assert upgraded.counts()["cluster_search"] == 2
    # New briefs are found beside the backfilled ones.
    third = upgraded.save_brief(replace(analysed, headline="Paulo returns")).id
    assert [c.id for c in upgraded.list_clusters(query="paulo")] == [third, second]
    upgraded.close()
