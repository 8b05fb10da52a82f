"""Where an article's bytes come from: a file, standard input (``-``) or an http(s) URL.

Only the URL the user gave is fetched (and the redirects it answers with, at
most ``MAX_REDIRECTS``, http and https only); nothing a page links to.  Every
read is bounded: a text or web page by the article limit, a document by
``MAX_DOCUMENT_BYTES``; a download by a connect timeout and a total deadline.
The format is told from the file name, the server's content type, or the bytes.
"""

from __future__ import annotations

import stat
import sys
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from cardmaker.errors import InputError

MAX_BYTES = 2_000_000            # a text or web page: about 650,000 characters, far beyond an article
MAX_DOCUMENT_BYTES = 50_000_000  # a .docx, .pdf or .epub carries images beside its text
CONNECT_TIMEOUT = 10.0           # seconds to connect, and to wait for any one read
TOTAL_TIMEOUT = 30.0             # seconds for the whole download
MAX_REDIRECTS = 5

FORMATS = {
    ".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".docx": "docx", ".pdf": "pdf", ".epub": "epub",
}
DOCUMENTS = ("docx", "pdf", "epub")
_CONTENT_TYPES = {
    "text/html": "html", "application/xhtml+xml": "html", "text/plain": "text", "application/pdf": "pdf",
    "application/epub+zip": "epub",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}


@dataclass(frozen=True)
class Loaded:
    """An input's bytes and what they are."""

    name: str              # how messages name the input: the path, <stdin>, or the URL as given
    data: bytes
    format: str            # text, html, docx, pdf or epub
    stem: str              # the file name without suffix, or the URL's last path segment: a fallback title
    url: str = ""          # the final URL, after redirects
    charset: str | None = None  # the charset the server declared


def is_url(spec) -> bool:
    return isinstance(spec, str) and spec.lower().startswith(("http://", "https://"))


def sniff(data: bytes) -> str | None:
    """The format the bytes show, when they show one."""
    head = data[:1024].lstrip()
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "epub" if b"application/epub+zip" in data[:200] else "docx"
    low = head[:512].lower()
    if low.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in low or b"<body" in low or b"<head" in low:
        return "html"
    return None


def format_of(name: str, data: bytes = b"") -> str:
    """A file's format from its suffix; an unknown suffix is read as text unless the bytes say otherwise."""
    fmt = FORMATS.get(Path(name).suffix.lower())
    if fmt:
        return fmt
    return sniff(data) or "text"


def load(spec, encoding: str | None = None) -> Loaded:
    """The bytes of the input ``spec``: a path, ``-`` for standard input, or an http(s) URL."""
    if is_url(spec):
        return fetch(spec)
    if str(spec) == "-":
        return _stdin()
    return _file(Path(spec))


def _too_large(name, size: int, limit: int) -> InputError:
    return InputError(
        name, f"too large for an article ({size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB): "
        "split it into several articles"
    )


def _file(path: Path) -> Loaded:
    fmt = FORMATS.get(path.suffix.lower())
    limit = MAX_DOCUMENT_BYTES if fmt in DOCUMENTS else MAX_BYTES
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(st.st_mode):
            raise InputError(path, "not a regular file")
        if st.st_size > limit:
            raise _too_large(path, st.st_size, limit)
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder, not an article") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as e:
        raise InputError(path, f"cannot read ({e.strerror or e})") from None
    if len(data) > limit:
        raise _too_large(path, len(data), limit)
    return Loaded(str(path), data, fmt or sniff(data) or "text", path.stem)


def _stdin() -> Loaded:
    stream = getattr(sys.stdin, "buffer", sys.stdin)
    data = stream.read(MAX_DOCUMENT_BYTES + 1)
    if isinstance(data, str):
        data = data.encode("utf-8")
    fmt = sniff(data) or "text"
    limit = MAX_DOCUMENT_BYTES if fmt in DOCUMENTS else MAX_BYTES
    if len(data) > limit:
        raise _too_large("<stdin>", len(data), limit)
    return Loaded("<stdin>", data, fmt, "stdin")


# ── the web ─────────────────────────────────────────────────────────────────

class _Refused(Exception):
    """A redirect cardmaker does not follow; its message says why."""


def _opener():
    import urllib.request

    class Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = MAX_REDIRECTS

        def http_error_302(self, req, fp, code, msg, headers):
            from urllib.parse import urljoin

            target = headers.get("Location") or headers.get("URI")
            if target and not is_url(urljoin(req.full_url, target)):
                raise _Refused(f"redirected to {target!r}, which is not an http(s) address")
            return super().http_error_302(req, fp, code, msg, headers)

        http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

        def redirect_request(self, req, fp, code, msg, headers, newurl):
            if not is_url(newurl):
                raise _Refused(f"redirected to {newurl!r}, which is not an http(s) address")
            seen = getattr(req, "seen", [req.full_url])
            if newurl in seen:
                raise _Refused("redirects in a loop")
            if len(seen) > MAX_REDIRECTS:
                raise _Refused(f"more than {MAX_REDIRECTS} redirects")
            new = super().redirect_request(req, fp, code, msg, headers, newurl)
            if new is not None:
                new.seen = seen + [newurl]
            return new

    # no FTP, no file:// and no data: handlers: only the http(s) the user named
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(), urllib.request.HTTPHandler(), urllib.request.HTTPSHandler(),
                    urllib.request.HTTPDefaultErrorHandler(), Redirects(), urllib.request.HTTPErrorProcessor()):
        opener.add_handler(handler)
    return opener


def url_stem(url: str) -> str:
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    name = PurePosixPath(unquote(parts.path)).name
    return (PurePosixPath(name).stem if "." in name else name) or parts.hostname or "page"


def fetch(url: str) -> Loaded:
    """Download ``url`` within the timeouts and the size limit; an ``InputError`` names the URL."""
    import http.client
    import socket
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={
        "User-Agent": "cardmaker (article reader)", "Accept": "text/html,text/plain,application/pdf,*/*;q=0.5",
        "Accept-Encoding": "identity",
    })
    start = time.monotonic()
    try:
        with _opener().open(request, timeout=CONNECT_TIMEOUT) as response:
            final = response.geturl()
            ctype = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            fmt = _CONTENT_TYPES.get(ctype)
            if fmt is None and ctype.split("/")[0] in ("image", "audio", "video", "font", "model"):
                raise InputError(url, f"is not an article but {ctype}")
            fmt = fmt or FORMATS.get(PurePosixPath(final.split("?")[0]).suffix.lower())
            limit = MAX_DOCUMENT_BYTES if fmt in DOCUMENTS else MAX_BYTES
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limit:
                raise _too_large(url, int(length), limit)
            chunks, size = [], 0
            while True:
                if time.monotonic() - start > TOTAL_TIMEOUT:
                    raise InputError(url, f"download took longer than {TOTAL_TIMEOUT:g} s; giving up")
                chunk = response.read1(65536) if hasattr(response, "read1") else response.read(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if size > limit:
                    raise _too_large(url, size, limit)
    except _Refused as e:
        raise InputError(url, str(e)) from None
    except urllib.error.HTTPError as e:
        raise InputError(url, f"the server answered HTTP {e.code} {e.reason}") from None
    except (socket.timeout, TimeoutError):
        raise InputError(url, f"no answer within {CONNECT_TIMEOUT:g} s") from None
    except urllib.error.URLError as e:
        reason = e.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise InputError(url, f"no answer within {CONNECT_TIMEOUT:g} s") from None
        raise InputError(url, f"cannot fetch ({getattr(reason, 'strerror', None) or reason})") from None
    except (OSError, ValueError, http.client.HTTPException) as e:  # a reset connection, a malformed answer
        raise InputError(url, f"cannot fetch ({type(e).__name__}: {e})") from None
    data = b"".join(chunks)
    if not data:
        raise InputError(url, "the server sent an empty page")
    fmt = fmt or sniff(data) or "text"
    return Loaded(url, data, fmt, url_stem(final), final, charset)
