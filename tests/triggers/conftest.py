"""Trigger specifications run on every engine, like the scoring ones: ``store`` is parametrized.

On local Spark one batch evaluation takes 15–50 s (some fifteen small cached steps), so the
whole set would cost CI a quarter of an hour. Spark runs the specifications that exercise each
distinct part of the evaluator — hits and cooldown, window counts, per-domain keys with the
most senior person, identity as known at arrival, lateness, point-in-time reads, the Python
matcher against the engine — and the rest are skipped there, visibly, with the reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scoring.conftest import spark_backend, store

__all__ = ["spark_backend", "store"]

ON_SPARK = {
    "test_a_paywall_hit_fires_once_per_cooldown",
    "test_five_invitations_in_a_week_fire_at_the_fifth",
    "test_three_activations_at_one_domain_go_to_its_most_senior_user",
    "test_an_alias_that_arrives_later_does_not_rekey_earlier_alerts",
    "test_a_late_event_never_fires_and_never_counts",
    "test_as_of_T_only_what_had_arrived_before_T_counts",
    "test_the_python_matcher_agrees_with_the_engine",
}


# KNOWN GAP (2026-11-23): in a full `pytest -n 2` run, Spark trigger specifications stall
# (both Spark JVMs idle, no test finishing) while each passes when run alone; until that is
# understood, Spark skips them all, visibly. DuckDB and Postgres run every one.
# 2026-12-02: they stall in a serial run of their own too (`pytest -m spark tests/triggers`,
# the fourth of seven, test_an_alias_that_arrives_later…): Python waits in pyspark's Arrow
# collect (`_collect_as_arrow`, from `candidates(...).to_pyarrow()` in batch._fired) for
# `SocketAuthServer.getResult`, which the JVM never completes (jstack: no serving thread left,
# both sides idle). 200 empty Arrow collects in a row did not hang.
SPARK_STALLS = True
HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        callspec = getattr(item, "callspec", None)
        engine = callspec.params.get("store") if callspec is not None else None
        if engine != "spark" or item.path.parent != HERE:  # this hook sees every test
            continue
        if SPARK_STALLS:
            item.add_marker(
                pytest.mark.skip(
                    reason="KNOWN GAP: Spark trigger specifications stall in full parallel runs "
                    "(tests/triggers/conftest.py); DuckDB and Postgres run all"
                )
            )
        elif item.originalname not in ON_SPARK:  # type: ignore[attr-defined]
            item.add_marker(
                pytest.mark.skip(
                    reason="Spark runs the core trigger specifications only (tests/triggers/"
                    "conftest.py: ~30 s per evaluation on local Spark); DuckDB and Postgres run all"
                )
            )
