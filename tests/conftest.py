"""One global conftest: fixtures named for what they hold."""

from __future__ import annotations

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
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def slice_clusters() -> list[Cluster]:
    """Real clusters: a few lines of the Multi-News and WCEP dev sets (references removed)."""
    loaded = load([str(DATA / "summarize")])
    assert not loaded.problems
    return loaded.clusters
