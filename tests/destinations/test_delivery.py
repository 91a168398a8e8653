"""The delivery worker against a real signed-webhook receiver on 127.0.0.1, in simulated time:
at least once, backoff, Retry-After, dead letters, and no flood after an outage."""

from __future__ import annotations

import random
import threading
import time
from datetime import timedelta

from pqlkit.destinations.base import DeliveryPolicy
from pqlkit.destinations.delivery import DeliveryLoop, DeliveryState, backoff, deliver_due
from pqlkit.destinations.enqueue import enqueue_handoff
from pqlkit.destinations.hubspot import HubSpotDestination
from pqlkit.destinations.outbox import Outbox
from pqlkit.destinations.webhook import WebhookDestination
from pqlkit.store.store import Store
from tests.destinations.conftest import Clock, paywall_handoff
from tests.destinations.fake_apis import HUBSPOT_TOKEN, WebhookReceiver
from tests.destinations.fake_http import Answer, FakeApi, Request

SECRET = "whsec_test_0123456789abcdef"


def webhook(receiver: WebhookReceiver, clock: Clock, **policy: object) -> WebhookDestination:
    return WebhookDestination(
        name="hook",
        kinds=frozenset({"alert"}),
        policy=DeliveryPolicy(**policy),  # type: ignore[arg-type]
        secrets=(SECRET,),
        url=receiver.url + "/pql",
        secret=SECRET,
        clock=clock.unix,
    )


def enqueue(store: Store, clock: Clock, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        enqueue_handoff(store, [_ANY], paywall_handoff(f"usr_{i}", fired_at=clock()), now=clock())


class _Any:
    name = "hook"

    @staticmethod
    def accepts(kind: str) -> bool:
        return True


_ANY = _Any()


def test_backoff_doubles_up_to_the_cap_with_jitter() -> None:
    policy = DeliveryPolicy(backoff_base=2.0, backoff_cap=60.0)
    rng = random.Random(7)
    delays = [backoff(policy, attempts, rng) for attempts in range(1, 10)]
    bounds = [min(60.0, 2.0 * 2 ** (a - 1)) for a in range(1, 10)]
    assert all(b / 2 <= d <= b for d, b in zip(delays, bounds, strict=True))
    assert max(delays) <= 60.0


def test_an_hour_long_outage_loses_nothing_and_drains_at_the_bounded_rate(
    store: Store, clock: Clock
) -> None:
    receiver = WebhookReceiver(SECRET, now=clock.unix)  # not up yet: connections are refused
    hook = webhook(receiver, clock, batch_size=5, per_minute=30, backoff_cap=300, max_attempts=1000)
    state = DeliveryState(rng=random.Random(1))
    outbox = Outbox(store)
    for second in range(0, 3600, 30):  # an alert every 30 s for an hour, while it is down
        enqueue(store, clock, 1, start=second)
        deliver_due(store, [hook], clock(), state)
        clock.advance(seconds=30)
    assert outbox.counts() == {("hook", "pending"): 120}  # nothing lost, nothing given up
    assert all(
        "cannot reach the server" in (r.last_error or "")
        for r in outbox.items(limit=1000)
        if r.attempts
    )

    arrivals = []
    receiver.on_request = lambda request: arrivals.append(clock())
    with receiver:
        back = clock()
        while outbox.counts().get(("hook", "pending")) and clock() < back + timedelta(hours=1):
            deliver_due(store, [hook], clock(), state)
            clock.advance(seconds=5)
    assert outbox.counts() == {("hook", "delivered"): 120}
    assert len(receiver.received) == 120 and len(receiver.requests) == 120  # each exactly once
    most_in_a_minute = max(
        sum(1 for t in arrivals if s <= t < s + timedelta(minutes=1)) for s in arrivals
    )
    assert most_in_a_minute <= 30 + 5  # per_minute, plus one batch at the window's edge
    assert arrivals[-1] - back < timedelta(minutes=12)  # and it does drain: 120 at 30/min + backoff


def test_retry_after_is_honoured_for_the_row_and_pauses_the_destination(
    store: Store, clock: Clock
) -> None:
    receiver = WebhookReceiver(SECRET, now=clock.unix)
    receiver.then(Answer.json(429, {"error": "slow down"}, **{"Retry-After": "120"}))
    hook = webhook(receiver, clock, backoff_base=1.0)
    state = DeliveryState()
    enqueue(store, clock, 3)
    with receiver:
        report = deliver_due(store, [hook], clock(), state)
        assert (report.retried, len(receiver.requests)) == (1, 1)  # the rest of the batch waits
        row = Outbox(store).items()[0]
        assert row.next_attempt_at >= clock() + timedelta(seconds=120)
        assert row.last_error == 'webhook: HTTP 429: {"error": "slow down"}'
        clock.advance(seconds=60)
        assert deliver_due(store, [hook], clock(), state).attempted == 0  # paused
        clock.advance(seconds=61)
        assert deliver_due(store, [hook], clock(), state).delivered == 3
    assert len(receiver.received) == 3


def test_a_row_is_dead_after_max_attempts_listed_and_retryable(store: Store, clock: Clock) -> None:
    receiver = WebhookReceiver(SECRET, now=clock.unix)
    receiver.then(*[Answer.text(503, "upstream down")] * 3)
    hook = webhook(receiver, clock, max_attempts=3, backoff_cap=10)
    state = DeliveryState()
    enqueue(store, clock, 1)
    outbox = Outbox(store)
    with receiver:
        for _ in range(3):
            deliver_due(store, [hook], clock(), state)
            clock.advance(seconds=30)
        [dead] = outbox.items(status="dead")
        assert (dead.attempts, dead.last_error) == (
            3,
            "webhook: HTTP 503: upstream down (gave up after 3 attempts)",
        )
        assert deliver_due(store, [hook], clock(), state).attempted == 0  # dead rows are left alone
        assert outbox.retry(ids=[dead.id], now=clock()) == 1
        assert deliver_due(store, [hook], clock(), state).delivered == 1
    assert len(receiver.received) == 1


def test_a_refused_request_is_dead_at_once_and_says_why(store: Store, clock: Clock) -> None:
    receiver = WebhookReceiver("another-secret", now=clock.unix)  # the receiver's secret differs
    enqueue(store, clock, 1)
    with receiver:
        report = deliver_due(store, [webhook(receiver, clock)], clock(), DeliveryState())
    assert report.dead == 1
    assert Outbox(store).items()[0].last_error == 'webhook: HTTP 401: {"error": "bad signature"}'


def test_a_row_older_than_max_age_is_dead_at_its_next_failure(store: Store, clock: Clock) -> None:
    receiver = WebhookReceiver(SECRET, now=clock.unix)  # down
    hook = webhook(receiver, clock, max_age=timedelta(hours=2), backoff_cap=600)
    enqueue(store, clock, 1)
    state = DeliveryState()
    while not Outbox(store).items(status="dead") and clock().hour < 23:
        deliver_due(store, [hook], clock(), state)
        clock.advance(minutes=5)
    [dead] = Outbox(store).items(status="dead")
    assert dead.dead_at is not None and dead.dead_at - dead.created_at >= timedelta(hours=2)
    assert dead.last_error is not None and dead.last_error.endswith("(gave up: older than 2:00:00)")


class EchoingProxy(FakeApi):
    """A broken proxy whose error page repeats the request's headers and its credential."""

    def handle(self, request: Request) -> Answer:
        credential = request.headers.get("authorization", "").split()[-1]
        return Answer.text(
            502, f"<h1>Bad gateway</h1><pre>{request.headers}</pre> for {credential}"
        )


def test_secrets_never_reach_the_stored_error(store: Store, clock: Clock) -> None:
    proxy = EchoingProxy()
    crm = HubSpotDestination(
        name="crm",
        kinds=frozenset({"alert"}),
        token=HUBSPOT_TOKEN,
        api_url=proxy.url,
    )
    enqueue_handoff(store, [crm], paywall_handoff(), now=clock())
    with proxy:
        assert deliver_due(store, [crm], clock(), DeliveryState()).retried == 1
    error = Outbox(store).items()[0].last_error or ""
    assert "HTTP 502" in error and "Bearer ***" in error
    assert HUBSPOT_TOKEN not in error and "test-token" not in error


def test_one_destination_down_does_not_hold_up_the_others(store: Store, clock: Clock) -> None:
    down = WebhookReceiver(SECRET, now=clock.unix)
    up = WebhookReceiver(SECRET, now=clock.unix)
    first = webhook(down, clock)
    second = WebhookDestination(
        name="second", kinds=frozenset({"alert"}), url=up.url, secret=SECRET, clock=clock.unix
    )
    enqueue_handoff(store, [first, second], paywall_handoff(), now=clock())
    with up:
        report = deliver_due(store, [first, second], clock(), DeliveryState())
    assert (report.delivered, report.retried) == (1, 1)
    assert len(up.received) == 1


def test_the_delivery_loop_delivers_on_its_own_thread(store: Store) -> None:
    receiver = WebhookReceiver(SECRET)
    lock = threading.Lock()

    def access(work):  # type: ignore[no-untyped-def]
        with lock:  # one user of the store at a time, as the server's store thread ensures
            return work(store)

    hook = WebhookDestination(
        name="hook", kinds=frozenset({"alert"}), url=receiver.url, secret=SECRET
    )
    with lock:
        enqueue_handoff(store, [hook], paywall_handoff())
    loop = DeliveryLoop(access, [hook], interval=0.05)
    with receiver:
        loop.start()
        deadline = time.monotonic() + 10
        while not receiver.received and time.monotonic() < deadline:
            time.sleep(0.02)
        loop.stop()
    assert len(receiver.received) == 1 and loop.totals.delivered == 1 and loop.last_error is None


class SlowReceiver(FakeApi):
    """Answers, but only after the sender has stopped waiting."""

    def handle(self, request: Request) -> Answer:
        time.sleep(0.5)
        return Answer.json(200, {})


def test_a_receiver_that_does_not_answer_in_time_is_retried(store: Store, clock: Clock) -> None:
    with SlowReceiver() as slow:
        hook = WebhookDestination(
            name="hook",
            kinds=frozenset({"alert"}),
            policy=DeliveryPolicy(timeout=0.1),
            url=slow.url,
            secret=SECRET,
        )
        enqueue_handoff(store, [hook], paywall_handoff(), now=clock())
        assert deliver_due(store, [hook], clock(), DeliveryState()).retried == 1
    assert Outbox(store).items()[0].last_error == "webhook: no answer within the timeout"
