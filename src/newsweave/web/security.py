"""The request guard and security headers, as plain ASGI middleware.

The guard answers before any body is read: 401 for a write without the bearer token,
415 for a body of the wrong type, 413 for a body over the size limit (by its
Content-Length, or counted while it streams in when there is none).
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsweave.web.errors import error_response

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

# No inline scripts or styles, nothing from elsewhere: the UI ships its own files.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
# The standalone HTML brief carries its own <style>; it still may run no script at all.
CSP_STANDALONE = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` when a streamed body passes the limit. An HTTPException, so
    that FastAPI's body parsing lets it through instead of calling it a parse error."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body over the limit of {limit} bytes")
        self.limit = limit


def token_ok(expected: str | None, authorization: str | None) -> bool:
    if not expected:
        return True
    if not authorization:
        return False
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer":
        return False
    return secrets.compare_digest(given.strip().encode(), expected.encode())


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}


class RequestGuard:
    def __init__(
        self,
        app: ASGIApp,
        *,
        token: str | None,
        max_body: int,
        body_types: Mapping[tuple[str, str], tuple[str, ...]],
    ) -> None:
        self.app = app
        self.token = token
        self.max_body = max_body
        self.body_types = body_types  # (method, path) -> accepted media types

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        headers = _headers(scope)
        if method in WRITE_METHODS and not token_ok(self.token, headers.get("authorization")):
            response = error_response(
                401,
                "unauthorized",
                "this server needs 'Authorization: Bearer <token>' for changes",
                {"www-authenticate": "Bearer"},
            )
            await response(scope, receive, send)
            return
        accepted = self.body_types.get((method, scope["path"].rstrip("/")))
        if accepted is not None:
            media = headers.get("content-type", "").split(";")[0].strip().lower()
            if media not in accepted:
                response = error_response(
                    415,
                    "unsupported media type",
                    f"send {' or '.join(accepted)}, not '{media or 'no content type'}'",
                )
                await response(scope, receive, send)
                return
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body:
            response = error_response(
                413, "too large", f"request body of {length} bytes; the limit is {self.max_body}"
            )
            await response(scope, receive, send)
            return
        await self.app(scope, self._counting(receive), send)

    def _counting(self, receive: Receive) -> Receive:
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        return counted


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = list(message.get("headers", []))
                present = {k.decode("latin-1").lower() for k, _ in raw}
                wanted = {"content-security-policy": CSP, **SECURITY_HEADERS}
                for name, value in wanted.items():
                    if name not in present:
                        raw.append((name.encode(), value.encode()))
                message = {**message, "headers": raw}
            await send(message)

        await self.app(scope, receive, send_with_headers)
