"""The product's event names can be changed; canonical behaviour stays the same."""

from __future__ import annotations

import json

import pytest

from pqlkit.errors import SimulationError
from pqlkit.simulate import DEFAULT_VOCABULARY, SimulationConfig, Vocabulary, generate


def test_the_default_vocabulary_speaks_segment_b2b_saas() -> None:
    names = DEFAULT_VOCABULARY.as_mapping()
    assert names["signed_up"] == "Signed Up"
    assert names["account_added_user"] == "Account Added User"
    assert names["core_feature"] == "Report Created"
    features = len(DEFAULT_VOCABULARY.features) + len(DEFAULT_VOCABULARY.advanced_features)
    assert 8 <= features <= 12


def test_overriding_the_core_feature_renames_its_events() -> None:
    vocabulary = DEFAULT_VOCABULARY.with_overrides({"core_feature": 'Task "Created"'})
    sim = generate(SimulationConfig(accounts=60, seed=2, days=30, vocabulary=vocabulary))
    events = sim.events["event"].to_pylist()
    assert 'Task "Created"' in events
    assert "Report Created" not in events
    for properties in sim.events["properties"].to_pylist()[:2000]:
        assert properties is None or isinstance(json.loads(properties), dict)


def test_from_mapping_fills_in_defaults_and_takes_lists() -> None:
    vocabulary = Vocabulary.from_mapping(
        {"activation_steps": ["Board Created", "Task Assigned"], "core_feature": "Task Created"}
    )
    assert vocabulary.activation_steps == ("Board Created", "Task Assigned")
    assert vocabulary.signed_in == "Signed In"
    sim = generate(SimulationConfig(accounts=60, seed=2, days=30, vocabulary=vocabulary))
    assert "Task Assigned" in sim.events["event"].to_pylist()


def test_an_unknown_canonical_name_gets_a_hint() -> None:
    with pytest.raises(SimulationError, match="Did you mean 'core_feature'"):
        DEFAULT_VOCABULARY.with_overrides({"core_featur": "X"})


def test_two_canonical_names_cannot_share_an_event_name() -> None:
    with pytest.raises(SimulationError, match="used for two canonical names"):
        DEFAULT_VOCABULARY.with_overrides({"core_feature": "Signed In"})


def test_lists_and_single_names_are_not_confused() -> None:
    with pytest.raises(SimulationError, match="takes a list"):
        DEFAULT_VOCABULARY.with_overrides({"features": "Report Viewed"})
    with pytest.raises(SimulationError, match="takes one name"):
        DEFAULT_VOCABULARY.with_overrides({"core_feature": ["A", "B"]})
