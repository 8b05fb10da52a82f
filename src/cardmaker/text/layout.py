"""Where an article's prose is: title, date line, sentences, and the lines that are not prose.

Scraped pages keep page furniture beside the article: bylines, datelines, photo
captions and credits, related-news lists, sharing buttons, breadcrumbs.  Each
line is judged here, once; a ``Sentence`` carries the verdict as its ``kind``,
and only ``title`` and ``body`` sentences give vocabulary and examples.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from cardmaker.records import Sentence

# 2023-08-08, 2023/8/8, 2023年8月8日, after an optional label (發布時間：) and followed by
# something short that is not a sentence: a time, a counter, a source.
_DATE_RE = re.compile(
    r"^\s*(?:[^\d\s，。,]{1,8}[:：]\s*)?(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?![\d])(?P<rest>[^，。！？；,!?;]{0,40})$"
)
_TERMINATORS = "。！？；!?…"
_CLOSERS = "”’」』）)】》〉\"'』"
_SENTENCE_RE = re.compile(f"[^\n{_TERMINATORS}]*(?:[{_TERMINATORS}]+[{re.escape(_CLOSERS)}]*|\n|$)")
_CAPTION_RE = re.compile(r"^[(（].*[)）]$|圖片來源|图片来源|^\s*[(（]?(?:完|新華社|新华社)[)）]?\s*$")
# A whole line that is a photo caption: a short line marked ▲ or ▼ or ending in a photo credit
# (圖／記者李大明攝); a paragraph led by ▲, or run into the credit by the scraper, stays prose.
_CAPTION_MARK_RE = re.compile(r"^[▲▼△▽]")
_CREDIT_END_RE = re.compile(
    r"[(（]\s*(?:圖|图|圖片|图片|照片|攝影|摄影|圖文|图文)\s*[／/:：][^()（）]*[)）]\s*$|[(（][^()（）]{0,30}(?:攝|摄)[)）]\s*$"
)
_CAPTION_MAX = 80
# A byline on its own line: 記者陳小華／台北報導, 文／王小明 (a bracketed one is a dateline, below)
_BYLINE_RE = re.compile(
    r"^(?:記者|记者)\s*[^。，,]{0,12}[／/][^。，,]{0,12}$|^(?:記者|记者)[^。，,]{1,20}(?:報導|报道)$"
    r"|^(?:文|撰文|採訪|采访)\s*[／/][^。，,]{1,12}$"
)
# A dateline opening the first paragraph: （中央社記者王小明台北15日電）, 【記者陳小華／台北報導】
_DATELINE_RE = re.compile(r"[(（【\[][^()（）【】\[\]]{2,40}(?:電|电|報導|报道|訊|讯)[)）】\]]\s*")
# Page furniture that scrapers keep: a heading of related links (the short lines after it are
# headlines, not the article), sharing buttons, breadcrumbs.
_RELATED = frozenset([
    "延伸閱讀", "延伸阅读", "相關新聞", "相关新闻", "更多新聞", "更多新闻", "推薦閱讀", "推荐阅读",
    "熱門新聞", "热门新闻", "相關報導", "相关报道", "相關閱讀", "相关阅读", "相關文章", "相关文章",
    "最新新聞", "最新新闻", "精選新聞", "精选新闻", "看更多", "你可能也想看", "猜你喜歡", "猜你喜欢",
])
_BUTTONS = frozenset([
    "分享", "留言", "收藏", "訂閱", "订阅", "列印", "打印", "轉寄", "转寄", "讚", "赞", "推文", "複製連結",
    "复制链接", "字級", "字级", "加入好友", "追蹤", "追踪", "廣告", "广告", "回到頂端", "回到顶端", "上一篇",
    "下一篇", "返回", "首頁", "首页", "登入", "登录", "註冊", "注册", "檢舉", "举报", "打賞", "打赏", "下載",
    "下载", "分享到", "看新聞", "Facebook", "LINE", "Line", "Twitter", "X", "微博", "微信", "Home",
])
_FURNITURE_TRIM = "●○■□◆◇►▶▸★☆※•·【】[]「」『』《》<>：:｜| \t"
_TOKENS_RE = re.compile(r"[\s|｜/／·・>›»]+")


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield line, pos
        pos += len(line) + 1


def line_kinds(text: str) -> dict[int, str]:
    """Line start → ``caption`` or ``furniture`` for lines that are not the article's prose."""
    kinds: dict[int, str] = {}
    related = False
    for line, pos in _lines(text):
        s = line.strip()
        if not s:
            continue
        core = s.strip(_FURNITURE_TRIM)
        tokens = [t for t in _TOKENS_RE.split(core) if t]
        if core in _RELATED or (related and len(s) <= 60 and not s.endswith(tuple(_TERMINATORS))):
            related = True  # the heading, and the headlines listed under it
            kinds[pos] = "furniture"
            continue
        related = False
        if tokens and (all(t in _BUTTONS for t in tokens) or (tokens[0] in ("首頁", "首页", "Home") and ">" in s)):
            kinds[pos] = "furniture"
        elif len(s) <= _CAPTION_MAX and any(r.search(s) for r in (_CAPTION_MARK_RE, _CREDIT_END_RE, _BYLINE_RE)):
            kinds[pos] = "caption"
    return kinds


def layout(text: str, fallback: str, kinds: dict[int, str]):
    """Find the title line and a date line right after it, as spans of ``text``."""
    nonempty = [(line, pos) for line, pos in _lines(text) if line.strip() and pos not in kinds]
    if not nonempty:
        nonempty = [(line, pos) for line, pos in _lines(text) if line.strip()]
    first, first_pos = nonempty[0]
    title_span = date_span = None
    date = None
    looks_like_title = (
        len(nonempty) > 1 and len(first.strip()) <= 80 and not first.strip().endswith(("。", "；"))
    ) or (len(nonempty) > 1 and _DATE_RE.match(nonempty[1][0]))
    if looks_like_title:
        title = first.strip()
        title_span = (first_pos, first_pos + len(first))
        m = _DATE_RE.match(nonempty[1][0])
        if m:
            y, mo, d = (int(g) for g in m.groups()[:3])
            if 1 <= mo <= 12 and 1 <= d <= 31:
                date = f"{y:04d}-{mo:02d}-{d:02d}"
                date_span = (nonempty[1][1], nonempty[1][1] + len(nonempty[1][0]))
    else:
        title = fallback
    return title, date, title_span, date_span


def sentences(text: str, title_span, date_span, kinds: dict[int, str]):
    line_starts = [pos for _, pos in _lines(text)]
    for m in _SENTENCE_RE.finditer(text):
        chunk = m.group(0)
        lead = len(chunk) - len(chunk.lstrip())
        body = chunk.strip()
        if not body:
            continue
        start = m.start() + lead
        end = start + len(body)
        if date_span and date_span[0] <= start < date_span[1]:
            continue
        line_kind = kinds.get(line_starts[bisect_right(line_starts, start) - 1]) if kinds else None
        if title_span and title_span[0] <= start < title_span[1]:
            kind = "title"
        elif line_kind:
            kind = line_kind
        elif _CAPTION_RE.search(body):
            kind = "caption"
        else:
            kind = "body"
            dateline = _DATELINE_RE.match(body)
            if dateline and dateline.end() < len(body):  # （中央社記者王小明台北15日電）台積電今日宣布…
                yield Sentence(dateline.group(0), start, start + dateline.end(), "caption")
                body, start = body[dateline.end():], start + dateline.end()
        yield Sentence(body, start, end, kind)
