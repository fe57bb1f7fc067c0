"""Ingest: paths, directories and stdin in; RawDocuments (and Problems) out.

This is the IO edge of the pipeline. It never judges content beyond "is this a readable
article": cleaning, splitting and everything after work on the documents it yields.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import io
import logging
import os
import stat
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsweave.errors import InputError, excerpt
from newsweave.ingest import limits, sniff
from newsweave.ingest.html import parse_html
from newsweave.ingest.jsonl import parse_json_document, parse_json_lines
from newsweave.ingest.text import parse_text
from newsweave.model import Problem, RawDocument, replace

__all__ = [
    "PathReader",
    "Reader",
    "expand_paths",
    "read_bytes",
    "read_inputs",
    "read_path",
    "register_path_reader",
    "register_reader",
    "within_limits",
]

Item = RawDocument | Problem
Reader = Callable[[str, bytes], Iterator[Item]]
PathReader = Callable[[Path], Iterator[Item]]
STDIN = "-"
log = logging.getLogger(__name__)


def _check_document_size(origin: str, data: bytes) -> None:
    if len(data) > limits.MAX_DOCUMENT_BYTES:
        raise limits.too_large(origin, "document", limits.MAX_DOCUMENT_BYTES)


def _read_text(origin: str, data: bytes) -> Iterator[Item]:
    _check_document_size(origin, data)
    text, warning = sniff.decode(origin, data)
    if warning:
        yield Problem(origin, warning, skipped=False)
    if not text.strip():
        yield Problem(origin, "empty file: no text")
        return
    yield parse_text(origin, text)


def _read_html(origin: str, data: bytes) -> Iterator[Item]:
    _check_document_size(origin, data)
    text, warning = sniff.decode(origin, data)
    if warning:
        yield Problem(origin, warning, skipped=False)
    if not text.strip():
        yield Problem(origin, "empty file: no text")
        return
    yield parse_html(origin, text)


def _read_json(origin: str, data: bytes) -> Iterator[Item]:
    data = sniff.maybe_gunzip(origin, data)
    text, warning = sniff.decode(origin, data)
    if warning:
        yield Problem(origin, warning, skipped=False)
    if not text.strip():
        yield Problem(origin, "empty file: no text")
        return
    yield from parse_json_document(origin, text)


def _read_jsonl(origin: str, data: bytes) -> Iterator[Item]:
    yield from _read_jsonl_stream(origin, io.BytesIO(data))


READERS: dict[str, Reader] = {
    sniff.TEXT: _read_text,
    sniff.HTML: _read_html,
    sniff.JSON: _read_json,
    sniff.JSONL: _read_jsonl,
}


def register_reader(fmt: str, reader: Reader) -> None:
    """Add or replace the reader of a format (used by the stream readers)."""
    READERS[fmt] = reader


# Formats whose files are streamed from disk instead of read whole (big archives).
PATH_READERS: dict[str, PathReader] = {}


def register_path_reader(fmt: str, reader: PathReader) -> None:
    """Read files of ``fmt`` with ``reader(path)``, which streams, instead of as bytes."""
    PATH_READERS[fmt] = reader


def read_bytes(origin: str, data: bytes, fmt: str | None = None) -> Iterator[Item]:
    """Read one input given as bytes; ``fmt`` defaults to the name's extension or a sniff."""
    try:
        if fmt is None:
            fmt = sniff.format_of(origin) if origin != STDIN else None
        if fmt is None:
            fmt = sniff.sniff_format(data)
        reader = READERS.get(fmt)
        if reader is None:
            _load_stream_readers()
            reader = READERS.get(fmt)
        if reader is None:
            yield Problem(
                origin,
                f"no reader for {fmt} input in this installation"
                " (WARC and feeds need the 'stream' extra: pip install 'newsweave[stream]')",
            )
            return
        yield from within_limits(origin, reader(origin, data))
    except InputError as exc:
        yield Problem(exc.where, exc.reason)
    except Exception as exc:  # a parser failing on one input must not stop the rest
        yield _unexpected(origin, exc)


def within_limits(origin: str, items: Iterable[Item]) -> Iterator[Item]:
    """Every reader's documents, each refused when its text is over the document limit
    (an entry of a feed, an article of a ``.json`` file: the file limits do not bound it),
    and with valid Unicode in every field. Problems past ``MAX_PROBLEMS_PER_INPUT`` are
    counted, not listed one by one."""
    problems = 0
    unlisted: Counter[bool] = Counter()  # by ``skipped``
    for item in items:
        if isinstance(item, Problem):
            problems += 1
            if problems <= limits.MAX_PROBLEMS_PER_INPUT:
                yield item
            else:
                unlisted[item.skipped] += 1
        elif len(item.text) > limits.MAX_DOCUMENT_BYTES:
            too_large = limits.too_large(item.origin, "document", limits.MAX_DOCUMENT_BYTES)
            yield Problem(item.origin, too_large.reason)
        else:
            yield _valid_unicode(item)
    for skipped, count in sorted(unlisted.items()):
        what = "records skipped" if skipped else "warnings"
        reason = f"{count} more {what}, not listed one by one"
        yield Problem(origin, reason, skipped=skipped)


def _valid_unicode(doc: RawDocument) -> RawDocument:
    fix = sniff.valid_unicode
    return replace(
        doc,
        origin=fix(doc.origin),
        text=fix(doc.text),
        title=fix(doc.title),
        source=fix(doc.source),
        url=fix(doc.url),
        byline=fix(doc.byline),
        group=None if doc.group is None else fix(doc.group),
        reference=None if doc.reference is None else fix(doc.reference),
        also_published_by=tuple(fix(name) for name in doc.also_published_by),
    )


def _unexpected(origin: str, exc: Exception) -> Problem:
    """A reader (ours or a third-party parser) failed in a way nobody planned for: the
    input is reported and skipped, the others go on; the traceback goes to the log."""
    log.debug("reading %s failed", origin, exc_info=exc)
    return Problem(origin, f"unexpected error reading it ({type(exc).__name__}: {excerpt(exc)})")


def _load_stream_readers() -> None:
    """WARC and feed readers live in an optional module with heavier dependencies."""
    with contextlib.suppress(ImportError):
        importlib.import_module("newsweave.ingest.stream")  # registers its readers


def _read_jsonl_stream(origin: str, handle: BinaryIO) -> Iterator[Item]:
    """JSON Lines stream line by line (gunzipped as they go) so big datasets stay in
    bounded memory; lines over the document limit are reported, not held, and a gzip
    stream that breaks keeps the lines before the break."""
    stream = limits.decompressed(origin, handle)
    head = stream.peek(8192)[:8192]
    if sniff.utf16_encoding(head):
        yield Problem(origin, "JSON Lines must be UTF-8 (this file is UTF-16)")
        return
    if sniff.looks_binary(head):
        yield Problem(origin, "binary content, not text")
        return
    found = False
    for item in parse_json_lines(origin, limits.bounded_lines(stream)):
        found = True
        yield item
    if not found:
        yield Problem(origin, "empty file: no text")


def read_path(path: Path) -> Iterator[Item]:
    """Read one file: JSON Lines and archives stream, other formats are read whole up to
    ``limits.MAX_FILE_BYTES``."""
    origin = str(path)
    try:
        fmt = sniff.format_of(origin)
    except InputError as exc:
        yield Problem(exc.where, exc.reason)
        return
    try:
        if fmt == sniff.JSONL:
            with path.open("rb") as handle:
                yield from within_limits(origin, _read_jsonl_stream(origin, handle))
            return
        if fmt is not None and fmt not in READERS:
            _load_stream_readers()
        if fmt in PATH_READERS:
            yield from within_limits(origin, PATH_READERS[fmt](path))
            return
        with path.open("rb") as handle:
            data = limits.read_limited(origin, handle, limits.MAX_FILE_BYTES)
    except InputError as exc:
        yield Problem(exc.where, exc.reason)
        return
    except OSError as exc:
        reason = exc.strerror or str(exc)
        yield Problem(origin, f"cannot read file ({reason.lower()})")
        return
    except Exception as exc:  # see _unexpected
        yield _unexpected(origin, exc)
        return
    yield from read_bytes(origin, data, fmt)


def not_regular(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file (a pipe, device, broken link...), or None.

    Pipes and devices are refused before they are opened: reading a FIFO blocks until a
    writer comes, and ``/dev/zero`` never ends.
    """
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if path.is_symlink():
            kind = "a symbolic link loop" if exc.errno == errno.ELOOP else "a broken symbolic link"
            return f"not a regular file ({kind})"
        return f"cannot read file ({(exc.strerror or str(exc)).lower()})"
    if stat.S_ISREG(mode):
        return None
    kinds = {
        stat.S_ISFIFO: "a named pipe",
        stat.S_ISCHR: "a character device",
        stat.S_ISBLK: "a block device",
        stat.S_ISSOCK: "a socket",
        stat.S_ISDIR: "a directory",
    }
    kind = next((name for test, name in kinds.items() if test(mode)), "a special file")
    return f"not a regular file ({kind})"


def expand_paths(paths: Iterable[str]) -> Iterator[Path | Problem | str]:
    """Files as given, directories recursively (sorted, hidden entries skipped), ``-`` as is."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _expand_directory(raw, path)
        elif path.is_file():
            yield path
        elif path.exists() or path.is_symlink():
            yield Problem(raw, not_regular(path) or "not a regular file")
        else:
            yield Problem(raw, "no such file or directory")


def _expand_directory(raw: str, path: Path) -> Iterator[Path | Problem]:
    """Files under ``path`` (sorted, hidden entries skipped); anything else that is not a
    folder (pipes, devices, broken links) is reported, never opened, and so is a folder
    that cannot be listed. Links to folders are not followed, so a link loop cannot
    recurse for ever."""
    entries: list[Path] = []
    unreadable: list[Problem] = []

    def failed(exc: OSError) -> None:
        where = str(exc.filename or path)
        reason = (exc.strerror or str(exc)).lower()
        unreadable.append(Problem(where, f"cannot read folder ({reason})"))

    for folder, dirs, files in os.walk(path, onerror=failed):
        base = Path(folder)
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        entries.extend(base / d for d in dirs if (base / d).is_symlink())  # not descended
        entries.extend(base / f for f in files if not f.startswith("."))
    found = False
    for child in sorted(entries):
        if child.is_dir():
            yield Problem(str(child), "link to a folder: not followed", skipped=False)
            continue
        found = True
        if child.is_file():
            yield child
        else:
            yield Problem(str(child), not_regular(child) or "not a regular file")
    yield from unreadable
    if not found and not unreadable:
        yield Problem(raw, "directory holds no files")


def read_inputs(paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every document of every input, in order, with a Problem for each unusable one."""
    for entry in expand_paths(paths):
        if isinstance(entry, Problem):
            yield entry
        elif entry == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            try:
                data = limits.read_limited(STDIN, stream, limits.MAX_FILE_BYTES, "input")
            except InputError as exc:
                yield Problem(exc.where, exc.reason)
                continue
            yield from read_bytes(STDIN, data)
        else:
            assert isinstance(entry, Path)
            yield from read_path(entry)
