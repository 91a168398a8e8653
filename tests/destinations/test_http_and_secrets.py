"""What the destinations share: reading Retry-After, and masking secrets in text."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx

from pqlkit.destinations.http import failure, retry_after
from pqlkit.destinations.secrets import Redactor, Secret, read_secrets_file


def answer(status: int, **headers: str) -> httpx.Response:
    return httpx.Response(status, headers=headers, text="busy")


def test_retry_after_in_seconds_or_as_an_http_date_on_429_and_503_only() -> None:
    now = datetime(2026, 3, 2, 9, 0, 0, tzinfo=UTC)
    assert retry_after(answer(429, **{"Retry-After": "7"})) == 7.0
    assert (
        retry_after(answer(503, **{"Retry-After": "Mon, 02 Mar 2026 09:01:30 GMT"}), lambda: now)
        == 90.0
    )
    assert (
        retry_after(answer(503, **{"Retry-After": "Mon, 02 Mar 2026 08:00:00 GMT"}), lambda: now)
        == 0.0
    )
    assert retry_after(answer(429, **{"Retry-After": "soon"})) is None
    assert retry_after(answer(500, **{"Retry-After": "7"})) is None
    assert retry_after(answer(429)) is None


def test_which_answers_are_retried() -> None:
    retried = {
        s
        for s in (400, 401, 403, 404, 408, 409, 410, 422, 425, 429, 500, 502, 503, 504)
        if failure(answer(s), "x").retryable
    }
    assert retried == {408, 425, 429, 500, 502, 503, 504}


def test_secrets_and_token_shapes_are_masked() -> None:
    redact = Redactor(["pat-na1-abcdef", "whsec_1234"])
    text = (
        "token pat-na1-abcdef, signed with whsec_1234; Authorization: Bearer eyJhbGciOi.x.y; "
        "xoxb-123-456-abc; https://hooks.slack.com/services/T0/B0/XYZ; https://x.test/?token=abc&a=1"
    )
    assert redact(text) == (
        "token ***, signed with ***; Authorization: Bearer ***; "
        "***; https://hooks.slack.com/services/***; https://x.test/?token=***&a=1"
    )


def test_a_secret_never_prints_its_value() -> None:
    secret = Secret("pat-na1-abcdef", "HUBSPOT_TOKEN")
    assert "abcdef" not in f"{secret} {secret!r}"
    assert str(secret) == "${HUBSPOT_TOKEN}"


def test_a_secrets_file_is_name_equals_value_lines(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "pqlkit.secrets"
    path.write_text("# comment\n\nexport A=1\nB = 'two words'\nC=\"x=y\"\nnot a line\n")
    assert read_secrets_file(path) == {"A": "1", "B": "two words", "C": "x=y"}
