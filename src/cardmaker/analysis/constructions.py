"""Constructions that decide how a word is read where its own tag cannot: 以…为…, verb + 得, 钉 + object.

jieba tags a word by its dictionary, the same everywhere; a few common
constructions read a word differently (以人民为中心: 为 is wéi "as", not wèi
"for"; 跑得快: 得 is the particle de; 以钉钉子精神: the first 钉 is the verb dìng).
This pass retags those tokens (and splits a verb glued to its 得), so that the
readings stage, which reads single characters by their tag, gets them right
in the vocabulary and in every example's pinyin.
"""

from __future__ import annotations

from cardmaker.records import FRAGMENT, WORD, Token

_CLAUSE_END = frozenset("，。！？；：、,.!?;:\n")
_OBJECT_TAGS = ("n", "r", "vn", "j", "m")


def retag(tokens: list[Token], lexicon) -> list[Token]:
    """``tokens`` with the tags the constructions call for (a new list; offsets unchanged)."""
    out: list[Token] = []
    for t in tokens:
        if t.text.endswith("得") and len(t.text) == 2 and not lexicon.entries(t.text) and lexicon.is_word(t.text[0]):
            # 碰得不巧: a verb and its complement particle, not one word pèngdé
            out.append(Token(t.text[0], t.start, t.start + 1, "v", WORD))
            out.append(Token("得", t.start + 1, t.end, "ud", WORD))
        else:
            out.append(t)
    for i, t in enumerate(out):
        tag = _tag(out, i)
        if tag is not None and tag != t.pos:
            out[i] = Token(t.text, t.start, t.end, tag, t.kind if t.kind != FRAGMENT else WORD)
    return out


def _next_word(tokens, i):
    j = i + 1
    while j < len(tokens) and not tokens[j].text.strip():
        j += 1
    return tokens[j] if j < len(tokens) else None


def _tag(tokens: list[Token], i: int) -> str | None:
    t = tokens[i]
    if t.text == "为" and _after_yi(tokens, i):
        return "v"    # 以进口为主题, 以人民为中心: wéi
    if t.text == "钉":
        nxt = _next_word(tokens, i)
        return "v" if nxt is not None and nxt.pos.startswith(_OBJECT_TAGS) and nxt.text != "子" else "n"
    if t.text == "还":
        nxt = _next_word(tokens, i)
        if nxt is not None and nxt.text in ("了", "过", "给", "钱", "款", "债", "清"):
            return "v"  # 还了钱: huán, to give back
    if t.text == "得" and i > 0 and tokens[i - 1].pos.startswith(("v", "a")) and tokens[i - 1].end == t.start:
        return "ud"   # 跑得快: the complement particle de
    return None


def _after_yi(tokens: list[Token], i: int) -> bool:
    """A 以 earlier in the same clause, a few words back: 以 X 为 Y."""
    for j in range(i - 1, max(-1, i - 9), -1):
        if any(c in _CLAUSE_END for c in tokens[j].text):
            return False
        if tokens[j].text == "以":
            return True
    return False
