"""What the API does, as plain functions over the Python API and the store.

Routes parse HTTP and call these; these call ingest, clean, ``make_brief`` and the
repository, exactly as the CLI does. Bad input raises ``ApiError`` with a 4xx status.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newsweave.config import Settings
from newsweave.errors import (
    ConfigError,
    DecompressionBombError,
    InputError,
    MalformedRecordError,
)
from newsweave.ingest import read_bytes
from newsweave.ingest.limits import gunzip
from newsweave.ingest.sniff import HTML
from newsweave.model import Article, Cluster, Problem, RawDocument, replace
from newsweave.pipeline import clean_articles, cluster_id, make_brief
from newsweave.store.repository import ClusterRecord, Store, StoredArticle
from newsweave.summarize import get_summarizer
from newsweave.web.errors import ApiError
from newsweave.web.schemas import ArticleIn, ClusterIn


@dataclass(frozen=True, slots=True)
class Limits:
    """Size limits; anything over them is refused with 413."""

    request_bytes: int = 8 * 1024 * 1024
    article_chars: int = 300_000
    articles_per_cluster: int = 100
    unzipped_bytes: int = 64 * 1024 * 1024  # a gzip upload, decompressed


@dataclass
class Ingested:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def too_large(detail: str) -> ApiError:
    return ApiError(413, "too large", detail)


def _check_sizes(docs: Sequence[RawDocument], limits: Limits) -> None:
    for doc in docs:
        if len(doc.text) > limits.article_chars:
            raise too_large(
                f"{doc.origin}: article of {len(doc.text)} characters; "
                f"the limit is {limits.article_chars}"
            )


def _clean(items: Iterable[RawDocument | Problem], limits: Limits) -> Ingested:
    """The request's documents through the pipeline's clean step (one request, one run)."""
    pending = list(items)
    docs = [item for item in pending if isinstance(item, RawDocument)]
    if len(docs) > limits.articles_per_cluster:
        raise too_large(
            f"{len(docs)} articles in one request; the limit is {limits.articles_per_cluster}"
        )
    _check_sizes(docs, limits)
    articles, problems = clean_articles(pending)
    return Ingested(articles, problems)


def read_uploads(files: Sequence[tuple[str, bytes]], limits: Limits) -> Ingested:
    """Uploaded files, read by the same readers as ``newsweave summarize``."""
    if len(files) > limits.articles_per_cluster:
        raise too_large(
            f"{len(files)} files in one request; the limit is {limits.articles_per_cluster}"
        )
    items: list[RawDocument | Problem] = []
    for name, data in files:
        items.extend(read_bytes(name, _gunzip_bounded(name, data, limits.unzipped_bytes)))
    return _clean(items, limits)


def _gunzip_bounded(name: str, data: bytes, limit: int) -> bytes:
    """Decompress a gzip upload here, within the size bound of a request's upload and the
    expansion bound of every gzip input (``ingest.limits``), so that a small "zip bomb"
    cannot exhaust memory in the reader: a bomb or an upload over the bound is a 413.
    Corrupt data is passed on for the reader to report, like a corrupt file on disk."""
    try:
        return gunzip(name, data, limit)
    except DecompressionBombError as exc:
        raise too_large(str(exc)) from None
    except MalformedRecordError:
        return data
    except InputError as exc:  # over the size bound
        raise too_large(str(exc)) from None


def _raw(item: ArticleIn, origin: str) -> list[RawDocument | Problem]:
    if item.html is not None and item.html.strip():
        out: list[RawDocument | Problem] = []
        for doc in read_bytes(origin, item.html.encode("utf-8"), HTML):
            if isinstance(doc, RawDocument):
                doc = replace(
                    doc,
                    title=item.title or doc.title,
                    source=item.source or doc.source,
                    url=item.url or doc.url,
                    published=item.published or doc.published,
                )
            out.append(doc)
        return out
    text = item.text or ""
    lines = [line for line in text.splitlines() if line.strip()]
    return [
        RawDocument(
            origin=origin,
            text=text,
            title=item.title,
            source=item.source,
            url=item.url,
            published=item.published,
            # Like a text file, a pasted text's first line is its headline, unless a title
            # was given or the text is a single paragraph.
            title_in_text=not item.title and len(lines) > 1,
        )
    ]


def read_inline(items: Sequence[ArticleIn], limits: Limits, prefix: str = "pasted") -> Ingested:
    """Articles given in a JSON body; each gets the origin ``pasted-N`` (or its URL)."""
    raws: list[RawDocument | Problem] = []
    for n, item in enumerate(items, 1):
        raws.extend(_raw(item, item.url or f"{prefix}-{n}"))
    return _clean(raws, limits)


def store_articles(store: Store, ingested: Ingested) -> list[StoredArticle]:
    ids = store.add_articles(ingested.articles, ingested.problems)
    return store.get_articles(ids)


def create_cluster(store: Store, body: ClusterIn, limits: Limits) -> ClusterRecord:
    """Summarize stored and inline articles into a brief, stored as a new cluster."""
    wanted = list(dict.fromkeys(body.article_ids))
    if not wanted and not body.articles:
        raise ApiError(422, "no articles", "give 'article_ids' and/or 'articles'")
    if len(wanted) + len(body.articles) > limits.articles_per_cluster:
        raise too_large(
            f"{len(wanted) + len(body.articles)} articles in one cluster; "
            f"the limit is {limits.articles_per_cluster}"
        )
    try:  # settings are checked before any work is done
        settings = Settings(
            words=body.words,
            sentences=body.sentences,
            summarizer=body.summarizer,
            analyze=body.analyze,
            reference_date=body.reference_date,
        )
        get_summarizer(body.summarizer)
    except ConfigError as exc:
        raise ApiError(422, "invalid settings", str(exc)) from exc

    stored = store.get_articles(wanted)
    missing = sorted(set(wanted) - {s.id for s in stored})
    if missing:
        raise ApiError(422, "unknown articles", f"no stored article with id {missing}")
    inline = read_inline(body.articles, limits)

    # The same text given twice is one article, not two sources agreeing.
    known: dict[str, int] = {}  # Article.id -> store id, for articles already stored
    articles: dict[str, Article] = {}
    for item in stored:
        known.setdefault(item.article.id, item.id)
        articles.setdefault(item.article.id, item.article)
    for article in inline.articles:
        articles.setdefault(article.id, article)
    if not articles:
        raise ApiError(
            422,
            "no usable articles",
            [{"where": p.where, "reason": p.reason} for p in inline.problems],
        )
    members = tuple(articles.values())
    cluster = Cluster(cluster_id(members), members)
    brief = make_brief(cluster, settings)
    return store.save_brief(brief, known, inline.problems)
