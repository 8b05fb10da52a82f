"""Simplified/traditional conversion with OpenCC, kept character-aligned.

Segmentation runs on a simplified copy of the article and maps each word back
to its traditional span by offset, so the copy must have exactly one character
for each character of the original.  OpenCC's phrase tables almost always keep
lengths; where a conversion would not, that stretch is converted one
character at a time instead.
"""

from __future__ import annotations

import re
from functools import cache


@cache
def _converter(config: str):
    from opencc import OpenCC

    return OpenCC(config)


_CHUNK_RE = re.compile(r"[^\n。！？；!?]*[\n。！？；!?]?")


def to_simplified_aligned(text: str) -> str:
    """Simplified copy of ``text`` with the same length, character for character."""
    return _aligned(text, "t2s")


def to_traditional_aligned(text: str) -> str:
    """Taiwan-standard traditional copy of ``text`` (leaked simplified forms fixed), same length."""
    return _aligned(text, "s2tw")


def _aligned(text: str, config: str) -> str:
    convert = _converter(config).convert
    whole = convert(text)
    if len(whole) == len(text):
        return whole
    out = []
    for m in _CHUNK_RE.finditer(text):
        chunk = m.group(0)
        if not chunk:
            continue
        simple = convert(chunk)
        if len(simple) != len(chunk):
            simple = "".join(c2 if len(c2 := convert(c)) == 1 else c for c in chunk)
        out.append(simple)
    return "".join(out)


@cache
def to_simplified(text: str) -> str:
    return _converter("t2s").convert(text)


@cache
def _character_table() -> dict[int, str]:
    """OpenCC's simplified → traditional character table, first (commonest) choice of each."""
    from importlib import resources

    text = resources.files("opencc").joinpath("dictionary", "STCharacters.txt").read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        source, _, targets = line.partition("\t")
        if len(source) == 1 and targets:
            table[ord(source)] = targets.split()[0]
    return table


def char_traditional(text: str) -> str:
    """Character-by-character traditional form: cheap, for choosing between dictionary forms
    (并 → 並 rather than 併); ``to_traditional`` converts real text."""
    return text.translate(_character_table())


@cache
def to_traditional(text: str) -> str:
    """Taiwan-standard traditional form (OpenCC s2tw)."""
    return _converter("s2tw").convert(text)


def article_script(text: str, simplified: str) -> str:
    """``traditional`` when the simplified copy differs from the text in 1% or more of its Han characters."""
    han = sum("\u3400" <= c <= "\u9fff" for c in text) or 1
    changed = sum(a != b for a, b in zip(text, simplified))
    return "traditional" if changed / han >= 0.01 else "simplified"
