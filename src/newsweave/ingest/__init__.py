"""Ingest: paths, directories and stdin in; RawDocuments (and Problems) out.

This is the IO edge of the pipeline. It never judges content beyond "is this a readable
article": cleaning, splitting and everything after work on the documents it yields.
"""

from __future__ import annotations

import contextlib
import gzip
import importlib
import io
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsweave.errors import InputError
from newsweave.ingest import sniff
from newsweave.ingest.html import parse_html
from newsweave.ingest.jsonl import parse_json_document, parse_json_lines
from newsweave.ingest.text import parse_text
from newsweave.model import Problem, RawDocument

__all__ = [
    "PathReader",
    "Reader",
    "expand_paths",
    "read_bytes",
    "read_inputs",
    "read_path",
    "register_path_reader",
    "register_reader",
]

Item = RawDocument | Problem
Reader = Callable[[str, bytes], Iterator[Item]]
PathReader = Callable[[Path], Iterator[Item]]
STDIN = "-"


def _read_text(origin: str, data: bytes) -> Iterator[Item]:
    text, warning = sniff.decode(origin, data)
    if warning:
        yield Problem(origin, warning, skipped=False)
    if not text.strip():
        yield Problem(origin, "empty file: no text")
        return
    yield parse_text(origin, text)


def _read_html(origin: str, data: bytes) -> Iterator[Item]:
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
    data = sniff.maybe_gunzip(origin, data)
    if sniff.looks_binary(data):
        yield Problem(origin, "binary content, not text")
        return
    if not data.strip():
        yield Problem(origin, "empty file: no text")
        return
    yield from parse_json_lines(origin, io.BytesIO(data))


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
        yield from reader(origin, data)
    except InputError as exc:
        yield Problem(exc.where, exc.reason)


def _load_stream_readers() -> None:
    """WARC and feed readers live in an optional module with heavier dependencies."""
    with contextlib.suppress(ImportError):
        importlib.import_module("newsweave.ingest.stream")  # registers its readers


def _open_streaming(path: Path) -> BinaryIO:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def read_path(path: Path) -> Iterator[Item]:
    """Read one file. JSON Lines stream line by line so big datasets stay in bounded memory."""
    origin = str(path)
    try:
        fmt = sniff.format_of(origin)
    except InputError as exc:
        yield Problem(exc.where, exc.reason)
        return
    try:
        if fmt == sniff.JSONL:
            with _open_streaming(path) as handle:
                head = handle.peek(8192)[:8192] if hasattr(handle, "peek") else b""
                if sniff.looks_binary(head):
                    yield Problem(origin, "binary content, not text")
                    return
                yield from parse_json_lines(origin, handle)
            return
        if fmt is not None and fmt not in READERS:
            _load_stream_readers()
        if fmt in PATH_READERS:
            yield from PATH_READERS[fmt](path)
            return
        data = path.read_bytes()
    except gzip.BadGzipFile as exc:
        yield Problem(origin, f"corrupt gzip data ({exc})")
        return
    except (EOFError, OSError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        yield Problem(origin, f"cannot read file ({reason.lower()})")
        return
    yield from read_bytes(origin, data, fmt)


def expand_paths(paths: Iterable[str]) -> Iterator[Path | Problem | str]:
    """Files as given, directories recursively (sorted, hidden entries skipped), ``-`` as is."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if child.is_file() and not any(p.startswith(".") for p in rel.parts):
                    found = True
                    yield child
            if not found:
                yield Problem(raw, "directory holds no files")
        elif path.is_file():
            yield path
        elif path.exists():
            yield Problem(raw, "not a regular file")
        else:
            yield Problem(raw, "no such file or directory")


def read_inputs(paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every document of every input, in order, with a Problem for each unusable one."""
    for entry in expand_paths(paths):
        if isinstance(entry, Problem):
            yield entry
        elif entry == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_bytes(STDIN, stream.read())
        else:
            assert isinstance(entry, Path)
            yield from read_path(entry)
