"""Text exports: the ``words`` table (TSV), a CSV of every note field, and Pleco's flashcard import text."""

from __future__ import annotations

import csv
import io

from cardmaker.lexicon.cedict import readable
from cardmaker.lists.wordlist import COLUMNS, word_row
from cardmaker.output.fields import PLAIN, Cards, note_fields
from cardmaker.records import ADDED_FIELDS, EXPORT_FIELDS
from cardmaker.text.controls import strip_controls

_CSV_FIRST = tuple(f for f in EXPORT_FIELDS if f not in ADDED_FIELDS)


def _cell(value) -> str:
    return strip_controls(" ".join(str(value).split("\t")).replace("\r", " ").replace("\n", " "))


def tsv_text(words, script: str = "simplified", hsk_standard: str = "") -> str:
    """The vocabulary as ``cardmaker words`` prints it: a header row, then a row per word (meanings
    in ``script``, HSK levels of ``hsk_standard``)."""
    lines = ["\t".join(COLUMNS)]
    lines.extend("\t".join(_cell(c) for c in word_row(w, script, hsk_standard).values()) for w in words)
    return "\n".join(lines) + "\n"


_FORMULA = ("=", "@", "\t", "\r")  # what makes a spreadsheet run a cell as a formula …
_SIGNS = ("+", "-")                # … and a sign before a number or a call (+1+cmd|' /C calc'!A0)


def _safe(cell: str) -> str:
    """A cell that a spreadsheet shows and never runs: one that starts like a formula gets an
    apostrophe (which Anki then keeps, so a sense that is only text, '-ization', is left as it is)."""
    if cell.startswith(_FORMULA):
        return "'" + cell
    if cell.startswith(_SIGNS) and (cell[1:2].isdigit() or cell[1:2] in "+-@" or any(c in cell for c in "=(|!")):
        return "'" + cell
    return cell


def csv_text(rows, memo=None, notetype: str = "cardmaker", deck: str | None = None, cards: Cards = Cards()) -> str:
    """``rows``: (word, examples, script, sources, tags) per note; plain text.

    A UTF-8 byte-order mark (so that spreadsheets read the Chinese), then Anki's
    header lines (separator, plain text, the note type, the deck, the tags
    column and the column names, which are the note type's field names), so that
    Anki's importer maps every column without asking; a cell that starts like a
    formula is neutralised.
    """
    columns = _CSV_FIRST + ("Tags",) + ADDED_FIELDS  # fields added after 0.1.0 come after Tags
    out = io.StringIO()
    out.write("\ufeff#separator:comma\n#html:false\n")
    out.write(f"#notetype:{notetype}\n")
    if deck:
        out.write(f"#deck:{deck}\n")
    out.write(f"#tags column:{len(_CSV_FIRST) + 1}\n#columns:{','.join(columns)}\n")
    writer = csv.writer(out, lineterminator="\n")
    for word, examples, script, sources, tags in rows:
        values = note_fields(word, examples, script, sources, PLAIN, memo, cards).by_name()
        writer.writerow([_safe(values[name]) for name in _CSV_FIRST] + [_safe(" ".join(tags))]
                        + [_safe(values[name]) for name in ADDED_FIELDS])
    return out.getvalue()


def pleco_text(sections) -> str:
    """Pleco import text: ``//category`` per article, then ``simplified[traditional]<TAB>pinyin<TAB>definition``.

    ``sections``: (category path as a tuple of names, words); "/" separates Pleco's subcategories.
    """
    lines = []
    for category, words in sections:
        lines.append("//" + "/".join(" ".join(part.replace("/", "／").split()) for part in category))
        for w in words:
            headword = w.simplified if w.simplified == w.traditional else f"{w.simplified}[{w.traditional}]"
            pinyin = "".join(s if s[-1:].isdigit() else s + "5" for s in w.syllables)
            definition = "; ".join(readable(s, "both") for s in w.senses)
            if w.classifiers:
                definition += f" (measure words: {', '.join(readable(c, 'both') for c in w.classifiers)})"
            lines.append("\t".join(strip_controls(" ".join(x.split())) for x in (headword, pinyin, definition)))
    return "\n".join(lines) + "\n"
