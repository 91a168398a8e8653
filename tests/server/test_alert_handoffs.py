"""An alert's hand-off says who the person is and what they did, with or without routing."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path

from pqlkit.destinations.handoff import HandOff
from pqlkit.server.config import ServerConfig
from tests.server.conftest import basic, running_server, track


def test_a_paywall_hit_without_a_routing_file_is_handed_off_with_what_the_person_did(
    tmp_path: Path,
) -> None:
    """Ana (Maple) created three reports, then hit the paywall: the log destination gets her
    name, title, company and key actions — from the server's live identity and the store —
    though no routing file names a path or an owner."""
    destinations = tmp_path / "destinations.yaml"
    destinations.write_text("destinations:\n  audit:\n    type: log\n    path: alerts.jsonl\n")
    config = ServerConfig(
        db=str(tmp_path / "s.duckdb"),
        port=0,
        model="pillars",
        destinations=destinations,
        delivery_interval=0.05,
    )
    delivered = tmp_path / "alerts.jsonl"
    stamp = datetime.now(UTC).replace(tzinfo=None).isoformat() + "Z"
    with running_server(config) as server:
        key = server.new_key()
        calls = [
            (
                "/v1/identify",
                {
                    "type": "identify",
                    "userId": "u1",
                    "timestamp": stamp,
                    "traits": {
                        "email": "ana@maple.ca",
                        "first_name": "Ana",
                        "last_name": "Avila",
                        "title": "Head of Data",
                    },
                },
            ),
            (
                "/v1/group",
                {
                    "type": "group",
                    "userId": "u1",
                    "groupId": "maple",
                    "timestamp": stamp,
                    "traits": {"name": "Maple", "employees": 300, "country": "CA"},
                },
            ),
            *(
                ("/v1/track", track("u1", "Report Created", messageId=f"r{n}", timestamp=stamp))
                for n in range(3)
            ),
            ("/v1/track", track("u1", "Paywall Hit", messageId="pay-1", timestamp=stamp)),
        ]
        for path, body in calls:
            assert server.client.post(path, json=body, headers=basic(key)).is_success
        sent = time.monotonic()
        while not delivered.exists() and time.monotonic() - sent < 10:
            time.sleep(0.02)
    [line] = delivered.read_text().splitlines()
    handoff = HandOff.from_json(json.loads(line)["payload"])
    assert (handoff.name, handoff.title, handoff.email) == (
        "Ana Avila",
        "Head of Data",
        "ana@maple.ca",
    )
    assert handoff.company == "Maple" and handoff.path is None and handoff.owner is None
    assert handoff.key_actions[0].startswith("Report Created 3 times in the 7 days to")
