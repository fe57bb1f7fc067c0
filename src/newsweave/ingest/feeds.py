"""RSS and Atom feeds through feedparser: one document per entry.

An entry carries its full content when the feed has it, else its summary; both are HTML
fragments, turned into paragraphs of plain text here (trafilatura is built for whole
pages and throws away short fragments). An entry with a title and no text is a
headline-only article (many feeds carry nothing else); one with neither is reported and skipped;
a feed that is not well-formed XML is still read as far as feedparser gets, with a warning.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import feedparser

from newsweave.errors import excerpt
from newsweave.ingest.jsonl import outlet_of
from newsweave.model import Problem, RawDocument

Item = RawDocument | Problem

_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section"}
)
_SKIP_TAGS = frozenset({"script", "style", "figure", "figcaption"})


class _TextOfFragment(HTMLParser):
    """Text of an HTML fragment, a blank line at every block boundary."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def fragment_text(fragment: str) -> str:
    parser = _TextOfFragment()
    parser.feed(fragment)
    parser.close()
    paragraphs = (" ".join(p.split()) for p in "".join(parser.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def _entry_body(entry: Any) -> str:
    """The longest of the entry's full content blocks and its summary."""
    candidates = [str(c.get("value") or "") for c in entry.get("content") or []]
    candidates.append(str(entry.get("summary") or ""))
    texts = [fragment_text(c) for c in candidates]
    return max(texts, key=len)


def _entry_source(entry: Any, feed_title: str, link: str) -> str:
    source = entry.get("source") or {}
    return str(source.get("title") or "") or feed_title or outlet_of(link)


# An internal DTD subset that declares entities: the way in of "billion laughs" expansion
# and of external entities that read local files (XXE). No real feed needs one.
_ENTITY_DECLARATION = re.compile(rb"<!DOCTYPE[^>\[]*\[[^\]]*<!ENTITY", re.IGNORECASE)


def read_feed(origin: str, data: bytes) -> Iterator[Item]:
    if _ENTITY_DECLARATION.search(data[:65536]):
        yield Problem(origin, "feed declares XML entities in its DOCTYPE: refused as unsafe")
        return
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if parsed.get("bozo") and not entries:
        reason = excerpt(parsed.get("bozo_exception"))
        yield Problem(origin, f"not a readable RSS or Atom feed ({reason})")
        return
    if parsed.get("bozo"):
        reason = excerpt(parsed.get("bozo_exception"))
        yield Problem(origin, f"feed is not well-formed ({reason}); read what could be", False)
    if not entries:
        yield Problem(origin, "feed has no entries")
        return
    feed_title = str(parsed.get("feed", {}).get("title") or "")
    for number, entry in enumerate(entries, 1):
        link = str(entry.get("link") or "")
        where = f"{origin}#{number}"
        text = _entry_body(entry)
        title = fragment_text(str(entry.get("title") or ""))
        if not text.strip() and not title:
            yield Problem(where, "feed entry has no title, content or summary text")
            continue
        yield RawDocument(
            origin=where,
            text=text,
            title=title,
            source=_entry_source(entry, feed_title, link),
            url=link,
            published=_entry_date(entry),
            byline=str(entry.get("author") or ""),
        )
