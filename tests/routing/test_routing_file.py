"""The routing file is checked like a model file: every problem at once, with line and hint."""

from __future__ import annotations

import pytest

from pqlkit.routing.config import RoutingConfigError, load_routing, load_routing_text
from pqlkit.routing.route import pick_path

SIGNALS = {"reports_7d", "invites", "employees"}


def issues(text: str) -> list[str]:
    with pytest.raises(RoutingConfigError) as caught:
        load_routing_text(text, "routing.yaml", signals=SIGNALS)
    return [str(issue) for issue in caught.value.issues]


def test_the_template_is_valid_and_routes_by_the_seeds_defaults() -> None:
    config = load_routing("template:default")
    assert list(config.paths) == ["expansion", "enterprise", "hot", "standard", "self-serve"]
    big = {"tier": "pql", "score": 80, "employees": 2500, "paying": False}
    assert pick_path(config, big) == (2, "enterprise")
    assert pick_path(config, {**big, "paying": True}) == (1, "expansion")
    assert pick_path(config, {"tier": "hot", "score": 30, "employees": 40}) == (3, "hot")
    assert pick_path(config, {"tier": "pql", "score": 45}) == (4, "standard")
    assert pick_path(config, {"tier": "not qualified", "score": 25}) == (5, "self-serve")
    assert pick_path(config, {"tier": "not qualified", "score": 5}) is None


def test_every_problem_is_reported_with_its_line_and_a_hint() -> None:
    text = """\
teams:
  sales: {calendar: us}
paths:
  hot: {team: sales, sla: 1h}
  standard: {team: salse, sla: 4 business hours}
rules:
  - {path: hott, when: {tierr: hot}}
  - {path: standard, when: {score: {least: 40}}}
"""
    assert issues(text) == [
        "routing.yaml:2: team 'sales': calendar 'us' is not defined.",
        "routing.yaml:5: path 'standard': team 'salse' is not defined. Did you mean 'sales'?",
        "routing.yaml:7: rule 1: path 'hott' is not defined. Did you mean 'hot'?",
        "routing.yaml:7: 'tierr' is not a fact or a signal of the model. Did you mean 'tier'?",
        "routing.yaml:8: score: unknown range key 'least' (use at_least, at_most, above, below)",
    ]


def test_schema_errors_name_the_key_and_suggest_the_right_one() -> None:
    text = """\
paths:
  hot: {team: sales, sal: 1h}
  standard: {sla: sometime}
rules:
  - {path: hot}
"""
    assert issues(text) == [
        "routing.yaml:2: unknown key 'sal' in paths.hot. Did you mean 'sla'?",
        "routing.yaml:3: paths.standard.sla: 'sometime' is not an SLA: write e.g. 1h, 24h, "
        "4 business hours or 1 business day.",
    ]


def test_a_team_path_needs_an_sla_and_a_talking_point_must_be_a_template() -> None:
    text = """\
teams: {sales: {}}
paths:
  standard: {team: sales}
rules:
  - {path: standard, when: {invites: {at_least: 1}}}
talking_points:
  - say: "{{ key_actions[0] "
"""
    found = issues(text)
    assert found[0] == (
        "routing.yaml:3: path 'standard' has a team but no sla (e.g. sla: 4 business hours)"
    )
    assert found[1].startswith("routing.yaml:7: talking point 1: template syntax:")


def test_a_talking_point_that_needs_what_the_lead_lacks_is_not_said() -> None:
    from pqlkit.routing.schema import TalkingPoint
    from pqlkit.routing.talking_points import talking_points

    points = [
        TalkingPoint(say="Coordinate with {{ coordinate | join(', ') }} first."),
        TalkingPoint(say="Open with: {{ key_actions[0] }}."),
        TalkingPoint(when={"employees": {"at_least": 200}}, say="{{ employees | number }} people."),
    ]
    lead = {"key_actions": ["Report Created 12 times"], "employees": 3000.0}
    assert talking_points(points, lead) == ("Open with: Report Created 12 times.", "3000 people.")
