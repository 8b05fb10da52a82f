"""A teacher's curated word list applied to an article's analysis.

The list (``cardmaker words`` output, edited) names exactly the words to
build, in its order.  Cells the teacher filled win over computed values;
a word the analysis did not produce is found in the text or looked up; a
word the article does not contain at all still gets a card, without an
example, and a warning.
"""

from __future__ import annotations

import re
from dataclasses import replace

from cardmaker.analysis.pos import shown
from cardmaker.analysis.vocabulary import Analysis, entry_word
from cardmaker.chinese.pinyin import reading_key
from cardmaker.chinese.syllables import parse_pinyin
from cardmaker.errors import InputError
from cardmaker.lists.wordlist import word_row
from cardmaker.records import ListedWord, Word


def _find(analysis: Analysis, simplified: str, reading: tuple[str, ...] | None) -> Word | None:
    matches = [w for w in analysis.all_words if w.simplified == simplified]
    if reading is not None:
        exact = [w for w in matches if w.key[1] == reading_key(reading)]
        matches = exact or matches
    return max(matches, key=lambda w: w.count) if matches else None


def _spans(analysis: Analysis, simplified: str) -> tuple[tuple[int, int], ...]:
    out, i = [], analysis.simplified.find(simplified)
    while i >= 0 and simplified:
        out.append((i, i + len(simplified)))
        i = analysis.simplified.find(simplified, i + len(simplified))
    return tuple(out)


def curate(analysis: Analysis, rows, path, lexicon) -> tuple[list[Word], list[str]]:
    """The listed words, in the list's order, with the teacher's cells applied; and warnings."""
    words, warnings, seen = [], [], set()
    for row in rows:
        simplified = row.cells.get("simplified") or lexicon.to_simplified(row.cells["traditional"])
        given = {}
        for column in ("pinyin_numbered", "pinyin"):
            if column in row.cells:
                reading = parse_pinyin(row.cells[column])
                if reading is None or len(reading) != len(simplified):
                    raise InputError(path, f"line {row.line}: cannot read the {column} "
                                           f"{row.cells[column]!r} of {simplified!r}")
                given[column] = reading
        reading = given.get("pinyin_numbered") or given.get("pinyin")
        word = _find(analysis, simplified, reading)
        if word is not None and len(given) == 2:
            # both pinyin columns are there; the one the teacher changed is the one that differs
            edited = [r for r in given.values() if reading_key(r) != reading_key(word.syllables)]
            reading = edited[0] if edited else reading
        computed = word
        if word is not None and reading is not None and reading_key(reading) != reading_key(word.syllables):
            # another reading: the meaning of that reading's entry comes with it
            word = entry_word(simplified, reading, analysis, word.spans, lexicon)
        if word is None:
            spans = _spans(analysis, simplified)
            word = entry_word(simplified, reading, analysis, spans, lexicon)
            if not spans:
                warnings.append(f"{path}: line {row.line}: {simplified} is not in the article; "
                                "its card has no example")
        word = _apply(word, _edited(row, computed, analysis.script), reading, path)
        if word.key in seen:
            continue
        seen.add(word.key)
        words.append(word)
    return words, warnings


def _edited(row: ListedWord, computed: Word | None, script: str) -> ListedWord:
    """The cells the teacher changed: those that differ from what was computed for the word (the
    table was written in the article's ``script``)."""
    if computed is None:
        return row
    before = word_row(computed, script)
    cells = {k: v for k, v in row.cells.items() if before.get(k, "").strip() != v}
    return ListedWord(row.line, cells)


def _apply(word: Word, row: ListedWord, reading, path) -> Word:
    """The teacher's cells over the computed ones; a changed reading keeps its pinyin forms in step."""
    c = row.cells
    changes: dict = {}
    if reading is not None and reading_key(reading) != reading_key(word.syllables):
        changes["syllables"] = reading
    if "traditional" in c:
        changes["traditional"] = c["traditional"]
    if "meaning" in c:
        changes["senses"] = tuple(s.strip() for s in c["meaning"].split(" / ") if s.strip())
        changes["sense"] = changes["senses"][:1]  # the teacher's meaning is the one meant here
        changes["composed"] = False
    if "sense" in c:
        changes["sense"] = tuple(s.strip() for s in c["sense"].split(" / ") if s.strip())
    if "classifiers" in c:
        changes["classifiers"] = tuple(s.strip() for s in re.split(r"\s*(?:,|/)\s*", c["classifiers"]) if s.strip())
    if "pos" in c:
        changes["pos"] = c["pos"]
        changes["part_of_speech"] = shown(c["pos"], word.name)
    if "hsk" in c:
        level = c["hsk"]
        if level not in ("1", "2", "3", "4", "5", "6", "7-9"):
            raise InputError(path, f"line {row.line}: HSK level must be 1–6 or 7-9, not {level!r}")
        changes["hsk"] = 7 if level == "7-9" else int(level)
    if "reading_check" in c:
        changes["check"] = c["reading_check"]
    return replace(word, **changes) if changes else word
