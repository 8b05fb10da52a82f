"""Reading an input into an ``Article``: bytes, then text (encodings, web pages, documents), glosses, layout.

An input is a file, ``-`` (standard input) or an http(s) URL (``sources``); a
web page or document is turned into lines of text first (``webpage``,
``documents``), so every format reaches the same gloss reader and the same
judgement of what is prose (``layout``).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from cardmaker.chinese.script import HAN_RE
from cardmaker.errors import InputError
from cardmaker.records import Article
from cardmaker.text.controls import clean_text, name_text
from cardmaker.text.encoding import decode
from cardmaker.text.glosses import strip_glosses
from cardmaker.text.layout import join_wrapped, judge, sentences, spoken_cantonese, strip_footnotes
from cardmaker.text.sources import FORMATS, MAX_BYTES, is_url, load

__all__ = ["MAX_BYTES", "read_article", "read_chapters", "parse_article", "text_article", "find_articles"]


def read_article(spec, encoding: str | None = None) -> Article:
    """Read the input ``spec`` (path, ``-`` or URL) into one ``Article``; an e-book's chapters are joined.

    Raises ``InputError`` naming the input.
    """
    book, chapters = read_chapters(spec, encoding)
    if book is None:
        return chapters[0]
    first = chapters[0]
    text = "\n".join([book, *(c.text for c in chapters)])
    return text_article(text, first.path, title_first=True, encoding=first.encoding, format="epub")


def read_chapters(spec, encoding: str | None = None) -> tuple[str | None, list[Article]]:
    """The input as articles: (book title, one per chapter) for an e-book, else (None, [the article])."""
    loaded = load(spec)
    name, fmt = loaded.name, loaded.format
    if fmt == "text":
        return None, [parse_article(loaded.data, name, encoding or loaded.charset, stem=loaded.stem, url=loaded.url)]
    if fmt == "html":
        from cardmaker.text.webpage import read_page

        documents = [read_page(loaded.data, name, loaded.charset, encoding)]
    elif fmt == "docx":
        from cardmaker.text.documents import read_docx

        documents = [read_docx(loaded.data, name)]
    elif fmt == "pdf":
        from cardmaker.text.documents import read_pdf

        documents = [read_pdf(loaded.data, name)]
    else:
        from cardmaker.text.documents import read_epub

        book = read_epub(loaded.data, name)
        title = book.title or loaded.stem
        chapters = [
            text_article(d.text, f"{name}#{n}", title_first=True, encoding="utf-8", format="epub", stem=f"{loaded.stem}-{n:02d}")
            for n, (_, d) in enumerate(book.chapters, 1)
        ]
        return title, chapters
    d = documents[0]
    if len(d.text.encode("utf-8")) > MAX_BYTES:
        raise InputError(name, f"its text is too large for an article (over {MAX_BYTES / 1e6:.0f} MB): split it")
    return None, [text_article(d.text, name, title_first=d.title_first, date=d.date, url=loaded.url,
                               encoding=d.encoding or fmt, notes=d.notes, format=fmt, stem=loaded.stem)]


def parse_article(data: bytes, path="<text>", encoding: str | None = None, *, stem: str | None = None,
                  url: str = "") -> Article:
    """Build an ``Article`` from the bytes of a text file (see ``read_article``)."""
    if not data:
        raise InputError(path, "empty file")
    decoded = decode(data, path, encoding)
    notes = ["the last character was cut off mid-byte and dropped"] if decoded.cut else []
    if decoded.replaced:
        notes.append(f"{decoded.replaced} invalid byte sequence(s) shown as \ufffd")
    return text_article(decoded.text, path, encoding=decoded.encoding, notes=tuple(notes), stem=stem, url=url)


def text_article(raw: str, path, *, title_first: bool = False, date: str | None = None, url: str = "",
                 encoding: str = "", notes=(), format: str = "text", stem: str | None = None) -> Article:
    """Build an ``Article`` from decoded text, one block per line; with ``title_first`` line one is the headline."""
    raw = clean_text(raw.replace("\r\n", "\n").replace("\r", "\n"))  # no control character reaches a field
    if not raw.strip():
        raise InputError(path, "only whitespace, no text")
    raw, footnotes = strip_footnotes(join_wrapped(raw))
    stripped = strip_glosses(raw)
    text = stripped.text
    if not HAN_RE.search(text):
        raise InputError(path, "no Chinese text")
    fallback = name_text(stem if stem is not None else Path(str(path)).stem)
    layout = judge(text, fallback, title_first=title_first)
    notes = list(notes)
    if stripped.truncated:
        notes.append(f"{stripped.truncated} gloss fragment(s) cut off and dropped")
    all_sentences = spoken_cantonese(sentences(text, layout))
    if not any(s.kind == "body" for s in all_sentences) and format != "text":
        raise InputError(path, "no article text: every line is page furniture (see `cardmaker text`)")
    return Article(
        path=str(path),
        title=layout.title,
        date=layout.date or date if not date else date,
        text=text,
        sentences=all_sentences,
        glosses=stripped.glosses,
        truncated=stripped.truncated,
        encoding=encoding,
        notes=tuple(notes),
        url=url,
        format=format,
    )


ARTICLE_SUFFIXES = tuple(FORMATS)


def find_articles(paths) -> list:
    """Expand files and folders into inputs (paths; URLs and ``-`` as given), in a stable order.

    A folder contributes its article files (``.txt``, ``.html``, ``.docx``,
    ``.pdf``, ``.epub`` …; not recursively); a missing path or a folder without
    articles becomes an ``InputError`` in the list, so a batch can report it and go on.
    """
    out: list = []
    for spec in paths:
        if is_url(spec) or str(spec) == "-":
            out.append(str(spec))
            continue
        p = Path(spec)
        try:
            if p.is_dir():
                found = sorted(f for f in p.iterdir() if f.suffix.lower() in ARTICLE_SUFFIXES and _is_file(f))
                out.extend(found or [InputError(p, "folder has no article files (*.txt, *.html, *.docx, *.pdf, *.epub)")])
            elif p.exists():
                out.append(p)
            else:
                out.append(InputError(p, _missing(p)))
        except OSError as e:  # a name too long, a folder that cannot be listed
            out.append(InputError(p, f"cannot read ({e.strerror or e})"))
    return out


def _missing(path: Path) -> str:
    try:
        os.stat(path)
    except OSError as e:
        if e.errno not in (errno.ENOENT, errno.ENOTDIR):  # a loop of symbolic links, say
            return f"cannot read ({e.strerror or e})"
    return "no such file or folder"


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False
