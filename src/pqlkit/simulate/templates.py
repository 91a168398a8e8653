"""Properties templates of the simulated product's messages.

A template is JSON text, cut where a number goes (``'{"charts":'`` + number + ``'}'``), with the
mean of that number; activation steps and features take their template by position, so a custom
vocabulary still gets plausible properties.
"""

from __future__ import annotations

import json


def compact_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def slug(name: str) -> str:
    out = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
    while "--" in out:
        out = out.replace("--", "-")
    return out or "page"


def numbered(number_key: str, **fixed: object) -> str:
    """JSON object text up to the value of ``number_key``, which the renderer fills in."""
    head = compact_json(fixed)[:-1] + "," if fixed else "{"
    return head + compact_json(number_key) + ":"


# (page path, [(properties head, tail, number mean, weight)]) for activation steps 1..6
_Variant = tuple[str, str, float, float]
STEP_TEMPLATES: tuple[tuple[str, tuple[_Variant, ...]], ...] = (
    (
        "/projects/new",
        tuple(
            (compact_json({"project_type": t}), "", -1.0, w)
            for t, w in (("blank", 0.6), ("template", 0.4))
        ),
    ),
    (
        "/data-sources/new",
        tuple(
            (compact_json({"source_type": t}), "", -1.0, w)
            for t, w in (
                ("postgres", 0.25),
                ("snowflake", 0.2),
                ("bigquery", 0.15),
                ("google_sheets", 0.2),
                ("csv_upload", 0.12),
                ("salesforce", 0.08),
            )
        ),
    ),
    ("/dashboards/new", (('{"charts":', "}", 4.0, 1.0),)),
    (
        "/dashboards",
        tuple(
            (compact_json({"share_type": t}), "", -1.0, w)
            for t, w in (("link", 0.5), ("email", 0.3), ("slack", 0.2))
        ),
    ),
    ("/workspace", (('{"items":', "}", 3.0, 1.0),)),
    ("/workspace", (('{"items":', "}", 3.0, 1.0),)),
)
REPORT_TYPES: tuple[tuple[str, float], ...] = (
    ("table", 0.3),
    ("line", 0.2),
    ("bar", 0.2),
    ("funnel", 0.12),
    ("cohort", 0.1),
    ("retention", 0.08),
)
# (properties head up to a number, number mean, page path), by the feature's position
FEATURE_TEMPLATES: tuple[tuple[str, float, str], ...] = (
    ('{"view_mode":"interactive","duration_seconds":', 45.0, "/reports"),
    ('{"chart_type":"bar","changes":', 3.0, "/reports"),
    ('{"rows_returned":', 400.0, "/explore"),
    ('{"filter_type":"date_range","filters":', 2.0, "/reports"),
    ('{"format":"csv","rows":', 900.0, "/reports"),
    ('{"mentions":', 1.0, "/reports"),
    ('{"rows":', 5000.0, "/data-sources"),
    ('{"template":"weekly_kpis","charts":', 5.0, "/templates"),
)
ADVANCED_TEMPLATES: tuple[tuple[str, float, str], ...] = (
    ('{"channel":"email","threshold":', 100.0, "/alerts/new"),
    ('{"frequency":"weekly","recipients":', 4.0, "/schedules/new"),
    ('{"scopes":', 3.0, "/settings/api"),
    ('{"definition_length":', 120.0, "/metrics/new"),
)
PAYWALL_LIMITS: tuple[tuple[str, float, float], ...] = (
    ("reports", 25.0, 0.4),
    ("seats", 3.0, 0.2),
    ("data_sources", 2.0, 0.25),
    ("history_days", 30.0, 0.15),
)
CHECKOUT_PLANS: tuple[tuple[str, str, float, float], ...] = (
    ("team", "monthly", 49.0, 0.35),
    ("team", "annual", 490.0, 0.2),
    ("business", "monthly", 199.0, 0.3),
    ("business", "annual", 1990.0, 0.15),
)
ENTERPRISE_SHARES = {"SSO": 0.35, "SCIM": 0.15, "Audit Log": 0.2, "Admin Settings": 0.3}
