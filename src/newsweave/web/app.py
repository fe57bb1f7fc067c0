"""The app factory: the REST API and the web UI in one FastAPI app over one store."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.routing import Match
from starlette.types import Scope

from newsweave import __version__
from newsweave.errors import ConfigError, InputError, NotFoundError, StoreError
from newsweave.store import open_store
from newsweave.store.repository import Store
from newsweave.web.errors import ApiError, error_response, validation_detail
from newsweave.web.routes import router
from newsweave.web.security import RequestGuard, SecurityHeaders
from newsweave.web.service import Limits

STATIC = Path(__file__).resolve().parent / "static"
log = logging.getLogger(__name__)

# Which media types each write endpoint accepts; anything else is a 415.
# (method, path) -> media types its body may have. Keyed by method too: a PUT to a path
# that only takes POST is "method not allowed" (405), not "unsupported media type".
BODY_TYPES = {
    ("POST", "/api/articles"): ("application/json", "multipart/form-data"),
    ("POST", "/api/clusters"): ("application/json",),
}


def create_app(
    store: Store | None = None,
    *,
    db: str | None = None,
    token: str | None = None,
    limits: Limits | None = None,
) -> FastAPI:
    """An app over ``store`` (or the store at ``db``); writes need ``token`` if given."""
    owned = store is None
    the_store = store or open_store(db)
    limits = limits or Limits()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            the_store.close()

    app = FastAPI(
        title="newsweave",
        version=__version__,
        description="Cited briefs from news articles about one event.",
        docs_url=None,  # Swagger UI loads scripts from a CDN: not allowed here
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = the_store
    app.state.token = token or None
    app.state.limits = limits
    _add_error_handlers(app)
    app.include_router(router)
    _add_ui(app)
    app.add_middleware(
        RequestGuard, token=token or None, max_body=limits.request_bytes, body_types=BODY_TYPES
    )
    app.add_middleware(SecurityHeaders)
    if not token:
        _writes_open_in_openapi(app)
    return app


def _writes_open_in_openapi(app: FastAPI) -> None:
    """Without a token no operation needs credentials: say so in the OpenAPI document,
    so that clients (and fuzzers) do not expect a 401."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = generate()
            for operations in spec.get("paths", {}).values():
                for operation in operations.values():
                    operation.pop("security", None)
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


HTTP_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def _allowed_methods(app: FastAPI, scope: Scope) -> list[str]:
    """Every method some route of this path takes; Starlette's 405 names only the first
    matching route's (GET and DELETE of one path are two routes)."""
    allowed = []
    for method in HTTP_METHODS:
        probe = {**scope, "method": method}
        if any(route.matches(probe)[0] == Match.FULL for route in app.router.routes):
            allowed.append(method)
    return allowed


def _add_error_handlers(app: FastAPI) -> None:
    async def api_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return error_response(exc.status, exc.error, exc.detail, exc.headers)

    async def validation(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        if any(e.get("type") == "json_invalid" for e in exc.errors()):
            return error_response(400, "malformed JSON", "the body is not valid JSON")
        return error_response(422, "invalid request", validation_detail(exc.errors()))

    async def http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        name = {400: "bad request", 404: "not found", 405: "method not allowed", 413: "too large"}
        headers = {k.lower(): v for k, v in (exc.headers or {}).items()}
        if exc.status_code == 405:
            headers["allow"] = ", ".join(_allowed_methods(app, request.scope))
        return error_response(
            exc.status_code, name.get(exc.status_code, "error"), exc.detail, headers or None
        )

    async def not_found(_: Request, exc: Exception) -> JSONResponse:
        return error_response(404, "not found", str(exc))

    async def invalid(_: Request, exc: Exception) -> JSONResponse:
        return error_response(422, "invalid input", str(exc))

    async def store_error(_: Request, exc: Exception) -> JSONResponse:
        log.error("store error: %s", exc)
        return error_response(503, "store unavailable", "the database could not be used")

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(RequestValidationError, validation)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(NotFoundError, not_found)
    app.add_exception_handler(ConfigError, invalid)
    app.add_exception_handler(InputError, invalid)

    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        # A bug, never bad input: logged with its traceback, answered in the usual shape.
        log.exception("unexpected error", exc_info=exc)
        return error_response(500, "internal error", "the server failed; see its log")

    app.add_exception_handler(StoreError, store_error)
    app.add_exception_handler(Exception, unexpected)


def _add_ui(app: FastAPI) -> None:
    """The single-page UI: the same HTML for every page, routed by app.js."""
    index = STATIC / "index.html"

    @app.get("/", include_in_schema=False)
    def home() -> FileResponse:
        return FileResponse(index)

    @app.get("/clusters/{rest:path}", include_in_schema=False)
    def cluster_page(rest: str) -> FileResponse:
        return FileResponse(index)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
