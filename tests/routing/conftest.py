"""Fixtures for the routing specifications: a small model with a routing file beside it, the
store on DuckDB always and on Postgres when PQLKIT_TEST_POSTGRES is set (a database of its
own, so other test runs never wipe it), and the people of a small PLG company."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from pqlkit.store.store import Store
from tests.engines import operational_store
from tests.history import History

AS_OF = datetime(2026, 3, 4, 15, 0)  # a Wednesday, 10:00 in New York
DAY = timedelta(days=1)

MODEL = """\
name: route-spec
entity: user
signals:
  reports_7d:
    count: {event: Report Created, window: 7d}
  sources_7d:
    count: {event: Data Source Connected, window: 7d}
  invites:
    count: {event: Invite Sent}
  employees:
    trait: {name: employees, of: account, type: number}
layers:
  usage:
    rules:
      - signal: reports_7d
        label: reports created in the last 7 days
        bands:
          - {from: 1, to: 4, points: 10}
          - {from: 5, points: 30}
      - {signal: sources_7d, at_least: 1, points: 20, label: connected a data source}
  team:
    rules:
      - {signal: invites, at_least: 1, points: 20, label: invited a teammate}
  fit:
    rules:
      - {signal: employees, at_least: 1000, points: 30, label: large company}
tiers:
  pql: 40
  hot: 90
triggers:
  paywall_hit:
    event: Paywall Hit
    respond_within: 1h
"""

ROUTING = """\
route: [hot, pql, not qualified]
regions:
  NA: [US, CA]
  EMEA: [GB, DE, FR]
calendars:
  americas: {timezone: America/New_York, hours: "09:00-17:00"}
teams:
  sales:
    calendar: americas
    members:
      - {id: rep-na-1, name: Riley Rep, email: riley@seller.example, capacity: 2, territory: {region: NA}}
      - {id: rep-na-2, name: Sam Seller, email: sam@seller.example, capacity: 1, territory: {region: NA}}
      - {id: rep-eu-1, name: Eva Europa, email: eva@seller.example, territory: {region: EMEA}}
  enterprise:
    calendar: americas
    members:
      - {id: ae-1, name: Alex Enterprise, email: alex@seller.example}
  success:
    calendar: americas
    members:
      - {id: csm-1, name: Casey Success, email: casey@seller.example}
paths:
  expansion: {team: success, sla: 1 business day, keep_owner: [csm, am]}
  enterprise: {team: enterprise, sla: 4 business hours, keep_owner: [ae], coordinate_with: [csm]}
  hot: {team: sales, sla: 1h}
  standard: {team: sales, sla: 4 business hours}
  self-serve: {actions: [in-app upgrade prompt, e-mail with use cases]}
rules:
  - {path: expansion, when: {paying: true, tier: [pql, hot]}}
  - {path: enterprise, when: {tier: [pql, hot], employees: {at_least: 1000}}}
  - {path: hot, when: {tier: hot}}
  - {path: standard, when: {tier: pql}}
  - {path: self-serve, when: {tier: not qualified, sources_7d: {at_least: 1}}}
talking_points:
  - say: "Open with what they did: {{ key_actions[0] }}."
  - when: {employees: {at_least: 1000}}
    say: "{{ company }} has {{ employees | number }} employees; {{ senior }} is the most senior user there."
  - say: "Coordinate with {{ coordinate | join(', ') }} before reaching out."
"""


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    yield from operational_store(request, tmp_path, "route")


@pytest.fixture
def model_file(tmp_path: Path) -> Path:
    directory = tmp_path / "models"
    directory.mkdir()
    (directory / "routing.yaml").write_text(ROUTING)
    path = directory / "route-spec.yaml"
    path.write_text(MODEL)
    return path


def company(history: History) -> History:
    """Four people at three companies, as of Wednesday 4 March 2026.

    - dana@acme.io (Acme: 3000 employees, US; Olivia is its CEO): 12 reports and 3 data
      sources this week, invited a teammate — a PQL at a large company.
    - lee@tiny.dev (Tiny: 20 employees, US): 6 reports, 1 data source — a PQL at a small
      company in North America.
    - max@euro.de (Euro: 40 employees, DE): hit the paywall an hour ago — hot.
    - kim@tiny.dev: connected a data source, nothing else — activated but below the bar.
    """
    start = AS_OF - 5 * DAY
    history.identify("dana", start, email="dana@acme.io", name="Dana Diaz", title="Data Analyst")
    history.group(
        "dana", "acme", start, name="Acme", domain="acme.io", employees=3000, country="US"
    )
    history.identify("olivia", start, email="olivia@acme.io", name="Olivia Ode", title="CEO")
    history.group(
        "olivia", "acme", start, name="Acme", domain="acme.io", employees=3000, country="US"
    )
    history.repeat("dana", "Report Created", 12, start, timedelta(hours=6))
    history.repeat("dana", "Data Source Connected", 3, start, timedelta(days=1))
    history.track("dana", "Invite Sent", start + DAY)
    history.track("olivia", "Report Viewed", AS_OF - DAY)

    history.identify("lee", start, email="lee@tiny.dev", name="Lee Lin", title="Engineer")
    history.group("lee", "tiny", start, name="Tiny", domain="tiny.dev", employees=20, country="US")
    history.repeat("lee", "Report Created", 6, start, timedelta(hours=12))
    history.track("lee", "Data Source Connected", start + DAY)
    history.track("lee", "Invite Sent", start + DAY)

    history.identify("max", start, email="max@euro.de", name="Max Muster", title="Head of Data")
    history.group("max", "euro", start, name="Euro", domain="euro.de", employees=40, country="DE")
    history.track("max", "Paywall Hit", AS_OF - timedelta(hours=1))

    history.identify("kim", start, email="kim@tiny.dev", name="Kim Kay")
    history.group("kim", "tiny", start, name="Tiny", domain="tiny.dev", employees=20, country="US")
    history.track("kim", "Data Source Connected", start + 2 * DAY)
    return history
