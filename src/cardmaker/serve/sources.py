"""What the page is given — an uploaded file, pasted text, a web address — read into an ``Article``.

One function per kind of input, so that readers for more formats plug in
here: today a file is read as text (``text.article.parse_article``); web
pages, .docx, .pdf and .epub come with the text readers of issue 13, and so
does fetching a URL.  Sizes are limited like articles read from disk.
"""

from __future__ import annotations

import importlib.util
from pathlib import PurePath

from cardmaker.errors import InputError
from cardmaker.records import Article
from cardmaker.text.article import MAX_BYTES

TEXT_SUFFIXES = ("", ".txt", ".text")
PASTED = "pasted text"


def upload_limit() -> int:
    """The largest upload the page accepts, in bytes (an article's limit)."""
    return MAX_BYTES


def read_upload(name: str, data: bytes) -> Article:
    """An uploaded (or dropped) file, by its name and bytes."""
    from cardmaker.text.article import parse_article

    _check_size(name, len(data))
    suffix = PurePath(name).suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        raise InputError(name, f"{suffix} files cannot be read here yet; save the article as a .txt file "
                               "or paste its text")
    return parse_article(data, name)


def read_pasted(text: str) -> Article:
    """Text pasted into the page."""
    from cardmaker.text.article import parse_article

    data = text.encode("utf-8")
    _check_size(PASTED, len(data))
    return parse_article(data, PASTED, "utf-8")


def read_url(url: str) -> Article:
    """The article at an http(s) address, when this cardmaker has a reader for web addresses."""
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")):
        raise InputError(url or "address", "not a web address (http:// or https://)")
    if importlib.util.find_spec("cardmaker.text.sources") is None:
        raise InputError(url, "this cardmaker cannot fetch web pages yet; save the page as text and upload it")
    from cardmaker.text.article import read_article

    return read_article(url)


def _check_size(name: str, size: int) -> None:
    if size > MAX_BYTES:
        raise InputError(name, f"too large for an article ({size / 1e6:.1f} MB; the limit is "
                               f"{MAX_BYTES / 1e6:.0f} MB): split it into several articles")


LIST_LIMIT = 5_000_000  # a word list of every word of a long book is far smaller


def list_text(name: str, data: bytes) -> str:
    """The decoded text of an uploaded word list (a saved ``cardmaker words`` table)."""
    from cardmaker.text.encoding import decode

    if len(data) > LIST_LIMIT:
        raise InputError(name, f"too large for a word list (the limit is {LIST_LIMIT / 1e6:.0f} MB)")
    if not data.strip():
        raise InputError(name, "the word list is empty")
    return decode(data, name).text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
