"""``when:`` tests on a lead's facts, shared by routing rules, territories and talking points.

A ``when`` mapping holds when every test in it holds. A test is
- a scalar: the fact equals it (text compared case-insensitively);
- a list: the fact is one of them — or, for a list fact such as ``triggers``, shares one;
- a range mapping ``{at_least: 200, at_most: 999}`` on a number.

A missing fact fails every test: a lead whose company size is unknown is not "large".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

RANGE_KEYS = ("at_least", "at_most", "above", "below")

# Facts every lead has or may have; model signals are facts too, by their names.
BUILTIN_FACTS = (
    "tier",
    "score",
    "triggers",
    "entity_kind",
    "company",
    "domain",
    "employees",
    "industry",
    "country",
    "region",
    "plan",
    "paying",
    "title",
    "owners",  # the roles the account has an owner in (owner, ae, csm, am)
    "active_users",  # the account's users active in the last 14 days (the lead included)
)
FREE_PLANS = frozenset({"free", "freemium", "trial", "none", ""})


def test_problem(test: Any) -> str | None:
    """Why a test is malformed, or None."""
    if isinstance(test, Mapping):
        unknown = [k for k in test if k not in RANGE_KEYS]
        if unknown:
            return f"unknown range key {unknown[0]!r} (use {', '.join(RANGE_KEYS)})"
        if not test:
            return "an empty range"
        for key, bound in test.items():
            if isinstance(bound, bool) or not isinstance(bound, int | float):
                return f"{key}: {bound!r} is not a number"
        return None
    if isinstance(test, list):
        if not test:
            return "an empty list matches nothing"
        if any(isinstance(item, Mapping | list) for item in test):
            return "a list holds plain values"
    return None


def _same(fact: Any, value: Any) -> bool:
    if isinstance(fact, bool) or isinstance(value, bool):
        return bool(fact) == bool(value) if isinstance(value, bool) else fact == value
    if isinstance(fact, int | float) and isinstance(value, int | float):
        return float(fact) == float(value)
    return str(fact).strip().lower() == str(value).strip().lower()


def passes(fact: Any, test: Any) -> bool:
    if fact is None:
        return isinstance(test, bool) and test is False
    if isinstance(test, Mapping):
        if isinstance(fact, bool) or not isinstance(fact, int | float):
            return False
        number = float(fact)
        checks = {
            "at_least": number >= float(test.get("at_least", number)),
            "at_most": number <= float(test.get("at_most", number)),
            "above": "above" not in test or number > float(test["above"]),
            "below": "below" not in test or number < float(test["below"]),
        }
        return all(checks.values())
    if isinstance(fact, list | tuple | set | frozenset):
        wanted = test if isinstance(test, list) else [test]
        return any(_same(item, value) for item in fact for value in wanted)
    if isinstance(test, list):
        return any(_same(fact, value) for value in test)
    if isinstance(test, bool) and isinstance(fact, int | float):
        return bool(fact) == test  # a count as a flag: 0 is false
    return _same(fact, test)


def holds(when: Mapping[str, Any], facts: Mapping[str, Any]) -> bool:
    return all(passes(facts.get(name), test) for name, test in when.items())


def region_of(country: Any, regions: Mapping[str, list[str]]) -> str | None:
    if country is None:
        return None
    code = str(country).strip().lower()
    for region, countries in regions.items():
        if code in {c.strip().lower() for c in countries}:
            return region
    return None


def is_paying(plan: Any) -> bool | None:
    if plan is None:
        return None
    return str(plan).strip().lower() not in FREE_PLANS
