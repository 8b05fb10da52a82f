"""The part of speech a card shows, from the tags of the word's occurrences."""

from __future__ import annotations

from collections import Counter

_PROPER_TAGS = ("nr", "ns", "nt", "nz")
_POS_NAMES = {
    "n": "noun", "nr": "name", "ns": "place name", "nt": "organisation", "nz": "proper noun", "ng": "noun",
    "v": "verb", "vn": "verbal noun", "vd": "verb", "vg": "verb", "a": "adjective", "ad": "adjective",
    "an": "adjective", "ag": "adjective", "d": "adverb", "m": "numeral", "q": "measure word",
    "r": "pronoun", "p": "preposition", "c": "conjunction", "u": "particle", "y": "particle",
    "e": "interjection", "o": "onomatopoeia", "i": "idiom", "l": "set phrase", "j": "abbreviation",
    "t": "time word", "f": "direction", "s": "place word", "b": "attributive", "z": "descriptive",
    "k": "suffix", "h": "prefix", "g": "morpheme", "x": "",
}


def tag_of(tokens, name: bool, entry) -> str:
    """The jieba tag that stands for the word: its occurrences' commonest, with common words that
    jieba's dictionary tags as names or places (蓬勃 nr, 城市 ns, 长大 ns) told apart from names."""
    if len(tokens) == 1:
        pos = tokens[0].pos
    else:
        pos = Counter(t.pos for t in tokens).most_common(1)[0][0] if tokens else ""
    if pos[:2] in _PROPER_TAGS and not name and entry is not None and not entry.proper:
        # a place or organisation tag still says noun, mostly; a person tag says nothing
        pos = "" if pos.startswith("nr") else "n"
    return pos


_NUMERALS = frozenset("零〇一二三四五六七八九十百千万亿两几半0123456789")
# tags jieba gives words it does not know well: no part of speech is better than a wrong one
_UNSURE = frozenset(("j", "x", "l", "g", "k", "h", "z", "b"))


def shown(tag: str, name: bool, word: str = "") -> str:
    """jieba's tag in words: ``vn`` → "verbal noun"; none where the tag is unreliable (an
    abbreviation tag on 深化, a numeral tag on 月 or 十分, an unknown tag)."""
    if name:
        return "name"
    jieba_tag = len(tag) <= 3 and tag.isascii() and tag.islower()  # not a teacher's own label
    if jieba_tag and (tag[:1] in _UNSURE or tag.startswith("m") and word and not all(c in _NUMERALS for c in word)):
        return ""
    if tag in _POS_NAMES:
        return _POS_NAMES[tag]
    if len(tag) <= 3 and tag[:1] in _POS_NAMES:  # jieba's finer tags: nrt, vshi, ...
        return _POS_NAMES[tag[:1]]
    return tag
