"""Example sentences a learner can read: whole clauses from the article's prose, one per word.

An example is one clause or a run of whole clauses of a title or body sentence
(what the layout stage keeps as prose) that holds the word, 8–40 characters
where the article allows: it starts and ends at a sentence or clause boundary
(。！？；，、： and line breaks; closing quotes and brackets stay with their
clause).  When every clause holding the word is long, another occurrence is
preferred; a long clause is cut only where a phrase ends (before a preposition
or conjunction, after a time or place phrase), and the cut is marked "…".
Examples with replacement characters, mojibake, footnote markers, links,
unbalanced brackets or quotes, or too little Chinese besides the word are
never used.  One example serves at most three words while another has room, and
sentences whose other words are common, or are cards of the deck themselves,
are preferred.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right

from cardmaker.analysis.forms import traditional_text
from cardmaker.analysis.places import PLACE_UNITS, ROADS
from cardmaker.analysis.vocabulary import Analysis
from cardmaker.chinese.pinyin import joined, joined_name
from cardmaker.chinese.script import HAN_RE as _HAN_RE
from cardmaker.records import NAME, TERM, WORD, Example, Word

MIN_LEN, MAX_LEN = 8, 40
LONG_MAX = 60           # a clause with nowhere to cut may be this long, when nothing shorter exists
MAX_SHARED = 3          # words one example serves while others exist
MAX_CANDIDATES = 24     # occurrences looked at per word: enough choice, bounded work on long texts
ELLIPSIS = "…"

_STRONG = "。！？!?；;"
_WEAK = "，,、：:"
_CLOSERS = "」』”’）)】》〉\"'"
_OPENERS = "「『“‘（(【《〈"
_QUOTE_OPENERS, _QUOTE_CLOSERS = "「『“‘（【《〈", "」』”’）】》〉"  # Chinese quotations and brackets
_PAIRS = {"「": "」", "『": "』", "“": "”", "‘": "’", "（": "）", "(": ")", "【": "】", "《": "》", "〈": "〉"}
_ITEM = 6  # a list item shorter than this (花蓮、臺東) is no clause of its own
_MOJIBAKE_RE = re.compile("[\ufffd]|[\u00c0-\u024f\u0370-\u03ff\u2500-\u25ff]{2,}|锟斤拷|烫烫")
_FOOTNOTE_RE = re.compile(r"\[\s*(?:\d{1,3}|注\s*\d*|[A-Za-z])\s*\]|［\d{1,3}］|【\d{1,3}】|[①-⑳¹²³⁴⁵⁶⁷⁸⁹⁰]")
# 他表示，|要…: the clause after a speaker and a speech verb reads better with its speaker
_SAID_RE = re.compile("(?:表示|指出|强调|強調|认为|認為|说|說|称|稱|透露|介绍|介紹|提到|坦言|直言|呼吁|呼籲|提醒|宣布|"
                      "宣佈|表明|坦承|建议|建議|警告|解释|解釋|预估|預估|估计|估計|说明|說明)[，,：:][「“『]?\\s*$")
_LINK_RE = re.compile(r"https?://|www\.|\w@\w|\.(?:com|org|net|html?)\b", re.I)
# where a long clause may be cut: before these words a new phrase begins …
_PHRASE_STARTS = frozenset("在 对 对于 把 将 为 向 从 以 与 和 并 并且 而 及 以及 同时 通过 根据 按照 围绕 由 被 让 使 给 就 也 还 都 已 已经 正在 要 会 能 可 可以 应 需要 进一步".split())
# … and after these a time or place phrase has ended
_PHRASE_ENDS = frozenset("上 中 下 后 前 时 里 内 外 间 方面 以来 期间 之后 之前 以后 以前 时候 当中 之间 方面".split())


class _Clauses:
    """The clauses of every prose sentence, found once: a sentence's clauses are a range of ``spans``."""

    def __init__(self, sentences):
        self.spans: list[tuple[int, int]] = []
        self.ranges: list[tuple[int, int]] = []  # per sentence: first and last clause index
        for s in sentences:
            first = len(self.spans)
            for a, b in _clauses(s.text, s.start):
                prev = self.spans[-1] if len(self.spans) > first else None
                # 明、後兩天: the items of a short list stay together
                if prev is not None and s.text[prev[1] - s.start - 1] == "、" and min(prev[1] - prev[0], b - a) < _ITEM:
                    self.spans[-1] = (prev[0], b)
                else:
                    self.spans.append((a, b))
            if len(self.spans) == first:  # a sentence with no text: keep the ranges aligned
                self.spans.append((s.start, s.end))
            self.ranges.append((first, len(self.spans) - 1))
        self.starts = [a for a, _ in self.spans]

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

    def spelled(self, i: int, j: int) -> list[tuple[str, bool]]:
        """The pinyin of tokens ``i``..``j`` as they read in the article (their own text when they have
        none); made for an example's tokens only, never for all of a long article's."""
        readings, text, tokens = self.analysis.readings, self.text, self.analysis.tokens
        out = [
            (_spelled_name(readings[t.start]) if t.kind == NAME else self._word(t, readings[t.start]), False)
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


    def _word(self, t, syllables) -> str:
        """A word's pinyin; a dictionary word of four or more characters made of two words of its
        own is written as those two (GB/T 16159: zhōngxiǎo qǐyè, réngōng zhìnéng), an idiom whole."""
        if (t.kind != WORD or len(t.text) < 4 or len(syllables) != len(t.text) or t.pos.startswith(("i", "l"))
                or any(a == b for a, b in zip(t.text, t.text[1:]))):
            return joined(syllables)  # an idiom or set phrase (jieba's i, l: 一成不变), a doubling (气喘吁吁)
        memo = self.lexicon.memo("two_words")
        key = (t.text, tuple(syllables))
        got = memo.get(key)
        if got is None:
            got = memo.put(key, _two_words(t.text, tuple(syllables), self.lexicon))
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


def _place_unit(before, t, before_spelled: str) -> bool:
    """A place's unit or road after its name is part of it, capitalised: Huālián Xiàn, Guìlín Jiē,
    Nánhuí Gōnglù (``places.PLACE_UNITS``, ``places.ROADS``)."""
    return ((t.text in PLACE_UNITS or t.text in ROADS) and before.end == t.start and before_spelled[:1].isupper()
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


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Without spaces, trailing commas and colons, and unmatched quotes or brackets at either end."""
    while start < end and text[start] in " \u3000\t":
        start += 1
    while True:
        while end > start and text[end - 1] in _WEAK + " \u3000\t\n":
            end -= 1
        piece = text[start:end]
        if piece[:1] in _OPENERS and _PAIRS[piece[0]] not in piece[1:]:
            start += 1  # 「但安全最重要 → 但安全最重要
            continue
        if piece[-1:] in _CLOSERS and not _opened(piece[:-1], piece[-1]):
            end -= 1    # 最重要」。 → the quote opened in an earlier clause
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
    for opener, closer in _PAIRS.items():
        if text.count(opener) != text.count(closer):
            return "unbalanced brackets or quotes"
    if text.count('"') % 2:
        return "unbalanced brackets or quotes"
    return None


def _cut_points(context: _Context, start: int, end: int) -> list[int]:
    """Offsets inside [start, end) where a long clause may be cut without splitting a phrase."""
    index = context.tokens
    i, j = index.range(start, end)
    out = []
    for k in range(i + 1, j):
        before, here = index.tokens[k - 1], index.tokens[k]
        if here.text in _PHRASE_STARTS or before.text in _PHRASE_ENDS or before.pos == "t":
            out.append(here.start)
    text = context.text
    for p in range(start + 1, end):  # a quotation is a phrase of its own: 賦予進博會|“中國構建…格局的窗口
        if text[p] in _QUOTE_OPENERS or text[p - 1] in _QUOTE_CLOSERS:
            out.append(p)
    return sorted(set(out))


def _lists(text: str, clause) -> bool:
    """Whether a clause ends with 、 (the next one is the next item of the same list)."""
    return text[clause[0]:clause[1]].rstrip(" \u3000\t").endswith("、")


def _windows(context: _Context, first: int, last: int, span):
    """Runs of whole clauses (first..last of one sentence) around ``span`` as (start, end, cut) with
    the cut sides, falling back to cutting the word's own clause where a phrase ends."""
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
                found.append((start, end, inside_list, i == first, j == last))
        if spans[k_end][1] - spans[i][0] > MAX_LEN:
            break
    if found:
        return found
    # one clause longer than an example: a window between phrase boundaries, marked where it is cut
    a, b = _trimmed(context.text, spans[k][0], spans[k_end][1])
    in_list = (k > first and _lists(text, spans[k - 1]), k_end < last and _lists(text, spans[k_end]))
    # only points near the word can bound an example: the work stays small in a clause of any length
    near_a, near_b = max(a, span[1] - MAX_LEN), min(b, span[0] + MAX_LEN)
    points = _cut_points(context, near_a, near_b)
    lefts = ([a] if a == near_a else []) + [p for p in points if p <= span[0]]
    rights = [p for p in points if p >= span[1]] + ([b] if b == near_b else [])
    for left in reversed(lefts):
        for right in rights:
            start, end = _trimmed(context.text, left, right)
            if (MIN_LEN <= end - start <= MAX_LEN and start <= span[0] and span[1] <= end
                    and banned(context.text[start:end], word_length, context.banned) is None):
                found.append((start, end, (left != a or in_list[0], right != b or in_list[1]), False, False))
    if not found and b - a <= LONG_MAX and banned(context.text[a:b], word_length, context.banned) is None:
        found.append((a, b, in_list, k == first, k_end == last))  # nowhere to cut: long, not none
    return found


def candidates(analysis: Analysis, word: Word, context: _Context):
    """Every (score, start, end, span, cut, sentence index) example of ``word``, best first: body
    sentences, then the title."""
    out = []
    sentences = context.sentences
    for span in word.spans[:MAX_CANDIDATES]:
        s = bisect_right(context.sentence_starts, span[0]) - 1
        sentence = sentences[s] if s >= 0 and span[1] <= sentences[s].end else None
        if sentence is None or sentence.kind not in ("title", "body"):  # captions, page furniture: never
            continue
        first, last = context.clauses.ranges[s]
        for start, end, cut, whole_start, whole_end in _windows(context, first, last, span):
            text = context.text[start:end]
            # the word inside another word (農業 in 農業部, 會 in 見面會) is blanked in the cloze too: avoided
            inside = context.analysis.simplified.count(word.simplified, start, end) > \
                sum(1 for a, b in word.spans if start <= a and b <= end)
            length = end - start + sum(cut)
            short = 1.0 * max(0, MIN_LEN - length) + 3 * max(0, length - MAX_LEN)
            score = (
                (0 if sentence.kind == "body" else 10)     # the title only when the body has no example
                + 0.8 * bool(not cut[0] and _SAID_RE.search(context.text, max(0, start - 8), start))
                + short
                + 3 * inside
                + 1.5 * sum(cut)                           # a cut clause, only when no whole one fits
                - 0.4 * whole_start - 0.3 * (whole_end or text[-1:] in _STRONG)
                + abs(length - 22) / 40                    # around twenty characters reads best
                - 1.5 * _commonness(context.tokens, start, end, span)
            )
            out.append((score, start, end, span, cut, s))
    out.sort(key=lambda c: c[0])
    return out


def choose_examples(analysis: Analysis, words, lexicon) -> dict:
    """One example per word (key → Example), chosen in the order the words first occur."""
    article = analysis.article
    context = _Context(analysis, lexicon, words)
    options = {w.key: candidates(analysis, w, context) for w in words}
    taken = _Shares()
    traditional = traditional_text(article.text, analysis.script, analysis.tokens, analysis.readings, lexicon,
                                   analysis.traditional if analysis.script != "traditional" else "")
    # in the order of the article: what follows a word changes its example only when a later word has
    # no example but full ones (a rebuilt article with a paragraph added keeps the notes of the words
    # before it, and the edits a user made to them)
    for w in sorted(words, key=lambda w: w.spans[0][0] if w.spans else 0):
        if options[w.key]:
            taken.place(w.key, options)
    taken.settle(options)
    by_key = {w.key: w for w in words}
    return {key: _example(context, analysis, traditional, by_key[key], c[1], c[2], c[3], c[4], article.source)
            for key, c in taken.choice.items()}


class _Shares:
    """Which example serves which words: one serves at most ``MAX_SHARED`` while another exists.

    Counted per example (a stretch of text), not per article sentence: a news sentence holds ten
    words of the deck on average, so three per sentence cannot be had; its clauses can serve them."""

    def __init__(self):
        self.choice: dict = {}                          # word key → its candidate
        self.members: dict[tuple[int, int], list] = {}  # example (start, end) → keys of the words it serves

    def _serving(self, place) -> int:
        return len(self.members.get(place, ()))

    def _free(self, options, key, place) -> list:
        """The examples of word ``key`` other than ``place`` that have room."""
        return [d for d in options[key] if d[1:3] != place and self._serving(d[1:3]) < MAX_SHARED]

    def cost(self, c) -> float:
        shared = self._serving(c[1:3])
        return c[0] + 0.5 * shared + (100 if shared >= MAX_SHARED else 0)

    def place(self, key, options) -> None:
        best = min(options[key], key=self.cost)
        if self._serving(best[1:3]) >= MAX_SHARED:
            best = self._make_room(key, options) or best
        self._put(key, best)

    def settle(self, options) -> None:
        """Move words out of an example that serves more than ``MAX_SHARED`` while one of them has an
        example with room (it filled up after they were placed), the cheapest move first."""
        for place, keys in list(self.members.items()):
            while len(keys) > MAX_SHARED:
                moves = [(d[0] - self.choice[k][0], k, d) for k in keys for d in self._free(options, k, place)]
                if not moves:
                    break
                _, k, d = min(moves, key=lambda m: m[0])
                keys.remove(k)
                self._put(k, d)

    def _make_room(self, key, options):
        """When every example of a word is full: move a word already there to an example with room,
        the move that costs least, and give the word the place it frees."""
        moves = []
        for c in options[key]:
            for other in self.members.get(c[1:3], ()):
                free = self._free(options, other, c[1:3])
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
    pinyin = _pinyin(context, start, end, span, w)
    return Example(
        text=before + analysis.article.text[start:end] + after,
        simplified=before + analysis.simplified[start:end] + after,
        traditional=before + traditional[start:end] + after,
        word=(span[0] + shift, span[1] + shift),
        pinyin=((ELLIPSIS, False),) * cut[0] + pinyin + ((ELLIPSIS, False),) * cut[1],
        source=source,
        also=tuple((a + shift, b + shift) for a, b in w.spans if start <= a and b <= end and (a, b) != span),
    )


def _pinyin(context: _Context, start: int, end: int, span, word: Word):
    """(pinyin or other text, is the word) for each token of the stretch; the word in its own reading."""
    index = context.tokens
    i, j = index.range(start, end)
    out = context.spelled(i, j)
    for k in range(i, j):
        if index.tokens[k].text == word.simplified:  # the word, wherever it occurs in the example
            here = out[k - i][0]  # as spelled there when it is the same reading (Huālián Xiàn's unit)
            out[k - i] = (here if here.lower() == word.pinyin.lower() else word.pinyin, True, *out[k - i][2:])
    return tuple(out)
