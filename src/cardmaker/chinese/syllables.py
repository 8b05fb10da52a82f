"""Mandarin syllables as written in glosses and word lists: tone forms, ü forms, erhua.

``xué``, ``xue2``, ``xue²``, ``lü``, ``lv4``, ``lu:4`` and ``xue`` all parse to
a ``Reading`` (toneless base, ü as v, tone or None); a character's own
readings come from pypinyin's character table.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from cardmaker.records import Reading

TONED = {
    "ā": ("a", 1), "á": ("a", 2), "ǎ": ("a", 3), "à": ("a", 4),
    "ē": ("e", 1), "é": ("e", 2), "ě": ("e", 3), "è": ("e", 4),
    "ī": ("i", 1), "í": ("i", 2), "ǐ": ("i", 3), "ì": ("i", 4),
    "ō": ("o", 1), "ó": ("o", 2), "ǒ": ("o", 3), "ò": ("o", 4),
    "ū": ("u", 1), "ú": ("u", 2), "ǔ": ("u", 3), "ù": ("u", 4),
    "ǖ": ("v", 1), "ǘ": ("v", 2), "ǚ": ("v", 3), "ǜ": ("v", 4),
    "ń": ("n", 2), "ň": ("n", 3), "ǹ": ("n", 4), "ḿ": ("m", 2),
    "ê": ("e", None), "ü": ("v", None),
}
SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵", "012345")  # xue² on some pages
ERHUA = Reading("r", 5)  # the r of 一點兒(yīdiǎnr), CC-CEDICT's r5
ERHUA_CHARS = "兒儿"  # the characters an erhua r is written with


def parse_syllable(token: str, capital: bool = False) -> Reading | None:
    """Normalise ``xué``, ``xue2``, ``lü``, ``lv4``, ``lu:4`` or ``xue``; None if not Mandarin.

    With ``capital``, a capitalised syllable (``Xi``, as names are glossed) is read too.
    """
    token = unicodedata.normalize("NFC", token).translate(SUPERSCRIPT)
    if capital and token[:1].isupper():
        token = token[:1].lower() + token[1:]
    if not token or token != token.lower():
        return None
    tone = None
    if token[-1].isdigit():
        tone = int(token[-1]) or 5
        token = token[:-1]
    token = token.replace("u:", "v")
    base = []
    for ch in token:
        if ch in TONED:
            b, t = TONED[ch]
            if t is not None:
                if tone is not None:
                    return None
                tone = t
            base.append(b)
        else:
            base.append(ch)
    text = "".join(base)
    if text not in syllables():
        return None
    return Reading(text, tone if tone and 1 <= tone <= 5 else None)


def is_prefix(fragment: str) -> bool:
    """``fragment`` (tone marks allowed) is the start of some syllable: a gloss cut off mid-way."""
    fragment = unicodedata.normalize("NFC", fragment).rstrip("012345")
    base = "".join(TONED.get(c, (c, None))[0] for c in fragment.replace("u:", "v"))
    return bool(base) and base in syllable_prefixes()


@cache
def syllables() -> frozenset[str]:
    """Every toneless syllable pypinyin knows (about 420), ü written v.

    Shipped as package data, made by ``scripts/make_syllables.py``.
    """
    from importlib import resources

    text = resources.files("cardmaker").joinpath("data/syllables.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def syllable_prefixes() -> frozenset[str]:
    return frozenset(s[:i] for s in syllables() for i in range(1, len(s) + 1))


@cache
def char_readings(char: str) -> tuple[Reading, ...]:
    """Every reading pypinyin lists for a character (its heteronyms).

    A traditional character missing from pypinyin's table is looked up through
    its simplified form.
    """
    from cardmaker.chinese.pypinyin_import import pypinyin

    pinyin_dict = pypinyin().pinyin_dict.pinyin_dict
    value = pinyin_dict.get(ord(char))
    if value is None:
        from cardmaker.chinese.script import to_simplified

        simple = to_simplified(char)
        value = pinyin_dict.get(ord(simple)) if simple != char else None
    if value is None:
        return ()
    out = []
    for item in value.split(","):
        base, tone = [], 5
        for c in unicodedata.normalize("NFC", item):
            b, t = TONED.get(c, (c, None))
            base.append(b)
            tone = t if t is not None else tone
        out.append(Reading("".join(base), tone))
    return tuple(out)


def reads(char: str, reading: Reading) -> bool:
    """``reading`` is one of ``char``'s readings (any, for a character pypinyin does not know)."""
    if reading.base == "r":
        return char in ERHUA_CHARS
    own = char_readings(char)
    return not own or any(reading.agrees(o) for o in own)


_VOWEL_START = frozenset("aoeāáǎàōóǒòēéěè")


def split_syllables(text: str) -> tuple[Reading, ...] | None:
    """``xuéxí``, ``xue2 xi2``, ``xue2xi2`` or ``xī'ān`` → readings; None if not all Mandarin.

    The r of erhua after a syllable (``yīdiǎnr``, ``dian3 r5``) is a syllable of its own.
    """
    text = unicodedata.normalize("NFC", text.strip()).translate(SUPERSCRIPT)
    out: list[Reading] = []
    for chunk in re.split(r"[\s'’\-·]+", text):
        if not chunk:
            continue
        n = len(chunk)
        best: list[list[Reading] | None] = [None] * (n + 1)
        best[n] = []
        for i in range(n - 1, -1, -1):
            for j in range(min(n, i + 7), i, -1):
                if best[j] is None:
                    continue
                piece = chunk[i:j]
                if i and piece[0] in _VOWEL_START and not chunk[i - 1].isdigit():
                    continue  # pinyin writes xī'ān, dàng'àn: a syllable starting with a, o, e follows an apostrophe
                r = ERHUA if piece in ("r", "r5") and (i or out) else parse_syllable(piece)
                if r is not None:
                    best[i] = [r] + best[j]
                    break
        if best[0] is None:
            return None
        out.extend(best[0])
    return tuple(out) or None


def parse_pinyin(text: str) -> tuple[str, ...] | None:
    """``jìnbóhuì``, ``jin4 bo2 hui4``, ``jin4bo2hui4`` or ``Xī'ān`` → numbered syllables; None if unreadable."""
    readings = split_syllables(text.lower())
    return tuple(f"{r.base}{r.tone or 5}" for r in readings) if readings else None


@lru_cache(maxsize=8192)  # a few thousand syllables, asked for again for every entry ranked
def normalise(syllable: str) -> Reading:
    """A numbered syllable as CC-CEDICT or pypinyin writes it (``lu:4``, ``zhong4``, ``de``) → ``Reading``."""
    s = syllable.lower().replace("u:", "v").replace("ü", "v")
    if s[-1:].isdigit():
        return Reading(s[:-1], int(s[-1]) or 5)
    return Reading(s, None)


_SANDHI = set("一不")


def agrees(char: str, a: Reading, b: Reading) -> bool:
    """Two readings of ``char`` agree; tone sandhi of 一 and 不 is not a disagreement, nor is 兒
    glossed ér where it is read as erhua r."""
    if char in _SANDHI:
        return a.base == b.base
    if char in ERHUA_CHARS and {a.base, b.base} == {"r", "er"}:
        return True
    return a.agrees(b)


_ZHUYIN_TONES = {"ˊ": 2, "ˇ": 3, "ˋ": 4, "˙": 5, "ˉ": 1}


@cache
def _zhuyin_syllables() -> dict[str, str]:
    """Zhuyin without its tone mark → the toneless pinyin syllable (ㄒㄩㄝ → xue)."""
    from cardmaker.chinese.pinyin import zhuyin

    out: dict[str, str] = {}
    for s in sorted(syllables(), key=lambda s: (s in ("r", "n", "m", "ng", "hm", "hng"), s)):
        z = zhuyin((s + "1",))
        if z and not any(c.isascii() for c in z):
            out.setdefault(z, s)
    return out


def from_zhuyin(text: str) -> str | None:
    """``ㄒㄩㄝˊ ㄒㄧˊ`` (or ``˙ㄇㄚ``) → ``xue2 xi2``; None when any part is not a zhuyin syllable."""
    table = _zhuyin_syllables()
    out = []
    for part in text.split():
        tone = next((_ZHUYIN_TONES[c] for c in part if c in _ZHUYIN_TONES), 1)
        base = table.get("".join(c for c in part if c not in _ZHUYIN_TONES))
        if base is None:
            return None
        out.append(f"{base}{tone}")
    return " ".join(out) or None
