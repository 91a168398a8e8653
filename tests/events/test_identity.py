"""Identity: aliases merge anonymous histories; users find their account by group or domain."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from pqlkit.events import identity
from pqlkit.events.importers import ingest_file
from pqlkit.store.store import Store
from tests.conftest import write_jsonl


def _load(store: Store, tmp_path: Path, calls: list[dict[str, Any]]) -> None:
    for index, call in enumerate(calls):
        call.setdefault("messageId", f"m{index}")
    report = ingest_file(store, write_jsonl(tmp_path / "calls.jsonl", calls))
    assert report.rejected == 0, report.rejects


def _by(rows: Any, key: str) -> dict[str, dict[str, Any]]:
    return {row[key]: row for row in rows.to_dict("records")}


def test_an_alias_gives_the_anonymous_visits_to_the_user(store: Store, tmp_path: Path) -> None:
    _load(
        store,
        tmp_path,
        [
            {
                "type": "page",
                "name": "Pricing",
                "anonymousId": "anon-1",
                "timestamp": "2026-01-01T09:00:00Z",
            },
            {
                "type": "page",
                "name": "Docs",
                "anonymousId": "anon-1",
                "timestamp": "2026-01-01T09:05:00Z",
            },
            {
                "type": "alias",
                "previousId": "anon-1",
                "userId": "u1",
                "timestamp": "2026-01-02T10:00:00Z",
            },
            {
                "type": "track",
                "event": "Signed Up",
                "userId": "u1",
                "timestamp": "2026-01-02T10:00:01Z",
            },
            {
                "type": "page",
                "name": "Home",
                "anonymousId": "anon-2",
                "timestamp": "2026-01-02T11:00:00Z",
            },
        ],
    )
    resolved = identity.resolve_events(store.events).execute()
    people = resolved.groupby("person_id").size().to_dict()
    assert people == {"u1": 4, "anon-2": 1}  # two visits, the alias, the sign-up
    assert set(resolved[resolved.person_id == "anon-2"].is_known) == {False}


def test_before_the_alias_is_known_the_visits_stay_anonymous(store: Store, tmp_path: Path) -> None:
    _load(
        store,
        tmp_path,
        [
            {
                "type": "page",
                "name": "Pricing",
                "anonymousId": "anon-1",
                "timestamp": "2026-01-01T09:00:00Z",
            },
            {
                "type": "alias",
                "previousId": "anon-1",
                "userId": "u1",
                "timestamp": "2026-01-02T10:00:00Z",
            },
        ],
    )
    as_of = datetime(2026, 1, 2)
    resolved = identity.resolve_events(store.events, as_of).execute()
    assert list(resolved.person_id) == ["anon-1"]


def test_a_late_alias_reattributes_history_without_rewriting_events(
    store: Store, tmp_path: Path
) -> None:
    _load(
        store,
        tmp_path,
        [
            {
                "type": "track",
                "event": "Report Created",
                "anonymousId": "anon-9",
                "timestamp": "2026-01-01T09:00:00Z",
            },
            {
                "type": "track",
                "event": "Report Created",
                "userId": "u9",
                "timestamp": "2026-01-03T09:00:00Z",
            },
        ],
    )
    late = [
        {
            "type": "alias",
            "previousId": "anon-9",
            "userId": "u9",
            "messageId": "late",
            "timestamp": "2026-01-05T00:00:00Z",
        }
    ]
    ingest_file(store, write_jsonl(tmp_path / "late.jsonl", late))
    resolved = identity.resolve_events(store.events).execute()
    assert set(resolved.person_id) == {"u9"}
    stored = store.events.execute()
    assert stored.loc[stored.message_id == "m0", "anonymous_id"].item() == "anon-9"


def test_chained_aliases_are_followed(store: Store, tmp_path: Path) -> None:
    _load(
        store,
        tmp_path,
        [
            {
                "type": "track",
                "event": "A",
                "anonymousId": "anon",
                "timestamp": "2026-01-01T00:00:00Z",
            },
            {
                "type": "alias",
                "previousId": "anon",
                "userId": "old-id",
                "timestamp": "2026-01-02T00:00:00Z",
            },
            {
                "type": "alias",
                "previousId": "old-id",
                "userId": "new-id",
                "timestamp": "2026-01-03T00:00:00Z",
            },
        ],
    )
    resolved = identity.resolve_events(store.events).execute()
    assert set(resolved.person_id) == {"new-id"}


def _company_events() -> list[dict[str, Any]]:
    return [
        {
            "type": "group",
            "userId": "ann",
            "groupId": "acc-acme",
            "traits": {"name": "Acme", "domain": "https://www.Acme.com/"},
            "timestamp": "2026-01-01T00:00:00Z",
        },
        {
            "type": "identify",
            "userId": "ann",
            "traits": {"email": "ann@acme.com"},
            "timestamp": "2026-01-01T00:00:00Z",
        },
        {
            "type": "identify",
            "userId": "bob",
            "traits": {"email": "Bob@ACME.com"},
            "timestamp": "2026-01-02T00:00:00Z",
        },
        {
            "type": "identify",
            "userId": "cat",
            "traits": {"email": "cat@gmail.com"},
            "timestamp": "2026-01-02T00:00:00Z",
        },
        {
            "type": "identify",
            "userId": "dan",
            "traits": {"email": "dan@initech.io"},
            "timestamp": "2026-01-02T00:00:00Z",
        },
        {
            "type": "identify",
            "userId": "eve",
            "traits": {"email": "eve@initech.io"},
            "timestamp": "2026-01-03T00:00:00Z",
        },
        {
            "type": "track",
            "event": "Signed In",
            "userId": "fay",
            "context": {"groupId": "acc-globex"},
            "timestamp": "2026-01-03T00:00:00Z",
        },
        {
            "type": "identify",
            "userId": "fay",
            "traits": {"email": "fay@gmail.com"},
            "timestamp": "2026-01-03T00:00:00Z",
        },
    ]


def test_users_find_their_account_by_group_then_domain_never_by_free_mail(
    store: Store, tmp_path: Path
) -> None:
    _load(store, tmp_path, _company_events())
    users = _by(identity.user_accounts(store.events).execute(), "user_id")
    assert (users["ann"]["account_id"], users["ann"]["account_via"]) == ("acc-acme", "group")
    assert (users["bob"]["account_id"], users["bob"]["account_via"]) == ("acc-acme", "domain")
    assert users["cat"]["account_id"] is None
    assert (users["dan"]["account_id"], users["dan"]["account_via"]) == (
        "domain:initech.io",
        "email",
    )
    assert users["eve"]["account_id"] == "domain:initech.io"
    assert (users["fay"]["account_id"], users["fay"]["account_via"]) == ("acc-globex", "group")


def test_one_company_is_one_account(store: Store, tmp_path: Path) -> None:
    _load(store, tmp_path, _company_events())
    accounts = _by(identity.accounts(store.events).execute(), "account_id")
    assert set(accounts) == {"acc-acme", "acc-globex", "domain:initech.io"}
    assert accounts["acc-acme"]["users"] == 2
    assert accounts["acc-acme"]["domain"] == "acme.com"
    assert accounts["acc-acme"]["name"] == "Acme"
    assert accounts["domain:initech.io"]["users"] == 2
    assert accounts["domain:initech.io"]["domain"] == "initech.io"


def test_account_membership_is_read_as_of_a_time(store: Store, tmp_path: Path) -> None:
    _load(store, tmp_path, _company_events())
    users = _by(identity.user_accounts(store.events, datetime(2026, 1, 2, 12)).execute(), "user_id")
    assert set(users) == {"ann", "bob", "cat", "dan"}
    assert users["dan"]["account_id"] == "domain:initech.io"


def _group(group: str, day: int, **traits: str) -> dict[str, Any]:
    return {
        "type": "group",
        "userId": f"admin-{group}",
        "groupId": group,
        "traits": traits,
        "timestamp": f"2026-01-{day:02d}T00:00:00Z",
    }


def test_a_domain_is_claimed_by_the_first_account_to_name_it_date_by_date(
    store: Store, tmp_path: Path
) -> None:
    """An account's claim is its latest ``domain`` trait, else its latest ``website``,
    normalized; a blank latest domain claims nothing. Each date's claims equal that date's
    claims read alone."""
    _load(
        store,
        tmp_path,
        [
            _group("acc-a", 1, website="https://www.Acme.com/about"),
            _group("acc-b", 2, domain="ACME.com"),
            _group("acc-c", 1, domain="initech.io", website="initech.com"),
            _group("acc-c", 5, domain="  "),
            _group("acc-d", 6, domain="initech.io"),
        ],
    )
    import ibis

    moments = [datetime(2026, 1, 3), datetime(2026, 1, 10)]
    dates = ibis.memtable({"as_of": moments}, schema={"as_of": "timestamp"})
    dated = identity.account_domains(store.events, dates=dates).execute()
    claims = {
        moment: dict(zip(part.domain, part.domain_account, strict=True))
        for moment, part in dated.groupby("as_of")
    }
    assert claims[datetime(2026, 1, 3)] == {"acme.com": "acc-a", "initech.io": "acc-c"}
    assert claims[datetime(2026, 1, 10)] == {"acme.com": "acc-a", "initech.io": "acc-d"}
    for moment in moments:
        alone = identity.account_domains(store.events, moment).execute()
        assert dict(zip(alone.domain, alone.domain_account, strict=True)) == claims[moment]


def test_traits_are_read_as_they_were(store: Store, tmp_path: Path) -> None:
    _load(
        store,
        tmp_path,
        [
            {
                "type": "group",
                "userId": "ann",
                "groupId": "acc",
                "traits": {"plan": "free", "employees": 40},
                "timestamp": "2026-01-01T00:00:00Z",
            },
            {
                "type": "group",
                "userId": "ann",
                "groupId": "acc",
                "traits": {"plan": "paid"},
                "timestamp": "2026-02-01T00:00:00Z",
            },
            {
                "type": "group",
                "userId": "ann",
                "groupId": "acc",
                "traits": {"employees": 250},
                "timestamp": "2026-03-01T00:00:00Z",
            },
        ],
    )
    calls = store.events.filter(store.events.type == "group")
    spec = {"plan": "string", "employees": "float64"}

    def at(day: datetime) -> dict[str, Any]:
        rows = identity.latest_traits(calls, "group_id", spec, day).execute()
        return rows.to_dict("records")[0]

    assert at(datetime(2026, 1, 15)) | {} == {"group_id": "acc", "plan": "free", "employees": 40.0}
    assert at(datetime(2026, 2, 15))["plan"] == "paid"
    assert at(datetime(2026, 2, 15))["employees"] == 40.0
    assert at(datetime(2026, 3, 2))["employees"] == 250.0
