"""Embedded pinyin glosses: what one is, how it is matched to its character.

Scraped pages annotate characters with readings in parentheses, ``深(shen)入``,
``學(xué)``, ``的(de)(de)(de)``.  A gloss is a parenthesised Mandarin syllable
directly after a Han character (or after another gloss of that character);
anything else in parentheses is ordinary text and is kept exactly.  Readings
are normalised to ``base`` (toneless, ``ü`` as ``v``) plus an optional tone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_RE = re.compile(f"[{HAN}]")

_TONED = {
    "ā": ("a", 1), "á": ("a", 2), "ǎ": ("a", 3), "à": ("a", 4),
    "ē": ("e", 1), "é": ("e", 2), "ě": ("e", 3), "è": ("e", 4),
    "ī": ("i", 1), "í": ("i", 2), "ǐ": ("i", 3), "ì": ("i", 4),
    "ō": ("o", 1), "ó": ("o", 2), "ǒ": ("o", 3), "ò": ("o", 4),
    "ū": ("u", 1), "ú": ("u", 2), "ǔ": ("u", 3), "ù": ("u", 4),
    "ǖ": ("v", 1), "ǘ": ("v", 2), "ǚ": ("v", 3), "ǜ": ("v", 4),
    "ń": ("n", 2), "ň": ("n", 3), "ǹ": ("n", 4), "ḿ": ("m", 2),
    "ê": ("e", None), "ü": ("v", None),
}
_LETTERS = "a-z:\u0300-\u036f" + "".join(_TONED)  # combining tone marks too (decomposed text)
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵", "012345")  # xue² on some pages
_TONE_DIGIT = "0-5⁰¹²³⁴⁵"
_SYL = f"[A-Z{_LETTERS}][{_LETTERS}]{{0,8}}[{_TONE_DIGIT}]?"  # a capital first letter is allowed: 習(Xi)
_OPEN_RE = re.compile(f"(?<=[{HAN}])[(（]")
_GROUP_RE = re.compile(f"[(（] ?({_SYL}) ?[)）]")  # 學( xué ): a space inside is the page's layout
# a word's reading in one pair of parentheses after the word: 學習(xuéxí), 學習(xue2 xi2), 近平(Jìn-píng)
_WORD_GLOSS_RE = re.compile(f"[(（] ?([A-Z{_LETTERS}][A-Z{_LETTERS}{_TONE_DIGIT}' ’\\-]{{2,60}})[)）]")
_CAPITAL_RE = re.compile(r"(?:^|(?<=[\s'’\-·]))[A-Z]")
# a gloss cut off by the end of the line or page: 黨(dang)(dan
_CUT_RE = re.compile(f"[(（]({_SYL})[ \\t]*(?=\\r?\\n|\\Z)")


@dataclass(frozen=True)
class Reading:
    """A normalised syllable: ``base`` without tone (ü as v), tone 1–5 or None."""

    base: str
    tone: int | None

    def __str__(self) -> str:
        return self.base + (str(self.tone) if self.tone else "")

    def agrees(self, other: "Reading") -> bool:
        """Same syllable; tones compared only when both are known (5 = neutral matches any)."""
        if self.base != other.base:
            return False
        if self.tone is None or other.tone is None or 5 in (self.tone, other.tone):
            return True
        return self.tone == other.tone


@dataclass(frozen=True)
class Gloss:
    """The gloss(es) written after one character of the clean text."""

    index: int                  # offset of the glossed character in the clean text
    char: str
    written: tuple[str, ...]    # each token as written, repeats included
    readings: tuple[Reading, ...]
    mismatch: bool              # no token is a reading of the character

    @property
    def reading(self) -> Reading:
        return self.readings[0]


@dataclass(frozen=True)
class Stripped:
    text: str
    glosses: tuple[Gloss, ...]
    truncated: int


def parse_syllable(token: str, capital: bool = False) -> Reading | None:
    """Normalise ``xué``, ``xue2``, ``lü``, ``lv4``, ``lu:4`` or ``xue``; None if not Mandarin.

    With ``capital``, a capitalised syllable (``Xi``, as names are glossed) is read too.
    """
    token = unicodedata.normalize("NFC", token).translate(_SUPERSCRIPT)
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
        if ch in _TONED:
            b, t = _TONED[ch]
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


def _is_prefix(fragment: str) -> bool:
    fragment = unicodedata.normalize("NFC", fragment).rstrip("012345")
    base = "".join(_TONED.get(c, (c, None))[0] for c in fragment.replace("u:", "v"))
    return bool(base) and base in syllable_prefixes()


@cache
def _dictionary_readings() -> dict[int, str]:
    from pypinyin.pinyin_dict import pinyin_dict

    return pinyin_dict


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
    value = _dictionary_readings().get(ord(char))
    if value is None:
        from cardmaker.script import to_simplified

        simple = to_simplified(char)
        value = _dictionary_readings().get(ord(simple)) if simple != char else None
    if value is None:
        return ()
    out = []
    for item in value.split(","):
        base, tone = [], 5
        for c in unicodedata.normalize("NFC", item):
            b, t = _TONED.get(c, (c, None))
            base.append(b)
            tone = t if t is not None else tone
        out.append(Reading("".join(base), tone))
    return tuple(out)


_ERHUA = Reading("r", 5)  # the r of 一點兒(yīdiǎnr), CC-CEDICT's r5
ERHUA_CHARS = "兒儿"  # the characters an erhua r is written with


def _reads(char: str, reading: Reading) -> bool:
    if reading.base == "r":
        return char in ERHUA_CHARS
    own = char_readings(char)
    return not own or any(reading.agrees(o) for o in own)


def split_syllables(text: str) -> tuple[Reading, ...] | None:
    """``xuéxí``, ``xue2 xi2``, ``xue2xi2`` or ``xī'ān`` → readings; None if not all Mandarin.

    The r of erhua after a syllable (``yīdiǎnr``, ``dian3 r5``) is a syllable of its own.
    """
    text = unicodedata.normalize("NFC", text.strip()).translate(_SUPERSCRIPT)
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
                r = _ERHUA if piece in ("r", "r5") and (i or out) else parse_syllable(piece)
                if r is not None:
                    best[i] = [r] + best[j]
                    break
        if best[0] is None:
            return None
        out.extend(best[0])
    return tuple(out) or None


def strip_glosses(raw: str) -> Stripped:
    """Remove glosses from ``raw``, keeping every other character in order.

    Returns the clean text, one ``Gloss`` per glossed character (repeats folded
    into it) and the number of fragments cut off mid-gloss at a line's end.
    A word's reading in one pair of parentheses (學習(xuéxí)) glosses each of its
    characters when the syllables match the Han characters before it.
    """
    pieces: list[str] = []
    glosses: list[Gloss] = []
    truncated = 0
    pos = 0        # end of what has been copied or dropped in raw
    length = 0     # length of the clean text copied so far

    def emit(at: int, char: str, written, readings):
        mismatch = not any(_reads(char, r) for r in readings)
        glosses.append(Gloss(at, char, tuple(written), tuple(readings), mismatch))

    for m in _OPEN_RE.finditer(raw):
        i = m.start()
        if i < pos:
            continue
        written, readings, j = [], [], i
        while (g := _GROUP_RE.match(raw, j)) and (r := parse_syllable(g.group(1), capital=True)) is not None:
            # a capitalised or one-letter "gloss" that is no reading of the character is more
            # likely a label, 方案(A), 選項(a): ordinary text, kept
            if (g.group(1)[:1].isupper() or len(r.base) == 1) and not _reads(raw[i - 1], r):
                break
            written.append(g.group(1))
            readings.append(r)
            j = g.end()
        word = None
        k = len(readings)
        if (
            k > 1 and i - k >= pos and all(HAN_RE.match(c) for c in raw[i - k:i])
            and not all(_reads(raw[i - 1], r) for r in readings)
            and all(_reads(c, r) for c, r in zip(raw[i - k:i], readings))
        ):  # 學習(xué)(xí): a word's syllables one by one after it, not repeats (的(de)(de), 習(xi)(xi))
            word, readings = readings, []
        elif not readings and (w := _WORD_GLOSS_RE.match(raw, i)):
            content = w.group(1)
            capital = content[:1].isupper()
            # a name is capitalised word by word: 習近平(Xí Jìnpíng)
            sylls = split_syllables(_CAPITAL_RE.sub(lambda c: c.group(0).lower(), content) if capital else content)
            n = len(sylls) if sylls else 0
            erhua_fits = all(c in ERHUA_CHARS for c, r in zip(raw[i - n:i], sylls or ()) if r.base == "r")
            if 2 <= n <= 8 and i - n >= pos and erhua_fits and all(HAN_RE.match(c) for c in raw[i - n:i]):
                agree = [_reads(c, r) for c, r in zip(raw[i - n:i], sylls)]
                # 北京(Beijing) must read right; a lower-case word gloss may be wrong in places
                if all(agree) if capital else any(agree):
                    word, j = sylls, w.end()
        cut = _CUT_RE.match(raw, j) if word is None else None
        if cut and _is_prefix(cut.group(1)):
            truncated += 1
            j = cut.end()
        if j == i:
            continue
        pieces.append(raw[pos:i])
        length += i - pos
        if readings:
            emit(length - 1, raw[i - 1], written, readings)
        elif word:
            shown = written if len(written) == len(word) else [str(r) for r in word]
            for n, r in enumerate(word):
                emit(length - len(word) + n, raw[i - len(word) + n], [shown[n]], [r])
        pos = j
    pieces.append(raw[pos:])
    return Stripped("".join(pieces), tuple(glosses), truncated)


@dataclass(frozen=True)
class GlossReport:
    glossed: int          # characters carrying at least one gloss
    tokens: int           # gloss tokens, repeats included
    repeats: int          # tokens beyond the first on a character
    mismatches: tuple[tuple[str, str, str], ...]  # (character, gloss, context)
    truncated: int


def report(text: str, glosses: tuple[Gloss, ...], truncated: int, context: int = 4) -> GlossReport:
    """Counts for ``cardmaker glosses``: a mismatch shows a few characters around it."""
    mismatches = tuple(
        (g.char, "/".join(dict.fromkeys(g.written)), text[max(0, g.index - context): g.index + context + 1])
        for g in glosses
        if g.mismatch
    )
    tokens = sum(len(g.written) for g in glosses)
    return GlossReport(len(glosses), tokens, tokens - len(glosses), mismatches, truncated)
