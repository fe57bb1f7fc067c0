"""``newsweave serve``: the web UI and REST API over a store."""

from __future__ import annotations

import argparse
import os

from newsweave.cli import _output
from newsweave.errors import MissingExtraError

TOKEN_ENV = "NEWSWEAVE_TOKEN"


def port_number(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, got '{value}'") from None
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"port must be 0-65535, got {number}")
    return number


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "serve",
        help="run the web app and REST API",
        description="Serve the web UI and the REST API (OpenAPI at /openapi.json) over a "
        "store. Binds to 127.0.0.1 unless told otherwise.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=port_number, default=8000, help="port (default 8000)")
    parser.add_argument(
        "--db",
        help="database: a SQLite file path or a postgresql:// URL "
        "(default $NEWSWEAVE_DB or ./newsweave.db)",
    )
    parser.add_argument(
        "--token",
        help=f"bearer token every write must carry (default ${TOKEN_ENV}; none: writes are open)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from newsweave.web import create_app
    except ImportError as exc:
        raise MissingExtraError("web", "newsweave serve") from exc
    token = args.token or os.environ.get(TOKEN_ENV) or None
    app = create_app(db=args.db, token=token)
    store = app.state.store
    _output.stderr.print(
        f"newsweave serving on http://{args.host}:{args.port} "
        f"(store: {store.url}{', token required for writes' if token else ''})",
        highlight=False,
    )
    if args.host not in ("127.0.0.1", "localhost", "::1") and not token:
        _output.warn("listening beyond this machine without --token: anyone can write")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
