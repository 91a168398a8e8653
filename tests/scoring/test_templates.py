"""The other seed templates, by persona: threshold gates, best-of layers, account models."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from pqlkit.store.store import Store
from tests.history import History
from tests.scoring.test_pillars import DAY, T, score, signup

HOUR = timedelta(hours=1)
MINUTE = timedelta(minutes=1)


def test_threshold_needs_all_three_conditions(store: Store, tmp_path: Path) -> None:
    h = History()
    for user in ("all3", "two"):
        signup(h, user, T - 20 * DAY)
        h.repeat(user, "Report Created", 5, T - 10 * DAY, HOUR)  # core feature 5x in 30 days
        h.track(user, "Invite Sent", T - 9 * DAY)
        h.repeat(user, "Signed In", 3 if user == "all3" else 2, T - 3 * DAY, DAY)
    rows = score(h.load(store, tmp_path), model="threshold")
    assert (rows["all3"]["tier"], rows["all3"]["score"]) == ("pql", 3)
    assert (rows["two"]["tier"], rows["two"]["score"]) == ("not qualified", 2)
    assert [rows["two"][f"q__all__{i}"] for i in range(3)] == [True, True, False]


def test_weighted_110_counts_only_the_best_activation(store: Store, tmp_path: Path) -> None:
    h = History()
    signup(h, "best", T - 20 * DAY)
    h.track("best", "Onboarding Completed", T - 19 * DAY)  # 5
    h.track("best", "Data Source Connected", T - 18 * DAY)  # primary 15
    h.track("best", "Dashboard Shared", T - 17 * DAY)  # secondary 25
    row = score(h.load(store, tmp_path), model="weighted-110")["best"]
    assert [row[f"p__activation__{i}"] for i in range(3)] == [5, 15, 25]
    assert row["l__activation"] == 25  # best of, not 45


def test_weighted_110_intent_and_persona(store: Store, tmp_path: Path) -> None:
    h = History()
    signup(h, "vp", T - 20 * DAY, employees=300, industry="Software")
    h.identify("vp", T - 20 * DAY, title="VP of Engineering")
    h.page("vp", "Pricing", T - 2 * DAY)
    h.page("vp", "Billing", T - 2 * DAY)
    row = score(h.load(store, tmp_path), model="weighted-110")["vp"]
    assert row["l__intent"] == 5  # billing (5) beats pricing (3)
    assert row["l__firmographic"] == 10  # size 5 + industry 3 + persona 2


def test_account_threshold_scores_accounts(store: Store, tmp_path: Path) -> None:
    h = History()

    def company(name: str, people: int, workflows: int, employees: int) -> None:
        for n in range(people):
            user = f"{name}-{n}"
            h.identify(user, T - 20 * DAY, email=f"{user}@{name}.com")
            h.group(user, name, T - 20 * DAY, employees=employees, domain=f"{name}.com")
        h.repeat(f"{name}-0", "Report Created", workflows, T - 5 * DAY, HOUR)

    company("ready", people=5, workflows=10, employees=51)
    company("small", people=5, workflows=10, employees=50)
    company("quiet", people=6, workflows=9, employees=400)
    rows: dict[str, dict[str, Any]] = score(h.load(store, tmp_path), model="account-threshold")
    assert {k: v["tier"] for k, v in rows.items()} == {
        "ready": "pql",
        "small": "not qualified",
        "quiet": "not qualified",
    }
    assert rows["ready"]["s__users"] == 5


def test_weighted_70_every_action_counts_once(store: Store, tmp_path: Path) -> None:
    h = History()
    signup(h, "eve", T - 30 * DAY)  # signed up 10
    h.track("eve", "Onboarding Completed", T - 29 * DAY)  # 20
    h.repeat("eve", "Report Created", 4, T - 28 * DAY, DAY)  # core feature 15, once
    h.page("eve", "Pricing", T - 2 * DAY)  # 25: 70 points, a PQL
    signup(h, "fox", T - 30 * DAY)  # 10
    h.repeat("fox", "Invite Sent", 3, T - 5 * DAY, HOUR)  # 30, once
    h.track("fox", "Paywall Hit", T - DAY)  # 35: 75
    signup(h, "gil", T - 30 * DAY)
    h.track("gil", "Onboarding Completed", T - 29 * DAY)
    h.track("gil", "Report Created", T - 28 * DAY)  # 10 + 20 + 15 = 45
    rows = score(h.load(store, tmp_path), model="weighted-70")
    assert (rows["eve"]["score"], rows["eve"]["tier"]) == (70, "pql")  # exactly at the threshold
    assert (rows["fox"]["score"], rows["fox"]["tier"]) == (75, "pql")
    assert (rows["gil"]["score"], rows["gil"]["tier"]) == (45, "not qualified")


def test_the_signals_template_credits_a_teammate_with_the_team_around_them(
    store: Store, tmp_path: Path
) -> None:
    h = History()
    signup(h, "lead", T - 20 * DAY, employees=300)
    h.group("lead", "acc-lead", T - 20 * DAY, plan="trial")
    for n, step in enumerate(("Project Created", "Data Source Connected", "Dashboard Created")):
        h.track("lead", step, T - 19 * DAY + n * HOUR)  # activated within 7 days
    h.repeat("lead", "Report Created", 5, T - 10 * DAY, 10 * MINUTE)  # core feature 5x in 30d
    h.repeat("lead", "Invite Sent", 2, T - 9 * DAY, 10 * MINUTE)
    for days in (6, 4, 2):
        h.track("lead", "Signed In", T - days * DAY)
    h.track("lead", "Paywall Hit", T - 2 * DAY)
    h.page("lead", "Pricing", T - DAY)
    h.identify("mate", T - 5 * DAY, email="mate@lead-corp.com")
    h.group("mate", "acc-lead", T - 5 * DAY)
    h.track("mate", "Signed In", T - 3 * DAY)
    rows = score(h.load(store, tmp_path), model="signals")

    lead = rows["lead"]
    # one session each on T-10d, T-9d, T-6d, T-4d, T-2d, T-1d; the team's adds mate's one
    assert (lead["s__sessions_14d"], lead["s__team_sessions_14d"]) == (6, 7)
    assert (lead["s__members"], lead["s__active_teammates_14d"], lead["s__age_days"]) == (2, 2, 20)
    # activation 15 + 5, usage 10 + 10, team 10 + 10, intent 10 + 5 (paywall, pricing),
    # fit 10 + 5 (300 employees, on a trial)
    layers = ("activation", "usage", "team", "intent", "fit")
    assert [lead[f"l__{layer}"] for layer in layers] == [20, 20, 20, 15, 15]
    assert (lead["score"], lead["tier"]) == (90, "hot")

    mate = rows["mate"]  # did little, but the account's team, intent and fit are theirs too
    assert [mate[f"l__{layer}"] for layer in layers] == [0, 0, 20, 15, 15]
    assert (mate["score"], mate["tier"]) == (50, "pql")
