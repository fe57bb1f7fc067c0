"""HTML pages: the only module that imports trafilatura."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from newsweave.dates import parse_date
from newsweave.errors import EmptyArticleError
from newsweave.model import RawDocument

# trafilatura logs every page it cannot parse at WARNING; we report those ourselves.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


# trafilatura's extraction settings (measured in docs/cleaning.md). Comments are left out:
# reader comments are not the article and would feed junk to the summarizer.
EXTRACTION: dict[str, Any] = {
    "include_comments": False,
    "include_tables": False,
}


def parse_html(
    origin: str, html: str, url: str = "", options: Mapping[str, Any] | None = None
) -> RawDocument:
    """Main text and metadata of a news page through trafilatura.

    ``options`` override :data:`EXTRACTION` (the benchmark compares settings with it).
    """
    import trafilatura

    settings = {**EXTRACTION, **(options or {})}
    doc = trafilatura.bare_extraction(
        html, url=url or None, with_metadata=True, as_dict=True, **settings
    )
    # A page with a headline and no body is kept (the cleaner makes the headline its text);
    # one with neither is not an article.
    if not isinstance(doc, dict) or not (
        (doc.get("text") or "").strip() or (doc.get("title") or "").strip()
    ):
        raise EmptyArticleError(origin, "no article text found in the HTML page")
    return RawDocument(
        origin=origin,
        text=str(doc.get("text") or ""),
        title=str(doc.get("title") or ""),
        source=str(doc.get("sitename") or ""),
        url=str(doc.get("url") or url or ""),
        published=parse_date(doc.get("date")),
        byline=str(doc.get("author") or ""),
    )
