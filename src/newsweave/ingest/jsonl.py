"""JSON and JSON Lines: dataset clusters (ours, WCEP's, Multi-News's) and one-article lines.

Accepted record shapes, one per line (or a list of them in a ``.json`` file):

* a cluster: ``{"id"?, "articles": [{"title"?, "text", "url"?, "time"?, "source"?}], "summary"?}``
* a Multi-News cluster: ``{"document": "doc one ||||| doc two", "summary"?}``
* one article: ``{"title"?, "text" | "html", "url"?, "time"?, "source"?}`` (a ``title``
  alone is a headline-only article: the cleaner makes the headline its text), in a labelled
  stream also with its event: ``"event"`` (or ``event_id``, ``cluster``, ``cluster_id``,
  ``story``, ``story_id``, ``label``), used only to score clustering
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlparse

from newsweave.dates import parse_date
from newsweave.errors import InputError
from newsweave.ingest.limits import MAX_DOCUMENT_BYTES, megabytes
from newsweave.ingest.sniff import decode
from newsweave.model import Problem, RawDocument

MULTI_NEWS_SEPARATOR = "|||||"
_DOC_KEYS = ("document", "documents", "src", "source_text")
_SUMMARY_KEYS = ("summary", "reference", "tgt", "target")
_DATE_KEYS = ("time", "published", "date", "publish_date", "pubdate")
_LABEL_KEYS = ("event", "event_id", "cluster", "cluster_id", "story", "story_id", "label")


def _label_of(item: dict[str, Any]) -> str | None:
    for key in _LABEL_KEYS:
        value = item.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            return str(value)
    return None


def outlet_of(url: str) -> str:
    host = urlparse(url).hostname or "" if url else ""
    return host.removeprefix("www.")


def _strings(value: Any) -> tuple[str, ...]:
    """A list of strings from a record (``also_published_by``, ``copies`` of our clusters files)."""
    if not isinstance(value, list):
        return ()
    return tuple(str(v) for v in value if isinstance(v, str) and v)


def _summary_of(record: dict[str, Any]) -> str | None:
    for key in _SUMMARY_KEYS:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            return "\n".join(value)
    return None


def _article(
    where: str, item: Any, group: str | None, reference: str | None
) -> RawDocument | Problem:
    if isinstance(item, str):
        item = {"text": item}
    if not isinstance(item, dict):
        return Problem(where, f"article is a JSON {type(item).__name__}, expected an object")
    text = item.get("text", item.get("content", item.get("body")))
    html = item.get("html")
    if text is None and isinstance(html, str):
        from newsweave.ingest.html import parse_html

        try:
            doc = parse_html(where, html, url=str(item.get("url") or ""))
        except InputError as exc:
            return Problem(where, exc.reason)
        text = doc.text
        item = {**item, "title": item.get("title") or doc.title}
    given_title = item.get("title") or item.get("headline")
    title = str(given_title) if isinstance(given_title, str | int | float) else ""
    if text is None and title.strip():
        text = ""  # a headline without a body (a feed or headline-list item): an article
    if not isinstance(text, str):
        return Problem(where, "record has no 'text' string")
    if not text.strip() and not title.strip():
        return Problem(where, "empty article: no title and no text")
    url = str(item.get("url") or "")
    date = next((parse_date(item[k]) for k in _DATE_KEYS if item.get(k) is not None), None)
    source = item.get("source") or item.get("outlet") or item.get("domain") or item.get("sitename")
    return RawDocument(
        origin=where,
        text=text,
        title=title,
        source=str(source or outlet_of(url)),
        url=url,
        published=date,
        byline=str(item.get("author") or item.get("byline") or ""),
        group=group,
        reference=reference,
        also_published_by=_strings(item.get("also_published_by")),
        copies=_strings(item.get("copies")),
        label=_label_of(item) if group is None else None,
    )


def records_to_documents(
    where: str, record: Any, default_id: str
) -> Iterator[RawDocument | Problem]:
    """The articles of one parsed JSON record, or the problems that stop them."""
    if not isinstance(record, dict):
        yield Problem(where, f"expected a JSON object, got a {type(record).__name__}")
        return
    reference = _summary_of(record)
    group = str(record.get("id") or default_id)
    articles = record.get("articles")
    if articles is None:
        joined = next((record[k] for k in _DOC_KEYS if isinstance(record.get(k), str)), None)
        if joined is not None:
            articles = [{"text": part} for part in joined.split(MULTI_NEWS_SEPARATOR)]
            articles = [a for a in articles if a["text"].strip()]
            if not articles:
                yield Problem(where, "empty cluster: no document text")
                return
    if articles is None:
        yield _article(where, record, None, None)
        return
    if not isinstance(articles, list) or not articles:
        yield Problem(where, "'articles' must be a non-empty list")
        return
    for k, item in enumerate(articles, 1):
        yield _article(f"{where}#{k}", item, group, reference)


def _json_reason(exc: json.JSONDecodeError) -> str:
    return exc.msg.removesuffix(" at").lower()


class _Unparsable(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _loads(text: str) -> Any:
    """``json.loads``, with the two ways valid-looking JSON still fails said plainly:
    nesting deeper than Python's recursion limit and integers too long to convert."""
    try:
        return json.loads(text)
    except RecursionError:
        raise _Unparsable("invalid JSON (nested too deeply)") from None
    except json.JSONDecodeError:
        raise
    except ValueError as exc:  # "Exceeds the limit (4300 digits) for integer string conversion"
        raise _Unparsable(f"invalid JSON (a number too long to read: {str(exc)[:60]})") from None


def parse_json_lines(path: str, lines: Iterable[bytes | None]) -> Iterator[RawDocument | Problem]:
    """Stream a JSON Lines file; a bad line is reported with its number and skipped.

    ``None`` stands for a line over the size limit that the reader did not keep.
    """
    for number, raw in enumerate(lines, 1):
        where = f"{path}:{number}"
        if raw is None:
            yield Problem(where, f"line larger than {megabytes(MAX_DOCUMENT_BYTES)}")
            continue
        if not raw.strip():
            continue
        try:
            text, warning = decode(where, raw)
        except InputError as exc:
            yield Problem(where, exc.reason)
            continue
        if warning:
            yield Problem(where, warning, skipped=False)
        try:
            record = _loads(text)
        except json.JSONDecodeError as exc:
            yield Problem(where, f"invalid JSON ({_json_reason(exc)} at column {exc.colno})")
            continue
        except _Unparsable as exc:
            yield Problem(where, exc.reason)
            continue
        yield from records_to_documents(where, record, f"{path}:{number}")


def parse_json_document(path: str, text: str) -> Iterator[RawDocument | Problem]:
    """A ``.json`` file: one record, or a list of records. Falls back to JSON Lines."""
    try:
        data = _loads(text)
    except _Unparsable as exc:
        yield Problem(path, exc.reason)
        return
    except json.JSONDecodeError as exc:
        if text.lstrip().startswith("{") and "\n" in text.strip():
            yield from parse_json_lines(path, (line.encode() for line in text.splitlines()))
            return
        reason = _json_reason(exc)
        yield Problem(path, f"invalid JSON ({reason} at line {exc.lineno} column {exc.colno})")
        return
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records, 1):
        where = f"{path}[{index}]" if isinstance(data, list) else path
        yield from records_to_documents(where, record, where)
