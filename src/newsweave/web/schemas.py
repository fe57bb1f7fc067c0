"""Pydantic models of the REST API: the request and response bodies, and nothing else.

These exist only at the API boundary; inside, everything is ``newsweave.model``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from newsweave.dates import to_date

# Ids are 32-bit: PostgreSQL's INTEGER, and far below SQLite's 64-bit limit.
MAX_ID = 2**31 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
# A hard ceiling on list lengths, far above the configurable per-cluster limit (a 413):
# without it, a few megabytes of invalid items make one validation error each, and the
# error response grows to hundreds of megabytes. With it, validation stops at the first
# item too many.
MAX_ITEMS = 10_000
# A date, or a datetime ("2017-06-01T10:00:00", the format our JSON Lines use): its day.
DateIn = Annotated[dt.date | None, BeforeValidator(to_date)]


class ErrorOut(BaseModel):
    """Every error the API returns."""

    error: str = Field(description="short name of the problem")
    detail: Any = Field(description="what exactly was wrong (text, or a list of items)")


class ArticleIn(BaseModel):
    """One article given inline: plain ``text`` or a web page's ``html``; a ``title``
    alone is a headline-only article (its headline becomes its text)."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="the article as plain text")
    html: str | None = Field(None, description="the article as an HTML page")
    title: str = Field("", max_length=1000)
    source: str = Field("", max_length=200, description="outlet name")
    url: str = Field("", max_length=2000)
    published: DateIn = None

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        given = [x for x in (self.text, self.html) if x is not None]
        if len(given) > 1:
            raise ValueError("give exactly one of 'text' or 'html'")
        if not self.title.strip() and not (given and given[0].strip()):
            if not given:
                raise ValueError("give one of 'text' or 'html', or a 'title'")
            raise ValueError("the article is empty")
        return self


class ProblemOut(BaseModel):
    where: str
    reason: str
    skipped: bool


class ArticleOut(BaseModel):
    id: int
    key: str = Field(description="content hash the brief's article ids refer to")
    title: str
    source: str
    url: str
    published: dt.date | None
    origin: str
    chars: int
    language: str = Field("", description="ISO 639-1 code detected when cleaned; '' if unknown")
    created: dt.datetime


class RemovedLineOut(BaseModel):
    text: str
    reason: str


class ArticleDetail(ArticleOut):
    text: str
    byline: str
    removed: list[RemovedLineOut]


class ArticlesCreated(BaseModel):
    articles: list[ArticleOut]
    rejected: list[ProblemOut] = Field(description="inputs that were skipped, and why")


class ClusterIn(BaseModel):
    """A cluster to summarize: stored article ids and/or inline articles."""

    model_config = ConfigDict(extra="forbid")

    article_ids: list[Id] = Field(default_factory=list, max_length=MAX_ITEMS)
    articles: list[ArticleIn] = Field(default_factory=list, max_length=MAX_ITEMS)
    words: Annotated[int, Field(ge=1, le=5000)] | None = 100
    sentences: Annotated[int, Field(ge=1, le=500)] | None = None
    summarizer: str = Field("default", min_length=1, max_length=64)
    analyze: bool = Field(True, description="add quotes, disagreements, timeline, people")
    reference_date: DateIn = Field(
        None, description="date that relative dates ('on Tuesday') count from"
    )


class Links(BaseModel):
    page: str
    brief_json: str
    brief_markdown: str
    brief_html: str


class ClusterOut(BaseModel):
    id: int
    key: str
    title: str
    article_count: int
    summarizer: str
    created: dt.datetime
    links: Links


class ClusterDetail(ClusterOut):
    article_ids: list[int]
    rejected: list[ProblemOut]
    warnings: list[str] = Field(
        default_factory=list,
        description="caveats of the brief, e.g. articles that look like different events",
    )
    brief: dict[str, Any] = Field(description="the Brief, as `newsweave summarize --format json`")


class ClusterList(BaseModel):
    clusters: list[ClusterOut]
    total: int = Field(description="clusters stored (those that match q, if given)")
    limit: int
    offset: int
