"""The repository: every read and write of the store, in model objects.

Writes run in one transaction each, so a failure leaves nothing half-written: a cluster
is stored with its articles, brief, analysis rows and rejections, or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Select,
    and_,
    delete,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.exc import SQLAlchemyError

from newsweave.errors import ConfigError, NotFoundError, StoreError
from newsweave.model import Article, Brief, Problem
from newsweave.store import schema
from newsweave.store.engine import WRITE_OPTION, make_engine, normalize_url
from newsweave.store.schema import (
    LATEST,
    MIGRATIONS,
    analysis_rows,
    articles,
    brief_analysis,
    briefs,
    cluster_articles,
    cluster_search,
    clusters,
    rejections,
    schema_version,
    search_rows,
    utcnow,
)
from newsweave.store.search import MAX_QUERY_CHARS, query_terms

_MIGRATION_LOCK = 0x6E657773  # any constant shared by every newsweave process ("news")


@dataclass(frozen=True, slots=True)
class StoredArticle:
    id: int
    article: Article
    created: dt.datetime


@dataclass(frozen=True, slots=True)
class ClusterSummary:
    id: int
    key: str
    title: str
    article_count: int
    summarizer: str
    created: dt.datetime


@dataclass(frozen=True, slots=True)
class ClusterRecord:
    summary: ClusterSummary
    brief: Brief
    article_ids: tuple[int, ...]  # store ids, in the order of brief.articles
    rejections: tuple[Problem, ...]

    @property
    def id(self) -> int:
        return self.summary.id


def _article_row(article: Article, now: dt.datetime) -> dict[str, Any]:
    return {
        "key": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published,
        "origin": article.origin,
        "chars": len(article.text),
        "data": article.to_dict(),
        "created_at": now,
    }


def _describe(exc: SQLAlchemyError) -> str:
    """The driver's own message, first line only (SQLAlchemy appends the SQL and a link)."""
    cause = getattr(exc, "orig", None) or exc
    lines = str(cause).strip().splitlines() or [type(cause).__name__]
    return lines[0]


def _rejection_rows(
    cluster_id: int | None, problems: Sequence[Problem], now: dt.datetime
) -> list[dict[str, Any]]:
    return [
        {
            "cluster_id": cluster_id,
            "location": p.where,
            "reason": p.reason,
            "skipped": p.skipped,
            "created_at": now,
        }
        for p in problems
    ]


def _insert_id(conn: Connection, statement: Any) -> int:
    key = conn.execute(statement).inserted_primary_key
    if key is None:  # pragma: no cover - every table has an integer primary key
        raise StoreError("the database returned no id for a new row")
    return int(key[0])


def _aware(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; everything is stored in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _matching(query: str | None) -> ColumnElement[bool] | None:
    """Every word of ``query`` occurs in the cluster's search text (None: no filter).

    Each word is a LIKE substring match, with ``%``, ``_`` and the escape character
    escaped by SQLAlchemy (``autoescape``), so every character matches literally."""
    if query is not None and len(query) > MAX_QUERY_CHARS:
        raise ConfigError(f"search query longer than {MAX_QUERY_CHARS} characters")
    terms = query_terms(query)
    if not terms:
        return None
    return and_(*(cluster_search.c.text.contains(t, autoescape=True) for t in terms))


class Store:
    """A newsweave database. Thread-safe: each call takes its own pooled connection."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str | None = None, *, migrate: bool = True) -> Store:
        store = cls(make_engine(url))
        if migrate:
            store.migrate()
        return store

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def backend(self) -> str:
        return self.engine.url.get_backend_name()

    def close(self) -> None:
        self.engine.dispose()

    # --- plumbing ---------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                conn = conn.execution_options(**{WRITE_OPTION: True})
                with conn.begin():
                    yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write to the store at {self.url}: {_describe(exc)}") from exc

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot read the store at {self.url}: {_describe(exc)}") from exc

    # --- schema -----------------------------------------------------------------------

    def version(self) -> int:
        with self._read() as conn:
            if not inspect(conn).has_table(schema_version.name):
                return 0
            return int(conn.execute(select(func.max(schema_version.c.version))).scalar() or 0)

    def migrate(self, target: int = LATEST) -> list[int]:
        """Apply every missing migration up to ``target``; returns the versions applied."""
        applied: list[int] = []
        for migration in MIGRATIONS:
            if migration.version > target:
                break
            with self._write() as conn:
                if self.backend == "postgresql":
                    # Two servers starting on one empty database must not both create the
                    # tables: one waits here until the other's transaction ends. (SQLite's
                    # BEGIN IMMEDIATE already serialises writers.)
                    conn.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK}
                    )
                schema.metadata.create_all(conn, tables=[schema_version], checkfirst=True)
                done = conn.execute(
                    select(schema_version.c.version).where(
                        schema_version.c.version == migration.version
                    )
                ).first()
                if done:
                    continue
                migration.apply(conn)
                conn.execute(
                    insert(schema_version).values(
                        version=migration.version,
                        description=migration.description,
                        applied_at=utcnow(),
                    )
                )
                applied.append(migration.version)
        return applied

    # --- articles ---------------------------------------------------------------------

    def add_articles(self, items: Sequence[Article], problems: Sequence[Problem] = ()) -> list[int]:
        """Store articles (each as a new row), and the inputs rejected beside them (not
        tied to a cluster); returns the articles' ids in order."""
        now = utcnow()
        with self._write() as conn:
            ids = [_insert_id(conn, insert(articles).values(**_article_row(a, now))) for a in items]
            if problems:
                conn.execute(insert(rejections), _rejection_rows(None, problems, now))
        return ids

    def get_article(self, article_id: int) -> StoredArticle:
        found = self.get_articles([article_id])
        if not found:
            raise NotFoundError(f"no article with id {article_id}")
        return found[0]

    def get_articles(self, ids: Sequence[int]) -> list[StoredArticle]:
        """The stored articles among ``ids``, in the order given; unknown ids are left out."""
        if not ids:
            return []
        with self._read() as conn:
            rows = conn.execute(
                select(articles.c.id, articles.c.data, articles.c.created_at).where(
                    articles.c.id.in_(set(ids))
                )
            ).all()
        by_id = {
            row.id: StoredArticle(row.id, Article.from_dict(row.data), _aware(row.created_at))
            for row in rows
        }
        return [by_id[i] for i in ids if i in by_id]

    # --- clusters and briefs ----------------------------------------------------------

    def save_brief(
        self,
        brief: Brief,
        article_ids: dict[str, int] | None = None,
        problems: Sequence[Problem] = (),
    ) -> ClusterRecord:
        """Store a brief as a new cluster. ``article_ids`` maps Article.id to the store id
        of articles already stored; the others are stored now, in the same transaction."""
        known = dict(article_ids or {})
        now = utcnow()
        data = brief.to_dict()
        article_data = data.pop("articles", None) or []
        title = brief.title
        with self._write() as conn:
            ids: list[int] = []
            for article in brief.articles:
                if article.id not in known:
                    known[article.id] = _insert_id(
                        conn, insert(articles).values(**_article_row(article, now))
                    )
                ids.append(known[article.id])
            cluster_id = _insert_id(
                conn,
                insert(clusters).values(
                    key=brief.cluster_id,
                    title=title,
                    article_count=len(ids),
                    created_at=now,
                ),
            )
            found_by = search_rows(cluster_id, title, data, article_data)
            if found_by:
                conn.execute(insert(cluster_search), found_by)
            if ids:
                conn.execute(
                    insert(cluster_articles),
                    [
                        {"cluster_id": cluster_id, "position": i, "article_id": a}
                        for i, a in enumerate(ids)
                    ],
                )
            brief_id = _insert_id(
                conn,
                insert(briefs).values(
                    cluster_id=cluster_id,
                    summarizer=brief.summarizer,
                    headline=brief.headline,
                    data=data,
                    created_at=now,
                ),
            )
            rows = analysis_rows(brief_id, data)
            if rows:
                conn.execute(insert(brief_analysis), rows)
            if problems:
                conn.execute(insert(rejections), _rejection_rows(cluster_id, problems, now))
        summary = ClusterSummary(
            cluster_id, brief.cluster_id, title, len(ids), brief.summarizer, now
        )
        return ClusterRecord(summary, brief, tuple(ids), tuple(problems))

    def _summary_query(self) -> Select[Any]:
        return select(
            clusters.c.id,
            clusters.c.key,
            clusters.c.title,
            clusters.c.article_count,
            clusters.c.created_at,
            briefs.c.summarizer,
        ).join(briefs, briefs.c.cluster_id == clusters.c.id)

    @staticmethod
    def _summary(row: Any) -> ClusterSummary:
        return ClusterSummary(
            row.id, row.key, row.title, row.article_count, row.summarizer, _aware(row.created_at)
        )

    @staticmethod
    def _search(query: Select[Any], words: str | None) -> Select[Any]:
        condition = _matching(words)
        if condition is None:
            return query
        return query.join(cluster_search, cluster_search.c.cluster_id == clusters.c.id).where(
            condition
        )

    def list_clusters(
        self, limit: int = 100, offset: int = 0, query: str | None = None
    ) -> list[ClusterSummary]:
        """Newest first; with ``query``, only the clusters whose search text holds every
        word of it (case and accents ignored; see ``store/search.py``)."""
        statement = (
            self._search(self._summary_query(), query)
            .order_by(clusters.c.created_at.desc(), clusters.c.id.desc())
            .limit(limit)
            .offset(offset)
        )
        with self._read() as conn:
            return [self._summary(row) for row in conn.execute(statement)]

    def count_clusters(self, query: str | None = None) -> int:
        """How many clusters ``list_clusters`` has to page through for ``query``."""
        statement = self._search(select(func.count()).select_from(clusters), query)
        with self._read() as conn:
            return int(conn.execute(statement).scalar() or 0)

    def get_cluster(self, cluster_id: int) -> ClusterRecord:
        with self._read() as conn:
            row = conn.execute(self._summary_query().where(clusters.c.id == cluster_id)).first()
            if row is None:
                raise NotFoundError(f"no cluster with id {cluster_id}")
            data = conn.execute(
                select(briefs.c.data).where(briefs.c.cluster_id == cluster_id)
            ).scalar_one()
            members = conn.execute(
                select(articles.c.id, articles.c.data)
                .join(cluster_articles, cluster_articles.c.article_id == articles.c.id)
                .where(cluster_articles.c.cluster_id == cluster_id)
                .order_by(cluster_articles.c.position)
            ).all()
            problems = conn.execute(
                select(rejections.c.location, rejections.c.reason, rejections.c.skipped)
                .where(rejections.c.cluster_id == cluster_id)
                .order_by(rejections.c.id)
            ).all()
        brief = Brief.from_dict({**data, "articles": [m.data for m in members]})
        return ClusterRecord(
            self._summary(row),
            brief,
            tuple(m.id for m in members),
            tuple(Problem(p.location, p.reason, p.skipped) for p in problems),
        )

    def delete_cluster(self, cluster_id: int) -> None:
        """Delete a cluster with its brief, analysis and rejections (articles stay)."""
        with self._write() as conn:
            brief_ids = select(briefs.c.id).where(briefs.c.cluster_id == cluster_id)
            conn.execute(delete(brief_analysis).where(brief_analysis.c.brief_id.in_(brief_ids)))
            conn.execute(delete(briefs).where(briefs.c.cluster_id == cluster_id))
            conn.execute(delete(rejections).where(rejections.c.cluster_id == cluster_id))
            conn.execute(delete(cluster_search).where(cluster_search.c.cluster_id == cluster_id))
            conn.execute(
                delete(cluster_articles).where(cluster_articles.c.cluster_id == cluster_id)
            )
            gone = conn.execute(delete(clusters).where(clusters.c.id == cluster_id)).rowcount
        if not gone:
            raise NotFoundError(f"no cluster with id {cluster_id}")

    def analysis(self, cluster_id: int, kind: str) -> list[dict[str, Any]]:
        """The analysis items of one kind (quote, claim, ...) of a cluster's brief."""
        with self._read() as conn:
            rows = conn.execute(
                select(brief_analysis.c.data)
                .join(briefs, briefs.c.id == brief_analysis.c.brief_id)
                .where(briefs.c.cluster_id == cluster_id, brief_analysis.c.kind == kind)
                .order_by(brief_analysis.c.position)
            ).all()
        return [r.data for r in rows]

    def counts(self) -> dict[str, int]:
        """Row count of every table: what the load test checks for lost writes."""
        tables = (
            articles,
            clusters,
            cluster_articles,
            briefs,
            brief_analysis,
            rejections,
            cluster_search,
        )
        with self._read() as conn:
            return {
                t.name: int(conn.execute(select(func.count()).select_from(t)).scalar() or 0)
                for t in tables
            }


__all__ = ["ClusterRecord", "ClusterSummary", "Store", "StoredArticle", "normalize_url"]
