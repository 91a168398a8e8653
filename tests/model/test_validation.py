"""Model validation: every problem at once, each with file:line, what is wrong and a hint."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pqlkit.errors import InputError
from pqlkit.model.issues import ModelError
from pqlkit.model.loader import load, load_text
from pqlkit.model.templates import TEMPLATES

BASE = """\
name: test
vocabulary:
  core_feature: Report Created
signals:
  sessions_14d:
    sessions: {window: 14d}
  core_30d:
    count: {event: $core_feature, window: 30d}
  employees:
    trait: {name: employees, of: account, type: number}
  industry:
    trait: {name: industry, of: account}
layers:
  usage:
    cap: 30
    rules:
      - signal: sessions_14d
        bands:
          - {from: 3, to: 6, points: 10}
          - {from: 7, points: 20}
      - {signal: core_30d, at_least: 5, points: 10}
tiers:
  pql: 20
  hot: 30
"""


def problems(text: str, **kwargs: object) -> list[str]:
    with pytest.raises(ModelError) as raised:
        load_text(textwrap.dedent(text), "models/acme.yaml", **kwargs)  # type: ignore[arg-type]
    return [str(issue) for issue in raised.value.issues]


def test_the_base_model_is_valid() -> None:
    loaded = load_text(BASE, "models/acme.yaml")
    assert loaded.model.name == "test" and loaded.warnings == ()


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_every_template_is_valid(name: str) -> None:
    loaded = load(name)
    assert loaded.source == f"template:{name}"
    assert loaded.warnings == ()


def test_an_unknown_signal_suggests_the_closest() -> None:
    text = BASE.replace("- signal: sessions_14d", "- signal: sesions_14d")
    assert problems(text) == [
        "models/acme.yaml:17: signal 'sesions_14d' is not defined. Did you mean 'sessions_14d'?"
    ]


def test_every_problem_is_reported_at_once() -> None:
    text = (
        BASE.replace("- signal: sessions_14d", "- signal: sesions_14d")
        .replace("hot: 30", "hot: 10")
        .replace("$core_feature", "$core_featur")
    )
    assert problems(text) == [
        "models/acme.yaml:8: '$core_featur' is not in the vocabulary. Did you mean '$core_feature'?",
        "models/acme.yaml:17: signal 'sesions_14d' is not defined. Did you mean 'sessions_14d'?",
        "models/acme.yaml:24: tiers out of order: hot (10) must be above pql (20)",
    ]


def test_an_unknown_key_suggests_the_right_one() -> None:
    text = BASE.replace("sessions: {window: 14d}", "sessions: {windw: 14d}")
    assert problems(text) == [
        "models/acme.yaml:6: unknown key 'windw' in signals.sessions_14d.sessions. Did you mean 'window'?"
    ]


def test_an_unknown_signal_kind_lists_the_kinds() -> None:
    text = BASE.replace("sessions: {window: 14d}", "sesions: {window: 14d}")
    assert problems(text) == [
        "models/acme.yaml:5: signals.sessions_14d: unknown signal kind 'sesions'. Did you mean 'sessions'?"
    ]


def test_a_bad_duration_says_how_to_write_one() -> None:
    text = BASE.replace("window: 30d", "window: 30 days")
    assert problems(text) == [
        "models/acme.yaml:8: signals.core_30d.count.window: '30 days' is not a duration: "
        "write a number and a unit, e.g. 30m, 4h, 14d or 2w"
    ]


def test_overlapping_bands() -> None:
    text = BASE.replace("{from: 7, points: 20}", "{from: 6, points: 20}")
    assert problems(text) == [
        "models/acme.yaml:20: layer 'usage' rule 1: band 2 (from 6) overlaps band 1 (up to 6)"
    ]


def test_unordered_bands() -> None:
    text = BASE.replace("{from: 3, to: 6, points: 10}", "{from: 8, to: 9, points: 10}")
    assert problems(text) == [
        "models/acme.yaml:20: layer 'usage' rule 1: bands are out of order (from 7 after from 8)"
    ]


def test_a_cap_below_one_rules_points() -> None:
    text = BASE.replace("cap: 30", "cap: 15")
    assert problems(text) == [
        "models/acme.yaml:15: layer 'usage': cap 15 is below rule 1's 20 points, which it could never give",
        "models/acme.yaml:23: warning: pql threshold 20 is above the highest possible score 15",
    ]


def test_a_numeric_test_on_a_text_signal_is_a_type_mismatch() -> None:
    text = BASE.replace(
        "      - {signal: core_30d, at_least: 5, points: 10}",
        "      - {signal: core_30d, at_least: 5, points: 10}\n      - {signal: industry, at_least: 3, points: 5}",
    )
    assert problems(text) == [
        "models/acme.yaml:22: layer 'usage' rule 3: at_least needs a number, but the signal is a string"
    ]


def test_a_value_type_is_only_for_the_last_value() -> None:
    text = BASE.replace(
        "count: {event: $core_feature, window: 30d}",
        "aggregate: {event: $core_feature, property: pages, fn: sum, type: string}",
    )
    assert problems(text) == [
        "models/acme.yaml:8: signals.core_30d.aggregate: type: string is for fn: last; "
        "sum works on numbers (leave type out)"
    ]


def test_a_rule_needs_points_or_bands() -> None:
    text = BASE.replace(
        "{signal: core_30d, at_least: 5, points: 10}", "{signal: core_30d, at_least: 5}"
    )
    assert problems(text) == [
        "models/acme.yaml:21: layer 'usage' rule 2: say how many points (points: N) or give bands"
    ]


def test_duplicate_names_are_a_yaml_error() -> None:
    text = BASE.replace("  employees:\n", "  sessions_14d:\n", 1)
    (message,) = problems(text)
    assert message.startswith("models/acme.yaml:9: YAML syntax:")
    assert "duplicate key" in message


def test_yaml_syntax_errors_name_the_line() -> None:
    (message,) = problems(BASE.replace("  pql: 20", "  pql: [20"))
    assert message.startswith("models/acme.yaml:24: YAML syntax:")  # where the parser noticed


def test_a_trigger_window_is_required_for_counts() -> None:
    text = (
        BASE
        + "triggers:\n  burst:\n    event: Invite Sent\n    at_least: 5\n    respond_within: 24h\n"
    )
    assert problems(text) == [
        "models/acme.yaml:26: trigger 'burst': at_least 5 needs within: (the sliding window)"
    ]


def test_a_trigger_must_trust_some_source() -> None:
    text = BASE + (
        "triggers:\n  paywall:\n    event: Paywall Hit\n    respond_within: 4h\n    sources: []\n"
    )
    assert problems(text) == [
        "models/acme.yaml:29: trigger 'paywall': sources is empty, so nothing could fire it; list server, browser or import"
    ]


def test_the_watermark_is_a_duration() -> None:
    model = load_text(BASE + "watermark: 30m\n", "models/acme.yaml").model
    assert model.watermark.total_seconds() == 1800
    assert problems(BASE + "watermark: soon\n") == [
        "models/acme.yaml:25: watermark: 'soon' is not a duration: write a number and a unit, e.g. 30m, 4h, 14d or 2w"
    ]


def test_events_never_seen_in_the_store_are_a_warning() -> None:
    loaded = load_text(BASE, "models/acme.yaml", known_events={"Report Creatd", "Signed In"})
    assert [str(w) for w in loaded.warnings] == [
        # the default conversion event is not written in the file, so it has no line
        "models/acme.yaml: warning: event 'Subscription Started' has never been seen in the store.",
        "models/acme.yaml:8: warning: event 'Report Created' has never been seen in the store. Did you mean 'Report Creatd'?",
    ]


def test_a_threshold_models_conditions_carry_no_points() -> None:
    text = """\
    name: t
    type: threshold
    signals:
      invites: {count: {event: Invite Sent}}
    qualify:
      all:
        - {signal: invites, at_least: 1, points: 5}
    """
    assert problems(text) == [
        "models/acme.yaml:7: qualify.all condition 1: a threshold model's conditions carry no points"
    ]


def test_a_missing_model_file_suggests_a_template(tmp_path: Path) -> None:
    with pytest.raises(
        InputError, match=r"no such model file or template\. Did you mean 'pillars'\?"
    ):
        load("pilars")
