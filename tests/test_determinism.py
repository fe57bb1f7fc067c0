"""The same input gives the same output in any process.

Python salts string hashing per process (``PYTHONHASHSEED``), so anything that iterates a
set or a dict built from strings in hash order can change between runs while looking stable
inside one process. Each command here runs in two fresh processes with different seeds and
must print byte-identical output.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
EXAMPLE = Path(__file__).parent.parent / "examples" / "aleppo-2016-12"

COMMANDS = {
    "summarize example": ["summarize", str(EXAMPLE), "--format", "json"],
    "summarize dev slices": [
        "summarize",
        str(DATA / "summarize" / "multinews-slice.jsonl"),
        str(DATA / "summarize" / "wcep-slice.jsonl"),
        "--words",
        "60",
        "--format",
        "json",
    ],
    "digest of a mixed stream": [
        "digest",
        str(DATA / "stream" / "articles.jsonl"),
        str(DATA / "stream" / "events.warc.gz"),
        "--recluster",
        "--format",
        "json",
    ],
    "eval-clusters": [
        "eval-clusters",
        str(DATA / "stream" / "multinews-slice.jsonl"),
        "--format",
        "json",
    ],
}


def _run(args: list[str], seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run(
        [sys.executable, "-m", "newsweave", *args, "-q"],
        capture_output=True,
        env=env,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_output_is_identical_across_hash_seeds(name: str) -> None:
    first = _run(COMMANDS[name], "1")
    second = _run(COMMANDS[name], "2")
    assert first, "the command printed nothing"
    assert first == second
