"""The REST API routes: parse HTTP, call ``service``/the store, shape the response."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Security
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.responses import Response

from newsweave.model import Problem
from newsweave.render import render
from newsweave.store.repository import ClusterRecord, ClusterSummary, Store, StoredArticle
from newsweave.store.search import MAX_QUERY_CHARS
from newsweave.web import service
from newsweave.web.errors import ApiError, validation_detail
from newsweave.web.schemas import (
    MAX_ID,
    ArticleDetail,
    ArticleIn,
    ArticleOut,
    ArticlesCreated,
    ClusterDetail,
    ClusterIn,
    ClusterList,
    ClusterOut,
    ErrorOut,
    Links,
    ProblemOut,
    RemovedLineOut,
)
from newsweave.web.security import CSP_STANDALONE, token_ok

router = APIRouter(prefix="/api", tags=["api"])
bearer = HTTPBearer(
    auto_error=False, description="needed for writes when the server was started with a token"
)

_DESCRIPTIONS = {
    400: "malformed request (JSON or multipart that does not parse)",
    401: "missing or wrong bearer token (only when the server has one)",
    404: "no such object",
    413: "over a size limit (request, article or articles per cluster)",
    415: "unsupported content type",
    422: "the request parsed but is invalid",
    503: "the database cannot be reached",
}


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """Documented error statuses; every route uses the store, so every one may say 503."""
    return {c: {"model": ErrorOut, "description": _DESCRIPTIONS[c]} for c in (*codes, 503)}


WRITE_ERRORS = _errors(400, 401, 413, 415, 422)
PathId = Annotated[int, Path(ge=1, le=MAX_ID, description="numeric id")]


def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)],
) -> None:
    """Writes need the token when one is set (the guard middleware checks it first)."""
    header = f"Bearer {credentials.credentials}" if credentials else None
    if not token_ok(request.app.state.token, header):
        raise ApiError(401, "unauthorized", "bearer token required", {"www-authenticate": "Bearer"})


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _limits(request: Request) -> service.Limits:
    limits: service.Limits = request.app.state.limits
    return limits


def _problem(p: Problem) -> ProblemOut:
    return ProblemOut(where=p.where, reason=p.reason, skipped=p.skipped)


def _article_out(item: StoredArticle) -> ArticleOut:
    a = item.article
    return ArticleOut(
        id=item.id,
        key=a.id,
        title=a.title,
        source=a.source,
        url=a.url,
        published=a.published,
        origin=a.origin,
        chars=len(a.text),
        language=a.language,
        created=item.created,
    )


def _cluster_out(s: ClusterSummary) -> ClusterOut:
    base = f"/api/clusters/{s.id}/brief?format="
    return ClusterOut(
        id=s.id,
        key=s.key,
        title=s.title,
        article_count=s.article_count,
        summarizer=s.summarizer,
        created=s.created,
        links=Links(
            page=f"/clusters/{s.id}",
            brief_json=base + "json",
            brief_markdown=base + "markdown",
            brief_html=base + "html",
        ),
    )


def _cluster_detail(record: ClusterRecord) -> ClusterDetail:
    return ClusterDetail(
        **_cluster_out(record.summary).model_dump(),
        article_ids=list(record.article_ids),
        rejected=[_problem(p) for p in record.rejections],
        warnings=list(record.brief.warnings),
        brief=record.brief.to_dict(),
    )


_ARTICLE_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/ArticleIn"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            "description": "one or more files: text, HTML, JSON or JSONL",
                        }
                    },
                    "required": ["file"],
                }
            },
        },
    }
}


@router.post(
    "/articles",
    status_code=201,
    response_model=ArticlesCreated,
    responses=WRITE_ERRORS,
    openapi_extra=_ARTICLE_BODY,
    dependencies=[Security(require_token)],
    summary="Store articles: one as JSON, or uploaded files",
)
async def create_articles(request: Request) -> ArticlesCreated:
    store, limits = _store(request), _limits(request)
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "multipart/form-data":
        try:
            form = await request.form(max_files=limits.articles_per_cluster)
        except HTTPException as exc:
            if "Too many files" in str(exc.detail):
                raise service.too_large(
                    f"more than {limits.articles_per_cluster} files in one request"
                ) from exc
            raise
        try:
            uploads = [v for _, v in form.multi_items() if isinstance(v, UploadFile)]
            if not uploads:
                raise ApiError(422, "no file", "send the files in the multipart field 'file'")
            files = [(u.filename or f"upload-{i}", await u.read()) for i, u in enumerate(uploads)]
        finally:
            await form.close()
        ingested = await run_in_threadpool(service.read_uploads, files, limits)
    else:
        body = await request.body()
        try:
            item = ArticleIn.model_validate_json(body)
        except ValidationError as exc:
            if any(e["type"] == "json_invalid" for e in exc.errors()):
                raise ApiError(400, "malformed JSON", "the body is not valid JSON") from exc
            raise ApiError(422, "invalid request", validation_detail(exc.errors())) from exc
        ingested = await run_in_threadpool(service.read_inline, [item], limits)
    if not ingested.articles:
        raise ApiError(
            422,
            "no usable articles",
            [{"where": p.where, "reason": p.reason} for p in ingested.problems],
        )
    stored = await run_in_threadpool(service.store_articles, store, ingested)
    return ArticlesCreated(
        articles=[_article_out(s) for s in stored],
        rejected=[_problem(p) for p in ingested.problems],
    )


@router.get(
    "/articles/{article_id}",
    response_model=ArticleDetail,
    responses=_errors(404, 422),
    summary="One stored article with its cleaned text",
)
def get_article(request: Request, article_id: PathId) -> ArticleDetail:
    item = _store(request).get_article(article_id)
    return ArticleDetail(
        **_article_out(item).model_dump(),
        text=item.article.text,
        byline=item.article.byline,
        removed=[RemovedLineOut(text=r.text, reason=r.reason) for r in item.article.removed],
    )


@router.post(
    "/clusters",
    status_code=201,
    response_model=ClusterDetail,
    responses=WRITE_ERRORS,
    dependencies=[Security(require_token)],
    summary="Make a brief from stored and/or inline articles, stored as a cluster",
)
def create_cluster(request: Request, body: ClusterIn) -> ClusterDetail:
    record = service.create_cluster(_store(request), body, _limits(request))
    return _cluster_detail(record)


@router.get(
    "/clusters",
    response_model=ClusterList,
    responses=_errors(422),
    summary="Stored clusters, newest first; with q, those that match every word of it",
)
def list_clusters(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
    q: Annotated[
        str | None,
        Query(
            max_length=MAX_QUERY_CHARS,
            description=(
                "words that must all occur, each anywhere as written (case and accents"
                " ignored, no wildcards: every character matches itself), in the brief's"
                " title, headline, summary, article titles, outlets, people or speakers"
            ),
        ),
    ] = None,
) -> ClusterList:
    store = _store(request)
    return ClusterList(
        clusters=[_cluster_out(s) for s in store.list_clusters(limit, offset, q)],
        total=store.count_clusters(q),
        limit=limit,
        offset=offset,
    )


@router.get(
    "/clusters/{cluster_id}",
    response_model=ClusterDetail,
    responses=_errors(404, 422),
    summary="One cluster with its brief",
)
def get_cluster(request: Request, cluster_id: PathId) -> ClusterDetail:
    return _cluster_detail(_store(request).get_cluster(cluster_id))


_MEDIA = {
    "json": ("application/json", "json"),
    "markdown": ("text/markdown; charset=utf-8", "md"),
    "html": ("text/html; charset=utf-8", "html"),
}


@router.get(
    "/clusters/{cluster_id}/brief",
    response_class=Response,
    responses={
        200: {
            "description": "the brief, rendered",
            "content": {
                "application/json": {"schema": {"type": "object"}},
                "text/markdown": {"schema": {"type": "string"}},
                "text/html": {"schema": {"type": "string"}},
            },
        },
        **_errors(404, 422),
    },
    summary="A cluster's brief as JSON, Markdown or HTML",
)
def get_brief(
    request: Request,
    cluster_id: PathId,
    format: Literal["json", "markdown", "html"] = "json",
    download: Annotated[bool, Query(description="send as a file to save")] = False,
) -> Response:
    record = _store(request).get_cluster(cluster_id)
    media, ext = _MEDIA[format]
    headers = {}
    if format == "html":
        headers["content-security-policy"] = CSP_STANDALONE
    if download:
        headers["content-disposition"] = f'attachment; filename="brief-{cluster_id}.{ext}"'
    return Response(render([record.brief], format), media_type=media, headers=headers)


@router.delete(
    "/clusters/{cluster_id}",
    status_code=204,
    response_class=Response,
    responses=_errors(401, 404, 422),
    dependencies=[Security(require_token)],
    summary="Delete a cluster and its brief (its articles stay stored)",
)
def delete_cluster(request: Request, cluster_id: PathId) -> Response:
    _store(request).delete_cluster(cluster_id)
    return Response(status_code=204)
