"""One global conftest: fixtures named for what they hold."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsweave.model import Cluster
from newsweave.pipeline import load
from servers import postgres_bindir, throwaway_postgres

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_DIR = ROOT / "examples" / "aleppo-2016-12"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def example_dir() -> Path:
    return EXAMPLE_DIR


@pytest.fixture(scope="session")
def example_cluster() -> Cluster:
    loaded = load([str(EXAMPLE_DIR)])
    assert not loaded.problems
    (cluster,) = loaded.clusters
    return cluster


@pytest.fixture(scope="session")
def example_title(example_cluster: Cluster) -> str:
    """The title the renderers give the example brief (it depends on the summary)."""
    from newsweave.pipeline import make_brief

    return make_brief(example_cluster).title


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


# --- servers for the store, API and browser tests ------------------------------------------


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL server for the session; yields the admin URL base."""
    if postgres_bindir() is None:
        pytest.skip(
            "PostgreSQL server binaries (initdb, pg_ctl) are not installed; "
            "scripts/test.sh installs Debian's postgresql package"
        )
    with throwaway_postgres() as url:
        yield url


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty schema on the session's PostgreSQL server (a schema, not a whole
    database: creating and dropping one costs milliseconds, a database ~8 MB of files)."""
    import psycopg

    name = f"t_{os.getpid()}_{time.monotonic_ns()}"
    admin = postgres_server + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')
    yield f"{admin}?options=-csearch_path%3D{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{name}" CASCADE')


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty store, once with SQLite and once with a real PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, object]) -> dict[str, object]:
    """pytest-playwright with Debian's Chromium (``playwright install`` cannot download)."""
    exe = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(exe).exists():
        pytest.skip("Chromium is not installed; scripts/test.sh installs Debian's chromium")
    return {**browser_type_launch_args, "executable_path": exe, "args": ["--no-sandbox"]}


@pytest.fixture(scope="session")
def slice_clusters() -> list[Cluster]:
    """Real clusters: a few lines of the Multi-News and WCEP dev sets (references removed)."""
    loaded = load([str(DATA / "summarize")])
    assert not loaded.problems
    return loaded.clusters
