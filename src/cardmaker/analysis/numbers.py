"""The words worth a card inside a number: 亿 in 3.5亿元, 万 in 两万人, 百分之 in 百分之三十.

A number is no card (its digits are no vocabulary), but the magnitude words it is built of are ones
a learner must learn to read it: 万 wàn "ten thousand", 亿 yì "hundred million", 万亿 "trillion",
百分之 "percent". 十 百 千 are left with the digits: HSK 1 teaches them with 一 to 九. A number
token that is a CC-CEDICT word of magnitudes alone (亿万 "millions and millions", 千亿) is that word;
one whose every sense is no number (万一 "just in case": jieba's numeral tag, the regex's digits) is
a word of its own, whole.
"""

from __future__ import annotations

import re

from cardmaker.records import WORD, Token

# longest first: 万亿 is one word "trillion", not 万 + 亿
_MAGNITUDE_RE = re.compile("百分之|万亿|亿|万")
_MAGNITUDE_CHARS = frozenset("百千万亿")
# a sense that names a number: "fifty", "fifth", "trillion", "percent", "100 million"
_NUMERIC_SENSE_RE = re.compile(
    r"\d|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"(?:thir|four|fif|six|seven|eigh|nine)teen(?:th)?|(?:twen|thir|for|fif|six|seven|eigh|nine)t(?:y|ieth)|"
    r"hundred|thousand|million|billion|trillion|first|second|third|(?:four|fif|six|seven|eigh|nin|ten)th|"
    r"eleventh|twelfth|(?:hundred|thousand|million|billion)th|percent|dozen|myriad)s?\b|giga|mega|tera",
    re.IGNORECASE)


def words_in(t: Token, lexicon) -> list[Token]:
    """The words of number token ``t`` worth a card, as tokens of their own place (kind ``WORD``)."""
    entries = lexicon.entries(t.text) if len(t.text) > 1 else ()
    if entries and set(t.text) <= _MAGNITUDE_CHARS:
        return [Token(t.text, t.start, t.end, t.pos, WORD)]
    if entries and not any(_NUMERIC_SENSE_RE.search(s) for e in entries for s in e.senses):
        return [Token(t.text, t.start, t.end, "", WORD)]  # no numeral: its senses say what it is
    return [Token(m.group(), t.start + m.start(), t.start + m.end(), t.pos, WORD)
            for m in _MAGNITUDE_RE.finditer(t.text)]
