"""The part of speech a card shows, from the tags of the word's occurrences, checked against the
sense the card shows and the words around each occurrence.

jieba's tag is its dictionary's, the same for a word everywhere (使命 "verb", 组长 "verb"); the
sense the meaning stage chose says what kind of word the card teaches (``to …`` a verb,
``classifier for …`` a measure word, ``mission; calling`` a noun).  A label is shown only when the
two agree, or when the sense alone is clearly a verb; none is better than a wrong one.
"""

from __future__ import annotations

import re
from collections import Counter

from cardmaker.analysis.english import A, AUX, C, D, N, P, Q, UNIT, V

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
# labels the sense cannot confirm or deny, and that hold as jieba gives them (UD GSD: 0.93 or better)
_AS_TAGGED = frozenset(("place name", "organisation", "proper noun", "idiom", "direction", "place word",
                        "particle", "numeral", "interjection", "onomatopoeia"))
# the kind of word (english.V, N, …) each label says, as a sense's classes name it
_KINDS = {"noun": {N, UNIT}, "time word": {N, UNIT}, "verb": {V, AUX}, "adjective": {A}, "adverb": {D},
          "measure word": {Q}, "preposition": {P}, "conjunction": {C}}
# labels of function words: jieba's tags of these hold better than its tags of content words
_FUNCTION = frozenset(("adverb", "conjunction", "preposition", "measure word"))
# a sense that starts with one of these is a pronoun's or a determiner's (其他 "other", 自己 "oneself")
_PRONOUNS = frozenset(
    "i me you he she it we they them us him her his its our their this that these those here there other others "
    "another any anyone anything anybody some someone something somebody every each everyone everything all "
    "oneself myself yourself himself herself itself ourselves themselves who whom whose what which where how "
    "such certain various whatever whoever whichever none both".split())
_FIRST_WORD_RE = re.compile(r"[a-z][a-z'\-]*")
# the words around an occurrence that say it is not what the label says here
_NOT_VERB_AFTER = frozenset("的 个 项 种 这 那 该 此 其".split())  # 的|选举, 一个|构想: a noun here
_NOT_NOUN_BEFORE = frozenset("了 着 过 于".split())                # 毕业|了, 毕业|于: a verb here
_NOT_ADVERB_BEFORE = frozenset(("的",))                             # 最终|的: a modifier here


def shown(tag: str, name: bool, word: str = "", senses=None, around=()) -> str:
    """The label a card shows: ``tag`` (jieba's, or a teacher's own label) in words, or none.

    None where the tag is unreliable (an abbreviation tag on 深化, a numeral tag on 月 or 十分, an
    unknown tag).  Given ``senses`` (the ``english.Sense`` of each sense the card shows, first the
    best; empty for a meaning composed from the characters), the label must also fit the sense: a
    verb tag on 使命 "mission; calling" shows nothing, a noun tag on 产生 "to arise" shows verb,
    ``vn`` shows noun or verb as the sense is one or the other.  ``around`` (the texts before and
    after each occurrence) takes away a label an occurrence contradicts (的|选举 is no verb).
    """
    if name:
        return "name"
    jieba_tag = len(tag) <= 3 and tag.isascii() and tag.islower()  # not a teacher's own label
    if jieba_tag and (tag[:1] in _UNSURE or tag.startswith("m") and word and not all(c in _NUMERALS for c in word)):
        # the tag says nothing, but a word's sense that is a verb alone does (深化 "to deepen", tagged
        # j); not a bound character's (组 zg "to form", 度 zg "to pass": suffixes in 小组, 温度)
        verb = (len(word) > 1 and tag[:1] in "jlx" and bool(senses) and bool(senses[0].classes)
                and senses[0].classes <= {V, AUX})
        return "verb" if verb and not any(before in _NOT_VERB_AFTER for before, _ in around) else ""
    if tag in _POS_NAMES:
        label = _POS_NAMES[tag]
    elif len(tag) <= 3 and tag[:1] in _POS_NAMES:  # jieba's finer tags: nrt, vshi, ...
        label = _POS_NAMES[tag[:1]]
    else:
        label = tag
    if senses is None or not jieba_tag or not label:
        return label
    label = _checked(label, word, senses)
    if label == "verb" and any(before in _NOT_VERB_AFTER for before, _ in around):
        return ""
    if label == "noun" and any(after in _NOT_NOUN_BEFORE for _, after in around):
        return ""
    if label == "adverb" and any(after in _NOT_ADVERB_BEFORE for _, after in around):
        return ""
    return label


def _checked(label: str, word: str, senses) -> str:
    """``label`` when the first sense shown is that kind of word; "verb" when it is a verb alone."""
    if label in _AS_TAGGED:
        return label
    if not senses:  # composed from the characters: only a noun tag holds (投资商, 街角; UD GSD: 37 of 39)
        return label if label == "noun" and len(word) > 1 else ""
    first = senses[0].classes
    if label == "pronoun":
        words = _FIRST_WORD_RE.findall(re.sub(r"\([^()]*\)", " ", senses[0].text.lower()))
        return label if words and words[0] in _PRONOUNS else ""
    if label == "verbal noun":  # noun or verb, as the sense is one or the other
        kinds = [k for k, say in (("noun", {N, UNIT}), ("verb", {V, AUX})) if first & say]
        return kinds[0] if len(kinds) == 1 else ""
    kinds = _KINDS.get(label, set())
    if first & kinds:
        return label
    if label in _FUNCTION and any(s.classes & kinds for s in senses[1:]):
        return label  # 互相 "each other / mutually": a function word's tag holds if a sense shown fits it
    if label == "adjective" and senses[0].text.startswith("to be "):
        return label  # 长效 "to be effective over …": CC-CEDICT's way with an adjective that is a predicate
    if first and first <= {V, AUX}:  # "to arise", "to leave for": a verb, whatever the tag
        return "verb"
    if first == {Q}:  # 项 "classifier for principles, items"
        return "measure word"
    return ""
