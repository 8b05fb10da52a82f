"""Reading an article file into an ``Article``: bytes, encoding, glosses, then layout."""

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
from cardmaker.text.layout import layout, line_kinds, sentences

MAX_BYTES = 2_000_000  # about 650,000 characters: far beyond an article, and still built in seconds


def read_article(path, encoding: str | None = None) -> Article:
    """Read ``path`` into an ``Article``; raises ``InputError`` naming the file."""
    path = Path(path)
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(st.st_mode):
            raise InputError(path, "not a regular file")
        if st.st_size > MAX_BYTES:
            raise InputError(
                path, f"too large for an article ({st.st_size / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB): "
                "split it into several articles"
            )
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder, not an article") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as e:
        raise InputError(path, f"cannot read ({e.strerror or e})") from None
    return parse_article(data, path, encoding)


def parse_article(data: bytes, path="<text>", encoding: str | None = None) -> Article:
    """Build an ``Article`` from the bytes of a file (see ``read_article``)."""
    if not data:
        raise InputError(path, "empty file")
    decoded = decode(data, path, encoding)
    raw = clean_text(decoded.text)  # no control character ever reaches a field
    if not raw.strip():
        raise InputError(path, "only whitespace, no text")
    stripped = strip_glosses(raw)
    text = stripped.text
    if not HAN_RE.search(text):
        raise InputError(path, "no Chinese text")
    kinds = line_kinds(text)
    title, date, title_span, date_span = layout(text, name_text(Path(str(path)).stem), kinds)
    notes = ["the last character was cut off mid-byte and dropped"] if decoded.cut else []
    if decoded.replaced:
        notes.append(f"{decoded.replaced} invalid byte sequence(s) shown as \ufffd")
    if stripped.truncated:
        notes.append(f"{stripped.truncated} gloss fragment(s) cut off and dropped")
    return Article(
        path=str(path),
        title=title,
        date=date,
        text=text,
        sentences=tuple(sentences(text, title_span, date_span, kinds)),
        glosses=stripped.glosses,
        truncated=stripped.truncated,
        encoding=decoded.encoding,
        notes=tuple(notes),
    )


ARTICLE_SUFFIXES = (".txt", ".text")


def find_articles(paths) -> list[Path | InputError]:
    """Expand files and folders into article paths, in a stable order.

    A folder contributes its ``*.txt`` files (not recursively); a missing path
    or a folder without articles becomes an ``InputError`` in the list, so a
    batch can report it and go on.
    """
    out: list[Path | InputError] = []
    for p in map(Path, paths):
        try:
            if p.is_dir():
                found = sorted(f for f in p.iterdir() if f.suffix.lower() in ARTICLE_SUFFIXES and _is_file(f))
                out.extend(found or [InputError(p, "folder has no article files (*.txt)")])
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
