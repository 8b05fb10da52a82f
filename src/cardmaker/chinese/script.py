"""Simplified/traditional conversion with OpenCC, kept character-aligned.

Segmentation runs on a simplified copy of the article and maps each word back
to its traditional span by offset, so the copy must have exactly one character
for each character of the original.  OpenCC's phrase tables for the configs
used here keep lengths; where a conversion would not, that stretch is
converted one character at a time instead.  The configs that rewrite Taiwan
phrases (s2twp, tw2sp) change lengths and are never used.
"""

from __future__ import annotations

import re
from functools import cache


HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_RE = re.compile(f"[{HAN}]")

# tw2s first maps Taiwan forms to OpenCC's standard ones (著 → 着 outside 著名, 顯著 …), but a few
# of those then stay unsimplified or differ from CC-CEDICT (顎 → 齶, 鯰 → 鲇): there the plain t2s
# answer is kept, so a Taiwan form is mapped only where the result is one of CC-CEDICT's simplified
# forms of that character.  Derived from CC-CEDICT; ``tests/test_script.py`` derives it again.
TAIWAN_FORMS_KEPT = frozenset("潀睪顎鯰")


@cache
def _converter(config: str):
    """OpenCC (the official C++ library's binding) for ``config``; characters that fonts often lack
    (its "tofu risk" tables) are left out."""
    from opencc import OpenCC

    return OpenCC(config, include_tofu_risk_dictionaries=False)


def _taiwan(text: str, plain: str) -> str:
    """tw2s of ``text``, with t2s's answer (``plain``) kept for ``TAIWAN_FORMS_KEPT``, and hk2s's
    for a Hong Kong form that tw2s leaves as it is (衞生 → 卫生, 衹 → 只)."""
    taiwan = _aligned(text, "tw2s")
    hong_kong = _aligned(text, "hk2s")
    if hong_kong == taiwan and not TAIWAN_FORMS_KEPT.intersection(text):
        return taiwan
    return "".join(p if c in TAIWAN_FORMS_KEPT else h if t == c else t
                   for c, p, t, h in zip(text, plain, taiwan, hong_kong))


_CHUNK_RE = re.compile(r"[^\n。！？；!?]*[\n。！？；!?]?")


def to_simplified_aligned(text: str) -> str:
    """Simplified copy of ``text`` with the same length, character for character.

    Traditional text is converted with OpenCC's Taiwan table first: Taiwan writes
    著 also for 着, and 隨著, 接著, 看著 must become 随着, 接着, 看着 (著名, 顯著 stay),
    or they are no words.  Simplified text is never put through it: there 著 is
    always zhù (土著, 论著).
    """
    simple = _aligned(text, "t2s")
    if article_script(text, simple) == "traditional":
        return _taiwan(text, simple)
    return simple


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


def to_simplified(text: str) -> str:
    """A word or name in simplified characters (a traditional one as ``to_simplified_aligned`` reads it)."""
    simple = _aligned(text, "t2s")
    return _taiwan(text, simple) if simple != text else simple


def to_traditional(text: str) -> str:
    """Taiwan-standard traditional form (OpenCC s2tw)."""
    return _converter("s2tw").convert(text)


def article_script(text: str, simplified: str) -> str:
    """``traditional`` when the simplified copy differs from the text in 1% or more of its Han characters."""
    han = sum("\u3400" <= c <= "\u9fff" for c in text) or 1
    changed = sum(a != b for a, b in zip(text, simplified))
    return "traditional" if changed / han >= 0.01 else "simplified"
