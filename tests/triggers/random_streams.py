"""Random event streams (hypothesis) over a handful of people, anonymous ids, accounts and domains.

Each stream mixes matching and non-matching track calls and page views, identifies (e-mails at
company and free-mail domains, job titles), group calls (domain and website traits), aliases
and ``context.groupId``, retries of earlier calls, and arrival times that differ from the
timestamps: mostly within the watermark (so arrival order is not timestamp order), sometimes
beyond it (late events), occasionally before it (a client clock running fast).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from pqlkit.model.schema import Model
from tests.triggers.streams import Stream

T0 = datetime(2026, 3, 2)


def examples(count: int) -> settings:
    """Few, large, reproducible examples: each is evaluated in an engine, which takes a second."""
    return settings(
        max_examples=count,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


USERS = ("ann", "bob", "cat", "dan")
ANONYMOUS = ("a1", "a2", "a3")
ACCOUNTS = ("g1", "g2")
DOMAINS = ("acme.com", "beta.io", "gmail.com")
HOME = {"ann": "acme.com", "bob": "acme.com", "cat": "acme.com", "dan": "beta.io"}
TITLES = ("CEO", "VP Sales", "Engineer", "Analyst")
EVENTS = (  # the ones that count in windows come up more often
    "Paywall Hit",
    "Enterprise Feature Viewed",
    "Invite Sent",
    "Invite Sent",
    "Invite Sent",
    "Dashboard Created",
    "Dashboard Created",
    "Plan Chosen",
    "Report Created",
)

# A user model whose triggers count per account and per domain, distinct users and events, on
# short windows and cooldowns, so that a stream of a few days exercises all of them.
CUSTOM_USER = Model.model_validate(
    {
        "name": "stream-user",
        "vocabulary": {"upgrade": ["Paywall Hit", "Plan Chosen"]},
        "signals": {"sign_ins": {"count": {"event": "Signed In"}}},
        "triggers": {
            "upgrade_intent": {
                "event": "$upgrade",
                "where": {"plan": ["team", "business"], "seats": {"at_least": 10}},
                "respond_within": "4h",
                "cooldown": "1d",
            },
            "account_invites": {
                "event": "Invite Sent",
                "per": "account",
                "at_least": 2,
                "within": "12h",
                "respond_within": "1h",
                "cooldown": "12h",
            },
            "team_dashboards": {
                "event": "Dashboard Created",
                "per": "account",
                "distinct": "user",
                "at_least": 2,
                "within": "2d",
                "respond_within": "2h",
                "assign_to": "most_senior",
                "cooldown": "1d",
            },
            "pricing_domain": {
                "page": "Pricing",
                "per": "domain",
                "distinct": "user",
                "at_least": 2,
                "within": "1d",
                "respond_within": "1h",
                "cooldown": "6h",
            },
        },
    }
)

# An account model: every trigger counts per account; alerts go to the account.
CUSTOM_ACCOUNT = Model.model_validate(
    {
        "name": "stream-account",
        "entity": "account",
        "signals": {"sign_ins": {"count": {"event": "Signed In"}}},
        "triggers": {
            "paywall": {"event": "Paywall Hit", "respond_within": "4h", "cooldown": "12h"},
            "busy_account": {
                "event": ["Invite Sent", "Dashboard Created"],
                "at_least": 3,
                "within": "1d",
                "respond_within": "1h",
                "cooldown": "1d",
            },
            "domain_pricing": {
                "page": "Pricing",
                "per": "domain",
                "distinct": "user",
                "at_least": 2,
                "within": "2d",
                "respond_within": "1h",
            },
        },
    }
)


@st.composite
def who(draw: st.DrawFn) -> tuple[str | None, str | None]:
    """(userId, anonymousId): a known user, an anonymous visitor, or both on one call."""
    user = draw(st.sampled_from(USERS))
    anonymous = draw(st.sampled_from(ANONYMOUS))
    return draw(st.sampled_from([(user, None)] * 3 + [(None, anonymous), (user, anonymous)]))


def _properties(draw: st.DrawFn, event: str) -> dict[str, Any]:
    if event == "Enterprise Feature Viewed":
        return {"feature": draw(st.sampled_from(["SSO", "SCIM", "Themes", "Audit Log"]))}
    if event in ("Plan Chosen", "Paywall Hit"):
        props: dict[str, Any] = {"plan": draw(st.sampled_from(["team", "business", "free", 3]))}
        seats = draw(st.one_of(st.none(), st.integers(1, 20), st.just(12.5), st.just("many")))
        if seats is not None:
            props["seats"] = seats
        return props
    return {}


@st.composite
def call(draw: st.DrawFn, stream: Stream, at: datetime, arrived: datetime) -> None:
    kind = draw(
        st.sampled_from(["track"] * 6 + ["page"] * 2 + ["identify"] * 3 + ["group", "alias"])
    )
    user, anonymous = draw(who())
    if kind == "track" and draw(st.integers(0, 4)) == 0:  # a burst of the same event
        event = draw(st.sampled_from(["Invite Sent", "Dashboard Created"]))
        for n in range(draw(st.integers(2, 5))):
            later = timedelta(minutes=7 * n)  # each one delayed on its own: out of order
            delay = timedelta(minutes=draw(st.integers(0, 40)))
            someone, device = draw(who()) if draw(st.booleans()) else (user, anonymous)
            stream.track(someone, event, at + later, arrived + later + delay, anonymous=device)
    elif kind == "track":
        event = draw(st.sampled_from(EVENTS))
        group = draw(st.one_of(st.none(), st.none(), st.sampled_from(ACCOUNTS)))
        properties = _properties(draw, event)
        stream.track(user, event, at, arrived, anonymous=anonymous, group=group, **properties)
    elif kind == "page":
        name = draw(st.sampled_from(["Pricing", "Pricing", "Docs"]))
        stream.page(user, name, at, arrived, anonymous=anonymous)
    elif kind == "identify":
        traits: dict[str, Any] = {}
        if draw(st.integers(0, 3)) > 0:  # mostly the person's own address at work
            domain = draw(st.sampled_from([HOME.get(user or "", "acme.com")] * 3 + list(DOMAINS)))
            traits["email"] = f"{user or anonymous}@{domain}"
        if draw(st.booleans()):
            traits["title"] = draw(st.sampled_from(TITLES))
        stream.identify(user, at, arrived, anonymous=anonymous, **traits)
    elif kind == "group":
        trait = draw(st.sampled_from(["domain", "website"]))
        value = draw(st.sampled_from([*DOMAINS, "https://www.beta.io/about"]))
        account = draw(st.sampled_from(ACCOUNTS))
        stream.group(draw(st.sampled_from(USERS)), account, at, arrived, **{trait: value})
    else:
        previous = draw(st.sampled_from(ANONYMOUS + USERS[:1]))
        stream.alias(previous, draw(st.sampled_from(USERS)), at, arrived)


@st.composite
def streams(draw: st.DrawFn, max_calls: int = 45) -> Stream:
    """A stream of up to ``max_calls`` calls over a few days, with retries and late arrivals."""
    stream = Stream()
    moment = T0
    for user in USERS:  # most people sign up first, at work
        if draw(st.integers(0, 2)) > 0:
            title = draw(st.sampled_from(TITLES))
            stream.identify(user, moment, email=f"{user}@{HOME[user]}", title=title)
    count = draw(st.integers(max_calls // 3, max_calls))
    for _ in range(count):
        moment += timedelta(minutes=draw(st.integers(0, 150)))
        if stream.calls and draw(st.integers(0, 7)) == 0:  # an SDK retries a recent call
            earlier = draw(st.sampled_from(stream.calls[-6:]))
            first = datetime.fromisoformat(earlier["receivedAt"].removesuffix("Z"))
            stream.again(earlier["messageId"], first + timedelta(minutes=draw(st.integers(0, 90))))
            continue
        skew = draw(st.integers(0, 40))  # the timestamp, behind the stream's clock
        delay = draw(
            st.one_of(
                st.integers(0, 50),  # on time
                st.just(0),
                st.integers(61, 240),  # late: beyond the 1h watermark
                st.integers(-20, -1),  # a client clock running fast
            )
        )
        at = moment - timedelta(minutes=skew)
        draw(call(stream, at, moment + timedelta(minutes=delay)))
    ids = sorted({c["messageId"] for c in stream.calls})
    shuffled = draw(st.permutations(range(len(ids))))
    renamed = {mid: f"m{n:03d}" for mid, n in zip(ids, shuffled, strict=True)}
    for c in stream.calls:  # ties in arrival resolve by message id, not by generation order
        c["messageId"] = renamed[c["messageId"]]
    return stream


def tagged(stream: Stream, tag: str) -> list[dict[str, Any]]:
    """The stream's calls with every id, account and company domain prefixed by ``tag``.

    Streams tagged apart share no person, account, domain or message id, so several can be
    evaluated in one store and still be independent examples (free mail is never a key).
    """
    out = []
    for c in stream.calls:
        call = dict(c)
        for name in ("userId", "anonymousId", "previousId", "groupId", "messageId"):
            if call.get(name) is not None:
                call[name] = f"{tag}.{call[name]}"
        if "context" in call:
            call["context"] = {"groupId": f"{tag}.{call['context']['groupId']}"}
        if "traits" in call:
            call["traits"] = {k: _company(v, tag) for k, v in call["traits"].items()}
        out.append(call)
    return out


def _company(value: Any, tag: str) -> Any:
    for domain in DOMAINS:
        if isinstance(value, str) and domain in value and domain != "gmail.com":
            return value.replace(domain, f"{tag}-{domain}")
    return value


@st.composite
def worlds(draw: st.DrawFn, count: int = 8) -> Stream:
    """``count`` independent streams (see :func:`tagged`) in one."""
    found = draw(st.lists(streams(), min_size=count, max_size=count))
    return Stream([c for n, stream in enumerate(found) for c in tagged(stream, f"w{n}")])
