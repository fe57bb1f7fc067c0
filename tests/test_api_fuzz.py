"""Schemathesis fuzzes the API from its own OpenAPI document: no 500s, every status and
content type as documented, responses matching their schemas. Examples are bounded so
the whole file stays fast (a few seconds)."""

from __future__ import annotations

import atexit
import shutil
import tempfile

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from newsweave.store import open_store
from newsweave.web import Limits, create_app

# Schemathesis parametrizes at collection time, so the app exists from import on; its
# temp store is removed when the test process ends, whether or not the test ran.
_FOLDER = tempfile.mkdtemp(prefix="newsweave-fuzz-")
_STORE = open_store(f"{_FOLDER}/fuzz.db")
atexit.register(shutil.rmtree, _FOLDER, ignore_errors=True)
atexit.register(_STORE.close)

schema = schemathesis.openapi.from_asgi(
    "/openapi.json", create_app(_STORE, limits=Limits(articles_per_cluster=8))
)


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_api_conforms_to_its_schema(case: schemathesis.Case) -> None:
    # A schema cannot say "a readable news article": a schema-valid PNG upload or an
    # empty cluster is rightly refused with a 4xx, so that one check is left out.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
