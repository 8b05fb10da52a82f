"""Curated word lists: the table ``cardmaker words`` writes, edited by a teacher and read back.

The columns are the same both ways, so a list can be written, edited in a
spreadsheet (rows deleted, cells changed, rows added with just a word) and
given to ``build --words``.  Problems are reported with the file name and the
line number.
"""

from __future__ import annotations

from cardmaker.errors import InputError
from cardmaker.records import ListedWord, Word
from cardmaker.text.encoding import read_text

COLUMNS = (
    "simplified", "traditional", "pinyin", "pinyin_numbered", "zhuyin", "meaning", "classifiers",
    "pos", "hsk", "count", "reading_check", "gloss",
)


def word_row(w: Word) -> dict[str, str]:
    """The cells of ``w``'s row, by column."""
    return dict(zip(COLUMNS, (
        w.simplified, w.traditional, w.pinyin, w.pinyin_numbered, w.zhuyin, w.meaning,
        " / ".join(w.classifiers), w.part_of_speech, w.hsk_label, str(w.count), w.check, " ".join(w.glosses),
    )))


def read_word_list(path) -> tuple[ListedWord, ...]:
    """A table written by ``cardmaker words`` and edited by hand (rows deleted, cells edited, rows added)."""
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
    if not rows:
        raise InputError(path, "the word list has no words (only its header row)")
    return tuple(rows)
