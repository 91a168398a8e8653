"""`pql review`: the seeds' quarterly review — volume vs capacity, conversion within 30 days
against the 15–40% band, the feedback mix, response times, and the rules that no longer predict."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa

from pqlkit.model.loader import load
from pqlkit.sales.feedback import Feedback, record
from pqlkit.sales.review import review
from pqlkit.store.schema import SCORES_LEDGER
from pqlkit.store.store import Store

T0 = datetime(2026, 1, 5)  # a Monday
UNTIL = T0 + timedelta(weeks=12)
NOW = UNTIL + timedelta(days=40)
DAY = timedelta(days=1)


def breakdown(*fired: str, tier: str = "pql") -> str:
    """A stored breakdown of the pillars model in which the named rules gave points."""
    rules = {
        "activation": ["activation milestone completed", "activated within 7 days of signup"],
        "firmographic": ["company size", "ICP industry"],
        "intent": ["paywall hit", "enterprise feature accessed", "teammates invited"],
    }
    layers = [
        {
            "layer": layer,
            "points": 0,
            "rules": [
                {"signal": label, "label": label, "value": 1, "points": 10 if label in fired else 0}
                for label in labels
            ],
        }
        for layer, labels in rules.items()
    ]
    return json.dumps({"score": 60, "tier": tier, "layers": layers})


def ledger(store: Store, rows: list[tuple[str, datetime, str, str]]) -> None:
    """Scores ledger rows (entity, as_of, tier, breakdown) of the pillars model."""
    hashes = [hashlib.sha256(b.encode()).hexdigest()[:20] for *_, b in rows]
    table = pa.table(
        {
            "model": ["pillars"] * len(rows),
            "model_hash": ["h"] * len(rows),
            "entity_type": ["user"] * len(rows),
            "entity_id": [r[0] for r in rows],
            "as_of": pa.array([r[1] for r in rows], pa.timestamp("us")),
            "score": [60.0] * len(rows),
            "tier": [r[2] for r in rows],
            "breakdown_hash": hashes,
            "recorded_at": pa.array([NOW] * len(rows), pa.timestamp("us")),
        },
        schema=SCORES_LEDGER.to_pyarrow(),
    )
    store.backend.insert("scores_ledger", table)
    unique = dict(zip(hashes, (r[3] for r in rows), strict=True))
    store.backend.insert(
        "breakdowns", pa.table({"breakdown_hash": list(unique), "breakdown": list(unique.values())})
    )


def quarter(store: Store) -> None:
    """40 PQLs over 12 weeks. A paywall hit predicts (12 of 20 convert, 2 of 20 without); the
    ICP industry does not (7 of 20 with it and 7 of 20 without); every PQL is activated."""
    rows = []
    for i in range(40):
        entity = f"u{i:02d}"
        start = T0 + i * 2 * DAY
        fired = ["activation milestone completed"]
        paywall = i < 20
        if paywall:
            fired.append("paywall hit")
        if i % 2 == 0:
            fired.append("ICP industry")
        rows.append((entity, start, "pql", breakdown(*fired)))
        converts = (paywall and i < 12) or (not paywall and i >= 38)
        if converts:
            record(store, Feedback(entity, "converted", at=start + 5 * DAY), "cli")
    # ICP industry: converters u00..u11 (6 even), u38 (even), u39 → 7 with, 7 without
    rows.append(("old", T0 - 30 * DAY, "pql", breakdown("paywall hit")))  # a PQL since before
    rows.append(("back", T0 - 30 * DAY, "not qualified", breakdown()))
    for entity in ("u20", "u21"):
        record(store, Feedback(entity, "good", at=T0 + 50 * DAY), "cli")
    for entity in ("u22", "u23", "u24"):
        record(store, Feedback(entity, "not-ready", at=T0 + 50 * DAY), "cli")
    record(store, Feedback("u25", "lost", at=T0 + 60 * DAY), "cli")
    ledger(store, rows)


def run(store: Store, **options: Any) -> dict[str, Any]:
    done = review(store, load("pillars"), since=T0, until=UNTIL, now=NOW, **options)
    return done.as_json()


def test_the_quarterly_review_finds_the_rules_that_no_longer_predict(store: Store) -> None:
    quarter(store)
    data = run(store, capacity_per_week=3.0, capacity_source="--capacity")
    conversion = data["conversion"]
    assert (conversion["matured"], conversion["converted"], conversion["rate"]) == (40, 14, 0.35)
    assert conversion["verdict"] == "in band (15-40%)"
    rules = {r["rule"]: r for r in data["rules"]}
    paywall = rules["intent: paywall hit"]
    assert (paywall["fired"], paywall["rate_with"], paywall["rate_without"]) == (20, 0.6, 0.1)
    assert (paywall["lift"], paywall["flagged"], paywall["verdict"]) == (6.0, False, "predicts")
    industry = rules["firmographic: ICP industry"]
    assert (industry["fired"], industry["lift"], industry["flagged"]) == (20, 1.0, True)
    assert industry["verdict"] == "no longer predicts: lift 1.00"
    everyone = rules["activation: activation milestone completed"]
    assert (everyone["flagged"], everyone["verdict"]) == (
        False,
        "fired for every PQL: nothing to compare it with",
    )
    never = rules["intent: teammates invited"]
    assert (never["flagged"], never["verdict"]) == (True, "never fired for a PQL in the period")


def test_volume_per_week_is_compared_with_capacity(store: Store) -> None:
    quarter(store)
    volume = run(store, capacity_per_week=3.0, capacity_source="--capacity")["volume"]
    assert (volume["pqls"], volume["per_week"]) == (40, 3.33)  # "old" qualified before
    assert [w["pqls"] for w in volume["weeks"]] == [4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 1]
    assert sum(w["over_capacity"] for w in volume["weeks"]) == 6
    assert volume["verdict"] == (
        "3.3 a week is 111% of the capacity of 3: more than sales can work — tighten the "
        "threshold (6 weeks over)"
    )
    assert run(store)["volume"]["verdict"].startswith("no capacity given")


def test_the_feedback_mix_and_precision_by_the_latest_verdict(store: Store) -> None:
    quarter(store)
    feedback = run(store)["feedback"]
    assert feedback["counts"] == {
        "good": 2,
        "not-ready": 3,
        "lost": 1,
        "converted": 14,
        "touched": 0,
    }
    assert feedback["precision"] == 16 / 20


def test_a_conversion_rate_below_the_band_is_too_loose_and_young_pqls_wait(
    store: Store,
) -> None:
    rows = [(f"v{i}", T0 + i * DAY, "pql", breakdown()) for i in range(10)]
    ledger(store, rows)
    record(store, Feedback("v1", "converted", at=T0 + 3 * DAY), "cli")
    data = run(store)
    assert data["conversion"]["rate"] == 0.1
    assert data["conversion"]["verdict"].startswith("too loose: below 15%")
    young = review(store, load("pillars"), since=T0, until=UNTIL, now=T0 + 20 * DAY)
    assert young.conversion_rate is None
    assert young.band == "unknown: no PQL of the period is 30 days old yet"


def test_pql_review_prints_the_review_with_the_routing_files_capacity(tmp_path: Path) -> None:
    db = tmp_path / "review.duckdb"
    with Store.open(db) as store:
        quarter(store)
    model = tmp_path / "pillars.yaml"
    from pqlkit.model.templates import template_text

    model.write_text(template_text("pillars"))
    (tmp_path / "routing.yaml").write_text(
        "capacity: 12/month\npaths:\n  self-serve: {actions: [email]}\n"
        "rules:\n  - {path: self-serve, when: {tier: pql}}\n"
    )
    args = ["review", "--model", str(model), "--db", str(db)]
    args += ["--from", "2026-01-05", "--to", "2026-03-30"]
    done = subprocess.run(
        [sys.executable, "-m", "pqlkit", *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert (
        "Volume: 40 new PQLs, 3.33 a week — 3.3 a week is 121% of the capacity of 2.76: more"
        in text
    )
    assert "Feedback: good 2, not-ready 3, lost 1, converted 14, touched 0; precision 80%" in text
    assert " ! firmographic: ICP industry: fired for 20 of " in text
    bad = subprocess.run(
        [sys.executable, "-m", "pqlkit", *args, "--capacity", "lots"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert bad.returncode == 1
    assert bad.stderr == "error: --capacity: 'lots' is not like 150/week, 30/day or 150\n"
