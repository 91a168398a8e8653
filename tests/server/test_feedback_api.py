"""Feedback through the server: `POST /v1/feedback` with a server key (never a browser key),
read back with a read key; `pql feedback` goes through the server that owns the store."""

from __future__ import annotations

from pathlib import Path

from pqlkit.server.config import ServerConfig
from tests.server.conftest import basic, running_server
from tests.server.process import ServeProcess, pql
from tests.server.test_alerts import NOW, alerts_of, config, iso, paywall


def test_feedback_is_stored_and_touches_the_alert(tmp_path: Path) -> None:
    with running_server(config(tmp_path)) as server:
        write, read = server.new_key(), server.new_key("read")
        server.client.post("/v1/track", json=paywall("usr_9", "m-1"), headers=basic(write))
        [alert] = alerts_of(server, read, wait_for=1)
        body = {"entity_id": "usr_9", "label": "good", "by": "rep@acme.io", "note": "call Tue"}
        answer = server.client.post("/v1/feedback", json=body, headers=basic(write))
        assert answer.status_code == 201 and answer.json()["touched_alerts"] == 1
        [touched] = alerts_of(server, read)
        assert touched["alert_id"] == alert["alert_id"] and touched["status"] == "touched"
        listed = server.client.get("/v1/feedback?entity_id=usr_9", headers=basic(read)).json()
        [stored] = listed["feedback"]
        assert (stored["label"], stored["by"], stored["note"]) == (
            "good",
            "rep@acme.io",
            "call Tue",
        )
        assert stored["source"].startswith("api:k_")


def test_browser_keys_and_bad_labels_are_refused(tmp_path: Path) -> None:
    with running_server(ServerConfig(db=str(tmp_path / "s.duckdb"), port=0)) as server:
        browser, write = server.new_key("write-browser"), server.new_key()
        body = {"entity_id": "usr_9", "label": "good"}
        assert (
            server.client.post("/v1/feedback", json=body, headers=basic(browser)).status_code == 403
        )
        bad = server.client.post(
            "/v1/feedback", json=body | {"label": "godo"}, headers=basic(write)
        )
        assert bad.status_code == 400 and "Did you mean 'good'?" in bad.json()["message"]
        assert server.client.post("/v1/feedback", json=body).status_code == 401


def test_pql_feedback_goes_through_the_server_that_owns_the_store(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with ServeProcess(db, "--port", "0") as serving:
        serving.wait_ready()
        done = pql("feedback", "usr_9", "not-ready", "--note", "next quarter", "--db", str(db))
        wrong = pql("feedback", "usr_9", "tuched", "--db", str(db))
        assert serving.stop() == 0
    assert done.returncode == 0, done.stderr
    assert "recorded not-ready for usr_9" in done.stderr
    assert wrong.returncode == 1 and "Did you mean 'touched'?" in wrong.stderr
    direct = pql("feedback", "usr_9", "converted", "--at", iso(NOW)[:19], "--db", str(db))
    assert direct.returncode == 0, direct.stderr
