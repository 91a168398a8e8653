"""`pql outbox list|retry|drop`: on the store directly, and through the server that owns it."""

from __future__ import annotations

import json
from pathlib import Path

from pqlkit.destinations.outbox import Outbox
from pqlkit.store.store import Store
from tests.cli.test_cli import pql
from tests.destinations.conftest import START
from tests.server.process import ServeProcess


def a_store_with_a_dead_letter(db: Path) -> str:
    with Store.open(db) as store:
        outbox = Outbox(store)
        outbox.put("crm", "alert", "alert:a1", "{}", now=START)
        outbox.put("crm", "alert", "alert:a2", "{}", now=START)
        first = outbox.due("crm", START, 1)[0]
        outbox.record_dead(
            first, START, "hubspot contacts upsert: HTTP 401: Authentication credentials not found."
        )
        return first.id


def test_operators_list_retry_and_drop_dead_letters(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    dead_id = a_store_with_a_dead_letter(db)
    listed = pql("outbox", "list", "--db", str(db))
    assert listed.returncode == 0, listed.stderr
    assert "crm" in listed.stdout and dead_id in listed.stdout and "HTTP 401" in listed.stdout
    as_json = pql("outbox", "list", "--status", "dead", "--json", "--db", str(db))
    [row] = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert (row["id"], row["status"], row["attempts"]) == (dead_id, "dead", 1)

    refused = pql("outbox", "drop", "--db", str(db))
    assert refused.returncode == 1 and "pass --yes to drop every dead row" in refused.stderr
    retried = pql("outbox", "retry", dead_id, "--db", str(db))
    assert retried.returncode == 0 and "1 row back to pending" in retried.stderr
    again = pql("outbox", "retry", "--db", str(db))
    assert "no dead rows matched" in again.stderr
    bad = pql("outbox", "list", "--status", "stuck", "--db", str(db))
    assert (
        bad.returncode == 1
        and "error: --status: 'stuck' is not one of pending, delivered, dead" in bad.stderr
    )


def test_pql_outbox_goes_through_the_server_that_owns_the_store(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    dead_id = a_store_with_a_dead_letter(db)
    with ServeProcess(db, "--port", "0") as serving:
        serving.wait_ready()
        listed = pql("outbox", "list", "--status", "dead", "--json", "--db", str(db))
        assert listed.returncode == 0, listed.stderr  # DuckDB is locked: only the API could do it
        assert [json.loads(line)["id"] for line in listed.stdout.splitlines()] == [dead_id]
        dropped = pql("outbox", "drop", dead_id, "--db", str(db))
        assert dropped.returncode == 0 and "1 row dropped" in dropped.stderr
        assert serving.stop() == 0
    with Store.open(db) as store:
        assert Outbox(store).counts() == {("crm", "pending"): 1}


def test_pql_outbox_deliver_sends_what_is_due_with_the_configured_destinations(
    tmp_path: Path,
) -> None:
    from pqlkit.destinations.enqueue import enqueue_handoff
    from pqlkit.destinations.files import CsvDestination
    from tests.destinations.conftest import paywall_handoff

    db = tmp_path / "s.duckdb"
    (tmp_path / "destinations.yaml").write_text(
        "destinations:\n  export:\n    type: csv\n    path: leads.csv\n"
        "  hooks:\n    type: webhook\n    url: http://127.0.0.1:9/nothing-listens\n    secret: ${HOOK_SECRET}\n"
    )
    with Store.open(db) as store:
        routes = [CsvDestination(name=n, kinds=frozenset({"alert"})) for n in ("export", "hooks")]
        enqueue_handoff(store, routes, paywall_handoff())
    missing = pql(
        "outbox", "deliver", "--destinations", str(tmp_path / "destinations.yaml"), "--db", str(db)
    )
    assert missing.returncode == 1
    assert (
        "destinations.yaml:8: destinations.hooks.secret: ${HOOK_SECRET} is not set"
        in missing.stderr
    )

    import os
    import subprocess
    import sys

    env = {**os.environ, "HOOK_SECRET": "whsec_cli_test"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pqlkit",
            "outbox",
            "deliver",
            "--destinations",
            str(tmp_path / "destinations.yaml"),
            "--db",
            str(db),
            "--max-seconds",
            "0",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "delivered 1, to retry 1, dead 0; 1 pending in the outbox" in done.stderr
    assert "usr_42" in (tmp_path / "leads.csv").read_text()
    assert "whsec_cli_test" not in done.stderr + done.stdout
