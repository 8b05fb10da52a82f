"""Example sentences a learner can read: whole clauses from the article's prose, one per word.

An example is one clause or a run of whole clauses of a title or body sentence
(what the layout stage keeps as prose) that holds the word, 8–40 characters
where the article allows: it starts and ends at a sentence or clause boundary
(。！？；，、： and line breaks; closing quotes and brackets stay with their
clause).  When every clause holding the word is long, another occurrence is
preferred; a long clause is cut only where a phrase ends (before a preposition
or conjunction, after a time or place phrase), and the cut is marked "…".
A run that stops after a fronted topic or adverbial phrase (根據…調查，|,
在各種干預手段中，|) is kept with the clause it belongs to, and a headline-like
line is used only when the prose has no example; a run that opens after a comma
with a verb, adverb, preposition or conjunction (…，加快淨零轉型) gives way, where
one fits, to the run that holds its subject (a copula, …，是指…, to it though a
little past 40 characters).  An example holds both halves of a paired construction
(越…越, 不僅…還: ``constructions.PAIRED``) or neither, and a word inside a 、
list gets the list whole rather than an example that starts or stops between two
items.  Examples with replacement
characters, mojibake, footnote markers, links, unbalanced brackets or quotes,
or too little Chinese besides the word are never used.  One example serves at
most three words while another as good has room (a whole clause may serve a
fourth rather than give a word a cut one: see ``_RELAXED``), and sentences whose
other words are common, or are cards of the deck themselves, are preferred.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right

from cardmaker.analysis.constructions import Pairs
from cardmaker.analysis.forms import traditional_text
from cardmaker.analysis.spelling import example_pinyin
from cardmaker.analysis.vocabulary import Analysis
from cardmaker.chinese.script import HAN_RE as _HAN_RE
from cardmaker.records import DAMAGED, FRAGMENT, NAME, NUMBER, TERM, Example, Word

MIN_LEN, MAX_LEN = 8, 40
LONG_MAX = 60           # a clause with nowhere to cut may be this long, when nothing shorter exists
MAX_SHARED = 3          # words one example serves while others exist
MAX_CANDIDATES = 24     # occurrences looked at per word: enough choice, bounded work on long texts
ELLIPSIS = "…"

_STRONG = "。！？!?；;"
_COLONS = "：:︰﹕"
_WEAK = "，,、：:︰﹕"  # ︰ and ﹕ are the colon as Hong Kong and Taiwan fonts set it
_CLOSERS = "」』”’）)】》〉\"'"
_OPENERS = "「『“‘（(【《〈"
_QUOTE_OPENERS, _QUOTE_CLOSERS = "「『“‘（【《〈", "」』”’）】》〉"  # Chinese quotations and brackets
_PAIRS = {"「": "」", "『": "』", "“": "”", "‘": "’", "（": "）", "(": ")", "【": "】", "《": "》", "〈": "〉"}
_DAMAGE = "\ufffd"  # what a decoder put for bytes it could not read
# sentences examples come from: a damaged clause gives its clean part, cut where the damage ends
_PROSE = ("title", "body", DAMAGED)
# a section's or list item's number before its text: 三、, 2. , （一）
_NUMBERING_RE = re.compile(r"(?:(?:[一二三四五六七八九十]{1,3}|\d{1,2})[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)])"
                           r"\s*(?=[\u4e00-\u9fff])")
_ITEM = 6  # a list item shorter than this (花蓮、臺東) is no clause of its own
_MOJIBAKE_RE = re.compile("[\ufffd]|[\u00c0-\u024f\u0370-\u03ff\u2500-\u25ff]{2,}|锟斤拷|烫烫")
_FOOTNOTE_RE = re.compile(r"\[\s*(?:\d{1,3}|注\s*\d*|[A-Za-z])\s*\]|［\d{1,3}］|【\d{1,3}】|[①-⑳¹²³⁴⁵⁶⁷⁸⁹⁰]")
# 他表示，|要…: the clause after a speaker and a speech verb reads better with its speaker
_SAID_RE = re.compile("(?:表示|指出|强调|強調|认为|認為|说|說|称|稱|透露|介绍|介紹|提到|坦言|直言|呼吁|呼籲|提醒|宣布|"
                      "宣佈|表明|坦承|建议|建議|警告|解释|解釋|预估|預估|估计|估計|说明|說明|显示|顯示|发现|發現|"
                      "认识到|認識到|意识到|意識到|觉得|覺得|相信|承认|承認|深知|坚信|堅信)[，,：:︰﹕][「“『]?\\s*$")
# speech verbs that are nouns too (學者建議， but 收購建議，); jieba's tags don't tell them apart
_SAID_NOUNS = frozenset("建议 说明 发现 介绍 解释 警告 提醒 估计 预估".split())
_LINK_RE = re.compile(r"https?://|www\.|\w@\w|\.(?:com|org|net|html?)\b", re.I)
# where a long clause may be cut: before these words a new phrase begins …
_PHRASE_STARTS = frozenset("在 对 对于 把 将 为 向 从 以 与 和 并 并且 而 及 以及 同时 通过 根据 按照 围绕 由 被 让 使 给 就 也 还 都 已 已经 正在 要 会 能 可 可以 应 需要 进一步".split())
# modal verbs, which go with the verb after them (持有單位應當|將有關情況報…)
_MODALS = frozenset("应当 应该 应 须 必须 需 需要 要 能 能够 可 可以 会 将 得以 愿意 敢 肯".split())
# … and after these a time or place phrase has ended
_PHRASE_ENDS = frozenset("上 中 下 后 前 时 里 内 外 间 方面 以来 期间 之后 之前 以后 以前 时候 当中 之间 方面".split())
# A clause that opens with these (根據…調查，|對於…的現象，) or closes with those (出口業者申請週轉金時，
# |在融資方面，) is a fronted topic or adverbial: it says nothing until the clause after it
_LEAD_INS = frozenset("对 对于 关于 至于 根据 依据 按照 针对 随着 为了 除了 由于 因为 虽然 尽管 如果 假如 即使 只要 "
                      "只有 一旦 当 自从 经过 通过 透过 作为 面对 鉴于 基于 本着 围绕 截至 若 倘若 假若 如若 要是 万一 加上 "
                      "即便 哪怕 纵然 无论 不论 不管 每当 每逢 依照 遵照 参照 凭借 借助 经由 因应 等到 "
                      "既 不仅 不但 不只 一方面".split())  # the first half of a pair: 既…又…, 不僅…也…
# after a subject: 業者如接獲可疑電話，|政府除了提供…措施，|他不僅…，
_IF = frozenset("如 如果 假如 若 即使 虽然 尽管 只要 一旦 因为 除了 不仅 不但 不只 只有 既 每逢 每当".split())
# A clause that opens with these goes on from the clause before it (…，但當局不應…, …，並與…合作, …，才能…,
# …，也會…): alone, it reads as a fragment whose subject or premise is missing
_LINKS_BACK = frozenset("但 但是 可是 不过 然而 而 而且 并 并且 且 更 更是 才 才能 也 还 又 就 却 因此 所以 因而 从而 进而 "
                        "于是 否则 甚至 加上 以及 及 同时 此外 另外 以便 以免 并且 都 只是 反倒 反而 仍 仍然 则 便 亦 也是".split())
# connectives that open a sentence's next step (首先，…, 例如，…), besides ``_LINKS_BACK``
_CONNECTIVES = frozenset("首先 其次 然后 最后 总之 例如 比如 其中 结果 换言之".split())
# what may stand before a fronted phrase in its clause: 要按照…, 應根據…, 也針對…
_BEFORE_LEAD_IN = frozenset("要 应 应该 应当 将 会 能 可 也 还 都 就 并 更 须 必须 需 需要 仍 正 已 已经 再 均 则 "
                             "而 但 但是 可是 不过 然而 所以 因此 同时 此外 另外".split())  # 而|作为…的部门
_AND = frozenset("及 和 与 或 以及 跟 同".split())  # links inside a noun phrase (菜公、圳寮及西畔等村落)
_PLACE_ENDS = frozenset("上 中 下 里 内 外 间 之中 之下 之间 当中".split())  # 在…中, 在…上: a place
_LEAD_OUTS = frozenset("的 时 时候 后 之后 以后 前 之前 以前 方面 来说 而言 之际 以来 期间 同时 看来 来看 为例 "
                       "过程中 基础上 背景下 情况下 之外 以外 之余".split())


class _Clauses:
    """The clauses of every prose sentence, found once: a sentence's clauses are a range of ``spans``."""

    def __init__(self, sentences):
        self.spans: list[tuple[int, int]] = []
        self.ranges: list[tuple[int, int]] = []  # per sentence: first and last clause index
        self.labels: set[int] = set()            # offsets where an article number opens a sentence
        for s in sentences:
            first = len(self.spans)
            for a, b in _clauses(s.text, s.start):
                prev = self.spans[-1] if len(self.spans) > first else None
                # 明、後兩天: the items of a short list stay together
                if prev is not None and s.text[prev[1] - s.start - 1] == "、" and min(prev[1] - prev[0], b - a) < _ITEM:
                    self.spans[-1] = (prev[0], b)
                else:
                    self.spans.append((a, b))
            label = _LABEL_RE.match(s.text)
            if label and len(self.spans) > first and self.spans[first][1] > s.start + label.end():
                # 第二十九条|在艰苦地区…: a law's article number opens its sentence as a clause of its own
                a, b = self.spans[first]
                self.spans[first:first + 1] = [(a, s.start + label.end()), (s.start + label.end(), b)]
                self.labels.add(a)
            if len(self.spans) == first:  # a sentence with no text: keep the ranges aligned
                self.spans.append((s.start, s.end))
            self.ranges.append((first, len(self.spans) - 1))
        self.starts = [a for a, _ in self.spans]
        self.leads: dict[int, bool] = {}      # clause index → it is a fronted phrase (``_leads_in``)
        self.links: dict[int, bool] = {}      # clause index → it goes on from the one before (``_hangs``)
        self.headlines: dict[int, bool] = {}  # sentence index → it is a headline-like line (``_headline``)
        self.opens: dict[int, bool] = {}      # offset → a run starting there lacks its subject (``_continues``)

    def at(self, offset: int, lo: int, hi: int) -> int:
        return max(lo, min(hi, bisect_right(self.starts, offset, lo, hi + 1) - 1))


def _han(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff"


def _clauses(text: str, offset: int):
    """(start, end) of each clause of a sentence: a clause ends after punctuation (with the closing
    quotes that follow it), at a line break, at a space between Chinese characters (how headlines
    separate their parts) and where a quotation opens or closes (赋予进博会|“中国构建…格局的窗口、)."""
    start, i, n = 0, 0, len(text)
    while i < n:
        c = text[i]
        end = None
        if c in _STRONG or c in _WEAK:
            j = i + 1
            while j < n and (text[j] in _STRONG or text[j] in _WEAK or text[j] in _CLOSERS):
                j += 1
            end = j
        elif c == "\n" or (c == " " and 0 < i < n - 1 and _han(text[i - 1]) and _han(text[i + 1])):
            end = i + 1
        if end is None:
            i += 1
            continue
        if text[start:end].strip():
            yield offset + start, offset + end
        start = i = end
    if text[start:].strip():
        yield offset + start, offset + n


class _Index:
    """Tokens by position, with running counts of Han and of common tokens, so that the tokens
    inside a stretch of text, and how common they are, are found without walking them.  The
    numbers are kept in arrays of machine integers (a list of Python ints takes 36 bytes a token)."""

    def __init__(self, tokens, lexicon, deck_words=frozenset()):
        self.tokens = tokens
        self.starts = array("q", (t.start for t in tokens))
        self.ends = array("q", (t.end for t in tokens))
        stop = lexicon.stopwords
        level = lexicon.hsk_level
        self.han = array("q", [0])
        self.common = array("q", [0])
        han_total = common_total = 0
        for t in tokens:
            han = bool(_HAN_RE.search(t.text))
            easy = t.text in stop or (level(t.text) or 99) <= 4 or t.text in deck_words
            han_total += han
            common_total += han and easy
            self.han.append(han_total)
            self.common.append(common_total)

    def at(self, offset: int) -> int:
        """The index of the token holding ``offset`` (-1 before the first)."""
        return bisect_right(self.starts, offset) - 1

    def range(self, start: int, end: int) -> tuple[int, int]:
        """Indices of the tokens that lie wholly inside [start, end)."""
        i = bisect_left(self.starts, start)
        return i, max(i, bisect_right(self.ends, end))


def _commonness(index: _Index, start: int, end: int, span) -> float:
    """The share of the other Han tokens of the stretch that are function words, HSK 1–4 or cards."""
    i, j = index.range(start, end)
    han, common = index.han[j] - index.han[i], index.common[j] - index.common[i]
    k = bisect_left(index.starts, span[0], i, j)
    if k < j and index.starts[k] == span[0]:  # the word itself does not count
        han -= index.han[k + 1] - index.han[k]
        common -= index.common[k + 1] - index.common[k]
    return common / han if han else 0.0


class _Context:
    """What choosing examples in one article looks things up in."""

    def __init__(self, analysis: Analysis, lexicon, words=()):
        self.analysis = analysis
        self.lexicon = lexicon
        self.text = analysis.article.text
        self.tokens = _Index(analysis.tokens, lexicon, frozenset(w.simplified for w in words))
        self.sentences = analysis.article.sentences
        self.sentence_starts = [s.start for s in self.sentences]
        self.clauses = _Clauses(self.sentences)
        self.banned: dict = {}  # stretch of text → (its flaw or None, its Han characters): see ``banned``
        self.pairs = Pairs(list(analysis.tokens), analysis.simplified)  # 越…越, 雖然…但是: an example holds both halves or neither


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Without spaces, trailing commas and colons, and unmatched quotes or brackets at either end."""
    while start < end and text[start] in " \u3000\t":
        start += 1
    numbered = _NUMBERING_RE.match(text, start, end)
    if numbered and numbered.end() < end:
        start = numbered.end()  # 三、|衰老如何影響肌肉幹細胞: a section's number is no part of its heading
    while True:
        while end > start and text[end - 1] in _WEAK + " \u3000\t\n":
            end -= 1
        piece = text[start:end]
        if piece[:1] in _OPENERS and _PAIRS[piece[0]] not in piece[1:]:
            start += 1  # 「但安全最重要 → 但安全最重要
            continue
        if piece[-1:] in _CLOSERS and not _opened(piece[:-1], piece[-1]):
            end -= 1    # 最重要」 → the quote opened in an earlier clause
            continue
        if piece[-1:] in _STRONG and piece[-2:-1] in _CLOSERS and not _opened(piece[:-2], piece[-2]):
            end -= 2    # 也能賣個好價錢”。 → the quote and its sentence's stop, both opened before
            continue
        return start, end


def _opened(text: str, closer: str) -> bool:
    opener = next((o for o, c in _PAIRS.items() if c == closer), None)
    if opener is None:  # a straight quote: balanced when it occurs an even number of times
        return text.count(closer) % 2 == 1
    return text.count(opener) > text.count(closer)


def banned(text: str, word_length: int, memo: dict | None = None) -> str | None:
    """Why ``text`` may not be an example, or None.  ``memo`` (one per article) remembers what
    ``text`` itself is, for the other words whose windows are the same stretch."""
    got = memo.get(text) if memo is not None else None
    if got is None:
        got = _flaw(text), len(_HAN_RE.findall(text))
        if memo is not None:
            memo[text] = got
    flaw, han = got
    if flaw is not None:
        return flaw
    if han - word_length < 3:
        return "too little Chinese besides the word"
    return None


def _flaw(text: str) -> str | None:
    """Why ``text`` may not be an example whatever word it shows, or None."""
    if _MOJIBAKE_RE.search(text):
        return "mojibake or replacement characters"
    if _FOOTNOTE_RE.search(text):
        return "a footnote marker"
    if _LINK_RE.search(text):
        return "a link"
    if not _nested(text):
        return "unbalanced brackets or quotes"
    if text.count('"') % 2:
        return "unbalanced brackets or quotes"
    return None


_CLOSING = {c: o for o, c in _PAIRS.items()}


def _nested(text: str) -> bool:
    """Every bracket and quote closes one opened before it, and every one opened is closed: 下同）的…（以下称
    has as many of each as it should, in the wrong order."""
    depth = dict.fromkeys(_PAIRS, 0)
    for c in text:
        if c in _PAIRS:
            depth[c] += 1
        elif c in _CLOSING:
            if depth[_CLOSING[c]] == 0:
                return False
            depth[_CLOSING[c]] -= 1
    return not any(depth.values())


def _cut_points(context: _Context, start: int, end: int) -> list[int]:
    """Offsets inside [start, end) where a long clause may be cut without splitting a phrase."""
    index = context.tokens
    i, j = index.range(start, end)
    out = []
    for k in range(i + 1, j):
        before, here = index.tokens[k - 1], index.tokens[k]
        if (before.text in _PHRASE_STARTS or before.text in "、，,"
                or before.pos.startswith(("d", "p", "c")) and before.text not in _PHRASE_ENDS):
            continue  # 也|能賣個好價錢, 租客則|可申請: an adverb or a preposition goes with what follows
            # it; nor is a list cut after its 、
        opening = k < 2 or not _HAN_RE.search(index.tokens[k - 2].text)
        if before.text in ("前", "原", "现", "下") and opening and before.end == here.start and here.pos.startswith(("n", "vn")):
            continue  # ，前|教練 "former coach": opening its clause, a prefix of the noun after it, no phrase's end
        if here.text in _PHRASE_STARTS or before.text in _PHRASE_ENDS or before.pos == "t":
            out.append(here.start)
    text = context.text
    # a damaged clause's clean part, without the pieces of words the damage touches:
    # 這項方案\ufffd\ufffd於|明年1月1日起受理申請, 各地的中小企業|服\ufffd\ufffd\ufffd中心
    for t in index.tokens[i:j] if _DAMAGE in text[max(0, start - 1):end + 1] else ():
        if _DAMAGE in t.text:
            continue
        if t.start > 0 and text[t.start - 1] == _DAMAGE:
            out.append(t.end)
        if text[t.end:t.end + 1] == _DAMAGE:
            out.append(t.start)
    for p in range(start + 1, end):  # a quotation is a phrase of its own: 賦予進博會|“中國構建…格局的窗口
        if text[p] in _QUOTE_OPENERS or text[p - 1] in _QUOTE_CLOSERS:
            out.append(p)
    return sorted(set(out))


def _after_modal(context: _Context, point: int) -> bool:
    """A cut at ``point`` would end an example on a modal verb (持有單位應當|…): a window may begin
    there (…按照隸屬關係事先征得…同意), never end."""
    k = context.tokens.at(point - 1)
    return k >= 0 and context.tokens.tokens[k].end == point and context.tokens.tokens[k].text in _MODALS


def _leads_in(context: _Context, start: int, end: int) -> bool:
    """Whether the clause [start, end) is a fronted topic or adverbial phrase with no main clause:
    根據經濟部近期針對2000家製造業者所做的調查, 在匯率避險方面, 在不少地方 (在 and no verb after it),
    出口業者向銀行申請營運週轉金時, or a speaker before a comma (陳立言上午召開記者會表示)."""
    index = context.tokens
    i, j = index.range(start, end)
    words = [t for t in index.tokens[i:j] if _HAN_RE.search(t.text)]
    if not words:
        return False
    k = 0
    while k < len(words) - 1 and words[k].text in _BEFORE_LEAD_IN:
        k += 1  # 要|按照中央要求和市委部署: a modal or an adverb before the fronted phrase
    first, last = words[k], words[-1]
    if all(t.text in _LINKS_BACK or t.text in _CONNECTIVES for t in words):
        return True  # …的前面，|因此，|…: a connective alone, what it connects still to come
    if first.text in _LEAD_INS or last.text in _LEAD_OUTS or (len(words) > 2 and words[1].text in _IF):
        return True
    at = max((m for m, t in enumerate(words) if t.text in ("在", "于", "於")), default=-1)
    if 0 < at < len(words) - 1 and (last.text in _PLACE_ENDS or last.text in _LEAD_OUTS) and not any(
            t.pos.startswith("v") and t.pos != "vn" for t in words[at + 1:]) and not words[at - 1].pos.startswith("v"):
        # 要求清潔工人|在數小時內，|清理…: the act a time or place is set for is still to come (after its
        # verb, 吹拂|在中華大地上, the place completes it)
        return True
    verbs = [t for t in words[k + 1:] if t.pos.startswith("v") and t.pos != "vn"]
    if first.text == "在" and (last.text in _PLACE_ENDS or not verbs or verbs == [words[k + 1]]):
        return True  # 在各種干預手段中, 在不少地方: a place or a field, the clause that acts in it is still to
        # come; 在|聽到一聲巨響: upon an act, what follows it still to come
    if first.text in ("在", "以") and _noun_after_de(words):
        # 在北河街經營時鐘維修舖超過四十年的鍾先生: a subject its relative clause describes;
        # 以“時時放心不下”的責任感: the manner of the act still to come
        return True
    if (_noun_after_de(words, loose=True) and not any(
            t.pos.startswith(("v", "c", "p", "d")) and t.pos != "vn" and t.text not in _AND or "是" in t.text
            for t in words) and _predicate_next(context, end)):
        # 年產3.2萬噸電解鋁的山西宏達鋁廠，|接到了…: a subject with no verb, its predicate in the next clause
        return True
    if (context.text[start:end].rstrip(" \u3000")[-1:] in _COLONS or context.text[end:end + 1] in _COLONS) and (
            last.pos.startswith("v") and last.pos != "vn" or last.text in ("如下", "以下")):
        return True  # 圈內好友包括：|范曉萱、周俊偉…: the verb's object is what the colon opens, still to come
    if _relative_subject(words) and _subjectless_next(context, end):
        # 外界宣稱的龍捲風，|其實是「下沖氣流」, 這個…應運而生的新理念，|為我們…: a noun its relative clause
        # (a verb right before 的) describes, the subject of the clause after it
        return True
    if all(_time_piece(t) for t in words) and any(t.pos.startswith("t") for t in words) and _predicate_next(context, end):
        return True  # 上午七時左右，|他正好外出: a time and nothing else, what happens then still to come
    return _said(context, start, end)


_ABOUT = frozenset("左右 前后 前後 许 許 多 起 以来 之后 之前 后 後 前 时 時 点 點 分 日 号".split())


def _time_piece(t) -> bool:
    """A piece of a time phrase: a time word, a number, a measure word or an "about" (上午|七|时|左右)."""
    return t.pos.startswith(("t", "m", "q")) or t.kind == NUMBER or t.text in _ABOUT


def _relative_subject(words) -> bool:
    """The clause ends in 的 and nouns only, and its one verb (or set phrase) stands right before that 的:
    a relative clause and its noun, no predicate (外界宣稱的龍捲風; not 要保持…的責任感)."""
    de = max((k for k, t in enumerate(words) if t.text == "的"), default=-1)
    verbs = [t for t in words[:de] if t.pos.startswith(("v", "i", "l")) and t.pos != "vn"]
    return (0 < de < len(words) - 1 and verbs == [words[de - 1]] and not words[0].pos.startswith(("d", "c"))
            and words[0].text not in _MODALS
            and all(t.pos.startswith("n") and t.kind != NAME or t.kind in (FRAGMENT, TERM) for t in words[de + 1:]))


def _subjectless_next(context: _Context, end: int) -> bool:
    """The clause after ``end`` opens with its predicate: an adverb, a verb or a preposition (…，其實是…)."""
    k = context.clauses.at(end, 0, len(context.clauses.spans) - 1)
    a = context.clauses.spans[k][0]
    return a >= end and _continues(context, a)


def _predicate_next(context: _Context, end: int) -> bool:
    """The clause after ``end`` holds a verb (…，接到了…, …，利用炭黑尾氣發了電): the predicate."""
    index = context.tokens
    k = context.clauses.at(end, 0, len(context.clauses.spans) - 1)
    a, b = context.clauses.spans[k]
    if a < end:
        return False
    i, j = index.range(a, b)
    return any(t.pos.startswith("v") and t.pos != "vn" for t in index.tokens[i:j])


def _said(context: _Context, start: int, end: int) -> bool:
    """Whether [start, end) ends with a speech verb and its comma (他表示，): a speaker, the words to come.
    The same word as a noun (…的收購建議，) ends a clause of its own."""
    m = _SAID_RE.search(context.text, start, end)
    if not m:
        return False
    index = context.tokens
    k = index.at(m.start())
    if k < 0 or index.tokens[k].start != m.start():
        return False  # 小說，: the end of another word
    if index.tokens[k].text not in _SAID_NOUNS:
        return True
    # a 的 before tells the noun (…的|建議，, …的|收購|建議，), unless what stands between is the
    # speaker (…開展的|調查|發現，)
    before = index.tokens[max(0, k - 2):k]
    return not (before and before[-1].text == "的"
                or len(before) == 2 and before[0].text == "的" and before[1].pos == "v")


def _noun_after_de(words, loose: bool = False) -> bool:
    """The clause's words end with 的 and nouns only (…四十年的|鍾先生): a noun phrase, no predicate;
    ``loose``: a piece no dictionary has counts as a noun too (志信|化工|公司, a company's name)."""
    de = max((k for k, t in enumerate(words) if t.text == "的"), default=-1)
    return 0 < de < len(words) - 1 and all(t.pos.startswith(("n", "r")) and t.pos != "nd"
                                           or loose and t.kind in (FRAGMENT, TERM, NAME) for t in words[de + 1:])


def _dangles(context: _Context, j: int, last: int) -> bool:
    """Whether a run of clauses ending with clause ``j`` (of a sentence whose last is ``last``) stops
    after a fronted phrase, before the clause it belongs to."""
    if j >= last:
        return False
    got = context.clauses.leads.get(j)
    if got is None:
        got = context.clauses.leads[j] = _leads_in(context, *context.clauses.spans[j])
    return got


def _hangs(context: _Context, i: int, first: int) -> bool:
    """Whether a run of clauses starting with clause ``i`` (of a sentence whose first is ``first``)
    opens with a word that goes on from the clause before it (但, 並, 才能, 也)."""
    if i <= first:
        return False
    got = context.clauses.links.get(i)
    if got is None:
        index = context.tokens
        a, b = index.range(*context.clauses.spans[i])
        opening = next((t.text for t in index.tokens[a:b] if _HAN_RE.search(t.text)), "")
        got = context.clauses.links[i] = opening in _LINKS_BACK
    return got


# A clause after a comma that opens with a verb, an adverb, a preposition or a conjunction (…，加快淨零轉型,
# …，擺脫低價競爭) goes on with the subject of the clause before: a run that starts with the clause
# holding its subject reads as a whole, where it fits
SUBJECTLESS = 1.0
_CONTINUING = ("v", "d", "p", "c")


def _continues(context: _Context, start: int) -> bool:
    """Whether the run starting at ``start`` (after a comma) opens with a word that takes its subject
    from the clause before (``_CONTINUING``)."""
    got = context.clauses.opens.get(start)
    if got is None:
        index = context.tokens
        i = max(0, index.at(start))
        first = next((t for t in index.tokens[i:i + 4] if t.end > start and _HAN_RE.search(t.text)), None)
        got = context.clauses.opens[start] = bool(first) and first.pos.startswith(_CONTINUING) and first.pos != "vn"
    return got


def _headline(context: _Context, s: int) -> bool:
    """Whether body sentence ``s`` is a headline-like line: a whole line of at most ``MAX_LEN``
    characters with no final punctuation (a section heading 三、衰老如何影響肌肉幹細胞, a subtitle)."""
    got = context.clauses.headlines.get(s)
    if got is None:
        sentence, text = context.sentences[s], context.text
        a = text.rfind("\n", 0, sentence.start) + 1
        b = text.find("\n", sentence.end)
        line = text[a:b if b >= 0 else len(text)].strip(" \u3000\t")
        got = context.clauses.headlines[s] = len(line) <= MAX_LEN and line.rstrip(_CLOSERS)[-1:] not in _STRONG + "…."
    return got


def _lists(text: str, clause) -> bool:
    """Whether a clause ends with 、 (the next one is the next item of the same list)."""
    return text[clause[0]:clause[1]].rstrip(" \u3000\t").endswith("、")


def _windows(context: _Context, first: int, last: int, span):
    """Runs of whole clauses (first..last of one sentence) around ``span`` as (start, end, cut, starts
    the sentence, ends it, reads as a fragment: stops after a fronted phrase or opens going on from the
    clause before), falling back to cutting the word's own clause
    where a phrase ends."""
    spans = context.clauses.spans
    k = context.clauses.at(span[0], first, last)
    k_end = context.clauses.at(max(span[1] - 1, span[0]), first, last)
    found = []
    word_length = span[1] - span[0]
    text = context.text
    for i in range(k, first - 1, -1):
        for j in range(k_end, last + 1):
            start, end = _trimmed(text, spans[i][0], spans[j][1])
            if end - start > MAX_LEN:
                break
            if banned(text[start:end], word_length, context.banned) is None:
                # 、 separates the items of a list: a run that starts or ends inside one is cut, and says so
                inside_list = (i > first and _lists(text, spans[i - 1]), j < last and _lists(text, spans[j]))
                found.append((start, end, inside_list, i == first, j == last,
                              _dangles(context, j, last) or _hangs(context, i, first), False))
        if spans[k_end][1] - spans[i][0] > MAX_LEN:
            break
    if found and all(f[5] for f in found) and k_end < last:
        # every run is a fronted phrase alone (透過…等措施，|) and the clause it belongs to is too long
        # to add whole: the phrase and that clause cut where a phrase of it ends, marked
        own_end = _trimmed(text, spans[k][0], spans[k_end][1])[1]
        found += _completed(context, [f for f in found if f[1] == own_end], spans[k_end + 1], span, word_length)
    if found:
        return found + _spilled(context, [f for f in found if f[5]], first, last, word_length) \
            + _wholes(context, found, first, last, word_length) + _listed(context, found, first, last, span)
    if k > first and spans[k][1] - spans[k - 1][0] > MAX_LEN:
        # a clause too short to stand alone (，給以處罰。) after one too long to add whole: the long one
        # from where a phrase of it begins, marked (…按照《…條例》等有關規定，給以處罰。)
        end = _trimmed(text, spans[k][0], spans[k_end][1])[1]
        for left in _cut_points(context, max(spans[k - 1][0], end - MAX_LEN), spans[k - 1][1]):
            start = _trimmed(text, left, end)[0]
            if MIN_LEN <= end - start <= MAX_LEN and banned(text[start:end], word_length, context.banned) is None:
                found.append((start, end, (True, k_end < last and _lists(text, spans[k_end])), False, k_end == last,
                              False, False))
        if found:
            return found
    # one clause longer than an example: a window between phrase boundaries, marked where it is cut
    a, b = _trimmed(context.text, spans[k][0], spans[k_end][1])
    in_list = (k > first and _lists(text, spans[k - 1]), k_end < last and _lists(text, spans[k_end]))
    # only points near the word can bound an example: the work stays small in a clause of any length
    near_a, near_b = max(a, span[1] - MAX_LEN), min(b, span[0] + MAX_LEN)
    points = _cut_points(context, near_a, near_b)
    lefts = ([a] if a == near_a else []) + [p for p in points if p <= span[0]]
    rights = [p for p in points if p >= span[1] and not _after_modal(context, p)] + ([b] if b == near_b else [])
    for left in reversed(lefts):
        for right in rights:
            start, end = _trimmed(context.text, left, right)
            if (MIN_LEN <= end - start <= MAX_LEN and start <= span[0] and span[1] <= end
                    and banned(context.text[start:end], word_length, context.banned) is None):
                found.append((start, end, (left != a or in_list[0], right != b or in_list[1]), False, False, False,
                              False))
    if not found and b - a <= LONG_MAX and banned(context.text[a:b], word_length, context.banned) is None:
        found.append((a, b, in_list, k == first, k_end == last,  # long, not none
                      _dangles(context, k_end, last) or _hangs(context, k, first), False))
    return found


def _completed(context: _Context, fronted, clause, span, word_length: int) -> list:
    """Windows from the start of each run in ``fronted`` (runs ending with a fronted phrase) into the
    next ``clause``, cut where a phrase of it ends and marked "…"."""
    text, out = context.text, []
    points = _cut_points(context, clause[0], clause[1])
    for f in fronted:
        for right in points:
            if _after_modal(context, right):
                continue
            start, end = _trimmed(text, f[0], right)
            if end - start > MAX_LEN:
                break
            if end > f[1] + 1 and banned(text[start:end], word_length, context.banned) is None:
                out.append((start, end, (f[2][0], True), f[3], False, False, False))
    return out


SPILL = 6           # characters past MAX_LEN a fronted phrase may take to end with the clause it belongs to
SPILL_COST = 1.55   # flat: a little long reads better than a speaker with nothing said (…張先生稱, a
                    # dangling run's 2), worse than a cut marked at a phrase boundary (1.5)


def _spilled(context: _Context, fronted, first: int, last: int, word_length: int) -> list:
    """Each run in ``fronted`` (runs ending with a fronted phrase) with the whole next clause, the one
    it belongs to, when that goes at most ``SPILL`` characters past an example's length."""
    text, out = context.text, []
    for f in fronted:
        j = context.clauses.at(f[1] - 1, first, last) + 1
        if j > last:
            continue
        start, end = _trimmed(text, f[0], context.clauses.spans[j][1])
        if MAX_LEN < end - start <= MAX_LEN + SPILL and banned(text[start:end], word_length, context.banned) is None:
            out.append((start, end, (f[2][0], j < last and _lists(text, context.clauses.spans[j])), f[3], j == last,
                        _dangles(context, j, last), True))
    return out


def _wholes(context: _Context, found, first: int, last: int, word_length: int) -> list:
    """Each run of ``found`` that breaks what a learner reads as a whole, widened by whole clauses to
    hold it, when that goes at most ``SPILL`` characters past an example's length: both halves of a
    paired construction (越…越, 不僅…還), the whole of a 、 list, the subject of a clause that opens
    with a copula (…，是指…)."""
    text, spans, out = context.text, context.clauses.spans, []
    seen = {(f[0], f[1]) for f in found}
    for f in found:
        at = context.clauses.at
        i = wider_i = at(f[0], first, last)
        j = wider_j = at(f[1] - 1, first, last)
        for one, other in context.pairs.broken(f[0], f[1]):
            wider_i = min(wider_i, at(one[0], first, last))
            wider_j = max(wider_j, at(other[0], first, last))
        if wider_i == i > first and _copula(context, f[0]):
            wider_i -= 1
        if (wider_i, wider_j) == (i, j):
            continue
        start, end = _trimmed(text, spans[wider_i][0], spans[wider_j][1])
        if (start, end) in seen or not MAX_LEN < end - start <= MAX_LEN + SPILL \
                or banned(text[start:end], word_length, context.banned) is not None:
            continue
        seen.add((start, end))
        out.append((start, end, (wider_i > first and _lists(text, spans[wider_i - 1]),
                                 wider_j < last and _lists(text, spans[wider_j])),
                    wider_i == first, wider_j == last,
                    _dangles(context, wider_j, last) or _hangs(context, wider_i, first), True))
    return out


def _listed(context: _Context, found, first: int, last: int, span) -> list:
    """For the runs of ``found`` that start inside a 、 list (…消費場景體驗、投資貿易洽談、技術解決方案
    推廣等綜合功能) or stop inside it: the list whole, from where a phrase ends in the clause that opens
    it, marked "…" there, within ``MAX_LEN``.  Only before a word that opens a phrase (…以會議落實會議、
    以文件落實文件): a time or place word (在危機中|育先機), a quotation mark (“絲路電商”合作先行區) or
    a noun's modifier (期間|的好狀態) may end inside the first item, and 和/與/及 join nouns (政府和企業)."""
    text, spans, out = context.text, context.clauses.spans, []
    seen = {(f[0], f[1]) for f in found}
    at, word_length = context.clauses.at, span[1] - span[0]
    index = context.tokens
    for f in found:
        i, j = at(f[0], first, last), at(f[1] - 1, first, last)
        opens, ends = i, j  # the clauses where the list opens and where it ends
        while opens > first and _lists(text, spans[opens - 1]):
            opens -= 1
        while ends < last and _lists(text, spans[ends]):
            ends += 1
        a, b = spans[opens]
        if (opens, ends) == (i, j) or not _lists(text, spans[opens]) or span[0] < b:
            continue  # no list broken, or the word is before it, where the run without the list reads
        for left in _cut_points(context, a, b):
            k = index.at(left)
            if k < 1 or index.tokens[k].start != left or index.tokens[k].text not in _PHRASE_STARTS \
                    or index.tokens[k].text in _JOINS:
                continue
            start, end = _trimmed(text, left, spans[ends][1])
            if (start, end) in seen or not MIN_LEN <= end - start <= MAX_LEN or start > span[0] \
                    or banned(text[start:end], word_length, context.banned) is not None:
                continue
            seen.add((start, end))
            out.append((start, end, (True, False), False, ends == last,
                        ends < last and _leads_in(context, start, end), False))
    return out


_JOINS = frozenset("和 与 及 以及 同 跟".split())  # between two nouns: no phrase ends before them


# What an example breaks that a learner reads as a whole: a paired construction with one half outside
# (不僅負責行走、站立等日常動作 without its 還參與…), a 、 list it starts or stops inside (…投資貿易洽談、
# 技術解決方案推廣等綜合功能), a copula whose subject is in the clause before (碳足跡，|是指…的總量):
# each costs more than a clause a little long (``SPILL_COST``) or a cut marked at a phrase boundary
PAIR_COST = 2.0
LIST_COST = 1.0     # a side: on top of the cut it is marked as
COPULA_COST = 1.5   # on top of ``SUBJECTLESS``
_COPULAS = frozenset("是 就是 即是 乃是 便是 正是 乃 即 系".split())


def _copula(context: _Context, start: int) -> bool:
    """Whether the run starting at ``start`` opens with a copula (是, 就是, or 為 read wéi "to be")."""
    index = context.tokens
    i = max(0, index.at(start))
    t = next((t for t in index.tokens[i:i + 4] if t.end > start and _HAN_RE.search(t.text)), None)
    return t is not None and t.start >= start and (t.text in _COPULAS and t.pos.startswith("v")
                                                   or t.text == "为" and t.pos == "v")


def _mid_list(text: str, start: int, end: int) -> int:
    """How many ends of [start, end) lie inside a 、 list (the next item after, the last one before)."""
    return (text[start - 1:start] == "、") + (text[end:end + 1] == "、" or text[end - 1:end] == "、")


# a law's article or chapter number before the text of its article (第二十九条在…, 第五章 军官的奖励):
# the number is the text's structure, not part of the sentence a learner reads
_LABEL_RE = re.compile("第[零〇一二三四五六七八九十百千两0-9０-９]+[条條章节節款编編][ \u3000]*")


def _label_end(text: str, start: int) -> int:
    m = _LABEL_RE.match(text, start)
    return m.end() if m else start


def candidates(analysis: Analysis, word: Word, context: _Context):
    """Every (score, start, end, span, cut, sentence index, flaw) example of ``word``, best first:
    body sentences, then headline-like lines and the title.  ``flaw`` grades what a whole clause of the
    prose avoids: 0 none, 1 a marked cut or a length outside 8–40, 2 what reads badly on any card (a
    fronted phrase alone, a headline, the word inside another word)."""
    out = []
    sentences = context.sentences
    for span in word.spans[:MAX_CANDIDATES]:
        s = bisect_right(context.sentence_starts, span[0]) - 1
        sentence = sentences[s] if s >= 0 and span[1] <= sentences[s].end else None
        if sentence is None or sentence.kind not in _PROSE:  # captions, page furniture: never
            continue
        first, last = context.clauses.ranges[s]
        headline = sentence.kind == "title" or _headline(context, s)
        windows = _windows(context, first, last, span) or _with_neighbour(context, s, span)
        for start, end, cut, whole_start, whole_end, dangling, spilled in windows:
            text = context.text[start:end]
            # the word inside another word (農業 in 農業部, 會 in 見面會) is blanked in the cloze too: avoided
            inside = context.analysis.simplified.count(word.simplified, start, end) > \
                sum(1 for a, b in word.spans if start <= a and b <= end)
            length = end - start + sum(cut)
            broken = context.pairs.broken(start, end)
            bare = not whole_start and _copula(context, start)
            if start in context.clauses.labels and not span[0] < _label_end(context.text, start):
                continue  # the same text without the article number is a candidate of its own
            short = 1.0 * max(0, MIN_LEN - length) + (SPILL_COST if spilled else 3 * max(0, length - MAX_LEN))
            score = (
                10 * headline                              # a headline only when the prose has no example
                + 2 * dangling                             # 根據…調查, 但…, alone: only when nothing completes it
                + 0.8 * bool(not cut[0] and _said(context, max(0, start - 8), start))
                + short
                + 3 * inside
                + 1.5 * sum(cut)                           # a cut clause, only when no whole one fits
                + 1.0 * all(cut)                           # …全球共享的國際公共產品…: a phrase, cut off both ends
                + SUBJECTLESS * (not whole_start and not cut[0] and _continues(context, start))
                + COPULA_COST * bare
                + PAIR_COST * bool(broken)
                + LIST_COST * _mid_list(context.text, start, end)
                - 0.4 * whole_start - 0.3 * (whole_end or text[-1:] in _STRONG)
                + abs(length - 22) / 40                    # around twenty characters reads best
                - 1.5 * _commonness(context.tokens, start, end, span)
            )
            flaw = 2 if headline or dangling or inside else int(any(cut) or bare or bool(broken)
                                                                          or not MIN_LEN <= length <= MAX_LEN)
            out.append((score, start, end, span, cut, s, flaw))
    out.sort(key=lambda c: c[0])
    return out


def _with_neighbour(context: _Context, s: int, span) -> list:
    """A sentence too short to show alone (「你看！|他出來了。」) with the one after it, or else the one
    before, on the same line and within an example's length: the run of both, whole."""
    text, sentences, out = context.text, context.sentences, []
    for a, b in ((s, s + 1), (s - 1, s)):
        if a < 0 or b >= len(sentences) or sentences[a].kind not in _PROSE or sentences[b].kind not in _PROSE:
            continue
        start, end = _trimmed(text, sentences[a].start, sentences[b].end)
        if "\n" in text[start:end] or not MIN_LEN <= end - start <= MAX_LEN:
            continue
        if banned(text[start:end], span[1] - span[0], context.banned) is None:
            out.append((start, end, (False, False), True, True, False, False))
    return out[:1]


def choose_examples(analysis: Analysis, words, lexicon) -> dict:
    """One example per word (key → Example), chosen in the order the words first occur."""
    article = analysis.article
    context = _Context(analysis, lexicon, words)
    options = {w.key: candidates(analysis, w, context) for w in words}
    taken = _Shares(options)
    traditional = traditional_text(article.text, analysis.script, analysis.tokens, analysis.readings, lexicon,
                                   analysis.traditional if analysis.script != "traditional" else "")
    # in the order of the article: what follows a word changes its example only when a later word has
    # no example but full ones (a rebuilt article with a paragraph added keeps the notes of the words
    # before it, and the edits a user made to them)
    for w in sorted(words, key=lambda w: w.spans[0][0] if w.spans else 0):
        if options[w.key]:
            taken.place(w.key)
    taken.settle()
    by_key = {w.key: w for w in words}
    return {key: _example(context, analysis, traditional, by_key[key], c[1], c[2], c[3], c[4], article.source)
            for key, c in taken.choice.items()}


# A word placed while its whole clauses serve three words each takes one as a fourth rather than a cut
# one (a fourth card with the same clause reads better than …扣件及塑膠製品等產業受影響最深; settling may
# still move a word of an over-full clause to a cut one with room); a word takes, or is moved to, a
# fronted phrase alone or a headline only when every example without a grave flaw serves six
_RELAXED = (MAX_SHARED + 1, 2 * MAX_SHARED)


class _Shares:
    """Which example serves which words: one serves at most ``MAX_SHARED`` while another exists.

    Counted per example (a stretch of text), not per article sentence: a news sentence holds ten
    words of the deck on average, so three per sentence cannot be had; its clauses can serve them.
    A word chooses among its flawless examples (whole clauses of the prose, 8–40 characters:
    ``candidates``' flaw grade) while one of them serves fewer than ``_RELAXED[0]`` words, then among
    those without a grave flaw while one serves fewer than ``_RELAXED[1]``: a learner reads a whole
    clause a fourth time more easily than a cut one (…青浦區委作了交流發言), and a sixth more easily
    than a fronted phrase alone (根據…所做的調查)."""

    def __init__(self, options: dict):
        self.options = options
        self.choice: dict = {}                          # word key → its candidate
        self.members: dict[tuple[int, int], list] = {}  # example (start, end) → keys of the words it serves

    def _serving(self, place) -> int:
        return len(self.members.get(place, ()))

    def _pool(self, key) -> list:
        """The examples word ``key`` may take: its flawless ones while one serves fewer than
        ``_RELAXED[0]`` words, else those without a grave flaw while one serves fewer than
        ``_RELAXED[1]``, else any."""
        options = self.options[key]
        for grade, limit in enumerate(_RELAXED):
            pool = [d for d in options if d[6] <= grade]
            if any(self._serving(d[1:3]) < limit for d in pool):
                return pool
        return options

    def _free(self, key, place) -> list:
        """The examples word ``key`` (placed already) may move to from ``place``: ones with room, and
        none with a grave flaw unless it has one already or ``place`` serves more than ``_RELAXED[1]``."""
        grade, serving = self.choice[key][6], self._serving(place)
        return [d for d in self._pool(key)
                if d[1:3] != place and self._serving(d[1:3]) < MAX_SHARED
                and (d[6] <= max(grade, 1) or serving > _RELAXED[1])]

    def cost(self, c) -> float:
        shared = self._serving(c[1:3])
        return c[0] + 0.5 * shared + (100 if shared >= MAX_SHARED else 0)

    def place(self, key) -> None:
        best = min(self._pool(key), key=self.cost)
        if self._serving(best[1:3]) >= MAX_SHARED:
            best = self._make_room(key) or best
        self._put(key, best)

    def settle(self) -> None:
        """Move words out of an example that serves more than ``MAX_SHARED`` while one of them has an
        example with room (it filled up after they were placed), the cheapest move first."""
        for place, keys in list(self.members.items()):
            while len(keys) > MAX_SHARED:
                moves = [(d[0] - self.choice[k][0], k, d) for k in keys for d in self._free(k, place)]
                if not moves:
                    break
                _, k, d = min(moves, key=lambda m: m[0])
                keys.remove(k)
                self._put(k, d)

    def _make_room(self, key):
        """When every example of a word is full: move a word already there to an example with room,
        the move that costs least, and give the word the place it frees."""
        moves = []
        for c in self._pool(key):
            for other in self.members.get(c[1:3], ()):
                free = self._free(other, c[1:3])
                if free:
                    d = min(free, key=lambda d: d[0])
                    moves.append((c[0] + d[0] - self.choice[other][0], c, other, d))
        if not moves:
            return None
        _, c, other, d = min(moves, key=lambda m: m[0])
        self.members[c[1:3]].remove(other)
        self._put(other, d)
        return c

    def _put(self, key, c) -> None:
        self.choice[key] = c
        self.members.setdefault(c[1:3], []).append(key)


def _example(context: _Context, analysis: Analysis, traditional: str, w: Word, start, end, span, cut, source):
    before, after = (ELLIPSIS if cut[0] else ""), (ELLIPSIS if cut[1] else "")
    shift = len(before) - start
    pinyin = example_pinyin(context.analysis, context.lexicon, *context.tokens.range(start, end), w)
    return Example(
        text=before + analysis.article.text[start:end] + after,
        simplified=before + analysis.simplified[start:end] + after,
        traditional=before + traditional[start:end] + after,
        word=(span[0] + shift, span[1] + shift),
        pinyin=((ELLIPSIS, False),) * cut[0] + pinyin + ((ELLIPSIS, False),) * cut[1],
        source=source,
        also=tuple((a + shift, b + shift) for a, b in w.spans if start <= a and b <= end and (a, b) != span),
    )
