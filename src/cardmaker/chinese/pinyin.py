"""Spelling a reading: numbered syllables → tone marks, zhuyin, tone numbers."""

from __future__ import annotations

from functools import cache

_VOWELS = "aeiouv"
_MARKS = {
    "a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "v": "ǖǘǚǜ",
}


def tone_of(syllable: str) -> int:
    return int(syllable[-1]) if syllable[-1:].isdigit() and syllable[-1] != "0" else 5


@cache
def marked(syllable: str) -> str:
    """``zhong4`` → ``zhòng``, ``lu:4`` → ``lǜ``, ``de5`` → ``de``; anything else unchanged."""
    tone = tone_of(syllable)
    base = syllable[:-1] if syllable[-1:].isdigit() else syllable
    upper = base[:1].isupper()
    s = base.lower().replace("u:", "v").replace("ü", "v")
    if not s.isalpha():
        return syllable
    if tone in (1, 2, 3, 4):
        if "a" in s:
            i = s.index("a")
        elif "e" in s:
            i = s.index("e")
        elif "ou" in s:
            i = s.index("o")
        else:
            i = max((k for k, c in enumerate(s) if c in _VOWELS), default=-1)
        if i >= 0:
            s = s[:i] + _MARKS[s[i]][tone - 1] + s[i + 1:]
    s = s.replace("v", "ü")
    return s[:1].upper() + s[1:] if upper else s


@cache
def joined(syllables: tuple[str, ...]) -> str:
    """Tone-marked word, with an apostrophe before a syllable starting with a, o or e: xī'ān;
    a proper noun of several words (CC-CEDICT capitalises each) spaced: Shìjiè Màoyì Zǔzhī."""
    return "".join(sep + m for sep, m in spelled(syllables))


@cache
def spelled(syllables: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(separator, tone-marked syllable) pairs of ``joined``."""
    out = []
    for i, syl in enumerate(syllables):
        m = marked(syl)
        if i and m[:1].isupper():
            out.append((" ", m))
        elif i and m[:1].lower() in "aāáǎàoōóǒòeēéěè":
            out.append(("'", m))
        else:
            out.append(("", m))
    return tuple(out)


@cache
def numbered(syllables: tuple[str, ...]) -> str:
    return " ".join(s if s[-1:].isdigit() or not s.isalpha() else s + "5" for s in syllables)


def reading_key(syllables) -> str:
    """A reading as compared and hashed: numbered, lower case, ü as v ("lv4 se4")."""
    return _reading_key(syllables if type(syllables) is tuple else tuple(syllables))


@cache
def _reading_key(syllables: tuple[str, ...]) -> str:
    return numbered(syllables).lower().replace("u:", "v")


@cache
def zhuyin(syllables: tuple[str, ...]) -> str:
    return " ".join(_zhuyin(s) for s in syllables)


@cache
def _zhuyin(syllable: str) -> str:
    from cardmaker.chinese.pypinyin_import import pypinyin

    BopomofoConverter = pypinyin().style.bopomofo.BopomofoConverter

    m = marked(syllable).lower()
    if m == "r":  # the erhua r of 一點兒 (CC-CEDICT r5) is written ㄦ
        return "ㄦ"
    if not m.isalpha():
        return syllable
    z = BopomofoConverter().to_bopomofo(m)
    # the neutral tone's dot stands before the syllable in zhuyin (˙ㄕㄠ), where pypinyin puts it last
    return "˙" + z[:-1] if z.endswith("˙") else z


def name_case(syllables, foreign: bool = False) -> tuple[str, ...]:
    """A Chinese name's syllables with the surname and the given name capitalised: Chen2 Ji2 ning2;
    a ``foreign`` (transliterated) name is one word, capitalised once: Hua4 jia1 sha1 (Huàjiāshā)."""
    out = [s.lower() for s in syllables]
    for i in range(min(1 if foreign else 2, len(out))):
        out[i] = out[i][:1].upper() + out[i][1:]
    return tuple(out)


def joined_name(syllables) -> str:
    """A name spelled the standard way, surname apart: Chén Jíníng, Xí Jìnpíng, Ōuyáng Xiū; each part
    begins at a capital (``name_case``), so a foreign name capitalised once is one word (Huàjiāshā)."""
    syllables = tuple(syllables)
    if len(syllables) < 2:
        return joined(syllables)
    if not any(s[:1].isupper() for s in syllables[1:]):
        # no capital after the first: a surname alone is apart (Chén jíníng was never written so,
        # but a name's syllables all lower-cased elsewhere still read surname first)
        return joined(syllables) if syllables[0][:1].isupper() else f"{joined(syllables[:1])} {joined(syllables[1:])}"
    parts, start = [], 0
    for k in range(1, len(syllables)):
        if syllables[k][:1].isupper():
            parts.append(joined(syllables[start:k]))
            start = k
    parts.append(joined(syllables[start:]))
    return " ".join(parts)


_NO_SPACE_BEFORE = frozenset("，。、；：！？」』）》〉…—,.;:!?)]”’%-－·・")
# full-width punctuation carries its own space (a dash too: ——论); a hyphen or a dot joins a name's
# parts (Hǎi'ěr-Bōpǔ, Ālún·Hǎi'ěr)
_NO_SPACE_AFTER = frozenset("「『（《〈([“‘，。、；：！？…—-－·・")


def spaced(pieces) -> list[tuple[str, str, bool]]:
    """A sentence's pinyin as (separator, text, flag) from (text, flag) pieces, one per word: words
    apart, no space before punctuation, nor after an opening bracket or full-width punctuation
    (which is kept as written), spaces of the text itself dropped.  A piece (text, flag, True) is a
    bound suffix written on to the word before it (qìxiàng + shǔ: qìxiàngshǔ)."""
    out, prev = [], ""
    for text, flag, *attached in pieces:
        text = text.strip()
        if not text:
            continue
        sep = "" if not prev or text[0] in _NO_SPACE_BEFORE or prev[-1] in _NO_SPACE_AFTER or any(attached) \
            else " "
        out.append((sep, text, flag))
        prev = text
    return out
