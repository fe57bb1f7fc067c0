"""Saving briefs in the store: the one place the CLI commands write there."""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.model import Brief, Problem


def save_briefs(
    briefs: Sequence[Brief], problems: Sequence[Problem] = (), url: str | None = None
) -> tuple[list[int], str]:
    """Save each brief as a cluster of the store (one transaction per brief); the run's
    rejected inputs are recorded once, with its first brief. Returns the new cluster ids
    and the store's URL."""
    from newsweave.store import open_store  # SQLAlchemy only when a store is used

    store = open_store(url)
    try:
        ids = [
            store.save_brief(b, problems=problems if i == 0 else ()).id
            for i, b in enumerate(briefs)
        ]
    finally:
        store.close()
    return ids, store.url
