"""Constructions that decide how a word is read where its own tag cannot: 以…为…, verb + 得, 钉 + object,
地方 + noun, 中央和地方, 待 + place or duration.

jieba tags a word by its dictionary, the same everywhere; a few common
constructions read a word differently (以人民为中心: 为 is wéi "as", not wèi
"for"; 跑得快: 得 is the particle de; 以钉钉子精神: the first 钉 is the verb dìng).
This pass retags those tokens (and splits a verb glued to its 得), so that the
readings stage, which reads single characters by their tag, gets them right
in the vocabulary and in every example's pinyin.
"""

from __future__ import annotations

from bisect import bisect_left

from cardmaker.analysis.readings import ATTRIBUTE, STAYING
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
# a retort CC-CEDICT lists whole (可不是 "exactly!", said alone), which inside a clause is the adverb
# 可 "really" and the verb after it: 這可不是鬧著玩的 "this is really no joke"
_RETORTS = {"可不是": ("可", "不是", "c"), "可不": ("可", "不", "d")}  # … with jieba's tag of the rest
_RETORT_ENDS = frozenset("吗嘛呢吧啊呀")


def _adverb_and_modal(t: Token, after: Token | None) -> list[Token]:
    """…降低關稅，才能從根本提升: 才|能 "only then can", not 才能 "talent", when a verb, a
    preposition or an adverb follows (the noun is followed by 的, punctuation or nothing); 可不是
    before the rest of its clause is 可|不是 "really is not", not the retort "exactly!"."""
    retort = _RETORTS.get(t.text)
    if retort is not None and after is not None and after.start == t.end and after.kind in (WORD, TERM, NAME, NUMBER) \
            and after.text[:1] not in _RETORT_ENDS:
        adverb, rest, tag = retort
        return [Token(adverb, t.start, t.start + 1, "d", WORD), Token(rest, t.start + 1, t.end, tag, WORD)]
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
        if _beside_the_centre(tokens, i):
            return ATTRIBUTE  # 中央|和|地方, 各|地方、各|部门: dìfāng "the localities", against the centre
    if t.text == "待" and _stays(tokens, i):
        return STAYING  # 待|在|家, 待|了|三|天: dāi "to stay", not dài "to wait, to treat"
    if t.text == "为" and (_after_yi(tokens, i) or _before_suo(tokens, i) or _verb_ends_clause(tokens, i + 1)
                          or _names_as(tokens, i)):
        return "v"    # 以进口为主题, 以人民为中心, 为人们所接受, 难以为继, 融为一体, 意为: wéi
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
    if (t.text == "地" and t.pos == "uv" and i > 0 and tokens[i - 1].end == t.start
            and tokens[i - 1].text in _LAND_MEASURES and not (i > 1 and tokens[i - 2].text[-1:] == tokens[i - 1].text[-1:])):
        return "n"    # 这块|地|说了算, 一片|地: the land dì a measure word counts (一块一块|地 is the particle)
    if t.text == "人家" and not (i > 0 and (tokens[i - 1].pos.startswith(("q", "m")) or tokens[i - 1].text[-1:] in "户家")):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (nxt is not None and nxt.start == t.end and nxt.pos.startswith(("v", "d"))
                or i > 0 and tokens[i - 1].text in ("让", "叫", "被", "给", "跟", "对", "替", "帮", "使")):
            return "r"    # 让|人家|知道, 人家|说: the pronoun "others" (rénjia), not a household (廿户|人家|更是…)
    if t.text in ("名", "家") and t.pos.startswith("q") and i > 0 and tokens[i - 1].end == t.start and (
            tokens[i - 1].text[-1:] == "个" or t.text == "家" and tokens[i - 1].text[-1:] in "到回离在"):
        return "n"    # 签个|名 "to sign one's name", 到|家 "to get home": a noun, no measure word after 个 or a motion
    if t.text == "道" and i > 0 and tokens[i - 1].end == t.start and tokens[i - 1].text in _SAYING:
        return "v"    # 笑|道, 叫|道, 记述|道: 道 "to say" after how it is said, no measure word
    if t.text == "得" and i > 0 and tokens[i - 1].pos.startswith(("v", "a")) and tokens[i - 1].end == t.start:
        return "ud"   # 跑得快: the complement particle de
    return None


_SAYING = frozenset("笑 叫 说 问 答 写 喊 骂 叹 哭 嚷 喝 斥 吼 回 接 续 补充 记述 反问 追问 解释 说明 感叹 赞叹 惊叹 大叫 大喊 笑着 冷笑 苦笑 叹息".split())
_LAND_MEASURES = frozenset("块 片 亩 这块 那块 一块 一片 这片 那片 一亩".split())


# the levels of government 地方 "the localities" is set against (中央和地方, 地方与全国) or one of
# many (各地方、各部门): there it is dìfāng "local, regional", never dìfang "a place"
_CENTRES = frozenset("中央 全国 国家 联邦 中央政府".split())
_EACH = frozenset("各 各级".split())
_COORDINATORS = frozenset("和 与 及 或 、 跟 同 以及".split())


def _beside_the_centre(tokens: list[Token], i: int) -> bool:
    """地方 coordinated with the centre (中央|和|地方, 地方|和|全国), or counted by 各 in a list of bodies."""
    prev = tokens[i - 1] if i else None
    if prev is not None and prev.text in _EACH:
        return True
    for a, b in ((i - 2, i - 1), (i + 2, i + 1)):
        if 0 <= a < len(tokens) and tokens[b].text in _COORDINATORS and tokens[a].text in _CENTRES:
            return True
    return False


# what may come between 待 "to stay" and the time it lasts: an aspect particle, 上 "as many as", 超过
_BEFORE_DURATION = frozenset("了 过 上 满 超过 不到 将近 近 约 整整 足足".split())
_PLACE_PREPOSITIONS = frozenset("在 于".split())
_DURATION_WORDS = frozenset("一会 一会儿 一下 一阵 一阵子 半天 好久 很久 多久 许久 一辈子 一晚 一夜 一整天".split())


def _stays(tokens: list[Token], i: int) -> bool:
    """待 is dāi "to stay" before the place it is at (待|在|家) or the time it lasts (待|了|三|天,
    待|一会, 待|超过|几|个|月); before a verb or a noun it is dài (待|解决 "awaiting solution", 待|人)."""
    j = i + 1
    if j < len(tokens) and tokens[j].text in _PLACE_PREPOSITIONS | {"着"}:
        return True  # 待|着 "staying" too
    while j < len(tokens) and tokens[j].text in _BEFORE_DURATION:
        j += 1
    if j >= len(tokens):
        return False
    u = tokens[j]
    return u.text in _DURATION_WORDS or u.kind == NUMBER or u.pos.startswith("m") and u.text[:1] in _NUMERALS


_NUMERALS = "一二三四五六七八九十两几半好数0123456789"


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


def _verb_ends_clause(tokens: list[Token], j: int) -> bool:
    """A one-character verb that ends its clause: what 为 governs is no object of "for" (难以|为|继 "hard to
    keep going": wéi)."""
    if j >= len(tokens) or len(tokens[j].text) != 1 or not tokens[j].pos.startswith("v"):
        return False
    return j + 1 == len(tokens) or any(c in _CLAUSE_END for c in tokens[j + 1].text[:1])


_AS = frozenset("意 称 视 改 译 定 分 化 变 列 选 评 封 誉 奉 尊 转 合 融 结 集".split())  # 意|为 "to mean", 合|为 "to merge into"


def _names_as(tokens: list[Token], i: int) -> bool:
    """为 "to be; as" after a one-character verb glued before it (意|为 "to mean", 融|为 "to merge into")
    or before 一体 "one whole" (集…为一体)."""
    prev, nxt = (tokens[i - 1] if i else None), (tokens[i + 1] if i + 1 < len(tokens) else None)
    return (prev is not None and prev.end == tokens[i].start and prev.text in _AS
            or nxt is not None and nxt.text in ("一体", "一谈"))


def _before_suo(tokens: list[Token], i: int) -> bool:
    """为 X 所 + verb, the passive (为人们所接受 "accepted by people"): a 所 and its verb a few words on,
    in the same clause."""
    for j in range(i + 1, min(len(tokens) - 1, i + 7)):
        if any(c in _CLAUSE_END for c in tokens[j].text):
            return False
        if j > i + 1 and (tokens[j].text == "所" and tokens[j + 1].pos.startswith("v")
                          or tokens[j].text[:1] == "所" and len(tokens[j].text) == 2
                          and tokens[j].text not in _SUO_WORDS and tokens[j].pos.startswith("v")):
            return True   # 为大家|所知: jieba's 所 + verb as one word
    return False


_SUO_WORDS = frozenset("所有 所以 所在 所谓 所属 所得 所长".split())  # words of their own, no passive 所


# Paired constructions: a first half and the second halves it waits for later in its sentence.  A
# learner reads the two as one (越辦越好 "the better the more it is done", 雖然…但是…); an example that
# holds one half and not the other breaks the construction.  Partners that are common words on their
# own (也, 還, 就, 則) count only after a first half.
PAIRED = (
    ("越", "越"), ("愈", "愈"),
    ("先有", "后有 再有 才有 然后有"),
    ("一方面", "另一方面 一方面"),
    ("不但 不仅 不只 不光 不单 非但", "而且 并且 也 还 更 亦 反而 反倒"),
    ("虽然 虽说 虽", "但 但是 可是 却 然而 仍 仍然"),
    ("因为", "所以 因此 因而"),
    ("既", "又 也"),
    ("外有", "内有"),
    ("为名", "之实"),                           # 以…為名，行…之實
    ("与其", "不如 宁可 宁愿 毋宁 倒不如"),
    ("如果 若 假如 倘若", "就 则 便 那么"),
    ("即使 即便 哪怕 就算", "也 都 还"),
)
_FIRSTS = {f: tuple(seconds.split()) for firsts, seconds in PAIRED for f in firsts.split()}
_STARTS = frozenset(f[0] for f in _FIRSTS)
# second halves that read as plain adverbs without their first (進博會也如期舉辦): a stretch may hold
# them alone; a first half alone (不僅負責…) or a marked second one (…也越大, 後有…) breaks the pair
_ALONE = frozenset("也 还 更 亦 就 则 便 都 仍 仍然 却 又".split())
_PAIR_ENDS = frozenset("。！？；!?;\n")


def _at(tokens: list[Token], i: int, words) -> tuple[int, str] | None:
    """(index of the last token, the word) when tokens from ``i`` spell one of ``words`` exactly
    (先|有, 後|有: how the segmenter cuts them), or a fragment the segmenter made starts with one
    (若有, 外有); not a longer word that begins with it (若干, 越南)."""
    t = tokens[i]
    for w in sorted(words, key=len, reverse=True):
        if t.kind == FRAGMENT and t.text.startswith(w):
            return i, w
        spelled, j = "", i
        while j < len(tokens) and len(spelled) < len(w) and tokens[j].start == (tokens[j - 1].end if j > i else t.start):
            spelled += tokens[j].text
            j += 1
        if spelled == w:
            return j - 1, w
    return None


def pairs(tokens: list[Token]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The paired constructions of a text: (first half's span, second half's span), each first half
    with the nearest second half after it in the same sentence."""
    out = []
    for i, t in enumerate(tokens):
        if not t.text or t.text[0] not in _STARTS:
            continue
        got = _at(tokens, i, [f for f in _FIRSTS if f[0] == t.text[0]])
        if got is None:
            continue
        last, first = got
        seconds = _FIRSTS[first]
        first_span = (t.start, t.start + len(first))
        for j in range(last + 1, len(tokens)):
            u = tokens[j]
            if any(c in _PAIR_ENDS for c in u.text):
                break
            second = _at(tokens, j, seconds)
            if second is not None:
                out.append((first_span, (u.start, u.start + len(second[1]))))
                break
            if u.text[:1] in _STARTS and _at(tokens, j, [f for f in _FIRSTS if f[0] == u.text[0]]):
                break  # 不僅…，即使…也…: the partner after another first half is that one's
    return out


class Pairs:
    """The paired constructions of an article, to ask of a stretch of it which it breaks."""

    def __init__(self, tokens: list[Token], text: str):
        self.text = text                               # simplified
        self.pairs = pairs(tokens)                     # sorted by the first half's start
        self.firsts = [f[0] for f, _ in self.pairs]
        self.longest = max((s[1] - f[0] for f, s in self.pairs), default=0)

    def broken(self, start: int, end: int) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        """The pairs of which [start, end) holds one half and not the other."""
        out = []
        for k in range(bisect_left(self.firsts, start - self.longest), bisect_left(self.firsts, end)):
            first, second = self.pairs[k]
            has_first, has_second = start <= first[0] and first[1] <= end, start <= second[0] and second[1] <= end
            if has_first and not has_second or has_second and not has_first \
                    and self.text[second[0]:second[1]] not in _ALONE:
                out.append((first, second))
        return out
