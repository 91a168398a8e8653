"""Owner assignment: keep the account's owner, else round-robin in the path's team.

Deterministic: the same facts, owners, earlier assignments and cursor give the same owner.

1. A path without a team (self-serve) has no owner.
2. The account's existing owner in one of the path's ``keep_owner`` roles keeps the lead
   (an expansion path keeps only the CSM / account manager — never a new-business rep).
3. A lead already assigned on this team keeps that owner (re-routing is sticky).
4. Otherwise the team's weighted round-robin: members in file order, each ``capacity`` slots
   of a smooth weighted cycle; the cursor is the number of slots used so far. The first slot
   at or after the cursor whose member's territory holds for the lead wins; the cursor moves
   past it. If no member's territory holds, any member may take it (and the reason says so).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pqlkit.routing.conditions import holds
from pqlkit.routing.owners import AccountOwner, Assignment
from pqlkit.routing.schema import Member
from pqlkit.routing.schema import Path as RoutePath


@dataclass(frozen=True)
class Chosen:
    owner_id: str | None
    email: str | None
    name: str | None
    slack_id: str | None
    team: str | None
    reason: str
    cursor: int | None = None  # the team's new round-robin position, when it moved
    coordinate: tuple[AccountOwner, ...] = ()  # told, not reassigned (an enterprise CSM)


def weighted_cycle(members: list[Member]) -> list[int]:
    """Member indices in smooth weighted round-robin order (capacity 2,1 → a, b, a)."""
    weights = [m.capacity for m in members]
    total = sum(weights)
    current = [0] * len(members)
    cycle = []
    for _ in range(total):
        for index, weight in enumerate(weights):
            current[index] += weight
        best = max(range(len(members)), key=lambda i: (current[i], -i))
        current[best] -= total
        cycle.append(best)
    return cycle


def choose_owner(
    path_name: str,
    path: RoutePath,
    members: list[Member],
    facts: Mapping[str, Any],
    owners: Mapping[str, AccountOwner],
    previous: Assignment | None,
    cursor: int,
) -> Chosen:
    coordinate = tuple(owners[r] for r in path.coordinate_with if r in owners)
    team = path.team
    if team is None:
        actions = f" ({', '.join(path.actions)})" if path.actions else ""
        return Chosen(None, None, None, None, None, f"no rep{actions}")
    for role in path.keep_owner:
        owner = owners.get(role)
        if owner is not None:
            return Chosen(
                owner.owner_id,
                owner.email,
                owner.name,
                owner.slack_id,
                team,
                f"the account's existing {role} keeps it",
                coordinate=coordinate,
            )
    if previous is not None and previous.team == team and previous.owner_id is not None:
        member = next((m for m in members if m.id == previous.owner_id), None)
        if member is not None:
            return _member(member, team, f"already assigned in {team}", None, coordinate)
    cycle = weighted_cycle(members)
    if not cycle:
        return Chosen(
            None,
            None,
            None,
            None,
            team,
            f"team {team} has no one with capacity",
            coordinate=coordinate,
        )
    eligible = {i for i, m in enumerate(members) if m.capacity > 0 and holds(m.territory, facts)}
    scope = "territory match"
    if not eligible:
        eligible = {i for i, m in enumerate(members) if m.capacity > 0}
        scope = "no territory matched, whole team"
    for step in range(len(cycle)):
        slot = cursor + step
        index = cycle[slot % len(cycle)]
        if index in eligible:
            reason = f"round-robin in {team} ({scope})"
            return _member(members[index], team, reason, slot + 1, coordinate)
    raise AssertionError("an eligible member is always in the cycle")


def _member(
    member: Member, team: str, reason: str, cursor: int | None, coordinate: tuple[AccountOwner, ...]
) -> Chosen:
    return Chosen(
        member.id, member.email, member.name, member.slack_id, team, reason, cursor, coordinate
    )
