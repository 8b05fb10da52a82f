"""Constructions that decide how a word is read where its own tag cannot: 以…为…, verb + 得, 钉 + object,
地方 + noun.

jieba tags a word by its dictionary, the same everywhere; a few common
constructions read a word differently (以人民为中心: 为 is wéi "as", not wèi
"for"; 跑得快: 得 is the particle de; 以钉钉子精神: the first 钉 is the verb dìng).
This pass retags those tokens (and splits a verb glued to its 得), so that the
readings stage, which reads single characters by their tag, gets them right
in the vocabulary and in every example's pinyin.
"""

from __future__ import annotations

from cardmaker.analysis.readings import ATTRIBUTE
from cardmaker.records import FRAGMENT, NAME, NUMBER, TERM, WORD, Token

_CLAUSE_END = frozenset("，。！？；：、,.!?;:\n")
_OBJECT_TAGS = ("n", "r", "vn", "j", "m")


def retag(tokens: list[Token], lexicon) -> list[Token]:
    """``tokens`` with the tags the constructions call for (a new list; offsets unchanged)."""
    out: list[Token] = []
    for i, t in enumerate(tokens):
        out.extend(_unglued(t, out[-1] if out else None, lexicon)
                   or _adverb_and_modal(t, tokens[i + 1] if i + 1 < len(tokens) else None))
    for i, t in enumerate(out):
        tag = _tag(out, i, lexicon)
        if tag is not None and tag != t.pos:
            out[i] = Token(t.text, t.start, t.end, tag, t.kind if t.kind != FRAGMENT else WORD)
    return out


def _unglued(t: Token, before: Token | None, lexicon) -> list[Token]:
    """A verb glued to its complement particle 得 that no dictionary knows as one word, in pieces:
    碰得 → 碰|得, 跑得快 → 跑|得|快, (記)|得牢 → 得|牢; none when there is nothing to split."""
    text = t.text
    if "得" not in text or len(text) < 2 or lexicon.entries(text):
        return []
    if text[0] == "得" and before is not None and before.end == t.start and lexicon.is_word(text[1:]) \
            and (before.pos.startswith(("v", "a")) or before.text[-1:] in "」』”’"):  # “咬”得牢
        return [Token("得", t.start, t.start + 1, "ud", WORD), Token(text[1:], t.start + 1, t.end, "a", WORD)]
    if text[1] == "得" and lexicon.is_word(text[0]) and (len(text) == 2 or lexicon.is_word(text[2:])):
        pieces = [Token(text[0], t.start, t.start + 1, "v", WORD), Token("得", t.start + 1, t.start + 2, "ud", WORD)]
        if len(text) > 2:
            pieces.append(Token(text[2:], t.start + 2, t.end, "a", WORD))
        return pieces
    return []


# an adverb and a modal that CC-CEDICT also has as one noun: 才能 "talent"
_ADVERB_MODAL = {"才能": ("才", "能")}


def _adverb_and_modal(t: Token, after: Token | None) -> list[Token]:
    """…降低關稅，才能從根本提升: 才|能 "only then can", not 才能 "talent", when a verb, a
    preposition or an adverb follows (the noun is followed by 的, punctuation or nothing)."""
    pieces = _ADVERB_MODAL.get(t.text)
    if pieces is None or after is None or after.start != t.end or not after.pos.startswith(("v", "p", "d")):
        return [t]
    adverb, modal = pieces
    return [Token(adverb, t.start, t.start + 1, "d", WORD), Token(modal, t.start + 1, t.end, "v", WORD)]


def _next_word(tokens, i):
    j = i + 1
    while j < len(tokens) and not tokens[j].text.strip():
        j += 1
    return tokens[j] if j < len(tokens) else None


def _tag(tokens: list[Token], i: int, lexicon) -> str | None:
    t = tokens[i]
    if t.text in lexicon.attribute_readings:
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.start == t.end and nxt.pos.startswith("n") and nxt.kind != NUMBER:
            return ATTRIBUTE  # 地方|政府: dìfāng "local", where 很多地方 is dìfang "place"
    if t.text == "为" and _after_yi(tokens, i):
        return "v"    # 以进口为主题, 以人民为中心: wéi
    if t.text == "钉":
        nxt = _next_word(tokens, i)
        return "v" if nxt is not None and nxt.pos.startswith(_OBJECT_TAGS) and nxt.text != "子" else "n"
    if t.text == "还":
        nxt = _next_word(tokens, i)
        if nxt is not None and nxt.text == "给" and serves_next(tokens, i + 2, i - 1):
            return "d"  # 还|给|人们|带来: hái "also", 给 the one the act is done for
        if nxt is not None and nxt.text in ("了", "过", "给", "钱", "款", "债", "清"):
            return "v"  # 还了钱: huán, to give back
    if t.text == "藉" and t.pos == "zg":
        nxt = _next_word(tokens, i)
        if nxt is not None and nxt.start == t.end and nxt.kind in (WORD, TERM, NAME):
            return "p"  # 藉|配套|要到: the preposition jiè "by means of" (借) before what it uses
    if t.text == "得" and i > 0 and tokens[i - 1].pos.startswith(("v", "a")) and tokens[i - 1].end == t.start:
        return "ud"   # 跑得快: the complement particle de
    return None


def serves_next(tokens: list[Token], j: int, k: int) -> bool:
    """A 给 before ``tokens[j]`` marks whom a later verb serves (还给它们披上: 还 hái "also"): a pronoun
    or noun and then a verb follow, and no 把/将 from ``tokens[k]`` back to the clause's start made
    it a thing given back (把书还给他: 还 huán)."""
    if j + 1 >= len(tokens) or not tokens[j].pos.startswith(("r", "n")) or not tokens[j + 1].pos.startswith("v"):
        return False
    while k >= 0 and not any(c in _CLAUSE_END for c in tokens[k].text):
        if tokens[k].text in ("把", "将"):
            return False
        k -= 1
    return True


def _after_yi(tokens: list[Token], i: int) -> bool:
    """A 以 earlier in the same clause, a few words back: 以 X 为 Y."""
    for j in range(i - 1, max(-1, i - 9), -1):
        if any(c in _CLAUSE_END for c in tokens[j].text):
            return False
        if tokens[j].text == "以":
            return True
    return False
