"""A user model per account: each account shows its best user, and how many of its users qualify."""

from __future__ import annotations

from pathlib import Path

import orjson

from pqlkit.model.loader import load
from pqlkit.scoring.rollup import account_rows
from pqlkit.scoring.run import score_events
from pqlkit.store.store import Store
from tests.cli.test_cli import pql
from tests.engines import engine_events
from tests.history import History
from tests.scoring.test_pillars import DAY, T, activate, signup


def test_an_account_shows_its_best_user_and_counts_its_pqls(store: Store, tmp_path: Path) -> None:
    h = History()
    signup(h, "ann", T - 20 * DAY, employees=120)  # firmographic 10
    activate(h, "ann", T - 19 * DAY)  # activation 30
    h.sessions("ann", 3, T - 5 * DAY)  # usage 10: ann has 50, a PQL
    h.identify("bob", T - 15 * DAY, email="bob@ann-corp.com")  # same company domain
    h.group("bob", "acc-ann", T - 15 * DAY)
    activate(h, "bob", T - 14 * DAY)
    h.track("bob", "Paywall Hit", T - DAY)
    h.identify("cat", T - 5 * DAY, email="cat@gmail.com")  # free mail, no account
    h.track("cat", "Signed Up", T - 5 * DAY)
    run = score_events(engine_events(h.load(store, tmp_path)), load("pillars"), T)
    users = {row["entity_id"]: row for row in run.rows()}
    assert (users["ann"]["score"], users["ann"]["tier"]) == (50, "pql")
    # bob: activation 30, usage 10 (4 sessions: steps an hour apart, the paywall), firmographic 10,
    # intent 15 (paywall) = 65, and hot by the paywall trigger
    assert (users["bob"]["score"], users["bob"]["tier"]) == (65, "hot")
    rows = account_rows(run)
    assert [r["entity_id"] for r in rows] == ["acc-ann"]  # cat has no account
    account = rows[0]
    assert account["entity_type"] == "account"
    assert (account["score"], account["tier"]) == (65, "hot")  # its best user's
    assert account["triggers"] == users["bob"]["triggers"]
    breakdown = orjson.loads(account["breakdown"])
    assert breakdown["users"] == 2
    assert sorted(breakdown["pql_users"]) == ["ann", "bob"]
    assert breakdown["best_user"] == "bob"
    assert breakdown["best_user_breakdown"] == orjson.loads(users["bob"]["breakdown"])
    assert account["reasons"].startswith("via bob: ") and account["reasons"].endswith(
        "; 2 PQL users"
    )


def test_an_account_model_cannot_be_shown_per_user(tmp_path: Path) -> None:
    done = pql(
        "score",
        "--model",
        "account-threshold",
        "--entity",
        "user",
        "--db",
        str(tmp_path / "x.duckdb"),
    )
    assert done.returncode == 1
    assert "--entity user: this model scores accounts" in done.stderr
