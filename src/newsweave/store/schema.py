"""The store's tables (SQLAlchemy Core) and the migrations that create them.

The Brief JSON is the source of truth for a brief; its article texts live once, in
``articles``, and are joined back on load. The analysis parts a brief holds (quotes,
claims, disagreements, timeline, people) are also kept one row per item in
``brief_analysis`` so that they can be queried across briefs without parsing JSON.

Migrations are numbered and append-only: the database records every version it has
applied in ``schema_version``; opening a store applies the missing ones in order, each
in its own transaction. Never edit a released migration; add a new one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    insert,
    select,
)

from newsweave.store.search import search_text

metadata = MetaData()


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", Text, nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(64), nullable=False, index=True),  # Article.id (content hash)
    Column("title", Text, nullable=False, default=""),
    Column("source", Text, nullable=False, default=""),
    Column("url", Text, nullable=False, default=""),
    Column("published", Date, nullable=True),
    Column("origin", Text, nullable=False, default=""),
    Column("chars", Integer, nullable=False),
    Column("data", JSON, nullable=False),  # Article.to_dict()
    Column("created_at", DateTime(timezone=True), nullable=False),
)

clusters = Table(
    "clusters",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(64), nullable=False, index=True),  # Cluster.id / Brief.cluster_id
    Column("title", Text, nullable=False, default=""),
    Column("article_count", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

cluster_articles = Table(
    "cluster_articles",
    metadata,
    Column(
        "cluster_id",
        Integer,
        ForeignKey("clusters.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
)

briefs = Table(
    "briefs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "cluster_id",
        Integer,
        ForeignKey("clusters.id", ondelete="CASCADE"),
        nullable=False,
        unique=True,
    ),
    Column("summarizer", Text, nullable=False, default=""),
    Column("headline", Text, nullable=False, default=""),
    Column("data", JSON, nullable=False),  # Brief.to_dict() without "articles"
    Column("created_at", DateTime(timezone=True), nullable=False),
)

rejections = Table(
    "rejections",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "cluster_id",
        Integer,
        ForeignKey("clusters.id", ondelete="CASCADE"),
        nullable=True,
        index=True,
    ),
    Column("location", Text, nullable=False),  # Problem.where
    Column("reason", Text, nullable=False),
    Column("skipped", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

brief_analysis = Table(
    "brief_analysis",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "brief_id",
        Integer,
        ForeignKey("briefs.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("kind", String(16), nullable=False),  # one of ANALYSIS_KINDS
    Column("position", Integer, nullable=False),
    Column("data", JSON, nullable=False),
    Index("ix_brief_analysis_brief_kind", "brief_id", "kind"),
)

# One folded text per cluster that list queries match words in (see store/search.py).
# Its own table, not a column of ``clusters``: version 1 creates ``clusters`` from this
# metadata, so a new column there would exist before the migration that adds it.
cluster_search = Table(
    "cluster_search",
    metadata,
    Column(
        "cluster_id",
        Integer,
        ForeignKey("clusters.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    Column("text", Text, nullable=False),
)

# Brief field -> kind stored in brief_analysis.
ANALYSIS_KINDS = {
    "quotes": "quote",
    "claims": "claim",
    "disagreements": "disagreement",
    "timeline": "timeline",
    "people": "person",
}


def analysis_rows(brief_id: int, brief_data: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per analysis item a serialised brief holds."""
    rows = []
    for field, kind in ANALYSIS_KINDS.items():
        for position, item in enumerate(brief_data.get(field) or ()):
            rows.append({"brief_id": brief_id, "kind": kind, "position": position, "data": item})
    return rows


def search_rows(
    cluster_id: int,
    title: str,
    brief_data: dict[str, Any],
    article_data: Iterable[dict[str, Any]] = (),
) -> list[dict[str, Any]]:
    """The ``cluster_search`` row of a stored brief (a list, like ``analysis_rows``)."""
    return [{"cluster_id": cluster_id, "text": search_text(title, brief_data, article_data)}]


# --- migrations -------------------------------------------------------------------------


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection], None]


def _v1_core_tables(conn: Connection) -> None:
    metadata.create_all(
        conn, tables=[articles, clusters, cluster_articles, briefs, rejections], checkfirst=True
    )


def _v2_brief_analysis(conn: Connection) -> None:
    """Analysis rows per brief, backfilled from the briefs already stored."""
    metadata.create_all(conn, tables=[brief_analysis], checkfirst=True)
    rows: list[dict[str, Any]] = []
    for brief_id, data in conn.execute(select(briefs.c.id, briefs.c.data)):
        rows.extend(analysis_rows(brief_id, data))
    if rows:
        conn.execute(insert(brief_analysis), rows)


_BACKFILL_CHUNK = 200  # clusters per batch: bounds memory, articles carry full texts


def _v3_cluster_search(conn: Connection) -> None:
    """The search text of every cluster, backfilled from the briefs already stored."""
    metadata.create_all(conn, tables=[cluster_search], checkfirst=True)
    ids = list(conn.execute(select(clusters.c.id).order_by(clusters.c.id)).scalars())
    for start in range(0, len(ids), _BACKFILL_CHUNK):
        chunk = ids[start : start + _BACKFILL_CHUNK]
        members: dict[int, list[dict[str, Any]]] = {}
        for cluster_id, data in conn.execute(
            select(cluster_articles.c.cluster_id, articles.c.data)
            .join(articles, articles.c.id == cluster_articles.c.article_id)
            .where(cluster_articles.c.cluster_id.in_(chunk))
            .order_by(cluster_articles.c.cluster_id, cluster_articles.c.position)
        ):
            members.setdefault(cluster_id, []).append(data)
        rows = [
            row
            for cid, title, data in conn.execute(
                select(clusters.c.id, clusters.c.title, briefs.c.data)
                .join(briefs, briefs.c.cluster_id == clusters.c.id)
                .where(clusters.c.id.in_(chunk))
            )
            for row in search_rows(cid, title, data, members.get(cid, ()))
        ]
        if rows:
            conn.execute(insert(cluster_search), rows)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, clusters, briefs and ingest rejections", _v1_core_tables),
    Migration(2, "brief analysis items, one row each", _v2_brief_analysis),
    Migration(3, "search text of each cluster", _v3_cluster_search),
)
LATEST = MIGRATIONS[-1].version
