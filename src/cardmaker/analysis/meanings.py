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
  Tw …) or a specialist's (math., chemistry …).

The best sense's entry is the word's entry (后 "empress" or 後 "after" is
decided here; in a traditional article its own character decides).  A word
with no entry that the article spells out (進博會 for 中國國際進口博覽會) gets
the full form's meaning; any other gets its characters' senses, marked.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from cardmaker.analysis import english
from cardmaker.analysis.english import A, AUX, C, D, N, P, PARTICLE, PREFIX, Q, REF, SUFFIX, SURNAME, UNIT, V
from cardmaker.chinese.pinyin import marked, numbered, reading_key
from cardmaker.records import NAME, NUMBER, TERM, WORD, Entry, is_reference

SENSE_MAX = 40  # characters of the short sense, where the dictionary allows
COMMON_WEIGHT = 0.3
ORDER_WEIGHT = 0.6  # CC-CEDICT lists the commoner senses first, mostly
HALVE = 0.5
LESK_WEIGHT = 0.35
FIELD_WEIGHT = 2.0
ABSTRACT_FIELDS = frozenset({"economy", "finance", "politics", "law"})
FIGURATIVE = 0.8  # a figurative sense where the entry has one
FIELD_SHARE = 0.34  # a field the article speaks of a third as much as its main one, at least
FIELD_MIN = 3  # words of a field in an article about that field

_VERBAL_RE = re.compile(r"(?:to |can\b|may\b|will\b|\(bound form\)|used in|particle|classifier)")

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
_NUMERAL_CHARS = frozenset("零〇一二三四五六七八九十百千万亿两第")
_DEGREE = frozenset("很 非常 十分 特别 比较 最 更 更加 越 越来越 太 极 相当 极其 格外 尤其 较 挺".split())
_PREDICATE_BEFORE = frozenset(
    "要 将 会 能 应 应当 应该 必须 需要 可以 进一步 不断 加快 全面 积极 切实 大力 持续 努力 认真 共同 更好 "
    "着力 坚持 不 没 没有 未 已 已经 正在 正 也 都 还 就 才 又 再 将要 亲自 一起 继续 始终 主动 及时 "
    "预先 提前 事先 逐步 仍 仍然 均 再次 率先 接连 陆续 相继 同时".split()
)
_SUFFIX_CHARS = frozenset("性化家者式型率度感界员师长论主义品量")
_PREFIX_CHARS = frozenset("副总非超反准伪亚次")
_SENTENCE_END = frozenset("。！？；!?;\n")
_CLAUSE_START = frozenset("。！？；!?;\n，,、：:“”「」《》（）()")
_NOUN_TAGS = ("n", "vn", "j", "an")
_WINDOW = 5  # tokens on each side whose English is the context of an occurrence
# Paired constructions: the word, its partner a few words later, and the sense they make together.
_PAIRS = {"越": ("越", "the more"), "既": ("又也", "both"), "又": ("又", "both"), "边": ("边", "simultaneously")}
PAIRED = "paired"


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
        out = [Use(u.want, u.context, u.standalone, mine) for u in out]
    return out


def neighbour(tokens, i: int, step: int) -> int | None:
    """The index of the nearest token before (``step`` -1) or after (+1) ``i`` that is not a space
    (a line break is a neighbour: it ends a clause)."""
    j = i + step
    while 0 <= j < len(tokens) and not tokens[j].text.strip(" \t\u3000\xa0"):
        j += step
    return j if 0 <= j < len(tokens) else None


_TAG_WEIGHT = 0.6  # jieba's tag is its dictionary's, not the occurrence's: context cues weigh more
_CLOSED_TAGS = ("d", "p", "c", "f", "m", "q", "u", "r")  # … but the tags of function words hold
_LIGHT_VERBS = frozenset("进行 加以 作出 做出 给予 受到 得到 开展 加强 提出 作 做 予以 实现 完成 推进 展开 发出 作了".split())
_TIME_UNITS = frozenset("年 月 日 号 时 点 分 秒 周 天 成 代 届 次 倍".split())
# Frames: a function word read as the construction around it calls for (word → (test, part of the sense)).
_FRAMES = {
    "起": [(lambda tokens, i, prev, nxt: prev is not None and (prev.kind == NUMBER or prev.pos == "t"
                                                              or prev.text[-1:] in _TIME_UNITS), "starting from")],
    "止": [(lambda tokens, i, prev, nxt: any(tokens[j].text in ("至", "到") for j in range(max(0, i - 8), i)), "until")],
    "近": [(lambda tokens, i, prev, nxt: nxt is not None and nxt.kind == NUMBER, "approximately")],
    "左右": [(lambda tokens, i, prev, nxt: prev is not None and (prev.kind == NUMBER or prev.pos in ("m", "q")),
             "approximately")],
    "内": [(lambda tokens, i, prev, nxt: prev is not None and (prev.pos in ("t", "m", "q") or prev.text[-1:] in "年月周天时"),
           "within")],
    "几": [(lambda tokens, i, prev, nxt: nxt is not None and nxt.pos.startswith(("q", "m", "n")), "several")],
    "数": [(lambda tokens, i, prev, nxt: nxt is not None and nxt.pos.startswith("q"), "several")],
    "较": [(lambda tokens, i, prev, nxt: nxt is not None and nxt.pos.startswith(("a", "d", "v")), "relatively")],
}


def _use(tokens, i: int, lexicon) -> Use:
    t = tokens[i]
    p, n = neighbour(tokens, i, -1), neighbour(tokens, i, 1)
    prev = tokens[p] if p is not None else None
    nxt = tokens[n] if n is not None else None
    after = tokens[a] if n is not None and (a := neighbour(tokens, n, 1)) is not None else None
    cues = _cues(tokens, i, t, p, n, prev, nxt, after)
    # jieba's tag is its dictionary's, the same everywhere: where the context says what the word is
    # doing here, the tag counts for less (the tags of function words hold, though)
    weight = 1.0 if t.pos[:1] in _CLOSED_TAGS else _TAG_WEIGHT
    if weight < 1.0 and any(cues.get(k, 0) >= 0.5 for k in (N, V, A)):
        weight *= HALVE
    want = {k: w * weight for k, w in _TAG_CLASSES.get(t.pos, _TAG_CLASSES.get(t.pos[:1], {})).items()}
    if t.pos == "f":  # jieba's locatives (后, 上, 中) are tagged well: after, behind, on, in
        want[P] = 1.2
    for k, w in cues.items():
        want[k] = want.get(k, 0.0) + w
    return Use(want, frozenset(_context(tokens, i, lexicon)), len(t.text) == 1)


def _cues(tokens, i: int, t, p, n, prev, nxt, after) -> dict:
    """What the words around the occurrence say it is (kind of word → weight)."""
    cues: dict = {}
    adjacent_prev = prev is not None and prev.end == t.start
    adjacent_next = nxt is not None and nxt.start == t.end

    def add(kind, weight):
        cues[kind] = cues.get(kind, 0.0) + weight

    for test, part in _FRAMES.get(t.text, ()):
        if test(tokens, i, prev, nxt):
            add("frame:" + part, 1.0)
    clause_end = nxt is None or _CLAUSE_START.issuperset(nxt.text)
    if prev is not None:
        if adjacent_prev and (prev.kind == NUMBER or prev.text in _DEMONSTRATIVES
                              or prev.text[-1:] in _NUMERAL_CHARS or prev.text in ("几", "好几", "多", "数")):
            add(Q, 2.5 if len(t.text) == 1 else 1.0)
            add(UNIT, 2.5 if len(t.text) == 1 else 1.0)  # 2時30分, 九成, 第二代: what the number counts
        if prev.text == "的":
            add(N, 0.8)
        if prev.text in _DEGREE:
            add(A, 1.0)
        elif prev.text in _PREDICATE_BEFORE or prev.pos.startswith("d"):
            add(V, 0.6)
            add(A, 0.3)
        if prev.text in _LIGHT_VERBS or (p is not None and p > 0 and tokens[p - 1].text in _LIGHT_VERBS
                                          and prev.pos.startswith(("a", "b", "d"))):
            add(N, 0.9)  # 進行|調查, 提出|明確|要求: the object of a light verb is a noun
        if adjacent_prev and prev.kind in (WORD, TERM) and len(prev.text) >= 2:
            if prev.pos.startswith(_NOUN_TAGS + ("s",)) and t.pos.startswith(("vn", "v", "a")):
                add(N, 0.9)  # the head of a compound noun: 服務|升級, 營養|攝入
            elif prev.pos.startswith("v") and (t.pos == "vn" or t.pos.startswith("v") and clause_end):
                add(N, 0.7)  # 推介|活動, 提交|申請: a verb's object
            elif prev.pos in ("a", "b") and t.pos.startswith("v"):
                add(N, 0.5)  # 重要|指示: an adjective before it makes it a noun
        if prev.pos.startswith("r") or prev.kind == NAME:
            if adjacent_next and nxt is not None and nxt.pos.startswith(_NOUN_TAGS):
                add(V, 0.8)  # 他|代表|市委: a subject, the verb, its object
    if nxt is not None:
        if nxt.text in ("了", "着", "过"):
            add(V, 0.8)
        if nxt.text in ("为", "成", "到", "出", "起来", "下去"):
            add(V, 0.6)  # 發展|為, 分間|成: a verb and its complement
        if nxt.text in ("等", "方面", "工作") and t.pos.startswith("v"):
            add(N, 0.6)  # 知識產權保護|等
        if adjacent_next and nxt.pos.startswith("v") and nxt.kind == WORD:
            add(AUX, 1.5)  # 要|深入, 會|出席: a modal before a verb
        clause_start = prev is None or prev.text in _PREDICATE_BEFORE or _CLAUSE_START.issuperset(prev.text)
        noun_next = nxt.pos.startswith(_NOUN_TAGS) or (
            nxt.pos.startswith("v") and after is not None and after.start == nxt.end and after.pos.startswith("n"))
        if clause_start and adjacent_next and noun_next:
            add(V, 0.8)  # 完善|指揮(體系), 落實|責任: a verb and its object
        if nxt.text == "的" or (after is not None and after.text == "的" and nxt.pos.startswith(("v", "a"))):
            add(A, 0.6)  # 包容(開放)的城市: a modifier before 的
        if (adjacent_next and nxt.pos.startswith("v") and prev is not None and prev.pos.startswith(_NOUN_TAGS)
                and t.pos.startswith(("vn", "v"))):
            add(N, 0.5)  # 產業|表現|呈現: a noun phrase before the verb, its subject
        if (len(t.text) == 1 or t.pos == "p") and nxt.pos.startswith(("n", "r", "f", "s")) and any(
                tokens[j].pos.startswith("v") for j in range(n + 1, min(len(tokens), n + 4))):
            add(P, 1.8)  # 朝|我|走, 向|世界|傳遞: a preposition, its object, then the verb
    if t.text in _PAIRS:
        partners, _ = _PAIRS[t.text]
        near = range(max(0, i - 4), min(len(tokens), i + 5))
        if any(j != i and any(c in partners for c in tokens[j].text) for j in near):
            add(PAIRED, 1.0)  # 越辦越好: "the more… the more"
    if len(t.text) == 1:
        if adjacent_prev and t.text in _SUFFIX_CHARS and prev.kind in (WORD, TERM) and len(prev.text) >= 2:
            add(SUFFIX, 3.5)
        if adjacent_next and t.text in _PREFIX_CHARS and nxt.kind in (WORD, TERM, NAME):
            add(PREFIX, 2.5)
            add(A, 0.5)
    return cues


def _context(tokens, i: int, lexicon):
    words: set[str] = set()
    known, stop = lexicon.memo("gloss_words"), lexicon.stopwords  # asked for every token around every occurrence
    for step in (-1, 1):
        j, seen = i + step, 0
        while 0 <= j < len(tokens) and seen < _WINDOW:
            t = tokens[j]
            if not _SENTENCE_END.isdisjoint(t.text):
                break
            if t.kind in (WORD, TERM) and len(t.text) > 1 and t.text not in stop:
                got = known.get(t.text)
                words |= got if got is not None else _gloss_words(t.text, lexicon)
                seen += 1
            j += step
    return words


def _gloss_words(word: str, lexicon) -> frozenset[str]:
    memo = lexicon.memo("gloss_words")
    got = memo.get(word)
    if got is None:
        entries = [e for e in lexicon.entries(word) if not (e.variant_only or e.surname_only)]
        got = memo.put(word, english.content_words(" ".join(s for e in entries[:2] for s in e.senses[:3])))
    return got


def parsed(sense: str, lexicon) -> english.Sense:
    memo = lexicon.memo("parsed_senses")
    got = memo.get(sense)
    if got is None:
        got = memo.put(sense, english.parse(sense, lexicon.english, lexicon.english_zipf, lexicon.sense_fields))
    return got


def _score(sense: english.Sense, index: int, occurrences: list[Use], pair: str | None = None,
           written: bool = False, contested: bool = False, single: bool = False,
           figurative: bool = False) -> float:
    score = -ORDER_WEIGHT * math.log1p(index)
    if occurrences:
        frames = sum(w for u in occurrences for k, w in u.want.items()
                     if k.startswith("frame:") and k[6:] in sense.text)
        score += 2.5 * frames / len(occurrences)
    if pair is not None and pair in sense.text:
        score += 3.0 * sum(u.want.get(PAIRED, 0.0) for u in occurrences) / max(len(occurrences), 1)
    if occurrences:
        # an English word that can be several kinds of word ("total") fits less surely than one that can't
        sure = 1.0 if len(sense.classes - {AUX}) <= 1 else 0.75
        fit = sum(max((u.want.get(k, 0.0) for k in sense.classes), default=0.0) for u in occurrences)
        score += 1.5 * sure * fit / len(occurrences)
        overlap = sum(len(sense.words & u.context) for u in occurrences) / len(occurrences)
        score += LESK_WEIGHT * min(overlap, 2.0)
        if sense.bound and all(u.standalone for u in occurrences):
            score -= 0.8
        art = occurrences[0].topic
        if art is not None:
            spoken = max((art.field(f) for f in sense.fields), default=0) if contested else 0
            share = spoken / max(art.main, 1)
            if spoken >= 1 and share >= FIELD_SHARE:  # "to export" in an article about trade, "fan" in one about a singer
                score += FIELD_WEIGHT * share * (HALVE if single else 1.0)
        if sense.domain:
            if art is not None and any(art.field(f) >= max(FIELD_MIN, art.main / 2) for f in sense.labelled):
                score += 1.0  # "(economics) demand" in an article about the economy
            elif overlap < 1:  # (zoology) somite, (physics) mass: not in an article that never speaks of the field
                score -= 1.5
    if REF in sense.classes:
        score -= 3.0
    if SURNAME in sense.classes:
        score -= 5.0
    if sense.rare:
        score -= 1.5
    if figurative:  # an idiom in an article is meant figuratively: "fig. in a short period", not "lit. one morning …"
        if sense.text.startswith("lit."):
            score -= 1.0
        elif (sense.text.startswith(("fig.", "(fig.)")) or "fig." in sense.labels) and occurrences and (
                occurrences[0].topic is not None and occurrences[0].topic.abstract):
            score += FIGURATIVE  # the news of policy and markets speaks figuratively: 松綁 "to ease restrictions"
    # senses in everyday English are the everyday senses (to advance, not to impel; shop, not inn)
    score += COMMON_WEIGHT * max(-1.5, min(1.0, sense.commonness - 4.5))
    if sense.regional and not written:  # Taiwan and Hong Kong usages: the usual ones in a traditional article
        score -= 1.0
    return score


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
        composed = composed_senses(text, syllables, lexicon, nominal=kind == TERM)
        return Meaning(None, composed, (english_only(composed),), (), True)
    prefer, added = lexicon.sense_priorities.get((text, reading_key(syllables)), ((), ()))
    if len(candidates) == 1 and len(candidates[0].content) + len(added) <= 1:
        best = candidates[0]  # nothing to choose between
        return Meaning(best, added + best.content, tuple(shorten(s) for s in (added + best.content)[:1]),
                       best.classifiers, False)
    occurrences = occurrences()
    # the readings stage's entry (its form, its commonest word) is evidence too: 後, not 后 "empress"
    pair = _PAIRS[text][1] if text in _PAIRS else None
    ranked = []
    # senses of different fields (出口 "an exit": transport, "to export": trade; 粉丝 "vermicelli": food,
    # "fan": entertainment): the article's field decides between them
    fielded = {parsed(s, lexicon).fields for e in candidates for s in e.content} - {frozenset()}
    contested = len(fielded) > 1
    figurative = any(s.startswith(("fig.", "(fig.)")) for e in candidates for s in e.content)
    for e in candidates:
        for i, s in enumerate(added + e.content if e is candidates[0] else e.content):
            score = _score(parsed(s, lexicon), i, occurrences, pair, written, contested, len(text) == 1,
                           figurative)
            if s in added or any(p in s for p in prefer):
                score += 1.0
            if e is entry and len(candidates) > 1:
                score += 0.6
            ranked.append((score, -len(ranked), e, s))
    ranked.sort(key=lambda r: (r[0], r[1]), reverse=True)
    best = ranked[0][2]
    own = [(score, s) for score, _, e, s in ranked if e is best]
    if tag.startswith("q"):  # used as a measure word here (第六届, 各项): that sense first
        own.sort(key=lambda x: not x[1].startswith("classifier"))
    chosen = _short(own, lexicon)
    rest = tuple(s for s in (added if best is candidates[0] else ()) + best.content if s not in chosen)
    return Meaning(best, tuple(chosen) + rest, tuple(shorten(s) for s in chosen), best.classifiers, False)


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
    if written and spans:
        span = Counter(spans).most_common(1)[0][0]
        own = [e for e in same if e.traditional == span]
        if own:
            same = own
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
    # a figurative sense's qualifier says what it is said of; its short form can go without it:
    # "(fig.) (of trends, emotions etc) to bubble away; …" → "(fig.) to bubble away; …" (a literal
    # sense keeps its own: "(of the parts of a machine) to move together")
    figurative = sense.startswith(("(fig.)", "fig."))
    slimmed = " ".join(_QUALIFIER_RE.sub(" ", sense).split()) if figurative else sense
    if _bare(slimmed):
        sense = slimmed
        if len(sense) <= limit:
            return sense
    cuts = sorted(i for sep in ("; ", ", ", " (") for i in _all(sense, sep) if _bare(sense[:i]))
    fitting = [i for i in cuts if 0 < i <= limit]
    if fitting:
        return sense[:fitting[-1]]
    if cuts and cuts[0] <= limit * 1.5:
        return sense[:cuts[0]]
    return sense


_QUALIFIER_RE = re.compile(r"\((?:of|esp\.|usu\.|typically|often|said of)\b[^()]*\)")
_LABELS_RE = re.compile(r"\([^()]*\)|\b(?:fig|lit)\.")


def _bare(text: str) -> str:
    """``text`` without its labels: empty when a cut would leave a label alone ("(fig.)")."""
    return _LABELS_RE.sub("", text).strip(" ;,")


def _all(text: str, sep: str):
    """Where ``sep`` occurs in ``text`` outside parentheses."""
    i = text.find(sep)
    while i >= 0:
        if text.count("(", 0, i) == text.count(")", 0, i):
            yield i
        i = text.find(sep, i + 1)


def english_only(composed: tuple[str, ...]) -> str:
    """A composed meaning (``进 jìn: to go forward; …``) as English alone, for a card's front."""
    parts = []
    for piece in composed:
        gloss = piece.split(": ", 1)[-1].split("; ")[0]
        gloss = re.sub(r"^\([^()]*\)\s*", "", gloss)
        if gloss and gloss != "?":
            parts.append(gloss)
    return " + ".join(parts)


def composed_senses(word: str, syllables: tuple[str, ...], lexicon, nominal: bool = False) -> tuple[str, ...]:
    """Meaning of a word with no entry, from its characters' entries for their readings.

    The last character of a noun-like term (进博会) is the head noun, so its noun
    senses come first ("meeting" rather than "can" for 会).
    """
    memo = lexicon.memo("composed")
    key = (word, syllables, nominal)
    got = memo.get(key)
    if got is not None:
        return got
    title = _TITLES.get(word[1:])
    if title and any(x.startswith("surname ") for e in lexicon.entries(word[0]) for x in e.senses):
        surname = marked(syllables[0])  # 陈先生: Mr. Chén, not "to lay out + early + life"
        return memo.put(key, (f"{word} {' '.join(marked(x) for x in syllables)}: {title} {surname[:1].upper()}"
                              f"{surname[1:]}",))
    out = []
    for at, size, fit in _pieces(word, syllables, lexicon):
        piece, syl = word[at:at + size], syllables[at:at + size]
        chosen = [x for x in fit[0].senses if not is_reference(x)] if fit else []
        if nominal and at + size == len(word):
            chosen = [x for x in chosen if not _VERBAL_RE.match(x)] or chosen
        out.append(f"{piece} {' '.join(marked(x) for x in syl)}: {'; '.join(chosen[:2]) or '?'}")
    return memo.put(key, tuple(out))


# a surname and one of these (simplified: what ``composed_senses`` is given) is a person: 陈先生 Mr. Chén
_TITLES = {"先生": "Mr.", "小姐": "Ms.", "女士": "Ms.", "太太": "Mrs.", "老师": "teacher", "医生": "Dr.",
           "教授": "Professor", "婆婆": "Granny"}


def _pieces(word: str, syllables, lexicon) -> list[tuple[int, int, list]]:
    """``word`` as (start, size, entries) of dictionary words read as here, the fewest pieces, and
    among those the one whose rarest piece is commonest (几|分钟, not 几分 "somewhat" | 钟 "cup");
    a piece's reading may differ in its tones only (先生 xiānsheng in 黄先生)."""
    def fitting(at: int, size: int) -> list | None:
        piece, syl = word[at:at + size], syllables[at:at + size]
        entries = [e for e in lexicon.entries(piece) if not e.variant_only and not e.surname_only]
        entries = [e for e in entries if not e.proper] or entries  # 商 "commerce", not the dynasty
        if size == 1:
            key = reading_key(syl)
            return [e for e in entries if reading_key(e.syllables) == key] or entries
        if piece[0] == "不" or size == len(word):  # 放心|不|下: a complement; the word itself has no entry
            return None
        key, bare = reading_key(syl), _toneless(syl)
        return [e for e in entries if reading_key(e.syllables) == key] or \
            [e for e in entries if _toneless(e.syllables) == bare] or None

    n = len(word)
    best: list = [None] * (n + 1)  # position → (pieces, -rarest zipf, path)
    best[0] = (0, float("-inf"), ())
    for at in range(n):
        if best[at] is None:
            continue
        count, rarest, path = best[at]
        for size in range(1, min(4, n - at) + 1):
            fit = fitting(at, size)
            if fit is None:
                continue
            zipf = lexicon.frequency(word[at:at + size]) if size > 1 else 7.0
            option = (count + 1, max(rarest, -zipf), path + ((at, size, fit),))
            if best[at + size] is None or option[:2] < best[at + size][:2]:
                best[at + size] = option
    return list(best[n][2])


def _toneless(syllables) -> str:
    return re.sub(r"[0-5]", "", reading_key(syllables))


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
        meaning = _compose_english(best, lexicon)
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


def _compose_english(run, lexicon) -> str:
    """An English name for a run of words: each word's first sense, as a name is written."""
    parts = []
    for t in run:
        if t.text in _LINKS:
            parts.append("and")
            continue
        entries = [e for e in lexicon.entries(t.text) if not (e.variant_only or e.surname_only)]
        gloss = entries[0].content[0] if entries else t.text
        gloss = re.sub(r"\([^()]*\)", "", gloss.split(";")[0]).strip()
        gloss = gloss[3:] if gloss.startswith("to ") else gloss
        parts.append(" ".join(w[:1].upper() + w[1:] if w not in ("of", "and", "the", "for") else w
                              for w in gloss.split()))
    return " ".join(parts)
