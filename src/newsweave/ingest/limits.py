"""Size limits on input, so that no file can exhaust memory or run for ever.

* ``MAX_DOCUMENT_BYTES``: one document: a text or HTML file, one JSON Lines line, one WARC
  record's body. News articles are kilobytes and a dataset line of a hundred articles
  well under one megabyte; five megabytes of one "article" is a dump, a binary or an
  attack, and already costs tens of seconds to segment, summarize and analyze.
* ``MAX_FILE_BYTES``: a file that has to be parsed whole (``.json``, RSS/Atom, stdin).
  Bigger datasets belong in JSON Lines, which stream line by line in bounded memory.
  Parsed JSON takes up to twenty times its size in memory (``[[],[],...]``), so this
  bounds a ``.json`` file to well under a gigabyte.
* ``MAX_PROBLEMS_PER_INPUT``: problems listed for one input (bad lines of a JSON Lines
  file, bad records of a ``.json`` list); the rest are counted in one last problem, so a
  file of millions of bad records neither floods the terminal nor fills memory.
* ``MAX_EXPANSION``: gzip input is decompressed as a stream and refused once it has grown
  more than this many times the compressed bytes read so far (after the first
  ``EXPANSION_GRACE`` bytes). Text compresses 3 to 10 times; a "gzip bomb" thousands of
  times. Checking the ratio as the data flows stops a bomb after a fraction of a megabyte,
  whatever it would have expanded to, while a real archive of any size passes.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO, cast

from newsweave.errors import DecompressionBombError, InputError, MalformedRecordError

MB = 1024 * 1024
MAX_DOCUMENT_BYTES = 5 * MB
MAX_FILE_BYTES = 32 * MB
MAX_PROBLEMS_PER_INPUT = 1000
MAX_EXPANSION = 50
EXPANSION_GRACE = MB // 4

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 64 * 1024


def megabytes(limit: int) -> str:
    return f"{limit / MB:g} MB"


def too_large(origin: str, what: str, limit: int, line: int | None = None) -> InputError:
    return InputError(origin, f"{what} larger than {megabytes(limit)}", line)


class GzipStream(io.RawIOBase):
    """Decompress gzip data (every member of it) as it is read, refusing bombs.

    Raises ``MalformedRecordError`` naming ``origin`` for corrupt or truncated data, and its
    ``DecompressionBombError`` for data that expands more than ``MAX_EXPANSION`` times.
    """

    def __init__(self, origin: str, raw: BinaryIO, max_expansion: int = MAX_EXPANSION) -> None:
        super().__init__()
        self.origin = origin
        self._raw = raw
        self._max_expansion = max_expansion
        self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._input = b""
        self._pending = b""
        self._in_member = False
        self._read_in = 0
        self._written_out = 0
        self._failure: MalformedRecordError | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        """Decompressed bytes into ``buffer``. A failure first reads as the end of the data,
        so that whatever was decompressed before it (the records or lines ahead of a
        corrupt block) reaches the reader; the next read raises it."""
        if self._failure is not None:
            raise self._failure
        while not self._pending:
            try:
                if not self._inflate():
                    return 0
            except MalformedRecordError as exc:
                self._failure = exc
                return 0
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def _more_input(self) -> bool:
        data = self._raw.read(_CHUNK)
        self._read_in += len(data)
        self._input += data
        return bool(data)

    @property
    def _consumed(self) -> int:
        """Compressed bytes decompressed so far (read-ahead not counted)."""
        return self._read_in - len(self._input)

    def _error(self, reason: str) -> MalformedRecordError:
        return MalformedRecordError(self.origin, reason)

    def _inflate(self) -> bool:
        """Decompress some more into ``_pending``; False at the clean end of the data."""
        if not self._input and not self._more_input():
            if self._in_member:
                raise self._error("truncated gzip data: the file ends inside a compressed block")
            return False
        if not self._in_member:
            if len(self._input) < 2:
                self._more_input()
            if not self._input.startswith(GZIP_MAGIC):
                if not self._input.strip(b"\x00"):  # zero padding after the last member
                    self._input = b""
                    return self._inflate()
                raise self._error("corrupt gzip data (not gzip, or garbage between members)")
            self._in_member = True
        try:
            out = self._inflater.decompress(self._input, _CHUNK)
        except zlib.error as exc:
            raise self._error(f"corrupt gzip data ({exc})") from None
        if self._inflater.eof:
            self._input = self._inflater.unused_data
            self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            self._in_member = False
        else:
            self._input = self._inflater.unconsumed_tail
        self._written_out += len(out)
        if self._written_out > EXPANSION_GRACE and self._written_out > self._max_expansion * max(
            self._consumed, 1
        ):
            raise DecompressionBombError(
                self.origin,
                f"gzip data expands more than {self._max_expansion} times: "
                "refused as a likely decompression bomb",
            )
        self._pending = out
        return True


def is_gzip(head: bytes) -> bool:
    return head[:2] == GZIP_MAGIC


def decompressed(origin: str, handle: BinaryIO) -> io.BufferedReader[Any]:
    """A buffered reader of ``handle``'s content, gunzipped (bounded) when it is gzip."""
    if isinstance(handle, io.BufferedReader):
        buffered: io.BufferedReader[Any] = handle
    else:
        buffered = io.BufferedReader(cast(io.RawIOBase, handle))
    if is_gzip(buffered.peek(2)[:2]):
        return io.BufferedReader(GzipStream(origin, buffered), _CHUNK)
    return buffered


def read_limited(origin: str, handle: BinaryIO, limit: int, what: str = "file") -> bytes:
    """All of ``handle``, or an error naming ``origin`` when it holds more than ``limit``."""
    data = handle.read(limit + 1)
    if len(data) > limit:
        raise too_large(origin, what, limit)
    confirm_end(handle)
    return data


def gunzip(origin: str, data: bytes, limit: int = MAX_FILE_BYTES) -> bytes:
    """``data`` decompressed when it is gzip (bounded like every gzip input), else as is."""
    if not is_gzip(data):
        return data
    stream = io.BufferedReader(GzipStream(origin, io.BytesIO(data)), _CHUNK)
    return read_limited(origin, stream, limit, "decompressed data")


def confirm_end(handle: BinaryIO) -> None:
    """Read once more at the end of a stream: a ``GzipStream`` that failed ended its data
    early, and raises its failure now, so the failure is never mistaken for the end."""
    handle.read(1)


def bounded_lines(handle: BinaryIO, limit: int = MAX_DOCUMENT_BYTES) -> Iterator[bytes | None]:
    """The lines of a stream, each at most ``limit`` bytes: a longer line is skipped
    without holding it in memory, and yields ``None`` in its place."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            confirm_end(handle)
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # drop the rest of the line a chunk at a time
                rest = handle.readline(_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        if not line.endswith(b"\n"):
            # The last line, or one cut short by a failing gzip stream: a cut line must
            # not pass for a whole one, so the failure (if any) is raised first.
            confirm_end(handle)
        yield line
