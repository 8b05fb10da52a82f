"""Text blocks of HTML: a page or an e-book chapter parsed (never fetching what it refers to), ruby
annotations (pinyin, or zhuyin read as pinyin) made inline glosses, and every block of text as one line; and the ``Document`` record
every non-text format is read into.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cardmaker.errors import InputError


@dataclass(frozen=True)
class Document:
    """An input's text as lines of blocks, with what the format itself says about it."""

    text: str                      # one block (paragraph, heading, list item, caption …) per line
    title_first: bool = False      # the first line is the headline (the page's or document's own title)
    date: str | None = None
    encoding: str = ""
    notes: tuple[str, ...] = ()
    format: str = "text"


_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_BLOCKS = frozenset("""
p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote figcaption figure table tr td th caption section article
main aside header footer nav pre address hr br tbody thead tfoot center details summary form fieldset legend
""".split())
_ZHUYIN_RE = re.compile(r"[\u3100-\u312f\u31a0-\u31bfˊˇˋ˙]")


def decode_page(data: bytes, name, charset: str | None, encoding: str | None) -> tuple[str, str]:
    """A page's text: the encoding given, the server's charset, the page's <meta charset>, or a guess."""
    from cardmaker.text.encoding import decode

    for declared in (encoding, charset, *(m.group(1).decode("ascii", "replace") for m in _META_CHARSET_RE.finditer(data[:4096]))):
        if not declared:
            continue
        try:
            return data.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            continue
    decoded = decode(data, name)
    return decoded.text, decoded.encoding


def parse_html(data: bytes | str, name, charset: str | None = None, encoding: str | None = None):
    """An lxml tree of the page (never fetching anything it refers to), ruby glosses made inline."""
    import lxml.html
    from lxml import etree

    if isinstance(data, bytes):
        text, _ = decode_page(data, name, charset, encoding)
    else:
        text = data
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    if not text.strip():
        raise InputError(name, "empty page")
    try:
        parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as e:
        raise InputError(name, f"not a readable web page ({e})") from None
    _inline_ruby(tree)
    return tree


def _inline_ruby(tree) -> None:
    from cardmaker.chinese.syllables import from_zhuyin, parse_syllable, split_syllables

    def gloss(rt: str) -> str | None:
        """The ruby text as a gloss: pinyin as written, zhuyin (ㄒㄩㄝˊ) as numbered pinyin."""
        rt = rt.strip()
        if not rt:
            return None
        if _ZHUYIN_RE.search(rt):
            return from_zhuyin(rt)
        return rt if all(parse_syllable(p) is not None or split_syllables(p) for p in rt.split()) else None

    for ruby in list(tree.iter("ruby")):
        out, base = [], ruby.text or ""
        for child in ruby:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "rt":
                rt = gloss(child.text_content()) if base else None
                out.append(f"{base}({rt})" if rt else base)
                base = ""
            elif tag == "rp":
                pass
            else:  # rb, rtc or inline markup around the base
                base += child.text_content() if tag != "rtc" else ""
            base += child.tail or ""
        out.append(base)
        ruby.tail = "".join(out) + (ruby.tail or "")
        ruby.drop_tree()


def blocks_of(tree) -> tuple[list[str], str | None]:
    """Every text block of ``tree`` in order (one line each), and the first heading's text."""
    lines: list[str] = []
    current: list[str] = []
    heading = None

    def flush():
        text = re.sub(r"[ \t\r\f\v\u00a0]+", " ", "".join(current)).strip()
        if text:
            lines.extend(part.strip() for part in text.split("\n") if part.strip())
        current.clear()

    def walk(el):
        nonlocal heading
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("script", "style", "noscript", "template", "head", "title", "figcaption", "rt", "rp"):
            return  # a figure's caption describes a picture the card does not have
        block = tag in _BLOCKS
        if block:
            flush()
        if tag == "br":
            current.append("\n")
        if el.text:
            current.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            if heading is None and tag in ("h1", "h2", "h3"):
                heading = re.sub(r"\s+", " ", el.text_content()).strip() or None
            flush()

    body = tree.find("body")
    walk(body if body is not None else tree)
    flush()
    return lines, heading


