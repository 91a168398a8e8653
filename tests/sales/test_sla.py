"""SLA tracking: response time (first touch − start) against each lead's deadline, per path and
per owner; breaches and open-and-overdue leads; conversion by response-time bucket."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from pqlkit.errors import ConfigError
from pqlkit.routing.owners import Assignment, record_assignments
from pqlkit.sales.feedback import Feedback, record
from pqlkit.sales.reports import ReportRequest
from pqlkit.sales.sla import percentile, sla_report
from pqlkit.store.store import Store
from pqlkit.triggers import alert_store
from pqlkit.triggers.alerts import Alert

T = datetime(2026, 3, 2, 9, 0)
HOUR = timedelta(hours=1)
NOW = T + timedelta(days=40)
PERIOD = {"since": T - timedelta(days=1), "until": T + timedelta(days=2), "now": NOW}


def alert(
    store: Store,
    entity: str,
    at: datetime,
    *,
    path: str = "hot",
    owner: str | None = "Riley Rep",
    due: timedelta = HOUR,
) -> str:
    """An alert fired at ``at``, routed to ``path`` and ``owner`` with a deadline ``due`` later."""
    fired = Alert(
        entity, "paywall_hit", at, f"m-{entity}-{at:%d%H%M}", at + 4 * HOUR, entity, entity
    )
    alert_store.record(store, [fired], "pillars", at)
    alert_id = alert_store.alert_id(fired)
    if owner is not None:
        record_assignments(store, [assignment(entity, at, path, owner, due, f"alert:{alert_id}")])
    return alert_id


def assignment(
    entity: str,
    at: datetime,
    path: str,
    owner: str,
    due: timedelta,
    key: str,
    source: str = "alert",
) -> Assignment:
    return Assignment(
        entity_id=entity,
        entity_kind="user",
        model="pillars",
        path=path,
        owner_id=owner.split()[0].lower(),
        owner_email=None,
        owner_name=owner,
        team="sales",
        reason="test",
        assigned_at=at,
        sla_due=at + due,
        handoff_key=key,
        source=source,
    )


def touch(store: Store, entity: str, at: datetime, label: str = "touched") -> None:
    record(store, Feedback(entity, label, at=at), "cli")


def test_response_times_breaches_and_overdue_leads_per_path_and_per_owner(store: Store) -> None:
    alert(store, "ann", T)  # touched in 30 minutes: within the hour
    alert(store, "bob", T)  # touched after 3 hours: a breach
    alert(store, "cy", T, owner="Sam Seller")  # never touched: overdue now
    alert(store, "dee", T, path="standard", owner="Sam Seller", due=4 * HOUR)  # in 2 h: fine
    touch(store, "ann", T + HOUR / 2)
    touch(store, "bob", T + 3 * HOUR)
    touch(store, "dee", T + 2 * HOUR)
    report = sla_report(store, **PERIOD)
    total = report.total
    assert (total.leads, total.touched, total.within_sla, total.breaches, total.open_overdue) == (
        4,
        3,
        2,
        2,
        1,
    )
    assert (total.median_hours, total.p90_hours) == (2.0, 2.8)  # 0.5, 2, 3 hours
    paths = {g.name: g for g in report.by("path")}
    assert (paths["hot"].leads, paths["hot"].breaches, paths["hot"].open_overdue) == (3, 2, 1)
    assert (paths["standard"].leads, paths["standard"].breaches) == (1, 0)
    owners = {g.name: g for g in report.by("owner")}
    assert (owners["Riley Rep"].median_hours, owners["Riley Rep"].breaches) == (1.75, 1)
    assert (owners["Sam Seller"].touched, owners["Sam Seller"].open_overdue) == (1, 1)
    [overdue] = report.as_json()["open_overdue"]
    assert (overdue["entity_id"], overdue["owner"], overdue["bucket"]) == (
        "cy",
        "Sam Seller",
        "never touched",
    )
    assert {lead.touch_source for lead in report.leads} == {"feedback:cli", None}


def test_conversion_by_response_time_buckets_counts_conversions_within_the_window(
    store: Store,
) -> None:
    for entity, minutes in (("a1", 20), ("a2", 40), ("b1", 120), ("c1", 600), ("d1", 1800)):
        alert(store, entity, T)
        touch(store, entity, T + timedelta(minutes=minutes))
    alert(store, "never", T)
    touch(store, "a1", T + timedelta(days=3), "converted")
    touch(store, "d1", T + timedelta(days=45), "converted")  # after the 30 days: not counted
    touch(store, "never", T - timedelta(days=2), "converted")  # before the lead: not counted
    buckets = {b.name: (b.leads, b.converted) for b in sla_report(store, **PERIOD).buckets}
    assert buckets == {
        "< 1h": (2, 1),
        "1-4h": (1, 0),
        "4-24h": (1, 0),
        "> 24h": (1, 0),
        "never touched": (1, 0),
    }


def test_a_lead_still_inside_its_window_is_not_yet_counted_as_unconverted(store: Store) -> None:
    alert(store, "fresh", T)
    report = sla_report(store, since=PERIOD["since"], until=PERIOD["until"], now=T + 2 * HOUR)
    assert sum(b.leads for b in report.buckets) == 0
    assert report.total.open_overdue == 1


def test_a_routed_lead_is_touched_by_the_first_touch_after_its_assignment_and_rerouting_an_untouched_lead_is_the_same_lead(
    store: Store,
) -> None:
    route = "route"
    record_assignments(
        store,
        [
            assignment("eve", T, "standard", "Riley Rep", 4 * HOUR, "lead:eve:1", route),
            # scored again, still untouched: the same lead, not a second one
            assignment("eve", T + HOUR, "standard", "Riley Rep", 4 * HOUR, "lead:eve:2", route),
        ],
    )
    touch(store, "eve", T - HOUR)  # before the lead: not its touch
    touch(store, "eve", T + 5 * HOUR)
    [lead] = sla_report(store, **PERIOD).leads
    assert (lead.kind, lead.lead_id, lead.first_touch, lead.breached(NOW)) == (
        "lead",
        "lead:eve:1",
        T + 5 * HOUR,
        True,
    )


def test_an_alert_nobody_routed_is_reported_under_its_own_deadline(store: Store) -> None:
    alert(store, "fay", T, owner=None)  # the trigger's 4 hours
    touch(store, "fay", T + 2 * HOUR)
    [lead] = sla_report(store, **PERIOD).leads
    assert (lead.path, lead.owner, lead.due, lead.breached(NOW)) == (
        "(not routed)",
        "(no owner)",
        T + 4 * HOUR,
        False,
    )


def test_percentiles_interpolate_between_ranks() -> None:
    assert percentile([], 0.5) is None
    assert percentile([1.0], 0.9) == 1.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0], 0.9) == 9.1


def test_pql_sla_prints_the_report_and_its_json(tmp_path: Path) -> None:
    db = tmp_path / "cli.duckdb"
    with Store.open(db) as store:
        alert(store, "ann", T)
        touch(store, "ann", T + HOUR / 2)
        alert(store, "bob", T, owner="Sam Seller")
    args = ["--db", str(db), "--from", "2026-03-01", "--to", "2026-03-03"]
    text = pql("sla", *args)
    assert text.returncode == 0, text.stderr
    assert "all: 2 leads, 1 touched (median 30m, p90 30m); 1 within the SLA, 1 breaches" in (
        text.stdout
    )
    assert "bob  hot  Sam Seller  due 2026-03-02 10:00" in text.stdout
    as_json = pql("sla", *args, "--json")
    data = json.loads(as_json.stdout)
    assert [g["name"] for g in data["by_owner"]] == ["Riley Rep", "Sam Seller"]
    assert pql("sla", "--db", str(db), "--from", "yesterday-ish").stderr.startswith(
        "error: --from: 'yesterday-ish' is not a date"
    )


def pql(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pqlkit", *args], capture_output=True, text=True, timeout=120
    )


def test_a_period_ending_too_early_for_its_default_start_is_refused_by_name() -> None:
    with pytest.raises(ConfigError, match=r"--to \(0001-01-01 00:00\) leaves no 90 days"):
        ReportRequest(until=datetime(1, 1, 1)).period(datetime(2026, 5, 1))
    assert ReportRequest(until=datetime(1, 4, 2)).period(datetime(2026, 5, 1)) == (
        datetime(1, 1, 2),
        datetime(1, 4, 2),
    )
