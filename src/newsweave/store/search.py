"""What stored briefs are searched by, and how text and queries are normalised.

Pure functions (no SQLAlchemy): the store keeps one folded text per cluster, and a
query matches when every one of its words occurs in that text. Both sides go through
the same ``fold``, so matching ignores case and accents ("Assad"/"assad",
"Sao Paulo"/"São Paulo") without depending on the database's collation, and SQLite and
PostgreSQL answer alike.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

MAX_QUERY_CHARS = 200


def fold(text: str) -> str:
    """Case- and accent-folded text with runs of whitespace made one space.

    Unicode's caseless matching (casefold between NFKD passes), then the combining marks
    NFKD split off are dropped. Control characters count as spaces; format characters
    (soft hyphens, zero-width joiners) and lone surrogates are dropped, because they are
    invisible to a reader and PostgreSQL refuses NUL in text.
    """
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    kept: list[str] = []
    for char in decomposed:
        category = unicodedata.category(char)
        if category == "Cc":
            kept.append(" ")
        elif category not in ("Mn", "Cf", "Cs"):
            kept.append(char)
    return " ".join("".join(kept).split())


def query_terms(query: str | None) -> list[str]:
    """The folded words of a query, each to be found as a substring; duplicates once."""
    if not query:
        return []
    return list(dict.fromkeys(fold(query).split()))


def _texts(items: Iterable[Mapping[str, Any]] | None, *keys: str) -> Iterable[str]:
    for item in items or ():
        for key in keys:
            value = item.get(key)
            if isinstance(value, str):
                yield value
            elif isinstance(value, list | tuple):
                yield from (v for v in value if isinstance(v, str))


def search_text(
    title: str,
    brief: Mapping[str, Any],
    articles: Iterable[Mapping[str, Any]] = (),
) -> str:
    """The folded text a stored brief is found by: its title and headline, summary
    sentences, article titles and outlets (syndicated copies' outlets too), and the
    names of the people in it and of everyone quoted.

    ``brief`` is ``Brief.to_dict()`` (with or without its articles); ``articles`` are
    ``Article.to_dict()`` of its articles, for what a Source does not carry.
    """
    parts = [title, brief.get("headline") or ""]
    parts += _texts(brief.get("summary"), "text")
    parts += _texts(brief.get("sources"), "title", "source")
    parts += _texts(articles, "title", "source", "also_published_by")
    parts += _texts(brief.get("people"), "name")
    parts += _texts(brief.get("quotes"), "speaker")
    unique = dict.fromkeys(fold(p) for p in parts)
    return "\n".join(p for p in unique if p)
