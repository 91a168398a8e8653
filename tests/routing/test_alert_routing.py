"""Alerts are routed the moment they fire: the server's hand-off names the owner and the SLA."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from pqlkit.destinations.handoff import HandOff
from pqlkit.routing.alerts import AlertRouter
from pqlkit.routing.config import load_routing
from pqlkit.routing.owners import AccountOwner, import_owners
from pqlkit.store.store import Store
from pqlkit.triggers.alerts import Alert
from tests.history import History
from tests.routing.conftest import AS_OF, company
from tests.server.conftest import ana_hits_the_paywall


def paywall_alert(user: str, fired_at: datetime, message_id: str = "pay-1") -> Alert:
    return Alert(
        user, "paywall_hit", fired_at, message_id, fired_at + timedelta(hours=4), user, user
    )


def as_the_server_knows(alert: Alert, email: str, account: str) -> HandOff:
    """The hand-off the server builds from its live identity: e-mail and account id."""
    return HandOff.for_alert(alert, tier="hot", email=email, company=account)


def router(model_file: Path) -> AlertRouter:
    return AlertRouter(load_routing(model_file.parent / "routing.yaml"), "route-spec", "user")


def test_a_paywall_hit_in_europe_goes_to_the_emea_rep_within_the_hour_once(
    store: Store, tmp_path: Path, model_file: Path
) -> None:
    company(History()).load(store, tmp_path)
    fired = AS_OF - timedelta(hours=1)
    alert = paywall_alert("max", fired)
    known = as_the_server_knows(alert, "max@euro.de", "euro")
    [handoff] = router(model_file).route(store, [alert], [known])
    assert handoff.path == "hot"
    assert handoff.owner is not None and handoff.owner.id == "rep-eu-1"
    # the path's 1 hour is sooner than the trigger's 4: the earlier deadline holds
    assert handoff.due == fired + timedelta(hours=1)
    assert handoff.company == "Euro" and handoff.key_actions == (
        "Paywall Hit once in the 7 days to 2026-03-04 (latest 2026-03-04)",
    )
    router(model_file).route(store, [alert], [known])  # a replay
    [row] = store.table("assignments").to_pyarrow().to_pylist()
    assert (row["source"], row["owner_id"], row["path"]) == ("alert", "rep-eu-1", "hot")
    assert (
        row["reason"] == "alert paywall_hit: rule 3 → hot; round-robin in sales (territory match)"
    )


def test_an_alert_at_a_large_account_goes_to_its_account_executive(
    store: Store, tmp_path: Path, model_file: Path
) -> None:
    company(History()).load(store, tmp_path)
    import_owners(store, [AccountOwner("acme", "ae", "ae-9", name="Pat Owner")], "csv:o.csv")
    alert = paywall_alert("dana", AS_OF - timedelta(hours=2))
    known = as_the_server_knows(alert, "dana@acme.io", "acme")
    [handoff] = router(model_file).route(store, [alert], [known])
    assert handoff.path == "enterprise"
    assert handoff.owner is not None and handoff.owner.name == "Pat Owner"


def test_the_server_routes_its_alerts_by_the_routing_file_beside_the_model(
    tmp_path: Path, model_file: Path
) -> None:
    handoff = ana_hits_the_paywall(str(model_file), tmp_path, name="Ana Avila")
    assert handoff.path == "hot" and handoff.company == "Maple"
    assert handoff.owner is not None and handoff.owner.id == "rep-na-1"  # Canada is NA
    assert handoff.alert is not None and handoff.due == handoff.alert.fired_at + timedelta(hours=1)
    assert handoff.key_actions[0].startswith("Report Created 3 times in the 7 days to")


def test_a_paywall_hit_at_a_paying_account_goes_to_its_csm_never_to_a_new_business_rep(
    store: Store, tmp_path: Path, model_file: Path
) -> None:
    """Expansion: the account pays (plan: pro), so the hot alert takes the expansion path — to
    the account's CSM when it has one, else to the success team; the sales reps' round-robin
    (and a new-business owner of the account) never get it."""
    history = company(History())
    start = AS_OF - timedelta(days=5)
    for user in ("pat", "quinn"):
        history.identify(user, start, email=f"{user}@paid.io", name=user.title(), title="Engineer")
        history.group(
            user,
            "paid",
            start,
            name="Paid",
            domain="paid.io",
            employees=300,
            country="US",
            plan="pro",
        )
    history.load(store, tmp_path)
    import_owners(
        store,
        [
            AccountOwner("paid", "csm", "csm-7", name="Cy Care"),
            AccountOwner("paid", "owner", "rep-na-1", name="Riley Rep"),  # the rep who sold it
        ],
        "csv:o.csv",
    )
    pat = paywall_alert("pat", AS_OF - timedelta(hours=1), "pay-pat")
    [handoff] = router(model_file).route(
        store, [pat], [as_the_server_knows(pat, "pat@paid.io", "paid")]
    )
    assert handoff.path == "expansion"
    assert handoff.owner is not None and (handoff.owner.id, handoff.owner.name) == (
        "csm-7",
        "Cy Care",
    )
    import_owners(store, [("paid", "csm")], "csv:o.csv")  # the CSM leaves: no CSM, no AM
    quinn = paywall_alert("quinn", AS_OF - timedelta(minutes=30), "pay-quinn")
    [handoff] = router(model_file).route(
        store, [quinn], [as_the_server_knows(quinn, "quinn@paid.io", "paid")]
    )
    assert handoff.path == "expansion"
    assert handoff.owner is not None and handoff.owner.id == "csm-1"  # the success team's
