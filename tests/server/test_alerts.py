"""Real-time triggers in the server: an event that fires a trigger is an alert within a second,
readable with a read key; a restart or a crash changes no alert; the query API needs a read key.

The model is the ``pillars`` template: ``paywall_hit`` fires on "Paywall Hit" (respond within
4 hours, cooldown 7 days) from server keys and imports, never from browser keys.
"""

from __future__ import annotations

import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from pqlkit.server.config import ServerConfig
from pqlkit.server.scheduled import SCORING_NICE
from tests.server.conftest import RunningServer, basic, running_server, track
from tests.server.test_idle_engine import SCHED_IDLE, policy_of


def config(tmp_path: Path) -> ServerConfig:
    return ServerConfig(db=str(tmp_path / "store.duckdb"), port=0, model="pillars")


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds") + "Z"


NOW = datetime.now(UTC).replace(tzinfo=None)


def paywall(user: str, message_id: str, at: datetime = NOW) -> dict[str, Any]:
    return track(user, "Paywall Hit", messageId=message_id, timestamp=iso(at))


def alerts_of(server: RunningServer, read_key: str, wait_for: int = 0) -> list[dict[str, Any]]:
    """The alerts the query API lists, polling up to 2 s until ``wait_for`` are there."""
    deadline = time.monotonic() + 2
    while True:
        answer = server.client.get("/v1/alerts", headers=basic(read_key))
        assert answer.status_code == 200, answer.text
        alerts: list[dict[str, Any]] = answer.json()["alerts"]
        if len(alerts) >= wait_for or time.monotonic() > deadline:
            return alerts
        time.sleep(0.02)


def test_a_paywall_hit_is_an_alert_with_its_deadline_within_a_second(tmp_path: Path) -> None:
    with running_server(config(tmp_path)) as server:
        write, read = server.new_key(), server.new_key("read")
        sent = time.monotonic()
        answer = server.client.post("/v1/track", json=paywall("usr_9", "m-1"), headers=basic(write))
        assert answer.status_code == 200
        [alert] = alerts_of(server, read, wait_for=1)
        assert time.monotonic() - sent < 1.0
        fired_at = datetime.fromisoformat(alert["fired_at"].rstrip("Z"))
        assert (alert["entity_id"], alert["trigger"], alert["message_id"]) == (
            "usr_9",
            "paywall_hit",
            "m-1",
        )
        assert abs(fired_at - NOW) < timedelta(milliseconds=1)
        assert datetime.fromisoformat(alert["deadline"].rstrip("Z")) - fired_at == timedelta(
            hours=4
        )
        assert alert["evidence"] == ["m-1"] and alert["status"] == "open"
        one = server.client.get(f"/v1/alerts/{alert['alert_id']}", headers=basic(read))
        assert one.json() == alert


def test_repeats_in_the_cooldown_retries_and_late_events_make_no_second_alert(
    tmp_path: Path,
) -> None:
    with running_server(config(tmp_path)) as server:
        write, read = server.new_key(), server.new_key("read")
        for message_id, minutes in (("m-1", 0), ("m-1", 0), ("m-2", 1), ("m-3", 2)):
            call = paywall("usr_9", message_id, NOW + timedelta(minutes=minutes))
            assert server.client.post("/v1/track", json=call, headers=basic(write)).is_success
        late = paywall("usr_8", "m-4", NOW - timedelta(hours=2))  # beyond the 1h watermark
        assert server.client.post("/v1/track", json=late, headers=basic(write)).is_success
        server.events()  # everything loaded
        assert [a["message_id"] for a in alerts_of(server, read)] == ["m-1"]
        triggers = server.client.get("/healthz").json()["triggers"]
        assert (triggers["alerts"], triggers["late_events"]) == (1, 1)
        timed = triggers["received_to_committed"]  # m-1 received → its alert committed
        assert timed["alerts"] == 1 and 0 < timed["p50_ms"] == timed["p99_ms"] < 1000


def test_a_browser_key_cannot_fire_a_paywall_alert(tmp_path: Path) -> None:
    with running_server(config(tmp_path)) as server:
        browser, read = server.new_key("write-browser"), server.new_key("read")
        call = paywall("usr_9", "m-1") | {"writeKey": browser}
        assert server.client.post("/v1/t", json=call).is_success
        assert len(server.events()) == 1  # stored
        assert alerts_of(server, read) == []  # but no alert


def test_after_a_restart_the_cooldown_still_holds(tmp_path: Path) -> None:
    with running_server(config(tmp_path)) as server:
        write, read = server.new_key(), server.new_key("read")
        server.client.post("/v1/track", json=paywall("usr_9", "m-1"), headers=basic(write))
        assert len(alerts_of(server, read, wait_for=1)) == 1
    with running_server(config(tmp_path)) as server:  # state rebuilt from the store
        later = paywall("usr_9", "m-2", NOW + timedelta(hours=1))
        server.client.post("/v1/track", json=later, headers=basic(write))
        other = paywall("usr_8", "m-3", NOW + timedelta(hours=1))
        server.client.post("/v1/track", json=other, headers=basic(write))
        server.events()
        alerts = alerts_of(server, read)
        assert sorted((a["entity_id"], a["message_id"]) for a in alerts) == [
            ("usr_8", "m-3"),
            ("usr_9", "m-1"),
        ]


def test_an_alert_waits_for_no_event_store_and_a_reload_after_a_crash_adds_none(
    tmp_path: Path,
) -> None:
    """A batch's alerts are committed before its events are stored: while the event log
    refuses rows (its log checkpoint table moved away), the paywall hit is still an alert within
    a second. The server then stops with the event only in the log — the state a crash between
    the two steps leaves — and the next run stores it once and finds no second alert."""
    from pqlkit.store.store import Store

    def count(store: Store, table: str) -> int:
        return int(store.duckdb().execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    with running_server(config(tmp_path)) as server:
        write, read = server.new_key(), server.new_key("read")
        server.runtime.store_thread.submit(
            lambda s: s.duckdb().execute("ALTER TABLE server_log_checkpoint RENAME TO away")
        ).result()
        sent = time.monotonic()
        call = paywall("usr_9", "m-1")
        assert server.client.post("/v1/track", json=call, headers=basic(write)).is_success
        assert [a["message_id"] for a in alerts_of(server, read, wait_for=1)] == ["m-1"]
        assert time.monotonic() - sent < 1.0
        assert server.runtime.store_thread.submit(lambda s: count(s, "events")).result() == 0
        health = server.client.get("/healthz").json()
        assert health["log"]["loaded"] != health["log"]["alerted"]
    with Store.open(tmp_path / "store.duckdb") as store:
        store.duckdb().execute("ALTER TABLE away RENAME TO server_log_checkpoint")
        assert count(store, "events") == 0
    with running_server(config(tmp_path)) as server:
        assert list(server.events().message_id) == ["m-1"]
        assert [a["message_id"] for a in alerts_of(server, read)] == ["m-1"]
        assert server.client.get("/healthz").json()["triggers"]["alerts"] == 0


def test_the_query_api_needs_a_read_key(tmp_path: Path) -> None:
    with running_server(config(tmp_path)) as server:
        write = server.new_key()
        assert server.client.get("/v1/alerts").status_code == 401
        assert server.client.get("/v1/alerts", headers=basic(write)).status_code == 403
        read = server.new_key("read")
        bearer = {"Authorization": f"Bearer {read}"}
        assert server.client.get("/v1/alerts", headers=bearer).status_code == 200
        wrong = server.client.get("/v1/alerts?status=done", headers=bearer)
        assert wrong.status_code == 400 and "status" in wrong.json()["message"]
        missing = server.client.get("/v1/alerts/al_nothing", headers=bearer)
        assert missing.status_code == 404


def test_without_a_model_there_are_no_leads(tmp_path: Path) -> None:
    with running_server(ServerConfig(db=str(tmp_path / "s.duckdb"), port=0)) as server:
        read = server.new_key("read")
        answer = server.client.get("/v1/leads", headers=basic(read))
        assert answer.status_code == 404 and "--model" in answer.text


def test_leads_and_entities_come_from_the_scores_ledger(tmp_path: Path) -> None:
    from pqlkit.model.loader import load
    from pqlkit.scoring import ledger
    from pqlkit.scoring.run import score_events
    from pqlkit.store.store import Store
    from tests.history import History
    from tests.scoring.test_pillars import DAY, T, signup

    h = History()
    signup(h, "ann", T - 30 * DAY, employees=60)  # firmographic 10
    for n, step in enumerate(("Project Created", "Data Source Connected", "Dashboard Created")):
        h.track("ann", step, T - 29 * DAY + n * timedelta(minutes=10))  # activation 30
    h.sessions("ann", 10, T - 12 * DAY)  # usage 10 from T - 9 days, 20 at T
    signup(h, "bob", T - 30 * DAY, employees=60)
    signup(h, "cat", T - 30 * DAY, employees=60)
    for n, step in enumerate(("Project Created", "Data Source Connected", "Dashboard Created")):
        h.track("cat", step, T - 29 * DAY + n * timedelta(minutes=10))  # activation 30
    h.sessions("cat", 4, T - 5 * DAY)  # usage 10 from T on: a PQL since T
    with Store.open(tmp_path / "store.duckdb") as store:
        h.load(store, tmp_path)
        for day in (T - 20 * DAY, T - 9 * DAY, T):
            ledger.record(store, score_events(store.events, load("pillars"), day))
    with running_server(config(tmp_path)) as server:
        read = server.new_key("read")
        leads = server.client.get("/v1/leads", headers=basic(read)).json()
        assert leads["model"] == "pillars"
        assert [
            (x["entity_id"], x["score"], x["tier"], x["pql_since"]) for x in leads["leads"]
        ] == [
            ("cat", 50.0, "pql", iso_micro(T)),  # the newest PQL first
            ("ann", 60.0, "pql", iso_micro(T - 9 * DAY)),
        ]
        assert leads["leads"][1]["reasons"] == [  # every rule that scored, strongest first
            "activation milestone completed (+20)",
            "sessions in the past 14 days (+20)",
            "activated within 7 days of signup (+10)",
            "company size (+10)",
        ]
        first = server.client.get("/v1/leads?limit=1", headers=basic(read)).json()
        assert [x["entity_id"] for x in first["leads"]] == ["cat"]
        rest = server.client.get(
            f"/v1/leads?limit=1&cursor={first['next_cursor']}", headers=basic(read)
        ).json()
        assert [x["entity_id"] for x in rest["leads"]] == ["ann"] and rest["next_cursor"] is None
        recent = server.client.get(f"/v1/leads?since={iso_micro(T - DAY)}", headers=basic(read))
        assert [x["entity_id"] for x in recent.json()["leads"]] == ["cat"]
        bad = server.client.get("/v1/leads?cursor=nonsense", headers=basic(read))
        assert bad.status_code == 400
        assert server.client.get("/v1/leads?tier=hot", headers=basic(read)).json()["leads"] == []
        ann = server.client.get("/v1/entities/ann", headers=basic(read)).json()
        assert (ann["score"], ann["tier"], ann["alerts"]) == (60.0, "pql", [])
        assert ann["breakdown"] is not None
        bob = server.client.get("/v1/entities/bob", headers=basic(read)).json()
        assert bob["tier"] == "not qualified" and bob["pql_since"] is None
        nobody = server.client.get("/v1/entities/nobody", headers=basic(read))
        assert nobody.status_code == 404


def iso_micro(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds") + "Z"


def test_scheduled_scoring_writes_the_ledger_that_leads_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A round scores on its own thread and connection; its changes are worded and written
    on the store's thread, between the loader's batches (never contending with them)."""
    from pqlkit.scoring import ledger
    from pqlkit.store.store import Store
    from tests.history import History
    from tests.scoring.test_pillars import DAY, signup

    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    h = History()
    signup(h, "ann", now - 30 * DAY, employees=60)  # firmographic 10
    for n, step in enumerate(("Project Created", "Data Source Connected", "Dashboard Created")):
        h.track("ann", step, now - 29 * DAY + n * timedelta(minutes=10))  # activation 30
    h.sessions("ann", 10, now - 12 * DAY)  # usage 20
    with Store.open(tmp_path / "store.duckdb") as store:
        h.load(store, tmp_path)
    written_on: list[str] = []
    write_rows = ledger._write_rows

    def noted(*args: Any) -> None:
        written_on.append(threading.current_thread().name)
        write_rows(*args)

    monkeypatch.setattr(ledger, "_write_rows", noted)
    scheduled = ServerConfig(
        db=str(tmp_path / "store.duckdb"), port=0, model="pillars", score_every=0.2
    )
    with running_server(scheduled) as server:
        read = server.new_key("read")
        deadline = time.monotonic() + 60
        while not server.runtime.scoring.rounds and time.monotonic() < deadline:
            time.sleep(0.1)
        leads = server.client.get("/v1/leads", headers=basic(read)).json()["leads"]
        assert [(x["entity_id"], x["score"], x["tier"]) for x in leads] == [("ann", 60.0, "pql")]
        assert server.client.get("/healthz").json()["status"] == "ok"
        assert set(written_on) == {"pqlkit-store"}
        if sys.platform == "linux":  # the rounds yield the CPU to requests and alerts
            assert nice_of("pqlkit-scoring") == SCORING_NICE
            engine = next(t for t in threading.enumerate() if t.name == "pqlkit-engine")
            assert engine.native_id is not None and policy_of(engine.native_id) == SCHED_IDLE


def nice_of(thread_name: str) -> int:
    """The nice value of this process's thread of that name (Linux)."""
    thread = next(t for t in threading.enumerate() if t.name == thread_name)
    stat = Path(f"/proc/self/task/{thread.native_id}/stat").read_text()
    return int(stat.rsplit(")", 1)[1].split()[16])


def test_scheduled_scoring_takes_the_alerts_of_history_and_of_the_live_stream(
    tmp_path: Path,
) -> None:
    """bob's imported paywall hit two days ago and cat's live one make both hot at the next
    round; the alerts the server holds for its rounds are those batch evaluation finds that can
    still be active."""
    from pqlkit.model.loader import load
    from pqlkit.store.store import Store
    from pqlkit.triggers import batch
    from tests.history import History
    from tests.scoring.test_pillars import DAY, signup

    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    h = History()
    for user in ("ann", "bob", "cat"):
        signup(h, user, now - 30 * DAY, employees=60)  # firmographic 10
    h.track("bob", "Paywall Hit", now - 2 * DAY)  # fired before the server started
    h.track("ann", "Paywall Hit", now - 9 * DAY)  # fired, no longer active
    with Store.open(tmp_path / "store.duckdb") as store:
        h.load(store, tmp_path)
    scheduled = ServerConfig(
        db=str(tmp_path / "store.duckdb"), port=0, model="pillars", score_every=0.2
    )
    with running_server(scheduled) as server:
        write, read = server.new_key(), server.new_key("read")
        call = paywall("cat", "m-cat", datetime.now(UTC).replace(tzinfo=None))
        assert server.client.post("/v1/track", json=call, headers=basic(write)).is_success
        assert len(alerts_of(server, read, wait_for=1)) == 1
        scoring = server.runtime.scoring
        assert scoring is not None
        seen = len(scoring.rounds)
        deadline = time.monotonic() + 60
        while len(scoring.rounds) < seen + 2 and time.monotonic() < deadline:
            time.sleep(0.05)  # a round that began after cat's alert was committed
        hot = server.client.get("/v1/leads?tier=hot", headers=basic(read)).json()["leads"]
        assert sorted(x["entity_id"] for x in hot) == ["bob", "cat"]
        alerting = server.runtime.loader.alerting
        assert alerting is not None
        held = alerting.recent()
    with Store.open(tmp_path / "store.duckdb") as store:
        found = batch.evaluate(
            store.events, load("pillars").model, datetime.now(UTC).replace(tzinfo=None)
        )
    assert [a.entity_id for a in found] == ["ann", "bob", "cat"]
    # held while they can be active: ann's, fired 9 days ago, is let go
    assert [a.identity for a in held] == [a.identity for a in found[1:]]


def test_scheduled_scoring_without_a_model_is_refused(tmp_path: Path) -> None:
    from pqlkit.errors import ConfigError
    from pqlkit.server.runtime import Runtime

    with pytest.raises(ConfigError, match="--score-every needs --model"):
        Runtime.open(ServerConfig(db=str(tmp_path / "s.duckdb"), score_every=60))


def test_with_scheduled_scoring_duckdb_works_on_one_thread_unless_told(tmp_path: Path) -> None:
    """A scoring round leaves the other core to ingest and the alerts."""
    from pqlkit.server.runtime import Runtime

    def threads(config: ServerConfig) -> int:
        runtime = Runtime.open(config)
        try:
            found = runtime.store.duckdb().execute("SELECT current_setting('threads')")
            return int(found.fetchone()[0])  # type: ignore[index]
        finally:
            runtime.close()

    db = str(tmp_path / "s.duckdb")
    assert threads(ServerConfig(db=db, model="pillars", score_every=60)) == 1
    assert threads(ServerConfig(db=db, model="pillars", score_every=60, engine_threads=2)) == 2
    assert ServerConfig(db=db, model="pillars").duckdb_threads() is None
