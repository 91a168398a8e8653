"""Fuzzing from the OpenAPI schema (schemathesis): no request, valid or not, makes a 5xx.

Every operation of the served schema gets generated requests — bodies shaped like Segment
calls and batches with arbitrary values, arbitrary query parameters and path ids — sent with
the right kind of key (a write key for ingest, a read key for queries, the lock file's token
for the admin API), so they reach the code behind the authentication.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from pqlkit.server.app import create_app
from pqlkit.server.config import ServerConfig
from tests.server.conftest import RunningServer, basic, running_server

schema = schemathesis.openapi.from_dict(create_app(ServerConfig()).openapi())


@pytest.fixture(scope="module")
def fuzzed(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[RunningServer, dict[str, Any]]]:
    path: Path = tmp_path_factory.mktemp("fuzz")
    config = ServerConfig(db=str(path / "s.duckdb"), port=0, model="pillars", rate_limit=0)
    with running_server(config) as server:
        headers = {
            "ingest": basic(server.new_key()),
            "query": basic(server.new_key("read")),
            "admin": {"Authorization": f"Bearer {server.runtime.config.admin_token}"},
        }
        yield server, headers


@schema.parametrize()
@settings(
    max_examples=int(os.environ.get("PQLKIT_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_request_makes_a_server_error(
    case: Any, fuzzed: tuple[RunningServer, dict[str, Any]]
) -> None:
    server, headers = fuzzed
    tag = (
        "admin" if case.path.startswith("/admin") else "query" if case.method == "GET" else "ingest"
    )
    response = case.call(base_url=server.url, headers=headers[tag])
    assert response.status_code < 500, (case.method, case.path, response.text)
