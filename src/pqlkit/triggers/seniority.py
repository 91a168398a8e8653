"""How senior a job title is, from keywords (no regular expressions: they differ by engine)."""

from __future__ import annotations

from functools import lru_cache

# Highest first; the first list with a keyword in the title decides.
LEVELS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (
        6,
        (
            "chief",
            "ceo",
            "cto",
            "cfo",
            "coo",
            "cio",
            "ciso",
            "cmo",
            "cro",
            "founder",
            "owner",
            "president",
        ),
    ),
    (5, ("vp", "vice president", "svp", "evp")),
    (4, ("head of", "director")),
    (3, ("manager", "lead", "principal")),
    (2, ("senior", "staff")),
)


@lru_cache(maxsize=4096)  # titles repeat: a batch ranks tens of thousands of candidates
def seniority(title: str | None) -> int:
    """6 for the C-suite and founders … 1 for anyone else (0 when no title is known)."""
    if not title:
        return 0
    words = f" {title.lower()} "
    for level, keywords in LEVELS:
        if any(
            f" {k} " in words or f" {k}," in words or words.startswith(f" {k}") for k in keywords
        ):
            return level
    return 1
