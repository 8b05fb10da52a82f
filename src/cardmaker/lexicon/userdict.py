"""The user's own dictionary (``--dict``): ``word<TAB>pinyin<TAB>meaning`` lines that win over CC-CEDICT."""

from __future__ import annotations

import re

from cardmaker.chinese.script import to_simplified, to_traditional
from cardmaker.chinese.syllables import parse_pinyin
from cardmaker.errors import InputError
from cardmaker.records import UserEntry
from cardmaker.text.encoding import read_text


def read_user_dictionary(path) -> tuple[UserEntry, ...]:
    """``word<TAB>pinyin<TAB>meaning`` lines (either script; ``#`` comments); errors name the line."""
    out = []
    for number, line in enumerate(read_text(path, "dictionary").split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 2 or not cells[0]:
            raise InputError(path, f"line {number}: expected word<TAB>pinyin<TAB>meaning")
        word = cells[0]
        pinyin = parse_pinyin(cells[1])
        if pinyin is None or len(pinyin) != len(word):
            raise InputError(path, f"line {number}: cannot read pinyin {cells[1]!r} for {word!r}")
        meaning = cells[2] if len(cells) > 2 else ""
        senses = tuple(s.strip() for s in re.split(r"\s*/\s*|\s*;\s*", meaning) if s.strip())
        simplified = to_simplified(word)
        traditional = word if word != simplified else to_traditional(word)
        out.append(UserEntry(traditional, simplified, pinyin, senses))
    return tuple(out)
