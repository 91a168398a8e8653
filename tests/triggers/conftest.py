"""Trigger specifications run on every engine, like the scoring ones: ``store`` is parametrized."""

from tests.scoring.conftest import spark_backend, store

__all__ = ["spark_backend", "store"]
