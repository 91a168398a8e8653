"""`pql score` and `pql explain` while `pql serve` owns the store: the server runs them (its
admin API) and the CLI prints and writes exactly what it would have on the store itself."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from pqlkit.store.store import Store
from tests.history import History
from tests.scoring.test_pillars import DAY, T, signup
from tests.server.process import ServeProcess, pql

AS_OF = T.isoformat()


def company(db: Path, tmp_path: Path) -> None:
    """ann: a PQL at T (60 points); bob: signed up, nothing else."""
    h = History()
    signup(h, "ann", T - 30 * DAY, employees=60)
    for n, step in enumerate(("Project Created", "Data Source Connected", "Dashboard Created")):
        h.track("ann", step, T - 29 * DAY + n * timedelta(minutes=10))
    h.sessions("ann", 10, T - 12 * DAY)
    signup(h, "bob", T - 30 * DAY, employees=60)
    with Store.open(db) as store:
        h.load(store, tmp_path)


def test_score_and_explain_go_through_the_server_that_owns_the_store(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    company(db, tmp_path)
    direct = pql(
        "score",
        "--model",
        "pillars",
        "--as-of",
        AS_OF,
        "--db",
        str(db),
        "--no-ledger",
        "--out",
        str(tmp_path / "direct.jsonl"),
    )
    assert direct.returncode == 0, direct.stderr
    explained_directly = pql(
        "explain", "ann", "--model", "pillars", "--as-of", AS_OF, "--db", str(db)
    )
    with ServeProcess(db, "--port", "0") as serving:
        serving.wait_ready()
        through = pql(
            "score",
            "--model",
            "pillars",
            "--as-of",
            AS_OF,
            "--db",
            str(db),
            "--out",
            str(tmp_path / "through.jsonl"),
        )
        assert through.returncode == 0, through.stderr
        assert "scoring through pql serve" in through.stderr
        assert "ledger: 2 of 2 entities changed" in through.stderr
        explained = pql("explain", "ann", "--model", "pillars", "--as-of", AS_OF, "--db", str(db))
        assert explained.returncode == 0, explained.stderr
        wrong = pql("score", "--model", "pilars", "--db", str(db))
        assert serving.stop() == 0
    assert explained.stdout == explained_directly.stdout and "60" in explained.stdout
    rows = [json.loads(line) for line in (tmp_path / "through.jsonl").read_text().splitlines()]
    expected = [json.loads(line) for line in (tmp_path / "direct.jsonl").read_text().splitlines()]
    for row in rows:  # the ledger run knows when each PQL began; the --no-ledger run does not
        row.pop("pql_since")
    for row in expected:
        row.pop("pql_since")
    assert rows == expected and [(r["entity_id"], r["tier"]) for r in rows] == [
        ("ann", "pql"),
        ("bob", "not qualified"),
    ]
    assert wrong.returncode == 1 and "Did you mean 'pillars'?" in wrong.stderr
    assert "Traceback" not in wrong.stderr
    with Store.open(db) as store:  # the server wrote the ledger
        assert store.table("scores_ledger").count().execute() == 2
