"""From numeric events to the store's event table: ids, names and JSON text.

The frame is already in timestamp order. Rows are rendered in fixed-size chunks (two at a time,
on two threads: Arrow kernels release the GIL), each chunk with its own seeded random stream for
message ids, so the output is byte-identical whatever the scheduling. Text is glued from small
lookup tables: a per-user context prefix (library, ip, userAgent, locale, timezone, os, device,
screen), a per-message page fragment, a per-account ``groupId`` suffix; properties from the
message's template, its number and, for a few messages, a row-specific object.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from pqlkit.simulate import reference as ref
from pqlkit.simulate import text
from pqlkit.simulate.catalog import Catalog, Kind
from pqlkit.simulate.company import Population
from pqlkit.simulate.frame import PLANS, EventFrame
from pqlkit.simulate.identifiers import keyed_numbers, uuid_strings

CHUNK_ROWS = 131_072
THREADS = 2

EVENT_SCHEMA = pa.schema(
    [
        pa.field("message_id", pa.string(), nullable=False),
        pa.field("type", pa.string(), nullable=False),
        pa.field("event", pa.string()),
        pa.field("name", pa.string()),
        pa.field("user_id", pa.string()),
        pa.field("anonymous_id", pa.string()),
        pa.field("group_id", pa.string()),
        pa.field("previous_id", pa.string()),
        pa.field("timestamp", pa.timestamp("us"), nullable=False),
        pa.field("original_timestamp", pa.timestamp("us")),
        pa.field("sent_at", pa.timestamp("us")),
        pa.field("received_at", pa.timestamp("us")),
        pa.field("properties", pa.string()),
        pa.field("traits", pa.string()),
        pa.field("context", pa.string()),
        pa.field("source", pa.string()),
        pa.field("loaded_at", pa.timestamp("us")),
    ]
)

BROWSER_LIBRARY = '{"library":{"name":"analytics.js","version":"next-1.72.0"}'
SERVER_LIBRARY = '{"library":{"name":"analytics-node","version":"2.1.2"}'


@dataclass(frozen=True)
class Lookups:
    """Small text tables the rows index into."""

    type: pa.StringArray
    event: pa.StringArray
    name: pa.StringArray
    head: pa.StringArray  # null: the message has no properties
    tail: pa.StringArray
    user_ids: pa.StringArray
    anonymous_ids: pa.StringArray
    account_ids: pa.StringArray
    context: text.Fragments  # per-user prefix (server library last), page, groupId suffix
    traits: pa.StringArray  # identify traits per user, then group traits per (account, plan)
    side: pa.StringArray  # "" then the frame's row-specific properties


def _client_fragments() -> pa.StringArray:
    out = []
    for c in ref.CLIENTS:
        ua_data = (
            f',"userAgentData":{{"brands":{c.brands},"mobile":false,"platform":"{c.platform}"}}'
            if c.brands
            else ""
        )
        out.append(
            f',"userAgent":"{c.user_agent}"{ua_data}'
            f',"os":{{"name":"{c.os_name}","version":"{c.os_version}"}}'
        )
    return text.strings(out)


def _device_fragments() -> pa.StringArray:
    """The rest of ``device`` after its id, per client."""
    return text.strings(
        [
            f'","type":"desktop","manufacturer":"{c.manufacturer}","model":"{c.model}"}}'
            for c in ref.CLIENTS
        ]
    )


def _campaign_fragments() -> pa.StringArray:
    """``campaign`` per reference campaign, then "" for users who came without one (last)."""
    out = []
    for name, source, medium, term, content in ref.CAMPAIGNS:
        campaign = {"name": name, "source": source, "medium": medium}
        if term:
            campaign["term"] = term
        campaign["content"] = content
        out.append(',"campaign":' + json.dumps(campaign, separators=(",", ":")))
    return text.strings([*out, ""])


def _context_prefix(population: Population, rich: bool) -> pa.StringArray:
    users = population.users
    if not rich:
        return text.strings([BROWSER_LIBRARY] * users.count + [SERVER_LIBRARY])
    octets = [text.numbers(users.ip[:, i].astype(np.int64)) for i in range(4)]
    zones = text.strings([f',"locale":"{z.locale}","timezone":"{z.timezone}"' for z in ref.ZONES])
    screens = text.strings(
        [f',"screen":{{"width":{w},"height":{h},"density":{d}}}' for w, h, d in ref.SCREENS]
    )
    campaign = np.where(users.campaign >= 0, users.campaign, len(ref.CAMPAIGNS))
    per_user = text.concat(
        BROWSER_LIBRARY,
        ',"ip":"', octets[0], ".", octets[1], ".", octets[2], ".", octets[3], '"',
        text.take(_client_fragments(), users.client),
        ',"device":{"id":"', users.device_ids, text.take(_device_fragments(), users.client),
        text.take(zones, users.zone),
        text.take(screens, users.screen),
        text.take(_campaign_fragments(), campaign),
    )  # fmt: skip
    out = pa.concat_arrays([per_user, text.strings([SERVER_LIBRARY])])
    assert isinstance(out, pa.StringArray)
    return out


def _traits(population: Population) -> pa.StringArray:
    users, accounts = population.users, population.accounts
    first = text.take(text.strings(ref.FIRST_NAMES), users.first_name)
    last = text.take(text.strings(ref.LAST_NAMES), users.last_name)
    identify = text.concat(
        '{"email":"', text.strings(users.email), '","name":"', first, " ", last,
        '","first_name":"', first, '","last_name":"', last,
        '","title":"', text.take(text.strings([t.title for t in ref.TITLES]), users.title),
        '","role":"', text.take(text.strings([t.role for t in ref.TITLES]), users.title),
        '","created_at":"', text.iso_times(users.signup_at), '"}',
    )  # fmt: skip
    common = text.concat(
        '{"name":"', text.strings(accounts.names), '","domain":"', text.strings(accounts.domains),
        '","employees":', text.numbers(accounts.employees),
        ',"industry":"', text.take(text.strings([i for i, _ in ref.INDUSTRIES]), accounts.industry),
        '","region":"', text.take(text.strings([r for r, _ in ref.REGIONS]), accounts.region),
        '","plan":"',
    )  # fmt: skip
    by_plan = [text.concat(common, plan, '"}') for plan in PLANS]
    stacked = pa.concat_arrays(by_plan)
    a = accounts.count
    interleave = (np.arange(a * len(PLANS)) % len(PLANS)) * a + np.arange(a * len(PLANS)) // len(
        PLANS
    )
    group = stacked.take(pa.array(interleave))
    out = pa.concat_arrays([identify, group])
    assert isinstance(out, pa.StringArray)
    return out


def build_lookups(
    population: Population, catalog: Catalog, frame: EventFrame, rich: bool
) -> Lookups:
    entries = catalog.entries
    accounts = population.accounts
    group_suffix = pa.concat_arrays(
        [
            text.strings(["}"]),
            text.concat(',"groupId":"', accounts.ids, '"}'),
        ]
    )
    side = pa.concat_arrays([text.strings([""]), frame.side_properties])
    assert isinstance(group_suffix, pa.StringArray) and isinstance(side, pa.StringArray)

    def column(values: list[str | None]) -> pa.StringArray:
        out = pa.array(values, type=pa.string())
        assert isinstance(out, pa.StringArray)
        return out

    return Lookups(
        type=column([e.type for e in entries]),
        event=column([e.event for e in entries]),
        name=column([e.name for e in entries]),
        head=column([e.head for e in entries]),
        tail=column([e.tail for e in entries]),
        user_ids=population.users.ids,
        anonymous_ids=population.users.anonymous_ids,
        account_ids=accounts.ids,
        context=text.Fragments(
            [_context_prefix(population, rich), column([e.page for e in entries]), group_suffix]
        ),
        traits=_traits(population),
        side=side,
    )


def _masked(values: npt.NDArray[np.integer], null: np.ndarray) -> pa.Array:
    return pa.array(values, mask=null)


def _message_key(seed: int) -> int:
    return int(np.random.SeedSequence([seed, 0x3E55]).generate_state(1, dtype=np.uint64)[0])


def _render_chunk(
    frame: EventFrame,
    lo: int,
    hi: int,
    lookups: Lookups,
    population: Population,
    catalog: Catalog,
    seed: int,
) -> list[pa.Array]:
    n = hi - lo
    code = frame.code[lo:hi].astype(np.int64)
    user = frame.user[lo:hi].astype(np.int64)
    kind = catalog.kind_of[code]
    account = population.users.account[user]
    rng = np.random.default_rng([seed, 0x6D736731, lo])
    random_bytes = np.frombuffer(rng.bytes(16 * n), dtype=np.uint8).reshape(n, 16)
    message_id = uuid_strings(random_bytes, keyed_numbers(n, _message_key(seed), lo))
    timestamp = pa.array(frame.t[lo:hi].astype("datetime64[us]"))
    num = frame.num[lo:hi]
    number_text = pc.fill_null(pc.cast(_masked(num, num < 0), pa.string()), "")
    properties = pc.binary_join_element_wise(
        lookups.head.take(pa.array(code)),
        number_text,
        lookups.side.take(pa.array(frame.side[lo:hi])),
        lookups.tail.take(pa.array(code)),
        "",
        null_handling="emit_null",
    )
    users_count = population.users.count
    trait_index = np.where(
        kind == Kind.IDENTIFY,
        user,
        users_count + account * len(PLANS) + np.maximum(frame.plan[lo:hi], 0).astype(np.int64),
    )
    traits = lookups.traits.take(
        _masked(trait_index, (kind != Kind.IDENTIFY) & (kind != Kind.GROUP))
    )
    server = catalog.server_of[code]
    group = frame.group[lo:hi]
    _, page_at, group_at = lookups.context.offsets
    context = lookups.context.join(
        np.stack(
            [
                np.where(server, users_count, user),
                page_at + code,
                group_at + np.where(group, account + 1, 0),
            ],
            axis=1,
        )
    )
    no_time = pa.nulls(n, pa.timestamp("us"))
    return [
        message_id,
        lookups.type.take(pa.array(code)),
        lookups.event.take(pa.array(code)),
        lookups.name.take(pa.array(code)),
        lookups.user_ids.take(_masked(user, ~frame.known[lo:hi])),
        lookups.anonymous_ids.take(pa.array(user)),
        lookups.account_ids.take(_masked(account, ~group)),
        lookups.anonymous_ids.take(_masked(user, kind != Kind.ALIAS)),
        timestamp,
        timestamp,
        no_time,
        no_time,
        properties,
        traits,
        context,
        pa.nulls(n, pa.string()),
        no_time,
    ]


def render_events(
    frame: EventFrame,
    population: Population,
    catalog: Catalog,
    *,
    rich: bool,
    seed: int,
    on_chunk: Callable[[int], None] | None = None,
) -> pa.Table:
    """The event table (schema :data:`EVENT_SCHEMA`) of a frame already sorted by time."""
    lookups = build_lookups(population, catalog, frame, rich)
    bounds = [(lo, min(lo + CHUNK_ROWS, frame.size)) for lo in range(0, frame.size, CHUNK_ROWS)]
    columns: list[list[pa.Array]] = [[] for _ in EVENT_SCHEMA]
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        chunks = pool.map(
            lambda b: _render_chunk(frame, b[0], b[1], lookups, population, catalog, seed), bounds
        )
        for done, chunk in enumerate(chunks, start=1):
            for i, array in enumerate(chunk):
                columns[i].append(array)
            if on_chunk is not None:
                on_chunk(done * 100 // max(len(bounds), 1))
    arrays = [
        pa.chunked_array(parts, type=field.type)
        for parts, field in zip(columns, EVENT_SCHEMA, strict=True)
    ]
    return pa.Table.from_arrays(arrays, schema=EVENT_SCHEMA)
