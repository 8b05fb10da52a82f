"""An example's pinyin: its tokens spelled word by word, the way GB/T 16159 writes a sentence.

Each token of the article is spelled in its reading there (readings of the vocabulary stage);
a long dictionary word made of two words is written as two, a name the way names are written,
a noun's bound suffix on to its word and an administrative unit after a place's name capitalised.
Made for an example's tokens only, never for all of a long article's.
"""

from __future__ import annotations

from cardmaker.chinese.pinyin import joined, joined_name
from cardmaker.chinese.script import HAN_RE as _HAN_RE
from cardmaker.records import NAME, TERM, WORD, Word


def example_pinyin(analysis, lexicon, i: int, j: int, word: Word) -> tuple:
    """(pinyin or other text, is the word) for tokens ``i``..``j``; the word in its own reading."""
    tokens = analysis.tokens
    out = spelled(analysis, lexicon, i, j)
    for k in range(i, j):
        if tokens[k].text == word.simplified:  # the word, wherever it occurs in the example
            here = out[k - i][0]  # as spelled there when it is the same reading (Huālián Xiàn's unit)
            out[k - i] = (here if here.lower() == word.pinyin.lower() else word.pinyin, True, *out[k - i][2:])
    return tuple(out)


def spelled(analysis, lexicon, i: int, j: int) -> list[tuple]:
    """The pinyin of tokens ``i``..``j`` as they read in the article (their own text when they have
    none); a piece (text, False, True) is written on to the piece before it."""
    readings, text, tokens = analysis.readings, analysis.article.text, analysis.tokens
    out = [
        (_spelled_name(readings[t.start]) if t.kind == NAME else _word(t, readings[t.start], lexicon), False)
        if t.start in readings else (text[t.start:t.end], False)
        for t in tokens[i:j]
    ]
    for k in range(max(i, 1), j):
        if tokens[k - 1].start not in readings:
            continue
        if _bound_suffix(tokens[k - 1], tokens[k]):
            out[k - i] = (*out[k - i], True)
        elif _place_unit(tokens[k - 1], tokens[k], out[k - i - 1][0] if k > i else ""):
            out[k - i] = (out[k - i][0][:1].upper() + out[k - i][0][1:], False)
    return out


def _word(t, syllables, lexicon) -> str:
    """A word's pinyin; a dictionary word of four or more characters made of two words of its
    own is written as those two (GB/T 16159: zhōngxiǎo qǐyè, réngōng zhìnéng), an idiom whole."""
    if (t.kind != WORD or len(t.text) < 4 or len(syllables) != len(t.text) or t.pos.startswith(("i", "l"))
            or any(a == b for a, b in zip(t.text, t.text[1:]))):
        return joined(syllables)  # an idiom or set phrase (jieba's i, l: 一成不变), a doubling (气喘吁吁)
    memo = lexicon.memo("two_words")
    key = (t.text, tuple(syllables))
    got = memo.get(key)
    if got is None:
        got = memo.put(key, _two_words(t.text, tuple(syllables), lexicon))
    return got


def _two_words(word: str, syllables: tuple[str, ...], lexicon) -> str:
    entries = lexicon.entries(word)
    if not entries or any(e.proper for e in entries) or any(
            "idiom" in s or "saying" in s or "proverb" in s for e in entries for s in e.senses):
        return joined(syllables)
    for cut in range(2, len(word) - 1):
        head, tail = word[:cut], word[cut:]
        if all(any(not (e.proper or e.variant_only or e.surname_only) for e in lexicon.entries(w))
               for w in (head, tail)):
            return f"{joined(syllables[:cut])} {joined(syllables[cut:])}"
    return joined(syllables)


# administrative units: after a place's name they are part of it, spelled apart and capitalised
# (GB/T 16159, as CC-CEDICT spells 台东县 Tái dōng Xiàn): Huālián Xiàn, Fēngbīn Xiāng
_PLACE_UNITS = frozenset("省市县区乡镇村州")


def _place_unit(before, t, before_spelled: str) -> bool:
    return (t.text in _PLACE_UNITS and before.end == t.start and before_spelled[:1].isupper()
            and (before.kind == NAME or before.pos.startswith("ns")))


# Suffixes written on to the word they follow (GB/T 16159: 预警性 yùjǐngxìng, 预报员 yùbàoyuán;
# an office of an organisation, as CC-CEDICT spells 气象局 qìxiàngjú, 外交部 Wàijiāobù)
_ATTACHED = frozenset("性者员家化们署局部厅处会院")


def _bound_suffix(before, t) -> bool:
    """``t`` is a one-character suffix of ``before``, a word of two or more characters just before it:
    a noun (jieba's n, ng, k, zg tags; 会 "will" and 处 chǔ "to deal with" are verbs, apart)."""
    return (t.text in _ATTACHED and t.kind == WORD and before.end == t.start and len(before.text) >= 2
            and before.kind in (WORD, TERM) and not _HAN_RE.sub("", before.text)
            and t.pos.startswith(("n", "k", "zg")) and not t.pos.startswith(("nr", "ns"))
            and not before.pos.startswith(("r", "m", "q", "p", "c", "u", "d", "f", "t"))
            # 追踪者, 预警性 make words of verbs; 回到|家, 参加|会 are a verb and its object
            and (t.text in _AFTER_VERBS or before.pos == "vn" or not before.pos.startswith("v")))


_AFTER_VERBS = frozenset("性者化")


def _spelled_name(syllables) -> str:
    """A name as CC-CEDICT capitalises it where it has it (Huālián, Xí Jìnpíng), else surname apart."""
    return joined(syllables) if any(s[:1].isupper() for s in syllables) else joined_name(syllables)
