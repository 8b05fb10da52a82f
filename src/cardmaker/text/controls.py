"""Characters that must never reach a note field or a terminal: control characters and lone surrogates.

Anki separates a note's fields with U+001F, so a single control character in
a field makes it refuse the whole package; a terminal runs what follows an
ESC.  Text is cleaned where it enters (``clean_text``: articles and the
user's side files) and once more where fields are made (``strip_controls``).
Tab and newline are kept; the controls that Python counts as line ends
(CR, VT, FF, FS, GS, RS, NEL) become newlines, every other C0 or C1 control
and DEL is dropped, and a lone surrogate (a file name's undecodable byte)
becomes U+FFFD.
"""

from __future__ import annotations

import os
import re

_BREAKS_RE = re.compile("\r\n?|[\x0b\x0c\x1c-\x1e\x85]")
_NEWLINE_RE = re.compile("\r\n?")
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_ANY_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Shown escaped in a terminal: controls, surrogates, and the marks that reorder text (Trojan Source).
_TERMINAL_RE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def strip_controls(value: str) -> str:
    """``value`` without control characters (tab and newline kept) and with lone surrogates as U+FFFD."""
    if value.isprintable() or not _ANY_RE.search(value):  # the usual case, and the quickest answer
        return value
    return _SURROGATE_RE.sub("\ufffd", _CONTROL_RE.sub("", value))


def has_controls(value: str) -> bool:
    """``strip_controls`` would change ``value``."""
    return not value.isprintable() and _ANY_RE.search(value) is not None


def clean_text(text: str, breaks: bool = True) -> str:
    """Text as it enters: newlines normalised, then ``strip_controls``.  With ``breaks`` the other
    line-ending controls are newlines too (an article's page breaks); a table's rows end only at
    CR or LF, so that a stray control inside a cell cannot split its row."""
    return strip_controls((_BREAKS_RE if breaks else _NEWLINE_RE).sub("\n", text))


def name_text(name: str) -> str:
    """A file name (or part of one) as text for a card or a deck: undecodable bytes as U+FFFD,
    controls and newlines as spaces."""
    try:
        name = os.fsencode(name).decode("utf-8", errors="replace")
    except UnicodeEncodeError:  # a surrogate that no file-system byte stands for
        pass
    return strip_controls(_CONTROL_RE.sub(" ", name.replace("\t", " ").replace("\n", " ")))


def terminal(text: str) -> str:
    """``text`` safe to print as one line: controls, surrogates and bidi marks written as escapes."""
    return _TERMINAL_RE.sub(_escape, text)


def _escape(m: re.Match) -> str:
    c = m.group()
    if "\udc80" <= c <= "\udcff":  # an undecodable byte of a file name (surrogateescape)
        return f"\\x{ord(c) - 0xdc00:02x}"
    return c.encode("unicode_escape").decode("ascii") if ord(c) < 0x100 else f"\\u{ord(c):04x}"
