"""A saved or fetched web page → its article's blocks, headline and date.

The main text is found by trafilatura (the field's standard main-content
extractor) on a copy of the page from which the unmistakable furniture was
pruned first: scripts, navigation, headers and footers, sidebars, sharing and
comment boxes, lists that are only links, and boxes headed 延伸閱讀 or 相關新聞.
When trafilatura finds no article (short pages), every text block of the
pruned page is taken instead; ``layout`` judges the blocks either way.

Ruby annotations are glosses: ``<ruby>深<rt>shēn</rt></ruby>`` becomes
``深(shēn)`` for the gloss reader, a zhuyin one ``<ruby>行<rt>ㄏㄤˊ</rt></ruby>`` becomes
``行(hang2)``; any other ``<rt>`` is dropped.
Nothing a page refers to (images, scripts, frames) is ever fetched.
"""

from __future__ import annotations

import re

from cardmaker.errors import InputError
from cardmaker.text.blocks import Document, decode_page, blocks_of, parse_html
from cardmaker.text import furniture as F

_DROP = ("script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed", "select",
         "button", "input", "textarea", "nav", "header", "footer", "aside", "form", "menu", "dialog")
_FURNITURE_CLASS_RE = re.compile(
    r"(?:^|[\s_\-])(?:breadcrumbs?|crumbs?|share|sharing|social|sns|related|recommend\w*|comments?|sidebar|side-bar"
    r"|advert\w*|ads?|ad-?box|banner|tags?|keywords?|nav|navbar|navigation|menu|subscribe|newsletter|copyright"
    r"|footer|header|toolbar|pager|pagination|hot-?news|popular|ranking|more-?news|read-?more|promo\w*)(?:$|[\s_\-])",
    re.I,
)


def _prune(tree) -> None:
    """Drop what is never the article: scripts, navigation, boxes of links and of related news."""
    for el in list(tree.iter(*_DROP)):
        if el.getparent() is None or (el.tag == "header" and el.find(".//h1") is not None):
            continue  # an article's own <header> holds its headline
        el.drop_tree()
    for el in list(tree.iter("div", "section", "ul", "ol", "p", "span", "aside", "dl", "table")):
        if el.getparent() is None:
            continue
        names = " ".join(filter(None, (el.get("class"), el.get("id"))))
        if names and _FURNITURE_CLASS_RE.search(names) and _small(el):
            el.drop_tree()
            continue
        first = next((c for c in el if isinstance(c.tag, str)), None)
        if el.tag in ("div", "section") and first is not None and first.tag != "p" and \
                first.text_content().strip(" ：:■●▍|") in F.RELATED:
            el.drop_tree()  # a box headed 延伸閱讀, 相關新聞 …
            continue
        if el.tag in ("ul", "ol") and _only_links(el):
            el.drop_tree()


def _small(el) -> bool:
    """Little text, or mostly link text: a box of furniture, not an article that happens to sit in it."""
    text = el.text_content()
    if len(text.strip()) < 200:
        return True
    links = sum(len(a.text_content()) for a in el.iter("a"))
    return links > 0.5 * len(text.strip())


def _only_links(el) -> bool:
    items = [li for li in el if isinstance(li.tag, str) and li.tag == "li"]
    if len(items) < 2:
        return False
    for li in items:
        text = li.text_content().strip()
        linked = "".join(a.text_content() for a in li.iter("a")).strip()
        if text and len(linked) < 0.8 * len(text):
            return False
    return True


def _trafilatura_blocks(tree) -> tuple[list[str], object]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
        include_formatting=False, include_links=False, deduplicate=False, favor_recall=True,
    )
    if doc is None or getattr(doc, "body", None) is None:
        return [], doc
    lines: list[str] = []
    for el in doc.body.iter("head", "p", "item", "quote", "cell", "code"):
        if el.getparent() is not None and el.getparent().tag in ("p", "item", "quote", "cell") and el.tag != "item":
            continue  # nested inside a block already taken
        text = re.sub(r"[ \t\u00a0]+", " ", "".join(el.itertext())).strip()
        lines.extend(part.strip() for part in text.split("\n") if part.strip())
    return lines, doc


def read_page(data: bytes, name, charset: str | None = None, encoding: str | None = None,
              method: str = "trafilatura") -> Document:
    """The article in a web page: its headline first, then its blocks; ``InputError`` when there is none.

    ``method`` "blocks" skips trafilatura (every block of the pruned page), for comparison.
    """
    import copy

    tree = parse_html(data, name, charset, encoding)
    _, enc = decode_page(data, name, charset, encoding) if isinstance(data, bytes) else (None, "utf-8")
    page_title = (tree.findtext(".//title") or "").strip()
    og = tree.xpath('//meta[@property="og:title"]/@content')
    _prune(tree)
    lines, doc, used = [], None, method
    if method == "trafilatura":
        lines, doc = _trafilatura_blocks(copy.deepcopy(tree))
    fallback, heading = blocks_of(tree)
    han = lambda ls: sum(len(re.findall(f"[{F.HAN}]", line)) for line in ls)  # noqa: E731
    if method == "trafilatura" and (len(lines) <= 1 < len(fallback) or han(lines) < 20 <= han(fallback) // 2):
        lines, used = fallback, "blocks"  # trafilatura found no article: a short page, or one block
    elif method != "trafilatura":
        lines = fallback
    if not any(re.search(f"[{F.HAN}]", line) for line in lines):
        raise InputError(name, "no article text found in this web page")
    from cardmaker.text.layout import clean_title

    candidates = [t for t in ((og[0] if og else ""), page_title, getattr(doc, "title", None) or "") if t and t.strip()]
    meta_title = re.sub(r"\s+", " ", candidates[0]).strip() if candidates else ""
    headline = heading or ""
    if meta_title:
        a, b = clean_title(meta_title)
        cleaned = meta_title[a:b]
        # the page's h1 is the headline when the metadata title is it with a label or site name around
        headline = heading if heading and heading in meta_title and len(heading) >= len(cleaned) // 2 else meta_title
    for i, line in enumerate(lines[:4]):
        if headline and (line == headline or (heading and line == heading)):
            del lines[i]
            break
    date = getattr(doc, "date", None) if doc is not None else None
    if date is None:
        date = _meta_date(tree)
    text = "\n".join(([headline] if headline else []) + lines)
    notes = () if used == method else ("no main text found by trafilatura; every text block of the page was read",)
    return Document(text, title_first=bool(headline), date=date, encoding=enc, notes=notes, format="html")


def _meta_date(tree) -> str | None:
    for value in tree.xpath('//meta[@property="article:published_time" or @name="pubdate" or @itemprop="datePublished"'
                            ' or @name="publishdate" or @name="date"]/@content') + tree.xpath("//time/@datetime"):
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
        if m:
            return "-".join(m.groups())
    return None
