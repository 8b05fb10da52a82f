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
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from cardmaker.dictionary import Dictionary, cache_dir
from cardmaker.glosses import HAN

_HAN_ONLY_RE = re.compile(f"^[{HAN}]+$")
_NUMERAL = "零〇一二三四五六七八九十百千万亿两"
_NUMBER_RE = re.compile(f"^(?=.*[{_NUMERAL}0-9０-９])[{_NUMERAL}0-9０-９.．,%％]+$")
_NUMERAL_PREFIX_RE = re.compile(f"^第?[{_NUMERAL}0-9]+")
_NOMINAL = ("n", "nz", "nt", "ns", "j", "vn")

# kinds of token
WORD, TERM, NAME, FRAGMENT, NUMBER, OTHER = "word", "term", "name", "fragment", "number", "other"


@dataclass(frozen=True)
class Token:
    text: str      # simplified
    start: int     # offsets in the clean text
    end: int
    pos: str       # jieba part-of-speech tag
    kind: str = WORD


@cache
def _tokenizer():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    directory = cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        tokenizer.tmp_dir = str(directory)
    except OSError:
        pass  # jieba falls back to the system temporary folder
    # jieba.posseg already read the part-of-speech table at import (its global
    # tokenizer); a private copy of it saves reading the dictionary a second time.
    pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    pos.tokenizer = tokenizer
    pos.word_tag_tab = dict(jieba.posseg.dt.word_tag_tab)
    return pos


def add_words(words) -> None:
    """Teach the segmenter extra words (a user dictionary) as ``(word, tag)`` pairs."""
    pos = _tokenizer()
    for word, tag in words:
        pos.tokenizer.add_word(word, freq=None, tag=tag or "n")
        pos.word_tag_tab[word] = tag or "n"


def jieba_tokens(simplified: str) -> list[Token]:
    """jieba's words with their tags and offsets; together they cover the text exactly."""
    out = []
    pos = 0
    for pair in _tokenizer().cut(simplified):
        word, flag = pair.word, pair.flag
        start = simplified.find(word, pos) if not simplified.startswith(word, pos) else pos
        if start < 0:
            continue
        out.append(Token(word, start, start + len(word), flag))
        pos = start + len(word)
    return out


def segment(simplified: str, dictionary: Dictionary) -> list[Token]:
    """Tokens of the article, each with its kind (word, term, name, fragment, number, other)."""
    tokens = [c for t in jieba_tokens(simplified) for c in _classify(t, dictionary)]
    tokens = _join_names(tokens, dictionary)
    tokens = _merge_terms(tokens, dictionary)
    out = []
    for t in tokens:
        if t.kind == FRAGMENT and not t.pos.startswith("nr"):
            out.extend(_split(t, dictionary) or [t])
        else:
            out.append(t)
    return out


def _classify(t: Token, d: Dictionary) -> list[Token]:
    """The token with its kind; a number glued to a measure word (第六届) becomes two tokens."""
    m = _NUMERAL_PREFIX_RE.match(t.text)
    if m and 0 < m.end() < len(t.text) and not d.is_word(t.text):
        rest = t.text[m.end():]
        if d.is_word(rest):
            return [Token(t.text[:m.end()], t.start, t.start + m.end(), "m", NUMBER),
                    _kind(Token(rest, t.start + m.end(), t.end, _tag(rest, "q")), d)]
    return [_kind(t, d)]


def _kind(t: Token, d: Dictionary) -> Token:
    if not _HAN_ONLY_RE.match(t.text):
        return replace(t, kind=NUMBER if _NUMBER_RE.match(t.text) else OTHER)
    if _NUMBER_RE.match(t.text):
        return replace(t, kind=NUMBER)
    if t.pos.startswith("nr"):
        # jieba tags some common words nr (周全, 扁平化): a dictionary word with a common
        # sense, or a word of jieba's own dictionary that CC-CEDICT composes, is no name.
        if len(t.text) == 1:
            return replace(t, kind=NAME)  # a surname cut off its given name
        if any(not (e.proper or e.surname_only or e.variant_only) for e in d.lookup(t.text)):
            return replace(t, kind=WORD)
        if len(t.text) > 1 and t.text not in d and _tokenizer().tokenizer.FREQ.get(t.text) and _split(t, d):
            return replace(t, kind=FRAGMENT, pos="n")
        return replace(t, kind=NAME)
    if d.is_word(t.text):
        return t
    if t.pos.startswith("m") and _NUMERAL_PREFIX_RE.match(t.text):
        return replace(t, kind=NUMBER)
    return replace(t, kind=FRAGMENT)


def _join_names(tokens: list[Token], d: Dictionary) -> list[Token]:
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


def _merge_terms(tokens: list[Token], d: Dictionary) -> list[Token]:
    """Join a recurring non-word piece with the neighbour it always comes with (进|博会 → 进博会)."""
    counts: Counter = Counter()
    for i, t in enumerate(tokens):
        if t.kind == FRAGMENT and len(t.text) >= 2 and t.pos.startswith(_NOMINAL):
            for j in (i - 1, i + 1):
                if 0 <= j < len(tokens) and tokens[j].kind in (WORD, FRAGMENT) and len(tokens[j].text) <= 3:
                    a, b = sorted((i, j))
                    if tokens[a].end == tokens[b].start:
                        counts[tokens[a].text + tokens[b].text, tokens[a].text] += 1
    terms = {key for key, n in counts.items() if n >= 2}
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


def _tag(word: str, default: str) -> str:
    return _tokenizer().word_tag_tab.get(word, default)


def _split(t: Token, d: Dictionary) -> list[Token] | None:
    """Split a non-dictionary token into the fewest dictionary words, if one of them is longer than a character."""
    text = t.text
    n = len(text)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(1, n + 1):
        for start in range(max(0, end - 8), end):
            if best[start] is not None and d.is_word(text[start:end]):
                cand = best[start] + [text[start:end]]
                if best[end] is None or len(cand) < len(best[end]):
                    best[end] = cand
    pieces = best[n]
    if not pieces or len(pieces) < 2 or all(len(p) == 1 for p in pieces):
        return None
    out, pos = [], t.start
    for p in pieces:
        out.extend(_classify(Token(p, pos, pos + len(p), _tag(p, t.pos)), d))
        pos += len(p)
    return out
