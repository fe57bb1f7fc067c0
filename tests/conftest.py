"""One global conftest: fixtures named for what they hold."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsweave.model import Cluster
from newsweave.pipeline import load

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
    from newsweave.render._common import brief_title

    return brief_title(make_brief(example_cluster))


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


# --- servers for the store, API and browser tests ------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def running_server(
    db: str, log: Path, token: str | None = None, env_token: str | None = None
) -> Iterator[str]:
    """A real ``newsweave serve`` subprocess on a free loopback port; yields its base URL.
    ``token`` is passed as ``--token``, ``env_token`` as ``$NEWSWEAVE_TOKEN``."""
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
    }
    env.pop("NEWSWEAVE_TOKEN", None)
    if env_token:
        env["NEWSWEAVE_TOKEN"] = env_token
    cmd = [sys.executable, "-m", "newsweave", "serve", "--port", str(port), "--db", db]
    if token:
        cmd += ["--token", token]
    with open(log, "ab") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"newsweave serve exited early:\n{log.read_text()}")
            try:
                with urllib.request.urlopen(base + "/api/clusters", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"newsweave serve did not start:\n{log.read_text()}"
                    ) from None
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _pg_bindir() -> str | None:
    initdb = shutil.which("initdb")
    if initdb:
        return str(Path(initdb).parent)
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return str(Path(found[-1]).parent) if found else None


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL server on a free loopback port; yields the admin URL base
    (``postgresql://postgres@127.0.0.1:PORT``). initdb refuses to run as root, so as root
    it runs as the ``postgres`` user in a temp dir that user owns."""
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip(
            "PostgreSQL server binaries (initdb, pg_ctl) are not installed; "
            "scripts/test.sh installs Debian's postgresql package"
        )
    as_user: list[str] = []
    workdir = tempfile.mkdtemp(prefix="newsweave-pg-")
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(workdir, "postgres", "postgres")
    data, port = f"{workdir}/data", free_port()
    run = {"check": True, "capture_output": True, "cwd": workdir}
    subprocess.run(
        [
            *as_user,
            f"{bindir}/initdb",
            "-D",
            data,
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
        ],
        **run,
    )
    options = f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [
            *as_user,
            f"{bindir}/pg_ctl",
            "-D",
            data,
            "-l",
            f"{workdir}/log",
            "-w",
            "-o",
            options,
            "start",
        ],
        **run,
    )
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*as_user, f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"],
            capture_output=True,
            cwd=workdir,
        )
        shutil.rmtree(workdir, ignore_errors=True)


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
