"""CRM read-back beyond the record's owner: the account's CSM and account manager come back
(a HubSpot company's role properties, Salesforce's account team) and an expansion lead goes to
them; owners come back with their names and e-mails; and a lead's first touch is its own
owner's call, e-mail or task — another rep's is kept, but is not the first touch."""

from __future__ import annotations

from datetime import timedelta

from pqlkit.destinations.hubspot import HubSpotDestination
from pqlkit.routing.assign import choose_owner
from pqlkit.routing.owners import AccountOwner, Assignment, import_owners, owners_of
from pqlkit.routing.owners import record_assignments as record
from pqlkit.routing.schema import Member
from pqlkit.routing.schema import Path as RoutePath
from pqlkit.sales.crm_sync import sync_all
from pqlkit.sales.sla import alert_leads, routed_leads
from pqlkit.store.store import Store
from pqlkit.triggers import alert_store
from tests.destinations.conftest import START, Clock
from tests.destinations.fake_apis import HUBSPOT_TOKEN, FakeHubSpot, FakeSalesforce
from tests.destinations.test_crm_read_back import MINUTE, delivered, the_alert
from tests.destinations.test_salesforce import salesforce

EXPANSION = RoutePath(team="success", keep_owner=["csm", "am"])
SUCCESS_TEAM = [Member(id="0070x", name="Robin Roundrobin")]


def hubspot_with_roles(api: FakeHubSpot) -> HubSpotDestination:
    return HubSpotDestination(
        name="crm",
        kinds=frozenset({"alert", "lead"}),
        secrets=(HUBSPOT_TOKEN,),
        token=HUBSPOT_TOKEN,
        api_url=api.url,
        roles={"csm": "csm_owner_id", "am": "account_manager_id"},
    )


def routed_to(store: Store, entity: str, owner_id: str, source: str = "alert") -> None:
    """The entity's alert (or a routed lead) assigned to ``owner_id``, as routing records it."""
    [alert] = alert_store.read(store, entity_id=entity)
    key = f"alert:{alert.alert_id}" if source == "alert" else f"lead:{entity}"
    assignment = Assignment(
        entity, "user", "pillars", "hot", owner_id, None, None, "sales", "round-robin",
        START, START + timedelta(hours=4), key, source,
    )  # fmt: skip
    record(store, [assignment])


def test_a_hubspot_companys_csm_comes_back_named_and_an_expansion_lead_goes_to_them(
    store: Store, clock: Clock
) -> None:
    waits: list[float] = []
    with FakeHubSpot() as api:
        api.clock = clock
        crm = hubspot_with_roles(api)
        delivered(store, crm, clock, "acme", entity_kind="account")  # the company is pqlkit's
        for number in range(150):  # two pages of owners
            api.add_owner(str(7000 + number), f"Rep{number}", "Seller", f"r{number}@seller.io")
        api.add_owner("7001", "Sam", "Rep", "sam@seller.example")
        api.add_owner("7120", "Casey", "Success", "casey@seller.example")
        clock.advance(minutes=30)
        api.reassign(api.companies, "acme.io", "7120", "csm_owner_id")
        api.owners_throttled = 1  # the owners API is throttled once
        [done] = sync_all(store, [crm], now=clock(), sleep=waits.append)
    assert waits == [1.0]
    assert done.owners == 2  # the owner (the contact's, 7001) and the CSM; no account manager
    owners = owners_of(store, ["acme"])["acme"]
    assert owners["csm"] == AccountOwner(
        "acme", "csm", "7120", "casey@seller.example", "Casey Success"
    )
    assert (owners["owner"].owner_id, owners["owner"].name) == ("7001", "Sam Rep")
    assert "am" not in owners
    [search] = [r.json() for r in api.requests if r.path == "/crm/v3/objects/companies/search"]
    assert search["properties"] == [
        "hs_lastmodifieddate",
        "hubspot_owner_id",
        "account_manager_id",
        "csm_owner_id",
    ]
    pages = [r.query.get("after") for r in api.requests if r.path == "/crm/v3/owners"]
    assert pages == [None, None, ["100"]]  # the 429, then two pages
    chosen = choose_owner("expansion", EXPANSION, SUCCESS_TEAM, {}, owners, None, 0)
    assert (chosen.owner_id, chosen.name, chosen.reason) == (
        "7120",
        "Casey Success",
        "the account's existing csm keeps it",
    )


def test_a_csm_emptied_on_the_hubspot_company_is_no_longer_the_accounts_csm(
    store: Store, clock: Clock
) -> None:
    with FakeHubSpot() as api:
        api.clock = clock
        crm = hubspot_with_roles(api)
        delivered(store, crm, clock, "acme", entity_kind="account")
        api.add_owner("7120", "Casey", "Success", "casey@seller.example")
        api.add_owner("7130", "Alex", "Manager", "alex@seller.example")
        clock.advance(minutes=30)
        api.reassign(api.companies, "acme.io", "7120", "csm_owner_id")
        api.reassign(api.companies, "acme.io", "7130", "account_manager_id")
        sync_all(store, [crm], now=clock())
        assert set(owners_of(store, ["acme"])["acme"]) >= {"csm", "am"}
        clock.advance(minutes=30)
        api.reassign(api.companies, "acme.io", "", "csm_owner_id")  # Casey moves on
        [done] = sync_all(store, [crm], now=clock())
    assert done.owners == 1  # the CSM cleared; the account manager unchanged
    owners = owners_of(store, ["acme"])["acme"]
    assert "csm" not in owners
    assert owners["am"].owner_id == "7130"
    chosen = choose_owner("expansion", EXPANSION, SUCCESS_TEAM, {}, owners, None, 0)
    assert chosen.owner_id == "7130"  # the account manager keeps the expansion lead now


def test_another_reps_call_is_kept_but_the_first_touch_is_the_owners_own(
    store: Store, clock: Clock
) -> None:
    with FakeHubSpot() as api:
        api.clock = clock
        crm = hubspot_with_roles(api)
        delivered(store, crm, clock)  # usr_42, routed to Sam (7001)
        routed_to(store, "usr_42", "7001")
        routed_to(store, "usr_42", "7001", source="route")
        delivered(store, crm, clock, "usr_7", email="lee@acme.io")  # routed to no one
        api.add_owner("7001", "Sam", "Rep", "sam@seller.example")
        clock.advance(minutes=40)
        api.log("calls", "dana@acme.io", "7009", START + 10 * MINUTE)  # a colleague's call
        api.log("emails", "dana@acme.io", "7001", START + 25 * MINUTE)  # the owner's e-mail
        api.log("calls", "lee@acme.io", "7009", START + 15 * MINUTE)
        [done] = sync_all(store, [crm], now=clock())
    assert (done.touches, done.first_touches) == (3, 2)
    assert the_alert(store).first_touch_at == START + 25 * MINUTE  # Sam's, not 7009's
    assert the_alert(store, "usr_7").first_touch_at == START + 15 * MINUTE  # no owner: anyone's
    touches = store.table("crm_touches").to_pyarrow().to_pylist()
    assert sorted((t["entity_id"], t["owner_id"], t["kind"]) for t in touches) == [
        ("usr_42", "7001", "email"),
        ("usr_42", "7009", "call"),
        ("usr_7", "7009", "call"),
    ]
    until = START + timedelta(days=1)
    [lead] = routed_leads(store, START - timedelta(days=1), until, None)
    assert (lead.first_touch, lead.owner) == (START + 25 * MINUTE, "Sam Rep")
    alerts = {a.entity_id: a for a in alert_leads(store, START - timedelta(days=1), until, None)}
    assert alerts["usr_42"].owner == "Sam Rep"  # the assignment had only the id


def test_salesforce_account_team_members_come_back_as_roles_with_the_users_names(
    store: Store, clock: Clock
) -> None:
    with FakeSalesforce() as api:
        api.clock = clock
        api.page_size = 2  # to follow nextRecordsUrl
        account = api.add("Account", Name="Acme", OwnerId="005AE0000000001")
        api.add("Contact", LastName="Whitfield", Email="dana@acme.io", AccountId=account)
        api.add("Contact", LastName="Other", Email="other@acme.io", AccountId=account)
        sfdc = salesforce(api)
        delivered(store, sfdc, clock)
        delivered(store, sfdc, clock, "acme", entity_kind="account")
        import_owners(  # from a CSV: the account's owner under an old name
            store,
            [AccountOwner("acme", "owner", "005AE0000000001", None, "A. Exec")],
            "csv",
            clock(),
        )
        api.add("User", Id="005AE0000000001", Name="Alex Exec", Email="alex@seller.example")
        api.add("User", Id="005CS0000000001", Name="Casey Success", Email="casey@seller.example")
        api.add("User", Id="005AM0000000001", Name="Avery Manager", Email="avery@seller.example")
        clock.advance(minutes=20)
        for user, role in (
            ("005CS0000000001", "Customer Success Manager"),
            ("005AM0000000001", "Account Manager"),
            ("005SE0000000001", "Sales Engineer"),  # not a routing role: left out
        ):
            api.add("AccountTeamMember", AccountId=account, UserId=user, TeamMemberRole=role)
        [done] = sync_all(store, [sfdc], now=clock())
    owners = owners_of(store, ["usr_42", "acme"])
    for entity in ("usr_42", "acme"):
        assert owners[entity]["csm"] == AccountOwner(
            entity, "csm", "005CS0000000001", "casey@seller.example", "Casey Success"
        )
        assert owners[entity]["am"].name == "Avery Manager"
    assert owners["acme"]["owner"].name == "Alex Exec"  # the CRM's name replaces the old one
    assert done.names == 1
    queries = [r.query.get("q", [""])[0] for r in api.requests if r.path.endswith("/query")]
    changes = [r.query.get("q", [""])[0] for r in api.requests if r.path.endswith("/queryAll")]
    assert changes == [
        "SELECT Id, AccountId, TeamMemberRole, IsDeleted FROM AccountTeamMember "
        "WHERE SystemModstamp >= 2026-01-31T09:15:00Z ORDER BY SystemModstamp ASC"
    ]
    assert (
        "SELECT Id, AccountId, UserId, TeamMemberRole FROM AccountTeamMember "
        f"WHERE AccountId IN ('{account}') ORDER BY LastModifiedDate ASC"
    ) in queries
    assert f"SELECT Id, AccountId FROM Contact WHERE AccountId IN ('{account}')" in queries
    [users] = [q for q in queries if " FROM User " in q]
    assert "'005CS0000000001'" in users and "'005AE0000000001'" in users


def test_a_salesforce_team_member_removed_from_the_account_is_no_longer_its_csm(
    store: Store, clock: Clock
) -> None:
    with FakeSalesforce() as api:
        api.clock = clock
        account = api.add("Account", Name="Acme", OwnerId="005AE0000000001")
        api.add("Contact", LastName="Whitfield", Email="dana@acme.io", AccountId=account)
        sfdc = salesforce(api)
        delivered(store, sfdc, clock)
        delivered(store, sfdc, clock, "acme", entity_kind="account")
        clock.advance(minutes=20)
        casey = api.add(
            "AccountTeamMember",
            AccountId=account,
            UserId="005CS0000000001",
            TeamMemberRole="Customer Success Manager",
        )
        api.add(
            "AccountTeamMember",
            AccountId=account,
            UserId="005AM0000000001",
            TeamMemberRole="Account Manager",
        )
        sync_all(store, [sfdc], now=clock())
        assert owners_of(store, ["acme"])["acme"]["csm"].owner_id == "005CS0000000001"
        clock.advance(minutes=20)
        api.delete(casey)  # Casey leaves the account team
        [done] = sync_all(store, [sfdc], now=clock())
    assert done.owners == 2  # the CSM cleared on the account and on its contact's lead
    for entity in ("acme", "usr_42"):
        owners = owners_of(store, [entity])[entity]
        assert "csm" not in owners
        assert owners["am"].owner_id == "005AM0000000001"  # the rest of the team stays
