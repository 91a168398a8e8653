"""API keys: printed once, stored as a hash, revocable — and managed through the running server
when it owns the store."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

import httpx

from pqlkit.server.keys import KeyRing, create_key, list_keys, revoke_key
from pqlkit.store import server_lock
from pqlkit.store.store import Store
from tests.server.conftest import RunningServer, basic, track
from tests.server.process import ServeProcess, pql


def test_a_created_key_is_printed_once_and_only_its_hash_is_kept(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    created = pql("keys", "create", "--kind", "write", "--label", "backend", "--db", db)
    assert created.returncode == 0, created.stderr
    secret = created.stdout.strip()
    assert secret.startswith("pql_w_") and len(secret) > 40
    assert (
        "created write-server key k_" in created.stderr
        and "only time it is shown" in created.stderr
    )
    assert secret not in created.stderr
    listed = pql("keys", "list", "--db", db)
    assert (
        "backend" in listed.stdout and "write-server" in listed.stdout and "active" in listed.stdout
    )
    assert secret not in listed.stdout + listed.stderr
    with Store.open(db) as store:
        rows = store.table("api_keys").execute()
    assert list(rows.key_hash) == [hashlib.sha256(secret.encode()).hexdigest()]
    assert secret not in rows.to_json()


def test_key_kinds_and_their_sources(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        server = create_key(store, "write-server")
        browser = create_key(store, "write-browser", "website")
        read = create_key(store, "read")
        ring = KeyRing.from_store(store)
    assert (server.secret[:6], browser.secret[:6], read.secret[:6]) == (
        "pql_w_",
        "pql_b_",
        "pql_r_",
    )
    assert (
        ring.verify(server.secret) == server.key
        and server.key.source == f"api:server:{server.key.key_id}"
    )
    assert ring.verify(browser.secret) == browser.key and browser.key.source.startswith(
        "api:browser:"
    )
    assert read.key.can_read and not read.key.can_write
    assert ring.verify(server.secret[:-1] + "x") is None


def test_a_revoked_key_no_longer_verifies_and_stays_listed(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        issued = create_key(store, "write-server")
        revoked = revoke_key(store, issued.key.key_id)
        assert revoked is not None and revoked.revoked_at is not None
        assert KeyRing.from_store(store).verify(issued.secret) is None
        assert [k.revoked_at for k in list_keys(store)] == [revoked.revoked_at]
        assert revoke_key(store, "k_000000000000") is None


def test_cli_mistakes_are_one_line_errors(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    browser_read = pql("keys", "create", "--kind", "read", "--browser", "--db", db)
    assert (browser_read.returncode, browser_read.stderr.strip()) == (
        1,
        "error: --browser applies to write keys only (read keys stay on servers)",
    )
    unknown = pql("keys", "revoke", "k_0123456789ab", "--db", db)
    assert (unknown.returncode, unknown.stderr.strip()) == (
        1,
        "error: no key k_0123456789ab (pql keys list shows them)",
    )
    kind = pql("keys", "create", "--kind", "admin", "--db", db)
    assert kind.returncode == 1 and "is not a key kind" in kind.stderr


def test_pql_keys_goes_through_the_server_that_owns_the_store(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with ServeProcess(db, "--port", "0") as serving:
        serving.wait_ready()
        created = pql("keys", "create", "--kind", "write", "--label", "live", "--db", str(db))
        assert created.returncode == 0, created.stderr  # DuckDB is locked: only the API could do it
        secret = created.stdout.strip()
        answer = httpx.post(f"{serving.url}/v1/track", json=track(), headers=basic(secret))
        assert answer.status_code == 200  # usable at once
        listed = pql("keys", "list", "--db", str(db))
        assert "live" in listed.stdout
        key_id = next(line.split()[0] for line in listed.stdout.splitlines() if "live" in line)
        revoked = pql("keys", "revoke", key_id, "--db", str(db))
        assert revoked.returncode == 0, revoked.stderr
        assert (
            httpx.post(f"{serving.url}/v1/track", json=track(), headers=basic(secret)).status_code
            == 401
        )
        lock = server_lock.lock_path(db)
        assert stat.S_IMODE(lock.stat().st_mode) == 0o600  # its admin token is the owner's only
        assert serving.stop() == 0


def test_the_admin_api_wants_the_lock_file_s_token(server: RunningServer) -> None:
    token = server.runtime.config.admin_token
    assert server.client.get("/admin/keys").status_code == 401
    assert (
        server.client.get("/admin/keys", headers={"Authorization": "Bearer nope"}).status_code
        == 401
    )
    assert server.client.get("/admin/keys", headers=basic(token)).status_code == 401
    created = server.client.post(
        "/admin/keys", json={"kind": "read"}, headers={"Authorization": f"Bearer {token}"}
    )
    assert created.status_code == 201 and created.json()["secret"].startswith("pql_r_")
    wrong = server.client.post(
        "/admin/keys", json={"kind": "root"}, headers={"Authorization": f"Bearer {token}"}
    )
    assert wrong.status_code == 400 and wrong.json()["code"] == "invalid_request"
