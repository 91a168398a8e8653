"""Owner assignment: existing owners first, then a deterministic, capacity-weighted round-robin
with territories."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pqlkit.routing.assign import choose_owner, weighted_cycle
from pqlkit.routing.owners import (
    AccountOwner,
    Assignment,
    OwnersFileError,
    cursors,
    import_owners,
    owners_of,
    read_owners_csv,
    save_cursors,
)
from pqlkit.routing.schema import Member
from pqlkit.routing.schema import Path as RoutePath
from pqlkit.routing.sql import query
from pqlkit.store.store import Store

RILEY = Member(id="riley", capacity=2, territory={"region": "NA"})
SAM = Member(id="sam", capacity=1, territory={"region": "NA"})
EVA = Member(id="eva", capacity=1, territory={"region": "EMEA"})
TEAM = [RILEY, SAM, EVA]
STANDARD = RoutePath(team="sales", sla="4 business hours")


def deal(facts: dict[str, object], count: int, cursor: int = 0) -> list[str]:
    owners = []
    for _ in range(count):
        chosen = choose_owner("standard", STANDARD, TEAM, facts, {}, None, cursor)
        assert chosen.owner_id is not None and chosen.cursor is not None
        owners.append(chosen.owner_id)
        cursor = chosen.cursor
    return owners


def test_capacity_two_gets_twice_the_leads_spread_out() -> None:
    assert [TEAM[i].id for i in weighted_cycle(TEAM)] == ["riley", "sam", "eva", "riley"]
    assert deal({"region": "NA"}, 6) == ["riley", "sam", "riley", "riley", "sam", "riley"]


def test_the_same_inputs_give_the_same_owner() -> None:
    assert deal({"region": "NA"}, 5, cursor=7) == deal({"region": "NA"}, 5, cursor=7)


def test_a_lead_outside_every_territory_still_gets_an_owner_and_the_reason_says_so() -> None:
    chosen = choose_owner("standard", STANDARD, TEAM, {"region": "APAC"}, {}, None, 0)
    assert chosen.owner_id == "riley"
    assert chosen.reason == "round-robin in sales (no territory matched, whole team)"


def test_an_expansion_lead_goes_to_the_csm_never_to_the_new_business_rep() -> None:
    expansion = RoutePath(team="success", sla="1 business day", keep_owner=["csm", "am"])
    success = [Member(id="casey")]
    owners = {"ae": AccountOwner("acme", "ae", "pat")}
    chosen = choose_owner("expansion", expansion, success, {}, owners, None, 0)
    assert chosen.owner_id == "casey"  # the account's AE sells new business: not kept
    owners["csm"] = AccountOwner("acme", "csm", "cy", name="Cy Care")
    chosen = choose_owner("expansion", expansion, success, {}, owners, None, 0)
    assert (chosen.owner_id, chosen.reason) == ("cy", "the account's existing csm keeps it")


def test_a_lead_already_assigned_in_the_team_stays_with_its_owner() -> None:
    before = Assignment(
        "u1",
        "user",
        "m",
        "standard",
        "sam",
        None,
        None,
        "sales",
        "",
        datetime(2026, 3, 1),
        None,
        "lead:x",
    )
    chosen = choose_owner("standard", STANDARD, TEAM, {"region": "NA"}, {}, before, 0)
    assert (chosen.owner_id, chosen.cursor) == ("sam", None)


def test_a_self_serve_path_has_no_owner() -> None:
    path = RoutePath(actions=["in-app upgrade prompt"])
    chosen = choose_owner("self-serve", path, [], {}, {}, None, 0)
    assert chosen.owner_id is None
    assert chosen.reason == "no rep (in-app upgrade prompt)"


def test_owners_import_from_csv_the_latest_row_wins(store: Store, tmp_path: Path) -> None:
    first = tmp_path / "owners.csv"
    first.write_text(
        "account_id,role,owner_id,email,name\n"
        "acme,ae,ae-9,pat@seller.example,Pat Owner\n"
        "acme,csm,csm-7,cy@seller.example,Cy Care\n"
    )
    import_owners(store, read_owners_csv(first), "csv:owners.csv", now=datetime(2026, 3, 1))
    second = tmp_path / "update.csv"
    second.write_text("account_id,role,owner_id\nacme,csm,\nacme,ae,ae-2\n")
    import_owners(store, read_owners_csv(second), "csv:update.csv", now=datetime(2026, 3, 2))
    assert owners_of(store, ["acme"]) == {"acme": {"ae": AccountOwner("acme", "ae", "ae-2")}}


def test_a_team_s_cursor_keeps_its_highest_position_in_a_row_or_so(store: Store) -> None:
    """Each move drops the team's lower positions, so the table stays a row or so per team
    however long a server routes; a writer that read an older position never moves it back."""

    def rows() -> list[tuple[str, int]]:
        found = query(store, "SELECT team, position FROM routing_cursors ORDER BY team, position")
        return [(str(team), int(position)) for team, position in found]

    save_cursors(store, {"sales": 3, "success": 1})
    save_cursors(store, {"sales": 5})
    assert rows() == [("sales", 5), ("success", 1)]
    save_cursors(store, {"sales": 4})  # read before the move to 5
    assert cursors(store) == {"sales": 5, "success": 1}
    save_cursors(store, {"sales": 6})
    assert rows() == [("sales", 6), ("success", 1)]


def test_a_bad_owners_file_reports_every_line(tmp_path: Path) -> None:
    path = tmp_path / "owners.csv"
    path.write_text("account_id,role,owner_id\n,ae,x\nacme,sdr,y\nacme,ae,z\nacme,AE,w\n")
    with pytest.raises(OwnersFileError) as caught:
        read_owners_csv(path)
    assert [str(i) for i in caught.value.issues] == [
        f"{path}:2: account_id is empty",
        f"{path}:3: role 'sdr' is not one of owner, ae, csm, am.",
        f"{path}:5: 'acme' has its ae on line 4 already: one row per account and role",
    ]
    path.write_text("acount_id,owner\n")
    with pytest.raises(OwnersFileError) as caught:
        read_owners_csv(path)
    assert str(caught.value.issues[0]) == (
        f"{path}:1: the column 'account_id' is missing. Did you mean 'acount_id'?"
    )


@given(
    capacities=st.lists(st.integers(0, 5), min_size=1, max_size=6).filter(lambda c: sum(c) > 0),
    cursor=st.integers(0, 1000),
)
def test_over_a_full_cycle_each_member_gets_exactly_its_capacity(
    capacities: list[int], cursor: int
) -> None:
    team = [Member(id=f"m{i}", capacity=c) for i, c in enumerate(capacities)]
    dealt = []
    for _ in range(sum(capacities)):
        chosen = choose_owner("standard", STANDARD, team, {}, {}, None, cursor)
        assert chosen.cursor is not None
        dealt.append(chosen.owner_id)
        cursor = chosen.cursor
    assert [dealt.count(m.id) for m in team] == capacities
