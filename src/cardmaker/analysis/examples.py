"""Example sentences: choosing one per word, cutting long ones, highlighting, cloze.

News sentences run to 100+ characters, so a sentence is cut to the clause or
clauses around the word (at ，；： boundaries), aiming at 8–40 characters.
Examples whose other words are common are preferred, one example is not
reused for many words while others exist, and captions and the date line are
never used (the date line is not a sentence at all).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property

from cardmaker.analysis.forms import traditional_text
from cardmaker.analysis.vocabulary import Analysis
from cardmaker.chinese.pinyin import joined, joined_name
from cardmaker.chinese.script import HAN_RE as _HAN_RE
from cardmaker.records import NAME, Example, Word

MIN_LEN, MAX_LEN = 8, 40
_CLAUSE_END = "，,；;：:"
_CLAUSE_RE = re.compile(f"[^{_CLAUSE_END}]*[{_CLAUSE_END}]*")


class _Clauses:
    """The clauses of every sentence, found once: a sentence's clauses are a range of ``spans``."""

    def __init__(self, sentences):
        self.spans: list[tuple[int, int]] = []
        self.ranges: list[tuple[int, int]] = []  # per sentence: first and last clause index
        for s in sentences:
            first = len(self.spans)
            for m in _CLAUSE_RE.finditer(s.text):
                if m.group(0):
                    self.spans.append((s.start + m.start(), s.start + m.end()))
            self.ranges.append((first, len(self.spans) - 1))
        self.starts = [a for a, _ in self.spans]

    def at(self, offset: int, lo: int, hi: int) -> int:
        return max(lo, min(hi, bisect_right(self.starts, offset, lo, hi + 1) - 1))


def _snippet(clauses: _Clauses, sentence_index: int, span) -> tuple[int, int]:
    """The clause(s) of a sentence around ``span``, grown towards 8–40 characters."""
    first, last = clauses.ranges[sentence_index]
    spans = clauses.spans
    lo = clauses.at(span[0], first, last)
    hi = clauses.at(max(span[1] - 1, span[0]), first, last)

    def size(lo, hi):
        return spans[hi][1] - spans[lo][0]

    while size(lo, hi) < MIN_LEN and (lo > first or hi < last):
        left = size(lo - 1, hi) if lo > first else None
        right = size(lo, hi + 1) if hi < last else None
        if right is not None and (left is None or right <= left):
            hi += 1
        else:
            lo -= 1
    start, end = spans[lo][0], spans[hi][1]
    if end - start > MAX_LEN:  # one long clause: a window of whole tokens around the word
        mid = (span[0] + span[1]) // 2
        start = max(start, min(span[0], mid - MAX_LEN // 2))
        end = min(end, max(span[1], start + MAX_LEN))
    return start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in _CLAUSE_END + "、 ":
        end -= 1
    while start < end and text[start] in " 　":
        start += 1
    return start, end


class _Index:
    """Tokens by position, with running counts of Han and of common tokens, so that the tokens
    inside a stretch of text, and how common they are, are found without walking them."""

    def __init__(self, tokens, lexicon):
        self.tokens = tokens
        self.starts = [t.start for t in tokens]
        self.ends = [t.end for t in tokens]
        stop = lexicon.stopwords
        level = lexicon.hsk_level
        self.han = [0]
        self.common = [0]
        for t in tokens:
            han = bool(_HAN_RE.search(t.text))
            self.han.append(self.han[-1] + han)
            self.common.append(self.common[-1] + (han and (t.text in stop or (level(t.text) or 99) <= 4)))

    def at(self, offset: int):
        i = bisect_right(self.starts, offset) - 1
        return self.tokens[i] if i >= 0 else None

    def range(self, start: int, end: int) -> tuple[int, int]:
        """Indices of the tokens that lie wholly inside [start, end)."""
        i = bisect_left(self.starts, start)
        return i, max(i, bisect_right(self.ends, end))


def _snap(index: _Index, start: int, end: int, span) -> tuple[int, int]:
    """Move a cut to token boundaries so that no word is split."""
    t = index.at(start)
    if t is not None and t.start < start < t.end:
        start = t.start if t.start <= span[0] else t.end
    t = index.at(end)
    if t is not None and t.start < end < t.end:
        end = t.end if t.end >= span[1] else t.start
    return start, end


def _commonness(index: _Index, start: int, end: int, span) -> float:
    """The share of the other Han tokens of the stretch that are function words or HSK 1–4."""
    i, j = index.range(start, end)
    han, common = index.han[j] - index.han[i], index.common[j] - index.common[i]
    k = bisect_left(index.starts, span[0], i, j)
    if k < j and index.starts[k] == span[0]:  # the word itself does not count
        han -= index.han[k + 1] - index.han[k]
        common -= index.common[k + 1] - index.common[k]
    return common / han if han else 0.0


class _Context:
    """What choosing examples in one article looks things up in."""

    def __init__(self, analysis: Analysis, lexicon):
        self.analysis = analysis
        self.tokens = _Index(analysis.tokens, lexicon)
        self.sentences = analysis.article.sentences
        self.sentence_starts = [s.start for s in self.sentences]
        self.clauses = _Clauses(self.sentences)

    @cached_property
    def spelled(self) -> list[tuple[str, bool]]:
        """Each token's pinyin as it reads in the article (its own text when it has none)."""
        readings, text = self.analysis.readings, self.analysis.article.text
        return [
            ((joined_name if t.kind == NAME else joined)(readings[t.start]), False) if t.start in readings
            else (text[t.start:t.end], False)
            for t in self.analysis.tokens
        ]


MAX_CANDIDATES = 24  # occurrences looked at per word: enough choice, bounded work on long texts


def candidates(analysis: Analysis, word: Word, context: _Context):
    """Every (score, start, end, span) example of ``word``, best first: body sentences, then the title."""
    out = []
    index = context.tokens
    sentences = context.sentences
    for span in word.spans[:MAX_CANDIDATES]:
        i = bisect_right(context.sentence_starts, span[0]) - 1
        sentence = sentences[i] if i >= 0 and span[1] <= sentences[i].end else None
        if sentence is None or sentence.kind not in ("title", "body"):  # captions, page furniture: never
            continue
        start, end = _snippet(context.clauses, i, span)
        start, end = _snap(index, start, end, span)
        start, end = _trim(analysis.article.text, start, end)
        length = end - start
        off = 0 if MIN_LEN <= length <= MAX_LEN else min(abs(length - MIN_LEN), abs(length - MAX_LEN))
        kind = 0 if sentence.kind == "body" else 1  # the title only when the body has no example
        score = kind * 10 + off / 4 - _commonness(index, start, end, span) * 2
        out.append((score, start, end, span))
    out.sort()
    return out


def choose_examples(analysis: Analysis, words, lexicon) -> dict:
    """One example per word (key → Example); words with fewer choices choose first."""
    article = analysis.article
    context = _Context(analysis, lexicon)
    options = {w.key: candidates(analysis, w, context) for w in words}
    used: dict[tuple[int, int], int] = {}
    chosen = {}
    traditional = traditional_text(article.text, analysis.script, analysis.tokens, analysis.readings, lexicon,
                                   analysis.traditional if analysis.script != "traditional" else "")
    source = article.source
    for w in sorted(words, key=lambda w: (len(options[w.key]), w.spans[0][0] if w.spans else 0)):
        cands = options[w.key]
        if not cands:
            continue
        score, start, end, span = min(cands, key=lambda c: c[0] + 3 * used.get((c[1], c[2]), 0))
        used[start, end] = used.get((start, end), 0) + 1
        chosen[w.key] = Example(
            text=article.text[start:end],
            simplified=analysis.simplified[start:end],
            traditional=traditional[start:end],
            word=(span[0] - start, span[1] - start),
            pinyin=_pinyin(context, start, end, span, w),
            source=source,
            also=tuple((a - start, b - start) for a, b in w.spans if start <= a and b <= end and (a, b) != span),
        )
    return chosen


def _pinyin(context: _Context, start: int, end: int, span, word: Word):
    """(pinyin or other text, is the word) for each token of the stretch; the word in its own reading."""
    index = context.tokens
    i, j = index.range(start, end)
    out = context.spelled[i:j]
    k = bisect_left(index.starts, span[0], i, j)
    if k < j and index.starts[k] == span[0]:
        out[k - i] = (word.pinyin, True)
    return tuple(out)
