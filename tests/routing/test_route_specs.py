"""Who gets which lead, and why — on the store (DuckDB, and Postgres when available)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from pqlkit.destinations.outbox import Outbox
from pqlkit.routing.job import run_route
from pqlkit.routing.owners import AccountOwner, import_owners
from pqlkit.store.store import Store
from tests.history import History
from tests.routing.conftest import AS_OF, company


def route(store: Store, model_file: Path, **options: object):  # type: ignore[no-untyped-def]
    return run_route(store, store.events, str(model_file), as_of=AS_OF, **options)  # type: ignore[arg-type]


@pytest.fixture
def routed_store(store: Store, tmp_path: Path) -> Store:
    return company(History()).load(store, tmp_path)


def by_entity(result):  # type: ignore[no-untyped-def]
    return {lead.assignment.entity_id: lead for lead in result.leads}


def test_a_pql_at_a_3000_person_company_goes_to_the_enterprise_ae(
    routed_store: Store, model_file: Path
) -> None:
    dana = by_entity(route(routed_store, model_file, dry_run=True))["dana"]
    assert dana.assignment.path == "enterprise"
    assert dana.assignment.owner_id == "ae-1"
    assert dana.assignment.reason.startswith("rule 2 → enterprise; round-robin in enterprise")
    # 4 business hours from Wednesday 10:00 in New York: 14:00 there, 19:00 UTC
    assert dana.assignment.sla_due == datetime(2026, 3, 4, 19, 0)


def test_the_hand_off_cites_what_she_did_with_numbers_and_dates(
    routed_store: Store, model_file: Path
) -> None:
    handoff = by_entity(route(routed_store, model_file, dry_run=True))["dana"].handoff
    assert handoff.key_actions[:2] == (
        "Report Created 12 times in the 7 days to 2026-03-04 (latest 2026-03-02)",
        "Data Source Connected 3 times in the 7 days to 2026-03-04 (latest 2026-03-01)",
    )
    assert handoff.email == "dana@acme.io" and handoff.company == "Acme"
    assert handoff.reasons[0] == "reports created in the last 7 days: 12× (+30)"
    assert handoff.talking_points[0] == (
        "Open with what they did: Report Created 12 times in the 7 days to 2026-03-04 "
        "(latest 2026-03-02)."
    )
    assert (
        "Acme has 3000 employees; Olivia Ode, CEO <olivia@acme.io> is the most senior user there."
        in handoff.talking_points
    )
    assert not any("checking in" in point for point in handoff.talking_points)
    # no CSM on the account: nothing to coordinate, so that point is not said at all
    assert not any(point.startswith("Coordinate") for point in handoff.talking_points)
    assert handoff.owner is not None and handoff.owner.email == "alex@seller.example"
    assert handoff.due == datetime(2026, 3, 4, 19, 0)


def test_an_existing_account_executive_keeps_the_account_and_the_csm_is_told(
    routed_store: Store, model_file: Path
) -> None:
    import_owners(
        routed_store,
        [
            AccountOwner("acme", "ae", "ae-9", "pat@seller.example", "Pat Owner"),
            AccountOwner("acme", "csm", "csm-7", "cy@seller.example", "Cy Care"),
        ],
        "csv:owners.csv",
    )
    dana = by_entity(route(routed_store, model_file, dry_run=True))["dana"]
    assert dana.assignment.owner_id == "ae-9"
    assert dana.assignment.reason == (
        "rule 2 → enterprise; the account's existing ae keeps it; coordinate with the csm Cy Care"
    )
    assert "Coordinate with Cy Care before reaching out." in dana.handoff.talking_points


def test_a_paywall_hit_is_hot_and_goes_to_the_rep_of_its_region_within_the_hour(
    routed_store: Store, model_file: Path
) -> None:
    leads = by_entity(route(routed_store, model_file, dry_run=True))
    max_ = leads["max"]
    assert (max_.assignment.path, max_.assignment.owner_id) == ("hot", "rep-eu-1")
    assert max_.assignment.sla_due == AS_OF.replace(hour=16)  # 1 wall-clock hour
    assert max_.handoff.triggers == ("paywall_hit",)
    lee = leads["lee"]
    assert (lee.assignment.path, lee.assignment.owner_id) == ("standard", "rep-na-1")


def test_activated_but_below_the_bar_is_nurtured_without_a_rep(
    routed_store: Store, model_file: Path
) -> None:
    leads = by_entity(route(routed_store, model_file, dry_run=True))
    kim = leads["kim"]
    assert kim.assignment.path == "self-serve" and kim.assignment.owner_id is None
    assert kim.kind == "nurture" and kim.assignment.sla_due is None
    assert "olivia" not in leads  # not qualified and not activated: not routed at all


def test_routing_is_recorded_once_and_the_same_run_again_changes_nothing(
    routed_store: Store, model_file: Path
) -> None:
    first = route(routed_store, model_file, destinations=[])
    assert first.recorded == 4
    again = route(routed_store, model_file, destinations=[])
    assert again.recorded == 0
    assert [lead.new for lead in again.leads] == [False] * 4
    owners = {lead.assignment.entity_id: lead.assignment.owner_id for lead in again.leads}
    assert owners == {o.assignment.entity_id: o.assignment.owner_id for o in first.leads}
    rows = routed_store.table("assignments").to_pyarrow().to_pylist()
    assert sorted(r["entity_id"] for r in rows) == ["dana", "kim", "lee", "max"]


def test_hand_offs_are_queued_for_the_destinations_that_take_their_kind(
    routed_store: Store, model_file: Path, tmp_path: Path
) -> None:
    from pqlkit.destinations.files import LogDestination

    crm = LogDestination("crm", frozenset({"lead"}), path=tmp_path / "crm.jsonl")
    nurture = LogDestination("in-app", frozenset({"nurture"}), path=tmp_path / "in-app.jsonl")
    route(routed_store, model_file, destinations=[crm, nurture])
    route(routed_store, model_file, destinations=[crm, nurture])  # idempotent
    counts = Outbox(routed_store).counts()
    assert counts[("crm", "pending")] == 3
    assert counts[("in-app", "pending")] == 1


def test_a_dry_run_writes_nothing(routed_store: Store, model_file: Path) -> None:
    route(routed_store, model_file, dry_run=True)
    assert routed_store.table("assignments").count().execute() == 0
    assert routed_store.table("scores_ledger").count().execute() == 0


def test_rules_can_ask_whether_the_account_has_a_csm_and_how_many_users_are_active(
    routed_store: Store, model_file: Path, tmp_path: Path
) -> None:
    routing = (model_file.parent / "routing.yaml").read_text()
    routing = routing.replace(
        "rules:\n",
        "rules:\n  - {path: expansion, when: {owners: csm, active_users: {at_least: 2}}}\n",
    )
    custom = tmp_path / "with-csm-rule.yaml"
    custom.write_text(routing)
    import_owners(routed_store, [AccountOwner("acme", "csm", "csm-7", name="Cy Care")], "csv:o")
    leads = by_entity(route(routed_store, model_file, routing=str(custom), dry_run=True))
    # Acme has a CSM and two active users (Dana and Olivia): Dana goes to the CSM
    assert (leads["dana"].assignment.path, leads["dana"].assignment.owner_id) == (
        "expansion",
        "csm-7",
    )
    # Tiny has no CSM: Lee stays on the standard path
    assert leads["lee"].assignment.path == "standard"
