"""A predictive model file (`type: predictive`): the signals of the rules model it extends, a
trained artifact that turns them into a probability, and the same outputs as a rules model —
`pql score`, `pql explain`, the ledger, the server — with each signal's push on the log-odds
in place of points.
"""

from __future__ import annotations

import json
import math
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from pqlkit.model.issues import ModelError
from pqlkit.model.loader import load, load_text
from pqlkit.model.templates import template_text
from pqlkit.scoring.run import score_events
from pqlkit.store.store import Store
from tests.cli.test_cli import pql
from tests.learn.conftest import Trained
from tests.server.process import ServeProcess

AS_OF = "2026-03-15"
PREDICTIVE = """\
name: pillars-predictive
type: predictive
extends: {base}
artifact: pql-predictive.json
tiers: {{pql: 0.05, hot: 0.3}}
"""


def model_file(directory: Path, trained: Trained, base: str = "pillars") -> Path:
    """A predictive model file with the trained artifact beside it."""
    shutil.copy(trained.artifact, directory / "pql-predictive.json")
    path = directory / "predictive.yaml"
    path.write_text(PREDICTIVE.format(base=base))
    return path


def rows_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


# -- the model file ----------------------------------------------------------------------------


def test_it_takes_the_signals_population_and_triggers_of_the_model_it_extends(
    tmp_path: Path, trained: Trained
) -> None:
    loaded = load(model_file(tmp_path, trained))
    pillars = load("pillars").model
    model = loaded.model
    assert (model.type, model.name, model.extends) == (
        "predictive",
        "pillars-predictive",
        "pillars",
    )
    assert model.signals == pillars.signals and model.triggers == pillars.triggers
    assert (model.entity, model.population, model.conversion) == (
        pillars.entity,
        pillars.population,
        pillars.conversion,
    )
    assert model.layers == {} and (model.tiers.pql, model.tiers.hot) == (0.05, 0.3)
    assert loaded.artifact is not None and loaded.artifact.model == "pillars"
    assert loaded.warnings == ()


def test_tiers_default_to_probabilities(tmp_path: Path, trained: Trained) -> None:
    path = model_file(tmp_path, trained)
    path.write_text("\n".join(path.read_text().splitlines()[:-1]) + "\n")  # no tiers line
    tiers = load(path).model.tiers
    assert tiers is not None and (tiers.pql, tiers.hot) == (0.2, 0.5)


def test_every_problem_in_a_predictive_file_at_once(tmp_path: Path, trained: Trained) -> None:
    model_file(tmp_path, trained)
    text = """\
name: broken
type: predictive
extends: pillars
artifact: missing.json
signals: {}
layers: {}
tires: {pql: 0.2}
tiers: {pql: 20, hot: 0.5}
"""
    with pytest.raises(ModelError) as raised:
        load_text(text, str(tmp_path / "broken.yaml"))
    where = tmp_path / "broken.yaml"
    assert [str(issue) for issue in raised.value.issues] == [
        f"{where}:4: artifact: {tmp_path / 'missing.json'}: no such model artifact "
        "(pql train --out …)",
        f"{where}:5: signals: a predictive model takes its signals from 'pillars' (extends:); "
        "change them there and retrain",
        f"{where}:6: layers: a predictive model has no rules; the trained artifact scores "
        "(tiers: are probabilities)",
        f"{where}:7: unknown key 'tires'. Did you mean 'tiers'?",
        f"{where}:8: tiers.pql: 20 is not a probability between 0 and 1 (a predictive "
        "model's score is the probability of converting)",
        f"{where}:8: tiers out of order: hot (0.5) must be above pql (20)",
    ]


def test_an_artifact_trained_on_other_signals_is_refused(tmp_path: Path, trained: Trained) -> None:
    base = template_text("pillars").replace(
        "signals:\n", "signals:\n  logins_7d: {count: {event: Signed In, window: 7d}}\n", 1
    )
    (tmp_path / "base.yaml").write_text(base)
    path = model_file(tmp_path, trained, base="base.yaml")
    done = pql("validate", str(path))
    assert done.returncode == 1
    assert (
        f"{path}:4: artifact: {tmp_path / 'pql-predictive.json'}: trained on other signals "
        "(missing now: –; new: logins_7d): retrain with pql train" in done.stderr
    )
    assert "Traceback" not in done.stderr


def test_a_rules_model_changed_since_training_is_a_warning(
    tmp_path: Path, trained: Trained
) -> None:
    base = template_text("pillars").replace("name: pillars", "name: acme", 1)
    (tmp_path / "acme.yaml").write_text(base)
    path = model_file(tmp_path, trained, base="acme.yaml")
    assert [str(w) for w in load(path).warnings] == [
        f"{path}:4: warning: artifact pql-predictive.json was trained on 'pillars', not 'acme': "
        "the signals have the same names, but if a definition changed the probabilities are "
        "off; retrain with pql train --model acme.yaml"
    ]
    done = pql("validate", str(path))
    assert done.returncode == 0, done.stderr
    assert "warning:" in done.stderr and "valid predictive model" in done.stdout


def test_the_same_signals_in_another_order_score_the_same(tmp_path: Path, trained: Trained) -> None:
    text = template_text("pillars")
    last = "  teammates_invited:\n    count: {event: Invite Sent}\n"
    assert last in text
    reordered = text.replace(last, "").replace("signals:\n", "signals:\n" + last, 1)
    (tmp_path / "pillars.yaml").write_text(reordered)
    (tmp_path / "kept").mkdir()
    moved = load(model_file(tmp_path, trained, base="pillars.yaml"))
    kept = load(model_file(tmp_path / "kept", trained))
    assert next(iter(moved.model.signals)) == "teammates_invited"
    assert next(iter(kept.model.signals)) == "activated"
    with Store.open(trained.db, read_only=True) as store:
        moment = datetime(2026, 3, 1)
        a = score_events(store.events, moved, moment).rows()
        b = score_events(store.events, kept, moment).rows()
    assert [(r["entity_id"], r["score"]) for r in a] == [(r["entity_id"], r["score"]) for r in b]


def test_calibrate_sets_a_predictive_models_probability_threshold(
    tmp_path: Path, trained: Trained
) -> None:
    path = model_file(tmp_path, trained)
    (tmp_path / "elsewhere").mkdir()
    out = tmp_path / "elsewhere" / "calibrated.yaml"  # the artifact: ../pql-predictive.json
    done = pql(
        "calibrate", "--model", str(path), "--capacity", "1000/week", "--target-conversion",
        "0.01", "--from", "2026-02-01", "--to", "2026-03-01", "--horizon", "14d",
        "--db", str(trained.db), "--out", str(out),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "-tiers: {pql: 0.05, hot: 0.3}" in done.stdout
    chosen = load(out).model.tiers
    assert chosen is not None and 0 < chosen.pql < 1 and float(f"{chosen.pql:.2g}") == chosen.pql
    assert chosen.hot is not None and chosen.pql < chosen.hot <= 0.99


# -- scoring and explaining ----------------------------------------------------------------------


@dataclass(frozen=True)
class Scored:
    model: Path
    args: list[str]
    rows: list[dict]
    stdout: str


@pytest.fixture(scope="module")
def scored(trained: Trained, tmp_path_factory: pytest.TempPathFactory) -> Scored:
    """`pql score` of the predictive model as of 2026-03-15, every row written to JSON lines."""
    directory = tmp_path_factory.mktemp("scored")
    path = model_file(directory, trained)
    out = directory / "scores.jsonl"
    args = ["--model", str(path), "--db", str(trained.db), "--as-of", AS_OF]
    done = pql("score", *args, "--no-ledger", "--out", str(out))
    assert done.returncode == 0, done.stderr
    return Scored(path, args, rows_of(out), done.stdout)


def test_the_score_is_the_probability_and_the_breakdown_derives_it(scored: Scored) -> None:
    assert "pillars-predictive as of 2026-03-15 00:00 UTC" in scored.stdout
    rows = scored.rows
    signals = sorted(load("pillars").model.signals)
    assert len(rows) > 100 and len({r["score"] for r in rows}) > 5
    for row in rows:
        breakdown = json.loads(row["breakdown"])
        probability = row["score"]
        assert 0 <= probability <= 1 and breakdown["probability"] == probability
        pushes = breakdown["contributions"]
        assert sorted(c["signal"] for c in pushes) == signals
        log_odds = breakdown["base_log_odds"] + sum(c["log_odds"] for c in pushes)
        assert 1 / (1 + math.exp(-log_odds)) == pytest.approx(probability, abs=1e-4)
        expected = "hot" if probability >= 0.3 else "pql" if probability >= 0.05 else None
        if expected is None:
            assert row["tier"] == "not qualified" or (row["tier"] == "hot" and row["triggers"])
        else:
            assert row["tier"] in (expected, "hot")
        assert row["reasons"].split("; ")[len(breakdown.get("triggers", []))] == (
            f"{100 * probability:.0f}% likely to convert"
        )
    pushed = next(r for r in rows if "log-odds" in r["reasons"])
    assert pushed["reasons"].split("; ")[-1].endswith(" log-odds)")


def test_explain_shows_every_push_on_the_log_odds(scored: Scored) -> None:
    row = scored.rows[0]
    done = pql("explain", row["entity_id"], *scored.args)
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert f"user {row['entity_id']} — pillars-predictive as of 2026-03-15 00:00 UTC" in text
    assert "trained model pql-predictive.json (LightGBM on the signals of pillars" in text
    assert "on average, before this user's signals" in text
    assert f"probability of converting within 14 days: {100 * row['score']:.1f}%" in text
    assert "(PQL at 5%, hot at 30%)" in text
    for push in json.loads(row["breakdown"])["contributions"]:
        if abs(push["log_odds"]) >= 0.005:
            assert push["reason"] in text


def test_the_ledger_and_a_backfill_record_probabilities(tmp_path: Path, trained: Trained) -> None:
    db = trained.store_copy(tmp_path)
    path = model_file(tmp_path, trained)
    done = pql(
        "score",
        "--model",
        str(path),
        "--db",
        str(db),
        "--as-of",
        AS_OF,
        "--backfill",
        "--from",
        "2026-03-01",
        "--every",
        "7d",
    )
    assert done.returncode == 0, done.stderr
    with Store.open(db, read_only=True) as store:
        ledger = store.table("scores_ledger").to_pyarrow().to_pylist()
        breakdowns = store.table("breakdowns").to_pyarrow().to_pylist()
    dates = sorted({r["as_of"] for r in ledger})
    assert dates == [datetime(2026, 3, 1), datetime(2026, 3, 8), datetime(2026, 3, 15)]
    assert {r["model"] for r in ledger} == {"pillars-predictive"}
    assert all(0 <= r["score"] <= 1 for r in ledger)
    assert all("contributions" in json.loads(b["breakdown"]) for b in breakdowns)


def test_a_predictive_score_reads_only_events_before_its_time(
    tmp_path: Path, trained: Trained
) -> None:
    """The leakage guard holds for the trained model too: later events change nothing."""
    loaded = load(model_file(tmp_path, trained))
    moment = datetime(2026, 2, 20)
    with Store.open(trained.db, read_only=True) as store:
        events = store.events
        everything = score_events(events, loaded, moment).rows()
        before = score_events(events.filter(events.timestamp < moment), loaded, moment).rows()
    assert everything == before and len(everything) > 100


def test_the_server_scores_and_explains_a_predictive_model(
    tmp_path: Path, trained: Trained, scored: Scored
) -> None:
    db = trained.store_copy(tmp_path)
    args = ["--model", str(scored.model), "--db", str(db), "--as-of", AS_OF]
    first = scored.rows[0]["entity_id"]
    explained_directly = pql("explain", first, *args)
    with ServeProcess(db, "--port", "0") as serving:
        serving.wait_ready()
        through = pql("score", *args, "--out", str(tmp_path / "through.jsonl"))
        explained = pql("explain", first, *args)
        assert serving.stop() == 0
    assert through.returncode == 0, through.stderr
    assert "scoring through pql serve" in through.stderr
    # the ledger run knows when each PQL began; the --no-ledger run does not
    rows = [{**r, "pql_since": None} for r in rows_of(tmp_path / "through.jsonl")]
    assert rows == scored.rows
    assert explained.returncode == 0 and explained.stdout == explained_directly.stdout
