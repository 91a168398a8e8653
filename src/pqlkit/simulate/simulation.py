"""Run the whole simulation: market → sessions → funnel → activity → conversion → tables.

Each stage draws from its own random stream spawned from the seed, so the same config gives
byte-identical tables. With ``target_events`` the simulator first runs a small pilot to learn how
many events an account produces, then keeps the configured number of accounts if reaching the
target needs no more than 0.5–2× the natural activity per user, and otherwise grows or shrinks
the market (the number of accounts) too; a last adjustment of the in-session work events lands
the total within a percent or two of the target.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
import pyarrow as pa

from pqlkit.errors import SimulationError
from pqlkit.simulate import behaviour, signup
from pqlkit.simulate.catalog import Catalog
from pqlkit.simulate.clock import DAY, to_us
from pqlkit.simulate.company import Population, build_population
from pqlkit.simulate.config import SimulationConfig
from pqlkit.simulate.conversion import Conversion, convert
from pqlkit.simulate.frame import EventFrame
from pqlkit.simulate.render import render_events
from pqlkit.simulate.sessions import Sessions, build_sessions
from pqlkit.simulate.signup import Funnel
from pqlkit.simulate.truth import truth_accounts, truth_users

PILOT_ACCOUNTS = 800
MIN_INTENSITY, MAX_INTENSITY = 0.5, 2.0

Progress = Callable[[int], None]


@dataclass(frozen=True)
class Simulation:
    """The simulated company's events and the ground truth behind them."""

    config: SimulationConfig
    events: pa.Table  # the store's event schema, sorted by timestamp
    users: pa.Table  # truth per user
    accounts: pa.Table  # truth per account


@dataclass(frozen=True)
class _Activity:
    population: Population
    sessions: Sessions
    funnel: Funnel
    events: EventFrame  # everything before conversion, unsorted


class _Streams:
    """One independent random stream per stage, spawned from the seed."""

    STAGES = (
        "market", "sessions", "visits", "signup", "invitations", "activation", "openers",
        "usage", "intent", "spare_invites", "conversion",
    )  # fmt: skip

    def __init__(self, seed: int, salt: int = 0) -> None:
        children = np.random.SeedSequence([seed, salt]).spawn(len(self.STAGES))
        self._rngs = {
            name: np.random.default_rng(child)
            for name, child in zip(self.STAGES, children, strict=True)
        }

    def __getitem__(self, stage: str) -> np.random.Generator:
        return self._rngs[stage]


def _activity(
    config: SimulationConfig,
    catalog: Catalog,
    accounts: int,
    intensity: float,
    streams: _Streams,
    target_events: int | None,
) -> _Activity:
    start_us = to_us(config.start)
    end_us = start_us + config.days * DAY
    id_keys = np.random.SeedSequence([config.seed, 0x1D5]).generate_state(2, dtype=np.uint64)
    population = build_population(
        streams["market"],
        accounts,
        start_us,
        end_us,
        len(config.vocabulary.activation_steps),
        id_key=int(id_keys[0]),
        user_key=int(id_keys[1]),
    )
    sessions = build_sessions(streams["sessions"], population, intensity)
    funnel = signup.activation(streams["activation"], population, sessions, catalog)
    fixed = [
        signup.anonymous_visits(streams["visits"], population, catalog),
        signup.signup_calls(streams["signup"], population, catalog),
        signup.invitations(streams["invitations"], population, sessions, catalog),
        funnel.frame,
        behaviour.session_openers(streams["openers"], population, sessions, catalog),
        behaviour.intent_events(streams["intent"], population, sessions, catalog, funnel),
        behaviour.spare_invites(streams["spare_invites"], population, sessions, catalog),
    ]
    means = behaviour.usage_means(population, sessions, intensity)
    if target_events is not None:
        fixed_count = sum(f.size for f in fixed)
        expected = float(means.sum())
        scale = (target_events - fixed_count) / expected if expected > 0 else 1.0
        means = means * float(np.clip(scale, 0.05, 20.0))
    usage = behaviour.usage_events(streams["usage"], population, sessions, catalog, funnel, means)
    return _Activity(population, sessions, funnel, EventFrame.concat([*fixed, usage]))


def _market_size(config: SimulationConfig, catalog: Catalog) -> tuple[int, float]:
    """How many accounts, and how intense their activity, to reach ``target_events``."""
    if config.target_events is None:
        return config.accounts, 1.0
    pilot = _activity(config, catalog, PILOT_ACCOUNTS, 1.0, _Streams(config.seed, 1), None)
    per_account = pilot.events.size / PILOT_ACCOUNTS
    ratio = config.target_events / (config.accounts * per_account)
    intensity = float(np.clip(ratio, MIN_INTENSITY, MAX_INTENSITY))
    accounts = round(config.accounts * ratio / intensity)
    if accounts < 1:
        raise SimulationError(
            f"target_events={config.target_events:,} is too small: one account produces about "
            f"{per_account:,.0f} events over {config.days} days"
        )
    return accounts, intensity


def generate(config: SimulationConfig, progress: Progress | None = None) -> Simulation:
    """Simulate the company; ``progress`` is called with the percentage done (0–100)."""

    def report(percent: int) -> None:
        if progress is not None:
            progress(percent)

    report(0)
    catalog = Catalog(config.vocabulary, config.rich_context)
    accounts, intensity = _market_size(config, catalog)
    report(5)
    activity = _activity(
        config, catalog, accounts, intensity, _Streams(config.seed), config.target_events
    )
    report(25)
    conversion = convert(
        _Streams(config.seed)["conversion"],
        activity.population,
        activity.sessions,
        activity.funnel,
        catalog,
        activity.events,
        config.conversion_rate,
    )
    events = _final_events(activity.events, conversion)
    report(35)
    table = render_events(
        events,
        activity.population,
        catalog,
        rich=config.rich_context,
        seed=config.seed,
        on_chunk=lambda done: report(35 + done * 60 // 100),
    )
    simulation = Simulation(
        config=config,
        events=table,
        users=truth_users(activity.population, conversion),
        accounts=truth_accounts(activity.population, conversion),
    )
    report(100)
    return simulation


def _final_events(events: EventFrame, conversion: Conversion) -> EventFrame:
    """Everything that still happens, with the conversions, in timestamp order."""
    merged = EventFrame.concat([replace(events, plan=conversion.plan), conversion.frame])
    keep = np.concatenate([conversion.keep, np.ones(conversion.frame.size, dtype=bool)])
    rows = np.flatnonzero(keep)
    return merged.select(rows[np.argsort(merged.t[rows], kind="stable")])
