"""The event names of the simulated product.

A PQL model talks about *canonical* behaviours ("the core feature", "activation step 2", "a paywall
hit"); every product names them differently. :class:`Vocabulary` maps each canonical name to the
event or page name this product sends, so the same simulated company can look like an analytics
tool ("Report Created"), a project tool ("Task Created") or anything else, and a model template
can be checked against each.

The Segment B2B SaaS spec names ("Signed Up", "Signed In", "Invite Sent", "Account Added User",
"Trial Started", "Trial Ended", "Account Created") and pqlkit's canonical intent names
("Onboarding Completed", "Paywall Hit", "Checkout Started", "Subscription Started",
"Enterprise Feature Viewed") are the defaults; they can be overridden like any other name, but the
rest of pqlkit's templates expect them as they are.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from pqlkit.errors import SimulationError

_TUPLE_FIELDS = frozenset(
    {
        "activation_steps",
        "features",
        "advanced_features",
        "enterprise_features",
        "app_pages",
        "marketing_pages",
    }
)


@dataclass(frozen=True)
class Vocabulary:
    """Canonical name → this product's event (track) or page name."""

    # Segment B2B SaaS spec events
    signed_up: str = "Signed Up"
    signed_in: str = "Signed In"
    invite_sent: str = "Invite Sent"
    account_added_user: str = "Account Added User"
    trial_started: str = "Trial Started"
    trial_ended: str = "Trial Ended"
    account_created: str = "Account Created"
    # canonical funnel and intent events
    onboarding_completed: str = "Onboarding Completed"
    paywall_hit: str = "Paywall Hit"
    checkout_started: str = "Checkout Started"
    subscription_started: str = "Subscription Started"
    enterprise_feature_viewed: str = "Enterprise Feature Viewed"
    # the product itself
    core_feature: str = "Report Created"
    activation_steps: tuple[str, ...] = (
        "Project Created",
        "Data Source Connected",
        "Dashboard Created",
        "Dashboard Shared",
    )
    features: tuple[str, ...] = (
        "Report Viewed",
        "Chart Edited",
        "Query Run",
        "Filter Applied",
        "Report Exported",
        "Comment Added",
        "Dataset Refreshed",
        "Template Used",
    )
    advanced_features: tuple[str, ...] = (
        "Alert Created",
        "Scheduled Report Created",
        "API Key Created",
        "Custom Metric Defined",
    )
    # values of the `feature` property of Enterprise Feature Viewed
    enterprise_features: tuple[str, ...] = ("SSO", "SCIM", "Audit Log", "Admin Settings")
    # page calls (`name`)
    pricing_page: str = "Pricing"
    billing_page: str = "Billing"
    upgrade_page: str = "Upgrade"
    docs_page: str = "Docs"
    dashboard_page: str = "Dashboard"
    signup_page: str = "Sign Up"
    app_pages: tuple[str, ...] = ("Reports", "Data Sources", "Settings", "Team", "Integrations")
    marketing_pages: tuple[str, ...] = ("Home", "Features", "Customers", "Blog")

    def __post_init__(self) -> None:
        problems = _problems(self)
        if problems:
            raise SimulationError("invalid vocabulary: " + "; ".join(problems))

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, str | Sequence[str]]) -> Vocabulary:
        """A vocabulary from a (partial) mapping; canonical names not given keep their default."""
        return DEFAULT_VOCABULARY.with_overrides(mapping)

    def with_overrides(self, overrides: Mapping[str, str | Sequence[str]]) -> Vocabulary:
        """A copy with some canonical names mapped to other event or page names."""
        known = {f.name for f in fields(self)}
        changes: dict[str, Any] = {}
        problems: list[str] = []
        for key, value in overrides.items():
            if key not in known:
                close = difflib.get_close_matches(key, sorted(known), n=1)
                hint = f" Did you mean '{close[0]}'?" if close else ""
                problems.append(f"'{key}' is not a canonical name.{hint}")
                continue
            if key in _TUPLE_FIELDS:
                if isinstance(value, str):
                    problems.append(f"'{key}' takes a list of names, not one string")
                    continue
                changes[key] = tuple(value)
            else:
                if not isinstance(value, str):
                    problems.append(f"'{key}' takes one name, not a list")
                    continue
                changes[key] = value
        if problems:
            raise SimulationError("invalid vocabulary override: " + "; ".join(problems))
        return replace(self, **changes)

    def as_mapping(self) -> dict[str, str | tuple[str, ...]]:
        """Canonical name → product name(s), e.g. to fill a model template."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def track_events(self) -> tuple[str, ...]:
        """Every track event name the simulated product sends."""
        return (
            self.signed_up,
            self.signed_in,
            self.invite_sent,
            self.account_added_user,
            self.trial_started,
            self.trial_ended,
            self.account_created,
            self.onboarding_completed,
            self.paywall_hit,
            self.checkout_started,
            self.subscription_started,
            self.enterprise_feature_viewed,
            self.core_feature,
            *self.activation_steps,
            *self.features,
            *self.advanced_features,
        )

    def page_names(self) -> tuple[str, ...]:
        """Every page name the simulated product sends."""
        return (
            self.pricing_page,
            self.billing_page,
            self.upgrade_page,
            self.docs_page,
            self.dashboard_page,
            self.signup_page,
            *self.app_pages,
            *self.marketing_pages,
        )


def _problems(vocabulary: Vocabulary) -> list[str]:
    problems: list[str] = []
    for f in fields(vocabulary):
        value = getattr(vocabulary, f.name)
        if f.name in _TUPLE_FIELDS and not isinstance(value, tuple):
            problems.append(f"'{f.name}' takes a tuple of names")
            continue
        names = value if isinstance(value, tuple) else (value,)
        if f.name in _TUPLE_FIELDS and not names:
            problems.append(f"'{f.name}' needs at least one name")
        for name in names:
            if not isinstance(name, str) or not name.strip():
                problems.append(f"'{f.name}' has an empty name")
    if len(vocabulary.activation_steps) > 6:
        problems.append("'activation_steps' takes at most 6 steps")
    for label, names in (
        ("track event", vocabulary.track_events()),
        ("page", vocabulary.page_names()),
        ("enterprise feature", vocabulary.enterprise_features),
    ):
        seen: set[str] = set()
        for name in names:
            if name in seen:
                problems.append(f"{label} name '{name}' is used for two canonical names")
            seen.add(name)
    return problems


DEFAULT_VOCABULARY = Vocabulary()
