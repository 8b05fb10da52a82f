"""Word lists the user gives: known words, a curated word list, a user dictionary.

Each is a small text file; problems are reported with the file name and the
line number.  Pinyin in these files may be tone-marked (``jìnbóhuì``) or
numbered (``jin4 bo2 hui4``).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass

from cardmaker.errors import InputError
from cardmaker.glosses import split_syllables

_TAG_RE = re.compile(r"<[^>]*>")
_ENTITY_RE = re.compile(r"&(nbsp|amp|lt|gt|quot|#39);")
_ENTITIES = {"nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": '"', "#39": "'"}


def read_text(path, what: str) -> str:
    """The decoded text of a user's file, or an ``InputError`` naming it."""
    from cardmaker.encoding import decode

    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise InputError(path, f"cannot read {what} ({e.strerror or e})") from None
    return decode(data, path).text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def _plain(cell: str) -> str:
    return _ENTITY_RE.sub(lambda m: _ENTITIES[m.group(1)], _TAG_RE.sub("", cell)).strip()


def known_words(text: str) -> frozenset[str]:
    """Known words: one per line, the first tab-separated column, or Anki's "Notes in Plain Text".

    Anki's export may start with ``#separator:``, ``#html:``, ``#guid column:``,
    ``#notetype column:`` and ``#deck column:`` lines; the first column that is
    none of those holds the first field.  Both scripts are accepted.
    """
    from cardmaker.script import to_simplified

    lines = text.split("\n")
    skip: set[int] = set()
    separator = "\t"
    body = []
    for line in lines:
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            key = key.strip().lower()
            if key in ("guid column", "notetype column", "deck column", "tags column") and value.strip().isdigit():
                skip.add(int(value) - 1)
            elif key == "separator":
                separator = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|"}.get(
                    value.strip().lower(), value.strip()[:1] or "\t")
            continue
        body.append(line)
    out = set()
    for row in csv.reader(body, delimiter=separator):
        cells = [c for i, c in enumerate(row) if i not in skip]
        word = _plain(cells[0]) if cells else ""
        if word:
            out.add(word)
            out.add(to_simplified(word))
    return frozenset(out)


def parse_pinyin(text: str) -> tuple[str, ...] | None:
    """``jìnbóhuì``, ``jin4 bo2 hui4``, ``jin4bo2hui4`` or ``Xī'ān`` → numbered syllables; None if unreadable."""
    readings = split_syllables(text.lower())
    return tuple(f"{r.base}{r.tone or 5}" for r in readings) if readings else None


@dataclass(frozen=True)
class UserEntry:
    """A line of the user's dictionary: it wins over CC-CEDICT for its word."""

    traditional: str
    simplified: str
    syllables: tuple[str, ...]
    senses: tuple[str, ...]


def read_user_dictionary(path) -> tuple[UserEntry, ...]:
    """``word<TAB>pinyin<TAB>meaning`` lines (either script; ``#`` comments)."""
    from cardmaker.script import to_simplified, to_traditional

    out = []
    for number, line in enumerate(read_text(path, "dictionary").split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 2 or not cells[0]:
            raise InputError(path, f"line {number}: expected word<TAB>pinyin<TAB>meaning")
        word = cells[0]
        pinyin = parse_pinyin(cells[1])
        if pinyin is None or len(pinyin) != len(word):
            raise InputError(path, f"line {number}: cannot read pinyin {cells[1]!r} for {word!r}")
        meaning = cells[2] if len(cells) > 2 else ""
        senses = tuple(s.strip() for s in re.split(r"\s*/\s*|\s*;\s*", meaning) if s.strip())
        simplified = to_simplified(word)
        traditional = word if word != simplified else to_traditional(word)
        out.append(UserEntry(traditional, simplified, pinyin, senses))
    return tuple(out)


@dataclass(frozen=True)
class ListedWord:
    """A row of a curated word list: the cells the teacher filled, by column name."""

    line: int
    cells: dict

    @property
    def word(self) -> str:
        return self.cells.get("simplified") or self.cells.get("traditional") or ""


def read_word_list(path) -> tuple[ListedWord, ...]:
    """A table written by ``cardmaker words`` and edited by hand (rows deleted, cells edited, rows added)."""
    from cardmaker.table import COLUMNS

    lines = read_text(path, "word list").split("\n")
    header_at = next((i for i, l in enumerate(lines) if l.strip() and not l.startswith("#")), None)
    if header_at is None:
        raise InputError(path, "the word list is empty")
    header = [c.strip().lower() for c in lines[header_at].split("\t")]
    for c in header:
        if c not in COLUMNS:
            raise InputError(path, f"line {header_at + 1}: unknown column {c!r} "
                                   f"(the header row names columns of: {', '.join(COLUMNS)})")
    if "simplified" not in header and "traditional" not in header:
        raise InputError(path, f"line {header_at + 1}: needs a simplified or traditional column")
    if len(set(header)) != len(header):
        raise InputError(path, f"line {header_at + 1}: a column is named twice")
    rows = []
    for number, line in enumerate(lines[header_at + 1:], header_at + 2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) > len(header):
            raise InputError(path, f"line {number}: {len(cells)} cells but the header has {len(header)}")
        row = ListedWord(number, {k: v.strip() for k, v in zip(header, cells) if v.strip()})
        if not row.word:
            raise InputError(path, f"line {number}: no word in the simplified or traditional column")
        rows.append(row)
    return tuple(rows)
