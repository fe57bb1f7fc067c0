"""Schemathesis fuzzes the API from its own OpenAPI document: no 500s, every status and
content type as documented, responses matching their schemas. Examples are bounded so
the whole file stays fast."""

from __future__ import annotations

import shutil
import tempfile

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from newsweave.store import open_store
from newsweave.web import Limits, create_app

_DIR = tempfile.mkdtemp(prefix="newsweave-fuzz-")
_STORE = open_store(f"{_DIR}/fuzz.db")
app = create_app(_STORE, limits=Limits(articles_per_cluster=8))
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.fixture(scope="module", autouse=True)
def _cleanup() -> object:
    yield
    _STORE.close()
    shutil.rmtree(_DIR, ignore_errors=True)


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_api_conforms_to_its_schema(case: schemathesis.Case) -> None:
    # A schema cannot say "a readable news article": a schema-valid PNG upload or an
    # empty cluster is rightly refused with a 4xx, so that one check is left out.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
