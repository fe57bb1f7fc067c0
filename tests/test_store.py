"""The store against SQLite and a real PostgreSQL server (started by conftest)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsweave.errors import ConfigError, NotFoundError, StoreError
from newsweave.model import Brief, Cluster, Person, Problem, Quote, TimelineEntry, replace
from newsweave.pipeline import make_brief
from newsweave.render._common import brief_title
from newsweave.store import open_store, schema
from newsweave.store.engine import normalize_url
from newsweave.store.repository import Store

EMPTY = {
    "articles": 0,
    "clusters": 0,
    "cluster_articles": 0,
    "briefs": 0,
    "brief_analysis": 0,
    "rejections": 0,
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
    assert loaded.summary.title == brief_title(analysed)
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
    # Version 1 has no brief_analysis table: save as the version-1 code did, without it.
    monkeypatch.setattr("newsweave.store.repository.analysis_rows", lambda *_: [])
    record = old.save_brief(analysed)
    old.close()
    monkeypatch.undo()

    upgraded = open_store(store_url)
    assert upgraded.version() == 2
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
