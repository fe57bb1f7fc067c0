"""Format detection and byte decoding: the only place that looks at raw bytes."""

from __future__ import annotations

import codecs
import re
import zlib

from newsweave.errors import BinaryContentError, UnsupportedFormatError
from newsweave.ingest import limits

TEXT = "text"
HTML = "html"
JSON = "json"
JSONL = "jsonl"
WARC = "warc"
FEED = "feed"

# Longest suffixes first so ".jsonl.gz" wins over ".gz".
SUFFIXES: dict[str, str] = {
    ".jsonl.gz": JSONL,
    ".json.gz": JSONL,
    ".warc.gz": WARC,
    ".txt": TEXT,
    ".text": TEXT,
    ".md": TEXT,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".json": JSON,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
    ".warc": WARC,
    ".rss": FEED,
    ".atom": FEED,
    ".xml": FEED,
}

KNOWN = ", ".join(sorted(SUFFIXES))


def format_of(name: str) -> str | None:
    """The format a file name announces, ``None`` when it has no extension."""
    lower = name.lower()
    for suffix, fmt in SUFFIXES.items():
        if lower.endswith(suffix):
            return fmt
    base = lower.rsplit("/", 1)[-1]
    if "." not in base.lstrip("."):
        return None
    suffix = "." + base.rsplit(".", 1)[-1]
    raise UnsupportedFormatError(
        name, f"unsupported file type '{suffix}' (newsweave reads {KNOWN})"
    )


def sniff_format(data: bytes) -> str:
    """Guess the format of extensionless input (stdin, files without a suffix)."""
    head = data[:2048].lstrip().lower()
    if data[:2] == b"\x1f\x8b":
        return WARC if _gunzipped_head(data).startswith(b"WARC/") else JSONL
    if head.startswith(b"warc/"):
        return WARC
    if head.startswith((b"{", b"[")):
        return JSONL
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head):
        return FEED
    if head.startswith((b"<rss", b"<feed")):
        return FEED
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head:
        return HTML
    return TEXT


def _gunzipped_head(data: bytes) -> bytes:
    """The first bytes of gzipped data, without decompressing all of it."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:4096], 64)
    except zlib.error:
        return b""


def maybe_gunzip(path: str, data: bytes) -> bytes:
    """Gzipped data decompressed, within the size and expansion limits; other data as is."""
    return limits.gunzip(path, data)


_UTF16_BOMS = ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def utf16_encoding(data: bytes) -> str | None:
    """``utf-16``/``utf-16-le``/``utf-16-be`` when the bytes are UTF-16 text, else None.

    Without a byte order mark, UTF-16 text of Latin-script news has a NUL in (almost)
    every second byte and none in the others; binary data has NULs anywhere.
    """
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return None
    for bom, encoding in _UTF16_BOMS:
        if data.startswith(bom):
            return encoding
    sample = data[:8192]
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 16:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(even)
    if odd.count(0) >= 0.9 * half and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * half and odd.count(0) == 0:
        return "utf-16-be"
    return None


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: not a text format we can read."""
    sample = data[:8192]
    if not sample:
        return False
    if utf16_encoding(sample) is not None:
        return False
    if b"\x00" in sample:
        return True
    control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))  # counted in C
    return control / len(sample) > 0.05


def decode(path: str, data: bytes) -> tuple[str, str | None]:
    """Decode text; returns the text and a warning when a fallback encoding was needed."""
    if looks_binary(data):
        raise BinaryContentError(path, "binary content, not text")
    wide = utf16_encoding(data)
    if wide is not None:
        try:
            return data.decode(wide), None
        except UnicodeDecodeError:
            raise BinaryContentError(path, "binary content, not text (invalid UTF-16)") from None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        position = exc.start
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, f"not valid UTF-8 (byte {position}); decoded as {encoding}"
    raise BinaryContentError(path, "undecodable text")  # pragma: no cover - latin-1 never fails


_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_unicode(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD. They come from JSON escapes
    (``"\\ud800"``) and from file names that are not UTF-8; no UTF-8 output can hold
    them, so they would fail every write of the article."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
