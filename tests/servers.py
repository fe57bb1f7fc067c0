"""Real servers for tests and benchmarks: a ``newsweave serve`` subprocess and a throwaway
PostgreSQL server, both on free loopback ports.

Shared by the test suite and ``benchmarks/`` so that both start servers the same way; also
usable by anyone testing a tool against newsweave's REST API.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsweave.errors import NewsweaveError

_SRC = Path(__file__).resolve().parent.parent  # the folder that holds the package


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve_process(
    db: str, log: Path, token: str | None = None, env_token: str | None = None
) -> Iterator[str]:
    """A real ``newsweave serve`` subprocess on a free loopback port; yields its base URL.
    ``token`` is passed as ``--token``, ``env_token`` as ``$NEWSWEAVE_TOKEN``."""
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(_SRC), os.environ.get("PYTHONPATH", "")]),
    }
    env.pop("NEWSWEAVE_TOKEN", None)
    if env_token:
        env["NEWSWEAVE_TOKEN"] = env_token
    cmd = [sys.executable, "-m", "newsweave", "serve", "--port", str(port), "--db", db]
    if token:
        cmd += ["--token", token]
    with log.open("ab") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise NewsweaveError(f"newsweave serve exited early:\n{log.read_text()}")
            try:
                with urllib.request.urlopen(base + "/api/clusters", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise NewsweaveError(
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


def postgres_bindir() -> str | None:
    """Where initdb and pg_ctl live (Debian keeps them off PATH), or None if absent."""
    initdb = shutil.which("initdb")
    if initdb:
        return str(Path(initdb).parent)
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return str(found[-1].parent) if found else None


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """initdb + pg_ctl in a temp dir; yields ``postgresql://postgres@127.0.0.1:PORT``.

    initdb refuses to run as root, so as root it runs as the ``postgres`` user in a temp
    dir that user owns. fsync is off: the data is thrown away.
    """
    bindir = postgres_bindir()
    if bindir is None:
        raise NewsweaveError("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    workdir = tempfile.mkdtemp(prefix="newsweave-pg-")
    as_user: list[str] = []
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(workdir, "postgres", "postgres")
    data, port = f"{workdir}/data", free_port()
    init = [f"{bindir}/initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8"]
    subprocess.run([*as_user, *init, "--no-sync"], check=True, capture_output=True, cwd=workdir)
    options = (
        f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
    )
    start = [f"{bindir}/pg_ctl", "-D", data, "-l", f"{workdir}/log", "-w", "-o", options, "start"]
    subprocess.run([*as_user, *start], check=True, capture_output=True, cwd=workdir)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        stop = [f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"]
        subprocess.run([*as_user, *stop], capture_output=True, cwd=workdir)
        shutil.rmtree(workdir, ignore_errors=True)
