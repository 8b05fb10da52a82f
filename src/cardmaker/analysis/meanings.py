"""What a card says a word means: the sense this article uses, first and short.

This is the one place a meaning is chosen.  A word's dictionary senses (of
every entry with its reading) are ranked by how the article uses it:

- the part of speech of each occurrence (jieba's tag, corrected by its
  neighbours: 的 before it makes a noun, 了 after it a verb, 很 before it an
  adjective), against the kind of word each English sense is;
- slots: a number or demonstrative before a word makes a measure word (一項,
  第六屆), a character glued after a word a suffix (重要|性), before one a
  prefix (副|市長);
- the overlap between a sense's English and the English of the words around
  it (a simplified Lesk over CC-CEDICT);
- CC-CEDICT's own order, and labels that mark rare senses (literary, dialect,
  Tw …) or a specialist's (math., chemistry …);
- the article's field (``Topic``, ``sense_fields.tsv``) for senses of different
  fields, or for a lone sense of a concrete field where the words around the
  occurrence speak of it too (肌肉|再生 "to regenerate", not "to be reborn");
  and what a label says a sense is said of or is a kind of, against the words
  around it and their fields (颱風|警報 is no "(fire) alarm"; 貸款|額度 is a
  "(credit) limit").

The best sense's entry is the word's entry (后 "empress" or 後 "after" is
decided here; in a traditional article its own character decides).  A word
with no entry that the article spells out (進博會 for 中國國際進口博覽會) gets
the full form's meaning; any other gets its characters' senses, marked, each
the sense of its slot in the word (``composed``: 打|牢 "to make + firm").  A
character the article glues after a word as a compound's head (通路|商) is
ranked by the sense it has at the end of CC-CEDICT's compounds too.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from cardmaker.analysis import english
from cardmaker.analysis.composed import (NUMERAL_CHARS, TIME_UNITS, composed_front, composed_senses, compound_words, dictionary_pieces,
                                         in_compound, piece_kind, sense_parts)
from cardmaker.analysis.english import A, AUX, C, D, N, P, PARTICLE, PREFIX, Q, REF, SUFFIX, SURNAME, UNIT, V, parsed
from cardmaker.analysis.pos import sense_kinds
from cardmaker.chinese.pinyin import numbered, reading_key
from cardmaker.records import FRAGMENT, NAME, NUMBER, TERM, WORD, Entry, first_sense, is_reference

SENSE_MAX = 40  # characters of the short sense, where the dictionary allows
COMMON_WEIGHT = 0.3
ORDER_WEIGHT = 0.6  # CC-CEDICT lists the commoner senses first, mostly
HALVE = 0.5
BOUND = 0.5  # a bound form where the character is glued into a compound
LESK_WEIGHT = 0.35
FIELD_WEIGHT = 2.0
ABSTRACT_FIELDS = frozenset({"economy", "finance", "politics", "law", "energy"})  # (energy: the news of power supply)
FIGURATIVE = 0.8  # a figurative sense where the entry has one
FIELD_SHARE = 0.34  # a field the article speaks of a third as much as its main one, at least
FIELD_MIN = 3  # words of a field in an article about that field

_TAG_CLASSES = {
    "n": {N: 1.0}, "ng": {N: 1.0}, "nz": {N: 1.0}, "nt": {N: 1.0}, "ns": {N: 1.0}, "nr": {N: 1.0},
    "j": {N: 1.0}, "s": {N: 1.0}, "r": {N: 1.0}, "t": {N: 1.0, D: 0.5},
    "vn": {N: 0.8, V: 0.8}, "v": {V: 1.0}, "vd": {V: 1.0, D: 0.5}, "vg": {V: 1.0}, "vi": {V: 1.0},
    "a": {A: 1.0}, "ag": {A: 1.0}, "ad": {A: 0.8, D: 0.8}, "an": {A: 0.8, N: 0.8}, "b": {A: 1.0, N: 0.3},
    "z": {A: 1.0}, "d": {D: 1.0}, "q": {Q: 1.0}, "m": {Q: 0.3}, "p": {P: 1.0}, "c": {C: 1.0},
    "f": {P: 0.8, N: 0.6, D: 0.5}, "u": {PARTICLE: 1.0}, "y": {PARTICLE: 1.0}, "e": {PARTICLE: 1.0},
    "o": {PARTICLE: 1.0},
}
_DEMONSTRATIVES = frozenset("这 那 每 各 该 此 几 哪 某 本 首 其 半 两 数".split())
_DEGREE = frozenset("很 非常 十分 特别 比较 最 更 更加 越 越来越 愈来愈 太 极 相当 极其 格外 尤其 较 挺".split())
_PREDICATE_BEFORE = frozenset(
    "要 将 会 能 应 应当 应该 必须 需要 可以 进一步 不断 加快 全面 积极 切实 大力 持续 努力 认真 共同 更好 "
    "着力 坚持 不 没 没有 未 已 已经 正在 正 也 都 还 就 才 又 再 将要 亲自 一起 继续 始终 主动 及时 "
    "预先 提前 事先 逐步 仍 仍然 均 再次 率先 接连 陆续 相继 同时 并 并且 而".split()
)
_SUFFIX_CHARS = frozenset("性化家者式型率度感界员师长论主义品量")
# characters CC-CEDICT glosses as an English prefix ("vice-", "anti-", "micro-", "pan-") that today's news
# glues before new words jieba does not know (微|短劇, 微|電網, 泛|亞)
_PREFIX_CHARS = frozenset("副总非超反准伪亚次微泛")
_SENTENCE_END = frozenset("。！？；!?;\n")
_CLAUSE_START = frozenset("。！？；!?;\n，,、：:“”「」《》（）()")
_CLOSING = frozenset("”」』》）)")
_NOUN_TAGS = ("n", "vn", "j", "an")
_WINDOW = 5  # tokens on each side whose English is the context of an occurrence
# Paired constructions: the word, its partner a few words later, and the sense they make together.
_PAIRS = {"越": ("越", "the more"), "愈": ("愈", "the more"), "既": ("又也", "both"), "又": ("又", "both"), "边": ("边", "simultaneously")}
PAIRED = "paired"
_PAIR_SPAN = 12  # tokens from a paired word to its partner, within its sentence
VERB_NEXT = "verb next"  # a verb follows: a sense "… (doing sth)" or "to do sth …" is this use
_DOING_RE = re.compile(r"\((?:doing|do) sth\)|\bsth happens\b|^to do sth\b")
# a character that names a body or an area after the name of what it is of: 經濟|部 "ministry",
# 氣象|署 "administration", 豐濱|鄉 "township", 花蓮|縣 "county" (or after another one: 部|會, 縣|市)
ORGANISATION = "organisation"
_UNIT_CHARS = frozenset("部署局处会镇乡县市区委厅省村院司")
# … its sense is one whose head noun names such a body (a part of the sense: "government department;
# office"), not "home village or town"
_ORGANISATION_RE = re.compile(r"(?:^|; )(?:\([^()]*\) )?(?:small |local |government )?(?:ministry|department|bureau|"
                              r"office|administration|agency|committee|commission|council|association|union|"
                              r"township|town|county|city|district|province|village|prefecture|municipal|"
                              r"institute|academy)\b", re.I)
ATTRIBUTIVE = "attributive"


@dataclass(frozen=True)
class Meaning:
    """The meaning a card shows for one word."""

    entry: Entry | None           # the entry whose senses these are (None: composed or expanded)
    senses: tuple[str, ...]       # every sense, the ones used here first
    sense: tuple[str, ...]        # the one or two senses used here
    classifiers: tuple[str, ...]
    composed: bool                # composed from the characters (no entry, no spelled-out form)


@dataclass(frozen=True)
class Use:
    """How the article uses a word at one occurrence."""

    want: dict                    # kind of word (english.V, N, …) → weight
    context: frozenset[str]       # content words of the English of the words around it
    standalone: bool              # a single character standing as a word of its own
    topic: "Topic | None" = None  # what the whole article talks about (the same for every word)
    heads: frozenset[str] = frozenset()  # content words of the first sense of each word around it
    modifier: str = ""            # the word a single character is glued after, as a compound's head (通路|商)
    near: frozenset[str] = frozenset()  # the fields of the words around it (肌肉|再生: health)


@dataclass(frozen=True)
class Topic:
    """What an article talks about: for each field (economy, sports, …, ``sense_fields.tsv``) how
    many of its words have a sense of that field; ``own`` the word's own fields (no evidence for
    its senses)."""

    fields: dict
    own: frozenset[str] = frozenset()

    def field(self, name: str) -> int:
        return self.fields.get(name, 0) - (name in self.own)

    @property
    def abstract(self) -> bool:
        """The article is mainly about the economy, finance, politics or law (where a sense is
        usually meant figuratively), not about bodies, weather or food."""
        top = max(self.fields.items(), key=lambda kv: kv[1], default=("", 0))[0]
        return top in ABSTRACT_FIELDS

    @property
    def main(self) -> int:
        """How many words the field the article speaks of most has."""
        return max(self.fields.values(), default=0)


def topic(tokens, lexicon) -> Topic:
    """The ``Topic`` of the article of ``tokens`` (its content words' senses: 出口商 "exporter", 關稅
    "tariff", 經濟 "economy" make an article about trade)."""
    fields: Counter = Counter()
    seen: set[str] = set()
    for t in tokens:
        if t.kind in (WORD, TERM) and len(t.text) > 1 and t.text not in seen and t.text not in lexicon.stopwords:
            seen.add(t.text)
            fields.update(_word_fields(t.text, lexicon))
    return Topic(dict(fields))


def _word_fields(word: str, lexicon) -> frozenset[str]:
    """The fields the senses of ``word`` speak of (its first entries' first senses, as ``_gloss_words``)."""
    memo = lexicon.memo("word_fields")
    got = memo.get(word)
    if got is None:
        entries = [e for e in lexicon.entries(word) if not (e.variant_only or e.surname_only)]
        text = " ".join(s for e in entries[:2] for s in e.senses[:3])
        got = memo.put(word, english.fields_of(english.plain_words(text), lexicon.sense_fields))
    return got


def uses(tokens, indices, lexicon, article: Topic | None = None) -> list[Use]:
    """The ``Use`` of the word at each of ``indices`` (positions in ``tokens``); ``article`` the
    article's ``Topic``."""
    out = [_use(tokens, i, lexicon) for i in indices]
    if article is not None and out:
        text = tokens[indices[0]].text
        mine = Topic(article.fields, _word_fields(text, lexicon) if len(text) > 1 else frozenset())
        out = [Use(u.want, u.context, u.standalone, mine, u.heads, u.modifier, u.near) for u in out]
    return out


def neighbour(tokens, i: int, step: int) -> int | None:
    """The index of the nearest token before (``step`` -1) or after (+1) ``i`` that is not a space
    (a line break is a neighbour: it ends a clause)."""
    j = i + step
    while 0 <= j < len(tokens) and not tokens[j].text.strip(" \t\u3000\xa0"):
        j += step
    return j if 0 <= j < len(tokens) else None


MEASURE_UNCOUNTED = 0.3  # jieba's measure-word tag where nothing counts the word
_TAG_WEIGHT = 0.6  # jieba's tag is its dictionary's, not the occurrence's: context cues weigh more
_CLOSED_TAGS = ("d", "p", "c", "f", "m", "q", "u", "r")  # … but the tags of function words hold
_LIGHT_VERBS = frozenset("进行 加以 作出 做出 给予 受到 得到 开展 加强 提出 作 做 予以 实现 完成 推进 展开 发出 作了".split())
def _boundary(token) -> bool:
    """Punctuation or a line break only (spaces aside): the token ends a clause."""
    text = token.text.strip(" \t\u3000\xa0")
    return bool(text) and all(c in _CLAUSE_START for c in text)


def _clause_end(tokens, i, prev, nxt) -> bool:
    return nxt is None or _boundary(nxt)


def _clause_before(tokens, i: int, span: int = 8):
    """The tokens before ``i`` in its clause, nearest first (at most ``span``)."""
    j = i - 1
    while j >= 0 and i - j <= span and not _boundary(tokens[j]):
        yield tokens[j]
        j -= 1


def _clause_after(tokens, i: int, span: int = 24):
    """The tokens after ``i`` in its sentence (commas crossed: 只有…，才…), nearest first."""
    j = i + 1
    while j < len(tokens) and j - i <= span and not any(c in _SENTENCE_END for c in tokens[j].text):
        yield tokens[j]
        j += 1


def _before_verb(tokens, i, prev, nxt) -> bool:
    """The word stands before a verb or an adverb of its clause, or a set phrase that is a predicate
    (還是|放心不下): it is an adverb or a modal here (暴風圈|正|逐漸接近, 應|先|查詢, 要|深入學習)."""
    return (nxt is not None and nxt.kind in (WORD, TERM)
            and (nxt.pos[:1] in ("v", "d", "p") or nxt.pos in ("ad", "vd") or _set_predicate(tokens, neighbour(tokens, i, 1)))
            and nxt.text not in ("的", "地"))


def _set_predicate(tokens, j: int) -> bool:
    """The token at ``j`` is a set phrase (jieba's "l", "i") that ends its clause: the clause's
    predicate (還是|放心不下，)."""
    if tokens[j].pos not in ("l", "i"):
        return False
    end = neighbour(tokens, j, 1)
    return end is None or _boundary(tokens[end])


def _at_clause_start(tokens, i, prev, nxt) -> bool:
    return prev is None or _boundary(prev)


def _after_verb(tokens, i, prev, nxt) -> bool:
    """Glued after a verb (a quotation mark between them aside): a complement (敲|下去, “還原”|到)."""
    j = i - 1
    while j > 0 and tokens[j].text in ("”", "」", "’", "』"):
        j -= 1
    return j >= 0 and tokens[j].end >= tokens[i].start - 1 and tokens[j].pos.startswith("v") and tokens[j].kind == WORD


def _partner_before(*words):
    return lambda tokens, i, prev, nxt: any(t.text in words for t in _clause_before(tokens, i))


def _partner_after(*words):
    # the partner may begin a word jieba made with it: 只有…，才能 (才|能 or 才能)
    return lambda tokens, i, prev, nxt: any(t.text in words or t.text[:1] in words for t in _clause_after(tokens, i))


def _repeated(tokens, i, prev, nxt) -> bool:
    """The word again in its sentence: 哪裡…，哪裡… "wherever … there"."""
    word = tokens[i].text
    return any(t.text == word for t in _clause_after(tokens, i)) or any(
        tokens[j].text == word for j in range(max(0, i - 24), i)
        if not any(tokens[k].text in _SENTENCE_END for k in range(j, i)))


def _conduct(prev) -> bool:
    """作為 after a negation or 有所 is a noun, what one does (不|作為, 亂|作為, 有所|作為)."""
    return prev is not None and prev.text in ("不", "乱", "有所", "无所", "大有", "没有")


_NEGATION_WORDS = frozenset("不 没 没有 别".split())
# verbs of knowing and asking: what they take is a question (不曉得…做|什麼 "what", not "anything")
_KNOWING = frozenset("知道 晓得 知 懂 明白 清楚 了解 确定 记得 问 想知道 弄清 搞清楚 在乎 管".split())


def _heads_phrase(tokens, j: int) -> bool:
    """The word at ``j`` ends a noun phrase: 的, a preposition, a boundary or nothing after it."""
    k = neighbour(tokens, j, 1)
    return k is None or _boundary(tokens[k]) or tokens[k].text == "的" or tokens[k].pos.startswith("p")


def _agent_then_verb(tokens, i: int) -> bool:
    """Nouns after ``i`` and then a verb, in its clause: the agent of a passive and its verb (受|當地|證券|監管)."""
    seen = False
    for t in list(_clause_after(tokens, i, 5)):
        if _boundary(t):
            return False
        if t.pos.startswith(("n", "s", "r")) and t.pos != "vn" and t.kind in (WORD, TERM, NAME):
            seen = True
        elif seen and t.pos.startswith("v") and len(t.text) > 1:
            return True
        else:
            return False
    return False


def _negated(tokens, i, prev, nxt) -> bool:
    """A negation stands before the word in its clause with no verb of knowing between them: 不|需要|什麼
    "anything" (不|曉得|…|什麼 asks "what")."""
    for t in _clause_before(tokens, i):
        if t.text in _KNOWING:
            return False
        if t.text in _NEGATION_WORDS:
            return True
    return False


def _when(*tests):
    return lambda tokens, i, prev, nxt: all(test(tokens, i, prev, nxt) for test in tests)


def _unless(test):
    return lambda tokens, i, prev, nxt: not test(tokens, i, prev, nxt)


_MODALS = frozenset("可能 能 能够 可以 会 要 将 应 应该 应当 必须 需要 得以 足以 不能 不会 无法".split())
_OBLIGING = frozenset("要 必须 应 应该 应当 务必 一定要 须 需要 坚决".split())


_ABOUT_TO = frozenset("像 像是 好像 似乎 快 就 将 正 又 也".split())


_STATE_BEFORE = frozenset("已 已经 再也 还 迟迟 仍 仍然 始终 一直 暂时 根本 完全".split())  # 已|不能: no prohibition


def _cannot(tokens, i, prev, nxt) -> bool:
    """不能 says what is not possible: an adverb of a state before it, or 再 after it (已|不能|再住)."""
    return prev is not None and prev.text in _STATE_BEFORE or nxt is not None and nxt.text == "再"


def _forbids(tokens, i, prev, nxt) -> bool:
    """The sentence before ``i`` says what must be done (要…，不能…; 必須…，不能…): a prohibition follows."""
    if _cannot(tokens, i, prev, nxt):
        return False
    return any(t.text in _OBLIGING and not (t.text == "要" and before is not None and before.text in _ABOUT_TO)
               for t, before in _pairs_back(list(_sentence_before(tokens, i))))


def _pairs_back(before: list):
    """Each token of ``before`` (nearest first) with the one before it in the text (None past the start)."""
    return zip(before, before[1:] + [None])


def _sentence_before(tokens, i: int, span: int = 24):
    """The tokens before ``i`` in its sentence (commas crossed), nearest first."""
    j = i - 1
    while j >= 0 and i - j <= span and not any(c in _SENTENCE_END for c in tokens[j].text):
        yield tokens[j]
        j -= 1


def _passes(tokens, i, prev, nxt) -> bool:
    """After its subject (no verb glued before it), with 了 after it or ending its clause: the verb of
    time passing (一年又一年|過去|了, 三天|過去|，)."""
    if prev is None or _boundary(prev) or _after_verb(tokens, i, prev, nxt):
        return False
    return nxt is None or nxt.text in ("了", "啦") or _boundary(nxt)


_UPWARD = "站坐抬举拿提跳飞升爬立捡扶扬掀拎挂竖撑翘抱吊浮飘卷堆建搭"  # verbs whose 起來 is upward
_PERCEIVING = "看听闻摸尝"  # … and whose 起來 is a first judgement (看起來 "it looks", 聽起來)


def _after_span_of_time(tokens, i, prev, nxt) -> bool:
    """After a span of time: 近二十年|來 "over the past twenty years"."""
    return prev is not None and (prev.pos in ("t", "m", "mq") or prev.text[-1:] in "年月天日周") and prev.end == tokens[i].start


def _causative(tokens, i, prev, nxt) -> bool:
    """An object, then a verb later in the clause: 令|舊區的人情味|流失."""
    if nxt is None or not nxt.pos.startswith(("n", "r", "s")):
        return False
    return any(t.pos.startswith("v") for t in list(_clause_after(tokens, i, 8))[1:] if not _boundary(t))


_CLOCK = frozenset("时 点 点钟 时许".split())  # a time of day's unit: 三|时|多, 七|时|左右


def _after_number(tokens, i, prev, nxt) -> bool:
    return prev is not None and prev.end == tokens[i].start and (prev.kind == NUMBER or prev.pos == "m")


def _ordinal_before(tokens, i, prev, nxt) -> bool:
    """Glued after an ordinal number: 第一六一|條, 第|5|條."""
    if prev is None or prev.end != tokens[i].start:
        return False
    if prev.text.startswith("第") and len(prev.text) > 1:
        return True
    return (prev.kind == NUMBER or prev.pos == "m") and any(t.text == "第" for t in list(_clause_before(tokens, i))[1:2])


_LAW_NAMES = ("法", "条例", "规定", "办法", "宪法", "公约", "章程")


def _law_article(tokens, i, prev, nxt) -> bool:
    """The ordinal before ``i`` opens its clause (a law's article heading), or a law is named before it
    in its clause (民法第一八四|條), or 規定, 款, 之 follow it."""
    before = [t for t in _clause_before(tokens, i, 8)][1:]  # past the ordinal itself
    if prev is not None and prev.text == "第" or before and before[0].text == "第":
        before = before[1:]
    if not before or any(t.text.endswith(_LAW_NAMES) for t in before):
        return True
    return nxt is not None and (nxt.text.startswith(("规定", "第", "款", "之", "的规定")))


_RANKING = frozenset("排列居名")  # the last character of a verb of ranking: 排在, 位列, 位居, 排名


def _ranked_place(tokens, i, prev, nxt) -> bool:
    """A number (and 多, 餘 after it) just before, and a verb of ranking earlier in the clause:
    排在了|100多|位 "place"."""
    before = list(_clause_before(tokens, i, 8))
    k = 0
    while k < len(before) and before[k].text in ("多", "余", "几"):
        k += 1
    if k >= len(before) or not (before[k].kind == NUMBER or before[k].pos == "m"):
        return False
    return any(t.text[-1:] in _RANKING or (t.text[:1] in _RANKING and len(t.text) <= 2 and t.pos.startswith(("v", "x", "p")))
               for t in before[k + 1:])


def _before_day_or_year(tokens, i, prev, nxt) -> bool:
    """明 before a year or a day (明|年初, 明、後兩天): "next", not "bright"."""
    if nxt is None:
        return False
    if nxt.text[:1] in "年天日晚早晨":
        return True
    after = neighbour(tokens, neighbour(tokens, i, 1), 1) if nxt.text in ("、", "，") else None
    return after is not None and tokens[after].text[:1] in "后後"


def _after_body_char(tokens, i, prev, nxt) -> bool:
    """Glued after a single character that names a body (部|會, 縣|市)."""
    return prev is not None and prev.end == tokens[i].start and len(prev.text) == 1 and prev.text in _UNIT_CHARS


# Frames: a function word read as the construction around it calls for (word → (test, part of the
# sense)).  These are grammar-book constructions of closed-class words, true in any text: an adverb
# or a modal stands before the verb it modifies, 从…到… is "from … until/up to …", 只有…才… "only if".
_FUTURE = frozenset("将 将要 会 要 即将 拟 有望 计划 准备".split())
_FRAMES = {
    "起": [(lambda tokens, i, prev, nxt: prev is not None and (prev.kind == NUMBER or prev.pos == "t"
                                                              or prev.text[-1:] in TIME_UNITS), "starting from"),
          # glued after a verb of two characters, the act begun: 擔任|起|…職位 "verb suffix, to start"
          (lambda tokens, i, prev, nxt: _after_verb(tokens, i, prev, nxt) and len(prev.text) >= 2 and prev.pos != "vn", "verb suffix")],
    "止": [(lambda tokens, i, prev, nxt: any(tokens[j].text in ("至", "到") for j in range(max(0, i - 8), i)), "until")],
    "近": [(lambda tokens, i, prev, nxt: nxt is not None and nxt.kind == NUMBER, "approximately")],
    "内": [(lambda tokens, i, prev, nxt: prev is not None and (prev.pos in ("t", "m", "q") or prev.kind == NUMBER
                                                              or prev.text[-1:] in "年月周天时间"), "within")],
    "几": [(lambda tokens, i, prev, nxt: nxt is not None and nxt.pos.startswith(("q", "m", "n")), "several")],
    "数": [(lambda tokens, i, prev, nxt: nxt is not None and nxt.pos.startswith("q"), "several")],
    # 哪 before a number or a measure word asks which one (哪|一件): "which", not "how"
    "哪": [(lambda tokens, i, prev, nxt: nxt is not None and (nxt.kind == NUMBER or nxt.pos.startswith(("m", "q"))
                                                              or nxt.text[:1] in "一个些"), "which")],
    # 什麼 asks "what?" (什麼|是…, 什麼|問題) but after a negation or before 都/也 it is "anything"
    # (不|需要|什麼, 什麼|都|…)
    # (不曉得…要做|什麼, 不知道|什麼…: a question a verb of knowing asks is "what", negated or not)
    "什么": [(_when(_unless(_negated), lambda tokens, i, prev, nxt: nxt is None or nxt.text not in ("都", "也")), "what?"),
             (lambda tokens, i, prev, nxt: _negated(tokens, i, prev, nxt) or (nxt is not None and nxt.text in ("都", "也")),
              "anything")],
    "较": [(lambda tokens, i, prev, nxt: nxt is not None and (nxt.pos.startswith(("a", "d", "v"))
                                                              or nxt.text in ("多", "少")), "relatively")],
    # adverbs before a verb: 正|逐漸接近 "just (at that time)", 先|查詢 "first", 剛|走上 "just"
    "正": [(_before_verb, "just (at that time)")],
    "先": [(_before_verb, "first")],
    "刚": [(_before_verb, "just")],
    "便": [(_before_verb, "equivalent to 就")],
    "均": [(_before_verb, "all")],
    "还是": [(_before_verb, "still (as before)")],
    "先后": [(_before_verb, "one after another")],
    # modals before a verb: 要|深入學習 "need to; should", 不應|只 "should", 會|預留 "will, likely to"
    "要": [(_before_verb, "should")],
    "应": [(_before_verb, "should")],
    # … but not after a body's character: 各部|會|也… "ministries and commissions" (部會 a pair of bodies)
    "会": [(_when(_before_verb, _unless(_after_body_char)), "likely to")],
    # 從生成|到|增強 "until", 從無|到|有 "up to"; glued after a verb, a complement (還原|到)
    "到": [(_partner_before("从", "由", "自"), "until (a time)"),
           (_when(_after_verb, _unless(_partner_before("从", "由", "自"))), "verb complement")],
    "下去": [(_when(_after_verb), "to go on")],
    # glued after an adjective, 起來 is a state coming about: 聰明|起來 "to grow wise", 熱鬧|起來 (after a
    # verb it is as often upward, 站|起來, or a judgement, 看|起來)
    # (… after a verb of lifting or rising it is upward, 掀|起來, 站|起來; after a perception verb a judgement,
    # 看|起來; after any other verb the act begun and going on, 做|起來, 沸騰|起來, 疊加|起來)
    "起来": [(lambda tokens, i, prev, nxt: prev is not None and prev.end == tokens[i].start and (
        prev.pos.startswith("a") or prev.pos.startswith("v") and prev.text[-1:] not in _UPWARD + _PERCEIVING),
        "the beginning and continuation"),
        (lambda tokens, i, prev, nxt: prev is not None and prev.end == tokens[i].start and prev.pos.startswith("v")
         and prev.text[-1:] in _UPWARD, "upward movement"),
        (lambda tokens, i, prev, nxt: prev is not None and prev.end == tokens[i].start and prev.pos.startswith("v")
         and prev.text[-1:] in _PERCEIVING, "preliminary judgment")],
    "来": [(_after_span_of_time, "for the past")],
    "明": [(_before_day_or_year, "next")],
    # 近期 is "recent" in the news (sense_priorities.tsv) but "in the near future" before a modal of
    # the future: 近期|將|出台
    "近期": [(lambda tokens, i, prev, nxt: nxt is not None and nxt.text in _FUTURE, "in the near future")],
    "只有": [(_partner_after("才"), "it is only if")],
    # 因 standing alone before a phrase is the conjunction or the preposition (疑|因|身體狀況不佳, 是|因|…):
    # "because"; its noun "cause" is bound in today's prose (原因, 起因)
    "因": [(lambda tokens, i, prev, nxt: nxt is not None and not _boundary(nxt), "because")],
    # a connective opening a clause: 加上|美國關稅… "on top of that", 結果|肌肉… "as a result"
    "加上": [(_at_clause_start, "in addition")],
    "结果": [(_when(_at_clause_start, lambda tokens, i, prev, nxt: nxt is not None and nxt.text not in ("的", "是")),
             "as a result")],
    # … or before what it names one as (貸款|作為|扶貧工作中的…舉措, 把…|作為|重點): "as"; the noun is its
    # conduct, an act or none (不|作為 "inaction", 有所|作為)
    "作为": [(lambda tokens, i, prev, nxt: _at_clause_start(tokens, i, prev, nxt) or (
        nxt is not None and not _boundary(nxt) and nxt.text not in ("的", "之") and not _conduct(prev)),
        "as (in the capacity of)"),
        (lambda tokens, i, prev, nxt: _conduct(prev), "one's conduct")],
    "哪里": [(_repeated, "wherever")],
    # 不僅…，還/也…: "not only"; 一旦 opens a condition: "once (sth happens)"; 由此|引起 "from this"
    "不仅": [(_partner_after("还", "也", "而且", "并且", "更", "又"), "not only")],
    "一旦": [(lambda tokens, i, prev, nxt: nxt is not None and not _boundary(nxt), "once (sth happens")],
    "由此": [(_before_verb, "from this")],
    # 只是|生成於…, 並不|只是: "merely"; 過去 not glued after a verb (走|過去) is "(in the) past"
    "只是": [(lambda tokens, i, prev, nxt: _before_verb(tokens, i, prev, nxt) or (prev is not None and prev.text in (
        "不", "并不", "并非", "不仅", "而")), "merely")],
    # … but after its subject, with 了 after it or ending the clause, it is the verb: 一年又一年|過去|了 "to pass by"
    "过去": [(_when(_unless(_after_verb), _unless(_passes)), "(in the) past"),
             (_passes, "to pass by")],
    # after a surname: 陳|先生 "Mr."
    # 更 before a verb (更被…, 更要…) is "even more"; before an adjective plainly "more" (更好)
    "更": [(lambda tokens, i, prev, nxt: nxt is not None and nxt.pos[:1] in ("v", "p", "d") and nxt.text not in _DEGREE,
           "even more")],
    # 同|一種 "the same"; 未來|兩日 "the coming (two days)"
    # (同|一切困難|作鬥爭: 一切 is "all", no number: 同 is "with" there, the preposition before its verb)
    "同": [(lambda tokens, i, prev, nxt: nxt is not None and nxt.text[:1] == "一"
            and nxt.text not in ("一切", "一起", "一道", "一些", "一样"), "same"),
          # … before anything else and then a verb of its clause it is the preposition: 同|一切困難|作鬥爭,
          # 這|同|共產國際|有關 "with"
          (lambda tokens, i, prev, nxt: nxt is not None and not _boundary(nxt) and not (
              nxt.text[:1] == "一" and nxt.text not in ("一切", "一起", "一道", "一些", "一样")) and any(
              u.pos.startswith("v") and u.kind == WORD for u in list(_clause_after(tokens, i, 8))[1:]), "with")],
    "未来": [(lambda tokens, i, prev, nxt: nxt is not None and (nxt.kind == NUMBER or nxt.pos.startswith("m")), "coming")],
    # a verb's result glued after it: 分間|成 "to become; to turn into"
    "成": [(_when(_after_verb, _unless(_after_number)), "to become")],
    # causatives: 令|舊區的人情味…|流失 "to cause", an object and then the verb it is made to do
    "令": [(_causative, "to cause")],
    "使": [(_causative, "to make")],
    # 依 before a phrase and then a verb is the preposition: 依|災後受損跡象|來看, 依|…|規定 "according to"
    "依": [(lambda tokens, i, prev, nxt: nxt is not None and not _boundary(nxt) and any(
        u.pos.startswith("v") and u.kind == WORD for u in list(_clause_after(tokens, i, 12))[1:]), "according to")],
    # 經 before the body that approves, or the act undergone: 經|省級人民政府|批准 "to pass through", 經|批准
    # "to undergo"
    "经": [(lambda tokens, i, prev, nxt: nxt is not None and nxt.start == tokens[i].end and nxt.pos[:1] in ("n", "r", "s", "j"),
           "to pass through"),
          (lambda tokens, i, prev, nxt: nxt is not None and nxt.start == tokens[i].end and nxt.pos.startswith("v"),
           "to undergo")],
    # 凡 opening its clause is "every" (凡|將境內企業…的, …): not "ordinary"
    "凡": [(_at_clause_start, "every")],
    # an adjective's character glued before a verb says how it is done: 亂|作為 "arbitrary" (acting
    # arbitrarily), not "in confusion"; 善|作|善|成 "good at sth", not "virtuous"
    "乱": [(lambda tokens, i, prev, nxt: nxt is not None and nxt.start == tokens[i].end and nxt.kind in (WORD, TERM)
            and (nxt.pos.startswith("v") or tokens[i].pos == "d"), "arbitrary")],
    "善": [(lambda tokens, i, prev, nxt: nxt is not None and nxt.start == tokens[i].end and nxt.pos.startswith("v"),
           "good at sth")],
    # a degree adverb before what it grades: 太|大 "too (much)", not "highest" (太空, 太上)
    "太": [(lambda tokens, i, prev, nxt: nxt is not None and nxt.start == tokens[i].end
            and nxt.pos.startswith(("a", "v", "d")), "too (much)")],
    # 受 before a verb, or its agent and a verb, is the passive: 產業|受|影響, 受|當地|證券|監管 "subjected to",
    # not "to receive"
    "受": [(lambda tokens, i, prev, nxt: nxt is not None and nxt.start == tokens[i].end and nxt.pos.startswith("v")
            and len(nxt.text) > 1 or _agent_then_verb(tokens, i), "subjected to")],
    "使得": [(_causative, "to make")],
    # 靠 before a phrase and then a verb is the means that verb relies on: 山西|靠|“煤電互保”的辦法，…|確保
    # "to depend on"; leaning on something is 靠在, 靠着 (…牆上|睡)
    "靠": [(lambda tokens, i, prev, nxt: nxt is not None and (not _boundary(nxt) or nxt.text[:1] in "“「『")
            and nxt.text not in ("在", "着", "向", "到", "住", "近") and any(
                u.pos.startswith("v") and u.kind == WORD for u in list(_clause_after(tokens, i, 16))[1:]),
            "to depend on")],
    # 當…時, 當…後: "when", not "to be; to act as"
    "当": [(lambda tokens, i, prev, nxt: any(t.text[-1:] in ("时", "后") or t.text in ("时候", "之际", "以后")
                                             for t in _clause_after(tokens, i, 12)), "when")],
    # 不能 where the sentence says what must be done (要…，不能…; 必須…，不能…) forbids: "must not"; elsewhere
    # it is "cannot" (房子已|不能|再住)
    # (已|不能|再住: what is already so is no prohibition; 像是|要|被拆走: 要 of what is about to happen)
    # (… and "cannot" where what is said is a state: 已|不能|再住, 遲遲|不能|產生效益)
    "不能": [(_forbids, "must not"), (_cannot, "cannot")],
    # 願 before a verb is the modal "willing" (讓群眾|願|消費), not "hoped-for"
    "愿": [(_before_verb, "willing")],
    # 覺得 before an adjective that ends its clause is a bodily feeling: 不|覺得|累 "to feel (tired)", not
    # "to think that …" (覺得|這|很…: a clause after it)
    "觉得": [(lambda tokens, i, prev, nxt: nxt is not None and nxt.pos.startswith("a") and (
        (end := neighbour(tokens, neighbour(tokens, i, 1), 1)) is None or _boundary(tokens[end])), "to feel (")],
    # 佔 with a share in its clause (約|佔|體重的40%, 佔|三成) is "to take up", not "to take possession of"
    "占": [(lambda tokens, i, prev, nxt: any(u.kind == NUMBER or u.pos == "m" or "%" in u.text
                                             for u in list(_clause_after(tokens, i, 8))), "to take up")],
    # a dateline's 電 after its date (新華社北京1月1日|電): the dispatch, "telegram", not "electricity"
    "电": [(lambda tokens, i, prev, nxt: prev is not None and prev.end == tokens[i].start and prev.text[-1:] == "日"
            and (prev.kind == NUMBER or prev.pos in ("m", "t") or any(u.kind == NUMBER for u in list(_clause_before(tokens, i, 3))[1:])),
            "telegram")],
    # 連…都/也: "even" (興奮得|連|心臟|都|幾乎停頓了), not "to link"
    "连": [(_partner_after("都", "也"), "even")],
    # 前 glued before a title or a body is "former": 前|教練, 前|總統, 前|曼聯名將 (門前, 前三名 are none)
    "前": [(lambda tokens, i, prev, nxt: nxt is not None and nxt.start == tokens[i].end and nxt.kind in (WORD, TERM, NAME)
            and len(nxt.text) >= 2 and nxt.pos in ("n", "nr", "nt", "nz", "j", "vn") and not (
                prev is not None and prev.end == tokens[i].start and prev.pos[:1] in ("n", "r", "m", "t", "v")), "former")],
    # 像…一樣 compares: "just like" (他就像糖果|一樣); 跟…一樣 is "the same as"
    "一样": [(_partner_before("像", "好像", "就像", "像是", "如同", "仿佛"), "just like")],
    # a modal before its verb: 可|申請 "can", not "to approve"
    "可": [(_before_verb, "can")],
    # a clause's connective: …，故|… "therefore"; 愈|接近 "the more", not "to recover"
    "故": [(_at_clause_start, "therefore")],
    "愈": [(lambda tokens, i, prev, nxt: nxt is not None and nxt.pos[:1] in ("a", "v", "d"), "the more")],
    # 本|港, 本|報, 本|月: "this; the current", not "root"
    # (本|通知|的規定, 本|規定|自…: a verb that heads the phrase is a document's name too)
    "本": [(lambda tokens, i, prev, nxt: nxt is not None and nxt.start == tokens[i].end
            and (nxt.pos[:1] in ("n", "q", "t", "s", "j") or nxt.pos.startswith("v") and len(nxt.text) > 1
                 and _heads_phrase(tokens, neighbour(tokens, i, 1))), "this")],
    "先生": [(lambda tokens, i, prev, nxt: prev is not None and prev.end == tokens[i].start and (
        prev.kind == NAME or prev.pos.startswith("nr")), "mister")],
    # 審核|後, 看到新聞報導|後: after an event, "after" (not "behind")
    "后": [(lambda tokens, i, prev, nxt: prev is not None and prev.end == tokens[i].start and (
        prev.pos.startswith(("v", "t", "m")) or prev.kind == NUMBER or _partner_before("在", "于")(tokens, i, prev, nxt)),
        "after")],
    # after a number: 第18|號颱風, 八|號風球 "ordinal number"; 11月5|號 "day of a month"
    # after an ordinal (第一六一|條, 第5|條): an article of a law, not a long thin thing, where a law's
    # text numbers it (第三十條 opening its line, 依照民法第一八四條|規定); a verb's ordinal object is
    # counted (打通|第二|條|500千伏環網 "the second (line)": the classifier)
    "条": [(_when(_ordinal_before, _law_article), "clause (of law")],
    # a rank: 排在|第十|位, 排在了|100多|位, 位列|前三|位: "place", not the honorific classifier for people
    "位": [(_ranked_place, "place")],
    # after a number, 餘 is "or more" (三千|餘|年, 萬|餘|人), not "surplus"
    "余": [(_after_number, "or more")],
    # 稱 after its speaker is what they say (社工|稱，…, 街坊|稱|蚊患…): "to state", not "to weigh"
    "称": [(lambda tokens, i, prev, nxt: prev is not None and (prev.kind == NAME or prev.pos.startswith(("n", "r")))
            and nxt is not None and not _partner_before("被")(tokens, i, prev, nxt), "to state")],
    # 分別 before its verb (分別|為17.7%和49%) is the adverb "respectively", not "to part"
    "分别": [(_before_verb, "respectively")],
    "号": [(_when(_after_number, _unless(_partner_before("月"))), "ordinal number"),
          (_when(_after_number, _partner_before("月")), "day of a month")],
    "日": [(_when(_after_number, _partner_before("月")), "day of the month")],
    # 在一定|條件下 "a certain", 以下|幾點建議 "the following", 稍快|一些 "slightly …er"
    "一定": [(lambda tokens, i, prev, nxt: nxt is not None and (nxt.pos.startswith("n") or nxt.text in ("的", "程度")),
             "a certain")],
    "以下": [(lambda tokens, i, prev, nxt: nxt is not None and prev is not None and prev.kind != NUMBER
             and (nxt.kind == NUMBER or nxt.pos.startswith(("m", "n")) or nxt.text in ("几", "这些", "的")
                  or nxt.kind == WORD and len(nxt.text) >= 2 and nxt.start == tokens[i].end
                  and not nxt.pos.startswith(("v", "p", "c", "u", "f"))),  # 以下|难点 (jieba tags it d)
             "the following")],
    "一些": [(lambda tokens, i, prev, nxt: prev is not None and prev.end == tokens[i].start and prev.pos.startswith("a"),
             "slightly")],
    # a verb's count of times: 安排|一次, 光顧地球|一次, 提供了|一次…機會 "once", not "first"
    # (第一次 is a word of its own)
    "一次": [(_unless(_partner_before("第")), "once")],
    # 想 before a verb is "to want to": 再想|恢復
    "想": [(_before_verb, "to want")],
    # 延續到…中|去: a directional complement at the end of its clause
    "去": [(_when(_partner_before("到"), _clause_end), "movement away from the speaker")],
    # 與…相當, 相當|於: "equivalent to", not "quite"
    # (及|相當|領導職務: before a noun, what is equivalent to the one named before)
    "相当": [(lambda tokens, i, prev, nxt: nxt is not None and (nxt.text in ("于", "於") or nxt.start == tokens[i].end
                                                              and nxt.pos in ("n", "nz", "vn")), "equivalent to"),
             (_when(_partner_before("与", "和", "跟", "同"), _clause_end), "equivalent to"),
             # … and before an adjective it grades it: 相當|難, 相當|危險 "quite"
             (lambda tokens, i, prev, nxt: nxt is not None and nxt.start == tokens[i].end and nxt.pos.startswith("a"),
              "quite")],
    # 並|不, 並|沒有, 並|未: the emphatic "(not) at all", not "and"
    "并": [(lambda tokens, i, prev, nxt: nxt is not None and nxt.start == tokens[i].end
            and nxt.text[:1] in ("不", "没", "未", "非"), "(not) at all")],
    # after a count (900|多|萬, 五十|多|年) or a time of day (三時|多): "... odd", "more than"
    "多": [(lambda tokens, i, prev, nxt: prev is not None and prev.end == tokens[i].start and (
        prev.kind == NUMBER or prev.pos in ("m", "mq") or prev.text in _CLOCK), "odd")],
    # after a number and what it counts (七時|左右, 三十公分|左右): "approximately"
    "左右": [(lambda tokens, i, prev, nxt: prev is not None and prev.end == tokens[i].start and (
        prev.kind == NUMBER or prev.pos[:1] in ("m", "q", "t") or prev.text in _CLOCK or prev.text[-1:] in "年月天人元度"),
        "approximately")],
    # a number's 點 before 多, 鐘, 半 or after a time of day (凌晨三|點|多): "o'clock"
    "点": [(lambda tokens, i, prev, nxt: _after_number(tokens, i, prev, nxt) and (
        nxt is not None and nxt.text[:1] in ("多", "钟", "半", "整") or any(t.pos == "t" for t in _clause_before(tokens, i, 3))),
        "o'clock")],
    # 度 glued after an adjective is how much of that quality there is: 困難|度, 透明|度 "degree of intensity"
    "度": [(lambda tokens, i, prev, nxt: prev is not None and prev.end == tokens[i].start and prev.kind == WORD
           and prev.pos.startswith("a") and len(prev.text) >= 2, "degree of intensity")],
    # the suffix 性 makes a noun of what it follows: 一致|性 "consistency" (an adjective), 可|行性
    "性": [(lambda tokens, i, prev, nxt: prev is not None and prev.end == tokens[i].start and prev.pos.startswith("a"),
           "noun from adjective"),
          (lambda tokens, i, prev, nxt: prev is not None and prev.end == tokens[i].start and prev.pos.startswith("v"),
           "from verb")],
}


def _glued(t, prev, nxt) -> bool:
    """A single character written against a word of two or more characters that jieba left apart:
    part of a compound (拉麵|店, 深水埗|區), where a bound form is what it is (a noun's: a verb glued
    to its subject is still a word, 鍾先生|說)."""
    return any(o is not None and o.kind in (WORD, TERM, NAME) and len(o.text) >= 2 and (o.end == t.start or o.start == t.end)
               and not o.pos.startswith(("v", "d", "p", "c", "u", "r", "m", "q")) for o in (prev, nxt))


def _use(tokens, i: int, lexicon) -> Use:
    t = tokens[i]
    p, n = neighbour(tokens, i, -1), neighbour(tokens, i, 1)
    prev = tokens[p] if p is not None else None
    nxt = tokens[n] if n is not None else None
    after = tokens[a] if n is not None and (a := neighbour(tokens, n, 1)) is not None else None
    cues = _cues(tokens, i, t, p, n, prev, nxt, after)
    if (nxt is not None and nxt.text in _PHRASE_CLOSERS and nxt.start == t.end and len(t.text) > 1
            and t.pos.startswith("n") and t.kind == WORD and V not in cues and _first_is_verb(t, lexicon)):
        # 和太太|商議|後 "after discussing it": before 後/時 closing a clause of time, a word CC-CEDICT first
        # glosses as a verb is that verb, whatever jieba's dictionary tags it (會議|後 is a meeting's)
        cues[V] = 0.6
    if (prev is not None and prev.text == "是" and len(t.text) > 1 and t.pos.startswith("n") and t.kind == WORD
            and V not in cues and _object_then_de(tokens, i) and _first_is_verb(t, lexicon)):
        # 資金|是|制約|城市建設|的|…瓶頸: between 是 and a noun phrase closed by 的, the verb of the relative
        # clause ("to restrict"), not CC-CEDICT's noun "condition"
        cues[V] = 0.6
    # jieba's tag is its dictionary's, the same everywhere: where the context says what the word is
    # doing here, the tag counts for less (the tags of function words hold, though)
    weight = 1.0 if t.pos[:1] in _CLOSED_TAGS and not _governs_nothing(t, nxt) else _TAG_WEIGHT
    if weight < 1.0 and any(cues.get(k, 0) >= 0.5 for k in (N, V, A)):
        weight *= HALVE
    want = {k: w * weight for k, w in _TAG_CLASSES.get(t.pos, _TAG_CLASSES.get(t.pos[:1], {})).items()}
    if t.pos == "f":  # jieba's locatives (后, 上, 中) are tagged well: after, behind, on, in
        want[P] = 1.2
    if t.pos.startswith("q") and len(t.text) == 1 and Q not in cues:
        # a measure word of jieba's dictionary that no number or demonstrative counts here is none: 台|9線
        # "Taiwan", 道 "the Way" (兩|台 "classifier for machines", 一|道 as before)
        want[Q] = want.get(Q, 0.0) * MEASURE_UNCOUNTED
    for k, w in cues.items():
        want[k] = want.get(k, 0.0) + w
    # a set phrase of the news fixes the sense as a frame does (不|排除 "to rule out", 度過|難關 "to
    # get through"), and so does a verb's object (發表|主旨演講 "to deliver", 發表過幾本…的|著作 "to
    # publish"): sense_collocations.tsv
    collocations = lexicon.sense_collocations.get(t.text, ())
    objects = _object_words(tokens, i) if collocations else ()
    for side, partner, part in collocations:
        o = prev if side < 0 else nxt
        if (o is not None and (o.end == t.start and o.text.endswith(partner) if side < 0
                               else o.start == t.end and o.text.startswith(partner))
                or side == 1 and any(w.endswith(partner) for w in objects)):
            want["frame:" + part] = want.get("frame:" + part, 0.0) + 1.0
    if t.pos.startswith("v") and len(t.text) > 1 and _abstract(_argument(tokens, i), lexicon):
        want[ABSTRACT_ARGUMENT] = 1.0
    if (VERB_NEXT not in want and len(t.text) > 1 and nxt is not None and nxt.start == t.end and nxt.kind in (WORD, TERM)
            and not nxt.pos.startswith(("v", "u", "p", "c", "d")) and _first_is_verb(nxt, lexicon)):
        # 抓緊|謀劃 "to lose no time in (doing sth)": a verb jieba does not tag one (a character's
        # "(doing sth)" sense is rarer: 少|跑腿 "less", not "to stop (doing sth)")
        want[VERB_NEXT] = 1.0
    if t.text in _LIGHT_VERBS and t.pos.startswith("v") and (_acts(_argument(tokens, i), lexicon) or _pro_object(nxt)):
        # 進行|調查, 作出|部署: a light verb whose object is an act; 要做|什麼, 做|起來: whose object is
        # a pronoun or none (what one does), not a thing made
        want[LIGHT] = 1.0
    words, heads, near = _context(tokens, i, lexicon)
    # a single noun character glued after a content word heads the compound jieba split (通路|商, 主辦|方),
    # unless the words around make it a predicate or a preposition (房間|空|著, 後續|朝|廣東…前進)
    # (聚合|眾力: a verb before it takes it as its object); a noun glued after a noun heads their
    # compound too (政府|機關)
    modifier = prev.text if ((t.pos.startswith("n") or _verb_head(t, prev, nxt)) and prev is not None and prev.end == t.start
                             and cues.get(V, 0.0) < 0.5 and cues.get(P, 0.0) < 0.5
                             and prev.kind in (WORD, TERM) and len(prev.text) >= 2
                             and not prev.pos.startswith(("d", "p", "c", "u", "r", "m", "q"))
                             and prev.pos != "v" and (len(t.text) == 1 or prev.pos.startswith(("n", "j", "s")))) else ""
    return Use(want, frozenset(words), len(t.text) == 1 and not (
        (t.pos.startswith("n") or _verb_head(t, prev, nxt)) and _glued(t, prev, nxt)), heads=frozenset(heads), modifier=modifier,
        near=frozenset(near))


def _object_then_de(tokens, i: int) -> bool:
    """Nouns (one to three) right after ``i`` and then 的: a verb's object in a relative clause."""
    seen = 0
    for j in range(i + 1, min(len(tokens), i + 5)):
        t = tokens[j]
        if t.text == "的":
            return seen > 0
        if not (t.pos.startswith(("n", "vn", "j")) and t.kind in (WORD, TERM, NAME)):
            return False
        seen += 1
    return False


def _pro_object(nxt) -> bool:
    """What follows a verb is a pronoun for its object (什麼, 這些, 一切), or the complement 起來 with no
    object at all (做|起來|卻…)."""
    return nxt is not None and nxt.kind in (WORD, TERM) and (
        nxt.pos.startswith("r") and not _demonstrative_measure(nxt) or nxt.text == "起来")


_OBJECT_SPAN = 8  # tokens after a verb its object's head may stand at (發表|過|幾本|發人深省|的|著作)


def _object_words(tokens, i: int) -> list[str]:
    """The words after ``i`` in its clause, as far as a verb's object (its modifiers, numbers and 的)
    may reach: 創|歷年|同月|新高, 發表|過|幾本|發人深省|的|著作."""
    out = []
    for j in range(i + 1, min(len(tokens), i + 1 + _OBJECT_SPAN)):
        if _boundary(tokens[j]):
            break
        out.append(tokens[j].text)
    return out


def _verb_head(t, prev, nxt) -> bool:
    """A single character jieba tags a verb, glued after a noun of two characters or more and ending
    a noun phrase (a clause's end, 的 or a conjunction after it): the head of the compound jieba
    split (企業|展, "exhibition", 政績|觀， "outlook"), which CC-CEDICT's compounds ending in it rank
    (``_as_head``).  With anything else after it, it is as often the noun's verb (產業|受|影響,
    台幣|兌|美元, 木匠|釘|釘子: a noun after it may be its object)."""
    return (len(t.text) == 1 and t.pos.startswith("v") and prev is not None and prev.end == t.start
            and prev.kind in (WORD, TERM) and len(prev.text) >= 2 and prev.pos.startswith(("n", "j"))
            and (nxt is None or _boundary(nxt) or nxt.text in _PHRASE_LINKS))


_PHRASE_LINKS = frozenset("的 之 和 与 及 或 、".split())


def _modifies_next(t, nxt) -> bool:
    """``t``, an adjective (or a non-predicate one, jieba's "b"), is glued before a noun of two
    characters or more (not a name): it modifies that noun."""
    return (nxt is not None and nxt.start == t.end and t.pos.startswith(("a", "b")) and nxt.kind in (WORD, TERM)
            and len(nxt.text) >= 2 and nxt.pos.startswith("n") and not nxt.pos.startswith(("nr", "ns")))


def _opens_object(nxt) -> bool:
    """``nxt`` can begin a verb's object but not go on with a compound noun: a personal pronoun, a
    time, a number, an opening quotation mark."""
    # (a time is a date or a period: jieba tags the complement 上來 a time word too)
    return nxt is not None and (nxt.kind == NUMBER or nxt.pos.startswith("m") or nxt.text[:1] in "“「『"
                                or nxt.pos.startswith("t") and nxt.text[-1:] in "年月日天周季时午晚早"
                                or nxt.pos.startswith("r") and not _demonstrative_measure(nxt)
                                or nxt.text in _PEOPLE)


# people spoken of as a whole, which go on no compound noun: after a verb, its object (禁錮|人們的思想)
_PEOPLE = frozenset("人们 大家 群众 民众 公众 百姓 老百姓 他人 别人 人家 众人".split())


def _governs_nothing(t, nxt) -> bool:
    """A word of two characters or more that jieba tags a preposition or a conjunction ends its
    clause: it governs nothing, so it is neither here (提供|依據。 "basis", not "according to")."""
    return len(t.text) > 1 and t.pos[:1] in ("p", "c") and (nxt is None or _boundary(nxt))


_AFTER_A_VERB = frozenset("在 于 给 向 到".split())
_TAKES_AS, _AS = frozenset("以 把 将".split()), frozenset("为 作为 当作 成".split())
def _predicate_ends(tokens, n: int) -> bool:
    """The token after ``n`` is an adjective that ends its clause (最|重要。, 很|好，): the predicate."""
    a = neighbour(tokens, n, 1)
    if a is None or not tokens[a].pos.startswith("a"):
        return False
    end = neighbour(tokens, a, 1)
    return end is None or _boundary(tokens[end])


# verbs whose object is the subject of the verb after it (讓|市民|受惠, 使|肌肉|萎縮): the last word is
# that verb, no object's head
_PIVOTS = frozenset("让 使 令 叫 请 帮助 帮 要求 鼓励 允许 促使 推动 带动 引导 支持 迫使 导致 希望 防止 避免".split())
_NOMINAL_RUN = ("n", "x", "j", "a", "b", "m", "q", "vn")


def _heads_an_object(tokens, i: int) -> bool:
    """The word ends its clause after a verb and two or more nominal words (nouns, modifiers,
    words jieba does not know): it heads that verb's object (發揮|好|科技|賦能|作用), unless the verb
    makes its object the subject of a verb after it (讓|市民|受惠)."""
    run = []
    for t in _clause_before(tokens, i, 6):
        if not t.text.strip():
            continue
        if t.pos.startswith("v") and t.pos != "vn":
            # an adjective only as the verb's complement (發揮|好): elsewhere it is an adverbial, and the
            # word the predicate (下降速度|明顯|加快)
            return (len(run) >= 2 and t.kind == WORD and t.text not in _PIVOTS and t.text not in _PREDICATIVE
                    and not any(x.pos.startswith("a") for x in run[:-1]))
        if t.text in ("的", "之") or t.text in _PHRASE_CLOSERS or not t.pos.startswith(_NOMINAL_RUN):
            return False  # (主持會議|時|指出: a clause of time before the verb)
        run.append(t)
    return False


def _demonstrative_measure(t) -> bool:
    """A demonstrative and a measure word that jieba made one pronoun (這種, 各類, 該項, 每天): no
    subject, but what counts what follows (each|day is an adverbial as often: 每天|攝入)."""
    return t.pos == "r" and len(t.text) == 2 and t.text[0] in _DEMONSTRATIVES
_COMPLEMENTS = frozenset("到 了 出 起 住 下 完 动 开 懂 见 清 掉".split())


def _potential_complement(t) -> bool:
    """不 and a result or direction complement (不到, 不了, 不起, 不住): what follows a verb only
    (感覺|不到 "cannot feel", which the segmenter cuts 感覺|不|到; not 得到, a verb of its own:
    問題|得到|解決).  不好, 不成 are predicates."""
    return len(t.text) == 2 and t.text[0] == "不" and t.text[1] in _COMPLEMENTS
_PASSIVE = frozenset("受 被 遭 获".split())
# verbs that report what follows them after a comma (學者分析，…; 氣象署預估，…)
_REPORTING = frozenset("表示 指出 强调 认为 分析 预估 估计 预测 预计 坦言 透露 提醒 说明 解释 建议 呼吁 警告 宣布 "
                       "发现 显示 回应 补充 直言 坦承".split())
_PREDICATIVE = frozenset("觉得 感到 显得 变得".split())  # verbs of seeming and becoming (a predicate after them)
_NEGATIONS = frozenset("不没未")  # the first character of a negated predicate: 不|動, 不可逆轉, 沒有
_QUANTITY_BEFORE = frozenset("约 近 逾 超过 达 多达 高达 约为 大约".split())


_COVERBS = frozenset("朝 向 往 从 在 对 与 和 跟 同 给 为 被 把 将 由 于".split())


def _after_prepositional_phrase(tokens, i: int) -> bool:
    """The word ends a clause after a preposition and its object (朝呂宋島方向|移動, 與…|融合): the
    predicate, a verb (in 在…的|發展 the 的 makes it a noun)."""
    for t in _clause_before(tokens, i, 8):
        if t.text in ("的", "之") or t.pos.startswith("v"):
            return False
        if t.text in _COVERBS:
            return True
    return False


_TOPIC_COVERBS = frozenset("对 就 向".split())  # 對…, 就…: what a verb after them is done to (和, 與 join nouns as often)


_MOTION = frozenset("到 去 来 赴 前往".split())  # … and verbs of motion, whose object is where a verb after it is done


def _from_before(tokens, p: int, span: int = 20) -> bool:
    """從/由/自 stands before ``tokens[p]`` in its clause, past the enumeration commas of a list (從孩子上學、
    老人看病|到…): a 到 after it is "up to", no verb of motion."""
    for k in range(p - 1, max(-1, p - 1 - span), -1):
        if tokens[k].text in ("从", "由", "自"):
            return True
        if _boundary(tokens[k]) and "、" not in tokens[k].text:
            return False
    return False


def _coverb_object_before(tokens, p: int, coverbs=_TOPIC_COVERBS) -> bool:
    """``tokens[p]`` ends the object of a coverb of its topic (對|事件, 就|貿易|問題, 對|有關|產品,
    已對|事件: an adverb jieba glued to it), so the verb after it is the clause's verb, not the head of a
    compound noun with it."""
    for k in (p - 1, p - 2):
        if k < 0:
            return False
        u = tokens[k]
        if u.text in coverbs or (len(u.text) == 2 and u.pos == "d" and u.text[-1] in coverbs):
            return True
        if not u.pos.startswith(("a", "b", "r", "n", "vn")) or u.text in ("的", "之"):
            return False
    return False


def _verbal(tokens, i, n, prev, nxt, adjacent_next) -> bool:
    """The occurrence is a verb, whatever jieba's dictionary tags it: an adverb or a modal before it
    (接連|發展, 並|研究), an aspect particle after it (投資|了), a number that starts its object
    (影響|約六百個住戶), or a prepositional phrase before it at the end of its clause (朝…方向|移動)."""
    if prev is not None and (prev.text in _PREDICATE_BEFORE or prev.pos == "d") and prev.text not in _DEGREE:
        return True
    if prev is not None and prev.pos == "s" and _adverb_before(tokens, i):
        return True  # 立刻|對外|澄清, 已|向外|擴散: an adverb, the place or direction it is done in, the verb
    if (nxt is None or _boundary(nxt)) and _after_prepositional_phrase(tokens, i):
        return True
    if nxt is None:
        return False
    if adjacent_next and nxt.text in ("了", "着", "过"):
        return True
    if nxt.kind == NUMBER:
        return True
    following = neighbour(tokens, n, 1)
    return nxt.text in _QUANTITY_BEFORE and following is not None and tokens[following].kind == NUMBER


def _adverb_before(tokens, i: int) -> bool:
    """The token two before ``i`` (past the one before it) is an adverb of a predicate (not of degree)."""
    p = neighbour(tokens, i, -1)
    q = neighbour(tokens, p, -1) if p is not None else None
    if q is None:
        return False
    t = tokens[q]
    return (t.text in _PREDICATE_BEFORE or t.pos == "d") and t.text not in _DEGREE


def _cues(tokens, i: int, t, p, n, prev, nxt, after) -> dict:
    """What the words around the occurrence say it is (kind of word → weight)."""
    cues: dict = {}
    adjacent_prev = prev is not None and prev.end == t.start
    adjacent_next = nxt is not None and nxt.start == t.end

    def add(kind, weight):
        cues[kind] = cues.get(kind, 0.0) + weight

    subject = False  # a subject stands before the word and an object after it: a verb, no modifier
    adjacent_prev_verb = prev is not None and prev.pos.startswith("v")
    # 以|X|為, 把|X|作為: X is what 以 or 把 takes and 為 names as something, a noun; 為 is no complement
    framed = (adjacent_prev and adjacent_next and prev.text in _TAKES_AS and nxt.text in _AS)

    for test, part in _FRAMES.get(t.text, ()):
        if test(tokens, i, prev, nxt):
            add("frame:" + part, 1.0)
    clause_end = nxt is None or _CLAUSE_START.issuperset(nxt.text)
    # a time word after a verb phrase closes it as a clause of its own: 回應|查詢|時 "when replying to
    # the inquiry" (the word an object), 審核|後
    phrase_end = clause_end or nxt.text in _PHRASE_CLOSERS
    # words jieba's dictionary calls verbs (or verbal nouns) only: a preposition or an adverb before
    # a number (約|6成, 按|一年) is no verb, nor a noun before 超過 (幅度|超過8%)
    verbal = len(t.text) > 1 and t.pos.startswith("v") and _verbal(tokens, i, n, prev, nxt, adjacent_next)
    # a word that stands before verbs (an adverbial verb, 持續|增強; 加快|推進) is that here, before a
    # verb: no noun, whatever the noun before it ("to continue", not "preservation"), and an adjective
    # there is its adverb (一般|認為 "generally"); after a light verb it begins that verb's object
    # (提出|明確|要求)
    adverbial = (len(t.text) > 1 and not (prev is not None and prev.text in _LIGHT_VERBS) and adjacent_next
                 and nxt.kind in (WORD, TERM) and nxt.pos.startswith("v")
                 and (t.pos in ("vd", "ad") or t.text in _PREDICATE_BEFORE or (t.pos in ("a", "b") and nxt.pos == "v")))
    if adverbial:
        if t.pos.startswith("v"):
            add(V, 0.8)
        add(D, 0.5)
        verbal = True
    elif (len(t.text) > 1 and t.pos == "v" and adjacent_next and nxt.kind == WORD and nxt.pos == "v"
          and prev is not None and (prev.text in _PREDICATE_BEFORE or prev.pos == "d")):
        # a verb between a modal (or an adverb) and the verb it goes on to modifies that verb where it
        # can: 要|深入|學習 "to study thoroughly", an adjective's sense (a verb that is none, 要|繼續|努力,
        # is not moved)
        add(A, 1.0)
    if (len(t.text) == 1 and t.pos.startswith("v") and adjacent_next and nxt.text in _AFTER_A_VERB
            and not (adjacent_prev and prev.pos.startswith(("m", "q")))):
        add(V, 1.0)  # 市民|站|在路邊 "to stand": a verb with its coverb, not 服務|站 "station"
        verbal = True
    if (len(t.text) > 1 and t.pos.startswith("v") and adjacent_next and nxt.text in _AFTER_A_VERB | {"成"}
            and not (adjacent_prev and prev.text in _TAKES_AS)
            and any(u.text in ("把", "将") for u in _clause_before(tokens, i, 8))):
        add(V, 1.5)  # 把|更合適的人才|運作|到|…崗位上: what 把 takes is done so, the word the verb
    if verbal and nxt is not None and (nxt.kind == NUMBER or nxt.text in _QUANTITY_BEFORE):
        add(V, 0.8)  # 影響|約六百個住戶: a verb and its counted object
    counted = adjacent_prev and (prev.kind == NUMBER or prev.text in _DEMONSTRATIVES
                                 or prev.text[-1:] in NUMERAL_CHARS or prev.text in ("几", "好几", "多", "数"))
    if counted and prev.text == "一" and any(u.text[:1] in ("就", "便", "即") for u in _clause_after(tokens, i, 6)):
        counted = False  # 一|出爐|便…, 一|到|就…: "as soon as", no number counting the word
    if counted and any(k.startswith("frame:") for k in cues):
        counted = False  # a construction read the number's slot already (排在|第十|位 "place", 第一六一|條)
    if (adjacent_prev and prev.text == "个" and t.pos[:1] in ("n", "m", "q", "t") and p > 0
            and tokens[p - 1].end == prev.start
            and (tokens[p - 1].kind == NUMBER or tokens[p - 1].pos == "m")):
        # 幾|個|月, 三|個|小時: what a number and 個 count, a unit of time ("month", not "moon"; a unit
        # after a number is no measure word of what follows it: 按|一|年|計)
        add(UNIT, 1.5)
        if len(t.text) == 1:
            add(N, 0.8)
    if prev is not None:
        if counted:
            add(Q, 2.5 if len(t.text) == 1 else 1.0)
            add(UNIT, 2.5 if len(t.text) == 1 else 1.0)  # 2時30分, 九成, 第二代: what the number counts
            if prev.kind == NUMBER or (len(t.text) == 1 and prev.text[-1:] in NUMERAL_CHARS):
                # 零|失誤 "zero mistakes", 百萬|遊客: a word a number counts is a noun (a character
                # is its measure word's sense first, where it has one: 一|報 "report", 六|屆 "classifier")
                add(N, 0.8)
        if prev.text == "的" and not (adjacent_next and nxt is not None and (
                nxt.text in ("性", "化") or t.pos in ("a", "b") and nxt.kind in (WORD, TERM) and nxt.pos.startswith("n"))):
            # (的|熱帶|性 低氣壓: 的 modifies the word 性 makes of it, an adjective's; 社會的|主流|觀點: an
            # adjective before a noun modifies that noun, "mainstream", no "essential point")
            add(N, 0.8)
        elif adjacent_prev and len(t.text) > 1 and prev.kind != NUMBER and (
                prev.pos.startswith("q") or _demonstrative_measure(prev)) and not _modifies_next(t, nxt) and not (
                t.pos == "v" and any(k.startswith("frame:") for k in cues)):
            # 這種|變化, 一名|幹部: what a measure word (with its demonstrative) counts is a noun (各類|配套|活動:
            # an adjective before a noun modifies it, the noun is what is counted; 萬美元|作為|救災款: a verb a
            # frame reads after a unit is none)
            add(N, 0.8)
        elif adjacent_prev and len(t.text) > 1 and prev.text in ("大", "小") and p > 0 and (
                tokens[p - 1].end == prev.start and (tokens[p - 1].kind == NUMBER or tokens[p - 1].pos == "m")):
            add(N, 1.0)  # 三大|面向 "three main aspects", 十大|建設: a number and 大 count kinds of a noun
        elif prev.pos == "p" and len(prev.text) == 1 and t.pos in ("vn", "an") and not verbal:
            add(N, 0.6)  # 以|安全|為前提: a preposition's object
            if framed:
                add(N, 0.6)  # … held between 以 and 為: nothing but a noun is
        if (adjacent_prev and prev.text in _CLOSING and len(t.text) > 1 and t.pos.startswith("v")
                and (clause_end or nxt.text in _PHRASE_LINKS or nxt.pos.startswith("v"))):
            add(N, 0.9)  # 開展“節約一度電…”|活動，: what a quotation names, the noun it modifies ("activity")
        if prev.text in _PREDICATIVE:
            add(A, 0.8)  # 覺得|吃力 "strenuous", 變得|保守: these verbs take a predicate, not an object
            add(V, 0.4)
        if adjacent_prev and prev.text in _PASSIVE and (t.pos.startswith("v") or prev.text in ("被", "遭") and t.kind == WORD):
            # 受|影響|商戶 "affected", 被|發現 "discovered": a passive marker before its verb (whatever jieba's tag:
            # 被|指|偷情 "to indicate or refer to", no finger)
            add(V, 0.8)
        if prev.text in _DEGREE:
            add(A, 1.0)
        elif prev.text in _PREDICATE_BEFORE or prev.pos.startswith("d"):
            add(V, 0.6)
            add(A, 0.3)
        if prev.text in _LIGHT_VERBS or (p is not None and p > 0 and tokens[p - 1].text in _LIGHT_VERBS
                                          and prev.pos.startswith(("a", "b", "d"))):
            add(N, 0.9)  # 進行|調查, 提出|明確|要求: the object of a light verb is a noun
        if adjacent_prev and prev.kind in (WORD, TERM) and len(prev.text) >= 2 and not verbal:
            if (prev.pos.startswith(_NOUN_TAGS + ("s",)) and t.pos.startswith(("v", "a"))
                    and nxt is not None and nxt.text in _PHRASE_CLOSERS):
                add(V, 0.6)  # 比賽|開始|後, 颱風|登陸|時: a subject and its verb, a clause of time
            elif (t.text in _REPORTING and (nxt is None or nxt.text[:1] in "，,：:") and prev.pos != "vn"
                  and not any(u.text == "的" for u in _clause_before(tokens, i))):
                add(V, 1.2)  # 智庫學者|分析，…: a speaker and what they do before what they report
            elif prev.pos.startswith(_NOUN_TAGS + ("s",)) and t.pos.startswith("a") and clause_end:
                add(A, 0.6)  # 居住環境|惡劣。, 平衡能力|差: an adjective ending the clause after its subject, the predicate
            elif (t.pos == "v" and adjacent_next and nxt.kind in (WORD, TERM) and nxt.pos.startswith(("v", "n"))
                  and _coverb_object_before(tokens, p)):
                add(V, 0.9)  # 對|事件|進行|調查, 就|貿易問題|進行|磋商: after a coverb and its object, the verb and its own
            elif (t.pos in ("v", "vn") and _coverb_object_before(tokens, p, _MOTION)
                  and not _from_before(tokens, p)):
                # 到|基層|調研, 赴|港|投資: a verb of motion, its place, then what is done there (從…到|青年|就業
                # is "up to": a list of nouns)
                add(V, 1.2)
            elif (prev.pos.startswith(_NOUN_TAGS + ("s",)) and t.pos.startswith("v") and t.pos != "vn"
                  and (_opens_object(nxt) or len(t.text) == 1 and adjacent_next and nxt.kind in (WORD, TERM)
                       and nxt.pos.startswith(("v", "d")) and nxt.pos != "vn")):
                # 政策|使得|他們…, 機組|作為|今年的…, 山西|靠|“…”: a pronoun, a time, a number or a quotation
                # after it is its object, no more of a compound noun; a verb of one character before another
                # verb or an adverb is its subject's (商戶|憂|難覓…: "to worry")
                add(V, 0.9)
            elif (t.pos.startswith("n") and len(t.text) > 1 and adjacent_next and adjacent_prev
                  and prev.pos.startswith(_NOUN_TAGS)
                  and (nxt.pos.startswith("r") and not _demonstrative_measure(nxt) or nxt.text in _PEOPLE)):
                # a word jieba's dictionary calls a noun, between its subject and a pronoun for its object
                # (事實|證明|有些人…): the verb of the clause
                add(V, 0.9)
            elif prev.pos.startswith(_NOUN_TAGS + ("s",)) and t.pos.startswith(("vn", "v", "a")):
                add(N, 0.9)  # the head of a compound noun: 服務|升級, 營養|攝入
            elif prev.pos.startswith("v") and prev.text not in _PREDICATIVE and (
                    t.pos == "vn" or t.pos.startswith("v") and phrase_end or _governs_nothing(t, nxt)):
                add(N, 0.7)  # 推介|活動, 提交|申請, 提供|依據: a verb's object
            elif prev.pos in ("a", "b") and t.pos.startswith("v") and not clause_end:
                # 重要|指示: an adjective before it makes it a noun (主要|反映 "mainly reflects": a
                # non-predicate adjective is an adverb as often; at the end of its clause the verb is the
                # predicate: 謹慎|發言 "to speak carefully")
                add(N, MODIFIED_NOUN if prev.pos == "a" else 0.5)
        if (len(t.text) > 1 and t.pos == "v" and clause_end and not adjacent_prev_verb
                and _heads_an_object(tokens, i)):
            add(N, 0.7)  # 發揮|好|科技|賦能|作用: the last of the nominal words after a verb heads its object
        if (adjacent_prev and len(t.text) > 1 and t.pos in ("s", "f")
                and (prev.pos.startswith(("r", "n")) or prev.kind == NAME)):
            add(P, 1.0)  # 市民|心中, 他|心中: a place word after whose it is, "in one's heart"
        if ((prev.pos.startswith("r") and not _demonstrative_measure(prev) and not (counted and len(t.text) == 1))
                or prev.kind == NAME or prev.kind == FRAGMENT and prev.pos[:1] in ("x", "n") and len(prev.text) >= 2 and len(t.text) > 1):
            if adjacent_next and nxt is not None and (nxt.pos.startswith(_NOUN_TAGS) or len(t.text) > 1 and nxt.pos in ("r", "rr")
                                                      and nxt.text not in _DEMONSTRATIVES and not _demonstrative_measure(nxt)):
                # 他|代表|市委: a subject, the verb, its object (各類|配套|活動: no subject); 鈕承澤|證明|自己: a
                # pronoun its object (a name jieba does not know is a fragment)
                add(V, 0.8)
                subject = True
            elif (adjacent_next and nxt is not None and nxt.pos == "d" and len(t.text) > 1
                  and t.pos[:1] not in ("v", "d") and prev.pos in ("r", "rr")):
                add(D, 0.8)  # 我們|本來|就…: between a subject and an adverb, an adverb ("originally")
            elif (adjacent_next and nxt is not None and nxt.kind == WORD and nxt.pos.startswith("v") and nxt.pos != "vn"
                  and len(t.text) > 1 and t.pos[:1] in ("n", "v") and prev.pos in ("r", "rr") and nxt.text not in _MODALS):
                # 我們|主張|保持…: a personal pronoun, then a verb whose object is a verb's clause (他們|行動|可能…:
                # before a modal it is the subject, "their actions")
                add(V, 0.8)
                subject = True
    if nxt is not None:
        if nxt.text in ("了", "着", "过") or (adjacent_next and (_potential_complement(nxt) or (
                nxt.text == "不" and after is not None and after.start == nxt.end and after.text in _COMPLEMENTS))):
            add(V, 0.8)  # 投資|了, 感覺|不到: an aspect particle or a potential complement follows a verb
        if nxt.text in ("为", "成", "到", "出", "起来", "下去") and not framed:
            add(V, 0.6)  # 發展|為, 分間|成: a verb and its complement
        if (nxt.text in _DEGREE and len(t.text) > 1 and _predicate_ends(tokens, n) and t.pos[:1] != "d"
                and not (prev is not None and (prev.pos.startswith("r") and not _demonstrative_measure(prev)
                                               or prev.kind == NAME or prev.text in _PASSIVE))):
            add(N, 0.8)  # 但|安全|最|重要, 這個|決定|很|好: what a degree and an adjective are said of, a subject
        if nxt.text in ("等", "方面", "工作") and t.pos.startswith("v"):
            add(N, 0.6)  # 知識產權保護|等
        if adjacent_next and nxt.pos.startswith("v") and nxt.kind == WORD:
            add(AUX, 1.5)  # 要|深入, 會|出席: a modal before a verb
            add(VERB_NEXT, 1.0)  # 正在|主持: "right in the middle of (doing sth)"
            if _modifies_verb(t, prev):
                add(D, 0.8)  # 一般|認為 "generally", 不必|盲目|追求 "blindly": a modifier before a verb is an adverb
                add(P, 0.5)  # … or a phrase that is one: 只能|自行|吸收 "by oneself"
            elif _adverbial_noun(t, prev):
                add(D, ADVERBIAL_NOUN)  # 動能|高度|集中 "highly": a noun between its subject and the verb
        if adjacent_next and nxt.text[:1] in _NEGATIONS and len(t.text) > 1 and t.pos[:1] in ("a", "d") and not verbal:
            add(D, 0.8)  # 完全|不可逆轉 "totally": a modifier before a negated predicate is an adverb
        # a closing quotation mark or bracket is no clause start: the quoted words modify what follows
        # (“十四五”|規劃 "the 14th Five-Year Plan", a noun, not "to draw up a plan")
        clause_start = prev is None or prev.text in _PREDICATE_BEFORE or (
            _CLAUSE_START.issuperset(prev.text) and not (adjacent_prev and _CLOSING.issuperset(prev.text)))
        noun_next = nxt.pos.startswith(_NOUN_TAGS) or (
            nxt.pos.startswith("v") and after is not None and after.start == nxt.end and after.pos.startswith("n"))
        # (jieba's adverbial adjectives modify what follows, a verb it tags as a noun: 認真|總結|經驗)
        if (clause_start and adjacent_next and noun_next and t.pos != "ad"
                and not (nxt.pos.startswith("v") and _modifies_verb(t, prev))):
            add(V, 0.8)  # 完善|指揮(體系), 落實|責任: a verb and its object
        if (adjacent_next and t.pos.startswith(("b", "n")) and nxt.kind in (WORD, TERM) and not subject
                and nxt.pos.startswith("n") and len(nxt.text) >= 2 and not nxt.pos.startswith("ns")):
            add(A, 0.6)  # 官方|網站, 慢性|炎症: a noun or non-predicate adjective before the noun it modifies
            add(ATTRIBUTIVE, 1.0)  # … and CC-CEDICT's "(attributive) administrative" is that use
        if (adjacent_next and len(t.text) > 1 and t.pos in ("n", "vn") and prev is not None
                and nxt.pos.startswith("ns") and nxt.kind != NAME
                and (prev.pos.startswith(("n", "t", "r")) or prev.kind == NAME)):
            # 目前|距離|台灣: after its subject and before a place's name, a verb (before a person's name a
            # noun is their title: 市委|領導|龔正)
            add(V, 0.8)
        if adjacent_next and nxt.text in ("性", "化") and len(t.text) >= 2:
            add(A, 0.8)  # 熱帶|性, 現代|化: an adjective takes these suffixes
        if nxt.text == "地":
            add(D, 1.0)  # 反復|地|給肌肉施加, 人為|地|抑制: 地 marks what stands before it as an adverbial
            add(A, 0.5)  # … which CC-CEDICT often glosses as the adjective ("artificial")
        if nxt.text == "的" or (after is not None and after.text == "的" and nxt.pos.startswith(("v", "a"))):
            add(A, 0.6)  # 包容(開放)的城市: a modifier before 的
        if (adjacent_next and nxt.pos.startswith("v") and prev is not None and prev.pos.startswith(_NOUN_TAGS)
                and t.pos.startswith(("vn", "v")) and not verbal):
            add(N, 0.5)  # 產業|表現|呈現: a noun phrase before the verb, its subject
        # (not what a number or a demonstrative counts: 這|類|骨折 "kind", not "like"; nor where a frame read
        # the construction: 連|心臟|都… "even")
        if ((len(t.text) == 1 and not _verb_head(t, prev, nxt) or t.pos == "p") and not counted
                and not any(k.startswith("frame:") and k != "frame:with" for k in cues)
                and nxt.pos.startswith(("n", "r", "f", "s")) and any(
                tokens[j].pos.startswith("v") for j in range(n + 1, min(len(tokens), n + 4)))):
            add(P, 1.8)  # 朝|我|走, 向|世界|傳遞: a preposition, its object, then the verb
        elif (len(t.text) > 1 and t.pos.startswith(("v", "p")) and t.text[0] not in _NEGATIONS
              and _means_then_verb(tokens, n)):
            # a coverb (透過, 通過, 憑藉, 根據: a verb that is also a preposition) before a phrase and
            # then the clause's verb is the preposition: 透過|提高信保基金保證成數 "by means of
            # raising …", 透過|洽簽經濟合作協定|降低關稅 "through signing …"; the verb "to pass through"
            # takes a place as its object and ends its clause (透過|玻璃); a negated word is a complement
            # or a predicate (感覺|不到|颱風要來 "not reaching", not "less than")
            add(P, 1.5)
    if t.text in _PAIRS:
        partners, _ = _PAIRS[t.text]
        # the partner may stand past a comma, in the next clause of the sentence (盤子|越|大，…難度也|越|大)
        near = [j for j in range(max(0, i - _PAIR_SPAN), min(len(tokens), i + _PAIR_SPAN + 1))
                if not any(c in _SENTENCE_END for k in range(min(i, j), max(i, j) + 1) for c in tokens[k].text)]
        if any(j != i and any(c in partners for c in tokens[j].text) for j in near):
            add(PAIRED, 1.0)  # 越辦越好: "the more… the more"
    if len(t.text) == 1 and t.text in _UNIT_CHARS and _names_a_body(t, prev, nxt, adjacent_prev, adjacent_next):
        add(ORGANISATION, 1.0)
        add(N, 0.5)
    if len(t.text) == 1:
        if adjacent_prev and t.text in _SUFFIX_CHARS and prev.kind in (WORD, TERM) and len(prev.text) >= 2:
            add(SUFFIX, 3.5)
        if adjacent_next and t.text in _PREFIX_CHARS and nxt.kind in (WORD, TERM, NAME):
            add(PREFIX, 2.5)
            add(A, 0.5)
    return cues


_MEANS_SPAN = 6  # tokens from a coverb's object to the verb it is the means of
_PHRASE_CLOSERS = frozenset("时 时候 之时 之际 后 之后 以后 前 之前 以前 期间".split())


def _means_then_verb(tokens, n: int) -> bool:
    """The tokens from ``n`` on are a phrase (a noun, a pronoun, a verb and its object, or a word
    without an entry) and then, in the same clause, a verb: the phrase is the means of that verb."""
    if not tokens[n].pos.startswith(("n", "r", "v", "x")) or _boundary(tokens[n]) or tokens[n].text in _PHRASE_CLOSERS:
        return False  # (回應|查詢|時|表示: a clause of time, no means)
    for j in range(n + 1, min(len(tokens), n + 1 + _MEANS_SPAN)):
        if _boundary(tokens[j]):
            return False
        if tokens[j].pos.startswith("v") and tokens[j].kind == WORD:
            return True
    return False


ABSTRACT_ARGUMENT = "abstract argument"
# a light verb (進行, 作出, 做, 展開) whose object is an act does that act: English says it with its own
# light verbs ("to conduct", "to carry out", "to do", "to make (a decision …)"), not "to advance",
# "to put out", "to make; to produce" or "to unfold"
LIGHT = "light verb"
_LIGHT_SENSE_RE = re.compile(r"\bto (?:do|conduct|carry out|perform|engage in)\b|\bto make \(a")


def _first_is_verb(token, lexicon) -> bool:
    """CC-CEDICT's first sense of ``token`` is a verb's ("to …"): 謀劃 "to plan", 部署 "to dispose"."""
    return first_sense(lexicon.entries(token.text)).startswith("to ")


def _acts(token, lexicon) -> bool:
    """``token`` (a verb's object, or its subject where nothing follows) names an act: a word jieba
    tags a verb or a verbal noun (調查, 表彰), or one CC-CEDICT first glosses as a verb (部署 "to
    deploy", 重建 "to rebuild", which jieba tags a noun and an adjective)."""
    return token is not None and (token.pos.startswith("v") or _first_is_verb(token, lexicon))
# how English names abstract things: acts, states and qualities (-tion, -ment, -ness …) …
_ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "ity", "ness", "ism", "ure", "ancy", "ency", "ship")
# … and the general nouns of plans and affairs that take none
_ABSTRACT_HEADS = frozenset("plan plans program programme scheme measure measures policy policies step steps "
                            "work task tasks system mechanism situation state condition issue problem role "
                            "effect factor idea method way goal strategy".split())


def _argument(tokens, i: int):
    """The head of the verb's object (the last of the nominal words after it, 掌握|產業實際|狀況), or
    where nothing follows in its clause, of its subject (招展|工作|已經|啟動)."""
    head = None
    for j in range(i + 1, min(len(tokens), i + 5)):
        t = tokens[j]
        if _boundary(t) or t.text in ("的", "了") and head is not None:
            break
        if t.kind in (WORD, TERM) and t.pos.startswith(("n", "v")) and len(t.text) > 1:
            head = t
        elif head is not None:
            break
    if head is not None:
        return head
    if not (i + 1 >= len(tokens) or _boundary(tokens[i + 1])):
        return None
    for t in _clause_before(tokens, i, 4):
        if t.pos.startswith(("d", "p")) or t.text in _PREDICATE_BEFORE:
            continue
        return t if t.kind in (WORD, TERM) and t.pos.startswith(("n", "vn")) and len(t.text) > 1 else None
    return None


def _abstract(token, lexicon) -> bool:
    """``token`` names an abstract thing: an act (a verb or a verbal noun: 整備, 調查), or a noun whose
    English (its first sense's first part) ends as abstract nouns do or is a general noun of affairs."""
    if token is None:
        return False
    if token.pos.startswith("v"):
        return True
    first = next((s for e in lexicon.entries(token.text) if not (e.variant_only or e.surname_only)
                  for s in e.senses if not is_reference(s)), "")
    words = english.WORD_RE.findall(english.LABEL_RE.sub(" ", first.split("; ")[0].lower()))
    return bool(words) and (words[-1].endswith(_ABSTRACT_ENDINGS) or words[-1] in _ABSTRACT_HEADS)


# a verb jieba tags, after an adjective (not an adverbial one: jieba tags those "ad") and before more of
# its clause, is the noun the adjective modifies, as surely as after 的: 重要|指示|精神 "instructions"
# (CC-CEDICT's 5th sense, after its verbs)
MODIFIED_NOUN = 1.3
ADVERBIAL_NOUN = 1.2  # a noun's adverb sense where it stands as one ("highly" is CC-CEDICT's 5th of 高度)


def _adverbial_noun(t, prev) -> bool:
    """A noun glued after a noun or a pronoun, before a verb: the noun before it is the subject, and
    the word what modifies the verb (政府|高度|重視 "highly", 往來|高度|依賴); a noun with no adverb's
    sense keeps its noun's (部門|負責人|表示 names no adverb)."""
    return (len(t.text) > 1 and t.pos[:1] == "n" and prev is not None and prev.end == t.start
            and prev.kind in (WORD, TERM) and prev.pos.startswith(("n", "r")))


def _modifies_verb(t, prev) -> bool:
    """A word of no verb's tag before a verb modifies it: an adjective (一般|認為), or a noun or a
    pronoun after a modal or an adverb, where no subject stands (不必|盲目|追求, 只能|自行|吸收)."""
    if len(t.text) < 2 or t.pos.startswith("v"):
        return False
    if t.pos[:1] in ("a", "b", "m") or t.pos in ("i", "l"):
        return True  # (a set phrase before a verb says how it is done: 一口氣|爬 "at a stretch")
    return t.pos[:1] in ("n", "r") and prev is not None and (prev.text in _PREDICATE_BEFORE or prev.pos.startswith("d")
                                                              or prev.text in ("只能", "不必", "可以", "能", "应", "须"))


def _names_a_body(t, prev, nxt, adjacent_prev, adjacent_next) -> bool:
    """A body or an area named by what it is of: glued after a noun, a name or a place (經濟|部,
    成功|鎮), or glued to another such character (部|會, 縣|市).  會 after a noun is as often the
    modal (地面|會|預留): only with no verb after it."""
    if t.text == "会" and nxt is not None and nxt.pos.startswith("v"):
        return False
    if adjacent_next and len(nxt.text) == 1 and nxt.text in _UNIT_CHARS and nxt.text != t.text:
        return True
    if adjacent_prev and len(prev.text) == 1 and prev.text in _UNIT_CHARS and prev.text != t.text:
        return True
    if (adjacent_prev and prev.kind in (WORD, TERM, NAME) and len(prev.text) >= 2
            and prev.pos.startswith(("n", "a", "b", "j", "s"))):
        return True
    # before the body or the people it has, opening a noun phrase: 市|領導, 市|公安局, 縣|政府 (會 is
    # the modal there as often: 會|影響)
    return (t.text != "会" and adjacent_next and nxt.kind in (WORD, TERM) and len(nxt.text) >= 2
            and nxt.pos.startswith(("n", "nt")) and (prev is None or not adjacent_prev or _boundary(prev)))


def _context(tokens, i: int, lexicon):
    """The English content words of the words around ``tokens[i]`` in its sentence (``_gloss_words``),
    and those of the first senses (``_head_words``) of the words it can be said of: those before it
    (its subject: 肌肉…|萎縮), or after it past a 的 (完善的|體系); not its object (完善|指揮體系 is
    "to improve", not "(of systems) comprehensive")."""
    words: set[str] = set()
    heads: set[str] = set()
    near: set[str] = set()
    known, stop = lexicon.memo("gloss_words"), lexicon.stopwords  # asked for every token around every occurrence
    for step in (-1, 1):
        j, seen = i + step, 0
        said_of = step < 0 or (0 <= j < len(tokens) and tokens[j].text == "的")
        while 0 <= j < len(tokens) and seen < _WINDOW:
            t = tokens[j]
            if not _SENTENCE_END.isdisjoint(t.text):
                break
            # (the word itself again nearby is no context: its own senses would vote for themselves,
            # 社區組織協會社區|組織|幹事 "(biology) tissue")
            if t.kind in (WORD, TERM) and len(t.text) > 1 and t.text not in stop and t.text != tokens[i].text:
                got = known.get(t.text)
                words |= got if got is not None else _gloss_words(t.text, lexicon)
                near |= _word_fields(t.text, lexicon)
                if said_of:
                    heads |= _head_words(t.text, lexicon)
                seen += 1
            j += step
    return words, heads, near


def _head_words(word: str, lexicon) -> frozenset[str]:
    """The content words of ``word``'s first sense (its first part): what it names (肌肉 "muscle"),
    without the senses it has elsewhere (工作 "to operate (a machine)")."""
    memo = lexicon.memo("head_words")
    got = memo.get(word)
    if got is None:
        first = next((s for e in lexicon.entries(word) if not (e.variant_only or e.surname_only)
                      for s in e.senses if not is_reference(s)), "")
        got = memo.put(word, english.content_words(first.split("; ")[0]))  # 表示 "to express", not "… to state"
    return got


def _gloss_words(word: str, lexicon) -> frozenset[str]:
    memo = lexicon.memo("gloss_words")
    got = memo.get(word)
    if got is None:
        entries = [e for e in lexicon.entries(word) if not (e.variant_only or e.surname_only)]
        got = memo.put(word, english.content_words(" ".join(s for e in entries[:2] for s in e.senses[:3])))
    return got


def _score(sense: english.Sense, index: int, occurrences: list[Use], pair: str | None = None,
           written: bool = False, contested: bool = False, single: bool = False,
           figurative: bool = False, lone: bool = False) -> float:
    score = -ORDER_WEIGHT * math.log1p(index)
    if occurrences:
        frames = sum(w for u in occurrences for k, w in u.want.items()
                     if k.startswith("frame:") and k[6:] in sense.text)
        score += 2.5 * frames / len(occurrences)
    if pair is not None and pair in sense.text:
        score += 3.0 * sum(u.want.get(PAIRED, 0.0) for u in occurrences) / max(len(occurrences), 1)
    if occurrences:
        # an English word that can be several kinds of word ("total") fits less surely than one that can't
        # … and a gloss of CC-CEDICT's without "to" is no verb's ("finger", "website", "biography")
        kinds = sense_kinds(sense)
        sure = 1.0 if len(kinds - {AUX}) <= 1 else 0.75
        fit = sum(max((u.want.get(k, 0.0) for k in kinds), default=0.0) for u in occurrences)
        score += 1.5 * sure * fit / len(occurrences)
        overlap = sum(len(sense.words & u.context) for u in occurrences) / len(occurrences)
        score += LESK_WEIGHT * min(overlap, 2.0)
        said_of = _said_of(sense)
        if said_of:
            # CC-CEDICT's "(of muscle, social custom etc) to atrophy", "(of a storm etc) to strike" say what
            # the sense is said of: where a word around it names that, it is the sense (肌肉…|萎縮)
            met = sum(_said_of_met(sense, u) for u in occurrences) / len(occurrences)
            # … and less likely where nothing around names it: "(of birds, animals and insects) to cry"
            # in 警鐘長鳴 (a bell)
            score += QUALIFIER_WEIGHT * met - QUALIFIER_UNMET * (1 - met)
        kind = _kind_of(sense)
        if kind:
            # … a kind named alone, with no "etc", is narrower: 颱風警報 is no "(fire) alarm"
            # (or where the words around speak of the kind's field: 貸款|額度 "(credit) limit", a loan's)
            met = sum(bool(kind & (u.heads | u.context) or sense.qualified & u.near) for u in occurrences) / len(occurrences)
            score += QUALIFIER_WEIGHT * met - KIND_UNMET * (1 - met)
        if _LIGHT_SENSE_RE.search(sense.text):
            score += sum(u.want.get(LIGHT, 0.0) for u in occurrences) / len(occurrences)
        if _DOING_RE.search(sense.text):
            score += sum(u.want.get(VERB_NEXT, 0.0) for u in occurrences) / len(occurrences)
        if _ORGANISATION_RE.search(sense.text):
            score += 2.0 * sum(u.want.get(ORGANISATION, 0.0) for u in occurrences) / len(occurrences)
        if "attributive" in sense.labels:
            score += sum(u.want.get(ATTRIBUTIVE, 0.0) for u in occurrences) / len(occurrences)
        if sense.bound and all(u.standalone for u in occurrences):
            score -= 0.8
        elif sense.bound and not any(u.standalone for u in occurrences):
            score += BOUND  # 拉麵|店: "(bound form) shop; store", not "inn"
        art = occurrences[0].topic
        if art is not None:
            spoken = max((art.field(f) for f in sense.fields), default=0) if contested else 0
            if lone and sum(bool(sense.fields & u.near) for u in occurrences) * 2 < len(occurrences):
                spoken = 0  # … and a lone field's sense where the words around speak of it too (肌肉|再生)
            share = spoken / max(art.main, 1)
            if spoken >= 1 and share >= FIELD_SHARE:  # "to export" in an article about trade, "fan" in one about a singer
                    score += FIELD_WEIGHT * share * (HALVE if single else 1.0)
        if sense.domain:
            # "(economics) demand" in an article about the economy; "(finance) hedge" in one on trade
            # that speaks of finance a third as much, where the words around it do too (匯率|避險)
            least = (0.5 if overlap <= 0 else FIELD_SHARE) * (art.main if art is not None else 0)
            if art is not None and any(art.field(f) >= max(FIELD_MIN, least) for f in sense.labelled):
                score += 1.0
            elif overlap < 1:  # (zoology) somite, (physics) mass: not in an article that never speaks of the field
                score -= 1.5
    if REF in sense.classes:
        score -= 3.0
    if SURNAME in sense.classes:
        score -= 5.0
    if sense.rare:
        score -= 1.5
    marked_figurative = sense.text.startswith(("fig.", "(fig.)")) or bool({"fig.", "often fig."} & set(sense.labels))
    if figurative:  # an idiom in an article is meant figuratively: "fig. in a short period", not "lit. one morning …"
        if sense.text.startswith("lit."):
            score -= 1.0
        elif marked_figurative and occurrences and (
                occurrences[0].topic is not None and occurrences[0].topic.abstract):
            score += FIGURATIVE  # the news of policy and markets speaks figuratively: 松綁 "to ease restrictions"
    if marked_figurative and occurrences:
        # a verb whose object or subject is an abstract thing (an act, a plan, a situation) is meant
        # figuratively: 啟動|防颱整備 "(fig.) to set in motion", not "to start (a machine)"; 掌握|…狀況
        # "to grasp (often fig.)"
        score += FIGURATIVE * sum(u.want.get(ABSTRACT_ARGUMENT, 0.0) for u in occurrences) / len(occurrences)
    # senses in everyday English are the everyday senses (to advance, not to impel; shop, not inn)
    score += COMMON_WEIGHT * max(-1.5, min(1.0, sense.commonness - 4.5))
    if sense.regional and not written:  # Taiwan and Hong Kong usages: the usual ones in a traditional article
        score -= 1.0
    elif sense.regional:
        score += REGIONAL_WEIGHT  # … where they come before the mainland's ("(Tw) plastic", not "synthetic resin")
    return score


QUALIFIER_WEIGHT = 1.0
REGIONAL_WEIGHT = 0.5
KIND_UNMET = 0.5  # a sense of one named kind ("(fire) alarm") where nothing around names it
QUALIFIER_UNMET = 0.2  # a qualified sense where nothing around names what it is said of


def _said_of_met(sense: english.Sense, use: Use) -> bool:
    """A word around ``use`` names what a label of ``sense`` says it is said of ("(of muscle, social custom
    etc)": any of them), or speaks of its field; a label that is one phrase ("(of the Japanese government)")
    is met by all its words only (the government of 人民政府 is no Japanese one: 省 "province")."""
    for label in sense.labels:
        if not english.SAID_OF_RE.match(label):
            continue
        words = english.content_words(label) - _GENERIC
        if len(words) > 1 and not any(x in label for x in (",", "etc", " or ", " and ")):
            if words <= use.heads:
                return True
        elif words & use.heads or sense.qualified & use.near:
            return True
    return False


def _said_of(sense: english.Sense) -> frozenset[str]:
    """The content words of the labels of ``sense`` that say what it is said of ("(of muscle, social
    custom etc)" → muscle, social, custom)."""
    words = frozenset().union(*(english.content_words(label) for label in sense.labels if english.SAID_OF_RE.match(label)))
    return words - _GENERIC


def _kind_of(sense: english.Sense) -> frozenset[str]:
    """The content words of a bare noun before ``sense`` that names the one kind of thing it is:
    "(fire) alarm", "(file) library" (not a register's or a field's label: "(coll.) …", "(physics) mass")."""
    lead = _LEAD_RE.match(sense.text)
    if (lead is None or lead.group(1) in _REGISTER or lead.group(1).startswith(_NOT_A_KIND)
            or _GRAMMAR_RE.search(lead.group(1))):
        return frozenset()
    return english.content_words(lead.group(1)) - _GENERIC  # "(of a person)" is said of too much to select a sense


_LEAD_RE = re.compile(r"^\(([a-z]+(?: [a-z]+)?)\) [a-z]")
_REGISTER = (english.RARE_LABELS | english.DOMAIN_LABELS | english.REGIONAL_LABELS | frozenset(
    "loanword idiom neologism polite honorific formal humble courteous attributive name interjection spoken "
    "written informal proverb coll suffix prefix not in for".split()) | {"bound form"})
_GRAMMAR_RE = re.compile(r"\b(?:etc|dialect|complement|suffix|adjective|pronoun|classifier|reduplicated|metonym|pejorative)\b")
_NOT_A_KIND = ("of ", "in ", "for ", "not ", "on ", "a ", "an ", "the ", "to ", "do ", "by ", "one", "sb", "sth")
_GENERIC = english.GENERIC


def choose(text: str, syllables, entry: Entry | None, kind: str, tag: str, spans, occurrences,
           written: bool, lexicon, full_form=None) -> Meaning:
    """The meaning of the word ``text`` read ``syllables`` (``entry``: the readings stage's choice).

    ``spans`` are the article's own text of each occurrence, ``written`` whether
    the article is traditional; ``occurrences`` gives the ``Use`` of each
    occurrence when called (it is only asked when there is a choice to make);
    ``full_form`` (from ``spelled_out``) is what the article spells the word
    out as, if it is an abbreviation.
    """
    if kind == NAME and (entry is None or not entry.proper):
        composed = ("(name)",) + composed_senses(text, syllables, lexicon)
        return Meaning(None, composed, ("(name)",), (), True)
    if entry is not None and lexicon.user_entries and lexicon.is_user_word(text):
        # the user's own dictionary is used as written: its first sense is the one meant
        return Meaning(entry, entry.content, (shorten(entry.content[0]),) if entry.content else (), (), False)
    candidates = _candidates(text, syllables, entry, spans, written, lexicon) if entry is not None else []
    if not candidates:
        if full_form is not None:
            return full_form
        own = Counter(spans).most_common(1)[0][0] if written and spans else ""
        composed = composed_senses(text, syllables, lexicon, nominal=kind == TERM, written=own)
        return Meaning(None, composed, (composed_front(text, syllables, lexicon, kind == TERM, own),), (), True)
    prefer, added = lexicon.sense_priorities.get((text, reading_key(syllables)), ((), ()))
    if len(candidates) == 1 and len(candidates[0].content) + len(added) <= 1:
        best = candidates[0]  # nothing to choose between
        return Meaning(best, added + best.content, tuple(shorten(s) for s in (added + best.content)[:1]),
                       best.classifiers, False)
    occurrences = occurrences()
    counted = sum(u.want.get(Q, 0.0) >= 1.0 for u in occurrences) * 2 >= len(occurrences)
    if counted and not any(x.startswith("classifier") for e in candidates for x in e.content):
        # a number counts it, and its entries have no measure word's sense: the word they call it a variant
        # of has ("variant of 臺|台[tai2]"): 兩|台|機組 is 臺's "classifier for vehicles or machines", not "Taiwan"
        key = reading_key(syllables)
        candidates = candidates + [e for e in _pointed(candidates, lexicon) if reading_key(e.syllables) == key
                                   and e not in candidates and any(x.startswith("classifier") for x in e.content)]
    # the readings stage's entry (its form, its commonest word) is evidence too: 後, not 后 "empress"
    pair = _PAIRS[text][1] if text in _PAIRS else None
    ranked = []
    # senses of different fields (出口 "an exit": transport, "to export": trade; 粉丝 "vermicelli": food,
    # "fan": entertainment): the article's field decides between them
    fielded = {parsed(s, lexicon).fields for e in candidates for s in e.content} - {frozenset()}
    contested = len(fielded) > 1
    # … or a lone sense of a concrete field (再生 "to regenerate": health) against senses of none,
    # where the words around the occurrence speak of that field too (abstract fields are everywhere)
    lone = not contested and any(f - ABSTRACT_FIELDS for f in fielded)
    contested = contested or lone
    figurative = any(s.startswith(("fig.", "(fig.)")) for e in candidates for s in e.content)
    as_head = _as_head(text, syllables, candidates, occurrences, lexicon)
    for e in candidates:
        for i, s in enumerate(added + e.content if e is candidates[0] else e.content):
            preferred = s in added or any(p in s for p in prefer)
            sense = parsed(s, lexicon)
            # (a preferred sense is the news's usual one that CC-CEDICT lists late: its place in the list
            # is no evidence against it, 落實 "to implement", CC-CEDICT's 3rd; a sense of a field, 粉絲 "fan",
            # is usual where the article speaks of that field, which the field evidence weighs)
            score = _score(sense, 0 if preferred and not sense.fields else i, occurrences, pair, written, contested,
                           len(text) == 1, figurative, lone)
            score += as_head.get(s, 0.0)
            if preferred:
                score += 1.0
            if e is entry and len(candidates) > 1:
                score += 0.6
            ranked.append((score, -len(ranked), e, s))
    ranked.sort(key=lambda r: (r[0], r[1]), reverse=True)
    best = ranked[0][2]
    own = [(score, s) for score, _, e, s in ranked if e is best]
    # used as a measure word here (第六届, 各项): that sense first, unless a frame chose another (第一六一|條
    # "clause (of law)", which jieba tags a measure word too)
    framed = {k[6:] for u in occurrences for k in u.want if k.startswith("frame:")}
    if tag.startswith("q") and counted and not any(part in own[0][1] for part in framed):
        own.sort(key=lambda x: not x[1].startswith("classifier"))
    chosen = _short(own, lexicon)
    listed = tuple(s for s in (added if best is candidates[0] else ()) + best.content if s not in chosen)
    # the runner-up next (the sense most likely meant if the first is not), then the dictionary's order
    runner = next((s for _, s in own if s not in chosen and not ({REF, SURNAME} & parsed(s, lexicon).classes)), None)
    rest = ((runner,) + tuple(s for s in listed if s != runner)) if runner in listed else listed
    return Meaning(best, tuple(chosen) + rest, tuple(shorten(_expanded(s, lexicon)) for s in chosen),
                   best.classifiers, False)


_FULL_FORM_RE = re.compile(r"^abbr\. (?:for|to) ([^\s\[|]+)(?:\|([^\s\[]+))?(?:\[[^\]]*\])?$")


def _expanded(sense: str, lexicon) -> str:
    """An abbreviation's sense that only names its full form ("abbr. for 立法委員|立法委员[…]") says what
    the full form means (立委 "member of the Legislative Yuan (Tw) (abbr.)"): a front shows English
    only, and the full form's characters and pinyin are the answer's."""
    m = _FULL_FORM_RE.match(sense)
    if not m:
        return sense
    full = m.group(2) or m.group(1)
    gloss = next((x for e in lexicon.entries(full) if not (e.variant_only or e.surname_only)
                  for x in e.content if not _POINTER_RE.match(x) and not x.startswith("abbr.")), None)
    return f"{gloss} (abbr.)" if gloss else sense


HEAD_COMPOUNDS = 3  # compounds ending in a word of two characters or more, at least, to rank its senses
HEAD_WEIGHT = 1.5  # the sense a compound's head has in CC-CEDICT's compounds, for its best part


def _as_head(text: str, syllables, candidates, occurrences, lexicon) -> dict[str, float]:
    """For a character the article mostly glues after a word, as the head of a compound (通路|商,
    出口|商, 主辦|方, 大氣科學|系): a bonus for each sense by the sense it has at the end of CC-CEDICT's
    own compounds (``in_compound``: 供應商, 經銷商 make 商 "dealer; merchant", not "commerce")."""
    glued = [u.modifier for u in occurrences if u.modifier]
    if not glued or len(glued) * 2 < len(occurrences):
        return {}
    # a word's analogues are compounds of a word and it (政府機關, 司法機關), not of a character and it
    # (有|意義 "meaningful" says nothing of 戰略|意義)
    only = frozenset(("wn", "wv")) if len(text) > 1 else None
    if only is not None and (len(lexicon.compounds(text, True)) < HEAD_COMPOUNDS or sum(
            v[1] in only for v in compound_words(text, tuple(syllables), True, lexicon)) < HEAD_COMPOUNDS):
        return {}  # a word ends few compounds (面向, 通路): their order would be CC-CEDICT's again
    partner = piece_kind(Counter(glued).most_common(1)[0][0], lexicon)
    order = in_compound(text, tuple(syllables), list(candidates), False, True, True, partner, lexicon, only)
    rank = {part: k for k, part in reversed(list(enumerate(order)))}
    out = {}
    for e in candidates:
        for s in e.content:
            best = min((rank[p] for p in sense_parts(s) if p in rank), default=None)
            if best is not None:
                out[s] = HEAD_WEIGHT / (1 + best)
    return out


_POINTER_RE = re.compile(r"^(?:(?:old |archaic )?variant of|see(?: also)?|also written|same as) ([^\s\[|]+)(?:\|([^\s\[]+))?")


def _pointed(pointers: list[Entry], lexicon) -> list[Entry]:
    """The entries that pointer entries ("see 儘快|尽快[jin3 kuai4]") point at, pointers left out."""
    out = []
    for p in pointers:
        for sense in p.senses:
            m = _POINTER_RE.match(sense)
            if m:
                out += [e for e in lexicon.entries(m.group(1))
                        if not (e.variant_only or e.surname_only or e.proper) and e not in out]
    return out


def _candidates(text, syllables, entry: Entry, spans, written: bool, lexicon) -> list[Entry]:
    """The entries with the chosen reading that could be the word: not a surname, a pointer or a
    proper noun (unless the reading is that), and in a traditional article written as the article
    writes it."""
    key = reading_key(syllables)
    same = [e for e in lexicon.entries(text)
            if reading_key(e.syllables) == key and e.proper == entry.proper
            and not (e.surname_only or e.variant_only)]
    if entry not in same:
        same.append(entry)
    if all(e.variant_only for e in same):
        # the reading is only a pointer's (盡快 jìnkuài "see 儘快|尽快[jin3 kuai4]"): the word it points
        # at says what it means; the article's form and reading stay the card's
        same = _pointed(same, lexicon) or same
    own = []
    if written and spans:
        span = Counter(spans).most_common(1)[0][0]
        # the article's form is also a variant of another word with this reading (藉 for 借 jiè "by
        # means of", beside 藉 "sleeping mat"): that word competes
        variants = [e for e in _pointed([e for e in lexicon.entries(text) if e.variant_only and e.traditional == span
                                          and reading_key(e.syllables) == key], lexicon)
                    if reading_key(e.syllables) == key and len(e.simplified) == len(text)]
        # (… even where it is a candidate already: 佔 "variant of 占[zhan4]" is 占 "to take possession of")
        same += [e for e in variants if e not in same]
        own = [e for e in same if e.traditional == span] + [e for e in variants if e.traditional != span]
        if own:
            same = own
    if not own:
        # an entry whose every sense is "(variant of 才[cai2]) …" is an old form's (纔): where the article
        # does not write that form, the word it points at is the word
        same = [e for e in same if not all(x.startswith("(variant of ") for x in e.senses)] or same
    if all(parsed(x, lexicon).rare or is_reference(x) for e in same for x in e.content):
        # only a rare sense with this reading and form (台 "(classical) you (in letters)"): a
        # traditional article writes 台 for 臺 "Taiwan" (台9線, 台灣), so the entries of the other case
        # with that form compete too ("Taiwan (abbr.)")
        forms = {e.traditional for e in same}
        same += [e for e in lexicon.entries(text) if reading_key(e.syllables) == key and e not in same
                 and e.traditional in forms and not (e.surname_only or e.variant_only)]
    return same


def _short(ranked: list[tuple[float, str]], lexicon) -> list[str]:
    """The one or two senses used here: the best, and the next when it is nearly as good and both
    fit in ``SENSE_MAX`` characters once shortened."""
    usable = [(score, s) for score, s in ranked
              if not ({REF, SURNAME} & parsed(s, lexicon).classes)] or ranked
    if len(shorten(usable[0][1])) > SENSE_MAX:  # a long first sense: a short one nearly as good instead
        short = next((i for i, (score, s) in enumerate(usable[1:], 1)
                      if score >= usable[0][0] - 1.0 and len(shorten(s)) <= SENSE_MAX), None)
        if short is not None:
            usable.insert(0, usable.pop(short))
    first_score, first = usable[0]
    if len(usable) > 1 and not parsed(usable[1][1], lexicon).rare:  # never "follow-up / (dialect) to remarry"
        score, second = usable[1]
        if first_score - score <= 0.6 and len(shorten(first)) + len(shorten(second)) + 3 <= SENSE_MAX:
            return [first, second]
    return [first]


def shorten(sense: str, limit: int = SENSE_MAX) -> str:
    """``sense`` cut at a ';', ',' or '(' boundary to at most ``limit`` characters where it has one
    (else at its first boundary, if that keeps it under half again as long)."""
    if len(sense) <= limit:
        return sense
    # an abbreviation's short form is what it stands for in English, not the Chinese it abbreviates
    # ("abbr. for 國家發展和改革委員會, PRC National Development and Reform Commission (NDRC)" →
    # "PRC National Development and Reform Commission"), which a card's front could not show
    spelled = _ABBREVIATION_RE.match(sense)
    if spelled and english.unlabelled(spelled.group(1)):
        sense = spelled.group(1)
        if len(sense) <= limit:
            return sense
    # a figurative sense's qualifier says what it is said of; its short form can go without it:
    # "(fig.) (of trends, emotions etc) to bubble away; …" → "(fig.) to bubble away; …" (a literal
    # sense keeps its own: "(of the parts of a machine) to move together")
    figurative = sense.startswith(("(fig.)", "fig."))
    slimmed = " ".join(_QUALIFIER_RE.sub(" ", sense).split()) if figurative else sense
    if english.unlabelled(slimmed):
        sense = slimmed
        if len(sense) <= limit:
            return sense
    # a long sense's asides shrink: "(of markets, industries, infectious diseases etc) rising" →
    # "(of markets etc) rising"; a note on its origin or its use goes ("(orthographic borrowing from
    # Japanese "minshuku") …", "(typically preceded by 就… jiù…) as far as … is concerned")
    sense = _OF_LIST_RE.sub(r"(of \1 etc)", sense)
    aside = _ASIDE_RE.match(sense)
    if aside and english.unlabelled(sense[aside.end():]):
        sense = sense[aside.end():]
    if len(sense) <= limit:
        return sense
    # an aside inside the sense goes before the sense is cut: "to meet (or pick up) sb arriving by plane"
    # → "to meet sb arriving by plane", not "to meet"
    inner = " ".join(_INNER_ASIDE_RE.sub(" ", sense).split())
    if inner != sense and len(inner) <= limit and english.unlabelled(inner) and _whole_phrase(inner):
        return inner
    cuts = sorted(i for sep in ("; ", ", ", " (") for i in english.boundaries(sense, sep)
                  if english.unlabelled(sense[:i]) and _whole_phrase(sense[:i]))
    fitting = [i for i in cuts if 0 < i <= limit]
    if fitting:
        return sense[:fitting[-1]]
    if cuts and cuts[0] <= limit * 1.5:
        return sense[:cuts[0]]
    return sense


def _whole_phrase(piece: str) -> bool:
    """A cut sense reads as a phrase: it does not end on a word that needs what follows ("to", "a modal
    particle indicating", "of") nor stop inside an enumeration ("municipality, namely: Beijing")."""
    words = re.findall(r"[a-z.]+", piece.lower())
    if not words or words[-1] in _DANGLING or len(words) == 1 and words[0] in ("to", "of", "for"):
        return False  # a verb's own preposition ends its phrase ("to be responsible for"); "to" alone does not
    return not re.search(r"\b(?:namely|such as|e\.g\.|i\.e\.|including)\b", piece.lower())


_DANGLING = frozenset("a an the and or such namely than indicating denoting expressing meaning showing marking"
                      .split())
_INNER_ASIDE_RE = re.compile(r"(?<=\w) \((?!fig\.)[^()]*\)(?= \w)")
_ABBREVIATION_RE = re.compile(r"^(?:abbr\. (?:for|of|to) )[^\s,;a-zA-Z]+(?:\[[^\]]*\])?, (.+)$")
_OF_LIST_RE = re.compile(r"\(of ([^(),;]+?), [^()]*?etc\.?\)")
_ASIDE_RE = re.compile(r"\((?:orthographic borrowing|loanword|neologism|typically (?:preceded|followed)|used (?:in|after|before)"
                       r"|in (?:the |an )?(?:expression|combination)|followed by|preceded by)[^()]*(?:\([^()]*\)[^()]*)*\)\s*")
_QUALIFIER_RE = re.compile(r"\((?:of|esp\.|usu\.|typically|often|said of)\b[^()]*\)")


# ── abbreviations the article spells out ───────────────────────────────────

_NOMINAL_TAGS = ("n", "nz", "nt", "ns", "j", "vn", "b", "an")
_LINKS = frozenset("和 与 及".split())
_FULL_MAX = 16


def spelled_out(term: str, tokens, text: str, readings, lexicon, runs=None) -> Meaning | None:
    """The meaning of the abbreviation ``term`` from the full form the article writes out: a run of
    nominal words holding the term's characters in order and ending in its last character
    (進博會 … 中國國際進口博覽會).  None when the article has no such run.  ``runs`` is
    ``nominal_runs(tokens)``, made once per article by a caller that asks for several terms."""
    best = None
    for whole, chars in (runs if runs is not None else nominal_runs(tokens)):
        if not chars.issuperset(term):
            continue  # most runs lack one of the term's characters
        size, longest = 0, 0  # only the run's first _FULL_MAX characters can be a full form
        while longest < len(whole) and size + len(whole[longest].text) <= _FULL_MAX:
            size += len(whole[longest].text)
            longest += 1
        for end in range(longest, 0, -1):  # the full form ends where the term ends: …博覽會|城市
            run = _trim_links(whole[:end])
            form = "".join(t.text for t in run)
            if (len(term) + 2 <= len(form) <= _FULL_MAX and form[-1] == term[-1] and term not in form
                    and _initials(term, run)
                    and (best is None or len(form) > len("".join(t.text for t in best)))):
                best = run
    if best is None:
        return None
    form = "".join(t.text for t in best)
    own = "".join(text[t.start:t.end] for t in best)
    # a name's pinyin: each word capitalised, as CC-CEDICT writes proper nouns (Zhong1 guo2 Guo2 ji4 …)
    syllables = tuple(s[:1].upper() + s[1:] if k == 0 else s
                      for t in best for k, s in enumerate(readings.get(t.start, ())))
    entries = [e for e in lexicon.entries(form) if not (e.variant_only or e.surname_only)]
    if entries:
        meaning = entries[0].content[0]
    else:
        meaning = _compose_english(best, text, readings, lexicon)
        if meaning is None:
            return None  # a word of the full form no dictionary has: no English name for it
    pointer = f"abbr. for {own}|{form}[{numbered(syllables)}]" if len(syllables) == len(form) else f"abbr. for {own}"
    return Meaning(None, (meaning, pointer), (shorten(meaning),), (), False)


def nominal_runs(tokens) -> list[tuple[list, frozenset]]:
    """The article's runs of nominal words (see ``spelled_out``), each with the set of its characters."""
    return [(run, frozenset("".join(t.text for t in run))) for run in _nominal_runs(tokens)]


def _nominal_runs(tokens):
    run: list = []
    for t in tokens:
        nominal = t.kind in (WORD, TERM) and len(t.text) > 1 and t.pos.startswith(_NOMINAL_TAGS)
        if nominal or (run and t.text in _LINKS):
            run.append(t)
            continue
        if run:
            yield _trim_links(run)
        run = []
    if run:
        yield _trim_links(run)


def _trim_links(run):
    while run and run[-1].text in _LINKS:
        run = run[:-1]
    return run


def _initials(term: str, run) -> bool:
    """The term's characters in order in the run's words, the first taken from the start of a word
    (進 of 進口, 博 of 博覽會), and none left over."""
    text = "".join(t.text for t in run)
    starts = {t.start - run[0].start for t in run}
    at = text.find(term[0])
    while at >= 0 and at not in starts:
        at = text.find(term[0], at + 1)
    if at < 0:
        return False
    rest = iter(text[at + 1:])
    return all(c in rest for c in term[1:])


def _compose_english(run, text: str, readings, lexicon) -> str | None:
    """An English name for a run of words: each word's first sense, as a name is written; a word no
    dictionary has is read by its dictionary pieces (``composed.dictionary_pieces``: 重建|局 "Rebuild
    Office", 局 in the article's own character, not 侷 "narrow"), and where a character is none, there
    is no name (None)."""
    parts = []
    for t in run:
        if t.text in _LINKS:
            parts.append("and")
            continue
        written = text[t.start:t.end]
        entries = [e for e in lexicon.entries(t.text) if not (e.variant_only or e.surname_only)]
        if entries:
            parts.append(_name_gloss(next((e for e in entries if e.traditional == written), entries[0])))
            continue
        syllables = readings.get(t.start, ())
        pieces = dictionary_pieces(t.text, syllables, lexicon, written) if len(syllables) == len(t.text) else []
        if not pieces or not all(fit for _, _, fit in pieces):
            return None
        parts.extend(_name_gloss(fit[0]) for _, _, fit in pieces)
    return " ".join(parts)


def _name_gloss(entry) -> str:
    """An entry's first sense as a word of a name: no notes, no "to", each word capitalised."""
    gloss = re.sub(r"\([^()]*\)", "", entry.content[0].split(";")[0]).strip()
    gloss = gloss[3:] if gloss.startswith("to ") else gloss
    return " ".join(w[:1].upper() + w[1:] if w not in ("of", "and", "the", "for") else w for w in gloss.split())
