"""One exception hierarchy. Every error newsweave raises derives from ``NewsweaveError``;
input errors name the file (and line) and the problem so the CLI and the API can report
them as they are."""

from __future__ import annotations

import re

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffd]+")


def excerpt(detail: object, limit: int = 120) -> str:
    """A third party's error message made fit for one line of a report: control and
    undecodable characters (a parser quoting the binary it choked on) become a space,
    and the whole is cut to ``limit`` characters."""
    text = " ".join(_UNPRINTABLE.sub(" ", str(detail)).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class NewsweaveError(Exception):
    """Base of every error newsweave raises on purpose."""


class InputError(NewsweaveError):
    """A file, line or record that cannot be used as an article."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        super().__init__(self.message)

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    @property
    def message(self) -> str:
        return f"{self.where}: {self.reason}"


class UnsupportedFormatError(InputError):
    """The file type is not one newsweave reads."""


class BinaryContentError(InputError):
    """The file holds binary data, not text."""


class EmptyArticleError(InputError):
    """The article has no text once cleaned."""


class MalformedRecordError(InputError):
    """A JSON line or archive record that does not parse."""


class DecompressionBombError(MalformedRecordError):
    """Gzip data that expands far more than real text does: refused, never inflated."""


class NoInputError(NewsweaveError):
    """Nothing usable was given."""


class ConfigError(NewsweaveError):
    """An invalid option or setting."""


class StoreError(NewsweaveError):
    """The store could not save or load something."""


class NotFoundError(NewsweaveError):
    """A requested object does not exist."""


class MissingExtraError(NewsweaveError):
    """An optional dependency is not installed."""

    def __init__(self, extra: str, feature: str) -> None:
        self.extra = extra
        self.feature = feature
        super().__init__(
            f"{feature} needs the optional '{extra}' dependencies: pip install 'newsweave[{extra}]'"
        )
