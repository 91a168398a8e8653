"""An alert's hand-off says who the person is and what they did, with or without routing."""

from __future__ import annotations

from pathlib import Path

from tests.server.conftest import ana_hits_the_paywall


def test_a_paywall_hit_without_a_routing_file_is_handed_off_with_what_the_person_did(
    tmp_path: Path,
) -> None:
    """No routing file names a path or an owner, yet the log destination gets Ana's name (from
    her first and last name), title, company and key actions — from the server's live identity
    and the store."""
    handoff = ana_hits_the_paywall(
        "pillars", tmp_path, first_name="Ana", last_name="Avila", title="Head of Data"
    )
    assert (handoff.name, handoff.title, handoff.email) == (
        "Ana Avila",
        "Head of Data",
        "ana@maple.ca",
    )
    assert handoff.company == "Maple" and handoff.path is None and handoff.owner is None
    assert handoff.key_actions[0].startswith("Report Created 3 times in the 7 days to")
