"""A synthetic PLG SaaS company with known ground truth, for the demo, tests and benchmarks.

The company sells an analytics product ("Lumio") with a free plan, a 14-day trial and paid plans.
Companies of every size discover it over the simulated period; their people visit the marketing
site, sign up, go (or not) through onboarding and the activation steps, come back in sessions
with a daily and weekly rhythm, use the core feature and the others, invite teammates, look at
pricing, hit the free plan's limits, peek at enterprise features — and some accounts buy. Whether
an account buys depends on what it did before (non-linearly, with interactions), on its fit, and
on a hidden factor no event shows, so no scoring rule or model can be perfect, and each
account's true probability is kept as the oracle.

See the modules for each part of the model: :mod:`~pqlkit.simulate.company` (market),
:mod:`~pqlkit.simulate.sessions` (rhythm), :mod:`~pqlkit.simulate.signup` (identity and
activation), :mod:`~pqlkit.simulate.behaviour` (usage and intent),
:mod:`~pqlkit.simulate.conversion` (who pays), :mod:`~pqlkit.simulate.truth` (ground truth).

Usage::

    from pqlkit.simulate import SimulationConfig, generate, write

    sim = generate(SimulationConfig(accounts=500, seed=7))
    files = write(sim, Path("demo"), "parquet")

Importing the package is light (the config and vocabulary only); numpy and pyarrow load when
``generate``, ``write`` or the schemas are first used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from pqlkit.simulate.config import SimulationConfig
from pqlkit.simulate.vocabulary import DEFAULT_VOCABULARY, Vocabulary

if TYPE_CHECKING:
    from pqlkit.simulate.render import EVENT_SCHEMA
    from pqlkit.simulate.simulation import Simulation, generate
    from pqlkit.simulate.truth import ACCOUNTS_SCHEMA, USERS_SCHEMA
    from pqlkit.simulate.writer import SimulationFiles, write

_LAZY = {
    "EVENT_SCHEMA": "pqlkit.simulate.render",
    "Simulation": "pqlkit.simulate.simulation",
    "generate": "pqlkit.simulate.simulation",
    "ACCOUNTS_SCHEMA": "pqlkit.simulate.truth",
    "USERS_SCHEMA": "pqlkit.simulate.truth",
    "SimulationFiles": "pqlkit.simulate.writer",
    "write": "pqlkit.simulate.writer",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'pqlkit.simulate' has no attribute {name!r}")


__all__ = [
    "ACCOUNTS_SCHEMA",
    "DEFAULT_VOCABULARY",
    "EVENT_SCHEMA",
    "USERS_SCHEMA",
    "Simulation",
    "SimulationConfig",
    "SimulationFiles",
    "Vocabulary",
    "generate",
    "write",
]
