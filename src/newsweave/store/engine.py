"""Engines: turn a user's URL or path into a configured SQLAlchemy engine.

SQLite is the zero-set-up default. It runs in WAL mode so readers never block the one
writer, and every write transaction starts with ``BEGIN IMMEDIATE``: a deferred
transaction that reads and then writes can fail at once with "database is locked"
when another writer got there first, whereas an immediate one waits (busy timeout).
"""

from __future__ import annotations

import os
import sqlite3
import time
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from newsweave.errors import ConfigError, MissingExtraError

DEFAULT_FILE = "newsweave.db"
ENV_VAR = "NEWSWEAVE_DB"
WRITE_OPTION = "newsweave_write"
BUSY_TIMEOUT_MS = 30_000
WAL_RETRY_SECONDS = 0.01


def default_url() -> str:
    return os.environ.get(ENV_VAR) or DEFAULT_FILE


def normalize_url(url: str | None) -> str:
    """A plain path means a SQLite file; ``postgresql://`` means psycopg (v3)."""
    url = (url or default_url()).strip()
    if "://" not in url:
        return f"sqlite:///{url}" if url != ":memory:" else "sqlite://"
    scheme, rest = url.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return url


def make_engine(url: str | None) -> Engine:
    full = normalize_url(url)
    try:
        parsed = make_url(full)
    except ArgumentError as exc:
        raise ConfigError(f"invalid database URL '{url}'") from exc
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(full)
    if parsed.get_backend_name() == "postgresql":
        try:
            import psycopg  # noqa: F401
        except ImportError as exc:
            raise MissingExtraError("postgres", "a PostgreSQL store") from exc
        return create_engine(full, pool_pre_ping=True, pool_size=10, max_overflow=20)
    raise ConfigError(
        f"unsupported database '{parsed.get_backend_name()}' (use SQLite or PostgreSQL)"
    )


def _switch_to_wal(cursor: Any) -> None:
    """``PRAGMA journal_mode=WAL``, retried: on a new database that other connections open
    at the same moment, the switch was seen to answer "database is locked" at once instead
    of waiting out the busy timeout (tests/test_store.py, stores opened at once)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(WAL_RETRY_SECONDS)


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below emit BEGIN, so writes can make it IMMEDIATE.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        _switch_to_wal(cursor)
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine
