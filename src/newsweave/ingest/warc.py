"""WARC and WARC.gz archives (Common Crawl News): HTML response records become documents.

Records are read one at a time with warcio straight from the file, so an archive of any
size streams in bounded memory: gzip is undone by ``limits.GzipStream`` (which refuses
decompression bombs) and a record body is read up to ``limits.MAX_DOCUMENT_BYTES``.
Only HTTP ``response`` records can hold an article: request, metadata and warcinfo
records are skipped silently; a response that is not HTML, or whose page yields no
article text, is reported as a Problem and never stops the rest.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsweave.dates import parse_date
from newsweave.errors import InputError, excerpt
from newsweave.ingest import limits
from newsweave.ingest.html import parse_html
from newsweave.ingest.jsonl import outlet_of
from newsweave.model import Problem, RawDocument, replace

Item = RawDocument | Problem

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return "utf-8"


def _decode(data: bytes, charset: str) -> str:
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return data.decode("utf-8", errors="replace")


def _record_item(origin: str, record: Any) -> Item | None:
    """The document of one record, a Problem, or ``None`` for records that hold no page."""
    if not record.rec_type:
        return Problem(origin, "malformed WARC record (no WARC-Type header)")
    if record.rec_type != "response":
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = f"{origin}#{url}" if url else origin
    http = record.http_headers
    if http is None:
        return Problem(where, "response record without HTTP headers")
    status = http.get_statuscode() or ""
    if not status.startswith("2"):
        return Problem(where, f"HTTP status {status}, not a page")
    content_type = (http.get_header("Content-Type") or "").lower()
    if not content_type.startswith(_HTML_TYPES):
        kind = content_type.split(";")[0] or "unknown type"
        return Problem(where, f"not an HTML page ({kind})")
    body = record.content_stream().read(limits.MAX_DOCUMENT_BYTES + 1)
    if len(body) > limits.MAX_DOCUMENT_BYTES:
        return Problem(where, f"record larger than {limits.megabytes(limits.MAX_DOCUMENT_BYTES)}")
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        return Problem(where, f"record cut short ({missing} bytes missing)")
    html = _decode(body, _charset(content_type))
    try:
        doc = parse_html(where, html, url=url)
    except InputError as exc:
        return Problem(where, exc.reason)
    # The crawl date is a fallback: a page's own date (from trafilatura) says when it was
    # published, the crawl only when it was fetched.
    published = doc.published or parse_date(record.rec_headers.get_header("WARC-Date"))
    return replace(doc, source=doc.source or outlet_of(url), published=published)


_WARC_HEADS = (b"WARC/", b"filedesc://")  # WARC, and the older ARC warcio also reads


def read_warc_stream(origin: str, stream: IO[bytes]) -> Iterator[Item]:
    """Every article of a WARC stream, gzipped or not."""
    try:
        reader = limits.decompressed(origin, stream)  # type: ignore[arg-type]
        head = reader.peek(64)[:64].lstrip(b"\r\n")
    except InputError as exc:
        yield Problem(exc.where, exc.reason)
        return
    if not head:
        yield Problem(origin, "no WARC records found (empty file)")
        return
    if not head.startswith(_WARC_HEADS):
        yield Problem(origin, "not a WARC file (it does not start with a WARC/1.x header)")
        return
    yield from _records(origin, reader)


def _records(origin: str, reader: BinaryIO) -> Iterator[Item]:
    records = 0
    # warcio prints its own warnings (a record longer or shorter than its Content-Length)
    # to stderr; they are caught around each step and reported as a Problem instead.
    said = io.StringIO()
    try:
        iterator = iter(ArchiveIterator(reader))
        while True:
            with contextlib.redirect_stderr(said):
                record = next(iterator, None)
            if said.getvalue():
                said = io.StringIO()
                yield Problem(
                    origin,
                    f"record {records} does not end where its Content-Length says; "
                    "the records after it may be misread",
                    skipped=False,
                )
            if record is None:
                limits.confirm_end(reader)
                break
            records += 1
            item = _record_item(origin, record)
            if item is not None:
                yield item
        if not records:
            yield Problem(origin, "no WARC records found (not a WARC file, or empty)")
    except InputError as exc:
        yield Problem(exc.where, f"{exc.reason}; rest of the archive skipped")
    except ArchiveLoadFailed as exc:
        yield Problem(origin, f"broken WARC record, rest of the archive skipped ({excerpt(exc)})")
    except (OSError, EOFError, ValueError) as exc:
        yield Problem(origin, f"broken WARC data, rest of the archive skipped ({excerpt(exc)})")


def read_warc_bytes(origin: str, data: bytes) -> Iterator[Item]:
    yield from read_warc_stream(origin, io.BytesIO(data))


def read_warc_path(path: Path) -> Iterator[Item]:
    """Stream a WARC file from disk: one record in memory at a time."""
    with path.open("rb") as handle:
        yield from read_warc_stream(str(path), handle)
