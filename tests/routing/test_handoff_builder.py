"""The hand-off builder: what a scored row and its context become for sales."""

from __future__ import annotations

from datetime import datetime

from pqlkit.routing.assign import Chosen
from pqlkit.routing.builder import Route, build_handoff, lead_facts
from pqlkit.routing.context import EntityContext, Person, seniority

OLIVIA = Person("olivia", "olivia@acme.io", "Olivia Ode", "CEO")
ROW = {
    "entity_id": "acme",
    "entity_type": "account",
    "score": 3.0,
    "tier": "pql",
    "triggers": "seat_limit, paywall_hit",
    "reasons": "5+ users at the account: 5; 10+ core workflows in 7 days: 39×",
    "breakdown": '{"conditions": [{"signal": "users", "value": 5, "passed": true}]}',
    "model": "accounts",
    "pql_since": datetime(2026, 2, 20),
}


def test_an_account_lead_is_handed_over_with_its_most_senior_user_as_the_contact() -> None:
    context = EntityContext(
        "acme",
        account_id="acme",
        company="Acme",
        domain="acme.io",
        employees=3000.0,
        country="DE",
        most_senior=OLIVIA,
        key_actions=("Report Created 39 times in the 7 days to 2026-03-02 (latest 2026-03-01)",),
    )
    chosen = Chosen("ae-1", "alex@seller.example", "Alex", "U0ALEX", "enterprise", "round-robin")
    route = Route("enterprise", 2, chosen, datetime(2026, 3, 2, 18))
    handoff = build_handoff(ROW, context, route, ("Open with the 39 reports.",))
    assert (handoff.email, handoff.name, handoff.title) == ("olivia@acme.io", "Olivia Ode", "CEO")
    assert handoff.entity_kind == "account" and handoff.company == "Acme"
    assert handoff.triggers == ("seat_limit", "paywall_hit")
    assert handoff.reasons == ("5+ users at the account: 5", "10+ core workflows in 7 days: 39×")
    assert handoff.owner is not None and handoff.owner.slack_id == "U0ALEX"
    assert handoff.pql_since == datetime(2026, 2, 20) and handoff.path == "enterprise"
    facts = lead_facts(ROW, context, {"EMEA": ["DE"]})
    assert (facts["users"], facts["region"], facts["employees"]) == (5, "EMEA", 3000.0)
    assert facts["triggers"] == ["seat_limit", "paywall_hit"]


def test_seniority_reads_titles() -> None:
    titles = ["Software Engineer", "Head of Data", "VP Engineering", "Co-Founder & CTO", None]
    assert [seniority(t) for t in titles] == [9, 2, 1, 0, 9]
