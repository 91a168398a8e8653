"""The messages the simulated product can send, numbered.

Each :class:`Entry` is one kind of Segment call as it appears on the wire: the call type, the
track event or page name (from the :class:`~pqlkit.simulate.vocabulary.Vocabulary`), a properties
template (JSON text, optionally with one number filled in per event), the page the user is on
(for ``context.page``) and whether the browser or the backend sends it. Generators refer to
entries by their number (the *code*); the renderer turns codes into text once, at the end.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import IntEnum

import numpy as np

from pqlkit.simulate import reference as ref
from pqlkit.simulate.clock import F64, I64, Bool
from pqlkit.simulate.vocabulary import Vocabulary


class Kind(IntEnum):
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
    head: str | None = None  # properties text before the number (all of it if no number)
    tail: str = ""  # properties text after the number
    num_mean: float = -1.0  # mean of the number (Poisson); < 0: the template takes none
    page: str = ""  # the context.page fragment (starting with a comma), "" for none
    server: bool = False  # sent by the backend library
    detail: int = 0  # which feature / step / enterprise feature
    weight: float = 1.0  # share among the entries of the same kind and detail


def _j(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _slug(name: str) -> str:
    out = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
    while "--" in out:
        out = out.replace("--", "-")
    return out or "page"


def _numbered(number_key: str, **fixed: object) -> str:
    """JSON object text up to the value of ``number_key``, which the renderer fills in."""
    head = _j(fixed)[:-1] + "," if fixed else "{"
    return head + _j(number_key) + ":"


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
        weights = np.array([self.entries[c].weight for c in codes], dtype=np.float64)
        cdf = np.cumsum(weights / weights.sum())
        chosen = np.minimum(np.searchsorted(cdf, rng.random(n), side="right"), len(codes) - 1)
        return codes[chosen]

    def numbers(self, rng: np.random.Generator, codes: I64) -> I64:
        """The number each row's property template takes (-1 where it takes none)."""
        mean = self.num_mean_of[codes]
        drawn = rng.poisson(np.maximum(mean, 0.0)) + (mean >= 1.0)
        return np.where(mean < 0, -1, drawn).astype(np.int64)

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
        return ',"page":' + _j(page)

    def _add(self, entry: Entry) -> None:
        self.entries.append(entry)

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
        self._add(
            Entry(
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
        )

    def _page_call(
        self, kind: Kind, name: str, path: str, referrer: str, *, www: bool = False,
        detail: int = 0, weight: float = 1.0,
    ) -> None:  # fmt: skip
        base = ref.WWW_URL if www else ref.APP_URL
        props = _j(
            {
                "path": path,
                "referrer": referrer,
                "search": "",
                "title": f"{name} | {ref.PRODUCT}",
                "url": base + path,
            }
        )
        page = self._page(path, name, referrer, www)
        self._add(
            Entry(kind, "page", name=name, head=props, page=page, detail=detail, weight=weight)
        )

    def _build(self) -> None:
        v = self.vocabulary
        K = Kind
        # marketing site, before signup: landing pages (from outside) and internal pages
        www_pages = [*v.marketing_pages, v.pricing_page, v.docs_page]
        for i, page in enumerate(www_pages):
            path = "/" if i == 0 else "/" + _slug(page)
            for referrer in ref.MARKETING_REFERRERS:
                self._page_call(K.MARKETING_PAGE, page, path, referrer, www=True, detail=i)
            self._page_call(
                K.MARKETING_PAGE, page, path, ref.WWW_URL + "/", www=True, detail=i + 100
            )
        self._page_call(K.SIGNUP_PAGE, v.signup_page, "/signup", ref.WWW_URL + "/pricing", www=True)
        self._add(Entry(K.ALIAS, "alias", page=self._page("/signup", v.signup_page, "", True)))
        self._add(
            Entry(K.IDENTIFY, "identify", page=self._page("/signup", v.signup_page, "", True))
        )
        self._add(Entry(K.GROUP, "group", page=self._page("/onboarding", "Welcome", "")))
        self._add(Entry(K.GROUP, "group", server=True, detail=1))

        self._track(K.SIGNED_UP, v.signed_up, "/signup", v.signup_page, None)
        for method, w in (("password", 0.5), ("google", 0.35), ("sso", 0.15)):
            self._track(K.SIGNED_IN, v.signed_in, "/login", "Log In", _j({"method": method}),
                        weight=w)  # fmt: skip
        self._track(K.ACCOUNT_CREATED, v.account_created, "/onboarding/workspace", "Welcome", None)
        self._track(K.TRIAL_STARTED, v.trial_started, "", "", None, server=True)
        self._track(K.TRIAL_ENDED, v.trial_ended, "", "", None, server=True)
        for role, w in (("member", 0.8), ("admin", 0.2)):
            self._track(K.ADDED_USER, v.account_added_user, "/invite/accept", "Join your team",
                        _j({"role": role}), weight=w)  # fmt: skip
        self._track(K.INVITE, v.invite_sent, "/settings/team", "Team", None)
        self._track(
            K.ONBOARDING, v.onboarding_completed, "/onboarding", "Welcome",
            _numbered("duration_seconds", steps_completed=5), tail="}", num_mean=240.0,
        )  # fmt: skip

        step_variants: list[list[tuple[str, str, float, float]]] = [
            [
                (_j({"project_type": t}), "", -1.0, w)
                for t, w in (("blank", 0.6), ("template", 0.4))
            ],
            [
                (_j({"source_type": t}), "", -1.0, w)
                for t, w in (
                    ("postgres", 0.25),
                    ("snowflake", 0.2),
                    ("bigquery", 0.15),
                    ("google_sheets", 0.2),
                    ("csv_upload", 0.12),
                    ("salesforce", 0.08),
                )
            ],  # fmt: skip
            [('{"charts":', "}", 4.0, 1.0)],
            [
                (_j({"share_type": t}), "", -1.0, w)
                for t, w in (("link", 0.5), ("email", 0.3), ("slack", 0.2))
            ],  # fmt: skip
            [('{"items":', "}", 3.0, 1.0)],
            [('{"items":', "}", 3.0, 1.0)],
        ]
        step_paths = ["/projects/new", "/data-sources/new", "/dashboards/new", "/dashboards",
                      "/workspace", "/workspace"]  # fmt: skip
        for i, step in enumerate(v.activation_steps):
            for head, tail, mean, w in step_variants[i]:
                self._track(K.STEP, step, step_paths[i], step, head, tail=tail, num_mean=mean,
                            detail=i, weight=w)  # fmt: skip

        for report_type, w in (("table", 0.3), ("line", 0.2), ("bar", 0.2), ("funnel", 0.12),
                               ("cohort", 0.1), ("retention", 0.08)):  # fmt: skip
            self._track(K.CORE, v.core_feature, "/reports/new", "New report",
                        _numbered("filters", report_type=report_type), tail="}", num_mean=2.0,
                        weight=w)  # fmt: skip

        basic_templates = [
            ('{"view_mode":"interactive","duration_seconds":', 45.0, "/reports"),
            ('{"chart_type":"bar","changes":', 3.0, "/reports"),
            ('{"rows_returned":', 400.0, "/explore"),
            ('{"filter_type":"date_range","filters":', 2.0, "/reports"),
            ('{"format":"csv","rows":', 900.0, "/reports"),
            ('{"mentions":', 1.0, "/reports"),
            ('{"rows":', 5000.0, "/data-sources"),
            ('{"template":"weekly_kpis","charts":', 5.0, "/templates"),
        ]
        for i, feature in enumerate(v.features):
            head, mean, path = basic_templates[i % len(basic_templates)]
            self._track(K.FEATURE, feature, path, feature, head, tail="}", num_mean=mean,
                        detail=i)  # fmt: skip
        advanced_templates = [
            ('{"channel":"email","threshold":', 100.0, "/alerts/new"),
            ('{"frequency":"weekly","recipients":', 4.0, "/schedules/new"),
            ('{"scopes":', 3.0, "/settings/api"),
            ('{"definition_length":', 120.0, "/metrics/new"),
        ]
        for i, feature in enumerate(v.advanced_features):
            head, mean, path = advanced_templates[i % len(advanced_templates)]
            self._track(K.ADVANCED, feature, path, feature, head, tail="}", num_mean=mean,
                        detail=i)  # fmt: skip

        app_pages = [(v.dashboard_page, "/dashboard", 0.4), (v.docs_page, "/docs", 0.08)]
        app_pages += [(p, "/" + _slug(p), 0.52 / len(v.app_pages)) for p in v.app_pages]
        for i, (page, path, w) in enumerate(app_pages):
            self._page_call(K.APP_PAGE, page, path, ref.APP_URL + "/dashboard", detail=i, weight=w)
        self._page_call(K.PRICING_PAGE, v.pricing_page, "/pricing", ref.APP_URL + "/dashboard")
        self._page_call(K.BILLING_PAGE, v.billing_page, "/settings/billing",
                        ref.APP_URL + "/settings")  # fmt: skip
        self._page_call(K.UPGRADE_PAGE, v.upgrade_page, "/upgrade", ref.APP_URL + "/reports/new")

        for limit, mean, w in (("reports", 25.0, 0.4), ("seats", 3.0, 0.2),
                               ("data_sources", 2.0, 0.25), ("history_days", 30.0, 0.15)):  # fmt: skip
            self._track(K.PAYWALL, v.paywall_hit, "/reports/new", "New report",
                        _numbered("usage", limit=limit, plan="free"), tail="}", num_mean=mean,
                        weight=w)  # fmt: skip
        for plan, cycle, value, w in (("team", "monthly", 49.0, 0.35), ("team", "annual", 490.0, 0.2),
                                      ("business", "monthly", 199.0, 0.3),
                                      ("business", "annual", 1990.0, 0.15)):  # fmt: skip
            self._track(K.CHECKOUT, v.checkout_started, "/billing/checkout", "Checkout",
                        _numbered("value", plan=plan, billing_cycle=cycle, currency="USD"),
                        tail="}", num_mean=value, weight=w)  # fmt: skip
        self._track(K.SUBSCRIPTION, v.subscription_started, "", "", None, server=True)

        enterprise_weights = {"SSO": 0.35, "SCIM": 0.15, "Audit Log": 0.2, "Admin Settings": 0.3}
        for i, feature in enumerate(v.enterprise_features):
            path = "/settings/" + _slug(feature)
            self._track(K.ENTERPRISE, v.enterprise_feature_viewed, path, feature,
                        _j({"feature": feature}), detail=i,
                        weight=enterprise_weights.get(feature, 0.25))  # fmt: skip
