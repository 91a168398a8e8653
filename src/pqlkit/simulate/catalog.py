"""The messages the simulated product can send, numbered.

Each :class:`Entry` is one kind of Segment call as it appears on the wire: the call type, the
track event or page name (from the :class:`~pqlkit.simulate.vocabulary.Vocabulary`), a properties
template (JSON text, optionally with one number filled in per event), the page the user is on
(for ``context.page``) and whether the browser or the backend sends it. Generators refer to
entries by their number (the *code*); the renderer turns codes into text once, at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

import numpy as np
import numpy.typing as npt

from pqlkit.simulate import reference as ref
from pqlkit.simulate.clock import F64, I64, Bool
from pqlkit.simulate.sampling import choice
from pqlkit.simulate.templates import (
    ADVANCED_TEMPLATES,
    CHECKOUT_PLANS,
    ENTERPRISE_SHARES,
    FEATURE_TEMPLATES,
    PAYWALL_LIMITS,
    REPORT_TYPES,
    STEP_TEMPLATES,
    compact_json,
    numbered,
    slug,
)
from pqlkit.simulate.vocabulary import Vocabulary

# the properties head of messages whose whole properties object is made per row (side properties)
ROW_SPECIFIC = ""


class Kind(IntEnum):
    """What a message means to the simulation (the vocabulary decides what it is called)."""

    MARKETING_PAGE = 0
    SIGNUP_PAGE = 1
    ALIAS = 2
    IDENTIFY = 3
    GROUP = 4
    SIGNED_UP = 5
    SIGNED_IN = 6
    ACCOUNT_CREATED = 7
    TRIAL_STARTED = 8
    TRIAL_ENDED = 9
    ADDED_USER = 10
    INVITE = 11
    ONBOARDING = 12
    STEP = 13
    CORE = 14
    FEATURE = 15
    ADVANCED = 16
    APP_PAGE = 17
    PRICING_PAGE = 18
    BILLING_PAGE = 19
    UPGRADE_PAGE = 20
    PAYWALL = 21
    CHECKOUT = 22
    SUBSCRIPTION = 23
    ENTERPRISE = 24


@dataclass(frozen=True)
class Entry:
    kind: Kind
    type: str  # track | identify | group | page | alias
    event: str | None = None
    name: str | None = None
    head: str | None = None  # properties text before the number (all of it if no number);
    # None: the call has no properties (identify, group, alias); ROW_SPECIFIC: made per row
    tail: str = ""  # properties text after the number
    num_mean: float = -1.0  # mean of the number (exponential, >= 1); < 0: the template takes none
    page: str = ""  # the context.page fragment (starting with a comma), "" for none
    server: bool = False  # sent by the backend library
    detail: int = 0  # which feature / step / enterprise feature
    weight: float = 1.0  # share among the entries of the same kind and detail


class Catalog:
    """Every message of the simulated product, numbered, with lookup arrays by code."""

    def __init__(self, vocabulary: Vocabulary, rich_context: bool) -> None:
        self.vocabulary = vocabulary
        self.rich_context = rich_context
        self.entries: list[Entry] = []
        self._build()
        self.kind_of: I64 = np.array([e.kind for e in self.entries], dtype=np.int64)
        self.detail_of: I64 = np.array([e.detail for e in self.entries], dtype=np.int64)
        self.server_of: Bool = np.array([e.server for e in self.entries], dtype=np.bool_)
        self.num_mean_of: F64 = np.array([e.num_mean for e in self.entries], dtype=np.float64)

    # lookups ------------------------------------------------------------------------------

    def codes(self, kind: Kind, detail: int | None = None) -> I64:
        mask = self.kind_of == kind
        if detail is not None:
            mask &= self.detail_of == detail
        return np.flatnonzero(mask).astype(np.int64)

    def one(self, kind: Kind, detail: int | None = None) -> int:
        found = self.codes(kind, detail)
        if len(found) != 1:
            raise LookupError(f"{kind.name} detail={detail} has {len(found)} entries, not one")
        return int(found[0])

    def is_kind(self, codes: npt.NDArray[np.integer], *kinds: Kind) -> Bool:
        """Which rows' messages are of one of ``kinds`` (a lookup, faster than ``np.isin``)."""
        table = np.isin(self.kind_of, kinds)
        out: Bool = table[codes]
        return out

    def pick(self, rng: np.random.Generator, kind: Kind, detail: I64) -> I64:
        """A code per row, chosen among the variants of ``kind`` with the row's detail."""
        of_kind = self.codes(kind)
        details = np.unique(self.detail_of[of_kind])
        variants = {int(d): self.codes(kind, int(d)) for d in details}
        if all(len(v) == 1 for v in variants.values()):
            table = np.full(int(details.max()) + 1, -1, dtype=np.int64)
            for d, v in variants.items():
                table[d] = v[0]
            return table[detail]
        out = np.empty(len(detail), dtype=np.int64)
        for d, codes in variants.items():
            rows = np.flatnonzero(detail == d)
            out[rows] = self._pick_among(rng, codes, len(rows))
        return out

    def pick_n(
        self, rng: np.random.Generator, kind: Kind, n: int, detail: int | None = None
    ) -> I64:
        """``n`` codes chosen among the variants of ``kind`` (one detail, or any)."""
        return self._pick_among(rng, self.codes(kind, detail), n)

    def _pick_among(self, rng: np.random.Generator, codes: I64, n: int) -> I64:
        weights = [self.entries[c].weight for c in codes]
        return codes[choice(rng, weights, n)]

    def numbers(self, rng: np.random.Generator, codes: I64) -> I64:
        """The number each row's property template takes (-1 where it takes none).

        Exponentially distributed around the template's mean, at least 1.
        """
        mean = self.num_mean_of[codes]
        drawn = np.floor(rng.exponential(1.0, len(codes)) * np.maximum(mean - 1.0, 0.0)) + 1
        out: I64 = np.where(mean < 0, -1, drawn).astype(np.int64)
        return out

    # building -----------------------------------------------------------------------------

    def _page(self, path: str, title: str, referrer: str, www: bool = False) -> str:
        if not self.rich_context:
            return ""
        base = ref.WWW_URL if www else ref.APP_URL
        page = {
            "path": path,
            "referrer": referrer,
            "search": "",
            "title": f"{title} | {ref.PRODUCT}",
            "url": base + path,
        }
        return ',"page":' + compact_json(page)

    def _track(
        self,
        kind: Kind,
        event: str,
        path: str,
        title: str,
        props: str | None = "{}",
        *,
        tail: str = "",
        num_mean: float = -1.0,
        detail: int = 0,
        weight: float = 1.0,
        server: bool = False,
    ) -> None:
        page = "" if server else self._page(path, title, ref.APP_URL + "/dashboard")
        entry = Entry(
            kind,
            "track",
            event=event,
            head=props,
            tail=tail,
            num_mean=num_mean,
            page=page,
            server=server,
            detail=detail,
            weight=weight,
        )
        self.entries.append(entry)

    def _page_call(
        self,
        kind: Kind,
        name: str,
        path: str,
        referrer: str,
        *,
        www: bool = False,
        detail: int = 0,
        weight: float = 1.0,
    ) -> None:
        base = ref.WWW_URL if www else ref.APP_URL
        title = f"{name} | {ref.PRODUCT}"
        props = compact_json(
            {"path": path, "referrer": referrer, "search": "", "title": title, "url": base + path}
        )
        page = self._page(path, name, referrer, www)
        entry = Entry(kind, "page", name=name, head=props, page=page, detail=detail, weight=weight)
        self.entries.append(entry)

    def _build(self) -> None:
        v = self.vocabulary
        self._build_identity()
        self._track(Kind.INVITE, v.invite_sent, "/settings/team", "Team", ROW_SPECIFIC)
        self._track(
            Kind.ONBOARDING,
            v.onboarding_completed,
            "/onboarding",
            "Welcome",
            numbered("duration_seconds", steps_completed=5),
            tail="}",
            num_mean=240.0,
        )
        for i, step in enumerate(v.activation_steps):
            path, variants = STEP_TEMPLATES[i]
            for head, tail, mean, weight in variants:
                self._track(
                    Kind.STEP,
                    step,
                    path,
                    step,
                    head,
                    tail=tail,
                    num_mean=mean,
                    detail=i,
                    weight=weight,
                )
        for report_type, weight in REPORT_TYPES:
            self._track(
                Kind.CORE,
                v.core_feature,
                "/reports/new",
                "New report",
                numbered("filters", report_type=report_type),
                tail="}",
                num_mean=2.0,
                weight=weight,
            )
        for kind, names, templates in (
            (Kind.FEATURE, v.features, FEATURE_TEMPLATES),
            (Kind.ADVANCED, v.advanced_features, ADVANCED_TEMPLATES),
        ):
            for i, feature in enumerate(names):
                head, mean, path = templates[i % len(templates)]
                self._track(kind, feature, path, feature, head, tail="}", num_mean=mean, detail=i)
        self._build_pages()
        self._build_intent()

    def _build_identity(self) -> None:
        v = self.vocabulary
        # the marketing site, before signup: landing pages (from outside) and inner pages
        www_pages = [*v.marketing_pages, v.pricing_page, v.docs_page]
        for i, page in enumerate(www_pages):
            path = "/" if i == 0 else "/" + slug(page)
            for referrer in ref.MARKETING_REFERRERS:
                self._page_call(Kind.MARKETING_PAGE, page, path, referrer, www=True, detail=i)
            inner = ref.WWW_URL + "/"
            self._page_call(Kind.MARKETING_PAGE, page, path, inner, www=True, detail=i + 100)
        signup_referrer = ref.WWW_URL + "/pricing"
        self._page_call(Kind.SIGNUP_PAGE, v.signup_page, "/signup", signup_referrer, www=True)
        signup_page = self._page("/signup", v.signup_page, "", True)
        self.entries.append(Entry(Kind.ALIAS, "alias", page=signup_page))
        self.entries.append(Entry(Kind.IDENTIFY, "identify", page=signup_page))
        welcome = self._page("/onboarding", "Welcome", "")
        self.entries.append(Entry(Kind.GROUP, "group", page=welcome))
        self.entries.append(Entry(Kind.GROUP, "group", server=True, detail=1))

        self._track(Kind.SIGNED_UP, v.signed_up, "/signup", v.signup_page, ROW_SPECIFIC)
        for method, weight in (("password", 0.5), ("google", 0.35), ("sso", 0.15)):
            props = compact_json({"method": method})
            self._track(Kind.SIGNED_IN, v.signed_in, "/login", "Log In", props, weight=weight)
        path = "/onboarding/workspace"
        self._track(Kind.ACCOUNT_CREATED, v.account_created, path, "Welcome", ROW_SPECIFIC)
        self._track(Kind.TRIAL_STARTED, v.trial_started, "", "", ROW_SPECIFIC, server=True)
        self._track(Kind.TRIAL_ENDED, v.trial_ended, "", "", ROW_SPECIFIC, server=True)
        for role, weight in (("member", 0.8), ("admin", 0.2)):
            props = compact_json({"role": role})
            event = v.account_added_user
            self._track(
                Kind.ADDED_USER, event, "/invite/accept", "Join your team", props, weight=weight
            )

    def _build_pages(self) -> None:
        v = self.vocabulary
        from_dashboard = ref.APP_URL + "/dashboard"
        app_pages = [(v.dashboard_page, "/dashboard", 0.4), (v.docs_page, "/docs", 0.08)]
        app_pages += [(p, "/" + slug(p), 0.52 / len(v.app_pages)) for p in v.app_pages]
        for i, (page, path, weight) in enumerate(app_pages):
            self._page_call(Kind.APP_PAGE, page, path, from_dashboard, detail=i, weight=weight)
        self._page_call(Kind.PRICING_PAGE, v.pricing_page, "/pricing", from_dashboard)
        from_settings = ref.APP_URL + "/settings"
        self._page_call(Kind.BILLING_PAGE, v.billing_page, "/settings/billing", from_settings)
        from_report = ref.APP_URL + "/reports/new"
        self._page_call(Kind.UPGRADE_PAGE, v.upgrade_page, "/upgrade", from_report)

    def _build_intent(self) -> None:
        v = self.vocabulary
        for limit, mean, weight in PAYWALL_LIMITS:
            self._track(
                Kind.PAYWALL,
                v.paywall_hit,
                "/reports/new",
                "New report",
                numbered("usage", limit=limit, plan="free"),
                tail="}",
                num_mean=mean,
                weight=weight,
            )
        # the order matters: conversion picks the checkout matching the subscription bought
        for plan, cycle, value, weight in CHECKOUT_PLANS:
            self._track(
                Kind.CHECKOUT,
                v.checkout_started,
                "/billing/checkout",
                "Checkout",
                numbered("value", plan=plan, billing_cycle=cycle, currency="USD"),
                tail="}",
                num_mean=value,
                weight=weight,
            )
        self._track(Kind.SUBSCRIPTION, v.subscription_started, "", "", ROW_SPECIFIC, server=True)
        for i, feature in enumerate(v.enterprise_features):
            path = "/settings/" + slug(feature)
            self._track(
                Kind.ENTERPRISE,
                v.enterprise_feature_viewed,
                path,
                feature,
                compact_json({"feature": feature}),
                detail=i,
                weight=ENTERPRISE_SHARES.get(feature, 0.25),
            )
