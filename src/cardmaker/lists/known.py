"""Known words (``--known``): the words a learner already has, left out of a run."""

from __future__ import annotations

import csv
import re

from cardmaker.chinese.script import to_simplified
from cardmaker.errors import InputError
from cardmaker.text.encoding import read_text

_TAG_RE = re.compile(r"<[^>]*>")
_ENTITY_RE = re.compile(r"&(nbsp|amp|lt|gt|quot|#39);")
_ENTITIES = {"nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": '"', "#39": "'"}


def _plain(cell: str) -> str:
    return _ENTITY_RE.sub(lambda m: _ENTITIES[m.group(1)], _TAG_RE.sub("", cell)).strip()


def read_known(path) -> frozenset[str]:
    """Known words from a file (see ``known_words``); ``InputError`` names the file."""
    try:
        return known_words(read_text(path, "known-words file"))
    except ValueError as e:
        raise InputError(path, str(e)) from None


def known_words(text: str) -> frozenset[str]:
    """Known words: one per line, the first tab-separated column, or Anki's "Notes in Plain Text".

    Anki's export may start with ``#separator:``, ``#html:``, ``#guid column:``,
    ``#notetype column:`` and ``#deck column:`` lines; the first column that is
    none of those holds the first field.  Both scripts are accepted: each word
    is kept as written and in simplified characters.
    """
    skip: set[int] = set()
    separator = "\t"
    body = []
    for line in text.split("\n"):
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
    limit = csv.field_size_limit(2**31 - 1)  # a cell of any length (the module's default stops at 128 KB)
    try:
        for row in csv.reader(body, delimiter=separator):
            cells = [c for i, c in enumerate(row) if i not in skip]
            word = _plain(cells[0]) if cells else ""
            if word:
                out.add(word)
                out.add(to_simplified(word))
    except csv.Error as e:
        raise ValueError(f"cannot read it as a table ({e})") from None
    finally:
        csv.field_size_limit(limit)
    return frozenset(out)
