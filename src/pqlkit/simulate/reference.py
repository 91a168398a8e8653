"""Reference data of the simulated market: industries, regions, job titles, names, browsers.

Everything here is plain ASCII without quotes or backslashes, so it can be placed in JSON text
without escaping (``tests/simulate`` checks that).
"""

from __future__ import annotations

from typing import NamedTuple

PRODUCT = "Lumio"
APP_URL = "https://app.lumio.io"
WWW_URL = "https://www.lumio.io"

# (industry, share of accounts); the first three are the ideal customer profile.
INDUSTRIES: tuple[tuple[str, float], ...] = (
    ("Software", 0.22),
    ("Financial Services", 0.10),
    ("Healthcare", 0.08),
    ("Retail", 0.10),
    ("Education", 0.08),
    ("Manufacturing", 0.08),
    ("Media", 0.07),
    ("Professional Services", 0.10),
    ("Non-profit", 0.05),
    ("Government", 0.04),
    ("Logistics", 0.04),
    ("Real Estate", 0.04),
)
ICP_INDUSTRIES: tuple[str, ...] = ("Software", "Financial Services", "Healthcare")

REGIONS: tuple[tuple[str, float], ...] = (
    ("NA", 0.45),
    ("EMEA", 0.30),
    ("APAC", 0.15),
    ("LATAM", 0.10),
)


class Zone(NamedTuple):
    region: str
    timezone: str
    utc_offset_minutes: int  # standard time; the simulator ignores daylight saving
    locale: str
    ip_first_octet: int


ZONES: tuple[Zone, ...] = (
    Zone("NA", "America/New_York", -300, "en-US", 108),
    Zone("NA", "America/Chicago", -360, "en-US", 104),
    Zone("NA", "America/Denver", -420, "en-US", 174),
    Zone("NA", "America/Los_Angeles", -480, "en-US", 173),
    Zone("NA", "America/Toronto", -300, "en-CA", 142),
    Zone("EMEA", "Europe/London", 0, "en-GB", 81),
    Zone("EMEA", "Europe/Berlin", 60, "de-DE", 91),
    Zone("EMEA", "Europe/Paris", 60, "fr-FR", 90),
    Zone("EMEA", "Europe/Amsterdam", 60, "nl-NL", 145),
    Zone("EMEA", "Europe/Stockholm", 60, "sv-SE", 155),
    Zone("EMEA", "Asia/Dubai", 240, "en-AE", 94),
    Zone("APAC", "Asia/Singapore", 480, "en-SG", 116),
    Zone("APAC", "Asia/Tokyo", 540, "ja-JP", 126),
    Zone("APAC", "Australia/Sydney", 600, "en-AU", 101),
    Zone("APAC", "Asia/Kolkata", 330, "en-IN", 117),
    Zone("LATAM", "America/Sao_Paulo", -180, "pt-BR", 177),
    Zone("LATAM", "America/Mexico_City", -360, "es-MX", 187),
    Zone("LATAM", "America/Bogota", -300, "es-CO", 181),
)


class Title(NamedTuple):
    title: str
    role: str
    seniority: int  # 1 individual contributor … 6 founder / C-level
    weight_small: float  # share among companies under 50 employees
    weight_large: float  # share among companies of 50 employees or more


TITLES: tuple[Title, ...] = (
    Title("Software Engineer", "engineer", 1, 0.12, 0.20),
    Title("Data Analyst", "analyst", 1, 0.10, 0.18),
    Title("Marketing Specialist", "specialist", 1, 0.06, 0.08),
    Title("Operations Associate", "specialist", 1, 0.05, 0.06),
    Title("Senior Data Analyst", "analyst", 2, 0.05, 0.10),
    Title("Product Manager", "manager", 2, 0.06, 0.08),
    Title("Growth Marketing Manager", "manager", 2, 0.05, 0.05),
    Title("Engineering Manager", "manager", 3, 0.04, 0.06),
    Title("Director of Analytics", "director", 4, 0.03, 0.05),
    Title("Director of Engineering", "director", 4, 0.02, 0.04),
    Title("Head of Data", "head", 4, 0.04, 0.04),
    Title("Head of Growth", "head", 4, 0.04, 0.02),
    Title("VP Engineering", "vp", 5, 0.03, 0.02),
    Title("VP Marketing", "vp", 5, 0.03, 0.01),
    Title("CTO", "executive", 6, 0.10, 0.005),
    Title("Founder & CEO", "founder", 6, 0.18, 0.005),
)

FIRST_NAMES: tuple[str, ...] = (
    "Ava", "Liam", "Maya", "Noah", "Sofia", "Lucas", "Emma", "Ethan", "Mia", "Oliver",
    "Isla", "Leo", "Zoe", "Arjun", "Priya", "Kenji", "Yuki", "Chloe", "Mateo", "Valentina",
    "Hannah", "Jonas", "Lea", "Finn", "Amara", "Kofi", "Fatima", "Omar", "Elena", "Marco",
    "Sara", "David", "Nina", "Samuel", "Grace", "Daniel", "Aisha", "Ravi", "Mei", "Wei",
    "Lars", "Ingrid", "Pablo", "Lucia", "Tom", "Julia", "Max", "Clara", "Alex", "Jordan",
)  # fmt: skip
LAST_NAMES: tuple[str, ...] = (
    "Smith", "Johnson", "Garcia", "Martinez", "Brown", "Lee", "Nguyen", "Patel", "Kim",
    "Muller", "Schmidt", "Dubois", "Rossi", "Silva", "Santos", "Tanaka", "Sato", "Chen",
    "Wang", "Singh", "Kumar", "Cohen", "Novak", "Larsen", "Jensen", "Andersson", "Berg",
    "Okafor", "Mensah", "Haddad", "Costa", "Lopez", "Fischer", "Weber", "Moreau", "Bianchi",
    "Walsh", "Murphy", "Taylor", "Clarke", "Wright", "Evans", "Khan", "Ali", "Park",
    "Choi", "Yamamoto", "Ivanova", "Kowalski", "Horvat",
)  # fmt: skip

FREE_MAIL_DOMAINS: tuple[str, ...] = (
    "gmail.com",
    "outlook.com",
    "yahoo.com",
    "hotmail.com",
    "icloud.com",
    "proton.me",
    "gmx.de",
)
FREE_MAIL_WEIGHTS: tuple[float, ...] = (0.55, 0.15, 0.09, 0.08, 0.07, 0.03, 0.03)

COMPANY_WORDS: tuple[str, ...] = (
    "Acme", "Bright", "Blue", "Cedar", "Cloud", "Copper", "Crest", "Delta", "Echo", "Ember",
    "Fern", "Flux", "Forge", "Granite", "Harbor", "Helix", "Iris", "Juniper", "Kite", "Lumen",
    "Maple", "Meridian", "Nimbus", "North", "Nova", "Oak", "Orbit", "Pine", "Pixel", "Prism",
    "Quartz", "Quill", "Raven", "River", "Sage", "Signal", "Silver", "Spruce", "Summit", "Tide",
    "Terra", "Vector", "Vertex", "Willow", "Zephyr", "Atlas", "Beacon", "Cobalt", "Drift",
    "Onyx",
)  # fmt: skip
COMPANY_SUFFIXES: tuple[str, ...] = (
    "Labs", "Systems", "Health", "Capital", "Works", "Analytics", "Logistics", "Media",
    "Retail", "Group", "Partners", "Cloud", "Bank", "Studio", "Foods", "Energy",
)  # fmt: skip
COMPANY_TLDS: tuple[str, ...] = ("com", "io", "co", "ai", "net", "org", "de", "co.uk")
COMPANY_TLD_WEIGHTS: tuple[float, ...] = (0.55, 0.15, 0.08, 0.05, 0.05, 0.04, 0.04, 0.04)


class Client(NamedTuple):
    """A browser on an operating system, as analytics.js reports it."""

    user_agent: str
    brands: str  # JSON array text, or "" when the browser sends no userAgentData
    platform: str
    os_name: str
    os_version: str
    manufacturer: str
    model: str
    share: float


_CHROME_BRANDS = (
    '[{"brand":"Chromium","version":"131"},{"brand":"Google Chrome","version":"131"},'
    '{"brand":"Not_A Brand","version":"24"}]'
)
_EDGE_BRANDS = (
    '[{"brand":"Chromium","version":"131"},{"brand":"Microsoft Edge","version":"131"},'
    '{"brand":"Not_A Brand","version":"24"}]'
)

CLIENTS: tuple[Client, ...] = (
    Client(
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.0.0 Safari/537.36",
        _CHROME_BRANDS, "macOS", "Mac OS X", "10.15.7", "Apple", "Macintosh", 0.30,
    ),
    Client(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.0.0 Safari/537.36",
        _CHROME_BRANDS, "Windows", "Windows", "10", "Microsoft", "PC", 0.27,
    ),
    Client(
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like "
        "Gecko) Version/18.1 Safari/605.1.15",
        "", "macOS", "Mac OS X", "10.15.7", "Apple", "Macintosh", 0.14,
    ),
    Client(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
        _EDGE_BRANDS, "Windows", "Windows", "10", "Microsoft", "PC", 0.12,
    ),
    Client(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
        "", "Windows", "Windows", "10", "Microsoft", "PC", 0.08,
    ),
    Client(
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.0.0 Safari/537.36",
        _CHROME_BRANDS, "Linux", "Linux", "x86_64", "Unknown", "PC", 0.06,
    ),
    Client(
        "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
        "", "Linux", "Ubuntu", "24.04", "Unknown", "PC", 0.03,
    ),
)  # fmt: skip

SCREENS: tuple[tuple[int, int, int], ...] = (
    (1728, 1117, 2),
    (1512, 982, 2),
    (1920, 1080, 1),
    (2560, 1440, 1),
    (1440, 900, 2),
    (1366, 768, 1),
)

# first-touch campaigns some users arrived through: (name, source, medium, term, content)
CAMPAIGNS: tuple[tuple[str, str, str, str, str], ...] = (
    ("q1_launch", "google", "cpc", "product analytics tool", "search_ad_a"),
    ("brand_search", "google", "cpc", "lumio", "brand_ad"),
    ("retargeting_jan", "linkedin", "paid_social", "", "carousel_v2"),
    ("newsletter_2026_01", "newsletter", "email", "", "cta_button"),
    ("g2_comparison", "g2", "referral", "", "listing"),
    ("webinar_dashboards", "webinar", "event", "", "registration_page"),
)
CAMPAIGN_SHARE = 0.45  # of users

# where marketing-site visitors come from
MARKETING_REFERRERS: tuple[str, ...] = (
    "https://www.google.com/",
    "https://www.linkedin.com/",
    "https://news.ycombinator.com/",
    "https://www.g2.com/products/lumio/reviews",
    "https://www.bing.com/",
    "",
)
