"""Training on an imported entity table: traits against the outcome, judged by cross-validation."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from pqlkit.events.importers.entity_table import import_entity_table
from pqlkit.learn.entity_table import read_entity_table
from pqlkit.learn.table_training import cross_validate, encode_traits, features_of
from pqlkit.learn.train import Artifact
from pqlkit.store.store import Store


def leads(path: Path, *, signal: bool, n: int = 1500) -> Path:
    """Leads whose conversion depends on time on site and occupation (or on nothing)."""
    rng = np.random.default_rng(11)
    minutes = rng.gamma(2.0, 300.0, n).round()
    occupation = rng.choice(["Working Professional", "Student", "Unemployed"], n, p=[0.2, 0.3, 0.5])
    odds = 0.004 * (minutes - 600) + np.where(occupation == "Working Professional", 2.5, -0.5)
    converted = rng.random(n) < 1 / (1 + np.exp(-odds))
    if not signal:
        converted = rng.permutation(converted)
    with path.open("w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["Prospect ID", "Minutes", "Occupation", "Email", "Converted"])
        for i in range(n):
            occ = "Select" if i % 17 == 0 else occupation[i]  # "Select" means not answered
            out.writerow([f"p{i}", int(minutes[i]), occ, f"p{i}@x{i}.example", int(converted[i])])
    return path


def imported(store: Store, path: Path) -> None:
    import_entity_table(
        store,
        path,
        entity="user",
        id_column="Prospect ID",
        outcome="Converted",
        missing=["Select"],
    )


def test_traits_become_numbers_and_one_column_per_frequent_value() -> None:
    rows = [
        {"minutes": 10, "occupation": "Student", "vip": True, "email": "a@a.example"},
        {"minutes": 20, "occupation": "Student", "email": "b@b.example"},
        {"occupation": "Unemployed", "vip": False, "email": "c@c.example"},
    ]
    encoded = encode_traits(rows)
    # e-mail has a different value on every row: it names leads, it does not describe them
    assert encoded.names == ["minutes", "vip", "occupation=Student", "occupation=Unemployed"]
    assert np.array_equal(
        encoded.features,
        np.array([[10, 1, 1, 0], [20, np.nan, 1, 0], [np.nan, 0, 0, 1]]),
        equal_nan=True,
    )
    again = encode_traits([{"occupation": "Retired", "minutes": 5}], encoded)
    assert again.names == encoded.names  # a new value has no column of its own
    assert np.array_equal(again.features, np.array([[5, np.nan, 0, 0]]), equal_nan=True)


def test_cross_validation_finds_the_signal_and_none_in_shuffled_outcomes(
    store: Store, tmp_path: Path
) -> None:
    imported(store, leads(tmp_path / "leads.csv", signal=True))
    table = read_entity_table(store.events, store.table("entity_tables"))
    assert len(table.entity_ids) == 1500 and table.outcome == "Converted"
    validation = cross_validate(features_of(table), table.converted, folds=5)
    learned = validation.scores["lightgbm"]
    assert len(learned.roc_auc) == 5 and learned.mean_roc_auc > 0.8
    assert validation.scores["logistic"].mean_roc_auc > 0.8
    # every row scored once, by the model that did not see it; reasons name real features
    assert ((validation.held_out > 0) & (validation.held_out < 1)).all()
    assert validation.reasons[0][0]["signal"] in ("Minutes", "Occupation=Working Professional")

    noise = Store.open(str(tmp_path / "noise.duckdb"))
    imported(noise, leads(tmp_path / "noise.csv", signal=False))
    table = read_entity_table(noise.events, noise.table("entity_tables"))
    shuffled = cross_validate(features_of(table), table.converted, folds=5)
    noise.close()
    assert 0.4 < shuffled.scores["lightgbm"].mean_roc_auc < 0.6


def test_pql_train_table_reports_folds_and_writes_an_artifact_and_held_out_scores(
    store: Store, tmp_path: Path
) -> None:
    from tests.cli.test_cli import pql

    imported(store, leads(tmp_path / "leads.csv", signal=True, n=800))
    store.close()
    db, out, scores = tmp_path / "test.duckdb", tmp_path / "xe.json", tmp_path / "scores.csv"
    done = pql(
        "train", "--table", "leads.csv", "--db", str(db), "--out", str(out), "--scores", str(scores)
    )
    assert done.returncode == 0, done.stderr
    assert "800 users" in done.stdout and "5-fold stratified cross-validation" in done.stdout
    assert "lightgbm   ROC-AUC 0." in done.stdout
    assert "fewer than 1,000" in done.stderr  # the seeds' warning, and the numbers still shown
    artifact = Artifact.load(out, ["Minutes", "Occupation"])
    assert artifact.source == "table:leads.csv" and artifact.metrics["lightgbm"]["folds"] == 5
    lines = scores.read_text().splitlines()
    assert lines[0] == "entity_id,probability,converted,reasons" and len(lines) == 801
    assert "Occupation is Working Professional" in scores.read_text()

    one_fold = pql("train", "--table", "leads.csv", "--folds", "1", "--db", str(db))
    assert one_fold.returncode == 1 and "--folds: 1 is too few" in one_fold.stderr

    missing = pql("train", "--db", str(db))
    assert missing.returncode != 0 and "--model, --from, --to needed" in missing.stderr
    assert "Traceback" not in missing.stderr
