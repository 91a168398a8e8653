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


# Until 2026-12-02 Spark skipped these: they stalled (the fourth of seven, in a serial run as in
# a parallel one) with Python waiting in pyspark's Arrow collect (`_collect_as_arrow`, from
# Ibis's `toPandas`) for `SocketAuthServer.getResult`, which the JVM never completed. With
# `spark.sql.execution.arrow.pyspark.enabled` off (pqlkit.store.spark: results come back as rows)
# the seven pass serially; with it on, the stall came back in the same serial run. In the full
# parallel Spark run the alias specification then ran the driver out of heap (1 GB) while Spark
# wrote out the text of its plan, twice in two runs; with the plan text capped
# (`spark.sql.maxPlanStringLength`) the run passed. SPARK_STALLS skips them all again if a
# stall ever returns.
SPARK_STALLS = False
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
                    reason="Spark trigger specifications stalled in pyspark's Arrow collect "
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
