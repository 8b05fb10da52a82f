"""Embedded pinyin glosses: finding them in a page's text and stripping them.

Scraped pages annotate characters with readings in parentheses, ``深(shen)入``,
``學(xué)``, ``的(de)(de)(de)``.  A gloss is a parenthesised Mandarin syllable
directly after a Han character (or after another gloss of that character);
anything else in parentheses is ordinary text and is kept exactly.  Readings
are normalised to ``base`` (toneless, ``ü`` as ``v``) plus an optional tone
(see ``chinese.syllables``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cardmaker.chinese.script import HAN, HAN_RE
from cardmaker.chinese.syllables import ERHUA_CHARS, TONED, is_prefix, parse_syllable, reads, split_syllables
from cardmaker.records import Gloss

_LETTERS = "a-z:\u0300-\u036f" + "".join(TONED)  # combining tone marks too (decomposed text)
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
class Stripped:
    text: str
    glosses: tuple[Gloss, ...]
    truncated: int


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
        mismatch = not any(reads(char, r) for r in readings)
        glosses.append(Gloss(at, char, tuple(written), tuple(readings), mismatch))

    for m in _OPEN_RE.finditer(raw):
        i = m.start()
        if i < pos:
            continue
        written, readings, j = [], [], i
        while (g := _GROUP_RE.match(raw, j)) and (r := parse_syllable(g.group(1), capital=True)) is not None:
            # a capitalised or one-letter "gloss" that is no reading of the character is more
            # likely a label, 方案(A), 選項(a): ordinary text, kept
            if (g.group(1)[:1].isupper() or len(r.base) == 1) and not reads(raw[i - 1], r):
                break
            written.append(g.group(1))
            readings.append(r)
            j = g.end()
        word = None
        k = len(readings)
        if (
            k > 1 and i - k >= pos and all(HAN_RE.match(c) for c in raw[i - k:i])
            and not all(reads(raw[i - 1], r) for r in readings)
            and all(reads(c, r) for c, r in zip(raw[i - k:i], readings))
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
                agree = [reads(c, r) for c, r in zip(raw[i - n:i], sylls)]
                # 北京(Beijing) must read right; a lower-case word gloss may be wrong in places
                if all(agree) if capital else any(agree):
                    word, j = sylls, w.end()
        cut = _CUT_RE.match(raw, j) if word is None else None
        if cut and is_prefix(cut.group(1)):
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
