"""The data model: every object that crosses a stage boundary, and nothing else.

All classes are frozen, slotted dataclasses with ``to_dict``/``from_dict`` so that a
Brief survives JSON, the store and Dask's pickling unchanged. Dates are ``datetime.date``
in Python and ISO strings in JSON.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import types
import typing
from dataclasses import dataclass
from typing import Any, ClassVar, Self, TypeVar, Union

T = TypeVar("T")


class _Serializable:
    """Mixin: generic, type-driven conversion to and from plain JSON data."""

    __slots__ = ()
    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _dump(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        hints = _hints(cls)
        kwargs: dict[str, Any] = {}
        for field in dataclasses.fields(cls):
            if field.name in data:
                kwargs[field.name] = _load(hints[field.name], data[field.name])
        return cls(**kwargs)


_HINT_CACHE: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINT_CACHE:
        _HINT_CACHE[cls] = typing.get_type_hints(cls)
    return _HINT_CACHE[cls]


def _dump(value: Any) -> Any:
    if isinstance(value, _Serializable):
        return value.to_dict()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _dump(v) for k, v in value.items()}
    return value


def _load(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin is Union or origin is types.UnionType:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return _load(args[0], value) if len(args) == 1 else value
    if origin is tuple:
        (item,) = typing.get_args(hint)[:1]
        return tuple(_load(item, v) for v in value)
    if origin is dict:
        _, val_hint = typing.get_args(hint)
        return {k: _load(val_hint, v) for k, v in value.items()}
    if isinstance(hint, type) and issubclass(hint, _Serializable):
        return hint.from_dict(value)
    if hint is dt.date and isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return value


@dataclass(frozen=True, slots=True)
class RemovedLine(_Serializable):
    """A line the cleaner dropped, kept so ``--explain`` can show what was removed and why."""

    text: str
    reason: str


def article_id(origin: str, text: str) -> str:
    """A stable id: the same file with the same text always gets the same id."""
    digest = hashlib.sha1(f"{origin}\x00{text}".encode(), usedforsecurity=False)
    return digest.hexdigest()[:16]


def _set_date(obj: Any, name: str = "published") -> None:
    """Frozen dataclasses accept a datetime or a date string wherever a date is stored:
    the day is kept (``dates.to_date``), so JSON and the store see one format."""
    value = getattr(obj, name)
    if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
        from newsweave.dates import to_date

        object.__setattr__(obj, name, to_date(value))


@dataclass(frozen=True, slots=True)
class RawDocument(_Serializable):
    """An article as read from its file or record, before cleaning."""

    origin: str  # path, or path:line for records of a dataset or archive
    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    published: dt.date | None = None
    byline: str = ""
    group: str | None = None  # cluster id given by the input (a dataset line), if any
    reference: str | None = None  # the group's human summary, if the dataset has one
    title_in_text: bool = False  # plain-text files: the first surviving line is the title
    also_published_by: tuple[str, ...] = ()  # read back from a clusters file (see Article)
    copies: tuple[str, ...] = ()  # read back from a clusters file (see Article)
    # The event a labelled stream says a loose article belongs to: an answer for scoring
    # (eval-clusters), never a grouping the clusterer is given.
    label: str | None = None

    def __post_init__(self) -> None:
        _set_date(self)


@dataclass(frozen=True, slots=True)
class Problem(_Serializable):
    """An input that was skipped (``skipped=True``) or used with a caveat."""

    where: str
    reason: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Article(_Serializable):
    """One cleaned news article. ``text`` is the cleaned body all offsets point into.

    Made by the clean step (``newsweave.load``, ``newsweave.clean_articles``); built by hand,
    ``Article(text=...)`` gets the id ``article_id(origin, text)`` like a cleaned one."""

    id: str = ""
    text: str = ""
    title: str = ""
    source: str = ""  # outlet or site name
    url: str = ""
    published: dt.date | None = None
    byline: str = ""
    origin: str = ""  # file path (and line) it was read from
    removed: tuple[RemovedLine, ...] = ()
    also_published_by: tuple[str, ...] = ()  # outlets of syndicated copies folded into this one
    language: str = ""  # ISO 639-1 code detected by the clean step; "" when unknown
    # Where each folded copy was read (path:line, URL): no input article leaves the output
    # without a trace, and a copy's own record can be found again.
    copies: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", article_id(self.origin, self.text))
        _set_date(self)


@dataclass(frozen=True, slots=True)
class Sentence(_Serializable):
    """A sentence of an article; ``article.text[start:end] == text``."""

    article_id: str
    index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Cluster(_Serializable):
    """Articles about one event, plus a human reference summary when a dataset has one."""

    id: str
    articles: tuple[Article, ...]
    reference: str | None = None


@dataclass(frozen=True, slots=True)
class SummarySentence(_Serializable):
    """A summary sentence, traceable to the span it was taken from and to every article
    that reports the same fact."""

    text: str
    article_id: str
    start: int
    end: int
    support: tuple[str, ...] = ()  # ids of all articles reporting it, the source included
    # The same articles as numbers of the brief's sources list ([1], [2]...), in the order of
    # ``support``: what a reader sees as markers.
    sources: tuple[int, ...] = ()
    independent_sources: int = 1  # outlets behind ``support``, syndicated copies counted once
    score: float = 0.0
    explain: dict[str, Any] = dataclasses.field(default_factory=dict)
    # When the sentence was compressed: the kept character spans of the article text, in
    # order. ``text`` is exactly ``"".join(article.text[s:e] for s, e in kept)`` except that
    # its first letter may be upper-cased (the one allowed normalisation). Empty when the
    # whole sentence ``article.text[start:end]`` was kept.
    kept: tuple[tuple[int, int], ...] = ()
    # Where each article of ``support`` reports the fact: the character span of its
    # sentence that matched, in the same order as ``support`` (the source's own first).
    support_spans: tuple[tuple[int, int], ...] = ()

    @property
    def single_source(self) -> bool:
        return self.independent_sources <= 1


@dataclass(frozen=True, slots=True)
class Source(_Serializable):
    """A numbered entry of a brief's sources list."""

    number: int
    article_id: str
    title: str
    source: str = ""
    url: str = ""
    published: dt.date | None = None
    origin: str = ""


@dataclass(frozen=True, slots=True)
class Quote(_Serializable):
    text: str
    speaker: str = ""
    role: str = ""
    sources: tuple[str, ...] = ()  # article ids
    variants: tuple[str, ...] = ()
    speaker_kind: str = ""  # person | organisation | nominal ("a police spokesman")


@dataclass(frozen=True, slots=True)
class ClaimValue(_Serializable):
    value: float
    unit: str
    text: str  # the quantity as written, e.g. "about 75%"
    qualifier: str = ""  # about / more than / nearly ...
    sentence: str = ""
    article_id: str = ""
    sources: tuple[str, ...] = ()
    low: float | None = None  # the range the wording allows; None = unbounded
    high: float | None = None
    reading: int = 0  # in a disagreement: which of the conflicting readings (1, 2, ...)


@dataclass(frozen=True, slots=True)
class Claim(_Serializable):
    subject: str
    values: tuple[ClaimValue, ...]
    sources: tuple[str, ...] = ()
    conflicting: bool = False


@dataclass(frozen=True, slots=True)
class TimelineEntry(_Serializable):
    date: dt.date
    text: str
    expression: str = ""  # the date as written ("on Tuesday")
    sources: tuple[str, ...] = ()
    assumed_reference: bool = False
    precision: str = "day"  # day | month
    article_id: str = ""  # the article the sentence was taken from


@dataclass(frozen=True, slots=True)
class Person(_Serializable):
    name: str
    kind: str = "person"  # person | organisation
    roles: tuple[str, ...] = ()
    mentions: int = 0  # articles that mention them
    quoted_by: tuple[str, ...] = ()  # article ids that quote them


@dataclass(frozen=True, slots=True)
class Brief(_Serializable):
    """Everything newsweave says about one cluster."""

    cluster_id: str
    summary: tuple[SummarySentence, ...]
    sources: tuple[Source, ...]
    summarizer: str = ""
    budget_words: int | None = None
    headline: str = ""
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    disagreements: tuple[Claim, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    people: tuple[Person, ...] = ()
    articles: tuple[Article, ...] = ()  # cleaned texts the offsets point into
    warnings: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """What the brief is called: its headline, else the title of the article its first
        sentence comes from, else the first source's title."""
        if self.headline:
            return self.headline
        if self.summary:
            first = self.summary[0].article_id
            for src in self.sources:
                if src.article_id == first and src.title:
                    return src.title
        return self.sources[0].title if self.sources else self.cluster_id

    def to_markdown(self, explain: bool = False) -> str:
        from newsweave.render import render

        return render([self], "markdown", explain=explain)

    def to_html(self, explain: bool = False) -> str:
        from newsweave.render import render

        return render([self], "html", explain=explain)

    def to_json(self) -> str:
        from newsweave.render import render

        return render([self], "json")

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def source_number(self, article_id: str) -> int:
        for src in self.sources:
            if src.article_id == article_id:
                return src.number
        raise KeyError(article_id)


@dataclass(frozen=True, slots=True)
class DigestEvent(_Serializable):
    """One event of a digest: its brief (with a headline-length summary) and its rank."""

    cluster_id: str
    brief: Brief
    day: dt.date | None = None  # first reported
    last_day: dt.date | None = None  # last reported
    score: float = 0.0
    independent_sources: int = 0  # outlets, syndicated copies counted once
    articles: int = 0
    copies: int = 0  # syndicated copies folded into the articles


def replace(obj: T, **changes: Any) -> T:
    """``dataclasses.replace`` with a name that reads well at call sites."""
    return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
