"""Segmentation: jieba on the simplified copy, then article terms, compositions and names.

jieba cuts traditional text badly, so it runs on the character-aligned
simplified copy and every token keeps its offsets into the clean text.  Its
output is then repaired with the dictionary: a recurring abbreviation it cut
into a non-word (进|博会) becomes one article term; a phrase it keeps whole but
that is only a composition of dictionary words (出席会议) is split; a piece
that is no word at all (博会, 养民) is marked as a fragment and never becomes a
card.  Person names (jieba's ``nr`` tags) are marked, with a surname and the
given name it was cut from joined again.
"""

from __future__ import annotations

import logging
import re
from functools import cache

from cardmaker.chinese.script import HAN
from cardmaker.records import FRAGMENT, NAME, NUMBER, OTHER, TERM, WORD, Token

_HAN_ONLY_RE = re.compile(f"^[{HAN}]+$")
_NUMERAL = "零〇一二三四五六七八九十百千万亿两"
_NUMBER_RE = re.compile(f"^(?=.*[{_NUMERAL}0-9０-９])[{_NUMERAL}0-9０-９.．,%％]+$")
_NUMERAL_PREFIX_RE = re.compile(f"^第?[{_NUMERAL}0-9]+")
_NOMINAL = ("n", "nz", "nt", "ns", "j", "vn")

# The commonest surnames: a word jieba found by its HMM (not in its dictionary)
# that starts with one of these is taken for a person's name.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    "向汤习温蔺栗赖葛柯翁"
)
_LATIN_RE = re.compile(r"^[A-Za-z]+$")
_DIGITS_RE = re.compile(r"^[0-9０-９.．%％]+$")

@cache
def _quiet_jieba():
    import sys

    if "jieba" not in sys.modules and "pkg_resources" not in sys.modules:
        # jieba imports setuptools' pkg_resources (a sixth of a second) only to open its own
        # data files, and opens them by path when it cannot; we never use those files anyway.
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
        try:
            import jieba
        finally:
            del sys.modules["pkg_resources"]
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


class Lexical:
    """jieba's dictionary entries found in one text: frequencies and tags."""

    def __init__(self, text: str, lexicon):
        self.entries = lexicon.jieba_entries(text)
        self.total = lexicon.jieba_total
        self.user_words = {w: "n" for w in lexicon.user_words if w in text}

    def known(self, word: str) -> bool:
        return self.entries.get(word, (0, ""))[0] > 0

    def tag(self, word: str, default: str) -> str:
        return self.entries.get(word, (0, ""))[1] or self.user_words.get(word) or default


def jieba_tokens(simplified: str, lexical: Lexical) -> list[Token]:
    """jieba's words with their tags and offsets; together they cover the text exactly.

    A private ``jieba.Tokenizer`` gets only the dictionary entries that occur in
    the text (its cut depends on nothing else), instead of loading all of them.
    """
    jieba = _quiet_jieba()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ = {w: f for w, (f, _) in lexical.entries.items()}
    tokenizer.total = lexical.total
    tokenizer.initialized = True
    for word, tag in lexical.user_words.items():
        tokenizer.add_word(word, tag=tag)
        lexical.entries[word] = (tokenizer.FREQ[word], lexical.entries.get(word, (0, tag))[1] or tag)
    out = []
    pos = 0
    for word in (w for piece in _pieces(simplified, tokenizer, jieba) for w in tokenizer.cut(piece)):
        start = pos if simplified.startswith(word, pos) else simplified.find(word, pos)
        if start < 0:
            continue
        out.append(Token(word, start, start + len(word), _tag(word, lexical)))
        pos = start + len(word)
    return out


MAX_RUN = 100  # characters of one piece of a long unbroken run of text given to jieba at a time


def _pieces(text: str, tokenizer, jieba):
    """``text`` in pieces for jieba's cut, so that its work stays linear in the text's length.

    jieba cuts each run of characters between punctuation on its own, and reads a
    stretch of characters it found no word in with an HMM whose cost grows with
    the square of the stretch (600,000 repeats of one character: minutes).  A run
    longer than ``MAX_RUN`` is cut into pieces, each ending where jieba's own best
    path ends a dictionary word (so jieba cuts each piece exactly as it would have
    cut the run); only a stretch with no such place is cut at ``MAX_RUN`` itself.
    Normal text is given to jieba as it is.
    """
    start = 0
    for m in jieba.re_han_default.finditer(text):
        if m.end() - m.start() <= MAX_RUN:
            continue
        a = m.start()
        while m.end() - a > MAX_RUN:
            cut = _cut_point(text[a:a + MAX_RUN + _LOOKAHEAD], tokenizer)
            yield text[start:a + cut]
            start = a = a + cut
    yield text[start:]


_LOOKAHEAD = 30  # characters past a piece's end that its best path is computed with


def _cut_point(window: str, tokenizer) -> int:
    """Where to end a piece in ``window``: the last end of a dictionary word on jieba's best path
    within ``MAX_RUN`` characters, if it is past half of them; else ``MAX_RUN``."""
    route: dict = {}
    tokenizer.calc(window, tokenizer.get_DAG(window), route)
    x, best = 0, 0
    while x < len(window):
        y = route[x][1] + 1
        if y > MAX_RUN:
            break
        if y - x > 1:
            best = y
        x = y
    return best if best > MAX_RUN // 2 else MAX_RUN


def _tag(word: str, lexical: Lexical) -> str:
    if lexical.known(word):
        return lexical.tag(word, "n")
    if _DIGITS_RE.match(word):
        return "m"
    if _LATIN_RE.match(word):
        return "eng"
    if not _HAN_ONLY_RE.match(word):
        return "x"
    if 2 <= len(word) <= 3 and word[0] in _SURNAMES:
        return "nr"
    return "x"  # a new word of jieba's HMM: its part of speech is unknown


def segment(simplified: str, lexicon) -> list[Token]:
    """Tokens of the article, each with its kind (word, term, name, fragment, number, other).

    ``lexicon`` (a ``cardmaker.lexicon.Lexicon``) gives the dictionaries; its user's
    words are always cut as words.
    """
    lexical = Lexical(simplified, lexicon)
    lex = lexicon
    tokens = [c for t in jieba_tokens(simplified, lexical) for c in _classify(t, lex, lexical)]
    tokens = _split_date_units(tokens, lex, lexical)
    tokens = _join_names(tokens)
    tokens = _trim_names(tokens, lex, lexical)
    tokens = _merge_terms(tokens, lex, lexical)
    tokens = _shift_boundaries(tokens, lex, lexical)
    out = []
    for t in tokens:
        if t.kind == FRAGMENT and not t.pos.startswith("nr"):
            out.extend(_split(t, lex, lexical) or _split_prefix(t, lex, lexical) or [t])
        else:
            out.append(t)
    return out


_MAJOR_RE = re.compile(f"^[{_NUMERAL}]+大$")  # 三大, 四大: "three major …" in news, not a dictionary term
_CONGRESS_RE = re.compile("^(?:[一二]十[一二三四五六七八九]?|十[一二三四五六七八九])大$")  # 十五大, 二十大 (but 十大: "top ten")


def _classify(t: Token, lex, lexical: Lexical) -> list[Token]:
    """The token with its kind; a number glued to a measure word (第六届) becomes two tokens."""
    if _CONGRESS_RE.match(t.text):
        return [t.as_kind(NUMBER)]  # 党的二十大: the 20th Party Congress, not 大 "big"
    m = _NUMERAL_PREFIX_RE.match(t.text)
    if m and 0 < m.end() < len(t.text) and (not lex.is_word(t.text) or _MAJOR_RE.match(t.text)):
        rest = t.text[m.end():]
        if lex.is_word(rest):
            # 第六|届: a measure word after a number; 四|大: an adjective
            tag = "a" if _MAJOR_RE.match(t.text) else "q" if len(rest) == 1 else lexical.tag(rest, "q")
            return [Token(t.text[:m.end()], t.start, t.start + m.end(), "m", NUMBER),
                    _kind(Token(rest, t.start + m.end(), t.end, tag), lex, lexical)]
    return [_kind(t, lex, lexical)]


def _kind(t: Token, lex, lexical: Lexical) -> Token:
    if not _HAN_ONLY_RE.match(t.text):
        return t.as_kind(NUMBER if _NUMBER_RE.match(t.text) else OTHER)
    if _NUMBER_RE.match(t.text):
        return t.as_kind(NUMBER)
    if t.pos.startswith("nr"):
        # jieba tags some common words nr (周全, 扁平化): a dictionary word with a common
        # sense, or a word of jieba's own dictionary that CC-CEDICT composes, is no name.
        if len(t.text) == 1:
            return t.as_kind(NAME)  # a surname cut off its given name
        if any(not (e.proper or e.surname_only or e.variant_only) for e in lex.entries(t.text)):
            return t.as_kind(WORD)
        if not lex.entries(t.text) and lexical.known(t.text) and _split(t, lex, lexical):
            return Token(t.text, t.start, t.end, "n", FRAGMENT)
        return t.as_kind(NAME)
    if lex.is_word(t.text):
        return t
    if t.pos.startswith("m") and _NUMERAL_PREFIX_RE.match(t.text):
        return t.as_kind(NUMBER)
    return t.as_kind(FRAGMENT)


_DATE_UNITS = "年月日号號时時分秒"


def _split_date_units(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """北京11月28日电: a date's unit that jieba glued to the next word (日电, which CC-CEDICT knows
    only as the company NEC) is cut off again, unless the whole is a common word (月份)."""
    out: list[Token] = []
    for t in tokens:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.kind == NUMBER and prev.end == t.start and len(t.text) > 1
            and t.text[0] in _DATE_UNITS and not any(not e.proper for e in lex.entries(t.text))
        ):
            rest = t.text[1:]
            out.append(Token(t.text[0], t.start, t.start + 1, "q", WORD))
            out.extend(_classify(Token(rest, t.start + 1, t.end, lexical.tag(rest, "n")), lex, lexical))
        else:
            out.append(t)
    return out


def _join_names(tokens: list[Token]) -> list[Token]:
    """陈|春江 and 李|养民: a one-character surname joined to the given name jieba cut off."""
    out: list[Token] = []
    for t in tokens:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.kind == NAME and len(prev.text) == 1 and prev.end == t.start
            and 1 <= len(t.text) <= 2 and (t.kind in (NAME, FRAGMENT))
        ):
            out[-1] = Token(prev.text + t.text, prev.start, t.end, "nr", NAME)
        else:
            out.append(t)
    return out


def _trim_names(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """龔正作部署: a three-character name whose first two characters are a name elsewhere in the
    article took the next word's character; give it back."""
    names = {t.text for t in tokens if t.kind == NAME}
    out: list[Token] = []
    for t in tokens:
        if t.kind == NAME and len(t.text) == 3 and t.text[:2] in names and lex.is_word(t.text[2]):
            out.append(Token(t.text[:2], t.start, t.end - 1, t.pos, NAME))
            out.extend(_classify(Token(t.text[2], t.end - 1, t.end, lexical.tag(t.text[2], "x")), lex, lexical))
        else:
            out.append(t)
    return out


def _merge_terms(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """Join a recurring non-word piece with the neighbour it always comes with (进|博会 → 进博会),
    unless together they are only dictionary words in a row (左|手握着 is 左手 握 着)."""
    places: dict[tuple[str, str], set[int]] = {}
    for i, t in enumerate(tokens):
        if t.kind == FRAGMENT and len(t.text) >= 2 and t.pos.startswith(_NOMINAL):
            for j in (i - 1, i + 1):
                if 0 <= j < len(tokens) and tokens[j].kind in (WORD, FRAGMENT) and len(tokens[j].text) <= 3:
                    a, b = sorted((i, j))
                    if tokens[a].end == tokens[b].start:
                        places.setdefault((tokens[a].text + tokens[b].text, tokens[a].text), set()).add(tokens[a].start)
    terms = {
        key for key, starts in places.items()
        if len(starts) >= 2 and not _split(Token(key[0], 0, len(key[0]), "n", FRAGMENT), lex, lexical)
    }
    if not terms:
        return tokens
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        if i + 1 < len(tokens):
            a, b = tokens[i], tokens[i + 1]
            if (a.text + b.text, a.text) in terms and a.end == b.start:
                out.append(Token(a.text + b.text, a.start, b.end, "nz", TERM))
                i += 2
                continue
        out.append(tokens[i])
        i += 1
    return out


def _shift_boundaries(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """台積|電今 → 台積電|今: a non-word piece and the start (or end) of its neighbour that make a
    dictionary word, when what is left of the neighbour is a word too."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if t.kind == FRAGMENT and nxt is not None and nxt.kind in (WORD, FRAGMENT) and t.end == nxt.start:
            for k in range(len(nxt.text), 0, -1):
                head, rest = t.text + nxt.text[:k], nxt.text[k:]
                if lex.is_word(head) and (not rest or lex.is_word(rest)):
                    out.append(Token(head, t.start, nxt.start + k, lexical.tag(head, "n"), WORD))
                    if rest:
                        out.extend(_classify(Token(rest, nxt.start + k, nxt.end, lexical.tag(rest, "x")), lex, lexical))
                    i += 2
                    break
            else:
                out.append(t)
                i += 1
            continue
        prev = out[-1] if out else None
        if t.kind == FRAGMENT and prev is not None and prev.kind == WORD and prev.end == t.start and len(prev.text) > 1:
            for k in range(1, len(prev.text)):
                keep, tail = prev.text[:k], prev.text[k:] + t.text
                if lex.is_word(tail) and lex.is_word(keep):
                    out[-1] = _classify(Token(keep, prev.start, prev.start + k, lexical.tag(keep, prev.pos)), lex,
                                        lexical)[0]
                    out.append(Token(tail, prev.start + k, t.end, lexical.tag(tail, "n"), WORD))
                    break
            else:
                out.append(t)
            i += 1
            continue
        out.append(t)
        i += 1
    return out


# A degree adverb, negation or demonstrative that jieba glues to the next character (很|快, 最|低,
# 不|敢, 这|项, 各|项): the two are words of their own, unlike the pieces of 博会.
_PREFIXES = frozenset("很最更挺不没未这那每各本此该")  # not 太: 太昊, 太閤 are names


def _split_prefix(t: Token, lex, lexical: Lexical) -> list[Token] | None:
    text = t.text
    if len(text) != 2 or text[0] not in _PREFIXES or not (lex.is_word(text[0]) and lex.is_word(text[1])):
        return None
    return [_kind(Token(text[0], t.start, t.start + 1, lexical.tag(text[0], "lex")), lex, lexical),
            *_classify(Token(text[1], t.start + 1, t.end, lexical.tag(text[1], t.pos)), lex, lexical)]


def _split(t: Token, lex, lexical: Lexical) -> list[Token] | None:
    """Split a non-dictionary token into the fewest dictionary words, if one of them is longer than a character."""
    text = t.text
    n = len(text)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(1, n + 1):
        for start in range(max(0, end - 8), end):
            if best[start] is not None and lex.is_word(text[start:end]):
                cand = best[start] + [text[start:end]]
                if best[end] is None or len(cand) < len(best[end]):
                    best[end] = cand
    pieces = best[n]
    if not pieces or len(pieces) < 2 or all(len(p) == 1 for p in pieces):
        return None
    out, pos = [], t.start
    for p in pieces:
        out.extend(_classify(Token(p, pos, pos + len(p), lexical.tag(p, t.pos)), lex, lexical))
        pos += len(p)
    return out
