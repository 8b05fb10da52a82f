"""Where an article's prose is: title, date, sentences, and every line that is not prose, with why.

Scraped pages, saved web pages and documents keep page furniture beside the
article: bylines, datelines, photo captions and credits, keyword lines, source
labels, page labels and site names, breadcrumbs, sharing buttons, related-news
lists, reference lists, copyright and public-service notices, mojibake.  Each
line (a block, for HTML) is judged here, once, with the patterns of
``furniture``; a ``Sentence`` carries the verdict as its ``kind`` and the reason
as its ``why``, and only ``title`` and ``body`` sentences give vocabulary and
examples.  The rules look at a line and its neighbours, never at the site, so
they hold for pages not seen before; a short line the rules cannot place stays
prose.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from cardmaker.records import DAMAGED, Sentence
from cardmaker.text import furniture as F

_CLOSERS = re.escape("”’」』）)】》〉\"'』")
_SENTENCE_RE = re.compile(f"[^\n{F.TERMINATORS}]*(?:[{F.TERMINATORS}]+[{_CLOSERS}]*|\n|$)")
_BRACKETED_RE = re.compile(r"^[(（].*[)）]$")
_TRIM = "●○■□◆◇►▶▸★☆※•·◎▪‧【】[]「」『』《》<>：:｜| \t\u3000"
_TOKENS_RE = re.compile(r"[\s|｜/／·・‧>›»＞:：]+")
_HAN_RE = re.compile(f"[{F.HAN}]")
_CLAUSE_RE = re.compile(r"[，、；;]|,(?!\d)")
CAPTION, FURNITURE, CANTONESE = "caption", "furniture", "cantonese"


@dataclass(frozen=True)
class Layout:
    """The verdicts on one text: title and date, and what is left out, by line and by span."""

    title: str
    date: str | None
    title_span: tuple[int, int] | None
    lines: dict = field(default_factory=dict)   # line start → (kind, why) for whole lines left out
    spans: tuple = ()                           # (start, end, kind, why) for pieces of prose lines left out


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield line, pos
        pos += len(line) + 1


# a line that ends inside a sentence: after a comma, an enumeration comma or a semicolon, or after a
# colon that a quotation follows on the next line (他警告說：⏎「…」); not a label's colon (延伸閱讀：)
_WRAPPED_RE = re.compile(r"(?<=[，、；,;])[ \t\u3000]*\n[ \t\u3000]*(?=\S)"
                         r"|(?<=[：:])[ \t\u3000]*\n[ \t\u3000]*(?=[「『“])")


def join_wrapped(raw: str) -> str:
    """Lines wrapped inside a sentence joined again: text files cut at a fixed width or clause by clause
    (到了秋天，⏎柯林頓和杜爾展開競選造勢時，⏎…) hold one sentence, whose clauses are one example,
    not a line 當然， too short to be any word's."""
    return _WRAPPED_RE.sub("", raw)


def strip_footnotes(raw: str) -> tuple[str, int]:
    """Remove footnote markers (新聞[1]。→ 新聞。): the marker goes, the sentence stays."""
    return F.FOOTNOTE_RE.subn("", raw)


def _coverage_low(s: str) -> bool:
    """Mojibake or replacement characters: a line that is no Chinese a reader could read."""
    bad = s.count("\ufffd")
    if bad >= 2 and bad >= len(s) / 10 or len(F.MOJIBAKE_LATIN_RE.findall(s)) >= 3:
        return True  # a few U+FFFD in a paragraph: only their clauses are left out (see _damaged)
    han = _HAN_RE.findall(s)
    if len(han) < 6:
        return False
    from cardmaker.text.encoding import _common_chars

    common = _common_chars()
    return sum(c in common for c in han) / len(han) < 0.5


def _date_of(m) -> str | None:
    y, mo, d = (int(g) for g in m.groups()[:3])
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100 else None


def _is_label(core: str) -> bool:
    tokens = [t for t in _TOKENS_RE.split(core) if t]
    return bool(tokens) and all(t in F.PAGE_LABELS or F.LABEL_SUFFIX_RE.match(t) for t in tokens)


def _is_site(core: str) -> bool:
    return core in F.SITE_NAMES or (len(core) <= 12 and bool(F.SITE_SUFFIX_RE.match(core)) and core[-1] in "網网" and len(core) > 2)


def judge_line(s: str) -> tuple[str, str] | None:
    """The verdict on one line on its own (stripped): (kind, why), or None for prose."""
    core = s.strip(_TRIM)
    tokens = [t for t in _TOKENS_RE.split(core) if t]
    ended = s.endswith(tuple(F.TERMINATORS)) or s.endswith(("。」", "。』", "！」", "？」"))
    n = len(s)
    if _coverage_low(s):
        return FURNITURE, "mojibake or unreadable characters"
    if not core:
        return FURNITURE, "symbols only"
    if s.endswith(("，", ",", "、")):
        return None  # a line that runs on into the next is a piece of a sentence
    if F.DATE_RE.match(s) or F.UPDATED_RE.match(s) or F.EDITION_RE.match(s):
        return FURNITURE, "date line"
    if n <= F.BYLINE_MAX and not ended and any(r.search(s) for r in F.BYLINE_RES):
        return CAPTION, "byline"
    if n <= 60 and F.DATELINE_RE.match(s) and F.DATELINE_RE.match(s).end() >= len(s.rstrip()) and not F.BUTTON_RE.search(s):
        return CAPTION, "dateline or source label"
    if F.BRACKET_LABEL_RE.match(s):
        return FURNITURE, "label"
    if F.EDITOR_RE.match(s) or F.END_MARK_RE.match(s):
        return CAPTION, "end mark or editor"
    if (n <= F.CAPTION_MAX and F.CREDIT_END_RE.search(s)) or (n <= 80 and F.CREDIT_START_RE.match(s)):
        return CAPTION, "photo caption or credit"
    if F.PHOTO_WORDS_RE.search(s) and n <= F.CAPTION_MAX:
        return CAPTION, "photo credit"
    if F.KEYWORDS_RE.match(core):
        return FURNITURE, "keywords or tags"
    if n <= F.SOURCE_MAX and F.SOURCE_RE.match(s):
        return FURNITURE, "source line"
    if F.PAPER_META_RE.match(s) and n <= 200:
        return FURNITURE, "paper's metadata"
    if n <= 120 and F.AFFILIATION_RE.search(s):
        return FURNITURE, "author's affiliation"
    if n <= 60 and F.AUTHOR_LIST_RE.match(core) and F.AUTHOR_MARKED_RE.search(core):
        return FURNITURE, "author list"
    if n <= F.COPYRIGHT_MAX and F.COPYRIGHT_RE.search(s):
        return FURNITURE, "copyright notice"
    if n <= F.NOTICE_MAX and (F.NOTICE_RE.search(s) or (F.NOTICE_MARK_RE.match(s) and not ended and n <= 60)):
        return FURNITURE, "notice"
    if F.URL_LINE_RE.match(core):
        return FURNITURE, "web address"
    if F.PAGE_NUMBER_RE.match(core):
        return FURNITURE, "page number"
    clauses = bool(_CLAUSE_RE.search(re.sub(r"《[^》]*》", "", s)))  # a button or prompt is never a clause of a sentence
    if tokens and (all(t in F.BUTTONS for t in tokens) or (n <= F.BUTTON_MAX and not ended and not clauses
                                                            and F.BUTTON_RE.search(s))):
        return FURNITURE, "buttons or links"
    if F.BREADCRUMB_RE.match(core) or (
        len(tokens) >= 2 and n <= 60 and not ended and F.BREADCRUMB_SEP_RE.search(core)
        and (tokens[0] in ("首頁", "首页", "Home", "主頁", "主页", "新聞", "新闻") or _is_site(tokens[0]))
        and re.search(r"[>＞›»]|\s[/／|]\s", core)
    ):
        return FURNITURE, "breadcrumb"
    if n <= 24 and not ended and (_is_label(core) or _is_site(core) or all(_is_site(t) or _is_label(t) for t in tokens)):
        return FURNITURE, "page label or site name"
    if len(tokens) >= 4 and n <= 60 and not ended and all(len(t) <= 4 for t in tokens) and sum(map(_is_label, tokens)) >= 2:
        return FURNITURE, "navigation menu"
    return None


def judge(text: str, fallback: str, title_first: bool = False) -> Layout:
    """Judge every line of ``text``; ``fallback`` is the title when no line is a headline.

    With ``title_first`` the first line is the headline (a web page's, given by
    its metadata); otherwise the headline is the first prose line that looks
    like one.  Its page label (快訊／) and site name ( | 聯合新聞網) are cut off.
    """
    lines: dict = {}
    spans: list = []
    related = references = False
    prev_pos = None
    date = None
    date_scan = 0
    for line, pos in _lines(text):
        s = line.strip()
        if not s:
            continue
        lead = len(line) - len(line.lstrip())
        core = s.strip(_TRIM)
        verdict = None
        if core in F.RELATED or F.RELATED_INLINE_RE.match(s):
            related, references = True, False
            verdict = (FURNITURE, "related-news list")
        elif core in F.REFERENCES or core.rstrip("[編輯]").strip() in F.REFERENCES:
            references, related = True, False
            verdict = (FURNITURE, "reference list")
        elif related and len(s) <= F.RELATED_ITEM_MAX and not s.endswith(("。", "！", "；")):
            verdict = judge_line(s) or (FURNITURE, "related-news list")
        elif references and (F.REFERENCE_ENTRY_RE.search(s) or len(s) <= 80 or not s.endswith(("。", "！", "？"))):
            verdict = judge_line(s) or (FURNITURE, "reference list")
        else:
            related = references = False
            if F.REFERENCE_ENTRY_RE.match(s) and re.search(r"\[(?:J|M|D|C|N|EB/OL)\]|出版社|et al", s):
                verdict = (FURNITURE, "reference list")
            else:
                verdict = judge_line(s)
        if verdict and verdict[1] == "author's affiliation" and prev_pos is not None and prev_pos not in lines:
            prev = text[prev_pos:text.index("\n", prev_pos) if "\n" in text[prev_pos:] else len(text)].strip()
            if len(prev) <= 60 and F.AUTHOR_LIST_RE.match(prev.strip(_TRIM)):
                lines[prev_pos] = (FURNITURE, "author list")
        if verdict:
            lines[pos] = verdict
            if date is None and date_scan < 8:
                m = F.DATE_ANYWHERE_RE.search(s) if verdict[1] in ("date line", "byline", "source line", "paper's metadata") else None
                date = _date_of(m) if m else None
        elif date_scan < 12 and not (prev_pos is None and title_first):
            # a dateline opening the first paragraph, or a source label: cut off, the rest is prose
            m = F.DATELINE_RE.match(s)
            if m and m.end() < len(s):
                spans.append((pos + lead, pos + lead + m.end(), CAPTION, "dateline or source label"))
            elif (m := F.ABSTRACT_RE.match(s)) and m.end() < len(s):
                spans.append((pos + lead, pos + lead + m.end(), FURNITURE, "label"))
        if verdict is None or verdict[1] != "related-news list":
            date_scan += 1
        prev_pos = pos
    title, title_span = _headline(text, lines, spans, fallback, title_first)
    return Layout(title, date, title_span, lines, tuple(spans))


def clean_title(line: str) -> tuple[int, int]:
    """The headline's span in a title line: without 快訊／ or 【即時】 before it or ` | 聯合新聞網` after it."""
    start, end = 0, len(line)
    m = F.TITLE_PREFIX_RE.match(line)
    if m and ((m.group("b") or m.group("s") or "").strip() in F.TITLE_LABELS | F.PAGE_LABELS | F.SITE_NAMES
              or (m.group("b") and _is_site((m.group("b") or "").strip()))) and m.end() < end:
        start = m.end()
    parts = [(p.start(), p.end()) for p in F.TITLE_SPLIT_RE.finditer(line, start)]
    # drop trailing parts that are a site name or a section label: 標題 | 生活 | 聯合新聞網
    while parts:
        sep_start, sep_end = parts[-1]
        tail = line[sep_end:end].strip(_TRIM)
        if sep_start > start and (not tail or _is_site(tail) or _is_label(tail) or tail in F.TITLE_LABELS
                                  or (len(tail) <= 12 and not _HAN_RE.search(tail))):
            end = sep_start
            parts.pop()
        else:
            break
    while end > start and line[end - 1] in " \t\u3000":
        end -= 1
    while start < end and line[start] in " \t\u3000":
        start += 1
    return start, end


def _headline(text: str, lines: dict, spans: list, fallback: str, title_first: bool):
    prose = [(line, pos) for line, pos in _lines(text) if line.strip() and pos not in lines]
    if not prose:
        return fallback, None
    first, first_pos = prose[0]
    if title_first:
        ok = True
    else:
        stripped = first.strip()
        ok = len(prose) > 1 and len(stripped) <= 80 and not stripped.endswith(("。", "；", "」", "！")) and not any(
            s <= first_pos < e for s, e, *_ in spans)
    if not ok:
        return fallback, None
    lead = len(first) - len(first.lstrip())
    a, b = clean_title(first.strip())
    if b <= a:
        return fallback, None
    start = first_pos + lead
    if a > 0:
        spans.append((start, start + a, FURNITURE, "page label"))
    stripped_len = len(first.strip())
    if b < stripped_len:
        spans.append((start + b, start + stripped_len, FURNITURE, "site name"))
    return first.strip()[a:b], (start + a, start + b)


def sentences(text: str, layout: Layout):
    """The sentences of ``text``, each with its kind (title, body, caption, furniture) and why."""
    line_starts = [pos for _, pos in _lines(text)]
    cuts = sorted(layout.spans)
    cut_starts = [c[0] for c in cuts]
    title_span = layout.title_span
    for m in _SENTENCE_RE.finditer(text):
        chunk = m.group(0)
        lead = len(chunk) - len(chunk.lstrip())
        body = chunk.strip()
        if not body:
            continue
        start = m.start() + lead
        end = start + len(body)
        verdict = layout.lines.get(line_starts[bisect_right(line_starts, start) - 1])
        if verdict:
            yield Sentence(body, start, end, verdict[0], verdict[1])
            continue
        # pieces cut from this sentence: a dateline before it, a page label or site name around the title
        pos = start
        i = bisect_right(cut_starts, end) - 1
        pieces = [c for c in cuts[: i + 1] if c[1] > start and c[0] < end]
        for c_start, c_end, kind, why in pieces:
            c_start, c_end = max(c_start, start), min(c_end, end)
            if c_start > pos:
                yield from _prose(text, pos, c_start, title_span)
            yield Sentence(text[c_start:c_end], c_start, c_end, kind, why)
            pos = c_end
        if pos < end:
            yield from _prose(text, pos, end, title_span)


def _prose(text: str, start: int, end: int, title_span):
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    trail = len(text[start:end]) - len(text[start:end].rstrip())
    start, end = start + lead, end - trail
    if start >= end:
        return
    body = text[start:end]
    if title_span and title_span[0] <= start < title_span[1]:
        yield Sentence(body, start, end, "title")
    elif "\ufffd" in body:
        yield from _damaged(body, start)
    elif F.END_MARK_RE.match(body) or F.EDITOR_RE.match(body):
        yield Sentence(body, start, end, CAPTION, "end mark or editor")
    elif len(body) <= 30 and F.CREDIT_END_RE.search(body) and not body.endswith(("攝影", "摄影")):
        yield Sentence(body, start, end, CAPTION, "photo credit")  # …發言。新華社記者 鞠鵬 攝
    elif _BRACKETED_RE.match(body):
        yield Sentence(body, start, end, CAPTION, "photo credit or note in brackets")
    else:
        yield Sentence(body, start, end, "body")


_CLAUSE_END_RE = re.compile(r"[^，、；;：:]*(?:[，、；;：:]+|$)")


def _damaged(body: str, start: int):
    """A sentence with a few replacement characters (stray bytes of a scraped page), clause by clause:
    its clean clauses stay prose, the damaged ones give their words, and examples only of their clean part, cut and marked where
    the damage begins or ends (examples.py)."""
    yield from _by_clause(body, start, lambda c: "\ufffd" in c, DAMAGED,
                          "replacement characters (bytes that were not text)")


def _by_clause(body: str, start: int, flawed, kind: str, why: str, clean: str = "body"):
    """``body`` cut into runs of clauses, each run ``kind`` (with ``why``) where ``flawed`` says so of its
    clauses and ``clean`` elsewhere."""
    run = None  # (start, end, flawed) of the clauses gathered so far
    for m in _CLAUSE_END_RE.finditer(body):
        if not m.group(0):
            continue
        bad = flawed(m.group(0))
        if run and run[2] == bad:
            run = (run[0], m.end(), bad)
            continue
        if run:
            yield _piece(body, start, run, kind, why, clean)
        run = (m.start(), m.end(), bad)
    if run:
        yield _piece(body, start, run, kind, why, clean)


def _piece(body: str, start: int, run, kind: str, why: str, clean: str) -> Sentence:
    a, b, bad = run
    return Sentence(body[a:b], start + a, start + b, kind if bad else clean, why if bad else "")


# characters written only in Cantonese (咗 perfective, 啲, 佢哋 "they", 嘅, 喺, 冇, 嚟, 嗰, 唔, 嘢, 睇, 搵)
_CANTONESE_RE = re.compile("[咗啲佢哋嘅喺冇嚟嗰唔嘢睇攞搵揾嘥噉咩冚攰]")
CANTONESE_SHARE = 1 / 3  # an article more Cantonese than this is written in Cantonese: all of it stays


def spoken_cantonese(all_sentences) -> tuple:
    """A Mandarin article's clauses of speech quoted in Cantonese (a Hong Kong page: 「呢度啲街坊識咗我幾十年，
    搬走咗佢哋點搵我？」) as ``cantonese``: Mandarin pinyin misreads them, their words (咗, 佢, 搵 "to
    press") are no Mandarin vocabulary, and they never serve as examples.  An article mostly in
    Cantonese is left as it is."""
    all_sentences = tuple(all_sentences)
    body = [s for s in all_sentences if s.kind == "body"]
    spoken = sum(len(m.group(0)) for s in body if _CANTONESE_RE.search(s.text)
                 for m in _CLAUSE_END_RE.finditer(s.text) if _CANTONESE_RE.search(m.group(0)))
    if not spoken or spoken > CANTONESE_SHARE * sum(len(s.text) for s in body):
        return all_sentences
    out = []
    for s in all_sentences:
        if s.kind == "body" and _CANTONESE_RE.search(s.text):
            out.extend(_by_clause(s.text, s.start, _CANTONESE_RE.search, CANTONESE, "speech quoted in Cantonese"))
        else:
            out.append(s)
    return tuple(out)


def explain(text: str, sentences_) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Each non-empty line of ``text`` with its pieces (text, kind, why), for showing what was left out."""
    out = []
    ordered = sorted(sentences_, key=lambda s: s.start)
    i = 0
    for line, pos in _lines(text):
        end = pos + len(line)
        pieces = []
        while i < len(ordered) and ordered[i].start < end + 1:
            s = ordered[i]
            if s.start >= pos:
                pieces.append((s.text, s.kind, s.why))
            i += 1
        if line.strip():
            out.append((line.strip(), pieces))
    return out
