"""Curated word lists: the table ``cardmaker words`` writes, edited by a teacher and read back.

The columns are the same both ways, so a list can be written, edited in a
spreadsheet (rows deleted, cells changed, rows added with just a word) and
given to ``build --words``.  Problems are reported with the file name and the
line number.
"""

from __future__ import annotations

from cardmaker.errors import InputError
from cardmaker.lexicon.cedict import english_only, readable
from cardmaker.records import ListedWord, Word
from cardmaker.text.encoding import read_text

COLUMNS = (
    "simplified", "traditional", "pinyin", "pinyin_numbered", "zhuyin", "meaning", "classifiers",
    "pos", "hsk", "count", "reading_check", "gloss",
    # added after 0.1.0, after the others, so that edited lists keep working
    "sense", "frequency", "hsk_standard",
)


def word_row(w: Word, script: str = "simplified", hsk_standard: str = "") -> dict[str, str]:
    """The cells of ``w``'s row, by column; dictionary references written in ``script``; the hsk
    cell is a level of ``hsk_standard`` ("2025" or "2021")."""
    return dict(zip(COLUMNS, (
        w.simplified, w.traditional, w.pinyin, w.pinyin_numbered, w.zhuyin,
        " / ".join(readable(s, script) for s in w.senses), ", ".join(readable(c, script) for c in w.classifiers),
        w.part_of_speech, w.hsk_label, str(w.count), w.check, " ".join(w.glosses),
        " / ".join(english_only(readable(s, script)) for s in w.sense),
        f"{w.frequency:.2f}" if w.frequency else "", hsk_standard if w.hsk is not None else "",
    )))


def read_word_list(path) -> tuple[ListedWord, ...]:
    """A table written by ``cardmaker words`` and edited by hand (rows deleted, cells edited, rows added)."""
    return parse_word_list(read_text(path, "word list"), path)


def parse_word_list(text: str, path) -> tuple[ListedWord, ...]:
    """The rows of a word list's decoded ``text``; problems name ``path`` and the line."""
    lines = text.split("\n")
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
