"""Triggers in batch: fire at the event that makes them true, then keep quiet for the cooldown."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from pqlkit.model.loader import load
from pqlkit.scoring.run import score_events
from pqlkit.store.store import Store
from pqlkit.triggers.batch import active, evaluate
from pqlkit.triggers.seniority import seniority
from tests.engines import engine_events
from tests.history import History
from tests.scoring.test_pillars import DAY, T, activate, signup

PILLARS = load("pillars")


def alerts(store: Store, as_of: datetime = T) -> list[tuple[str, str, datetime]]:
    return [
        (a.entity_id, a.trigger, a.fired_at)
        for a in evaluate(engine_events(store), PILLARS.model, as_of)
    ]


def test_a_paywall_hit_fires_once_per_cooldown(store: Store, tmp_path: Path) -> None:
    h = History()
    signup(h, "ann", T - 30 * DAY)
    for days_before in (20, 18, 12):  # 20: fires; 18: within 7 days, quiet; 12: fires again
        h.track("ann", "Paywall Hit", T - days_before * DAY)
    h.load(store, tmp_path)
    assert alerts(store) == [
        ("ann", "paywall_hit", T - 20 * DAY),
        ("ann", "paywall_hit", T - 12 * DAY),
    ]
    (first, _) = evaluate(engine_events(store), PILLARS.model, T)
    assert first.deadline == first.fired_at + timedelta(hours=4)
    assert first.message_id.startswith("h")


def test_an_alert_is_active_for_seven_days_and_makes_the_lead_hot(
    store: Store, tmp_path: Path
) -> None:
    h = History()
    signup(h, "bea", T - 30 * DAY)
    h.track("bea", "Paywall Hit", T - 6 * DAY)
    h.load(store, tmp_path)
    run = score_events(engine_events(store), PILLARS, T)
    (row,) = [r for r in run.rows() if r["entity_id"] == "bea"]
    assert row["score"] == 15 and row["tier"] == "hot"
    assert row["triggers"] == "paywall_hit"
    assert row["reasons"].startswith("hot trigger: paywall hit; paywall hit: 1× (+15)")
    later = score_events(engine_events(store), PILLARS, T + 2 * DAY)
    assert {r["entity_id"]: r["tier"] for r in later.rows()}["bea"] == "not qualified"


def test_an_event_at_T_does_not_fire_before_T(store: Store, tmp_path: Path) -> None:
    h = History()
    signup(h, "cal", T - 30 * DAY)
    h.track("cal", "Paywall Hit", T)
    h.load(store, tmp_path)
    assert alerts(store) == []
    assert active(evaluate(engine_events(store), PILLARS.model, T + DAY), T + DAY) == {
        "cal": ["paywall_hit"]
    }


def test_only_gated_enterprise_features_fire(store: Store, tmp_path: Path) -> None:
    h = History()
    signup(h, "dot", T - 30 * DAY)
    h.track("dot", "Enterprise Feature Viewed", T - 3 * DAY, feature="Themes")
    h.track("dot", "Enterprise Feature Viewed", T - 2 * DAY, feature="SCIM")
    h.load(store, tmp_path)
    assert alerts(store) == [("dot", "enterprise_feature_access", T - 2 * DAY)]


def test_five_invitations_in_a_week_fire_at_the_fifth(store: Store, tmp_path: Path) -> None:
    h = History()
    signup(h, "eli", T - 30 * DAY)
    h.repeat("eli", "Invite Sent", 4, T - 20 * DAY, DAY)  # 4 in a week: nothing
    h.repeat("eli", "Invite Sent", 5, T - 10 * DAY, timedelta(hours=30))  # 5 within 7 days
    h.load(store, tmp_path)
    fifth = T - 10 * DAY + 4 * timedelta(hours=30)
    assert alerts(store) == [("eli", "invitation_burst", fifth)]


def test_three_activations_at_one_domain_go_to_its_most_senior_user(
    store: Store, tmp_path: Path
) -> None:
    h = History()
    start = T - 20 * DAY
    for user, title in (("fin", "Engineer"), ("gia", "VP Engineering"), ("hoa", "Analyst")):
        h.identify(user, start, email=f"{user}@acme.com", title=title)
        h.track(user, "Signed Up", start)
    h.identify("ike", start, email="ike@gmail.com", title="CEO")  # free mail: never counts
    activate(h, "ike", start)
    activate(h, "fin", start + DAY)
    activate(h, "hoa", start + 5 * DAY)
    activate(h, "gia", start + 9 * DAY)  # third activation at acme.com within 14 days
    h.load(store, tmp_path)
    fired = [a for a in alerts(store) if a[1] == "domain_adoption"]
    third = start + 9 * DAY + 2 * timedelta(hours=1)  # Dashboard Created is the last step
    assert fired == [("gia", "domain_adoption", third)]


def test_titles_rank_by_seniority() -> None:
    ranks = [
        seniority(t)
        for t in (
            "Co-Founder & CEO",
            "VP Sales",
            "Head of Data",
            "Engineering Manager",
            "Senior Analyst",
            "Analyst",
            None,
        )
    ]
    assert ranks == [6, 5, 4, 3, 2, 1, 0]
