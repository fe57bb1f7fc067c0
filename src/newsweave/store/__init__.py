"""The store: articles, clusters, briefs (with their analysis) and ingest rejections in
one SQL database, SQLite by default and PostgreSQL by URL. SQLAlchemy is an optional
dependency (extra ``store``), so it is imported only when a store is opened."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsweave.store.repository import ClusterRecord, Store, StoredArticle

__all__ = ["ClusterRecord", "Store", "StoredArticle", "default_url", "open_store"]


def default_url() -> str:
    """``$NEWSWEAVE_DB`` if set, else ``newsweave.db`` in the working directory."""
    from newsweave.store.engine import default_url as _default_url

    return _default_url()


def open_store(url: str | None = None) -> Store:
    """Open (creating or migrating as needed) the store at ``url``."""
    try:
        from newsweave.store.repository import Store
    except ImportError as exc:  # pragma: no cover - depends on the installation
        from newsweave.errors import MissingExtraError

        raise MissingExtraError("store", "the store") from exc
    return Store.open(url)
